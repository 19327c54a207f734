"""Named dates and periods: "29 March", "3/29/2022", "March", "2014", "the nineties",
"the 20th century", "summer 2021".

A name without a year is placed by :func:`~saydo.resolve.times.periods.pick` and
:func:`~saydo.resolve.times.periods.choose`, with some slack for a day's date (a reporting
verb's tense says little about a date within a week of the anchor).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from saydo.resolve.times.periods import (
    around,
    century_period,
    choose,
    day_period,
    decade_period,
    month_period,
    pick,
    season_period,
    year_period,
)
from saydo.resolve.times.readings import (
    INTERVAL,
    Context,
    Period,
    Reading,
)
from saydo.resolve.times.vocabulary import (
    AMBIGUOUS_MONTHS,
    DECADE_WORDS,
    MONTH_NUMBERS,
    NUMBER_WORDS,
    OFFSETS,
    ORDINALS,
)

# How far a yearless date may lie on the "wrong" side of the anchor for its tense.
_DATE_SLACK: Final = timedelta(days=7)


def _full_year(text: str, anchor: date) -> int:
    if len(text) == 4:
        return int(text)
    # A two-digit year is the one nearest the anchor ("89" in 2022 is 1989).
    base = anchor.year - anchor.year % 100 + int(text)
    return min((base - 100, base, base + 100), key=lambda y: abs(y - anchor.year))


def read_numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    groups = m.groupdict()
    year = _full_year(m["y"], ctx.anchor)
    if groups.get("m"):
        month, day = int(m["m"]), int(m["d"])
    elif groups.get("dot"):
        day, month = int(m["a"]), int(m["b"])
    else:
        month, day = int(m["a"]), int(m["b"])
        if month > 12:  # 29/03/2022 can only be day first
            month, day = day, month
    return day_period(date(year, month, day))


def read_iso_month(m: re.Match[str], ctx: Context) -> Reading | None:
    return month_period(int(m["y"]), int(m["m"]))


def day_number(text: str) -> int:
    if text in ORDINALS:
        return ORDINALS[text]
    return int(re.sub(r"\D", "", text))


def _yearless(month: int, day: int, ctx: Context) -> Period | None:
    return pick(around(ctx.anchor, lambda y: day_period(date(y, month, day))), ctx, _DATE_SLACK)


def read_day_month(m: re.Match[str], ctx: Context) -> Reading | None:
    month, day = MONTH_NUMBERS[m["month"]], day_number(m["day"])
    if m["year"]:
        return day_period(date(int(m["year"]), month, day))
    return _yearless(month, day, ctx)


def read_day_range(m: re.Match[str], ctx: Context) -> Reading | None:
    month = MONTH_NUMBERS[m["month"]]
    first, last = day_number(m["d1"]), day_number(m["d2"])
    if last <= first:
        return None
    if m["year"]:
        start = date(int(m["year"]), month, first)
    else:
        found = _yearless(month, first, ctx)
        if found is None:
            return None
        start = found.start
    end = date(start.year, month, last)
    return Period(f"{start.isoformat()}/{end.isoformat()}", start, end, INTERVAL)


def read_month_name(m: re.Match[str], ctx: Context) -> Reading | None:
    word, mod, anchor = m["month"], m["mod"], ctx.anchor
    month = MONTH_NUMBERS[word]
    if m["year"]:
        return month_period(int(m["year"]), month)
    if m["rel"]:
        return month_period(anchor.year + OFFSETS[m["rel"]], month)
    if mod is None and word in AMBIGUOUS_MONTHS and re.search(rf"\b{word}\b", ctx.raw):
        return None
    if mod == "this":
        return month_period(anchor.year, month)
    return choose(around(anchor, lambda y: month_period(y, month)), mod, ctx)


def _spoken_year(text: str) -> int:
    """ "nineteen ninety four" or "two thousand and fourteen" as a number."""
    words = text.split()
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(w for w in words[2:] if w != "and")
        return 2000 + (int(NUMBER_WORDS[rest]) if rest else 0)
    century = int(NUMBER_WORDS[words[0]])
    rest = " ".join(words[1:])
    if rest == "hundred":
        return century * 100
    return century * 100 + int(NUMBER_WORDS[rest.removeprefix("oh ")])


def read_year_number(m: re.Match[str], ctx: Context) -> Reading | None:
    if m.groupdict().get("spoken"):
        return year_period(_spoken_year(m["spoken"]))
    return year_period(int(m["year"]))


def read_decade_name(m: re.Match[str], ctx: Context) -> Reading | None:
    groups = m.groupdict()
    if groups.get("full"):
        return decade_period(int(m["full"]))
    tens = DECADE_WORDS[m["word"]] if groups.get("word") else int(m["tens"])
    # "the nineties" is the latest such decade that has begun by the anchor.
    year = ctx.anchor.year - ctx.anchor.year % 100 + 10 * tens
    return decade_period(year - 100 if year > ctx.anchor.year else year)


def read_century_name(m: re.Match[str], ctx: Context) -> Reading | None:
    n = day_number(m["ord"])
    return century_period(100 * (n - 1)) if n > 0 else None


def read_season_name(m: re.Match[str], ctx: Context) -> Reading | None:
    name, mod = m["season"], m["mod"]
    if m["year"]:
        return season_period(int(m["year"]), name)
    if name == "fall" and mod is None:
        return None  # bare "fall" is a verb far more often than a season
    return choose(around(ctx.anchor, lambda y: season_period(y, name)), mod, ctx)
