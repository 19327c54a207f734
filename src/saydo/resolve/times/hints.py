"""A cheap test for text that may hold a time, so callers can skip what cannot."""

from __future__ import annotations

import re
from typing import Final

from saydo.resolve.times.patterns import alternation
from saydo.resolve.times.vocabulary import AMBIGUOUS_MONTHS, MONTHS, WEEKDAYS

_TEMPORAL_HINT: Final = re.compile(
    r"\b(?:"
    + "|".join(
        (
            alternation(set(WEEKDAYS) | (set(MONTHS) - AMBIGUOUS_MONTHS)),
            r"(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\.",
            r"(?:to|yester)day|tonight|tomorrow|overnight|now|currently|recent(?:ly)?",
            r"lately|ago|weekends?|mornings?|afternoons?|evenings?|nights?|dawn|dusk",
            r"days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|hours?",
            r"minutes?|spring|summer|autumn|winter|(?:1[89]|20)\d\d(?:s)?",
            r"\d{4}-\d\d-\d\d|\d\d?/\d\d?/\d\d(?:\d\d)?",
        )
    )
    + r")\b",
    re.IGNORECASE | re.ASCII,
)
_CAPITALISED_MONTH: Final = re.compile(r"\b(?:May|March|MAY|MARCH)\b")


def looks_temporal(text: str) -> bool:
    """Whether ``text`` holds a word or pattern that usually marks a time.

    A cheap filter for spans and sentences, erring towards True; :func:`normalise_time`
    is the exact test. "May" and "March" count only capitalised.
    """
    return bool(_TEMPORAL_HINT.search(text) or _CAPITALISED_MONTH.search(text))
