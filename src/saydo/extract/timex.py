"""A TIMEX3 tagger: the temporal expressions of a parsed text, normalised.

spaCy's DATE and TIME entities are the candidates; :func:`normalise_time` reads each
against the anchor (the document's creation or publication date) with the tense of the
verb it hangs from. An entity is first widened by a determiner the model left out ("This"
of "This year", "year-" of "year-earlier"), then cut into the readable pieces it is made
of: the model takes "the year ended Sept. 30" or "between 1985 and 1987" as one entity
where TimeML marks two expressions, and TimeML annotates only what has a value. What the
model leaves out is added by rule: single deictic words ("now", "currently", "overnight")
and short expressions hinging on a unit word ("third-quarter", "the latest period").
A clock time is joined to the day beside it ("noon" "Thursday"), uses of time words TimeML
leaves unmarked are dropped (discourse "Now,", "as soon as", ages, rates), and anaphoric
"that year" / "the same day" take the most recent date named before them. Last, in a text
that reports by quarter, references back to "the quarter" and to "a year earlier" take the
quarter the text reports on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

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
        "soon",
        "current",
        "recent",
    }
)
_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_YEAR_AGO = re.compile(
    r"(?:(?:a|one) year (?:ago|earlier)|(?:the )?year[- ](?:ago|earlier)(?: (?:quarter|period))?"
    r"|last year'?s quarter|the (?:corresponding|same) (?:period|quarter) (?:a year ago|last year))"
)
_SAME_QUARTER = re.compile(
    r"(?:the |its )?(?:latest |most recent |same |just ended |fiscal )?(?:quarter|period)"
)
_QUARTER_NAME = re.compile(r"\b(?:first|second|third|fourth|[1-4](?:st|nd|rd|th)|q[1-4])\b")
# Two-word phrases that the model misses, matched on the lower-case text.
PHRASES = (("the", "past"), ("the", "future"), ("in", "future"))
# Deictic words that are times only in some uses; kept when the normaliser reads them.
_LEADING = frozenset({"in", "on", "at", "by", "for", "during", "since", "until", "from", "of"})
# Words that join two expressions of a range and belong to neither.
_JOINERS = frozenset({"and", "to", "or", "through", "between", "-", "ended", "ending", ","})
# Words before an entity that belong to the expression ("This year", "the year-ago").
_LEFT_WORDS = frozenset({"this", "last", "next", "that"})
# Unit words that, outside any entity, may head an adjectival expression.
_UNIT_TRIGGERS = frozenset({"quarter", "year", "month", "week", "day", "period"})
_WINDOW = 4  # tokens in the longest such expression: "the year - ago"
# What may stand between a clock time and its day: "noon Thursday", "5 p.m., Nov. 6".
_GLUE = frozenset({"", "on", "at"})
# Parts of a day the model leaves out of a day's entity: "Saturday night".
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "nights"})
_YEAR_TO = re.compile(r"(?:the |its )?(?:fiscal )?year")


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
            widened = _widened(ent)
            found.extend(_segment(widened, anchor))
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
    kept = [f for f in joined if not _unmarkable(doc, f)]
    return _in_reporting_quarters(_with_anaphora(doc.text, kept, anchor), anchor)


def _at_token(doc: Doc, i: int, anchor: date) -> FoundTime | None:
    """An expression the model left out that starts or hinges on token ``i``."""
    size = _phrase_at(doc, i)
    if size or doc[i].lower_ in DEICTIC:
        return _read(doc[i : i + max(size, 1)], anchor)
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
            if last > sent.end or window[0].lower_ in _LEADING or _broken(window):
                continue
            hit = _whole(window, anchor)
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
            whole = _whole(span, anchor) if span is not None else None
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


def _segment(span: Span, anchor: date) -> list[FoundTime]:
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
    if span[0].is_punct or span[0].lower_ in _LEADING | _JOINERS:
        return None
    for end in range(len(span), 0, -1):
        hit = _whole(span[:end], anchor)
        if hit is not None:
            return hit, span[:end].end
    return None


def _whole(span: Span, anchor: date) -> FoundTime | None:
    """The span read as one expression that is no range, or None."""
    if span[-1].is_punct or span[-1].lower_ in _JOINERS:
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


def _in_reporting_quarters(found: list[FoundTime], anchor: date) -> list[FoundTime]:
    """In a text that reports by quarter, "the quarter" is the one it reports on.

    Earnings news names a quarter ("the third quarter"), then refers back to it ("the
    latest period") and compares it with its namesake of the year before ("a year ago",
    "the year-earlier quarter"); TimeML values those as that quarter (``1988-Q3``), not as
    the latest quarter ended or a year. The quarter meant is the last one named before,
    or else the first one named in the text.
    """
    named = [f.time.value or "" for f in found if _is_named_quarter(f, anchor)]
    if not named:
        named = [f.time.value or "" for f in found if _QUARTER.fullmatch(f.time.value or "")]
    if not named:
        return found
    current = named[0]
    out = []
    for f in found:
        if _is_named_quarter(f, anchor):
            current = f.time.value or current
        text = f.time.text.lower()
        if _YEAR_AGO.fullmatch(text):
            f = _revalued(f, f"{int(current[:4]) - 1}{current[4:]}")
        elif _SAME_QUARTER.fullmatch(text):
            f = _revalued(f, current)
        out.append(f)
    return out


def _is_named_quarter(f: FoundTime, anchor: date) -> bool:
    """A quarter named by its number that is over by the anchor: one reported on."""
    ended = f.time.end is not None and f.time.end < anchor
    return (
        ended
        and bool(_QUARTER.fullmatch(f.time.value or ""))
        and bool(_QUARTER_NAME.search(f.time.text.lower()))
    )


def _revalued(f: FoundTime, value: str) -> FoundTime:
    return FoundTime(f.start, f.end, replace(f.time, value=value))


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
        hit = _whole(candidate, anchor)
        if hit is not None:
            return hit
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


# --- what TimeML leaves unmarked -----------------------------------------------------------

_RATE_UNITS = frozenset({"day", "week", "month", "year", "quarter", "hour"})
_DEICTIC_NAMES = frozenset({"today", "tonight", "week", "now"})


def _unmarkable(doc: Doc, f: FoundTime) -> bool:
    """Whether a reading is a use of a time word that TimeML does not annotate.

    TIMEX3 marks expressions that locate or measure a time. Left out: discourse markers
    ("Now, he says"); words that only relate two events, which TimeML tags as SIGNALs
    ("as soon as", "soon after"); the noun "future" of a thing ("the future of our
    peoples"); proper names holding a time word, non-markable since the TIDES guidelines
    ("ABC's This Week", "VOA Today"); and, as TimeBank annotates them, ages ("52 years
    old") and rates ("$1.76 a year", "four flights a week"), which describe a person or a
    quantity rather than a time.
    """
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return False
    return (
        _discourse_now(span)
        or _signal_soon(span)
        or _future_of_thing(span)
        or _time_word_in_name(span)
        or _age(span)
        or _rate(span)
    )


def _discourse_now(span: Span) -> bool:
    """Sentence-initial "Now," or "Now for": it moves the discourse on, not in time."""
    first, after = span[0], _after(span)
    if len(span) != 1 or first.lower_ != "now":
        return False
    starts = first.i == first.sent.start or first.nbor(-1).is_quote or first.nbor(-1).is_punct
    return starts and after is not None and (after.text == "," or after.lower_ == "for")


def _signal_soon(span: Span) -> bool:
    after = _after(span)
    if span[-1].lower_ != "soon" or after is None:
        return False
    if after.lower_ == "after":
        return True
    return after.lower_ == "as" and not _next_is(after, "possible")


def _future_of_thing(span: Span) -> bool:
    after = _after(span)
    last = span[-1].lower_
    return last in {"future", "tomorrow"} and (
        (after is not None and after.lower_ == "of") or _before_is(span, "of")
    )


def _time_word_in_name(span: Span) -> bool:
    """A capitalised time word inside a name: the programmes "This Week", "VOA Today"."""
    last = span[-1]
    if last.lower_ not in _DEICTIC_NAMES or not last.is_title or last.i == last.sent.start:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and (before.is_quote or before.pos_ == "PROPN" or last.i > span.start)


def _age(span: Span) -> bool:
    after = _after(span)
    # "52 years old" is an age; "the 8-month-old truce" says how long the truce has run.
    written_apart = span[-1].lower_ == "old" and span[-2].text != "-"
    return written_apart or (after is not None and after.lower_ == "old")


def _rate(span: Span) -> bool:
    """ "a year" after an amount: "$1.76 a year", "700 seats a week"."""
    words = [t.lower_ for t in span]
    if any(w in {"ago", "earlier", "later", "before", "after"} for w in words):
        return False  # "$3 million a year ago" compares with a time
    for k, word in enumerate(words[:-1]):
        if word in {"a", "an", "per"} and span[k + 1].lemma_.lower() in _RATE_UNITS:
            i = span.start + k
            return i > 0 and _amount(span.doc[i - 1])
    return False


def _amount(token: Token) -> bool:
    counted = token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children)
    return token.like_num or token.ent_type_ in {"MONEY", "CARDINAL", "QUANTITY"} or counted


def _after(span: Span) -> Token | None:
    return span.doc[span.end] if span.end < len(span.doc) else None


def _next_is(token: Token, word: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word


def _before_is(span: Span, word: str) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == word


# --- anaphoric expressions -----------------------------------------------------------------

_ANAPHOR = re.compile(
    r"\b(?:(?P<that>that|the same) (?P<unit>year|month|week|day)"
    r"|(?P<the>the (?:fiscal |calendar )?year)(?![-\w]| (?:ended|ending|earlier|ago|before"
    r"|after|two|nineteen|\d)))\b",
    re.IGNORECASE,
)
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
# How much of a calendar value each unit keeps: "that year" of 1988-11-02 is 1988.
_UNIT_LENGTH = {"year": 4, "month": 7, "day": 10}


def _with_anaphora(text: str, found: list[FoundTime], anchor: date) -> list[FoundTime]:
    """ "that year", "the same day", "the year" valued from the story's reference time.

    As in HeidelTime's news setting, "that year" and "the same day" take the most recent
    explicit date before them in the text (``1988`` after "in 1988"); "the year" on its
    own, as in "for the year" or "a high for the year", is the current one, and with
    nothing to refer back to, "that year" is left unmarked.
    """
    added: list[FoundTime] = []
    for m in _ANAPHOR.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        value = _anaphor_value(m, found, anchor)
        if value is not None:
            added.append(FoundTime(m.start(), m.end(), TimeExpr(m[0], value, precision="vague")))
    return sorted(found + added, key=lambda f: f.start) if added else found


def _anaphor_value(m: re.Match[str], found: list[FoundTime], anchor: date) -> str | None:
    if m["the"]:
        return f"{anchor.year:04d}"
    unit = m["unit"].lower()
    for f in reversed(found):
        value = f.time.value or ""
        if f.end <= m.start() and _CALENDAR_VALUE.match(value):
            return _cut(value, unit)
    return None


def _cut(value: str, unit: str) -> str | None:
    """A calendar value to the precision of ``unit``, None when it has less."""
    if unit == "week":
        if len(value) < 10 or not value[:10].replace("-", "").isdigit():
            return None
        iso = date.fromisoformat(value[:10]).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    size = _UNIT_LENGTH[unit]
    head = value[:size]
    return head if len(head) == size and head.replace("-", "").isdigit() else None
