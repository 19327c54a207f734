"""Pledges: announced future acts that later deeds can keep or break.

A pledge is an event with modality intended, threatened or denied whose actor is the
side that speaks ("Russia said it would reduce ..."): a forecast about someone else is
not a pledge. Mentions of the same pledge in one article (the headline, the lede, a
later "Russia's claim that it will ...") are one pledge with the earliest date.

What makes a pledge of a kind is read from the words that bind the speaker, just left of
the promised act: a hostile act is a threat only when the speaker commits to it ("will
strike", "vowed to hit"), not when it is put up for discussion ("proposed sanctions"),
halted ("halt fire") or told as done ("had killed"); a concession stated as readiness
("was prepared to accept") is an offer, and a hostile act the speaker vows ("vowed to
hit") a threat, however the clause is coded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from saydo.domain import Event, Modality, Place, Pledge, PledgeKind, PloverType, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import SPEECH_ACT_TYPES
from saydo.extract.truce_words import TRUCE_NOUNS

PLEDGE_MODALITIES = frozenset({Modality.INTENDED, Modality.THREATENED, Modality.DENIED})
OFFER_TYPES = frozenset(
    {PloverType.CONCEDE, PloverType.AGREE, PloverType.CONSULT, PloverType.COOPERATE}
)
THREAT_TYPES = frozenset({PloverType.ASSAULT, PloverType.COERCE, PloverType.SANCTION})
# How many words left of a promised act are read for what binds the speaker to it.
LEFT_WORDS = 6
# Words that commit the speaker to a future act of their own.
COMMITMENT_WORDS = frozenset(
    {
        "will",
        "would",
        "shall",
        "'ll",
        "going",
        "vow",
        "vowed",
        "vows",
        "threaten",
        "threatened",
        "threatens",
        "warn",
        "warned",
        "warns",
        "promise",
        "promised",
        "promises",
        "pledge",
        "pledged",
        "pledges",
        "ready",
        "prepared",
        "determined",
        "intend",
        "intends",
        "intended",
        "decided",
        "ordered",
        "must",
    }
)
# Words that stop an act rather than announce it: "halt fire", "cease shelling".
HALTING_WORDS = frozenset(
    {
        "halt",
        "halted",
        "stop",
        "stopped",
        "cease",
        "ceased",
        "suspend",
        "suspended",
        "end",
        "ended",
        "pause",
        "paused",
        "hold",
        "holding",
        "no",
    }
)
# A denial answers one act: later reports of a like act in its place are of that act only
# for a few days; a strike there a month on is another deed.
DENIAL_WINDOW_DAYS = 3
# A local truce is watched for a few days around its town, not for a month over a region:
# the truces of 2022 were announced for a day or a few, along one route.
TRUCE_DAYS = 3
TRUCE_RADIUS_KM = 25.0
WINDOW_DAYS = {PledgeKind.CEASEFIRE: TRUCE_DAYS, PledgeKind.DENIAL: DENIAL_WINDOW_DAYS}
FIRE_NOUNS = frozenset({"fire", "firing", "shelling", "hostilities", "fighting", "attacks"})
PERFECT_AUX = frozenset({"had", "has", "have", "'ve", "'d", "been"})
# "was prepared to accept", "vowed to hit", "offered to hold": the speaker binds itself
# to the act that follows, however its clause was coded.
BINDING_TO = re.compile(
    r"\b(prepared|ready|willing|offered|offering|offers|agreed|agrees|vowed|vows|promised|"
    r"promises|pledged|pledges|threatened|threatens|intends|decided)\s+(\w+\s+)?to\s*$",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w']+")
# "ease off", "scale back", "cut back", "wind down": a side announcing it will do less of
# its war is a de-escalation, however the verb was coded (an offer, a concession, a cut).
DE_ESCALATING_PARTICLES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("ease", "eases", "eased", "easing"), frozenset({"off", "up"})),
    **dict.fromkeys(("scale", "scales", "scaled", "scaling"), frozenset({"back", "down"})),
    **dict.fromkeys(("cut", "cuts", "cutting"), frozenset({"back", "down"})),
    **dict.fromkeys(("wind", "winds", "winding", "wound"), frozenset({"down"})),
    **dict.fromkeys(("draw", "draws", "drew", "drawing", "drawn"), frozenset({"down"})),
}
# Verbs that lessen what follows them: "reduce military activity", "curb its attacks".
REDUCING_STEMS = ("reduc", "decreas", "lessen", "curtail", "curb")
MILITARY_OBJECTS = frozenset(
    {
        "military",
        "activity",
        "activities",
        "operation",
        "operations",
        "hostilities",
        "attacks",
        "strikes",
        "offensive",
        "fighting",
        "presence",
        "forces",
        "troops",
        "combat",
        "bombardment",
        "shelling",
    }
)
# Words after "scale back" that say where or when, not what: no object, so the war itself.
NO_OBJECT = frozenset(
    {"around", "near", "in", "on", "at", "from", "outside", "towards", "toward", "after", "and"}
)
CLAUSE_END = re.compile(r"[\n.;:,!?]")
# How many words after the verb are read for what it cuts.
OBJECT_WORDS = 4


def pledge_kind(event: Event, left: str = "") -> PledgeKind | None:
    """The kind of pledge ``event`` makes, given the text just left of its trigger."""
    if event.modality is Modality.DENIED:
        # A denied speech act ("rejected accusations") is no word about a deed.
        return None if event.type in SPEECH_ACT_TYPES else PledgeKind.DENIAL
    if event.modality is Modality.THREATENED:
        return PledgeKind.THREAT
    if event.type is PloverType.RETREAT:
        if event.trigger.lower() in TRUCE_NOUNS:
            return None  # a named truce: its announcer, route and window are read in truces
        return (
            PledgeKind.CEASEFIRE
            if event.mode in {"ceasefire", "evacuate"}
            else PledgeKind.DE_ESCALATION
        )
    if event.type in OFFER_TYPES:
        return PledgeKind.OFFER
    if event.type is PloverType.AID:
        return PledgeKind.AID
    if event.type in THREAT_TYPES and _commits_to(left):
        return PledgeKind.THREAT
    return None


def _commits_to(left: str) -> bool:
    """Do the words left of a hostile act commit the speaker to it?"""
    words = [w.lower() for w in WORD.findall(left)][-LEFT_WORDS:]
    if not words or words[-1] in PERFECT_AUX or any(w in HALTING_WORDS for w in words[-2:]):
        return False
    return any(w in COMMITMENT_WORDS for w in words)


def _halts_fire(event: Event, ctx: ArticleContext) -> bool:
    """ "would halt fire", "will stop shelling": a truce announced, not a hostile act."""
    if event.trigger.lower() not in HALTING_WORDS:
        return False
    after = WORD.findall(ctx.article.text[event.provenance.end : event.provenance.end + 30])
    return bool(after) and after[0].lower() in FIRE_NOUNS


def left_of(event: Event, ctx: ArticleContext) -> str:
    """The text of the event's sentence left of its trigger."""
    text = ctx.article.text
    start = event.provenance.start
    head = event.provenance.sentence[:20]
    sentence_start = text.rfind(head, 0, start + len(head))
    return text[max(sentence_start, 0) : start] if 0 <= start <= len(text) else ""


