"""Word and clause tests of the lexical truce reader and its guards.

Whether a word names people, a load of goods or fire; whether a clause is told as past,
passive, infinitive, with a modal, a commitment ("agreed", "guaranteed", "permission
for"), a plan ("is expected to", "is due to") or a timetable ("Buses leave at 9:00").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.extract.clause import INFINITIVE_TO, has_aux
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.truce_passage_words import (
    ACHIEVING_WORDS,
    AGREEING_WORDS,
    CLOCK_PREPS,
    COMING_TIME_WORDS,
    COMMITTING_WORDS,
    DISPATCH_VERBS,
    FIRE_WORDS,
    FORWARD_MODALS,
    INCEPTIVE_VERBS,
    MILITARY_WORDS,
    NOMINAL_DEPS,
    NOUN_ONLY_WORDS,
    OPEN_STATES,
    OPENING_WORDS,
    PAST_TIME_WORDS,
    PEOPLE_NOUNS,
    PERMISSION_MODALS,
    PLANNING_WORDS,
    ROAD_WORDS,
    TIME_LABELS,
    TIMETABLE_VERBS,
    UNTENSED_PLANS,
    VEHICLE_NOUNS,
    WAY_NOUNS,
)


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def fire_word(token: Token) -> bool:
    """ "hostilities", "strikes", "fire"; "military action", not "operations" of a firm."""
    if lemma_of(token) in FIRE_WORDS or token.lower_ in FIRE_WORDS:
        return True
    return any(
        c.dep_ in {"amod", "compound"} and lemma_of(c) in MILITARY_WORDS for c in token.children
    )


def names_people(token: Token) -> bool:
    """ "residents", "Residents" (which the tagger may not lemmatise at a sentence's start)."""
    lower = token.lower_
    return lemma_of(token) in PEOPLE_NOUNS or lower in PEOPLE_NOUNS or lower[:-1] in PEOPLE_NOUNS


def cargo(token: Token) -> bool:
    """A load of goods: a common noun with no people or vehicle among its words ("wounded
    fighters and civilians" are people)."""
    words = counted_words(token)
    return token.pos_ == "NOUN" and not any(
        names_people(t) or lemma_of(t) in VEHICLE_NOUNS for t in words
    )


def counted_words(token: Token) -> list[Token]:
    """The word, its fellows and, through "of", what it counts: "a convoy of buses",
    "thousands of civilians", "wounded fighters and civilians"."""
    words = [token, *token.conjuncts]
    words += [c for t in words for c in t.children if c.dep_ in {"compound", "amod"}]
    return (
        words
        + [t for w in words if w.lower_ == "of" for t in w.children]
        + [t for w in words for c in w.children if c.lower_ == "of" for t in c.children]
    )


def progressive(verb: Token) -> bool:
    """ "buses are heading to Mariupol", "is being organised": under way or arranged."""
    if verb.tag_ != "VBG":
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"is", "are", "am", "'s", "'re"}:
        return True
    if not auxes and verb.dep_ in {"acl", "ROOT"} and coming_time(verb.sent):
        # a bulletin drops the auxiliary: "evacuation bus going in today"; "trains leaving
        # today were packed" is a report
        return not any(t.tag_ == "VBD" for t in verb.sent)
    # "said buses were heading to Mariupol": the past of reported speech; "the aircraft
    # was carrying two people" in a narrative is a report
    reported = any(t.lemma_.lower() in CUE_VERBS for t in verb.ancestors)
    return bool(auxes & {"was", "were"}) and reported


def agreed_way_in(sentence: Span) -> bool:
    """ "a route ... was one of four roads agreed with the Russian side", "through the
    agreed corridor": a way out told as agreed, wherever the parse hangs it."""
    ways = [t for t in sentence if lemma_of(t) in WAY_NOUNS | ROAD_WORDS]
    if any(
        c.dep_ in {"acl", "amod"} and lemma_of(c) in AGREEING_WORDS
        for w in ways
        for c in w.children
    ):
        return True
    # "six routes for which a ceasefire was said to have been agreed"
    clauses = [c for w in ways for c in w.children if c.dep_ == "relcl"]
    return any(_agreed_within(c) for c in clauses)


