"""Calendar arithmetic: the periods a reading denotes, and which occurrence a name means.

Every period is a :class:`~saydo.resolve.times.readings.Period` with its TIMEX3 value and
first and last days. A name without a year ("March", "summer", "10 April") recurs every
year; the choice among its occurrences, by modifier ("last", "next") or by tense, is made
here once for all of them.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from saydo.resolve.times.readings import (
    DAY,
    INTERVAL,
    MONTH,
    NIGHT,
    VAGUE,
    WEEK,
    YEAR,
    Context,
    Period,
)
from saydo.resolve.times.vocabulary import AHEAD_MODS, BACK_MODS, MONTHS_IN, SEASONS, SECONDS


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    year, index = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, index + 1, min(d.day, calendar.monthrange(year, index + 1)[1]))


def shift(d: date, unit: str, n: float) -> date:
    """``d`` moved by ``n`` units; a part of a day counts as a whole one."""
    if unit in SECONDS:
        days = math.ceil(abs(n) * SECONDS[unit] / 86400)
        return d + timedelta(days=days if n >= 0 else -days)
    if unit in ("day", "week"):
        return d + timedelta(days=round(n * (7 if unit == "week" else 1)))
    return _add_months(d, round(n * MONTHS_IN[unit]))


def day_period(d: date) -> Period:
    return Period(d.isoformat(), d, d, DAY)


def week_period(d: date) -> Period:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Period(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(days=6), WEEK)


def month_period(year: int, month: int) -> Period:
    return Period(f"{year:04d}-{month:02d}", date(year, month, 1), _last_day(year, month), MONTH)


def quarter_period(year: int, q: int) -> Period:
    first = 3 * q - 2
    return Period(f"{year:04d}-Q{q}", date(year, first, 1), _last_day(year, first + 2), INTERVAL)


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), YEAR)


def decade_period(year: int) -> Period:
    first = year - year % 10
    return Period(f"{first // 10:03d}", date(first, 1, 1), date(first + 9, 12, 31), INTERVAL)


def century_period(year: int) -> Period:
    first = year - year % 100
    return Period(f"{first // 100:02d}", date(first, 1, 1), date(first + 99, 12, 31), INTERVAL)


def season_period(year: int, name: str) -> Period:
    code, first_month = SEASONS[name]
    last = _add_months(date(year, first_month, 1), 2)
    return Period(
        f"{year:04d}-{code}", date(year, first_month, 1), _last_day(last.year, last.month), VAGUE
    )


PERIODS: Final[dict[str, Callable[[date], Period]]] = {
    "day": day_period,
    "week": week_period,
    "month": lambda d: month_period(d.year, d.month),
    "quarter": lambda d: quarter_period(d.year, (d.month + 2) // 3),
    "year": lambda d: year_period(d.year),
    "decade": lambda d: decade_period(d.year),
    "century": lambda d: century_period(d.year),
}


def part_of_day(d: date, part: str) -> Period:
    if part == "NI":
        return Period(f"{d.isoformat()}TNI", d, d + timedelta(days=1), NIGHT)
    return Period(f"{d.isoformat()}T{part}", d, d, DAY)


def third_of(span: Period, part: str) -> Period:
    """The early, middle or late third of a period, for "mid-March" or "early 2022"."""
    if span.precision in (DAY, NIGHT):
        return span  # "late Tuesday" is still Tuesday: TIMEX3 only adds a mod
    size = ((span.end - span.start).days + 1) // 3
    if size == 0:
        return span._replace(precision=VAGUE)
    index = {"early": 0, "mid": 1, "late": 2}[part]
    start = span.start + timedelta(days=index * size)
    end = span.end if index == 2 else start + timedelta(days=size - 1)
    return Period(span.value, start, end, VAGUE)


def _distance(span: Period, anchor: date, ahead_weight: int = 1) -> int:
    if span.start > anchor:
        return (span.start - anchor).days * ahead_weight
    return max(0, (anchor - span.end).days)


def pick(candidates: list[Period], ctx: Context, slack: timedelta = timedelta(0)) -> Period | None:
    """The candidate nearest the anchor on the side its tense allows.

    Without a past or future tense, news reports far more of what has happened than of
    what will, so an occurrence ahead of the anchor wins only at under half the distance
    of the one behind it.
    """
    anchor = ctx.anchor
    weight = 1
    if ctx.tense == "past":
        candidates = [c for c in candidates if c.start <= anchor + slack]
    elif ctx.tense == "future":
        candidates = [c for c in candidates if c.end >= anchor - slack]
    else:
        weight = 2
    if not candidates:
        return None
    return min(candidates, key=lambda c: (_distance(c, anchor, weight), c.start))


def around(anchor: date, build: Callable[[int], Period]) -> list[Period]:
    """``build`` for the anchor's year and those either side, skipping impossible ones."""
    spans = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            spans.append(build(year))
        except ValueError:  # 29 February, or a year outside the calendar
            continue
    return spans


def _latest_before(spans: list[Period], anchor: date) -> Period | None:
    before = [s for s in spans if s.end < anchor]
    return max(before, key=lambda s: s.start) if before else None


def _earliest_after(spans: list[Period], anchor: date) -> Period | None:
    after = [s for s in spans if s.start > anchor]
    return min(after, key=lambda s: s.start) if after else None


def choose(spans: list[Period], mod: str | None, ctx: Context) -> Period | None:
    """One of a name's occurrences ("summer", "the third quarter") by modifier or tense."""
    if mod in BACK_MODS:
        return _latest_before(spans, ctx.anchor)
    if mod in AHEAD_MODS:
        return _earliest_after(spans, ctx.anchor)
    return pick(spans, ctx)
