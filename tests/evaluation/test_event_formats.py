"""Telling the event gold formats apart, and scoring through that detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from saydo.errors import SaydoError
from saydo.evaluation.event_formats import (
    detect_event_format,
    evaluate_events,
    format_events_report,
)
from saydo.evaluation.plover import evaluate_plover


def test_the_gsr_scores_as_before_through_detection(shared_data: Path) -> None:
    path = shared_data / "events" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    assert detect_event_format(path) == "gsr"
    result = evaluate_events(path, limit=25)
    assert result == evaluate_plover(path, limit=25)
    assert format_events_report(result).startswith("PLOVER GSR: 25 records")


def test_a_file_of_no_known_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SaydoError, match="not a PLOVER GSR"):
        detect_event_format(path)