def _as_de_escalation(event: Event, left: str, ctx: ArticleContext) -> Event:
    """ "promised to ease off", "would cut back its operations", "to de-escalate": the
    announced act is a de-escalation (a RETREAT), not an offer or a concession."""
    if event.type is PloverType.RETREAT or not _de_escalates(event, left, ctx):
        return event
    return replace(event, type=PloverType.RETREAT, mode="de-escalate")


def _de_escalates(event: Event, left: str, ctx: ArticleContext) -> bool:
    trigger = event.trigger.lower()
    if "escalat" in trigger:
        return trigger.startswith("de") or left.lower().rstrip().endswith("de-")
    cut = _what_is_cut(event, ctx)
    if cut is not None:
        return _cuts_the_war(cut)
    if trigger.startswith(REDUCING_STEMS):
        return bool(MILITARY_OBJECTS & set(_words_after(event, ctx)[:OBJECT_WORDS]))
    return False


def _cuts_something_else(event: Event, ctx: ArticleContext) -> bool:
    """ "would cut back fuel subsidies": a cut, but not of the war."""
    cut = _what_is_cut(event, ctx)
    return cut is not None and not _cuts_the_war(cut)


def _what_is_cut(event: Event, ctx: ArticleContext) -> list[str] | None:
    """The words after "scale back", "ease off" ...; None when the trigger is no such verb."""
    particles = DE_ESCALATING_PARTICLES.get(event.trigger.lower())
    after = _words_after(event, ctx)
    if particles is None or not after or after[0] not in particles:
        return None
    return after[1 : 1 + OBJECT_WORDS]


