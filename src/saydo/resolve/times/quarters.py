"""Quarters as earnings news names them: "the third quarter", "Q3 2021", "this year's first
quarter", "the year-ago period".

Quarters count within a (fiscal) year rather than from the anchor, and "the quarter" on its
own is the last one that has ended: the one being reported.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from saydo.resolve.times.dates import day_number
from saydo.resolve.times.periods import around, choose, quarter_period, year_period
from saydo.resolve.times.readings import (
    Context,
    Period,
    Reading,
)
from saydo.resolve.times.vocabulary import OFFSETS


def read_reported_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the quarter", "the latest period": in earnings news the last quarter that has
    ended by the anchor; "the year-ago quarter" is the same quarter a year before."""
    latest = _reported_quarter_of(ctx.anchor)
    return quarter_period(latest.start.year - (1 if m["ago"] else 0), (latest.start.month + 2) // 3)


def _reported_quarter_of(anchor: date) -> Period:
    """The latest quarter that has ended by the anchor."""
    done = quarter_period(anchor.year, (anchor.month + 2) // 3).start - timedelta(days=1)
    return quarter_period(done.year, (done.month + 2) // 3)


def read_quarter_name(m: re.Match[str], ctx: Context) -> Reading | None:
    groups = m.groupdict()
    q = int(m["q"]) if groups.get("q") else day_number(m["ord"])
    if not 1 <= q <= 4:
        return None
    if groups.get("year"):
        return quarter_period(int(m["year"]), q)
    mod = groups.get("mod")
    if mod is not None and mod != "this":
        return choose(around(ctx.anchor, lambda y: quarter_period(y, q)), mod, ctx)
    # Quarters are counted within a (fiscal) year: "the first quarter" is this year's,
    # over or not, unless the tense puts it on the other side of the anchor.
    quarter = quarter_period(ctx.anchor.year, q)
    if ctx.tense == "past" and quarter.start > ctx.anchor:
        return quarter_period(ctx.anchor.year - 1, q)
    if ctx.tense == "future" and quarter.end < ctx.anchor:
        return quarter_period(ctx.anchor.year + 1, q)
    return quarter


def read_year_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "this year's third quarter", "last year's quarter", "the year-ago period"."""
    year = ctx.anchor.year + (OFFSETS[m["rel"]] if m["rel"] else -1)
    if m["ord"]:
        return quarter_period(year, day_number(m["ord"]))
    latest = _reported_quarter_of(ctx.anchor)
    return quarter_period(year, (latest.start.month + 2) // 3)


def read_year_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """The adjective "year-ago" ("year-ago results"): the year before the anchor's."""
    return year_period(ctx.anchor.year - 1)


def read_this_year(m: re.Match[str], ctx: Context) -> Reading | None:
    return year_period(ctx.anchor.year)
