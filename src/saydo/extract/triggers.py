"""Which tokens are event triggers: a lexicon word becomes a candidate only in a
construction that makes it a deed (an object for a light verb, a military "strike", not a
kind of group such as "aid groups"), and a clause under "must" is a demand on its subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from saydo.domain import PloverType
from saydo.extract.clause import (
    OBLIGATION_MODALS,
    RELATIVE_PRONOUNS,
    clause_subjects,
    has_aux,
    object_in,
    object_lemmas,
)
from saydo.extract.coding import LIGHT_VERBS
from saydo.extract.lexicon import (
    AID_CUT_VERBS,
    AID_NOUNS,
    CONTACT_NOUNS,
    CUE_VERBS,
    CUT_VERBS,
    EMERGENCY,
    EMERGENCY_STATES,
    FIRE_TRIGGERS,
    HOSTILE_TYPES,
    NOUN_FIRST_WORDS_FOR_STRIKE,
    NOUN_TRIGGERS,
    PARTICLE_ONLY,
    PARTICLE_TRIGGERS,
    PREP_TRIGGERS,
    PROTEST_STRIKE,
    PROTEST_STRIKE_WORDS,
    VERB_TRIGGERS,
    WORK_NOUNS,
    WORK_STOP_VERBS,
    Trigger,
)
from saydo.extract.mentions import FIRST_PERSON
from saydo.extract.retype import yields_to_demand

# Subjects that sum up a war rather than name who acted: "a war that has killed thousands".
AGGREGATE_SUBJECTS = frozenset({"war", "conflict", "fighting", "violence", "crisis"})


NEEDS_ACTOR_OBJECT = frozenset({"meet", "visit", "host"})


OBJECT_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "attr", "obj"})


@dataclass(frozen=True, slots=True)
class Candidate:
    token: Token
    trigger: Trigger


def find_candidates(sent: Span) -> list[Candidate]:
    found: list[Candidate] = []
    for token in sent:
        trigger = trigger_of(token) or _obligation_trigger(token)
        if trigger is not None:
            found.append(Candidate(token, trigger))
    return found


OBLIGATION_TRIGGER = Trigger(PloverType.REQUEST, "demand")


def _obligation_trigger(token: Token) -> Trigger | None:
    """ "The administration declared that China must drop barriers": whatever the verb,
    what one party says another must do is a demand on it."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ not in {"ccomp", "acl"}:
        return None
    if not has_aux(token, OBLIGATION_MODALS):
        return None
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in FIRST_PERSON or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    governor = token.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
        governor = governor.head  # "issued a reminder that ...": the reminder's verb
    if not any(c.dep_ == "nsubj" for c in governor.children):
        return None
    return OBLIGATION_TRIGGER


def trigger_of(token: Token) -> Trigger | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and (_aggregate_subject(token) or _describes_a_noun(token)):
        return None
    if token.pos_ == "VERB":
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        if particle is None and (lemma, "out") in PARTICLE_TRIGGERS:
            # "forced the agency out of the country": "out" parsed as a preposition
            particle = next((c.lower_ for c in token.children if c.lower_ == "out"), None)
        if particle and (lemma, particle) in PARTICLE_TRIGGERS:
            return PARTICLE_TRIGGERS[(lemma, particle)]
        if lemma in CUT_VERBS and object_lemmas(token) & CONTACT_NOUNS:
            return Trigger(PloverType.SANCTION, "relations")  # "ended mediation efforts"
        if lemma in AID_CUT_VERBS and object_lemmas(token) & AID_NOUNS:
            return Trigger(PloverType.SANCTION, "aid")  # "reduced food supplies"
        for prep in token.children:
            if prep.dep_ == "prep" and (lemma, prep.lower_) in PREP_TRIGGERS:
                return PREP_TRIGGERS[(lemma, prep.lower_)]
        if lemma in PARTICLE_ONLY:
            return None
        trigger = VERB_TRIGGERS.get(lemma)
        if trigger is not None and trigger.needs_object and not _has_object(token, trigger):
            return None
        if lemma in WORK_STOP_VERBS and object_in(token, WORK_NOUNS):
            return PROTEST_STRIKE
        if (
            trigger is not None
            and lemma in NEEDS_ACTOR_OBJECT
            and not _object_is_named(token)
            and not yields_to_demand(token)
        ):
            return None  # "met the pledge with scepticism" is no meeting
        if trigger is not None and lemma in LIGHT_VERBS and _object_is_trigger(token, trigger):
            return None  # "imposed sanctions": the sanctions are the event
        return trigger
    if token.pos_ in {"NOUN", "PROPN"}:
        if _emergency_rule(token):
            return EMERGENCY
        if lemma == "game" and any(c.lower_ == "war" for c in token.children):
            return NOUN_TRIGGERS["exercise"]  # "war games"
        if lemma == "fire" and token.dep_ == "dobj" and token.head.lemma_ in FIRE_TRIGGERS:
            return FIRE_TRIGGERS[token.head.lemma_]
        trigger = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
        if trigger is not None and _names_a_kind(token):
            return None  # "aid groups", "protest leaders": a kind of thing, no event
        if lemma in {"strike", "strikes"} and _is_protest_strike(token):
            return PROTEST_STRIKE
        if trigger is None and lemma in {"strike", "strikes"}:
            return None
        if lemma == "strike" and not _is_military_strike(token):
            return None
        return trigger
    return None


