"""Expressions made of expressions: "5 p.m. on Friday", "Tuesday night", "mid-March",
"earlier this month", "2014 to 2022".

Each part is read with the whole rule table through
:meth:`~saydo.resolve.times.readings.Context.parse`, so a composition understands every
day, month or period the table does.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from saydo.resolve.times.periods import day_period, part_of_day, third_of
from saydo.resolve.times.readings import (
    DAY,
    INTERVAL,
    NIGHT,
    VAGUE,
    Context,
    Period,
    Reading,
)
from saydo.resolve.times.vocabulary import PARTS_OF_DAY, PERIOD_PARTS


def _clock_value(m: re.Match[str]) -> str | None:
    """The THH:MM of a clock time, None when it is no time of day."""
    groups = m.groupdict()
    word = groups.get("word")
    if word:
        return "T24:00" if word == "midnight" else "T12:00"
    if groups.get("ap"):
        hour = int(m["h"])
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ap"].startswith("p") else 0)
        minute = m["mi"]
    elif groups.get("h24"):
        hour, minute = int(m["h24"]), m["mi24"]
    else:
        hour, minute = int(m["hm"]), m["mm"]
    if hour > 23 or (minute is not None and int(minute) > 59):
        return None
    # TIMEX3 writes a clock time with its minutes: "10 p.m." is T22:00, not T22.
    return f"T{hour:02d}:{minute or '00'}"


def _inner_day(text: str | None, ctx: Context) -> date | None:
    """The day a composed phrase hangs from: "Friday" in "5 p.m. Friday"."""
    if text is None:
        return ctx.anchor
    found = ctx.nested.parse(text)
    if isinstance(found, Period) and found.precision == DAY and len(found.value) == 10:
        return found.start
    return None


def read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    value = _clock_value(m)
    day = _inner_day(m.groupdict().get("rest"), ctx)
    if value is None or day is None:
        return None
    return Period(day.isoformat() + value, day, day, DAY)


def read_with_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    day = _inner_day(m["rest"], ctx)
    return None if day is None else day_period(day)


def read_with_part_of_day(m: re.Match[str], ctx: Context) -> Reading | None:
    part, rest = PARTS_OF_DAY[m["part"]], m["rest"]
    if rest == "last" and part in ("EV", "NI"):
        day: date | None = ctx.anchor - timedelta(days=1)
    elif rest == "this":
        day = ctx.anchor
    else:
        day = _inner_day(rest, ctx)
    return None if day is None else part_of_day(day, part)


_THE_PERIOD: Final = re.compile(r"(?:in )?the (week|month|quarter|year|decade|century)")


def _current(text: str) -> str:
    # "the end of the year", "earlier in the month": in news these mean the current one,
    # though "the year" on its own points back into the story.
    return _THE_PERIOD.sub(r"this \1", text) if _THE_PERIOD.fullmatch(text) else text


def read_with_period_part(m: re.Match[str], ctx: Context) -> Reading | None:
    inner = ctx.nested.parse(_current(m["rest"]))
    return third_of(inner, PERIOD_PARTS[m["part"]]) if isinstance(inner, Period) else None


def read_earlier_later(m: re.Match[str], ctx: Context) -> Reading | None:
    """The part of a period before (or after) the anchor: "earlier this month"."""
    inner = ctx.nested.parse(_current(m["rest"]))
    if not isinstance(inner, Period) or inner.precision in (DAY, NIGHT):
        return inner
    anchor = ctx.anchor
    if not inner.start <= anchor <= inner.end:
        return inner._replace(precision=VAGUE)
    if m["dir"] == "earlier":
        return Period(inner.value, inner.start, anchor, VAGUE)
    return Period(inner.value, anchor, inner.end, VAGUE)


_RANGE_SEPARATOR: Final = re.compile(r" ?- ?| (?:to|until|till|through|thru|and) ", re.ASCII)


def read_range(m: re.Match[str], ctx: Context) -> Reading | None:
    if not ctx.ranges:
        return None
    text = m[0]
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[: separator.start()], text[separator.end() :]
        if not left or not right:
            continue
        first, last = ctx.nested.parse(left), ctx.nested.parse(right)
        if isinstance(first, Period) and isinstance(last, Period) and first.start <= last.end:
            return Period(f"{first.value}/{last.value}", first.start, last.end, INTERVAL)
    return None
