"""Expressions read against the anchor: "yesterday", "on Tuesday", "last week", "two days
ago", "the past eight years", "recently".

The weekday rule (the latest such day on or before the anchor, the first on or after it in
a future clause, the anchor's own weekday being the anchor) is explained in the package
notes.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from saydo.resolve.times.durations import counted, duration_value, unit_of
from saydo.resolve.times.periods import (
    PERIODS,
    day_period,
    part_of_day,
    shift,
    third_of,
    week_period,
)
from saydo.resolve.times.readings import (
    DURATION,
    INTERVAL,
    VAGUE,
    Context,
    Open,
    Period,
    Reading,
    Tense,
)
from saydo.resolve.times.vocabulary import (
    AHEAD_MODS,
    BACK_MODS,
    CALENDAR_STEPS,
    DEICTIC,
    GRANULE,
    OFFSETS,
    REFS,
    WEEKDAYS,
)


def read_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    return Open(REFS[m[0]], VAGUE)


def read_deictic(m: re.Match[str], ctx: Context) -> Reading | None:
    offset, part = DEICTIC[m[0]]
    d = ctx.anchor + timedelta(days=offset)
    return day_period(d) if part is None else part_of_day(d, part)


def read_weekend(m: re.Match[str], ctx: Context) -> Reading | None:
    anchor, mod = ctx.anchor, m["mod"]
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)  # latest, maybe today
    within = anchor <= saturday + timedelta(days=1)  # the anchor is that Saturday or Sunday
    if mod in BACK_MODS and within:
        saturday -= timedelta(days=7)
    elif mod in AHEAD_MODS or (ctx.tense == "future" and not within):
        saturday += timedelta(days=7)
    iso = saturday.isocalendar()
    return Period(
        f"{iso.year:04d}-W{iso.week:02d}-WE", saturday, saturday + timedelta(days=1), INTERVAL
    )


def _weekday_date(anchor: date, weekday: int, mod: str | None, tense: Tense | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if mod in BACK_MODS:
        return anchor - timedelta(days=back or 7)
    if mod in AHEAD_MODS:
        return anchor + timedelta(days=ahead or 7)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    weekday = WEEKDAYS.index(m["weekday"])
    if m["week"]:
        monday = week_period(ctx.anchor + timedelta(weeks=OFFSETS[m["week"]])).start
        return day_period(monday + timedelta(days=weekday))
    return day_period(_weekday_date(ctx.anchor, weekday, m["mod"], ctx.tense))


def read_calendar(m: re.Match[str], ctx: Context) -> Reading | None:
    unit, step = CALENDAR_STEPS[m["unit"]]
    shifted = shift(ctx.anchor, unit, step * OFFSETS[m["mod"]])
    return PERIODS[m["unit"]](shifted)


def read_period_end(m: re.Match[str], ctx: Context) -> Reading | None:
    return third_of(PERIODS[m["unit"]](ctx.anchor), "late")


def read_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    n, unit = counted(m)
    future = m["dir"] not in {"ago", "earlier"}
    if n is None:
        return Open("FUTURE_REF" if future else "PAST_REF", VAGUE)
    shifted = shift(ctx.anchor, unit, n if future else -n)
    return PERIODS[GRANULE[unit]](shifted)


def read_vague_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    return Open("PAST_REF" if m["dir"] == "ago" else "FUTURE_REF", VAGUE)


def read_anchored(m: re.Match[str], ctx: Context) -> Reading | None:
    """A count running up to or from now: "the past eight years", "the next 15 years"."""
    groups = m.groupdict()
    if groups.get("n") is None:
        unit, multiple = unit_of(m["unit"])
        if unit == "day" and m["dir"] != "past":
            return None  # "the next day", "the last day" point into the story, not at now
        n: float | None = float(multiple)
    else:
        n, unit = counted(m)
    value = duration_value(n, unit)
    direction = m["dir"]
    if n is None:
        return Open(value, VAGUE)
    if direction in ("past", "last", "recent", "latest"):
        return Period(value, shift(ctx.anchor, unit, -n), ctx.anchor, INTERVAL)
    if direction in ("next", "coming"):
        return Period(value, ctx.anchor, shift(ctx.anchor, unit, n), INTERVAL)
    return Open(value, DURATION)  # "the following three days" runs from a story's event
