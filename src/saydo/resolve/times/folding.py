"""Text folded to the one shape the rule table matches, and the words dropped from its front.

Folding (lower case, single spaces, hyphens between words as spaces, month abbreviations
without their dot, trailing punctuation and possessive gone) lets one pattern serve
"Mid-March", "mid March" and "mid-march,".
"""

from __future__ import annotations

import re
from typing import Final

from saydo.resolve.times.patterns import group_of

# Dropped one at a time from the front when nothing matches with them.
_PREFIX_WORDS: Final = (
    "on", "in", "by", "the", "since", "until", "till", "during", "over", "for", "at",
    "from", "between", "within", "throughout", "through", "after", "before", "as of",
    "as early as", "as late as", "as recently as", "as long as", "as soon as",
    "about", "around", "approximately", "roughly", "some", "nearly", "almost",
    "more than", "less than", "fewer than", "at least", "at most", "no more than",
    "no less than", "no later than", "no earlier than", "not until", "not before",
    "up to", "under", "just", "only", "well", "sometime", "some time", "of", "to",
    "into", "ever since", "even", "already", "still", "starting", "effective",
    "an estimated", "a full", "a further", "another", "a total of", "barely", "its", "their",
    "a", "fiscal",
)  # fmt: skip
PREFIX: Final = re.compile(group_of(_PREFIX_WORDS) + " ", re.ASCII)
_SUFFIX: Final = re.compile(
    r"(?: or so| or more| or longer| or less| or later| at least| and counting| onwards?"
    r"| and beyond| so far| to date)+$",
    re.ASCII,
)
_MONTH_ABBREVIATION_DOT: Final = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", re.ASCII
)
_WORD_HYPHEN: Final = re.compile(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", re.ASCII)


def fold(text: str) -> str:
    s = " ".join(text.lower().split())
    s = s.translate({0x2019: "'", 0x2018: "'", 0x2013: "-", 0x2014: "-", 0x2010: "-"})
    s = _MONTH_ABBREVIATION_DOT.sub(r"\1", s)
    s = _WORD_HYPHEN.sub(" ", s)
    s = s.strip(" ,.;:!?\"'()[]")
    s = re.sub(r"'s$", "", s).replace(" or so", "")
    return _SUFFIX.sub("", s)
