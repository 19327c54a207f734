"""`saydo eval gold` on the defining article, with floors that only ever rise.

The floors are what saydo reached when they were set; raise them when saydo improves,
never lower them to let a change through.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from saydo.cli import main
from saydo.domain import PIPELINE_VERSION, Provenance, Statement, StatementKind, record_id
from saydo.evaluation.gold import quotes_of

FLOORS = {
    "quotes_recall": 1.0,
    "quotes_f1": 1.0,
    "quotes_content_f1": 1.0,
    "quotes_speaker_acc": 1.0,
    "events_recall": 1.0,
    "events_f1": 1.0,
    "pledges_f1": 1.0,
    "verdict_acc": 1.0,
}


def test_gold_metrics_stay_above_their_floors(shared_data: Path) -> None:
    files = sorted(str(p) for p in (shared_data / "gold").glob("*.json"))
    result = CliRunner().invoke(main, ["eval", "gold", *files, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["suite"] == "gold"
    assert report["n"] == len(files)
    metrics = report["metrics"]
    for section in ("quotes", "events", "pledges"):
        for measure in ("precision", "recall", "f1"):
            assert f"{section}_{measure}" in metrics
    below = {k: (metrics[k], floor) for k, floor in FLOORS.items() if metrics[k] < floor}
    assert not below, below


def _statement(kind: StatementKind, content: str) -> Statement:
    provenance = Provenance("a1", 0, len(content), content, PIPELINE_VERSION)
    return Statement(record_id("st", content), None, None, kind, None, content, provenance)


def test_the_quotes_section_scores_speech_and_leaves_thoughts_out() -> None:
    said = [_statement(k, k.value) for k in StatementKind if k is not StatementKind.THOUGHT]
    thought = _statement(StatementKind.THOUGHT, "Talks are expected to resume")
    assert quotes_of([*said, thought]) == said