def _agreed_within(clause: Token) -> bool:
    """A relative clause that tells its way agreed, not negated and not asked for."""
    words = list(clause.subtree)
    if any(t.dep_ == "neg" or t.lower_ in {"if", "whether"} for t in words):
        return False
    return any(t.pos_ == "VERB" and lemma_of(t) in AGREEING_WORDS for t in words)


def infinitive(token: Token) -> bool:
    return has_aux(token, INFINITIVE_TO)


def modal(token: Token, permitted_only: bool = False) -> bool:
    auxes = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & (PERMISSION_MODALS if permitted_only else FORWARD_MODALS):
        return True
    if permitted_only:
        return False
    # "buses are to leave on Friday", seen from the verb or from the copula ("a corridor
    # was to open at 10:00")
    if token.dep_ == "xcomp" and "to" in auxes and lemma_of(token.head) == "be":
        return True
    if lemma_of(token) == "be" and any(c.dep_ == "xcomp" and infinitive(c) for c in token.children):
        return True
    # "UN to lead second convoy out of Mariupol": a headline's infinitive tells the future
    subject = any(c.dep_ == "nsubj" for c in token.children)
    return subject and "to" in auxes and token.dep_ in {"ROOT", "ccomp"}


def committing(token: Token) -> bool:
    """ "agreed", "announced", "guaranteed", "set up", "permission for", "an agreement
    had been reached", "routes agreed with the Russian side": in any tense."""
    if lemma_of(token) in COMMITTING_WORDS:
        return True
    if any(
        c.dep_ in {"dobj", "nsubjpass", "acl", "amod"} and lemma_of(c) in COMMITTING_WORDS
        for c in token.children
    ):
        return True
    if lemma_of(token) in OPENING_WORDS and any(
        c.dep_ in {"dobj", "nsubjpass"} and lemma_of(c) in WAY_NOUNS for c in token.children
    ):
        return True  # "said they had opened a corridor": a way out declared open
    return lemma_of(token) == "set" and any(
        c.dep_ == "prt" and c.lower_ == "up" for c in token.children
    )


def planning(token: Token) -> bool:
    """A plan, readiness or operation told as present or to come; "tried to leave" and
    "opened on Monday" are reports."""
    lemma = lemma_of(token)
    if lemma not in PLANNING_WORDS and token.lower_ not in PLANNING_WORDS:
        return False
    if lemma == "expect":
        return passive(token)  # "buses are expected to leave"; "we expect" is a belief
    # "the evacuation was set for today", "is due to": the plan's tense is the saying's
    told_as_plan = lemma in UNTENSED_PLANS and (token.pos_ == "ADJ" or passive(token))
    # "Ukrzaliznytsia has scheduled a train for Thursday": a plan made and standing;
    # "the Red Cross said it planned to escort civilians": the tense of the saying
    standing = lemma in UNTENSED_PLANS and (present_perfect(token) or _said(token))
    return told_as_plan or standing or not past(token)


def passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


def past(token: Token) -> bool:
    """Told as done: a simple past, or a perfect with no modal; "were able to evacuate"
    takes its tense from its copula."""
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        token = token.head
    if token.tag_ == "VBD":
        return True
    auxes = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & FORWARD_MODALS or "being" in auxes or "to" in auxes:
        return False
    return token.tag_ == "VBN" and bool(auxes & {"had", "has", "have", "was", "were"})


def nearest_verb(chain: list[Token]) -> Token | None:
    return next((t for t in chain if t.pos_ in {"VERB", "AUX"} and not misread_noun(t)), None)


def misread_noun(token: Token) -> bool:
    """A noun the tagger took for a verb: a way noun English never uses as a verb, or a
    "verb" hung as a noun ("evacuation trains" as the subject of "run")."""
    if token.pos_ != "VERB":
        return False
    if lemma_of(token) in NOUN_ONLY_WORDS or token.dep_ in NOMINAL_DEPS:
        return True
    # "three additional evacuation trains depart": a verb is counted by no number and
    # named by no noun before it
    return any(c.dep_ in {"nummod", "compound"} and c.i < token.i for c in token.children)


