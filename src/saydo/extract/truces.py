"""Announced local ceasefires: truces, humanitarian corridors, evacuation pauses.

"The Defence Ministry announced a ceasefire from 10 a.m. to let civilians leave Mariupol",
"Russia's promise of safe passage", "the two sides agreed a humanitarian corridor": each is
a pledge to hold fire in a place for a while. The announcing side is the subject of the
announcing verb (or the owner of the promise); the scope is the places of the sentence
(the town and the route); the window is the times of the sentence, or a short default:
local truces of 2022 were announced for a day or a few.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from saydo.domain import (
    Actor,
    ActorKind,
    Event,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    record_id,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_VERBS, cameo_code, quad_class
from saydo.extract.mentions import FIRST_PERSON, Salience, resolve_head
from saydo.extract.places import places_in
from saydo.extract.statements import Attribution
from saydo.extract.times import TIME_LABELS
from saydo.resolve.times import normalise_time

TRUCE_NOUNS = frozenset(
    {
        "ceasefire",
        "cease-fire",
        "truce",
        "corridor",
        "corridors",
        "pause",
        "passage",
        "armistice",
        "route",
        "routes",
        "evacuation",
        "evacuations",
    }
)
# Truce nouns a headline's grammar can make look like verbs: "agree to ceasefire".
NEVER_VERBS = frozenset({"ceasefire", "cease-fire", "truce"})
# Nouns that name a truce only with a word that says so: a "silence regime", a "regime of
# silence", a "cessation of hostilities", an "evacuation route", "safe passage".
QUALIFIED_NOUNS = {
    "regime": frozenset({"silence", "quiet"}),
    "cessation": frozenset({"hostilities", "fire", "fighting", "shelling"}),
    "route": frozenset({"evacuation", "humanitarian", "safe", "escape"}),
    "routes": frozenset({"evacuation", "humanitarian", "safe", "escape"}),
    "evacuation": frozenset({"safe", "humanitarian", "civilians", "residents", "people"}),
    "evacuations": frozenset({"safe", "humanitarian", "civilians", "residents", "people"}),
}
# Objects of a halting verb that make it a truce: "halt fire", "cease hostilities".
FIRE_NOUNS = frozenset({"fire", "firing", "shelling", "hostilities", "fighting", "attacks"})
HALTING_VERBS = frozenset({"halt", "cease", "stop", "suspend", "hold"})
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
        "observe",
        "respect",
        "honour",
        "honor",
        "allow",
        "provide",
        "create",
        "arrange",
        "launch",
        "introduce",
        "start",
        "begin",
        "ensure",
        "approve",
        "confirm",
        "hold",
        "halt",
        "cease",
        "stop",
        "suspend",
        "coordinate",
        "plan",
        "schedule",
    }
)
# Verbs whose subject is the truce itself when it is announced: "a corridor will open".
OPENING_VERBS = frozenset(
    {"open", "start", "begin", "operate", "run", "take", "come", "last", "work", "function"}
)
# Nouns that count truces: "a number of corridors", "a series of pauses".
COUNT_NOUNS = frozenset({"number", "series", "couple", "set", "pair", "total", "range"})
# Verbs by which two sides settle a truce between them: unnamed, it binds both.
AGREEING_VERBS = frozenset({"agree", "coordinate"})
# Subjects that name the two sides together: "the parties agreed a corridor".
BOTH_SIDES_NOUNS = frozenset({"party", "side", "delegation"})
# Prepositions that tie a truce to its verb: "agreed on a corridor", "agreed to a truce".
TRUCE_PREPS = frozenset({"on", "to", "upon", "for"})
PROMISE_NOUNS = frozenset(
    {"promise", "pledge", "offer", "announcement", "proposal", "guarantee", "agreement", "deal"}
)
# Verbs that take their subject over the clause: "agreed to open", "offered to set up".
CONTROL_DEPS = frozenset({"xcomp", "conj"})
# A truce someone is urged to agree is a demand, not a pledge: "urged both sides to agree
# a ceasefire", "called for a humanitarian corridor".
DEMAND_VERBS = frozenset(
    {"urge", "call", "ask", "demand", "press", "appeal", "insist", "plead", "try", "attempt"}
    # and one hoped for, requested, refused or blocked is none either.
    | {"hope", "request", "refuse", "reject", "block", "prevent"}
)
EVACUATION_NOUNS = frozenset(
    {"corridor", "corridors", "passage", "route", "routes", "evacuation", "evacuations"}
)
# How long a truce is watched when its announcement states no end.
DEFAULT_TRUCE_DAYS = 3
# A truce's day is reported the next morning, most often with no date of its own.
REPORT_LAG_DAYS = 1


def truce_pledges(
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    attributions: Sequence[Attribution] = (),
    voice: Actor | None = None,
) -> Iterator[Pledge]:
    """Every announced truce, one pledge per side it binds.

    ``attributions`` say who speaks each quote ("We have agreed on a corridor", said by
    Vereshchuk, binds Ukraine); ``voice`` is the party an official outlet speaks for, who
    announces what its own release says with no speaker ("Nine corridors will open").
    """
    seen: set[int] = set()
    scoped: dict[str, Pledge] = {}
    for token in doc:
        if not _names_a_truce(token) or token.sent.start in seen:
            continue
        speaker = _speaker_of(token, attributions) or voice
        sides, owner = _binding_sides(token, ctx, salience, speaker)
        for actor in sides:
            seen.add(token.sent.start)
            pledge = _pledge(doc, token, actor, owner, ctx)
            earlier = scoped.get(actor.side)
            if earlier is not None and not pledge.scope_places:
                # "the pause had been agreed ...": the side's truce named before, retold.
                pledge = replace(pledge, scope_places=earlier.scope_places)
            if pledge.scope_places:
                scoped.setdefault(actor.side, pledge)
            yield pledge


def _binding_sides(
    noun: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> tuple[list[Actor], Token | None]:
    """The sides an announced truce binds, and the words that name its announcer."""
    announced, owner = _announcer(noun)
    if not announced:
        return [], None
    if owner is not None and _names_both_sides(owner):
        return _both_sides(ctx, speaker), owner
    if owner is not None and not _first_person(owner):
        sides = _sides(owner, ctx, salience)
        if sides or not (owner.pos_ == "PRON" or _possessed_by_pronoun(owner)):
            return sides, owner
    if owner is None and _agreed_by_nobody_named(noun):
        return _both_sides(ctx, speaker), None
    # "we agreed on a corridor", "nine corridors will open": the one who says so.
    return ([speaker] if speaker is not None and speaker.country else []), owner


def _speaker_of(noun: Token, attributions: Sequence[Attribution]) -> Actor | None:
    """The speaker of the innermost quote the truce is named in."""
    inside = [
        a
        for a in attributions
        if a.content_start <= noun.idx < a.content_end and a.statement.speaker is not None
    ]
    if not inside:
        return None
    return min(inside, key=lambda a: a.content_end - a.content_start).statement.speaker


def _first_person(owner: Token) -> bool:
    """ "we", "our military", "my government": the speaker's own side."""
    return owner.lower_ in FIRST_PERSON or any(
        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in owner.children
    )


