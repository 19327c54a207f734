"""Small readings of a clause that the truce readers share.

Tense and voice ("will open", "is expected to", "had been agreed"), the chain of verbs a
clause takes its subject from ("agreed to open"), who says it ("..., the governor said"),
and the phrase a verb takes in a truce's stead ("the work of three corridors").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.extract.clause import INFINITIVE_TO, has_aux
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.truce_words import (
    AGREEING_VERBS,
    AGREEMENT_NOUNS,
    ANNOUNCING_VERBS,
    ATTEMPT_NOUNS,
    CONTROL_DEPS,
    EFFECT_VERBS,
    EVACUATION_VEHICLES,
    GOING_ON_PHRASES,
    NOMINAL_ACTS,
    PERMIT_MODALS,
    TRUCE_NOUNS,
)


def agreeing(verb: Token) -> bool:
    """ "agreed", "coordinated", "reached an agreement": settled between two sides."""
    lemma = verb.lemma_.lower()
    # "reached an agreement", "an agreement had been reached"
    settled = any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in AGREEMENT_NOUNS
        for c in verb.children
    )
    return lemma in AGREEING_VERBS or settled


def is_agreement(token: Token) -> bool:
    return token.lemma_.lower() in AGREEMENT_NOUNS


def slot_of(noun: Token) -> Token:
    """The phrase the verb takes in the truce's stead: "the work of three corridors"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in NOMINAL_ACTS:
        return slot_of(head.head)
    if noun.dep_ == "compound" and head.lemma_.lower() in NOMINAL_ACTS:
        return slot_of(head)  # "a safe passage operation would begin on Saturday"
    if noun.dep_ == "compound" and head.lower_ in EVACUATION_VEHICLES:
        return head  # "announced a free evacuation train for Thursday"
    return noun


def attempt_to_come(effort: Token) -> bool:
    """ "another attempt to open a corridor will be made on Thursday", "its team would make
    a fresh attempt": an attempt scheduled, which announces the truce it is for, unlike
    "efforts to agree a corridor", which only work towards one."""
    if effort.lemma_.lower() not in ATTEMPT_NOUNS or effort.dep_ not in {"nsubjpass", "dobj"}:
        return False
    making = effort.head
    modal = has_aux(making, PERMIT_MODALS)
    return making.lemma_.lower() == "make" and modal


def passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def took_effect(verb: Token) -> bool:
    """ "a ceasefire took effect at 9 a.m.", "came into force", "a safe passage operation
    is under way": a truce told as begun or going on is one announced, whenever it is
    told."""
    if under_way(verb) or _operation_begun(verb):
        return True
    if verb.lemma_.lower() not in EFFECT_VERBS:
        return False
    return any(t.lower_ in {"effect", "force"} for t in verb.subtree if t.i > verb.i)


def _operation_begun(verb: Token) -> bool:
    """ "a safe-passage operation for civilians has begun", "the evacuation from Azovstal
    had begun": an operation told as begun is under way, as "is under way" tells it."""
    if verb.lemma_.lower() not in {"begin", "start", "commence"}:
        return False
    perfect = verb.tag_ == "VBN" and bool(
        {c.lower_ for c in verb.children if c.dep_ == "aux"} & {"has", "have", "had"}
    )
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    lemmas = {s.lemma_.lower() for s in subjects}
    if lemmas & {"operation", "passage"} and (perfect or verb.tag_ == "VBD"):
        return True  # "a safe-passage operation has begun", "... began on Saturday"
    if not perfect:
        return False
    # "The evacuation from Azovstal has begun. The UN and the ICRC are escorting the
    # convoy": an evacuation with go-betweens is one the sides agreed to let through; a
    # side's own ("the evacuation of Lysychansk has begun, the governor said") is a report
    return "evacuation" in lemmas and _brokered_nearby(verb.sent)


def _brokered_nearby(sentence: Span) -> bool:
    """A go-between named in the sentence or in the words just after it."""
    doc = sentence.doc
    words = doc[sentence.start : min(len(doc), sentence.end + BROKER_REACH_TOKENS)]
    for token in words:
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        if token.lower_ in GO_BETWEEN_WORDS or (before, token.lower_) in GO_BETWEEN_PAIRS:
            return True
    return False


# How far after an evacuation told as begun its go-betweens may be named.
BROKER_REACH_TOKENS = 60


# Words of go-betweens and of what they do: the UN, the Red Cross, coordination, escort.
GO_BETWEEN_WORDS = frozenset(
    {"un", "icrc", "unhcr", "ocha", "coordinated", "coordination", "brokered", "agreement"}
    | {"escorting", "escorted", "escort"}
)
GO_BETWEEN_PAIRS = frozenset({("red", "cross"), ("united", "nations")})


def under_way(verb: Token) -> bool:
    """ "is under way", "is in progress": told as going on now."""
    if verb.lemma_.lower() not in {"be", "get"} or any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep" and (c.lower_, p.lower_) in GOING_ON_PHRASES
        for c in verb.children
        for p in c.children
        if p.dep_ == "pobj"
    )


