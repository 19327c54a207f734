"""Pledges: announced future acts that later deeds can keep or break.

A pledge is an event with modality intended, threatened or denied whose actor is the
side that speaks ("Russia said it would reduce ..."): a forecast about someone else is
not a pledge. Mentions of the same pledge in one article (the headline, the lede, a
later "Russia's claim that it will ...") are one pledge with the earliest date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from saydo.domain import Event, Modality, Place, Pledge, PledgeKind, PloverType, record_id
from saydo.extract.context import ArticleContext

PLEDGE_MODALITIES = frozenset({Modality.INTENDED, Modality.THREATENED, Modality.DENIED})


def pledge_kind(event: Event) -> PledgeKind | None:
    if event.modality is Modality.DENIED:
        return PledgeKind.DENIAL
    if event.modality is Modality.THREATENED:
        return PledgeKind.THREAT
    if event.type is PloverType.RETREAT:
        return (
            PledgeKind.CEASEFIRE
            if event.mode in {"ceasefire", "evacuate"}
            else PledgeKind.DE_ESCALATION
        )
    if event.type in {
        PloverType.CONCEDE,
        PloverType.AGREE,
        PloverType.CONSULT,
        PloverType.COOPERATE,
    }:
        return PledgeKind.OFFER
    if event.type is PloverType.AID:
        return PledgeKind.AID
    if event.type in {PloverType.ASSAULT, PloverType.COERCE, PloverType.SANCTION}:
        return PledgeKind.THREAT
    return None


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
    for event in events:
        if event.modality not in PLEDGE_MODALITIES or not _binds_speaker(event):
            continue
        if event.negated and event.modality is not Modality.DENIED:
            continue  # "would not give up any territory" is a refusal, not a pledge
        kind = pledge_kind(event)
        if kind is None:
            continue
        when = made_on.get(event.id) or ctx.anchor
        pledge = Pledge(
            id=record_id("pl", ctx.article_id, event.provenance.start, kind.value),
            kind=kind,
            event=event,
            made_on=when,
            scope_places=tuple(p for p in event.places if p.resolved),
            window_end=when + timedelta(days=window_days) if when else None,
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
        merged[key] = _combine(first, pledge)
    return list(merged.values())


def _combine(first: Pledge, other: Pledge) -> Pledge:
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
