"""A TIMEX3 tagger: the temporal expressions of a parsed text, normalised.

spaCy's DATE and TIME entities are the candidates; :func:`normalise_time` reads each
against the anchor (the document's creation or publication date) with the tense of the
verb it hangs from. What the model leaves out is added by rule: single deictic words
("now", "currently", "recently", "overnight", "today"), which TimeML tags but the model
rarely does. An entity that the normaliser cannot read is trimmed of a leading
preposition or of trailing words that TimeML leaves outside ("the week after") and, if
still unreadable, dropped: TimeML annotates only what has a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span

from saydo.domain import TimeExpr
from saydo.extract.times import tense_of
from saydo.resolve.times import normalise_time

TIME_LABELS = frozenset({"DATE", "TIME"})
# Single words TimeML tags as expressions of their own that the model misses.
DEICTIC = frozenset(
    {
        "now",
        "currently",
        "recently",
        "overnight",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "lately",
        "formerly",
        "previously",
        "soon",
        "current",
        "recent",
    }
)
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_YEAR_AGO = re.compile(r"(?:a|one) year (?:ago|earlier)")
# Two-word phrases that the model misses, matched on the lower-case text.
PHRASES = (("the", "past"), ("the", "future"), ("in", "future"))
# Deictic words that are times only in some uses; kept when the normaliser reads them.
_LEADING = frozenset({"in", "on", "at", "by", "for", "during", "since", "until", "from", "of"})


@dataclass(frozen=True, slots=True)
class FoundTime:
    """A tagged expression: its characters in the text and its normalised reading."""

    start: int
    end: int
    time: TimeExpr


def find_times(doc: Doc, anchor: date) -> list[FoundTime]:
    """Every temporal expression of a parsed text, in text order, without overlaps."""
    found: list[FoundTime] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in TIME_LABELS:
            hit = _read(ent, anchor)
            if hit is not None:
                found.append(hit)
                taken.update(range(ent.start, ent.end))
    for token in doc:
        if token.i in taken:
            continue
        size = _phrase_at(doc, token.i)
        if size == 0 and token.lower_ not in DEICTIC:
            continue
        hit = _read(doc[token.i : token.i + max(size, 1)], anchor)
        if hit is not None:
            found.append(hit)
            taken.update(range(token.i, token.i + max(size, 1)))
    return _in_reporting_quarters(sorted(found, key=lambda f: f.start))


def _in_reporting_quarters(found: list[FoundTime]) -> list[FoundTime]:
    """In a text that reports by quarter, "a year ago" is the same quarter a year before.

    Earnings news compares a quarter with its namesake of the year before; TimeML values
    "a year earlier" there as that quarter (``1988-Q3``), not as the year.
    """
    quarter = next((f.time.value for f in found if _QUARTER.fullmatch(f.time.value or "")), None)
    if quarter is None:
        return found
    year, q = int(quarter[:4]), quarter[-1]
    out = []
    for f in found:
        if _YEAR_AGO.fullmatch(f.time.text.lower()) and f.time.value == str(year - 1):
            f = FoundTime(f.start, f.end, replace(f.time, value=f"{year - 1}-Q{q}"))
        out.append(f)
    return out


def _phrase_at(doc: Doc, i: int) -> int:
    for phrase in PHRASES:
        words = tuple(t.lower_ for t in doc[i : i + len(phrase)])
        if words == phrase and not _followed_by_noun(doc, i + len(phrase)):
            return len(phrase)
    return 0


def _followed_by_noun(doc: Doc, i: int) -> bool:
    # "the past three summers", "the future president": the phrase is a modifier there.
    return i < len(doc) and doc[i].pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}


def _read(span: Span, anchor: date) -> FoundTime | None:
    for candidate in _trims(span):
        time = normalise_time(candidate.text, anchor, tense_of(candidate.root))
        if time is not None and time.value:
            return FoundTime(candidate.start_char, candidate.end_char, time)
    return None


def _trims(span: Span) -> list[Span]:
    """The span, then without a leading preposition, then shortened from the right."""
    out = [span]
    if len(span) > 1 and span[0].lower_ in _LEADING:
        out.append(span[1:])
    base = out[-1]
    for end in range(len(base) - 1, 0, -1):
        out.append(base[:end])
    return out
