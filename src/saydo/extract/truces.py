"""Announced local ceasefires: truces, humanitarian corridors, evacuation pauses.

"The Defence Ministry announced a ceasefire from 10 a.m. to let civilians leave Mariupol",
"Russia's promise of safe passage", "the two sides agreed a humanitarian corridor": each is
a pledge to hold fire in a place for a while. The announcing side is the subject of the
announcing verb (or the owner of the promise); the scope is the places of the sentence
(the town and the route); the window is the times of the sentence, or a short default:
local truces of 2022 were announced for a day or a few.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from saydo.domain import Actor, Event, Modality, Pledge, PledgeKind, PloverType, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import cameo_code, quad_class
from saydo.extract.mentions import Salience, resolve_head
from saydo.extract.places import places_in
from saydo.extract.times import TIME_LABELS, tense_of
from saydo.resolve.times import normalise_time

TRUCE_NOUNS = frozenset(
    {"ceasefire", "cease-fire", "truce", "corridor", "corridors", "pause", "passage", "armistice"}
)
ANNOUNCING_VERBS = frozenset(
    {
        "announce",
        "declare",
        "agree",
        "promise",
        "pledge",
        "offer",
        "propose",
        "open",
        "establish",
        "guarantee",
        "organise",
        "organize",
        "order",
        "set",
    }
)
PROMISE_NOUNS = frozenset({"promise", "pledge", "offer", "announcement", "proposal", "guarantee"})
# How long a truce is watched when its announcement states no end.
DEFAULT_TRUCE_DAYS = 3


def truce_pledges(doc: Doc, ctx: ArticleContext, salience: Salience) -> Iterator[Pledge]:
    seen: set[int] = set()
    for token in doc:
        if token.lower_ not in TRUCE_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        owner = _announcer(token)
        if owner is None or token.sent.start in seen:
            continue
        actor = resolve_head(owner, ctx, salience)
        if actor is None or actor.country is None:
            continue
        seen.add(token.sent.start)
        yield _pledge(doc, token, actor, ctx)


def _announcer(noun: Token) -> Token | None:
    """Who announces the truce: "X announced a ceasefire", "X's promise of safe passage"."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in ANNOUNCING_VERBS:
        return _subject_or_agent(head)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PROMISE_NOUNS:
        promise = head.head
        poss = [c for c in promise.children if c.dep_ == "poss"]
        if poss:
            return poss[0]
        if (
            promise.dep_ in {"dobj", "nsubjpass"}
            and promise.head.lemma_.lower() in ANNOUNCING_VERBS
        ):
            return _subject_or_agent(promise.head)
    poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return poss[0] if poss and noun.head.lemma_.lower() in ANNOUNCING_VERBS else None


def _subject_or_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _pledge(doc: Doc, noun: Token, actor: Actor, ctx: ArticleContext) -> Pledge:
    sentence = noun.sent
    places = tuple(p for p in places_in(list(sentence), ctx) if p.resolved)
    start, end = _window(noun, ctx)
    mode = "evacuate" if noun.lower_ in {"corridor", "corridors", "passage"} else "ceasefire"
    cameo = cameo_code(PloverType.RETREAT, mode)
    event = Event(
        id=record_id("ev", ctx.article_id, noun.idx, "truce"),
        type=PloverType.RETREAT,
        trigger=noun.text,
        provenance=ctx.provenance(doc, noun.idx, noun.idx + len(noun.text)),
        mode=mode,
        actor=actor,
        places=places,
        modality=Modality.INTENDED,
        reported_by=actor,
        cameo=cameo,
        quad_class=quad_class(cameo),
    )
    return Pledge(
        id=record_id("pl", ctx.article_id, noun.idx, PledgeKind.CEASEFIRE.value),
        kind=PledgeKind.CEASEFIRE,
        event=event,
        made_on=start,
        scope_places=places,
        scope_radius_km=25.0,
        window_end=end,
    )


def _window(noun: Token, ctx: ArticleContext) -> tuple[date | None, date | None]:
    """The truce's dates: those named in its sentence, else the article's date onwards."""
    anchor = ctx.anchor
    if anchor is None:
        return None, None
    days: list[date] = []
    for ent in noun.sent.ents:
        if ent.label_ in TIME_LABELS:
            time = normalise_time(ent.text, anchor, tense_of(noun.head))
            if time is not None and time.start is not None:
                days.extend(d for d in (time.start, time.end) if d is not None)
    start = min(days) if days else anchor
    end = max(days) if len(days) > 1 else start + timedelta(days=DEFAULT_TRUCE_DAYS)
    return start, end
