"""Modality: whether an act occurred, was claimed, intended, demanded, threatened,
denied or only supposed, read from the auxiliaries and the words that govern the trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from saydo.domain import Actor, Modality
from saydo.extract.clause import INFINITIVE_TO, has_aux
from saydo.extract.coding import CONFLICT_TYPES
from saydo.extract.lexicon import ASPECTUAL_STOP, CUE_VERBS
from saydo.extract.triggers import trigger_of

INTENT_GOVERNORS = frozenset(
    [
        "prepare",
        "ready",
        "willing",
        "plan",
        "intend",
        "promise",
        "pledge",
        "vow",
        "agree",
        "offer",
        "propose",
        "aim",
        "prepared",
        "commit",
        "committed",
        "determined",
        "swear",
        "threaten",
    ]
)


DEMAND_GOVERNORS = frozenset(["demand", "urge", "ask", "call", "insist"])


HYPOTHETICAL_GOVERNORS = frozenset(
    [
        "expect",
        "fear",
        "forecast",
        "predict",
        "suspect",
        "may",
        "might",
        "could",
        "likely",
        "attempt",
        "bid",
        "try",
        "seek",
        "risk",
    ]
)


DENIAL_GOVERNORS = frozenset({"deny", "reject", "dismiss"})


THREAT_GOVERNORS = frozenset({"threaten", "warn"})


DIRECT_GOVERNORS: tuple[tuple[frozenset[str], Modality], ...] = (
    (DENIAL_GOVERNORS, Modality.DENIED),
    (THREAT_GOVERNORS, Modality.THREATENED),
    (DEMAND_GOVERNORS, Modality.DEMANDED),
)


def event_modality(token: Token) -> tuple[Modality, bool]:
    modality, negated = _plain_modality(token)
    if modality in {Modality.INTENDED, Modality.HYPOTHETICAL} and _condition(token, "unless"):
        return Modality.THREATENED, negated  # "will withdraw its force unless ..."
    if modality is Modality.HYPOTHETICAL and _condition(token, "if") and _coercive(token):
        return Modality.THREATENED, negated  # "may halt mediation if cooperation founders"
    return modality, negated or _failed(token)


def _coercive(token: Token) -> bool:
    trigger = trigger_of(token)
    return trigger is not None and trigger.type in CONFLICT_TYPES


def _condition(token: Token, mark: str) -> bool:
    """The trigger, or the verb that carries it, has a condition clause ("unless ...")."""
    for verb in (token, token.head):
        for clause in verb.children:
            if clause.i == token.i:
                continue  # the trigger's own "if": it is the condition, not conditioned
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == mark for c in clause.children
            ):
                return True
    return False


# Governors whose complement did not happen: "failed to reach", "were unable to leave".
NOT_DONE_GOVERNORS = frozenset({"fail", "refuse", "unable"})
# Governors whose complement happened unless they are denied: "no buses were able to leave".
ABILITY_GOVERNORS = frozenset({"able", "manage", "succeed"})
NEGATIVE_PRONOUNS = frozenset({"none", "nobody", "nothing", "neither"})


def _failed(token: Token) -> bool:
    """ "failed to reach agreement", "no buses were able to leave", "none of the convoys
    got out": the act did not happen."""
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":
        token = token.head  # the light verb that carries a nominal event
    if _negative_subject(token):
        return True
    if _judged_impossible(token):
        return True
    if token.dep_ != "xcomp":
        return False
    governor = token.head
    lemma = governor.lemma_.lower()
    if lemma in NOT_DONE_GOVERNORS:
        return True
    if lemma not in ABILITY_GOVERNORS:
        return False
    # "able" hangs off its copula, which carries the negation and the subject.
    chain = [governor, governor.head] if governor.dep_ == "acomp" else [governor]
    return any(_negative_subject(t) or _has_neg(t) for t in chain)


def _judged_impossible(token: Token) -> bool:
    """ "evacuating people from Lysychansk had become practically impossible": the act,
    the subject of a copula, judged not to be done."""
    if token.dep_ not in {"csubj", "nsubj", "nsubjpass"}:
        return False
    judged = [c for c in token.head.children if c.dep_ in {"acomp", "attr", "oprd"}]
    return any(c.lemma_.lower() in IMPOSSIBLE_WORDS for c in judged)


