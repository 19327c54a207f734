"""Finding the candidates: the model's DATE and TIME entities, widened and cut, and the
expressions it leaves out (deictic words, "the past", "third-quarter"), then joined where a
clock time was cut from its day ("noon" "Thursday")."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from saydo.extract.times import TIME_LABELS
from saydo.extract.timex.found import FoundTime
from saydo.extract.timex.reading import LEADING, read_pieces, read_trimmed, read_whole
from saydo.extract.timex.references import in_reporting_quarters, with_anaphora
from saydo.extract.timex.unmarked import unmarkable

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
        "soon",
        "current",
        "recent",
    }
)
# Two-word phrases that the model misses, matched on the lower-case text.
PHRASES = (("the", "past"), ("the", "future"), ("in", "future"))
# Words before an entity that belong to the expression ("This year", "the year-ago").
_LEFT_WORDS = frozenset({"this", "last", "next", "that"})
# Unit words that, outside any entity, may head an adjectival expression.
_UNIT_TRIGGERS = frozenset({"quarter", "year", "month", "week", "day", "period"})
_WINDOW = 4  # tokens in the longest such expression: "the year - ago"
# What may stand between a clock time and its day: "noon Thursday", "5 p.m., Nov. 6".
_GLUE = frozenset({"", "on", "at"})
# Parts of a day the model leaves out of a day's entity: "Saturday night".
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "nights"})


def find_times(doc: Doc, anchor: date) -> list[FoundTime]:
    """Every temporal expression of a parsed text, in text order, without overlaps."""
    found: list[FoundTime] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in TIME_LABELS:
            widened = _widened(ent)
            found.extend(read_pieces(widened, anchor))
            taken.update(range(widened.start, widened.end))
    for token in doc:
        if token.i in taken:
            continue
        extra = _at_token(doc, token.i, anchor)
        if extra is not None:
            found.append(extra)
            span = doc.char_span(extra.start, extra.end, alignment_mode="expand")
            taken.update(range(span.start, span.end) if span is not None else ())
    joined = _joined(doc, _without_overlaps(found), anchor)
    kept = [f for f in joined if not unmarkable(doc, f)]
    return in_reporting_quarters(with_anaphora(doc.text, kept, anchor), anchor)


def _at_token(doc: Doc, i: int, anchor: date) -> FoundTime | None:
    """An expression the model left out that starts or hinges on token ``i``."""
    size = _phrase_at(doc, i)
    if size or doc[i].lower_ in DEICTIC:
        return read_trimmed(doc[i : i + max(size, 1)], anchor)
    if doc[i].lower_ in _UNIT_TRIGGERS:
        return _compound_at(doc, i, anchor)
    return None


def _compound_at(doc: Doc, i: int, anchor: date) -> FoundTime | None:
    """The longest readable window around a unit word: "third-quarter", "year-ago"."""
    sent = doc[i].sent
    for size in range(_WINDOW, 0, -1):
        for first in range(max(sent.start, i - size + 1), i + 1):
            last = first + size
            window = doc[first:last]
            if last > sent.end or window[0].lower_ in LEADING or _broken(window):
                continue
            hit = read_whole(window, anchor)
            if hit is not None:
                return hit
    return None


def _broken(window: Span) -> bool:
    return any(t.is_punct and t.text != "-" for t in window)


def _without_overlaps(found: list[FoundTime]) -> list[FoundTime]:
    out: list[FoundTime] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out


def _joined(doc: Doc, found: list[FoundTime], anchor: date) -> list[FoundTime]:
    """Neighbours that make one expression: "noon" "Thursday", "5 p.m. EST", "Nov. 6".

    The model often cuts a clock time from its day; TimeML marks the whole as one point.
    """
    out: list[FoundTime] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and doc.text[prev.end : f.start].strip(" ,").lower() in _GLUE:
            span = doc.char_span(prev.start, f.end, alignment_mode="expand")
            whole = read_whole(span, anchor) if span is not None else None
            if whole is not None and whole.time.precision in {"day", "night"}:
                out[-1] = whole
                continue
        out.append(f)
    return out


def _widened(ent: Span) -> Span:
    """The entity with what the model left before it ("This" of "This year", "year-" of
    "year-earlier") and the part of the day after it ("night" of "Saturday night")."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start:
        before = doc[start - 1]
        if before.lower_ in _LEFT_WORDS and before.pos_ in {"DET", "ADJ", "PRON"}:
            start -= 1
        elif _hyphen_before(doc, start):
            start -= 2
        else:
            break
    end = ent.end
    if end < ent.sent.end and doc[end].lower_ in _PARTS_OF_DAY:
        end += 1
    return doc[start:end]


def _hyphen_before(doc: Doc, i: int) -> bool:
    """Whether tokens ``i-2``, ``i-1`` are "year", "-" written solid with token ``i``."""
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].lower_ in _UNIT_TRIGGERS
    )


def _phrase_at(doc: Doc, i: int) -> int:
    for phrase in PHRASES:
        words = tuple(t.lower_ for t in doc[i : i + len(phrase)])
        if words == phrase and not _followed_by_noun(doc, i + len(phrase)):
            return len(phrase)
    return 0


def _followed_by_noun(doc: Doc, i: int) -> bool:
    # "the past three summers", "the future president": the phrase is a modifier there.
    return i < len(doc) and doc[i].pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}
