"""Token-level reading shared by the outcome readers: a verb's subject and object, whether
it is told as done, negated, planned or failed, and whether its clause names the truce."""

from __future__ import annotations

from spacy.tokens import Token

from saydo.extract.outcome_words import (
    ATTEMPT_NOUNS,
    COUNTING_WORDS,
    FAILING_GOVERNORS,
    GOING_OUT_VERBS,
    GOING_VERBS,
    MODALS,
    PEOPLE_WORDS,
    RETURN_WORDS,
    RETURNING_VERBS,
    TAKING_OUT_VERBS,
    TELLING_VERBS,
    TRAVELLER_WORDS,
    TRUCE_OR_ROUTE,
    TRUCE_WORDS,
    TURNED_BACK_WORDS,
    UNDER_FIRE_NOUNS,
    UNREAL_GOVERNORS,
)
from saydo.extract.times import tense_of


def planned(verb: Token) -> bool:
    """Told as to come, hoped or asked for, not as done: "will leave", "plan to cross"."""
    if not told_as_deed(verb) or _conditional(verb):
        return True
    return any(t.lemma_.lower() in UNREAL_GOVERNORS | {"try", "attempt"} for t in verb.ancestors)


def _conditional(verb: Token) -> bool:
    """ "if the invaders disrupt the rescue again": a condition, no deed."""
    clause = verb.head if verb.dep_ == "conj" else verb
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children)


def names_truce(token: Token) -> bool:
    """A word of the truce, its route or its convoy, or the attempt that is its
    evacuation: "the attempt to get civilians out", "Sunday's attempt to evacuate"."""
    lemma = token.lemma_.lower()
    if lemma in TRUCE_OR_ROUTE:
        return True
    if lemma not in ATTEMPT_NOUNS or token.pos_ != "NOUN":
        return False
    return _rescue_attempt(token) or any(
        c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in GOING_OUT_VERBS | TAKING_OUT_VERBS
        for c in token.children
    )


def _rescue_attempt(attempt: Token) -> bool:
    """ "its team had been held while trying to reach Mariupol ..., and the operation
    could not go ahead": an operation told of a team, a convoy or people to be taken out,
    going ahead or not, is the evacuation's day. An operation of troops is not."""
    if attempt.dep_ != "nsubj" or attempt.head.lemma_.lower() not in GOING_VERBS:
        return False
    if any(c.dep_ in {"amod", "compound"} for c in attempt.children):
        return False  # "the military operation", "the offensive operation"
    return any(t.lemma_.lower() in TURNED_BACK_WORDS | PEOPLE_WORDS for t in attempt.sent)


def subjects_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]


def is_nobody(token: Token) -> bool:
    """ "no one", "nobody": none of the people."""
    return token.lemma_.lower() == "nobody" or (
        token.lower_ == "one" and any(c.lower_ == "no" for c in token.children)
    )


def done_above(verb: Token) -> bool:
    """ "no one was able to leave", "the team was unable to reach": the verb is told as
    done by the verb or adjective it completes."""
    clause = verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    return clause.i != verb.i and told_done(clause)


def clausal_subject(verb: Token) -> Token | None:
    clause = next((c for c in verb.children if c.dep_ in {"csubj", "csubjpass"}), None)
    return subject_of(clause) if clause is not None else None


def made_it(verb: Token) -> bool:
    """ "800 residents made it out of Mykolaiv"."""
    return verb.lemma_.lower() == "make" and any(c.lower_ == "it" for c in verb.children)


def object_of(verb: Token) -> Token | None:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and counts_of(obj):
        inner = [t for t in obj.subtree if t.dep_ == "pobj"]
        return inner[0] if inner else obj
    return obj


def counts_of(head: Token) -> bool:
    """ "dozens of families", "300 of the residents": a count whose "of" names who."""
    counting = head.lemma_.lower() in COUNTING_WORDS or head.like_num
    return counting and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def under_fire(verb: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(t.lemma_.lower() in UNDER_FIRE_NOUNS for t in c.children)
        for c in verb.children
    )