def _cuts_the_war(rest: list[str]) -> bool:
    return not rest or rest[0] in NO_OBJECT or bool(MILITARY_OBJECTS & set(rest))


def _words_after(event: Event, ctx: ArticleContext) -> list[str]:
    text = ctx.article.text[event.provenance.end : event.provenance.end + 80]
    # Only the words of its own clause: a headline ends at its line.
    return [w.lower() for w in WORD.findall(CLAUSE_END.split(text)[0])]


def _as_intended(event: Event, left: str) -> Event:
    """An act the speaker binds itself to ("was prepared to accept", "vowed to hit") is
    intended, not done."""
    told_as_done = event.modality in {Modality.CLAIMED, Modality.OCCURRED}
    if told_as_done and BINDING_TO.search(left):
        return replace(event, modality=Modality.INTENDED)
    return event


def _binds_speaker(event: Event) -> bool:
    if event.actor is None:
        return False
    if event.reported_by is None:
        return event.modality is Modality.DENIED
    return event.actor.country is not None and event.actor.country == event.reported_by.country


def extract_pledges(
    events: list[Event], ctx: ArticleContext, made_on: dict[str, date | None], window_days: int
) -> list[Pledge]:
    pledges: list[Pledge] = []
    for found in events:
        left = left_of(found, ctx)
        event = _as_de_escalation(_as_intended(found, left), left, ctx)
        if event.modality not in PLEDGE_MODALITIES or not _binds_speaker(event):
            continue
        if event.negated and event.modality is not Modality.DENIED:
            continue  # "would not give up any territory" is a refusal, not a pledge
        kind = pledge_kind(event, left)
        if kind is PledgeKind.DE_ESCALATION and _cuts_something_else(event, ctx):
            continue
        if kind is None or (kind is PledgeKind.THREAT and _halts_fire(event, ctx)):
            continue
        when = made_on.get(event.id) or ctx.anchor
        days = WINDOW_DAYS.get(kind, window_days)
        pledge = Pledge(
            id=record_id("pl", ctx.article_id, event.provenance.start, kind.value),
            kind=kind,
            event=event,
            made_on=when,
            scope_places=tuple(p for p in event.places if p.resolved),
            scope_radius_km=TRUCE_RADIUS_KM if kind is PledgeKind.CEASEFIRE else 50.0,
            window_end=when + timedelta(days=days) if when else None,
        )
        pledges.append(pledge)
    return _merge_mentions(pledges)


def _merge_mentions(pledges: list[Pledge]) -> list[Pledge]:
    """One pledge per (side, kind) in an article; offers made in one breath are one offer."""
    merged: dict[tuple[str | None, PledgeKind], Pledge] = {}
    for pledge in pledges:
        key = (pledge.actor.country if pledge.actor else None, pledge.kind)
        first = merged.get(key)
        if first is None:
            merged[key] = pledge
            continue
        merged[key] = combine_mentions(first, pledge)
    return list(merged.values())


def combine_mentions(first: Pledge, other: Pledge) -> Pledge:
    """Two mentions of one pledge as one: the places of both, the earliest date."""
    places: list[Place] = list(first.scope_places)
    names = {p.name for p in places}
    places.extend(p for p in other.scope_places if p.name not in names)
    dates = [d for d in (first.made_on, other.made_on) if d is not None]
    ends = [d for d in (first.window_end, other.window_end) if d is not None]
    # The fullest mention (with a scope) speaks for the pledge.
    lead = other if len(other.scope_places) > len(first.scope_places) else first
    return replace(
        lead,
        scope_places=tuple(places),
        made_on=min(dates) if dates else None,
        window_end=max(ends) if ends else None,
    )
