"""The progress line: what a reader sees while a long command runs."""

from __future__ import annotations

import io

import pytest

from saydo.progress import ProgressLine


def test_a_known_total_draws_a_bar_a_count_and_a_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAYDO_PROGRESS", "1")
    stream = io.StringIO()
    with ProgressLine("ingest", 4, stream=stream) as progress:
        progress.advance(2)
        line = progress.render()
    assert line.startswith("ingest [")
    assert "2/4 articles" in line
    assert "/s" in line
    assert "ETA" in line
    assert line.count("#") == 12  # half of the bar
    assert stream.getvalue().endswith("\n")


def test_an_unknown_total_shows_the_count_and_elapsed_time() -> None:
    progress = ProgressLine("read", unit="items", quiet=True)
    progress.advance(7)
    line = progress.render()
    assert "7 items" in line
    assert "[" not in line
    assert progress.rate() > 0


def test_nothing_is_drawn_when_quiet_or_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAYDO_PROGRESS", raising=False)
    stream = io.StringIO()  # not a terminal
    with ProgressLine("ingest", 3, stream=stream) as progress:
        progress.advance(3)
    monkeypatch.setenv("SAYDO_PROGRESS", "1")
    with ProgressLine("ingest", 3, stream=stream, quiet=True) as progress:
        progress.advance(3)
    assert stream.getvalue() == ""


def test_clear_wipes_the_line_before_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAYDO_PROGRESS", "1")
    stream = io.StringIO()
    progress = ProgressLine("ingest", stream=stream)
    progress.advance()
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_start_sets_the_total_once_it_is_known() -> None:
    progress = ProgressLine("eval", quiet=True)
    progress.start(10)
    progress.advance(5)
    assert "5/10 articles" in progress.render()
