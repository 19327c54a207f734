"""Denials of an accusation that name no act: "Kyiv denied any involvement".

A side that denies responsibility, involvement or a role denies the hostile act the
article accuses it of. The pledge is then that side's word that it did not do that act,
which reports of the act by others contradict (or, when only its adversary reports it,
dispute).

A denial is scoped to the act it denies: the places of that act as its own clause tells
them, or else of its antecedent, the nearest act of the denier's side told before the
denial. A denial whose act has no place binds nothing: "Kyiv denied it was responsible"
after a strike on Belgorod is no word about Ukraine's deeds near Kyiv.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

from spacy.tokens import Doc, Token

from saydo.domain import Actor, Event, Modality, Place, Pledge, PledgeKind, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import HOSTILE_TYPES
from saydo.extract.mentions import Salience, resolve_head
from saydo.extract.places import places_in
from saydo.extract.pledges import DENIAL_WINDOW_DAYS

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
# Place kinds too wide to scope a denied act ("Ukraine" in "Ukraine's helicopters").
TOO_WIDE = frozenset({"country", "continent"})


def denial_pledges(
    doc: Doc, ctx: ArticleContext, salience: Salience, events: list[Event]
) -> Iterator[Pledge]:
    """Each denial in the article (saydo.extract.article keeps one per side)."""
    for token in doc:
        if token.lemma_.lower() not in DENYING_VERBS or token.pos_ != "VERB":
            continue
        if not _about_an_accusation(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        denier = resolve_head(subject, ctx, salience) if subject is not None else None
        if denier is None or denier.country is None:
            continue
        named = _named_act(events, denier, token)
        if named is not None:
            yield _pledge(doc, token, denier, named, _places_of(doc, named, ctx), ctx)
            continue
        antecedents = _accused_acts(events, denier, token.idx)
        if antecedents:
            places = next((p for a in antecedents if (p := _places_of(doc, a, ctx))), ())
            yield _pledge(doc, token, denier, antecedents[0], places, ctx)


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


def _accused_acts(events: list[Event], denier: Actor, before: int) -> list[Event]:
    """The hostile acts the article attributes to the denier's side, told before it
    denies, nearest first, all of the nearest one's type: the act denied and the earlier
    tellings of it ("an air strike ...", "the helicopters struck ...").

    The headline counts wherever it stands: it is what the whole article is about.
    """
    told = [
        event
        for event in events
        if event.type in HOSTILE_TYPES
        and event.actor is not None
        and event.actor.country == denier.country
        and event.modality in {Modality.OCCURRED, Modality.CLAIMED}
        and event.provenance.start < before
    ]
    told.sort(key=lambda e: e.provenance.start, reverse=True)
    return [e for e in told if e.type is told[0].type] if told else []


def _places_of(doc: Doc, act: Event, ctx: ArticleContext) -> tuple[Place, ...]:
    """Where the act denied happened: its own places, else the places its sentence names
    ("a fuel depot in the Russian city of Belgorod caught fire after ... an air strike")."""
    own = tuple(p for p in act.places if p.resolved)
    if own:
        return own
    start = act.provenance.start
    if not 0 <= start < len(doc.text):
        return ()
    sentence = doc.char_span(start, act.provenance.end, alignment_mode="expand")
    if sentence is None:
        return ()
    named = places_in(sentence.sent, ctx)
    return tuple(p for p in named if p.resolved and p.kind not in TOO_WIDE)


def _pledge(
    doc: Doc,
    verb: Token,
    denier: Actor,
    accused: Event,
    places: tuple[Place, ...],
    ctx: ArticleContext,
) -> Pledge:
    denied = replace(
        accused,
        places=places,
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
        scope_places=places,
        window_end=made_on + timedelta(days=DENIAL_WINDOW_DAYS) if made_on else None,
    )
