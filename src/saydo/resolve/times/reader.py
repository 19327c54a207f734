"""Reading a text: fold it, match it whole against the rule table and, when nothing
matches, drop one leading word ("on", "the", "more than") and try again.

Trying before dropping keeps the words that matter: "the past" is PAST_REF before it
would become "past", and "the last week" (the seven days up to now) is told from "last
week" (the calendar week before this one).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from saydo.domain import TimeExpr
from saydo.resolve.times.folding import PREFIX, fold
from saydo.resolve.times.readings import Context, Period, Reading, Tense
from saydo.resolve.times.rules import RULES

# Real temporal expressions are short; the cap also bounds the work on arbitrary text.
_MAX_LEN: Final = 80


def _read(text: str, ctx: Context) -> Reading | None:
    """The first reading of the table for ``text`` or, failing that, for ``text`` less its
    first word."""
    while True:
        for pattern, handler in RULES:
            match = pattern.fullmatch(text)
            if match is not None and (found := handler(match, ctx)) is not None:
                return found
        shorter = PREFIX.sub("", text, count=1)
        if shorter == text or not shorter:
            return None
        text = shorter


def normalise_time(text: str, anchor: date, tense: Tense | None = None) -> TimeExpr | None:
    """``text`` as a TIMEX3-valued :class:`TimeExpr` relative to ``anchor``, the article's
    publication date; None when it is not a temporal expression saydo understands.

    ``tense`` is that of the clause the expression belongs to; it decides which Tuesday,
    which March or which weekend is meant (see the package notes).
    """
    cleaned = fold(text)
    if not cleaned or len(cleaned) > _MAX_LEN:
        return None
    try:
        found = Context(anchor, tense, text, _read).parse(cleaned)
    except (ValueError, OverflowError):
        # Calendar arithmetic past year 1 or 9999, or a date like 31 June: no answer.
        return None
    if found is None:
        return None
    if isinstance(found, Period):
        return TimeExpr(text, found.value, found.start, found.end, found.precision)
    return TimeExpr(text, found.value, precision=found.precision)
