"""The TIMEX3 tagger and its TempEval-3 scorer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from saydo.domain import TimeExpr
from saydo.evaluation.times import (
    GoldTime,
    evaluate_times,
    format_report,
    match_counts,
    read_timeml,
)
from saydo.extract.timex import FoundTime, find_times
from saydo.nlp.pipeline import load_pipeline

TIMEML = (
    '<?xml version="1.0" ?>\n<TimeML>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2022-03-30" '
    'functionInDocument="CREATION_TIME">03/30/2022</TIMEX3></DCT>\n'
    '<TEXT>Troops <EVENT eid="e1">withdrew</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2022-03-29">on Tuesday</TIMEX3> and talks resume '
    '<TIMEX3 tid="t2" type="DATE" value="2022-W14">next week</TIMEX3>.</TEXT>\n</TimeML>\n'
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _found(start: int, end: int, value: str) -> FoundTime:
    return FoundTime(start, end, TimeExpr("x", value))


def test_timeml_text_and_offsets_line_up(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.created == date(2022, 3, 30)
    assert [doc.text[t.start : t.end] for t in doc.times] == ["on Tuesday", "next week"]
    assert [t.value for t in doc.times] == ["2022-03-29", "2022-W14"]


def test_matches_are_strict_relaxed_and_valued() -> None:
    gold = [GoldTime(0, 10, "2022-03-29"), GoldTime(20, 29, "2022-W14"), GoldTime(40, 45, "2022")]
    found = [_found(3, 10, "2022-03-29"), _found(20, 29, "2022-W15"), _found(50, 55, "2021")]
    counts = match_counts(gold, found)
    assert counts == {"gold": 3, "system": 3, "strict": 1, "relaxed": 2, "value": 1}


def test_the_tagger_finds_and_normalises_news_times(nlp: Language) -> None:
    doc = nlp("The army withdrew on Tuesday and the talks resume next week, officials said now.")
    found = {doc.text[f.start : f.end]: f.time.value for f in find_times(doc, date(2022, 3, 30))}
    assert found.get("Tuesday") == "2022-03-29" or found.get("on Tuesday") == "2022-03-29"
    assert "2022-W14" in found.values()
    assert found.get("now") == "PRESENT_REF"


def test_earnings_news_values_a_year_ago_as_that_quarter(nlp: Language) -> None:
    doc = nlp("Profit rose 5% in the quarter, compared with $3 million a year ago.")
    values = [f.time.value for f in find_times(doc, date(1989, 10, 26))]
    assert values == ["1989-Q3", "1988-Q3"]


def test_scores_and_report_on_a_tiny_corpus(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TIMEML, encoding="utf-8")
    result = evaluate_times(tmp_path)
    assert result["suite"] == "times"
    assert result["n"] == 2
    assert result["metrics"]["relaxed_f1"] == 1.0
    assert "value" in format_report([result])


def test_timebank_scores_a_few_documents(shared_data: Path) -> None:
    result = evaluate_times(shared_data / "times" / "timebank", limit=3)
    assert result["documents"] == 3
    assert result["n"] > 0
    assert 0.0 <= result["metrics"]["value_f1"] <= result["metrics"]["relaxed_f1"]
