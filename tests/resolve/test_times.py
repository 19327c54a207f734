"""Temporal expressions normalised against the publication date (saydo.resolve.times)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saydo.domain import TimeExpr
from saydo.resolve.times import MONTHS, WEEKDAYS, Tense, looks_temporal, normalise_time

WED = date(2022, 3, 30)  # a Wednesday, ISO week 2022-W13
SUN_NEW_YEAR = date(2022, 1, 2)  # a Sunday, still in ISO week 2021-W52
NEW_YEARS_EVE = date(2021, 12, 31)  # a Friday
NEW_YEARS_DAY = date(2022, 1, 1)  # a Saturday
SAT = date(2022, 4, 2)
SUN = date(2022, 4, 3)
LEAP_DAY = date(2024, 2, 29)
OCT_89 = date(1989, 10, 26)  # a Thursday, in the fourth quarter

# text, anchor, tense, value, start, end, precision
Row = tuple[str, date, Tense | None, str, str | None, str | None, str]

WEEKDAY_ROWS: list[Row] = [
    ("on Tuesday", WED, "past", "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("on Tuesday", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("ON TUESDAY", WED, "present", "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("Thursday", WED, "past", "2022-03-24", "2022-03-24", "2022-03-24", "day"),
    # the anchor's own weekday is the anchor, whatever the tense
    ("on Wednesday", WED, "past", "2022-03-30", "2022-03-30", "2022-03-30", "day"),
    ("on Wednesday", WED, "future", "2022-03-30", "2022-03-30", "2022-03-30", "day"),
    ("on Friday", WED, "future", "2022-04-01", "2022-04-01", "2022-04-01", "day"),
    ("by Monday", NEW_YEARS_EVE, "future", "2022-01-03", "2022-01-03", "2022-01-03", "day"),
    ("Thursday", SUN_NEW_YEAR, "past", "2021-12-30", "2021-12-30", "2021-12-30", "day"),
    ("next Wednesday", WED, None, "2022-04-06", "2022-04-06", "2022-04-06", "day"),
    ("last Wednesday", WED, None, "2022-03-23", "2022-03-23", "2022-03-23", "day"),
    ("this coming Monday", WED, None, "2022-04-04", "2022-04-04", "2022-04-04", "day"),
    ("Friday last week", WED, None, "2022-03-25", "2022-03-25", "2022-03-25", "day"),
    ("Tuesday, March 29", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("Tuesday's", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
]

DAY_ROWS: list[Row] = [
    ("today", WED, None, "2022-03-30", "2022-03-30", "2022-03-30", "day"),
    ("Yesterday", NEW_YEARS_DAY, None, "2021-12-31", "2021-12-31", "2021-12-31", "day"),
    ("tomorrow", NEW_YEARS_EVE, None, "2022-01-01", "2022-01-01", "2022-01-01", "day"),
    ("the day before yesterday", WED, None, "2022-03-28", "2022-03-28", "2022-03-28", "day"),
    ("this morning", WED, None, "2022-03-30TMO", "2022-03-30", "2022-03-30", "day"),
    ("this afternoon", WED, None, "2022-03-30TAF", "2022-03-30", "2022-03-30", "day"),
    ("this evening", WED, None, "2022-03-30TEV", "2022-03-30", "2022-03-30", "day"),
    ("yesterday morning", WED, None, "2022-03-29TMO", "2022-03-29", "2022-03-29", "day"),
    ("earlier today", WED, None, "2022-03-30", "2022-03-30", "2022-03-30", "day"),
    ("late yesterday", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    # a night is labelled by the day it begins on (TIMEX3)
    ("overnight", WED, None, "2022-03-29TNI", "2022-03-29", "2022-03-30", "night"),
    ("last night", WED, "past", "2022-03-29TNI", "2022-03-29", "2022-03-30", "night"),
    ("overnight", NEW_YEARS_DAY, None, "2021-12-31TNI", "2021-12-31", "2022-01-01", "night"),
    ("Tonight", WED, None, "2022-03-30TNI", "2022-03-30", "2022-03-31", "night"),
    ("on Tuesday night", WED, None, "2022-03-29TNI", "2022-03-29", "2022-03-30", "night"),
    # TIMEX3 writes clock times with their minutes
    ("5 p.m. on Friday", WED, None, "2022-03-25T17:00", "2022-03-25", "2022-03-25", "day"),
    ("10 p.m. Wednesday", WED, None, "2022-03-30T22:00", "2022-03-30", "2022-03-30", "day"),
    ("noon Tuesday", WED, "past", "2022-03-29T12:00", "2022-03-29", "2022-03-29", "day"),
    ("at 08:30 GMT", WED, None, "2022-03-30T08:30", "2022-03-30", "2022-03-30", "day"),
]

PERIOD_ROWS: list[Row] = [
    ("last week", WED, None, "2022-W12", "2022-03-21", "2022-03-27", "week"),
    ("last week", SUN_NEW_YEAR, None, "2021-W51", "2021-12-20", "2021-12-26", "week"),
    ("this week", SUN_NEW_YEAR, None, "2021-W52", "2021-12-27", "2022-01-02", "week"),
    ("next week", NEW_YEARS_EVE, None, "2022-W01", "2022-01-03", "2022-01-09", "week"),
    ("earlier this week", WED, None, "2022-W13", "2022-03-28", "2022-03-30", "vague"),
    ("last month", date(2022, 1, 15), None, "2021-12", "2021-12-01", "2021-12-31", "month"),
    ("this month", WED, None, "2022-03", "2022-03-01", "2022-03-31", "month"),
    ("next month", date(2021, 12, 10), None, "2022-01", "2022-01-01", "2022-01-31", "month"),
    ("earlier this month", WED, None, "2022-03", "2022-03-01", "2022-03-30", "vague"),
    ("later this month", WED, None, "2022-03", "2022-03-30", "2022-03-31", "vague"),
    ("last year", NEW_YEARS_DAY, None, "2021", "2021-01-01", "2021-12-31", "year"),
    ("this year", WED, None, "2022", "2022-01-01", "2022-12-31", "year"),
    ("next year", NEW_YEARS_EVE, None, "2022", "2022-01-01", "2022-12-31", "year"),
    ("earlier this year", WED, None, "2022", "2022-01-01", "2022-03-30", "vague"),
    ("by the end of the year", WED, "future", "2022", "2022-08-31", "2022-12-31", "vague"),
    ("the weekend", WED, "past", "2022-W12-WE", "2022-03-26", "2022-03-27", "interval"),
    ("over the weekend", WED, None, "2022-W12-WE", "2022-03-26", "2022-03-27", "interval"),
    ("this weekend", WED, "future", "2022-W13-WE", "2022-04-02", "2022-04-03", "interval"),
    ("this weekend", SAT, "past", "2022-W13-WE", "2022-04-02", "2022-04-03", "interval"),
    ("last weekend", SUN, None, "2022-W12-WE", "2022-03-26", "2022-03-27", "interval"),
    ("next weekend", SAT, None, "2022-W14-WE", "2022-04-09", "2022-04-10", "interval"),
    ("the third quarter", WED, "past", "2021-Q3", "2021-07-01", "2021-09-30", "interval"),
    ("Q1 2022", WED, None, "2022-Q1", "2022-01-01", "2022-03-31", "interval"),
    ("last summer", WED, None, "2021-SU", "2021-06-01", "2021-08-31", "vague"),
    ("this winter", date(2022, 1, 15), None, "2021-WI", "2021-12-01", "2022-02-28", "vague"),
    ("the 1990s", WED, None, "199", "1990-01-01", "1999-12-31", "interval"),
    ("the nineties", WED, None, "199", "1990-01-01", "1999-12-31", "interval"),
    ("the 20th century", WED, None, "19", "1900-01-01", "1999-12-31", "interval"),
    # a quarter is counted within the anchor's year unless the tense says otherwise
    ("the fiscal first quarter", OCT_89, None, "1989-Q1", "1989-01-01", "1989-03-31", "interval"),
    ("its fourth quarter", OCT_89, None, "1989-Q4", "1989-10-01", "1989-12-31", "interval"),
    ("the fourth quarter", WED, "past", "2021-Q4", "2021-10-01", "2021-12-31", "interval"),
    ("the first quarter", OCT_89, "future", "1990-Q1", "1990-01-01", "1990-03-31", "interval"),
    ("this year's third quarter", OCT_89, None, "1989-Q3", "1989-07-01", "1989-09-30", "interval"),
    ("next year's first quarter", OCT_89, None, "1990-Q1", "1990-01-01", "1990-03-31", "interval"),
    # the quarter reported on (the latest one over), and its namesake a year before
    ("the latest period", OCT_89, None, "1989-Q3", "1989-07-01", "1989-09-30", "interval"),
    ("the year-ago period", OCT_89, None, "1988-Q3", "1988-07-01", "1988-09-30", "interval"),
    ("last year's quarter", OCT_89, None, "1988-Q3", "1988-07-01", "1988-09-30", "interval"),
    ("year-earlier", OCT_89, None, "1988", "1988-01-01", "1988-12-31", "year"),
    ("the full year", OCT_89, None, "1989", "1989-01-01", "1989-12-31", "year"),
]

DATE_ROWS: list[Row] = [
    ("29 March 2022", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("on March 29, 2022", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("March 29", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("29 March", WED, "past", "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("the 29th of March", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("Sept. 30, 2021", WED, None, "2021-09-30", "2021-09-30", "2021-09-30", "day"),
    ("2022-03-29", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("10/30/89", WED, None, "1989-10-30", "1989-10-30", "1989-10-30", "day"),
    ("29/03/2022", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("29.03.2022", WED, None, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    # a yearless date: the nearest occurrence, unless the tense puts it far on the other side
    ("January 5", date(2021, 12, 20), None, "2022-01-05", "2022-01-05", "2022-01-05", "day"),
    ("December 28", date(2022, 1, 5), "past", "2021-12-28", "2021-12-28", "2021-12-28", "day"),
    ("April 2", WED, "past", "2022-04-02", "2022-04-02", "2022-04-02", "day"),
    ("April 20", WED, "past", "2021-04-20", "2021-04-20", "2021-04-20", "day"),
    ("since February 24", WED, None, "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("29 February", date(2025, 3, 1), None, "2024-02-29", "2024-02-29", "2024-02-29", "day"),
    ("March 2022", WED, None, "2022-03", "2022-03-01", "2022-03-31", "month"),
    ("in 2014", WED, None, "2014", "2014-01-01", "2014-12-31", "year"),
    ("since 2014", WED, None, "2014", "2014-01-01", "2014-12-31", "year"),
    ("nineteen ninety-four", WED, None, "1994", "1994-01-01", "1994-12-31", "year"),
    ("May", WED, "future", "2022-05", "2022-05-01", "2022-05-31", "month"),
    ("in May", WED, "past", "2021-05", "2021-05-01", "2021-05-31", "month"),
    ("December", date(2022, 1, 10), None, "2021-12", "2021-12-01", "2021-12-31", "month"),
    ("last May", WED, None, "2021-05", "2021-05-01", "2021-05-31", "month"),
    ("last March", WED, None, "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("July last year", WED, None, "2021-07", "2021-07-01", "2021-07-31", "month"),
    ("mid-March", WED, None, "2022-03", "2022-03-11", "2022-03-20", "vague"),
    ("late March", WED, None, "2022-03", "2022-03-21", "2022-03-31", "vague"),
    ("early March 2020", WED, None, "2020-03", "2020-03-01", "2020-03-10", "vague"),
    ("late February", LEAP_DAY, None, "2024-02", "2024-02-19", "2024-02-29", "vague"),
    ("early next year", WED, None, "2023", "2023-01-01", "2023-05-01", "vague"),
    ("2014 to 2022", WED, None, "2014/2022", "2014-01-01", "2022-12-31", "interval"),
    ("between 2014 and 2022", WED, None, "2014/2022", "2014-01-01", "2022-12-31", "interval"),
    (
        "29-30 March",
        WED,
        None,
        "2022-03-29/2022-03-30",
        "2022-03-29",
        "2022-03-30",
        "interval",
    ),
]

COUNT_ROWS: list[Row] = [
    ("over the next 15 years", WED, None, "P15Y", "2022-03-30", "2037-03-30", "interval"),
    ("during the past eight years", WED, None, "P8Y", "2014-03-30", "2022-03-30", "interval"),
    ("the last 24 hours", WED, None, "PT24H", "2022-03-29", "2022-03-30", "interval"),
    ("in the coming two weeks", WED, None, "P2W", "2022-03-30", "2022-04-13", "interval"),
    ("the past week", NEW_YEARS_DAY, None, "P1W", "2021-12-25", "2022-01-01", "interval"),
    ("a month ago", WED, None, "2022-02", "2022-02-01", "2022-02-28", "month"),
    ("a month ago", date(2022, 3, 31), None, "2022-02", "2022-02-01", "2022-02-28", "month"),
    ("two days ago", NEW_YEARS_DAY, None, "2021-12-30", "2021-12-30", "2021-12-30", "day"),
    ("six weeks ago", WED, None, "2022-W07", "2022-02-14", "2022-02-20", "week"),
    ("two years ago", WED, None, "2020", "2020-01-01", "2020-12-31", "year"),
    ("in two weeks' time", WED, None, "2022-W15", "2022-04-11", "2022-04-17", "week"),
]

OPEN_ROWS: list[tuple[str, str, str]] = [  # text, value, precision: no start or end
    ("the 34 days of the invasion", "P34D", "duration"),
    ("five weeks", "P5W", "duration"),
    ("for two days", "P2D", "duration"),
    ("more than a month", "P1M", "duration"),
    ("an hour", "PT1H", "duration"),
    ("forty-five minutes", "PT45M", "duration"),
    ("twenty-four hours", "PT24H", "duration"),
    ("thirty years", "P30Y", "duration"),
    ("two decades", "P20Y", "duration"),
    ("a year and a half", "P18M", "duration"),
    ("half an hour", "PT30M", "duration"),
    ("two days later", "P2D", "duration"),
    ("hours after", "PTXH", "vague"),
    ("several days", "PXD", "vague"),
    ("a few weeks", "PXW", "vague"),
    ("the next few days", "PXD", "vague"),
    ("recent weeks", "PXW", "vague"),
    ("years ago", "PAST_REF", "vague"),
    ("now", "PRESENT_REF", "vague"),
    ("Currently", "PRESENT_REF", "vague"),
    ("at the moment", "PRESENT_REF", "vague"),
    ("recently", "PAST_REF", "vague"),
    ("in the past", "PAST_REF", "vague"),
    ("soon", "FUTURE_REF", "vague"),
    ("in the future", "FUTURE_REF", "vague"),
    # recurring times (TIMEX3 SET)
    ("every week", "P1W", "set"),
    ("each year", "P1Y", "set"),
    ("annually", "P1Y", "set"),
    ("daily", "P1D", "set"),
    ("every Tuesday", "XXXX-WXX-2", "set"),
]

NOT_TIMES = [
    "", "   ", "hello world", "the troops", "the day", "the year", "the next day",
    "the following day", "march", "the march", "may", "Tuesdays", "31 June 2022",
    "2022-13-01", "two", "the 1988 quarter",
]  # fmt: skip


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "value", "start", "end", "precision"),
    WEEKDAY_ROWS + DAY_ROWS + PERIOD_ROWS + DATE_ROWS + COUNT_ROWS,
)
def test_normalise_time(
    text: str,
    anchor: date,
    tense: Tense | None,
    value: str,
    start: str | None,
    end: str | None,
    precision: str,
) -> None:
    result = normalise_time(text, anchor, tense)
    assert result is not None
    assert (result.value, _iso(result.start), _iso(result.end), result.precision) == (
        value,
        start,
        end,
        precision,
    )
    assert result.text == text


@pytest.mark.parametrize(("text", "value", "precision"), OPEN_ROWS)
def test_durations_and_references_have_no_bounds(text: str, value: str, precision: str) -> None:
    assert normalise_time(text, WED) == TimeExpr(text, value, precision=precision)


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_a_time(text: str) -> None:
    assert normalise_time(text, WED) is None


def test_capitalised_may_is_a_month_but_lower_case_is_not() -> None:
    assert normalise_time("May", WED, "future") is not None
    assert normalise_time("may", WED, "future") is None
    assert normalise_time("may 5", WED) is not None  # with a day it can only be the month


def test_dates_beyond_the_calendar_give_none() -> None:
    assert normalise_time("tomorrow", date.max) is None
    assert normalise_time("over the next 15 years", date(9990, 1, 1)) is None
    assert normalise_time("yesterday", date.min) is None


@pytest.mark.parametrize(
    "text",
    ["on Tuesday", "last week", "March 29", "in May", "two days ago", "the 1990s", "recently",
     "2022-03-29", "overnight"],
)  # fmt: skip
def test_looks_temporal(text: str) -> None:
    assert looks_temporal(text)
    assert looks_temporal(f"Russian forces shelled the city {text}, officials said")


@pytest.mark.parametrize(
    "text", ["The troops withdrew", "He may march on the capital", "Kyiv", "a 40-mile convoy"]
)
def test_does_not_look_temporal(text: str) -> None:
    assert not looks_temporal(text)


@pytest.mark.parametrize("unit", ["1am ", "noon ", "2022 to ", "early the end of "])
def test_repetitive_text_is_cheap(unit: str) -> None:
    # Compositions reach a substring by several routes; without memoising this took time
    # exponential in the length, minutes at 80 characters: the suite would stall here.
    # (Speed itself is measured by `make bench`, not asserted.)
    result = normalise_time((unit * 40)[:80], WED)
    assert result is None or result.text


def test_exports() -> None:
    assert len(WEEKDAYS) == 7
    assert WEEKDAYS[0] == "monday"
    assert len(MONTHS) == 12
    assert MONTHS[2] == "march"


# --- properties -------------------------------------------------------------------------

anchors = st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 24))
weekday_phrases = st.tuples(
    st.sampled_from(WEEKDAYS),
    st.sampled_from(["", "on ", "On ", "by ", "this "]),
    st.sampled_from([str.lower, str.capitalize, str.upper]),
)


@given(anchor=anchors, phrase=weekday_phrases, tense=st.sampled_from(["past", "present", None]))
def test_past_weekday_is_that_weekday_in_the_week_up_to_the_anchor(
    anchor: date, phrase: tuple[str, str, Callable[[str], str]], tense: Tense | None
) -> None:
    weekday, prefix, case = phrase
    result = normalise_time(prefix + case(weekday), anchor, tense)
    assert result is not None
    assert result.start is not None
    assert result.start == result.end
    assert result.value == result.start.isoformat()
    assert result.start.weekday() == WEEKDAYS.index(weekday)
    assert 0 <= (anchor - result.start).days <= 6


@given(anchor=anchors, phrase=weekday_phrases)
def test_future_weekday_is_that_weekday_in_the_week_from_the_anchor(
    anchor: date, phrase: tuple[str, str, Callable[[str], str]]
) -> None:
    weekday, prefix, case = phrase
    result = normalise_time(prefix + case(weekday), anchor, "future")
    assert result is not None
    assert result.start is not None
    assert result.start.weekday() == WEEKDAYS.index(weekday)
    assert 0 <= (result.start - anchor).days <= 6


tenses = st.sampled_from(["past", "present", "future", None])
vocabulary = st.sampled_from(
    [
        "the", "on", "last", "next", "this", "past", "early", "mid", "late", "end of",
        "earlier", "later", "ago", "from now", "and", "to", "-", "of", "a", "several", "two",
        "15", "29", "2022", "1990s", "week", "weeks", "month", "year", "years", "days",
        "hours", "night", "morning", "weekend", "quarter", "summer", "tuesday", "march",
        "may", "today", "overnight", "5 p.m.", "noon", "q3", "twenty four", "and a half",
        "29/02/2023", "2022-02-29", "century", "fiscal",
    ]
)  # fmt: skip


def _check(result: TimeExpr | None, text: str) -> None:
    if result is None:
        return
    assert isinstance(result, TimeExpr)
    assert result.text == text
    assert (result.start is None) == (result.end is None)
    if result.start is not None and result.end is not None:
        assert result.start <= result.end


@given(text=st.text(max_size=120), anchor=st.dates(), tense=tenses)
def test_arbitrary_text_never_raises(text: str, anchor: date, tense: Tense | None) -> None:
    _check(normalise_time(text, anchor, tense), text)


@given(words=st.lists(vocabulary, max_size=6), anchor=st.dates(), tense=tenses)
def test_temporal_word_salad_never_raises(
    words: list[str], anchor: date, tense: Tense | None
) -> None:
    text = " ".join(words)
    _check(normalise_time(text, anchor, tense), text)
    looks_temporal(text)