# Children that give a participle a deed of its own: "the bridge destroyed by shelling".
DEED_MARKERS = frozenset({"agent", "nsubj", "nsubjpass"})


def _describes_a_noun(token: Token) -> bool:
    """ "60 wounded residents", "the destroyed bridge": a participle before a noun says
    what state the thing is in; the deed, if any, is told elsewhere with its doer."""
    noun = token.head
    # "the negotiating team": a gerund naming what a body is for, a role, not a deed.
    gerund_kind = token.dep_ == "compound" and token.tag_ == "VBG"
    if (token.dep_ != "amod" and not gerund_kind) or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in CUE_VERBS:
        # Speech verbs take clauses: "said the military targeted depots" misparsed.
        return False
    return not any(c.dep_ in DEED_MARKERS for c in token.children)


def _names_a_kind(token: Token) -> bool:
    """A trigger noun that only modifies another noun, itself no event."""
    if token.dep_ != "compound" or token.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = token.head
    if head.lemma_.lower() in EVENT_CARRIERS:
        return False  # "a mediation effort", "a rescue mission" are the act itself
    return (NOUN_TRIGGERS.get(head.lemma_.lower()) or NOUN_TRIGGERS.get(head.lower_)) is None


# Nouns that carry the act of the noun before them.
EVENT_CARRIERS = frozenset(
    {"effort", "mission", "campaign", "operation", "attempt", "bid", "process", "initiative"}
)


def _emergency_rule(token: Token) -> bool:
    """ "a state of siege", "a state of emergency", "martial law"."""
    lemma = token.lemma_.lower()
    if lemma == "law":
        return any(c.lower_ == "martial" for c in token.children)
    if lemma != "state":
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and object_in(c, EMERGENCY_STATES, "pobj")
        for c in token.children
    )


def _object_is_trigger(verb: Token, trigger: Trigger) -> bool:
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in {"NOUN", "PROPN"}:
            other = trigger_of(child)
            if other is not None and other.type is not trigger.type:
                return True
    return False


def _object_is_named(token: Token) -> bool:
    return any(
        c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        for c in token.children
        if c.dep_ in {"dobj", "prep", "pobj"}
    ) or any(
        t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        for c in token.children
        if c.dep_ == "prep"
        for t in c.subtree
    )


def _aggregate_subject(token: Token) -> bool:
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
        subjects = [token.head]
    return any(s.lemma_.lower() in AGGREGATE_SUBJECTS for s in subjects)


def _has_object(token: Token, trigger: Trigger) -> bool:
    return any(
        c.lemma_.lower() in trigger.needs_object or c.lower_ in trigger.needs_object
        for c in token.subtree
        if c.dep_ in OBJECT_DEPS or c.dep_ == "compound"
    )


def _is_protest_strike(token: Token) -> bool:
    """ "a hunger strike", "a general strike": a protest, whoever strikes."""
    return any(
        c.lower_ in PROTEST_STRIKE_WORDS for c in token.children if c.dep_ in {"compound", "amod"}
    )


def _is_military_strike(token: Token) -> bool:
    """ "Strike" alone is also a labour strike; news of war says what kind."""
    return any(c.lower_ in NOUN_FIRST_WORDS_FOR_STRIKE for c in token.children) or any(
        c.ent_type_ in {"NORP", "GPE"} for c in token.children
    )


def merge_nominal_subjects(candidates: list[Candidate]) -> list[Candidate]:
    """ "Russian shelling hit homes" is one event: drop the noun, keep the verb."""
    by_index = {c.token.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        token = candidate.token
        if token.pos_ != "VERB":
            continue
        for subject in clause_subjects(token):
            other = by_index.get(subject.i)
            if other is not None and other.trigger.type == candidate.trigger.type:
                dropped.add(subject.i)
    kept = [c for c in candidates if c.token.i not in dropped]
    # A noun trigger is the subject of the verb it merges into; remember it for the actor.
    return kept


def is_hostile_trigger(token: Token) -> bool:
    trigger = trigger_of(token)
    return trigger is not None and trigger.type in HOSTILE_TYPES