def on_the_way(verb: Token) -> bool:
    """ "its team is on its way to Mariupol", "said buses were on their way": vehicles or a
    team going now, in the present or in what someone says; "the convoy was on its way
    when it came under fire" is a narrative."""
    if verb.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in verb.children):
        return False
    going = any(
        c.dep_ == "prep" and c.lower_ == "on" and p.lower_ == "way"
        for c in verb.children
        for p in c.children
        if p.dep_ == "pobj"
    )
    # in what someone said, with what it goes for: "said its team was on its way to lead
    # the operation"; "said people were on their way west" tells how the day went
    said = any(a.lemma_.lower() in CUE_VERBS for a in verb.ancestors)
    purpose = any(c.dep_ in {"advcl", "xcomp"} and has_aux(c, INFINITIVE_TO) for c in verb.children)
    return going and (verb.tag_ in {"VBZ", "VBP"} or (said and purpose))


def attempted(verb: Token) -> bool:
    """ "a corridor would be attempted again on Wednesday": a truce planned as an attempt,
    not an effort to get one agreed."""
    modal = has_aux(verb, PERMIT_MODALS)
    return verb.lemma_.lower() in {"try", "attempt"} and modal


def is_refused(verb: Token) -> bool:
    """ "is not opening corridors", "did not cease fire": a truce refused, not announced."""
    return any(c.dep_ == "neg" for t in clause_chain(verb) for c in t.children)


def clause_chain(verb: Token) -> list[Token]:
    """The verb and those it takes its subject from: "agreed to open", "declared ...
    starting", "did not allow any corridor to be organised"."""
    chain = [verb]
    while chain[-1].head.i != chain[-1].i and (
        chain[-1].dep_ in CONTROL_DEPS or under_announcement(chain[-1])
    ):
        chain.append(chain[-1].head)
    return chain


def verb_forms(verb: Token) -> set[str]:
    """The verb's lemma and the stems its inflected forms may have: the tagger lemmatises
    "hoped" and "hopes" as "hop", which would let a hope pass for an announcement."""
    forms = {verb.lemma_.lower()}
    lower = verb.lower_
    if verb.tag_ in {"VBD", "VBN"} and lower.endswith("ed"):
        forms |= {lower[:-1], lower[:-2]}
    if verb.tag_ == "VBZ" and lower.endswith("es"):
        forms.add(lower[:-1])  # "hopes", lemmatised as "hop" too
    return forms


def in_force(verb: Token) -> bool:
    """ "would be in force", "will be in effect", "will be open": a truce's start announced."""
    if verb.lemma_.lower() != "be":
        return False
    opened = any(c.dep_ == "acomp" and c.lower_ == "open" for c in verb.children)
    # "is under way", "is in progress": a truce's start told as begun
    going = any(t.lower_ in {"way", "underway", "progress"} for t in verb.subtree)
    return opened or going or any(t.lower_ in {"force", "effect", "place"} for t in verb.subtree)


def under_announcement(verb: Token) -> bool:
    return verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in ANNOUNCING_VERBS


def told_as_future(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    # "corridors are opening in the Kyiv region": the present of a timetable.
    scheduled = verb.tag_ == "VBG" and bool(auxes & {"is", "are", "am"})
    future = bool(auxes & {"will", "would", "shall", "'ll", "to"})
    return future or scheduled or verb.tag_ in {"VBZ", "VBP"}


def subject_up(verb: Token, noun: Token) -> Token | None:
    """The subject of the verb, or of the verbs it depends on ("agreed to open")."""
    for current in clause_chain(verb):
        subject = subject_or_agent(current)
        if subject is not None and subject.i != noun.i:
            return subject
    return None


def subject_or_agent(verb: Token) -> Token | None:
    """The verb's subject, or its passive's agent. A bulletin's header read as a second
    subject ("Mariupol city council: the Russian side has agreed") is not it: of two
    subjects, the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in TRUCE_NOUNS]
    if subjects:
        return nearest_subject(verb, subjects)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def nearest_subject(verb: Token, subjects: list[Token]) -> Token:
    """Of a verb's subjects, the last one before it (else the first)."""
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def teller(verb: Token) -> Token | None:
    """Who says the clause: "a corridor will open on Saturday, Vereshchuk said"."""
    for ancestor in [verb, *verb.ancestors]:
        if ancestor.lemma_.lower() in CUE_VERBS and ancestor.i != verb.i:
            return next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
    # "..., Vereshchuk said": the cue hangs off the clause's root.
    for child in verb.children:
        if child.dep_ in {"parataxis", "ccomp"} and child.lemma_.lower() in CUE_VERBS:
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    return _next_speaker(verb)


def _next_speaker(verb: Token) -> Token | None:
    """ "A corridor will open on Wednesday. Buses will set off in the morning, Vereshchuk
    said.": an unattributed sentence is told by whoever the next one says speaks, when
    that one goes on with the same news (its own clause, no speaker of its own before)."""
    sent = verb.sent
    if any(t.lemma_.lower() in CUE_VERBS and t.pos_ == "VERB" for t in sent):
        return None  # the sentence has its own cue, even if not over this clause
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    following = doc[sent.end].sent
    root = following.root
    cued = root.lemma_.lower() in CUE_VERBS and any(
        c.dep_ in {"ccomp", "parataxis"} and c.i < root.i for c in root.children
    )
    return next((c for c in root.children if c.dep_ == "nsubj"), None) if cued else None
