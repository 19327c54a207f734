"""Types that the trigger's object or construction decides, not its lemma: lifting a
siege is a retreat, cutting aid a sanction, an arrest "on charges" an accusation, accepting
a demand a concession.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from saydo.domain import PloverType
from saydo.extract.clause import object_in, object_lemmas
from saydo.extract.coding import crowd_phrase
from saydo.extract.lexicon import (
    ACCUSATION_NOUNS,
    ARREST_VERBS,
    CEASEFIRE,
    CEASEFIRE_NOUNS,
    CONTACT_NOUNS,
    CUT_VERBS,
    ECONOMIC_NOUNS,
    LIFT_VERBS,
    OBSTRUCTION_VERBS,
    PERSONNEL_NOUNS,
    PROPERTY_NOUNS,
    SIEGE_NOUNS,
    TALK_NOUNS,
    WITHDRAW_VERBS,
    Trigger,
)


def yields_to_demand(token: Token) -> bool:
    return token.lemma_.lower() in YIELD_VERBS and object_in(token, DEMAND_NOUNS)


def _retyped(token: Token, trigger: Trigger) -> Trigger:
    """Types that the trigger's object or its adjuncts decide, not its lemma."""
    lemma = token.lemma_.lower()
    objects = object_lemmas(token)
    if lemma in LIFT_VERBS and objects & SIEGE_NOUNS:
        return Trigger(PloverType.RETREAT, "de-escalate")  # "lifted the blockade"
    if lemma in CUT_VERBS and objects & CONTACT_NOUNS and trigger.type is not PloverType.REQUEST:
        return Trigger(PloverType.SANCTION, "relations")  # "cancelled a planned visit"
    if trigger.mode == "explosives" and token.pos_ == "VERB" and objects & PROPERTY_NOUNS:
        return Trigger(PloverType.COERCE, "destroy")  # "blew up power lines"
    if lemma in WITHDRAW_VERBS and objects & PERSONNEL_NOUNS:
        return Trigger(PloverType.SANCTION, "relations")  # "will withdraw inspectors"
    if trigger.type is PloverType.RETREAT and _for_talks(token):
        return Trigger(PloverType.CONSULT, "talks")  # "return to Geneva for talks"
    if lemma in ARREST_VERBS and _on_accusation(token):
        return Trigger(PloverType.ACCUSE, "arrest")  # "jailed on allegations of treason"
    if trigger.type is PloverType.PROTEST and _diplomatic_protest(token):
        return Trigger(PloverType.ACCUSE)  # "lodged a protest with Albania"
    return trigger


def _joint(actor_token: Token | None) -> bool:
    """Two parties act together: "French and Egyptian warships", "Iran and Russia"."""
    if actor_token is None:
        return False
    return any(c.dep_ == "conj" for c in actor_token.children) or any(
        c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children) for c in actor_token.children
    )


def _for_talks(token: Token) -> bool:
    return any(
        prep.dep_ == "prep" and prep.lower_ == "for" and object_in(prep, TALK_NOUNS, "pobj")
        for prep in token.children
    )


def _on_accusation(token: Token) -> bool:
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "for"}:
            continue
        if any(c.dep_ == "pcomp" for c in prep.children):
            return True  # "arrested for collaborating with Israel"
        if object_in(prep, ACCUSATION_NOUNS, "pobj"):
            return True
    return False


def _diplomatic_protest(token: Token) -> bool:
    """A protest lodged or voiced ("protested that ...") is a complaint, not a demo."""
    if token.pos_ == "VERB":
        return any(c.dep_ == "ccomp" for c in token.children) or token.dep_ == "parataxis"
    return token.dep_ == "dobj" and token.head.lemma_.lower() in {"lodge", "file", "register"}


# Accepting or meeting a demand is yielding to it (PLOVER CONCEDE), not an agreement.
YIELD_VERBS = frozenset({"accept", "meet", "grant", "heed", "satisfy", "fulfil", "fulfill"})


DEMAND_NOUNS = frozenset({"demand", "request", "call", "condition", "ultimatum", "appeal"})


def decided_trigger(token: Token, trigger: Trigger, actor_token: Token | None) -> Trigger:
    """The trigger as its construction decides it: its object, its adjuncts, its actor."""
    if trigger.type is PloverType.CONCEDE and object_in(token, CEASEFIRE_NOUNS):
        trigger = CEASEFIRE
    if yields_to_demand(token):
        trigger = replace(trigger, type=PloverType.CONCEDE)  # "accepted the rebels' demands"
    trigger = _retyped(token, trigger)
    if trigger.mode == "exercise" and _joint(actor_token):
        trigger = Trigger(PloverType.COOPERATE, "military")  # "French and Egyptian warships"
    if token.lemma_.lower() in OBSTRUCTION_VERBS and crowd_phrase(actor_token):
        trigger = replace(trigger, type=PloverType.PROTEST)  # protesters blocking roads
    return trigger


def is_policy_cut(token: Token, trigger: Trigger) -> bool:
    """ "cut back fuel subsidies", "reduce imports": an economic measure, no retreat."""
    return trigger.type is PloverType.RETREAT and bool(object_lemmas(token) & ECONOMIC_NOUNS)
