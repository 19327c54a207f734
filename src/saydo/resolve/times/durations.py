"""Counts of units: durations ("five weeks" is P5W) and recurring times ("every week").

A duration alone has no place on the calendar (nothing in "five weeks" says when they
run), so these readings are :class:`~saydo.resolve.times.readings.Open`; the anchored
ones ("the past five weeks") are read in :mod:`.relative`.
"""

from __future__ import annotations

import re
from typing import Final

from saydo.resolve.times.readings import (
    DURATION,
    SET,
    VAGUE,
    Context,
    Open,
    Reading,
)
from saydo.resolve.times.vocabulary import (
    DESIGNATORS,
    FINER,
    NUMBER_WORDS,
    UNIT_WORDS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


def _number(text: str, half: str | None = None) -> float | None:
    """The count a number phrase gives, or None for "several", "a few" and the like."""
    if text in VAGUE_NUMBERS:
        return None
    n = float(NUMBER_WORDS[text] if text in NUMBER_WORDS else text.replace(",", ""))
    return n + 0.5 if half else n


def unit_of(word: str) -> tuple[str, int]:
    singular = "century" if word == "centuries" else word.removesuffix("s")
    return UNIT_WORDS[singular]


def _format_number(n: float) -> str:
    return str(int(n)) if n.is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    if n is None:
        marker, letter = DESIGNATORS[unit]
        return f"P{marker}X{letter}"
    while not n.is_integer() and unit in FINER:
        unit, factor = FINER[unit]
        n *= factor
    marker, letter = DESIGNATORS[unit]
    return f"P{marker}{_format_number(n)}{letter}"


def counted(m: re.Match[str]) -> tuple[float | None, str]:
    """The (count, unit) of a match with groups n, unit and optionally half/half2."""
    unit, multiple = unit_of(m["unit"])
    groups = m.groupdict()
    n = _number(m["n"], groups.get("half") or groups.get("half2"))
    return (None if n is None else n * multiple), unit


_SET_ADVERBS: Final = {
    "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
    "quarterly": "quarter", "yearly": "year", "annually": "year",
}  # fmt: skip


def read_set(m: re.Match[str], ctx: Context) -> Reading | None:
    """A recurring time (TIMEX3 type SET): "every week" is P1W, "every Tuesday" XXXX-WXX-2."""
    groups = m.groupdict()
    if groups.get("weekday"):
        return Open(f"XXXX-WXX-{WEEKDAYS.index(m['weekday']) + 1}", SET)
    if groups.get("adverb"):
        return Open(duration_value(1.0, _SET_ADVERBS[m["adverb"]]), SET)
    unit, multiple = unit_of(m["unit"])
    return Open(duration_value(float(multiple), unit), SET)


def read_vague_span(m: re.Match[str], ctx: Context) -> Reading | None:
    return Open(duration_value(None, unit_of(m["unit"])[0]), VAGUE)


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    n, unit = counted(m)
    if n is not None and n >= 1000 and not m["unit"].endswith("s"):
        return None  # a singular unit is adjectival ("a five-year plan"): "the 1988 quarter"
    return Open(duration_value(n, unit), VAGUE if n is None else DURATION)
