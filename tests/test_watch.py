"""Polling feeds from a local HTTP server that changes, fails and talks garbage."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from saydo.domain import Article, IngestFailure
from saydo.errors import ErrorCode
from saydo.ingest import IngestOptions, read_sources
from saydo.store import Store
from saydo.watch import Backoff, FeedState, poll, read_feed_list, watch

BODY = "Officials in {city} said talks on a ceasefire would resume next week, item {n}."


def rss(numbers: list[int], city: str = "Kyiv") -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><description>{BODY.format(city=city, n=n)}"
        f"</description><link>https://example.com/{n}</link></item>"
        for n in numbers
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        f"{items}</channel></rss>"
    ).encode()


@dataclass
class Feed:
    """What the server answers for one path; the test changes it between polls."""

    body: bytes = b""
    mode: str = "ok"  # ok, error, garbage, slow
    requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return f'"{hash(self.body) & 0xFFFFFFFF:x}"'


class Server:
    def __init__(self) -> None:
        self.feeds: dict[str, Feed] = {}
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                feed = server.feeds.get(self.path)
                if feed is None:
                    self.send_error(404)
                    return
                feed.requests.append(dict(self.headers))
                if feed.mode == "error":
                    self.send_error(500)
                    return
                if feed.mode == "slow":
                    time.sleep(1.0)
                body = b"\x00\xff garbage \x89PNG" * 10 if feed.mode == "garbage" else feed.body
                if feed.mode == "ok" and self.headers.get("If-None-Match") == feed.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", feed.etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep test output quiet

        return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    running.thread.start()
    try:
        yield running
    finally:
        running.httpd.shutdown()
        running.httpd.server_close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "saydo.db")) as opened:
        yield opened


OPTIONS = IngestOptions(fetch_timeout=0.3)


def test_new_items_are_ingested_once_and_errors_survived(server: Server, store: Store) -> None:
    feed = server.feeds["/a.rss"] = Feed(rss([1, 2]))
    states = [FeedState(server.url("/a.rss"))]
    ingested: list[list[Article]] = []
    seen: set[str] = set()
    backoff = Backoff(interval=10.0, cap=40.0)

    def round_at(now: float) -> int:
        return poll(states, store, ingested.append, seen, backoff, now, OPTIONS).new

    assert round_at(0) == 2
    assert round_at(10) == 0  # unchanged: a 304
    assert feed.requests[-1].get("If-None-Match") == feed.etag
    feed.body = rss([1, 2, 3])
    assert round_at(20) == 1
    assert [a.title for batch in ingested for a in batch] == ["Story 1", "Story 2", "Story 3"]

    feed.mode = "error"
    report = poll(states, store, ingested.append, seen, backoff, 30, OPTIONS)
    assert (report.errors, report.new) == (1, 0)
    assert states[0].due == 30 + 20  # backed off: 10 · 2^1
    asked = len(feed.requests)
    poll(states, store, ingested.append, seen, backoff, 40, OPTIONS)
    assert len(feed.requests) == asked  # not due yet
    feed.mode = "garbage"
    assert poll(states, store, ingested.append, seen, backoff, 50, OPTIONS).errors == 1
    assert states[0].due == 50 + 40  # 10 · 2^2, at the cap
    feed.mode = "slow"
    assert poll(states, store, ingested.append, seen, backoff, 90, OPTIONS).errors == 1

    feed.mode = "ok"
    feed.body = rss([2, 3, 4])
    assert round_at(200) == 1
    assert states[0].errors == 0
    assert [a.title for a in ingested[-1]] == ["Story 4"]
    codes = {f.code for f, _ in store.failures()}
    assert ErrorCode.FETCH_FAILED.code in codes
    assert codes & {ErrorCode.BINARY_INPUT.code, ErrorCode.MALFORMED.code}


def test_watch_loop_polls_a_list_and_hands_each_item_over_once(
    server: Server, store: Store, tmp_path: Path
) -> None:
    server.feeds["/a.rss"] = Feed(rss([1]))
    changing = server.feeds["/b.rss"] = Feed(rss([10], city="Lviv"))
    server.feeds["/broken.rss"] = Feed(mode="error")
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text(
        "# local feeds\n"
        + "\n".join(server.url(p) for p in ("/a.rss", "/b.rss", "/broken.rss", "/a.rss"))
        + "\n\n",
        encoding="utf-8",
    )
    assert len(read_feed_list(feeds_file)) == 3
    batches: list[list[Article]] = []

    def between_polls(seconds: float) -> None:
        changing.body = rss([10, 11], city="Lviv")

    rounds: list[tuple[int, int]] = []
    report = watch(
        feeds_file,
        store,
        0.01,
        batches.append,
        max_polls=3,
        options=OPTIONS,
        sleep=between_polls,
        on_round=lambda number, one: rounds.append((number, one.new)),
    )
    titles = sorted(a.title or "" for batch in batches for a in batch)
    assert titles == ["Story 1", "Story 10", "Story 11"]
    assert report.new == 3
    assert [number for number, _ in rounds] == [1, 2, 3]
    assert sum(new for _, new in rounds) == report.new
    assert report.errors >= 1


def test_read_sources_fetches_a_url(server: Server) -> None:
    server.feeds["/f"] = Feed(rss([1, 2]))
    result = list(read_sources([server.url("/f")], OPTIONS))
    assert [o.source for o in result] == [server.url("/f") + f"#entry={n}" for n in (0, 1)]
    missing = list(read_sources([server.url("/missing")], OPTIONS))
    assert [type(o) for o in missing] == [IngestFailure]
    assert isinstance(missing[0], IngestFailure)
    assert missing[0].code == ErrorCode.FETCH_FAILED.code