def _possessed_by_pronoun(owner: Token) -> bool:
    """ "its forces would hold fire": the forces of whoever says so."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in owner.children)


def _names_both_sides(owner: Token) -> bool:
    """ "the parties", "both sides", "the two delegations" agreed: each is bound."""
    return owner.lemma_.lower() in BOTH_SIDES_NOUNS and owner.tag_ == "NNS"


def _both_sides(ctx: ArticleContext, speaker: Actor | None) -> list[Actor]:
    """The speaker's side and its adversary; without a speaker, the article's dyad."""
    own = speaker.country if speaker is not None else None
    # With one side named, the other is the country the truce's places lie in.
    focus = ctx.focus_country if ctx.focus_country != own else None
    other = ctx.adversary_of(own) or focus
    if speaker is None or own is None or other is None:
        return _dyad(ctx)
    return [speaker, Actor(other, ActorKind.STATE, country=other, sector="GOV")]


def _agreed_by_nobody_named(noun: Token) -> bool:
    """ "Ten humanitarian corridors have been agreed": agreed, so by both sides."""
    verb = _governing_verb(noun)
    return (
        verb is not None
        and verb.lemma_.lower() in AGREEING_VERBS
        and not _refused(verb)
        and not _demanded(verb)
        and _subject_up(verb, noun) is None
        and _speaker(verb) is None
    )


def _dyad(ctx: ArticleContext) -> list[Actor]:
    """The article's two sides; with none named, the country its places lie in."""
    countries = ctx.dyad[:2] or ((ctx.focus_country,) if ctx.focus_country else ())
    return [Actor(c, ActorKind.STATE, country=c, sector="GOV") for c in countries]