def scheduled(verb: Token) -> bool:
    """ "Buses leave Okhtyrka for Poltava at 9:00": a timetable, a present with its time."""
    if lemma_of(verb) not in TIMETABLE_VERBS or not _present(verb):
        return False  # "the road that leads to the crossing" is a state, not a timetable
    return any(e.label_ in TIME_LABELS for e in verb.sent.ents) or clock_time(verb.sent)


def _present(verb: Token) -> bool:
    """A simple present; a base form with a subject and no auxiliary is one the tagger
    took for the infinitive ("evacuation trains run today")."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    subject = any(c.dep_ == "nsubj" for c in verb.children)
    return verb.tag_ == "VB" and subject and not auxes


def clock_time(sentence: Span) -> bool:
    """ "at 10", "from 9.30": an hour the tagger did not take for a time."""
    for prep in sentence:
        if prep.lower_ not in CLOCK_PREPS:
            continue
        for hour in prep.children:
            digits = hour.text.replace(":", "").replace(".", "")
            if hour.dep_ == "pobj" and digits.isdigit() and len(digits) <= 4:
                return True
    return False


def coming_time(words: Span) -> bool:
    """A time of today or the coming days, and none of the past: a bulletin's "today",
    "at 08:00 tomorrow", "daily at 09:00"."""
    lowered = {t.lower_ for t in words}
    if lowered & PAST_TIME_WORDS:
        return False
    return bool(lowered & COMING_TIME_WORDS) or clock_time(words)


def headline_infinitive(way: Token) -> bool:
    """ "humanitarian corridor from Sumy to open at 09:00", "buses to leave Izium on
    Friday": a headline's infinitive of a timetable tells the way out as to come."""
    return any(
        c.dep_ in {"acl", "advcl", "relcl", "xcomp"}
        and infinitive(c)
        and lemma_of(c) in TIMETABLE_VERBS | OPENING_WORDS
        for c in way.children
    )


def achieved(link: Token) -> bool:
    """ "have managed to agree": an infinitive of what was achieved, so done."""
    return infinitive(link) and lemma_of(link.head) in ACHIEVING_WORDS


def in_force(verb: Token) -> bool:
    """A way out told as in force now, with a time of today or the coming days: "a
    corridor is open today", "the evacuation has begun this morning". Without its time
    the present is a report ("the road is open", "the evacuation has begun")."""
    if not coming_time(verb.sent) or _told_past(verb.sent):
        return False
    if verb.tag_ in {"VBZ", "VBP"} and lemma_of(verb) == "be":
        # "the corridor is open today", "today there is a ceasefire around Sumy"
        states = any(c.dep_ == "acomp" and lemma_of(c) in OPEN_STATES for c in verb.children)
        return states or any(c.dep_ == "expl" for c in verb.children)
    return lemma_of(verb) in INCEPTIVE_VERBS and present_perfect(verb)


def _told_past(sentence: Span) -> bool:
    """A simple past other than the saying's: "buses left at 10:00, the mayor said"."""
    return any(t.tag_ == "VBD" and lemma_of(t) not in CUE_VERBS for t in sentence)


def present_perfect(verb: Token) -> bool:
    """ "has begun", "have been sent": done, with its result still in force."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBN" and bool(auxes & {"has", "have", "'s", "'ve"})


def dispatched(verb: Token) -> bool:
    """Vehicles or teams sent to take people out, told in the present perfect: the taking
    out is still to come ("buses have been sent to Berdiansk to collect people"); "buses
    were sent" is a report."""
    if lemma_of(verb) not in DISPATCH_VERBS or not present_perfect(verb):
        return False
    purposes = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and infinitive(c)]
    return any(
        names_people(t)
        for p in purposes
        for o in p.children
        if o.dep_ == "dobj"
        for t in counted_words(o)
    )


def _said(verb: Token) -> bool:
    """A plan in what someone is said to have said: "said it planned to escort"; "said a
    team had set out" is a move, not a plan."""
    planned = any(c.dep_ == "xcomp" for c in verb.children)
    return planned and verb.dep_ == "ccomp" and lemma_of(verb.head) in CUE_VERBS
