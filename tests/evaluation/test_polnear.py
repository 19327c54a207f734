"""The PolNeAR scorer: brat standoff reading, the metrics' definitions, the real split."""

from __future__ import annotations

from pathlib import Path

import pytest

from saydo.evaluation.polnear import (
    GoldAttribution,
    Predicted,
    Tally,
    evaluate_polnear,
    format_report,
    load_polnear,
    read_annotations,
    score_document,
)
from saydo.nlp.pipeline import load_pipeline

TEXT = "The senator said that taxes would rise next year. Prices fell, according to the bank."


def _split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    s = TEXT.index
    ann = [
        f"T1\tSource {s('The senator')} {s(' said')}\tThe senator",
        f"T2\tCue {s('said')} {s('said') + 4}\tsaid",
        f"T3\tContent {s('taxes')} {s('. Prices')}\ttaxes would rise next year",
        f"T4\tCue {s('according')} {s(' the bank')}\taccording to",
        f"T5\tSource {s('the bank')} {len(TEXT) - 1}\tthe bank",
        f"T6\tContent {s('Prices')} {s(', according')};{s('Prices')} {s('Prices') + 6}\tPrices",
        "second line of a span text that ran over a line break",
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        "E2\tAttribution-no-source:T4 Cue:T4 Content:T6 Source:T5",
    ]
    (tmp_path / "attributions" / "doc_ab12.ann").write_text("\n".join(ann), encoding="utf-8")
    return tmp_path


def test_annotations_with_discontinuous_spans_and_wrapped_lines(tmp_path: Path) -> None:
    directory = _split(tmp_path)
    gold = read_annotations(directory / "attributions" / "doc_ab12.ann", TEXT)
    assert len(gold) == 2
    assert gold[0].source_text == "The senator"
    assert len(gold[1].content) == 2
    assert [d.name for d in load_polnear(directory)] == ["doc"]


def test_gold_as_prediction_scores_one_and_nothing_scores_zero(tmp_path: Path) -> None:
    item = load_polnear(_split(tmp_path))[0]
    doc = load_pipeline()(item.text)
    perfect = [
        Predicted(
            (min(s for s, _ in g.content), max(e for _, e in g.content)),
            g.cue[0],
            g.source[0],
            None,
        )
        for g in item.gold
    ]
    tally = Tally()
    score_document(doc, item.gold, perfect, tally)
    metrics = tally.metrics()
    for key in ("content_exact_f1", "content_overlap_f1", "cue_f1", "source_acc"):
        assert metrics[key] == 1.0, key
    empty = Tally()
    score_document(doc, item.gold, [], empty)
    assert empty.metrics()["content_overlap_recall"] == 0.0


def test_half_a_content_is_half_the_overlap_recall(tmp_path: Path) -> None:
    item = load_polnear(_split(tmp_path))[0]
    doc = load_pipeline()(item.text)
    start = TEXT.index("taxes")
    half = Predicted((start, TEXT.index(" rise")), None, None, "The senator")
    tally = Tally()
    score_document(doc, item.gold[:1], [half], tally)
    metrics = tally.metrics()
    assert metrics["content_overlap_precision"] == 1.0
    assert metrics["content_overlap_recall"] == pytest.approx(2 / 5)
    assert metrics["source_acc"] == 1.0  # by name, as the mention span is missing


def test_a_person_named_in_full_is_right_for_a_source_marked_by_surname() -> None:
    text = "Pence said that taxes would rise next year."
    doc = load_pipeline()(text)
    content = ((text.index("taxes"), len(text) - 1),)
    gold = [GoldAttribution(content, ((6, 10),), ((0, 5),), "Pence")]

    def source_acc(name: str, is_person: bool) -> float:
        tally = Tally()
        predicted = Predicted(content[0], None, None, name, is_person)
        score_document(doc, gold, [predicted], tally)
        return tally.metrics()["source_acc"]

    assert source_acc("Mike Pence", True) == 1.0
    assert source_acc("Mike Pence", False) == 0.0  # a body is not named by a last word
    assert source_acc("Mike Spence", True) == 0.0  # a whole word, not a substring


@pytest.mark.slow
def test_saydo_and_textacy_on_real_polnear_texts(shared_data: Path) -> None:
    directory = shared_data / "quotes" / "polnear" / "dev"
    result = evaluate_polnear(directory, limit=4)
    assert result["suite"] == "polnear"
    assert result["n"] == 4
    assert all(
        0.0 <= value <= 1.0 for k, value in result["metrics"].items() if k != "source_paired"
    )
    assert result["metrics"]["content_overlap_recall"] > 0.0
    baseline = evaluate_polnear(directory, limit=4, baseline="textacy")
    assert "source accuracy" in format_report([result, baseline])
