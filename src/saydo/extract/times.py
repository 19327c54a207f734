"""The time of an event: the temporal expression of its clause, normalised."""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.domain import TimeExpr
from saydo.extract.context import ArticleContext
from saydo.resolve.times import Tense, normalise_time

TIME_LABELS = frozenset({"DATE", "TIME"})
TIME_WORDS = frozenset({"overnight", "yesterday", "today", "tonight", "tomorrow"})


def tense_of(token: Token) -> Tense:
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "would", "shall", "'ll"} or (verb.tag_ == "VB" and "to" in auxes):
        return "future"
    if verb.tag_ in {"VBD", "VBN"} or auxes & {"was", "were", "had", "has", "have"}:
        return "past"
    return "present"


def clause_time(token: Token, ctx: ArticleContext) -> TimeExpr | None:
    """The first temporal expression that the trigger's clause governs."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    for span in _time_spans(token):
        time = normalise_time(span.text, anchor, tense_of(token))
        if time is not None and time.start is not None:
            provenance = ctx.provenance(span.doc, span.start_char, span.end_char)
            return TimeExpr(time.text, time.value, time.start, time.end, time.precision, provenance)
    return None


def _time_spans(token: Token) -> list[Span]:
    head = token.head if token.dep_ == "amod" else token
    scope = {t.i for t in head.subtree}
    doc = token.doc
    spans: list[Span] = []
    for ent in token.sent.ents:
        if ent.label_ in TIME_LABELS and ent.root.i in scope and _belongs(ent.root, head):
            spans.append(ent)
    for t in head.subtree:
        if t.lower_ in TIME_WORDS and t.ent_type_ not in TIME_LABELS:
            spans.append(doc[t.i : t.i + 1])
    return sorted(spans, key=lambda s: s.start)


def _belongs(token: Token, head: Token) -> bool:
    """False when the time sits in a clause of its own below the trigger."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ in {"relcl", "ccomp", "advcl"} and current.pos_ in {"VERB", "AUX"}:
            return False
        current = current.head
    return True
