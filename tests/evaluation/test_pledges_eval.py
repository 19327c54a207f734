"""`eval pledges`: verdict accuracy and evidence recall, on gold files of saydo's format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from saydo.domain import Article, Extraction
from saydo.evaluation.pledges import evaluate_pledges, format_report, gold_paths
from saydo.extract.article import extract_records
from saydo.nlp.pipeline import load_pipeline

ANNOUNCEMENT = (
    "Russia's Defence Ministry announced a ceasefire in Sumy from 10 a.m. on Tuesday to let "
    "civilians leave toward Poltava.\n"
    "Russian forces shelled the evacuation route near Sumy on Tuesday, Ukrainian officials "
    "said.\n"
)


def extract(article: Article) -> Extraction:
    return extract_records(load_pipeline()(article.text), article)


def write_gold(folder: Path, verdict: str, cited: list[str]) -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(exist_ok=True)
    (folder / "articles" / "sumy.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    gold: dict[str, Any] = {
        "article": "articles/sumy.txt",
        "published": "2022-03-08",
        "places": [{"text": "Sumy", "name": "Sumy", "lat": 50.91, "lon": 34.8}],
        "events": [
            {
                "id": "E1",
                "type": "ASSAULT",
                "actor": "RUS",
                "places": ["Sumy"],
                "evidence": "shelled the evacuation route",
            }
        ],
        "pledges": [
            {
                "id": "P1",
                "actor": "RUS",
                "type": "RETREAT",
                "evidence": "announced a ceasefire in Sumy",
                "verdict": verdict,
                "contradicted_by": cited,
            }
        ],
    }
    path = folder / "gold" / "sumy.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_a_right_verdict_with_its_evidence_scores_full(tmp_path: Path) -> None:
    write_gold(tmp_path, "contradicted", ["E1"])
    result = evaluate_pledges([tmp_path / "gold"], extract)
    metrics = result.metrics()
    assert result.files == 1
    assert result.matched == 1
    assert metrics["verdict_acc"] == 1.0
    assert metrics["evidence_recall"] == 1.0
    report = result.as_dict()
    assert report["counts"]["evidence_cited"] == 1
    assert report["confusion"] == {"contradicted->contradicted": 1}
    assert "verdict accuracy 1.000" in format_report(result)


def test_a_wrong_verdict_and_a_missing_event_count_against(tmp_path: Path) -> None:
    write_gold(tmp_path, "kept", ["E1", "E9"])
    result = evaluate_pledges(gold_paths([tmp_path / "gold" / "sumy.gold.json"]), extract)
    metrics = result.metrics()
    assert metrics["verdict_acc"] == 0.0
    assert metrics["evidence_recall"] == 0.5
    assert result.as_dict()["details"][0]["evidence_missed"] == ["E9"]


def test_the_defining_article_scores_every_section(shared_data: Path) -> None:
    result = evaluate_pledges([shared_data / "gold"], extract, together=True)
    metrics = result.metrics()
    assert set(metrics) == {
        "pledges_precision",
        "pledges_recall",
        "pledges_f1",
        "verdict_acc",
        "evidence_recall",
    }
    assert result.files == len(list((shared_data / "gold").glob("*.gold.json")))
    assert result.matched >= 2
