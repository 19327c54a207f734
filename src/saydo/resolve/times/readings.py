"""What reading a temporal expression gives, and the context it is read in.

A reading is either a :class:`Period` on the calendar (a day, a week, a quarter, a range)
or an :class:`Open` value with no place on it (a duration, a ``PAST_REF``). The handlers
of every module return one of the two; :func:`~saydo.resolve.times.normalise_time` turns
it into a :class:`~saydo.domain.TimeExpr`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final, Literal, NamedTuple, TypeAlias

Tense = Literal["past", "present", "future"]

# Precisions, as TimeExpr.precision carries them.
DAY: Final = "day"
NIGHT: Final = "night"
WEEK: Final = "week"
MONTH: Final = "month"
YEAR: Final = "year"
INTERVAL: Final = "interval"
DURATION: Final = "duration"
VAGUE: Final = "vague"
SET: Final = "set"  # a recurring time: "every week", "annually"


class Period(NamedTuple):
    """A reading on the calendar: its TIMEX3 value and its first and last days."""

    value: str
    start: date
    end: date
    precision: str


class Open(NamedTuple):
    """A reading with no interval on the calendar: a duration or a *_REF."""

    value: str
    precision: str


Reading: TypeAlias = Period | Open


@dataclass(frozen=True, slots=True)
class Context:
    anchor: date
    tense: Tense | None
    raw: str  # the text as given, for the few decisions that need its case
    # The reader of the whole rule table; compositions read their parts with it. Passed in
    # rather than imported because the table itself is made of the compositions.
    read: Callable[[str, Context], Reading | None]
    ranges: bool = True  # off inside a range, so "a to b to c" is not split twice over
    # Compositions can reach one substring by several routes ("1 am 1 am 1 am" splits at
    # either end); remembering each answer keeps the work polynomial in the length.
    memo: dict[tuple[str, bool], Reading | None] = field(default_factory=dict, compare=False)

    @property
    def nested(self) -> Context:
        return replace(self, ranges=False)

    def parse(self, text: str) -> Reading | None:
        """``text`` (already folded) read with the whole rule table, once per context."""
        key = (text, self.ranges)
        if key not in self.memo:
            self.memo[key] = self.read(text, self)
        return self.memo[key]


Handler: TypeAlias = Callable[[re.Match[str], Context], Reading | None]
