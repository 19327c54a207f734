"""Reading the parse for a truce and for who announces it.

A truce may be named by a noun ("a ceasefire", "a humanitarian corridor"), told as a verb
("would stop firing", "promised to let residents leave"), or as a move of people let out;
it is announced when a verb of announcing, agreeing or opening governs it as what will be,
and not when it is demanded, refused, hoped for or worked towards.
"""

from __future__ import annotations

from spacy.tokens import Token

from saydo.extract.clause import has_aux
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.truce_grammar import (
    agreeing,
    attempt_to_come,
    attempted,
    clause_chain,
    in_force,
    is_agreement,
    is_refused,
    passive,
    slot_of,
    subject_or_agent,
    subject_up,
    teller,
    told_as_future,
    took_effect,
    under_announcement,
    verb_forms,
)
from saydo.extract.truce_moves import (
    according_to,
    agreed_convoy,
    announced_evacuation,
    granted_passage,
)
from saydo.extract.truce_titles import (
    TOWN_WORDS,
)
from saydo.extract.truce_words import (
    AGREED_ROUTE_NOUNS,
    ANNOUNCING_VERBS,
    ATTACKING_VERBS,
    CALL_NOUNS,
    CALM_NOUNS,
    CONDITION_PREPS,
    COUNT_NOUNS,
    DEMAND_VERBS,
    EFFORT_NOUNS,
    EFFORT_OBJECTS,
    EFFORT_VERBS,
    EVACUATION_NOUNS,
    FIRE_NOUNS,
    FIRING_VERBS,
    HALTING_VERBS,
    HOPE_VERBS,
    JUDGING_ADJECTIVES,
    LEAVING_WORDS,
    MOVING_OUT_WORDS,
    NEVER_VERBS,
    OBLIGING_MODALS,
    OPENING_VERBS,
    ORDERING_VERBS,
    PEOPLE_WORDS,
    PERMISSION_WORDS,
    PERMIT_MODALS,
    PERMIT_VERBS,
    PLANNING_VERBS,
    PROMISE_NOUNS,
    PROMISING_VERBS,
    QUALIFIED_NOUNS,
    TAKING_WORDS,
    TRADE_WORDS,
    TRUCE_NOUNS,
    TRUCE_PREPS,
)


def names_a_truce(token: Token) -> bool:
    lower = token.lower_
    if token.pos_ == "VERB" and (_halts_firing(token) or _lets_people_out(token)):
        return True
    if token.pos_ == "VERB" and (_promises_no_attack(token) or announced_move(token)):
        return True
    if lower in CALM_NOUNS and _there_will_be(token):
        return True
    if token.pos_ == "NOUN" and (agreed_convoy(token) or granted_passage(token) is not None):
        return True
    if token.pos_ not in {"NOUN", "PROPN"} and not (lower in NEVER_VERBS and token.pos_ == "VERB"):
        return False
    if lower in QUALIFIED_NOUNS:
        # "an evacuation operation for civilians": the operation's words qualify it.
        phrase = slot_of(token)
        words = {t.lower_ for t in phrase.subtree if t.i != token.i} | {phrase.head.lower_}
        qualified = bool(words & QUALIFIED_NOUNS[lower]) or _agreed_route(token)
        return qualified or _evacuation_of_a_town(token)
    if lower in FIRE_NOUNS:
        return token.dep_ == "dobj" and token.head.lemma_.lower() in HALTING_VERBS
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in TRADE_WORDS for c in token.children):
        return False
    return lower in TRUCE_NOUNS


def _evacuation_of_a_town(noun: Token) -> bool:
    """ "the evacuation of Irpin", "evacuations from Sievierodonetsk": a town emptied under
    a truce, not troops or equipment moved."""
    if noun.lower_ not in {"evacuation", "evacuations"}:
        return False
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"} or t.lemma_.lower() in TOWN_WORDS
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}
        for t in prep.children
        if t.dep_ == "pobj"
    )


def _agreed_route(noun: Token) -> bool:
    """ "a route for private cars had been agreed with the Russian side": a route two
    sides agree is a corridor, whoever it is for."""
    if noun.lower_ not in AGREED_ROUTE_NOUNS:
        return False
    verb = governing_verb(noun)
    return verb is not None and any(agreeing(v) for v in clause_chain(verb))


