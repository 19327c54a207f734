"""Demands voiced as obligations: what a speaker says another party must do is the
speaker's demand of that party; one's own "we must" is a resolve, not a demand.
"""

from __future__ import annotations

from spacy.tokens import Token

from saydo.domain import Actor, ActorKind, Modality
from saydo.extract.clause import OBLIGATION_MODALS, RELATIVE_PRONOUNS, has_aux
from saydo.extract.coding import code_actor
from saydo.extract.context import ArticleContext
from saydo.extract.mentions import Salience, noun_phrase, resolve_head


def obligation_on_other(
    token: Token,
    modality: Modality,
    actor: Actor | None,
    reporter: Actor | None,
    ctx: ArticleContext,
    salience: Salience,
) -> bool:
    """ "Russia said Sudan must return the helicopter": what a speaker says another
    must do is a demand on them, not a deed (one's own "we must" is a resolve)."""
    if modality not in {Modality.OCCURRED, Modality.INTENDED} or not _under_obligation(token):
        return False
    # The clause's own subject says the demander's side more finely than the statement's
    # speaker ("Sudanese rebels" are Sudan's rebels, not its government).
    demander = find_demander(token, ctx, salience) or reporter
    if demander is None:
        return False
    return actor is None or not _same_side(actor, demander)


def _same_side(actor: Actor, other: Actor) -> bool:
    """One's own "we must", "the state must" is a resolve; rebels saying the president
    must act ask another party, though of the same country."""
    if actor.name == other.name:
        return True
    return actor.country == other.country and _sector_of(actor) == _sector_of(other)


def _sector_of(actor: Actor) -> str:
    return actor.sector or ("GOV" if actor.kind in {ActorKind.STATE, ActorKind.PERSON} else "")


def _under_obligation(token: Token) -> bool:
    """ "must return", "must be ready to mediate": an obligation on the clause's subject."""
    current = token
    for _ in range(3):
        if has_aux(current, OBLIGATION_MODALS):
            return True
        if current.dep_ not in {"xcomp", "acomp"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def find_demander(token: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """Who voices a demand: the subject of the nearest clause that governs the trigger's
    own clause ("must be ready to mediate" is one clause)."""
    clause = token
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    for ancestor in clause.ancestors:
        if ancestor.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
            continue
        named = code_actor(resolve_head(subject, ctx, salience), subject, ctx)
        if named is None and subject.pos_ == "PROPN":
            # An unknown body still voices the demand, on no known side.
            named = Actor(noun_phrase(subject).text, ActorKind.GROUP)
        return named
    return None
