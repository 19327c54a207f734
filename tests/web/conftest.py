"""A store built once from a few bundled examples, and a live server over it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from saydo.runner import ingest
from saydo.store import Store
from saydo.web import create_app

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = (
    "01-istanbul-talks",
    "02-chernihiv-shelling",
    "04-chernobyl-withdrawal",
    "11-kramatorsk",
)
TOKEN = "test-token-not-secret"
SCREENSHOTS = Path(os.environ.get("SAYDO_SCREENSHOTS", REPO / "screenshots"))

# Hostile text: markup, a script, quotes of both kinds and an event handler.
HOSTILE_TITLE = 'Shelling <b>reported</b> "near" Kyiv'
HOSTILE_TEXT = (
    'Russian forces shelled Kyiv on Monday, <script>window.__pwned = 1; alert("x")</script> '
    'Ukrainian officials said. <img src=x onerror="window.__pwned=2"> The mayor said: '
    "\"We will not leave <i>our</i> city,\" and called it O'Brien's & Co's fault.\n"
)


@dataclass(frozen=True)
class Server:
    url: str
    db: str


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("web")
    sources = folder / "sources"
    sources.mkdir()
    for name in EXAMPLES:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(REPO / "examples" / f"{name}{suffix}", sources / f"{name}{suffix}")
    (sources / "99-hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = {"title": HOSTILE_TITLE, "outlet": "<Wire>", "published": "2022-03-28"}
    (sources / "99-hostile.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = str(folder / "web.db")
    with Store.open(db) as store:
        report = ingest(sorted(sources.glob("*.txt")), store)
    assert report.added == len(EXAMPLES) + 1, report.failures
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server(web_db: str) -> Iterator[Server]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(web_db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", web_db)
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