def _sides(owner: Token, ctx: ArticleContext, salience: Salience) -> list[Actor]:
    """One actor per side that announces: "Kyiv and Moscow agreed a truce" binds both."""
    sides: dict[str, Actor] = {}
    for head in [owner, *(c for c in owner.conjuncts if c.i > owner.i)]:
        actor = resolve_head(head, ctx, salience)
        if actor is not None and actor.country is not None:
            sides.setdefault(actor.country, actor)
    return list(sides.values())


def _names_a_truce(token: Token) -> bool:
    lower = token.lower_
    if token.pos_ not in {"NOUN", "PROPN"} and not (lower in NEVER_VERBS and token.pos_ == "VERB"):
        return False
    if lower in QUALIFIED_NOUNS:
        words = {t.lower_ for t in token.subtree if t.i != token.i} | {token.head.lower_}
        return bool(words & QUALIFIED_NOUNS[lower])
    if lower in FIRE_NOUNS:
        return token.dep_ == "dobj" and token.head.lemma_.lower() in HALTING_VERBS
    return lower in TRUCE_NOUNS


def _announcer(noun: Token) -> tuple[bool, Token | None]:
    """Whether the truce is announced, and who the sentence says announces it: "X
    announced a ceasefire", "X's promise of safe passage", "X agreed to open a corridor",
    or, when the truce is the subject ("a corridor will open", "corridors had been
    agreed"), whoever says so; (True, None) when the sentence names no one."""
    verb = _governing_verb(noun)
    if verb is None:
        # "Russia's corridors" are announced by Russia; "our corridors" are only named.
        poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return bool(poss), (poss[0] if poss else None)
    if not _announces(verb, noun) or _demanded(verb) or _refused(verb):
        return False, None
    return True, _subject_up(verb, noun) or _speaker(verb)


def _governing_verb(noun: Token) -> Token | None:
    """The verb the truce is announced with, through a preposition or a promise noun."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in COUNT_NOUNS:
        return _governing_verb(head.head)  # "a number of corridors have been agreed"
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj", "attr", "oprd", "xcomp"} and head.pos_ in {
        "VERB",
        "AUX",
    }:
        return head
    if noun.dep_ == "pobj" and head.lower_ in TRUCE_PREPS and head.head.pos_ == "VERB":
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PROMISE_NOUNS:
        promise = head.head
        if any(c.dep_ == "poss" for c in promise.children):
            return None  # the owner of the promise announces it
        if promise.dep_ in {"dobj", "nsubjpass", "pobj"} and promise.head.pos_ == "VERB":
            return promise.head
    if noun.dep_ in {"conj", "appos"} and noun.head.lower_ in TRUCE_NOUNS:
        return _governing_verb(noun.head)
    return None


def _announces(verb: Token, noun: Token) -> bool:
    lemma = verb.lemma_.lower()
    if noun.dep_ == "nsubj":
        # "a corridor will open", "declared a truce starting at 9": announced only as what
        # will be, or under a verb that announces it.
        opening = lemma in OPENING_VERBS or _in_force(verb)
        return opening and (_future(verb) or _under_announcement(verb))
    return lemma in ANNOUNCING_VERBS


def _refused(verb: Token) -> bool:
    """ "is not opening corridors", "did not cease fire": a truce refused, not announced."""
    return any(c.dep_ == "neg" for t in _clause_chain(verb) for c in t.children)


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and those it takes its subject from: "agreed to open", "declared ...
    starting", "did not allow any corridor to be organised"."""
    chain = [verb]
    while chain[-1].head.i != chain[-1].i and (
        chain[-1].dep_ in CONTROL_DEPS or _under_announcement(chain[-1])
    ):
        chain.append(chain[-1].head)
    return chain