def _there_will_be(noun: Token) -> bool:
    """ "There will be silence from 9 a.m.": calm announced as what there will be."""
    verb = noun.head
    existential = any(c.dep_ == "expl" for c in verb.children)
    told = noun.dep_ in {"attr", "nsubj", "acomp"}  # "there will be quiet": an adjective
    # "there are no corridors", "because there is silence", "places where there are
    # corridors": denied, or a reason or a description, not a statement of its own.
    denied = any(c.dep_ == "neg" for c in verb.children) or any(
        c.lower_ == "no" for c in noun.children
    )
    own = verb.dep_ in {"ROOT", "ccomp", "conj"} and not any(
        c.dep_ == "mark" for c in verb.children
    )
    # "there is a corridor from Sumy" lists one open; "there is silence" only describes.
    will = has_aux(verb, PERMIT_MODALS)
    timed = will or noun.lower_ not in CALM_NOUNS
    return (
        told
        and verb.lemma_ == "be"
        and existential
        and own
        and not denied
        and timed
        and told_as_future(verb)
    )


def _promises_no_attack(verb: Token) -> bool:
    """ "promised not to fire on the road", "said it would not fire on the route during
    the evacuation": a truce told as a promised restraint on a way out."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    if verb.lemma_.lower() not in ATTACKING_VERBS or not negated:
        return False
    # "promised not to fire", "troops have been ordered not to fire on the road"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PROMISING_VERBS | ORDERING_VERBS:
        return True
    modal = has_aux(verb, {"will", "would", "shall", "'ll"})
    said = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in CUE_VERBS
    # "Ukrainian forces will not shell the road ..., the army said"
    said = said or any(
        c.dep_ in {"parataxis", "ccomp"} and c.lemma_.lower() in CUE_VERBS and c.i > verb.i
        for c in verb.children
    )
    ways_out = {"route", "road", "corridor", "evacuation", "convoy", "column", "bus"}
    return modal and said and any(t.lemma_.lower() in ways_out for t in verb.subtree)


def announced_move(verb: Token) -> Token | None:
    """The announcing verb above people let, able or sent to get out: "officials
    announced that civilians would be able to leave", "evacuation buses will run from
    Lysychansk on Sunday, the governor said"."""
    return _permitted_move(verb) or announced_evacuation(verb)


def _permitted_move(verb: Token) -> Token | None:
    """ "agreed that buses could pick up residents", "said civilians would be able to
    leave": a move permitted or promised, told with its modal."""
    if verb.lemma_.lower() not in MOVING_OUT_WORDS:
        return None
    words = {t.lemma_.lower() for t in verb.subtree} | {t.lemma_.lower() for t in _carriers(verb)}
    if not words & (PEOPLE_WORDS | {"bus", "car", "convoy", "train", "vehicle"}):
        return None
    clause, permitted = verb, False
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
        permitted = permitted or clause.lemma_.lower() in PERMISSION_WORDS
    modal = has_aux(clause, PERMIT_MODALS)
    announcing = clause.head
    if not modal or clause.dep_ != "ccomp" or announcing.i == clause.i:
        return None
    promised = announcing.lemma_.lower() in PROMISING_VERBS | {"announce", "confirm", "declare"}
    said = announcing.lemma_.lower() in CUE_VERBS
    return announcing if promised or (said and permitted) else None


