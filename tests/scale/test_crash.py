"""A real `saydo ingest` killed with SIGKILL half-way resumes without loss or duplicates."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from snapshots import snapshot

ARTICLES = 300
SAYDO = [sys.executable, "-m", "saydo"]


def corpus(shared_data: Path, out: Path) -> Path:
    """A few hundred real press releases, cut short so the test stays quick."""
    rows: list[dict[str, str]] = []
    csv.field_size_limit(10**8)
    with (shared_data / "corpora" / "press-releases" / "zelenskyy.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["body"].strip():
                rows.append(
                    {
                        "text": row["body"][:1200],
                        "published": row["date"][:10],
                        "title": row["headline"],
                    }
                )
            if len(rows) == ARTICLES:
                break
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return out


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def ingest(db: Path, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*SAYDO, "--db", str(db), "ingest", "-q", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> None:
    _, err = process.communicate()
    assert process.returncode == 0, err[-2000:]


@pytest.mark.slow
def test_killed_ingest_resumes_to_exactly_the_uninterrupted_result(
    shared_data: Path, tmp_path: Path
) -> None:
    source = corpus(shared_data, tmp_path / "articles.jsonl")
    killed_db = tmp_path / "killed.db"
    process = ingest(killed_db, source)
    deadline = time.monotonic() + 300
    while stored(killed_db) < ARTICLES // 3 and time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before it could be killed"
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = stored(killed_db)
    assert 0 < partial < ARTICLES
    finish(ingest(killed_db, source))
    whole_db = tmp_path / "whole.db"
    finish(ingest(whole_db, source))
    assert snapshot(str(killed_db)) == snapshot(str(whole_db))
    assert len(snapshot(str(whole_db))["articles"]) == ARTICLES
