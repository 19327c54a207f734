"""Uses of time words that TimeML leaves unmarked: discourse "Now,", signals ("as soon
as"), "the future of", names ("This Week"), ages and rates.

The model tags many of them DATE; dropping them is what keeps precision up.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saydo.extract.timex.found import FoundTime

_RATE_UNITS = frozenset({"day", "week", "month", "year", "quarter", "hour"})
_DEICTIC_NAMES = frozenset({"today", "tonight", "week", "now"})


def unmarkable(doc: Doc, f: FoundTime) -> bool:
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