def _demanded(verb: Token) -> bool:
    chain = [verb, *verb.ancestors]
    return any(t.lemma_.lower() in DEMAND_VERBS for t in chain if t.pos_ == "VERB")


def _in_force(verb: Token) -> bool:
    """ "would be in force", "will be in effect": a truce's start announced."""
    return verb.lemma_.lower() == "be" and any(
        t.lower_ in {"force", "effect", "place"} for t in verb.subtree
    )


def _under_announcement(verb: Token) -> bool:
    return verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in ANNOUNCING_VERBS


def _future(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxes & {"will", "would", "shall", "'ll", "to"}) or verb.tag_ in {"VBZ", "VBP"}


def _subject_up(verb: Token, noun: Token) -> Token | None:
    """The subject of the verb, or of the verbs it depends on ("agreed to open")."""
    for current in _clause_chain(verb):
        subject = _subject_or_agent(current)
        if subject is not None and subject.i != noun.i:
            return subject
    return None


def _subject_or_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in TRUCE_NOUNS:
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _speaker(verb: Token) -> Token | None:
    """Who says the clause: "a corridor will open on Saturday, Vereshchuk said"."""
    for ancestor in [verb, *verb.ancestors]:
        if ancestor.lemma_.lower() in CUE_VERBS and ancestor.i != verb.i:
            return next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
    # "..., Vereshchuk said": the cue hangs off the clause's root.
    for child in verb.children:
        if child.dep_ in {"parataxis", "ccomp"} and child.lemma_.lower() in CUE_VERBS:
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    return None


def _pledge(
    doc: Doc, noun: Token, actor: Actor, owner: Token | None, ctx: ArticleContext
) -> Pledge:
    sentence = noun.sent
    # The announcers' own names ("Kyiv and Moscow agreed") are no places of the truce.
    named = {t.i for t in owner.subtree} if owner is not None else set()
    tokens = [t for t in sentence if t.i not in named]
    places = _scope(tuple(p for p in places_in(tokens, ctx) if p.resolved))
    start, end = _window(noun, ctx)
    mode = "evacuate" if noun.lower_ in EVACUATION_NOUNS else "ceasefire"
    cameo = cameo_code(PloverType.RETREAT, mode)
    event = Event(
        id=record_id("ev", ctx.article_id, noun.idx, "truce", actor.side),
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
        id=record_id("pl", ctx.article_id, noun.idx, PledgeKind.CEASEFIRE.value, actor.side),
        kind=PledgeKind.CEASEFIRE,
        event=event,
        made_on=start,
        scope_places=places,
        scope_radius_km=25.0,
        window_end=end,
    )


def _scope(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A truce binds its towns and route; the country named beside them is no scope."""
    local = tuple(p for p in places if p.kind != "country")
    return local or places


def _window(noun: Token, ctx: ArticleContext) -> tuple[date | None, date | None]:
    """The truce's dates: those named in its sentence, else the article's date onwards."""
    anchor = ctx.anchor
    if anchor is None:
        return None, None
    days: list[date] = []
    for ent in noun.sent.ents:
        if ent.label_ in TIME_LABELS:
            days.extend(_nearest_reading(ent.text, anchor))
    start = min(days) if days else anchor
    end = max(days) if len(days) > 1 else start + timedelta(days=DEFAULT_TRUCE_DAYS)
    return start, end + timedelta(days=REPORT_LAG_DAYS)


def _nearest_reading(text: str, anchor: date) -> list[date]:
    """The days a truce's time names, read as the nearest such day to the article.

    "Russia announced a truce on Thursday" in Wednesday's paper is tomorrow's truce, not
    last week's: a local truce is announced for the next days and reported the day
    after, so of the past and the future reading the one nearer the article is meant.
    """
    readings = []
    for tense in ("future", "past"):
        time = normalise_time(text, anchor, tense)
        if time is not None and time.start is not None:
            readings.append([d for d in (time.start, time.end) if d is not None])
    if not readings:
        return []
    return min(readings, key=lambda r: (abs((r[0] - anchor).days), readings.index(r)))
