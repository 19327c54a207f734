"""The TIMEX3 tagger on parsed text (saydo.extract.timex), with the real model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from saydo.extract.timex import find_times
from saydo.nlp.pipeline import load_pipeline

OCT_89 = date(1989, 10, 26)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _tagged(nlp: Language, text: str, anchor: date) -> dict[str, str]:
    doc = nlp(text)
    return {doc.text[f.start : f.end]: f.time.value or "" for f in find_times(doc, anchor)}


def test_an_entity_holding_two_expressions_gives_both(nlp: Language) -> None:
    found = _tagged(nlp, "For the year ended Sept. 30, the company earned $4 million.", OCT_89)
    assert found.get("Sept. 30") == "1989-09-30"
    assert "P1Y" in found.values()


def test_a_range_is_marked_end_by_end(nlp: Language) -> None:
    found = _tagged(nlp, "He sold his shares between 1985 and 1987, the agency said.", OCT_89)
    assert "1985" in found.values()
    assert "1987" in found.values()
    assert not any("/" in value for value in found.values())


def test_earnings_news_refers_back_to_the_quarter_it_reports(nlp: Language) -> None:
    text = (
        "The company earned $5 million in the fiscal first quarter. "
        "Sales in the latest period rose 8%, compared with $3 million a year earlier."
    )
    values = list(_tagged(nlp, text, OCT_89).values())
    assert values[0] == "1989-Q1"
    assert "1988-Q1" in values
    assert values.count("1989-Q1") >= 2


def test_a_determiner_left_outside_the_entity_is_taken_in(nlp: Language) -> None:
    doc = nlp("This year's results included a gain on the sale of a unit.")
    found = find_times(doc, OCT_89)
    assert [(doc.text[f.start : f.end].lower(), f.time.value) for f in found][:1] == [
        ("this year", "1989")
    ]


def test_recurrence_adjectives_stay_unmarked(nlp: Language) -> None:
    found = _tagged(
        nlp, "The board raised the quarterly dividend and will pay it annually.", OCT_89
    )
    assert not any(value.startswith("P1") for value in found.values())


def test_defining_article_tuesday_and_overnight(nlp: Language, defining_article: Path) -> None:
    doc = nlp(defining_article.read_text(encoding="utf-8"))
    found = find_times(doc, date(2022, 3, 30))
    by_text = {doc.text[f.start : f.end].lower(): f.time for f in found}
    tuesday = next(t for text, t in by_text.items() if text.endswith("tuesday"))
    assert tuesday.value == "2022-03-29"
    assert tuesday.precision == "day"
    overnight = by_text["overnight"]
    assert overnight.value == "2022-03-29TNI"
    assert (overnight.start, overnight.end) == (date(2022, 3, 29), date(2022, 3, 30))
    assert all(
        t.start is not None or t.precision in {"duration", "vague", "set"} for t in by_text.values()
    )


MON_89 = date(1989, 10, 30)


def test_discourse_now_is_unmarked_but_the_present_now_is_marked(nlp: Language) -> None:
    doc = nlp("Now, he says, the plan is dead. The company now holds 5% of the shares.")
    found = [(doc.text[f.start : f.end], f.time.value) for f in find_times(doc, OCT_89)]
    assert found == [("now", "PRESENT_REF")]
    assert doc.text.index("now") == find_times(doc, OCT_89)[0].start


def test_signals_ages_and_rates_are_no_times(nlp: Language) -> None:
    text = (
        "Mr. Smith, 52 years old, will leave as soon as trading opens. "
        "The stock pays $1.76 a year, and the airline adds four flights a week."
    )
    assert _tagged(nlp, text, OCT_89) == {}


def test_a_year_ago_after_an_amount_is_still_a_time(nlp: Language) -> None:
    found = _tagged(nlp, "Profit rose to $5 million from $3 million a year ago.", OCT_89)
    assert list(found) == ["a year ago"]


def test_a_clock_time_joins_its_day(nlp: Language) -> None:
    text = "The offer expires at 5 p.m. EST, Nov. 6, and trading resumed at noon Thursday."
    values = list(_tagged(nlp, text, MON_89).values())
    assert "1989-11-06T17:00" in values
    assert "1989-10-26T12:00" in values


def test_a_part_of_the_day_joins_its_weekday(nlp: Language) -> None:
    found = _tagged(nlp, "The talks broke down Saturday night, officials said.", MON_89)
    assert found == {"Saturday night": "1989-10-28TNI"}


def test_that_year_is_the_year_last_named(nlp: Language) -> None:
    text = "The plant opened in 1988. Imports fell that year, and for the year sales are flat."
    found = _tagged(nlp, text, OCT_89)
    assert found.get("that year") == "1988"
    assert found.get("the year") == "1989"


def test_that_day_with_nothing_named_before_is_unmarked(nlp: Language) -> None:
    assert "that day" not in _tagged(nlp, "Shares fell sharply that day, traders said.", OCT_89)


def test_a_deadline_that_was_due_is_in_the_past(nlp: Language) -> None:
    found = _tagged(nlp, "The offer had been due to expire Friday.", MON_89)
    assert "1989-10-27" in found.values()
