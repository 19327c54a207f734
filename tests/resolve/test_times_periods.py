"""Calendar arithmetic and the choice among a name's occurrences (saydo.resolve.times.periods)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from saydo.resolve.times.periods import (
    PERIODS,
    choose,
    month_period,
    shift,
    third_of,
    week_period,
)
from saydo.resolve.times.readings import Context, Period, Reading, Tense

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
TENSES = st.sampled_from([None, "past", "present", "future"])


def _no_reader(text: str, ctx: Context) -> Reading | None:
    return None


@given(DAYS, st.sampled_from(sorted(PERIODS)))
def test_every_period_of_a_day_holds_that_day(day: date, unit: str) -> None:
    period = PERIODS[unit](day)
    assert period.start <= day <= period.end


@given(DAYS)
def test_a_week_runs_monday_to_sunday(day: date) -> None:
    week = week_period(day)
    assert week.start.weekday() == 0
    assert week.end - week.start == timedelta(days=6)
    assert week.value == f"{day.isocalendar().year:04d}-W{day.isocalendar().week:02d}"


@given(DAYS, st.integers(-36, 36))
def test_adding_months_keeps_the_day_or_the_last_of_the_month(day: date, months: int) -> None:
    moved = shift(day, "month", months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    last = month_period(moved.year, moved.month).end
    assert moved.day == min(day.day, last.day)


@given(DAYS, st.sampled_from(["month", "quarter", "year"]))
def test_the_thirds_of_a_period_follow_each_other_inside_it(day: date, unit: str) -> None:
    whole = PERIODS[unit](day)
    early, mid, late = (third_of(whole, part) for part in ("early", "mid", "late"))
    assert whole.start == early.start
    assert late.end == whole.end
    assert early.end + timedelta(days=1) == mid.start
    assert mid.end + timedelta(days=1) == late.start
    assert {early.value, mid.value, late.value} == {whole.value}


@given(DAYS, st.integers(1, 12), TENSES)
def test_a_month_name_is_chosen_on_the_side_its_tense_allows(
    anchor: date, month: int, tense: Tense | None
) -> None:
    ctx = Context(anchor, tense, "", _no_reader)
    spans = [month_period(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    chosen = choose(spans, None, ctx)
    assert isinstance(chosen, Period)
    if tense == "past":
        assert chosen.start <= anchor
    if tense == "future":
        assert chosen.end >= anchor
    assert choose(spans, "last", ctx) == max(
        (s for s in spans if s.end < anchor), key=lambda s: s.start
    )


def test_a_context_reads_each_text_once_and_nested_contexts_share_the_memory() -> None:
    calls: list[str] = []

    def reader(text: str, ctx: Context) -> Reading | None:
        calls.append(text)
        return None

    ctx = Context(date(2022, 3, 30), None, "", reader)
    ctx.parse("friday")
    ctx.parse("friday")
    ctx.nested.parse("friday")
    ctx.nested.parse("friday")
    assert calls == ["friday", "friday"]  # once at the top level, once inside a range
