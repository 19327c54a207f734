"""Regular-expression fragments for the rule table, built from the vocabulary.

Alternations list longer words first, so that "a few" is tried before "a", and each
fragment is written once for the several rules that share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from saydo.resolve.times.vocabulary import (
    MONTH_NUMBERS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SMALL_NUMBERS,
    TENS,
    UNIT_WORDS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


def alternation(words: Iterable[str]) -> str:
    """Alternatives that try longer words first, so "a few" wins over "a"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def group_of(words: Iterable[str]) -> str:
    return f"(?:{alternation(words)})"


MONTH_RE: Final = group_of(MONTH_NUMBERS)
WEEKDAY_RE: Final = group_of(WEEKDAYS)
NUM_RE: Final = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{alternation(set(NUMBER_WORDS) | VAGUE_NUMBERS)})"
)
HALF_RE: Final = r"(?: and a half)?"
SINGULAR_UNIT_RE: Final = group_of(UNIT_WORDS)
UNIT_RE: Final = "(?:centuries|" + "|".join(f"{w}s?" for w in UNIT_WORDS) + ")"
PLURAL_UNIT_RE: Final = (
    "(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"
)
DAY_RE: Final = rf"(?:[0-3]?\d(?:st|nd|rd|th)?|{alternation(ORDINALS)})"
YEAR_RE: Final = r"[12]\d\d\d"
PART_RE: Final = group_of(PARTS_OF_DAY)
_TENS_RE: Final = group_of(TENS)
_ONES_RE: Final = group_of(SMALL_NUMBERS[1:10])
_TEENS_RE: Final = group_of(SMALL_NUMBERS[10:])
# Years as read aloud in broadcast transcripts.
SPOKEN_YEAR_RE: Final = (
    rf"(?:{_TEENS_RE}|twenty) (?:hundred|oh {_ONES_RE}|{_TENS_RE}(?: {_ONES_RE})?"
    rf"|{_TEENS_RE})"
    rf"|two thousand(?:(?: and)? (?:{_TENS_RE}(?: {_ONES_RE})?|{group_of(SMALL_NUMBERS[1:])}))?"
)
CLOCK_RE: Final = (
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))? ?(?P<ap>a\.?m\.?|p\.?m\.?)"
    r"|(?P<h24>\d{1,2})[:h](?P<mi24>\d\d)(?: ?hrs| ?h)?"
    r"|(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d) ?(?:hrs|h|gmt|utc)"
    r"|(?P<word>noon|midday|midnight))"
    r"(?: (?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|et|local time"
    r"|kyiv time|moscow time|local))?"
)