def particle_of(verb: Token) -> str | None:
    """ "called off": the particle that makes the phrasal verb."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def about_truce(verb: Token) -> bool:
    """A truce word among the verb's own arguments, not in a clause of its own below, or
    the subject it shares: "the evacuation had to be called off"."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    subject = own_subject(clause) if clause.i != verb.i else None
    if subject is not None and names_truce(subject):
        return True
    return any(names_truce(t) and same_clause(t, verb) for t in verb.subtree if t.i != verb.i)


def same_clause(token: Token, verb: Token) -> bool:
    current = token
    while current.i != verb.i and current.head.i != current.i:
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"xcomp", "auxpass", "aux"}:
            return False
        current = current.head
    return True


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb or adjective it completes: "no buses were
    able to leave" has "buses" leave."""
    own = own_subject(verb)
    if own is None and verb.dep_ in {"xcomp", "acomp", "conj"} and verb.head.i != verb.i:
        # "cars left Mariupol and reached Zaporizhzhia": the second verb shares the subject.
        return subject_of(verb.head)
    return own


def own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            if counts_of(child):
                inner = [t for t in child.subtree if t.dep_ == "pobj"]
                return inner[0] if inner else child
            return child
    return None


def travels(subject: Token) -> bool:
    """ "the convoy", "3,000 residents", "buses with evacuees": those who get out."""
    lemma = subject.lemma_.lower()
    return lemma in TRAVELLER_WORDS or lemma in TRUCE_WORDS or subject.like_num


def told_done(verb: Token) -> bool:
    """ "were evacuated", "we evacuated": told as done, not as a plan."""
    return tense_of(verb) == "past" or verb.tag_ in {"VBD", "VBN"}


def told_as_deed(verb: Token) -> bool:
    """Told as having happened: no modal, no future, no plan or demand above it.

    "would not let the buses through" is a refusal told in the past, not a forecast.
    """
    modals = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}} & MODALS
    refused = unable(verb)
    if modals and not refused:
        return False
    if tense_of(verb) == "future" and not refused:
        return False
    return not any(t.lemma_.lower() in UNREAL_GOVERNORS for t in _governors(verb))


def _governors(verb: Token) -> list[Token]:
    """The three verbs above ``verb``, less those it is only coordinated with: in "the
    shelling continued and buses could not reach the village" nothing governs "reach"."""
    governors: list[Token] = []
    current = verb
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ != "conj":
            governors.append(head)
        current = head
    return governors


def unable(verb: Token) -> bool:
    """ "no cars could get through", "would not let the buses through": an inability or
    refusal told in the past is a deed of failure, not a forecast."""
    modals = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}} & MODALS
    return bool(modals) and modals <= {"would", "could", "can"} and negated(verb)


def negated(verb: Token) -> bool:
    """ "did not work", "never left", "no buses were able to leave"."""
    if any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in verb.children):
        return True
    subject = subject_of(verb) or (verb.head if verb.dep_ in {"xcomp", "acomp"} else None)
    if subject is not None and subject.pos_ in {"VERB", "AUX", "ADJ"}:
        subject = subject_of(subject)
    # "no buses", "not a single bus", "not one car"
    return subject is not None and any(
        t.dep_ == "neg" or t.lower_ in {"no", "not"} for t in subject.subtree if t.i < subject.i
    )


def failing(verb: Token) -> bool:
    """ "failed to reach", "refused to let", "were unable to leave"."""
    head = verb.head
    return verb.dep_ in {"xcomp", "acomp"} and (
        head.lemma_.lower() in FAILING_GOVERNORS
        or any(c.lemma_.lower() in FAILING_GOVERNORS for c in head.children)
    )


def going_back(verb: Token) -> bool:
    """ "returned", "went back", "came back": travel back the way one came. Turning back
    is read with what is turned ("soldiers turned back every car")."""
    lemma = verb.lemma_.lower()
    if lemma == "return":
        return True
    back = any(c.dep_ in {"advmod", "prt"} and c.lower_ in RETURN_WORDS for c in verb.children)
    return back and lemma in GOING_OUT_VERBS | RETURNING_VERBS - {"turn"}


def teller_of(verb: Token) -> int:
    """The verb of saying whose clause tells ``verb`` (its index), or -1."""
    for ancestor in verb.ancestors:
        if ancestor.lemma_.lower() in TELLING_VERBS:
            return ancestor.i
    return -1