def _carriers(verb: Token) -> list[Token]:
    """The subject of the clause a moving verb completes: "civilians would be able to"."""
    clause = verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    return [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _halts_firing(verb: Token) -> bool:
    """ "would stop firing on Mariupol": a truce told as a verb."""
    halted = verb.head.lemma_.lower() in HALTING_VERBS and verb.head.i != verb.i
    return verb.lower_ in FIRING_VERBS and verb.dep_ in {"xcomp", "dobj"} and halted


def _lets_people_out(verb: Token) -> bool:
    """ "promised to let residents leave Nova Kakhovka": a corridor told as a promise to
    let civilians go, no noun of a truce in it."""
    if verb.lemma_.lower() not in PERMIT_VERBS or verb.dep_ != "xcomp":
        return False
    if verb.head.lemma_.lower() not in PROMISING_VERBS:
        return False
    words = {t.lemma_.lower() for t in verb.subtree}
    return bool(words & PEOPLE_WORDS) and bool(words & (LEAVING_WORDS | TAKING_WORDS))


def announcer(noun: Token) -> tuple[bool, Token | None]:
    """Whether the truce is announced, and who the sentence says announces it: "X
    announced a ceasefire", "X's promise of safe passage", "X agreed to open a corridor",
    or, when the truce is the subject ("a corridor will open", "corridors had been
    agreed"), whoever says so; (True, None) when the sentence names no one."""
    announcing = announced_move(noun) if noun.pos_ == "VERB" else granted_passage(noun)
    if announcing is not None:
        if demanded(announcing) or is_refused(announcing) or _unreal(announcing, noun):
            return False, None
        if according_to(announcing):
            return True, None  # the attribution of "according to X" tells who
        return True, subject_or_agent(announcing) or teller(announcing)
    verb = governing_verb(noun)
    if verb is None:
        # "Russia's corridors" are announced by Russia; "our corridors" are only named.
        poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return bool(poss), (poss[0] if poss else None)
    if noun.pos_ == "VERB" and _promises_no_attack(noun):
        # "Ukrainian forces will not shell the road, the army said": the restraint's own
        # negation is the pledge, and its subject, when it names a side, is bound by it.
        refused = verb.i != noun.i and is_refused(verb)
        if refused or demanded(verb) or _unreal(verb, noun):
            return False, None
        own = next((c for c in noun.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        return True, own or subject_up(verb, noun) or teller(verb)
    if not _announces(verb, noun) or demanded(verb) or is_refused(verb) or _unreal(verb, noun):
        return False, None
    if _conditions_a_move(noun):
        # The trains or buses that move announce nothing: whoever says they will does.
        return True, teller(verb)
    return True, subject_up(verb, slot_of(noun)) or teller(verb)


def _conditions_a_move(noun: Token) -> bool:
    """ "evacuation trains would leave Lysychansk under a local ceasefire": the truce is
    the condition of a move announced as what will (or may) happen."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in CONDITION_PREPS or head.head.pos_ != "VERB":
        return False
    move = head.head
    modal = has_aux(move, PERMIT_MODALS)
    return modal or under_announcement(move)


def governing_verb(noun: Token) -> Token | None:
    """The verb the truce is announced with, through a preposition or a promise noun."""
    if _there_will_be(noun):
        return noun.head  # "there will be quiet": the adjective hangs off "be"
    if noun.pos_ == "VERB" and _promises_no_attack(noun) and noun.dep_ in {"ccomp", "ROOT"}:
        # "said it would not fire on the route": said so; "forces will not shell the road,
        # the army said": the restraint is its own clause
        return noun.head if noun.dep_ == "ccomp" else noun
    slot = slot_of(noun)
    if slot.i != noun.i:
        return governing_verb(slot)
    announced = _announced_after(noun) or _listed_among(noun)
    if announced is not None:
        return announced
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in TRUCE_PREPS and is_agreement(head.head):
        # "the parties reached an agreement on corridors", "an agreement had been reached
        # for a quiet period"
        agreement = head.head
        if agreement.dep_ in {"dobj", "nsubjpass"} and agreement.head.pos_ == "VERB":
            return agreement.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in COUNT_NOUNS:
        return governing_verb(head.head)  # "a number of corridors have been agreed"
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj", "attr", "oprd", "xcomp"} and head.pos_ in {
        "VERB",
        "AUX",
    }:
        # "a corridor ... was among six routes agreed": the parser may hang the subject on
        # the passive's auxiliary; the verb it serves is the one that tells the truce.
        return head.head if head.dep_ in {"aux", "auxpass"} else head
    if noun.dep_ == "pobj" and head.lower_ in TRUCE_PREPS and head.head.pos_ == "VERB":
        return head.head
    if _promised_for(noun):
        return head.head.head  # "obtained guarantees from both parties for safe passage"
    if _conditions_a_move(noun):
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PROMISE_NOUNS:
        promise = head.head
        if any(c.dep_ == "poss" for c in promise.children):
            return None  # the owner of the promise announces it
        if promise.dep_ in {"dobj", "nsubjpass", "pobj"} and promise.head.pos_ == "VERB":
            return promise.head
    if noun.dep_ in {"conj", "appos"} and noun.head.lower_ in TRUCE_NOUNS:
        return governing_verb(noun.head)
    return None


def _promised_for(noun: Token) -> bool:
    """ "guarantees ... for safe passage", told as the object of a verb."""
    head = noun.head
    promise = head.head
    if noun.dep_ != "pobj" or head.lower_ not in TRUCE_PREPS:
        return False
    promised = promise.lemma_.lower() in PROMISE_NOUNS and promise.dep_ in {"dobj", "nsubjpass"}
    return promised and promise.head.pos_ == "VERB"


def _announced_after(noun: Token) -> Token | None:
    """ "the ceasefire regime announced by the Russian side": a participle names who."""
    for child in noun.children:
        participle = child.dep_ == "acl" and child.tag_ == "VBN"
        announcing = child.lemma_.lower() in ANNOUNCING_VERBS
        if participle and announcing and any(c.dep_ == "agent" for c in child.children):
            return child
    return None


def _listed_among(noun: Token) -> Token | None:
    """ "a corridor from Enerhodar was among six routes agreed with the Russian side", "was
    one of four roads agreed": the truce is one of the routes agreed; the participle that
    agrees them."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be":
        return None
    kinds = [c for c in be.children if c.dep_ == "attr"]
    kinds += [
        p for c in be.children if c.dep_ == "prep" and c.lower_ == "among" for p in c.children
    ]
    kinds += [p for k in kinds for c in k.children if c.lower_ == "of" for p in c.children]
    for kind in kinds:
        for participle in kind.children:
            if participle.dep_ == "acl" and agreeing(participle):
                return participle
    return None


def _governors(verb: Token) -> list[Token]:
    """The verb and those above it; a participle after its truce ("the ceasefire
    announced by Russia") answers to no verb of the sentence it sits in."""
    if verb.dep_ == "acl" and names_a_truce(verb.head):
        return [verb]
    return [verb, *verb.ancestors]


def _unreal(verb: Token, noun: Token) -> bool:
    """A truce hoped for, judged needed or hard, or worked towards: no announcement."""
    chain = _governors(verb)
    if any(t.lemma_.lower() in EFFORT_VERBS and t.pos_ == "VERB" for t in chain[1:]):
        return True
    if has_aux(verb, OBLIGING_MODALS):
        return True  # "he must commit to a ceasefire": asked of him, not promised
    for clause in chain:
        lemma = clause.lemma_.lower()
        hoping = bool(verb_forms(clause) & HOPE_VERBS)
        if hoping and clause.pos_ == "VERB" and not passive(clause):
            return True  # "we hope"; "a corridor is expected to open" tells a plan
        for child in clause.children:
            if child.dep_ == "acomp" and child.lemma_.lower() in JUDGING_ADJECTIVES:
                return True
            if child.dep_ == "dobj" and child.lower_ in EFFORT_OBJECTS and lemma in {"do", "make"}:
                return True
            if child.dep_ == "dobj" and child.lemma_.lower() in CALL_NOUNS and clause.i != verb.i:
                return True  # "she reiterated her call on the OSCE to ensure corridors"
            hoped = child.dep_ in {"ccomp", "parataxis"} and bool(verb_forms(child) & HOPE_VERBS)
            # "buses are expected to leave": a plan told in the passive, not a hope
            hoped = hoped and not any(c.dep_ == "auxpass" for c in child.children)
            if hoped and child.i < noun.i:
                return True  # "We hope that ..., the ceasefire will be observed"
    if noun.pos_ == "VERB":
        # "another attempt would be made to evacuate women": an evacuation told as a
        # scheduled attempt is announced; the move's own reading judged it to come.
        return False
    return any(
        t.pos_ == "NOUN" and t.lemma_.lower() in EFFORT_NOUNS and not attempt_to_come(t)
        for t in noun.ancestors
    )


def _planned_opening(verb: Token) -> bool:
    """ "a corridor is expected to open", "is scheduled to start": the truce's opening
    told as planned."""
    planned = verb.lemma_.lower() in PLANNING_VERBS and passive(verb)
    return planned and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in OPENING_VERBS for c in verb.children
    )


def _announces(verb: Token, noun: Token) -> bool:
    lemma = verb.lemma_.lower()
    noun = slot_of(noun)
    if _conditions_a_move(noun) or _there_will_be(noun):
        return True
    if noun.pos_ == "VERB" and _promises_no_attack(noun):
        return True
    if _listed_among(noun) is not None:
        return True
    if noun.dep_ == "nsubj" and not passive(verb):
        # "a corridor will open", "declared a truce starting at 9": announced only as what
        # will be, or under a verb that announces it.
        opening = lemma in OPENING_VERBS or in_force(verb)
        return (opening and (told_as_future(verb) or under_announcement(verb))) or took_effect(verb)
    if noun.dep_ == "nsubjpass" and (attempted(verb) or _planned_opening(verb)):
        return True
    if lemma in HALTING_VERBS and noun.lower_ in EVACUATION_NOUNS:
        return False  # "authorities halted evacuations": halting a way out ends it
    return lemma in ANNOUNCING_VERBS or _aim_of_attempt(verb)


def _aim_of_attempt(verb: Token) -> bool:
    """ "its team would make another attempt on Monday to reach Mariupol and facilitate
    the safe passage of civilians": what a scheduled attempt is to do is announced."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "acl" and attempt_to_come(clause.head)


def demanded(verb: Token) -> bool:
    chain = _governors(verb)
    if attempted(verb) and any(c.dep_ == "nsubjpass" for c in verb.children):
        chain = chain[1:]  # "a corridor would be attempted": planned, not sought
    return any(verb_forms(t) & DEMAND_VERBS for t in chain if t.pos_ == "VERB")
