"""Denials of an accusation that name no act: "Kyiv denied any involvement".

A side that denies responsibility, involvement or a role denies the hostile act the
article accuses it of. The pledge is then that side's word that it did not do that act,
which reports of the act by others contradict (or, when only its adversary reports it,
dispute).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from saydo.domain import Actor, Event, Modality, Pledge, PledgeKind, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import HOSTILE_TYPES
from saydo.extract.mentions import Salience, resolve_head

DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
ACCUSATION_WORDS = frozenset(
    {
        "responsibility",
        "involvement",
        "role",
        "accusation",
        "accusations",
        "claim",
        "claims",
        "allegation",
        "allegations",
        "responsible",
        "involved",
        "behind",
        "blame",
    }
)
DENIAL_WINDOW_DAYS = 30


def denial_pledges(
    doc: Doc, ctx: ArticleContext, salience: Salience, events: list[Event]
) -> Iterator[Pledge]:
    for token in doc:
        if token.lemma_.lower() not in DENYING_VERBS or token.pos_ != "VERB":
            continue
        if not _about_an_accusation(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        denier = resolve_head(subject, ctx, salience) if subject is not None else None
        if denier is None or denier.country is None:
            continue
        accused = _named_act(events, denier, token) or _accused_act(events, denier, token.idx)
        if accused is not None:
            yield _pledge(doc, token, denier, accused, ctx)


def _about_an_accusation(verb: Token) -> bool:
    return any(t.lower_ in ACCUSATION_WORDS for t in verb.subtree if t.i != verb.i)


def _named_act(events: list[Event], denier: Actor, verb: Token) -> Event | None:
    """The hostile act the denied accusation names: "rejected accusations that its troops
    had killed civilians". However its clause was coded, it is the act denied, not a deed
    told or a pledge made."""
    left, right = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
    for event in events:
        if (
            event.type in HOSTILE_TYPES
            and event.actor is not None
            and event.actor.country == denier.country
            and event.modality is not Modality.DENIED
            and left <= event.provenance.start < right
            and event.provenance.start > verb.idx
        ):
            return event
    return None


def _accused_act(events: list[Event], denier: Actor, before: int) -> Event | None:
    """The hostile act the article attributes to the denier's side, told before it denies.

    The headline counts wherever it stands: it is what the whole article is about.
    """
    for event in events:
        if (
            event.type in HOSTILE_TYPES
            and event.actor is not None
            and event.actor.country == denier.country
            and event.modality in {Modality.OCCURRED, Modality.CLAIMED}
            and event.provenance.start < before
        ):
            return event
    return None


def _pledge(doc: Doc, verb: Token, denier: Actor, accused: Event, ctx: ArticleContext) -> Pledge:
    denied = replace(
        accused,
        id=record_id("ev", ctx.article_id, verb.idx, "denial"),
        trigger=verb.text,
        provenance=ctx.provenance(doc, verb.idx, verb.idx + len(verb.text)),
        actor=denier,
        modality=Modality.DENIED,
        reported_by=denier,
        statement_id=None,
        self_reported=True,
    )
    made_on = ctx.anchor
    return Pledge(
        id=record_id("pl", ctx.article_id, verb.idx, PledgeKind.DENIAL.value),
        kind=PledgeKind.DENIAL,
        event=denied,
        made_on=made_on,
        scope_places=tuple(p for p in accused.places if p.resolved),
        window_end=None,
    )
