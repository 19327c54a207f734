"""Both months of real feed items through the whole pipeline, in one command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_both_feed_months_ingest_in_one_command(shared_data: Path, tmp_path: Path) -> None:
    db = tmp_path / "feeds.db"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "saydo",
            "--db",
            str(db),
            "ingest",
            "-q",
            str(shared_data / "feeds"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert not [line for line in done.stderr.splitlines() if line.startswith("error:")]
    summary = re.search(
        r"(\d+) added, (\d+) already stored, (\d+) skipped, (\d+) failed \((\d+) read; "
        r"(\d+) wire copies linked\)",
        done.stderr,
    )
    assert summary, done.stderr[-2000:]
    added, already, skipped, failed, read, copies = map(int, summary.groups())
    assert failed == 0
    assert added + already + skipped == read > 7000
    assert skipped > 0
    assert f"skipped: {skipped} × not English [E017]" in done.stderr
    assert copies > 0
    listed = subprocess.run(
        [sys.executable, "-m", "saydo", "--db", str(db), "errors", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(listed.stdout)) == skipped  # every skip is recorded with its reason
    groups = subprocess.run(
        [sys.executable, "-m", "saydo", "--db", str(db), "duplicates", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert 0 < len(json.loads(groups.stdout)) <= copies
