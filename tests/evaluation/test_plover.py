"""The PLOVER GSR scorer: reading the format, picking the main event, scoring."""

from __future__ import annotations

import json
from pathlib import Path

from saydo.evaluation.plover import (
    GoldRecord,
    Prediction,
    evaluate_plover,
    format_report,
    gold_code,
    gold_type,
    load_records,
    score,
)

PLOVER = Path("events/plover-gsr/PLOVER_GSR_CAMEO.json")


def test_legacy_types_and_codes_map_to_the_sixteen_types() -> None:
    assert gold_type("DEMAND") == "REQUEST"
    assert gold_type("fight") == "ASSAULT"
    assert gold_type("AGREE") == "AGREE"
    assert gold_code("JAP") == "JPN"
    assert gold_code("IGOUNO") == "IGO"


def test_records_without_actors_or_text_are_read_or_skipped(tmp_path: Path) -> None:
    data = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "x"},
        {"id": "a", "event": "AGREE", "text": "X agreed.", "source": [{"code": "USA"}]},
        {"id": "b", "event": "FIGHT", "text": "Y fought.", "target": ""},
        {"id": "c", "event": "AGREE"},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    records = load_records(path)
    assert [r.id for r in records] == ["a", "b"]
    assert records[0].sources == frozenset({"USA"})
    assert not records[1].targets
    assert records[1].type == "ASSAULT"


def test_score_counts_a_missing_event_as_wrong() -> None:
    gold = [
        GoldRecord("1", "t", "AGREE", frozenset({"USA"}), frozenset({"FRA"})),
        GoldRecord("2", "t", "ASSAULT", frozenset({"RUS"}), frozenset()),
    ]
    preds = [Prediction("AGREE", "USA", "DEU"), Prediction("NONE", None, None)]
    result = score(gold, preds)
    metrics = result["metrics"]
    assert metrics["type_acc"] == 0.5
    assert metrics["actor_acc"] == 0.5
    assert metrics["recipient_acc"] == 0.0
    assert result["confusion"]["ASSAULT"] == {"NONE": 1}
    assert "confusion" in format_report(result)


def test_plover_gsr_runs_end_to_end(shared_data: Path) -> None:
    result = evaluate_plover(shared_data / PLOVER, limit=40)
    assert result["suite"] == "plover"
    assert result["n"] == 40
    assert 0.0 < result["metrics"]["type_acc"] <= 1.0
    report = format_report(result)
    assert "type_acc" in report
    assert "AGREE" in report


def test_a_reported_demand_is_scored_with_the_demander_as_source() -> None:
    from saydo.evaluation.plover import predict

    record = GoldRecord(
        "d",
        "Norway said on Friday that Sweden must return the seized trawler.",
        "REQUEST",
        frozenset({"NOR"}),
        frozenset({"SWE"}),
    )
    (prediction,) = predict([record])
    assert prediction == Prediction("REQUEST", "NOR", "SWE")
