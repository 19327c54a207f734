"""One article from its parse to its records.

``extract_records`` is a plain function ``Doc -> Extraction``; the spaCy component in
:mod:`saydo.nlp.components` wraps it for users who add saydo to their own pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from saydo.domain import (
    Actor,
    Article,
    Event,
    Extraction,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    TimeExpr,
)
from saydo.extract.context import ArticleContext, build_context
from saydo.extract.denials import denial_pledges
from saydo.extract.events import extract_events
from saydo.extract.mentions import Salience
from saydo.extract.outcomes import outcome_events
from saydo.extract.pledges import combine_mentions, extract_pledges
from saydo.extract.statements import Attribution, extract_statements
from saydo.extract.times import TIME_LABELS, tense_of
from saydo.extract.truces import truce_pledges
from saydo.resolve.actors import ActorDictionary
from saydo.resolve.outlets import outlet_actor
from saydo.resolve.times import normalise_time
from saydo.settings import Settings


def extract_records(
    doc: Doc,
    article: Article,
    settings: Settings | None = None,
    actors: ActorDictionary | None = None,
) -> Extraction:
    settings = settings or Settings()
    ctx = build_context(doc, article, actors)
    salience = Salience()
    attributions = extract_statements(doc, ctx, salience)
    events = extract_events(doc, ctx, salience, attributions)
    events += outcome_events(doc, ctx, salience, attributions, events)
    events = in_outlet_voice(events, ctx)
    made_on = _statement_dates(doc, ctx, attributions, events)
    pledges = extract_pledges(events, ctx, made_on, settings.pledge_window_days)
    voice = outlet_actor(ctx.article, ctx.actors)
    pledges = with_truces(pledges, truce_pledges(doc, ctx, salience, attributions, voice))
    denials = denial_pledges(doc, ctx, salience, events)
    pledges = one_denial_per_side([*pledges, *(p for p in denials if not _known(p, pledges))])
    return Extraction(
        article_id=article.id,
        statements=tuple(a.statement for a in attributions),
        events=tuple(events),
        pledges=tuple(pledges),
        places=_places(events),
        times=_times(events),
        actors=_actors(attributions, events),
    )


def in_outlet_voice(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """Events the article tells in its own voice, credited to an official outlet's party.

    What a party's own channel says of its own side's acts is that party's claim.
    """
    outlet = outlet_actor(ctx.article, ctx.actors)
    if outlet is None:
        return events
    return [_told_by(event, outlet) if event.reported_by is None else event for event in events]


def _told_by(event: Event, outlet: Actor) -> Event:
    own = event.actor is not None and event.actor.country == outlet.country
    modality = event.modality
    if own and modality is Modality.OCCURRED:
        modality = Modality.CLAIMED
    return replace(event, reported_by=outlet, self_reported=own, modality=modality)


def one_denial_per_side(pledges: list[Pledge]) -> list[Pledge]:
    """The denials of one side in an article deny one act: "Moscow denies responsibility"
    in the headline and "the ministry denied any involvement" below are one denial."""
    merged: dict[str | None, Pledge] = {}
    others: list[Pledge] = []
    for pledge in pledges:
        if pledge.kind is not PledgeKind.DENIAL:
            others.append(pledge)
            continue
        key = pledge.actor.country if pledge.actor else None
        first = merged.get(key)
        merged[key] = pledge if first is None else combine_mentions(first, pledge)
    return [*others, *merged.values()]


def with_truces(pledges: list[Pledge], truces: Iterable[Pledge]) -> list[Pledge]:
    """The general pledges and the truce reader's. A truce the general extractor also
    read, in the same sentence for the same side, is one pledge with the places of both:
    "Russia said it would stop firing on Mariupol so that civilians could leave for
    Zaporizhzhia" keeps the town the truce reader found on its route."""
    merged = list(pledges)
    for truce in truces:
        at = next((i for i, p in enumerate(merged) if _same_mention(p, truce)), None)
        if at is None:
            merged.append(truce)
        else:
            merged[at] = replace(merged[at], scope_places=_places_of_both(merged[at], truce))
    return merged


def _same_mention(pledge: Pledge, truce: Pledge) -> bool:
    same_side = (pledge.actor.side if pledge.actor else None) == (
        truce.actor.side if truce.actor else None
    )
    return same_side and pledge.kind is truce.kind and _sentence(pledge) == _sentence(truce)


def _sentence(pledge: Pledge) -> str:
    return pledge.event.provenance.sentence


def _places_of_both(first: Pledge, other: Pledge) -> tuple[Place, ...]:
    names = {p.name for p in first.scope_places}
    return first.scope_places + tuple(p for p in other.scope_places if p.name not in names)


def _known(pledge: Pledge, pledges: list[Pledge]) -> bool:
    sentence = pledge.event.provenance.sentence
    return any(p.event.provenance.sentence == sentence and p.kind is pledge.kind for p in pledges)


def _statement_dates(
    doc: Doc, ctx: ArticleContext, attributions: list[Attribution], events: list[Event]
) -> dict[str, date | None]:
    """When each event's statement was made: a date on the cue's clause, outside its content."""
    by_statement = {a.statement.id: a for a in attributions}
    dates: dict[str, date | None] = {}
    for event in events:
        attribution = by_statement.get(event.statement_id or "")
        if attribution is None or attribution.cue_token is None or ctx.anchor is None:
            continue
        cue = doc[attribution.cue_token]
        for ent in cue.sent.ents:
            inside_content = attribution.content_start <= ent.start_char < attribution.content_end
            between = cue.idx < ent.start_char < attribution.content_start
            governed = any(a.i == cue.i for a in ent.root.ancestors)
            if ent.label_ in TIME_LABELS and not inside_content and (governed or between):
                time = normalise_time(ent.text, ctx.anchor, tense_of(cue))
                if time is not None and time.start is not None:
                    dates[event.id] = time.end or time.start
                    break
    return dates


def _places(events: list[Event]) -> tuple[Place, ...]:
    seen: dict[tuple[str, int], Place] = {}
    for event in events:
        for place in event.places:
            start = place.provenance.start if place.provenance else -1
            seen.setdefault((place.name, start), place)
    return tuple(seen.values())


def _times(events: list[Event]) -> tuple[TimeExpr, ...]:
    seen: dict[tuple[str, int], TimeExpr] = {}
    for event in events:
        if event.time is not None:
            start = event.time.provenance.start if event.time.provenance else -1
            seen.setdefault((event.time.text, start), event.time)
    return tuple(seen.values())


def _actors(attributions: list[Attribution], events: list[Event]) -> tuple[Actor, ...]:
    found: dict[str, Actor] = {}
    for attribution in attributions:
        if attribution.statement.speaker is not None:
            found.setdefault(attribution.statement.speaker.name, attribution.statement.speaker)
    for event in events:
        for actor in (event.actor, event.recipient, event.reported_by):
            if actor is not None:
                found.setdefault(actor.name, actor)
    return tuple(found.values())
