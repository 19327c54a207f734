"""Spans of tokens read as temporal expressions, whole or piece by piece.

The model takes "the year ended Sept. 30" or "between 1985 and 1987" as one entity where
TimeML marks two expressions; TimeML also marks only what has a value. So a span is read
whole when it can be, and otherwise cut into the longest readable pieces.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span

from saydo.domain import TimeExpr
from saydo.extract.times import tense_of
from saydo.extract.timex.found import FoundTime
from saydo.resolve.times import normalise_time

# Prepositions that begin no expression: TimeML marks "1988" of "in 1988".
LEADING = frozenset({"in", "on", "at", "by", "for", "during", "since", "until", "from", "of"})
# Words that join two expressions of a range and belong to neither.
JOINERS = frozenset({"and", "to", "or", "through", "between", "-", "ended", "ending", ","})
_YEAR_TO = re.compile(r"(?:the |its )?(?:fiscal )?year")


def read_pieces(span: Span, anchor: date) -> list[FoundTime]:
    """The span read whole or, failing that, as the readable pieces it is made of.

    The model takes "the year ended Sept. 30" or "between 1985 and 1987" as one entity,
    where TimeML marks two expressions, each with its own value.
    """
    out: list[FoundTime] = []
    i = span.start
    while i < span.end:
        piece = _longest_from(span.doc[i : span.end], anchor)
        if piece is None:
            i += 1
            continue
        out.append(piece[0])
        i = piece[1]
    return out


def _longest_from(span: Span, anchor: date) -> tuple[FoundTime, int] | None:
    if span[0].is_punct or span[0].lower_ in LEADING | JOINERS:
        return None
    for end in range(len(span), 0, -1):
        hit = read_whole(span[:end], anchor)
        if hit is not None:
            return hit, span[:end].end
    return None


def read_whole(span: Span, anchor: date) -> FoundTime | None:
    """The span read as one expression that is no range, or None."""
    if span[-1].is_punct or span[-1].lower_ in JOINERS:
        return None
    value: str | None
    if _YEAR_TO.fullmatch(span.text.lower()) and _next_word(span) in {"ended", "ending"}:
        # "the year ended Sept. 30" counts a year back from that date: a duration.
        time = TimeExpr(span.text, "P1Y", precision="duration")
    else:
        found = normalise_time(span.text, anchor, tense_of(span.root))
        if found is None:
            return None
        time = found
    value = time.value
    if not value or "/" in value or (time.precision == "set" and len(span) == 1):
        # A range is two expressions; "quarterly", "annually" go unmarked in TimeBank.
        return None
    return FoundTime(span.start_char, span.end_char, time)


def _next_word(span: Span) -> str:
    return span.doc[span.end].lower_ if span.end < len(span.doc) else ""


def read_trimmed(span: Span, anchor: date) -> FoundTime | None:
    for candidate in _trims(span):
        hit = read_whole(candidate, anchor)
        if hit is not None:
            return hit
    return None


def _trims(span: Span) -> list[Span]:
    """The span, then without a leading preposition, then shortened from the right."""
    out = [span]
    if len(span) > 1 and span[0].lower_ in LEADING:
        out.append(span[1:])
    base = out[-1]
    for end in range(len(base) - 1, 0, -1):
        out.append(base[:end])
    return out
