"""The time of an event: the temporal expression of its clause, normalised."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Final

from spacy.tokens import Span, Token

from saydo.domain import TimeExpr
from saydo.extract.lexicon import BACKGROUND_ADVERBS, CUE_VERBS
from saydo.resolve.times import Tense, normalise_time

if TYPE_CHECKING:  # the context pulls in the gazetteer, which the TIMEX3 tagger never needs
    from saydo.extract.context import ArticleContext

TIME_LABELS = frozenset({"DATE", "TIME"})
TIME_WORDS = frozenset({"overnight", "yesterday", "today", "tonight", "tomorrow"})
# Token.ent_iob codes (spaCy): 1 inside an entity, 3 at its beginning.
_INSIDE: Final = 1
_BEGIN: Final = 3


def tense_of(token: Token) -> Tense:
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "would", "shall", "'ll"}:
        return "future"
    if verb.tag_ == "VB" and "to" in auxes:
        # "was due to expire Friday" lies in the past of the verb it hangs from.
        governor = verb.head if verb.dep_ in {"xcomp", "acl", "advcl"} else verb
        if governor.pos_ == "ADJ":  # "was due to", "is likely to": the verb of the adjective
            governor = governor.head
        past = governor is not verb and _finite_past(governor)
        return "past" if past else "future"
    if verb.tag_ in {"VBD", "VBN"} or auxes & {"was", "were", "had", "has", "have"}:
        return "past"
    return "present"


def _finite_past(verb: Token) -> bool:
    """A past the clause asserts ("was due", "had been due"), not a participle ("set")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return (verb.tag_ == "VBD" and verb.dep_ != "amod") or bool(auxes & {"was", "were", "had"})


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
    for ent in time_entities(token.sent):
        if ent.root.i in scope and _belongs(ent.root, head):
            spans.append(ent)
    for t in head.subtree:
        if t.lower_ in TIME_WORDS and t.ent_type_ not in TIME_LABELS:
            spans.append(doc[t.i : t.i + 1])
    return sorted(spans, key=lambda s: s.start)


def time_entities(sent: Span) -> list[Span]:
    """The DATE and TIME entities wholly inside ``sent``, in order: ``sent.ents`` filtered.

    ``Span.ents`` builds a Span for every entity of the whole Doc on each call (0.6 ms on
    a press release, most of the time stage when asked once per event); reading the
    tokens' IOB tags scans the sentence alone and gives the same spans.
    """
    doc = sent.doc
    spans: list[Span] = []
    start = -1  # where the time entity under way began, -1 when none is
    for i in range(sent.start, sent.end):
        token = doc[i]
        if token.ent_iob == _INSIDE:
            continue  # the entity under way goes on, or one begun before the sentence
        if start >= 0:
            spans.append(Span(doc, start, i, label=doc[start].ent_type))
        begins = token.ent_iob == _BEGIN and token.ent_type_ in TIME_LABELS
        start = i if begins else -1
    # One that runs on past the sentence is no entity of it.
    runs_on = sent.end < len(doc) and doc[sent.end].ent_iob == _INSIDE
    if start >= 0 and not runs_on:
        spans.append(Span(doc, start, sent.end, label=doc[start].ent_type))
    return spans


def _belongs(token: Token, head: Token) -> bool:
    """False when the time sits in a clause of its own below the trigger."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ in {"relcl", "ccomp", "advcl"} and current.pos_ in {"VERB", "AUX"}:
            return False
        current = current.head
    return True


def background_time(token: Token, ctx: ArticleContext) -> TimeExpr | None:
    """ "have previously accused Ukraine of firing": background told as such happened
    before the day of the article, not on it; an interval ending the day before."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    cue = _background_cue(token)
    if cue is None:
        return None
    return TimeExpr(cue, "PAST_REF", None, anchor - timedelta(days=1), "vague")


def _background_cue(token: Token) -> str | None:
    """The adverb of the trigger's clause, or of the verb it is the content of.

    Not a bare present perfect: news tells the day's deeds in it ("has shelled Kharkiv").
    """
    verbs = 0
    for current in [token, *token.ancestors]:
        if current.pos_ not in {"VERB", "AUX"}:
            continue
        adverb = next((c.lower_ for c in current.children if c.lower_ in BACKGROUND_ADVERBS), None)
        if adverb is not None:
            return adverb
        verbs += 1
        if verbs == 2 or current.dep_ not in {"pcomp", "xcomp", "ccomp", "conj", "advcl"}:
            return None
    return None


# Verbs that tell of a deed done before their own day: "accused Y on Sunday of killing".
TELLING_VERBS = CUE_VERBS | frozenset({"blame", "charge", "report"})
# How a told deed hangs from its telling verb: "of killing", "that they shelled".
TOLD_DEPS = frozenset({"pcomp", "pobj", "prep", "ccomp"})


def told_time(token: Token, ctx: ArticleContext) -> TimeExpr | None:
    """ "X accused Y on Sunday of killing civilians": the killing is not Sunday's but
    happened by then; an interval ending on the day of the telling, precision vague.

    Not for a deed still to come ("said on Sunday it would attack").
    """
    teller = _telling_verb(token)
    if teller is None or tense_of(token) == "future":
        return None
    said = clause_time(teller, ctx)
    if said is None or said.end is None:
        return None
    return TimeExpr(said.text, "PAST_REF", None, said.end, "vague", said.provenance)


def _telling_verb(token: Token) -> Token | None:
    """The verb of speech or accusation the trigger's clause is the content of."""
    current = token
    while current.dep_ in TOLD_DEPS and current.head.i != current.i:
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current if current.lemma_.lower() in TELLING_VERBS else None
    return None