# What an act is judged when it cannot be done: "had become impossible".
IMPOSSIBLE_WORDS = frozenset({"impossible", "unfeasible", "infeasible", "unrealistic"})


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _negative_subject(verb: Token) -> bool:
    """ "No buses left", "none of the buses left", "no one was hurt"."""
    for subject in verb.children:
        if subject.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if subject.lower_ in NEGATIVE_PRONOUNS:
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return True
    return False


def _plain_modality(token: Token) -> tuple[Modality, bool]:
    negated = any(c.dep_ == "neg" for c in token.children)
    head = token.head
    if head.lemma_.lower() in ASPECTUAL_STOP and token.dep_ in {"nsubj", "xcomp"}:
        # "airstrikes do not stop": the attacks go on.
        stop_negated = any(c.dep_ == "neg" for c in head.children)
        return Modality.OCCURRED, not stop_negated
    own_aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":
        # "will extend the curfew": the noun's act is the future of its verb.
        own_aux |= {c.lower_ for c in token.head.children if c.dep_ == "aux"}
        negated = negated or any(c.dep_ == "neg" for c in token.head.children)
    frame = _frame(token)
    if own_aux & {"may", "might", "could"} or _conditional(token) or _purpose(token):
        return Modality.HYPOTHETICAL, negated
    for governors, modality in DIRECT_GOVERNORS:
        if _head_is(token, governors):
            return modality, negated
    if imperative(token):
        return Modality.DEMANDED, negated  # "Please do not leave the column."
    if own_aux & {"will", "would", "shall", "'ll"} or _any_lemma(frame, INTENT_GOVERNORS):
        # "had not planned to storm": a disowned intention is no pledge.
        return Modality.INTENDED, negated or _negated_intent(frame)
    if _any_lemma(frame, HYPOTHETICAL_GOVERNORS) or _any_modal(frame):
        return Modality.HYPOTHETICAL, negated
    return Modality.OCCURRED, negated


def imperative(token: Token) -> bool:
    """ "Please do not leave the column", "Leave the city by the southern road": the
    sentence's verb in its bare form with no subject asks the reader to act."""
    if token.dep_ != "ROOT" or token.tag_ != "VB" or token.pos_ != "VERB":
        return False
    children = list(token.children)
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in children):
        return False
    auxes = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    return auxes <= {"do"}


def _negated_intent(frame: list[Token]) -> bool:
    return any(
        t.lemma_.lower() in INTENT_GOVERNORS and any(c.dep_ == "neg" for c in t.children)
        for t in frame
    )


def _frame(token: Token) -> list[Token]:
    """The words that govern a trigger, up to the cue of the statement it sits in."""
    frame: list[Token] = []
    previous = token
    for ancestor in token.ancestors:
        if previous.dep_ == "relcl":
            break  # "..., which Russia annexed in 2014": background, not under the frame
        if _is_statement_cue(ancestor):
            break
        frame.append(ancestor)
        previous = ancestor
    return frame


def _is_statement_cue(token: Token) -> bool:
    return (
        token.lemma_.lower() in CUE_VERBS
        and token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "nsubj" for c in token.children)
    )


def _any_lemma(frame: list[Token], lemmas: frozenset[str]) -> bool:
    return any(
        (t.lemma_.lower() in lemmas and t.pos_ in {"VERB", "ADJ", "AUX", "NOUN"})
        or any(c.dep_ in {"advmod", "aux"} and c.lower_ in lemmas for c in t.children)
        for t in frame
    )


MODALS = frozenset({"will", "would", "may", "might", "could"})


def _any_modal(frame: list[Token]) -> bool:
    return any(has_aux(t, MODALS) for t in frame if t.pos_ in {"VERB", "AUX"})


def _head_is(token: Token, lemmas: frozenset[str]) -> bool:
    head = token.head
    return head.i != token.i and head.pos_ == "VERB" and head.lemma_.lower() in lemmas


def _purpose(token: Token) -> bool:
    """ "to regroup", "in a bid to encircle", "an attempt to continue": aims, not deeds."""
    if not has_aux(token, INFINITIVE_TO):
        return False
    return token.dep_ == "advcl"


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children)


def claimed_modality(modality: Modality, actor: Actor | None, reporter: Actor | None) -> Modality:
    if modality is Modality.OCCURRED and is_self_reported(actor, reporter):
        return Modality.CLAIMED
    return modality


def is_self_reported(actor: Actor | None, reporter: Actor | None) -> bool:
    return bool(actor and reporter and actor.country and actor.country == reporter.country)
