"""Local truces told as the evacuation they are for, with no noun of a truce in them.

"Evacuation buses will run from Lysychansk towards Bakhmut on Sunday, the governor said",
"buses would be sent to Polohy to evacuate residents", "another attempt would be made on
Saturday to evacuate women and children", "Russian forces had agreed to let a convoy of
buses into the town": each announces a corridor's day as the move of people or vehicles
out of (or into) a town, told as what will happen, is scheduled, or was agreed, under a
verb of saying. The move is read by classes of words, not phrasings: what moves (people,
vehicles), how (going, being taken, being let through), and how it is told as to come.

What counts as a pledge: an evacuation a party announces it will run or is running
("Ukrainian Railways will run extra evacuation trains", "an evacuation operation is under
way in coordination with both sides") commits that party, or the sides it is run with, to
let people leave: a pledge. This reader's own grammar leaves aside an exhortation ("the
governor urged residents to evacuate") and a third party's readiness ("Turkey is ready to
carry the wounded out by sea"); the lexical reader of :mod:`truce_passage`, used first,
reads both as announcements, as the truce table's rows do (see its docstring).
"""

from __future__ import annotations

from spacy.tokens import Token

from saydo.extract.clause import INFINITIVE_TO, has_aux

# Verbs whose object is the people taken out: "to bring civilians out", "evacuate women".
TAKING_VERBS = frozenset(
    {"take", "bring", "get", "evacuate", "carry", "transport", "collect", "pick", "rescue"}
    | {"ferry", "bus", "move", "remove", "extract", "lead", "pull"}
)
# Verbs whose subject goes: "buses will run from Lysychansk", "cars would leave the city".
GOING_VERBS = frozenset(
    {"leave", "go", "run", "travel", "reach", "depart", "head", "set", "come", "arrive"}
    | {"drive", "cross", "flee", "exit", "pass", "proceed", "enter", "return", "gather"}
    | {"board"}
)
# Verbs by which the side holding the road lets them through: "will be let through".
LETTING_VERBS = frozenset({"let", "allow", "permit"})
# Verbs that bring a convoy through: "the Red Cross would escort a convoy out of Mariupol".
ESCORTING_VERBS = frozenset({"escort", "lead", "guide", "accompany"})
# Verbs by which an operator puts on vehicles: "will run extra evacuation trains".
OPERATING_VERBS = frozenset(
    {"run", "operate", "provide", "organise", "organize", "lay", "add", "put"}
)
# Vehicles sent for people: "buses would be sent to Polohy".
SENDING_VERBS = frozenset({"send", "dispatch", "deploy"})
PEOPLE_WORDS = frozenset(
    {"civilian", "resident", "people", "person", "family", "inhabitant", "evacuee", "child"}
    | {"woman", "elderly", "wounded", "patient", "refugee", "citizen", "local", "student"}
    | {"passenger", "orphan", "baby", "mother"}
)
VEHICLE_WORDS = frozenset(
    {"bus", "convoy", "column", "train", "car", "vehicle", "minibus", "coach", "ambulance"}
)
# Counting heads whose "of" names what moves: "a convoy of 12 buses", "a group of people".
COUNTING_WORDS = frozenset({"number", "group", "thousand", "hundred", "dozen", "convoy"})
# Nouns of an effort that is the evacuation: "another attempt would be made to evacuate".
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "effort", "operation", "mission"})
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "understanding"})
# Nouns of a promise whose clause tells the move: "guarantees that buses will pass".
PROMISE_NOUNS = frozenset({"guarantee", "assurance", "promise", "pledge", "commitment"})
# Verbs by which the move is settled or promised rather than forecast: "agreed to let".
AGREEING_VERBS = frozenset(
    {"agree", "promise", "pledge", "guarantee", "undertake", "consent", "approve"}
)
# Verbs that schedule a move: "the attempt was set for Sunday", "is planned for 10 a.m.".
SCHEDULING_VERBS = frozenset({"set", "schedule", "plan", "arrange", "slate", "fix"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "can", "could", "may"})
# Words above a move that tell it as planned or expected: "buses are expected to leave",
# "are due to leave", "will try to reach", "Kyiv plans to evacuate".
PLANNED_WORDS = frozenset(
    {"expect", "due", "set", "schedule", "plan", "intend", "prepare", "try", "attempt", "aim"}
)
# Nouns of leave given for a move: "have given permission for a column to continue".
PERMISSION_NOUNS = frozenset({"permission", "consent", "approval", "go-ahead", "clearance"})
GRANTING_VERBS = frozenset({"give", "grant", "issue"})
# A move permitted may be told as going on: "for the column to continue to Zaporizhzhia".
ONWARD_VERBS = frozenset({"continue", "move", "proceed", "pass", "evacuate"})
# Verbs of saying that announce what follows; belief verbs ("expect", "fear") do not.
ANNOUNCING_CUES = frozenset(
    {"say", "announce", "tell", "write", "confirm", "declare", "add", "state", "report"}
    | {"promise", "pledge", "vow", "post", "tweet", "disclose", "reveal", "note", "inform"}
    | {"explain", "stress", "reiterate", "repeat", "assure"}
)


def announced_evacuation(verb: Token) -> Token | None:
    """The verb whose subject announces the move ``verb`` tells (the official who said
    so, or the side that agreed to it), when ``verb`` is an evacuation told as to come."""
    if verb.pos_ != "VERB" or not _moves_people(verb):
        return None
    head, agreed = _clause_head(verb)
    if head is None or _negated(verb, head):
        return None
    if not (agreed or _to_come(head) or _planned(verb, head)):
        return None
    if agreed and _own_subject(head) is not None and head.lemma_.lower() in AGREEING_VERBS:
        return head  # "Russian forces had agreed to let a convoy in": they announce it
    told = _announcing_cue(head) or _guarantor(head)
    if told is None and head.i == verb.i and _runs_vehicles(verb) and _own_subject(verb):
        return verb  # "Ukrainian Railways will run evacuation trains": the operator's own word
    return told or (head if agreed or according_to(head) else None)


def according_to(head: Token) -> bool:
    """ "According to Ukrainian officials, civilians will be able to leave": told on
    someone's word, with no verb of saying."""
    return any(c.dep_ == "prep" and c.lower_ == "according" for c in head.children)


def evacuation_to_come(verb: Token) -> bool:
    """A move of people out told as to come, whoever tells it: "civilians from Kharkiv
    will be taken to Belgorod"."""
    if verb.pos_ != "VERB" or not _moves_people(verb):
        return False
    head, agreed = _clause_head(verb)
    if head is None or _negated(verb, head):
        return False
    return agreed or _to_come(head) or _planned(verb, head)


def granted_passage(noun: Token) -> Token | None:
    """ "Russian forces have given permission for a large column of residents to continue
    to Zaporizhzhia": leave given for people or vehicles to move is a corridor granted by
    whoever gives it; the verb that gives it."""
    if noun.lemma_.lower() not in PERMISSION_NOUNS or noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    giving = noun.head
    if giving.lemma_.lower() not in GRANTING_VERBS or _negated(giving, giving):
        return None
    moving = any(
        t.pos_ == "VERB" and t.lemma_.lower() in GOING_VERBS | TAKING_VERBS | ONWARD_VERBS
        for t in noun.subtree
    )
    carried = any(_people(t) or _vehicle(t) for t in noun.subtree)
    return giving if moving and carried else None


def agreed_convoy(noun: Token) -> bool:
    """ "A convoy of buses from Tokmak to Zaporizhzhia has been agreed for Monday": the
    vehicles of an evacuation agreed on stand for the corridor they will use."""
    if not _vehicle(noun) or noun.dep_ not in {"nsubjpass", "nsubj", "dobj"}:
        return False
    verb = noun.head.head if noun.head.dep_ in {"aux", "auxpass"} else noun.head
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    told = noun.dep_ == "dobj" or passive
    agreed = verb.pos_ == "VERB" and verb.lemma_.lower() in AGREEING_VERBS | {"coordinate"}
    return told and agreed and not _negated(verb, verb)


def _guarantor(head: Token) -> Token | None:
    """ "Moscow has given guarantees that buses will be able to pass": the verb whose
    subject gave the promise the move is told in."""
    promise = head.head
    if head.dep_ not in {"acl", "ccomp"} or promise.lemma_.lower() not in PROMISE_NOUNS:
        return None
    giving = promise.head
    held = promise.dep_ in {"dobj", "nsubjpass"} and giving.pos_ == "VERB"
    return giving if held and _own_subject(giving) is not None else None


def _moves_people(verb: Token) -> bool:
    """ "bring civilians out", "evacuation buses will run", "cars will be let through"."""
    lemma = verb.lemma_.lower()
    taken = _objects(verb) + _passive_subjects(verb)  # "civilians will be evacuated"
    if lemma in TAKING_VERBS and any(_people(t) for t in taken):
        return True
    if lemma in GOING_VERBS and any(_people(t) or _vehicle(t) for t in _carriers(verb)):
        return True
    let = _objects(verb) + _passive_subjects(verb)
    if lemma in LETTING_VERBS and any(_people(t) or _vehicle(t) for t in let):
        return True
    if lemma in ESCORTING_VERBS and any(_vehicle(t) or _people(t) for t in _objects(verb)):
        return True
    if _runs_vehicles(verb):
        return True
    return lemma in SENDING_VERBS and any(_vehicle(t) for t in let)


def _runs_vehicles(verb: Token) -> bool:
    """ "will run extra evacuation trains", "is laying on buses": an operator's vehicles
    for an evacuation, its own commitment to take people out."""
    if verb.lemma_.lower() not in OPERATING_VERBS:
        return False
    return any(_vehicle(t) and _for_evacuation(t) for t in _objects(verb))


def _for_evacuation(vehicle: Token) -> bool:
    """ "evacuation trains", "buses for civilians", "trains from Kramatorsk": vehicles
    told as an evacuation's, not any traffic."""
    words = {t.lemma_.lower() for t in vehicle.subtree}
    return bool(words & ({"evacuation", "evacuate", "from", "out"} | PEOPLE_WORDS))


def _clause_head(verb: Token) -> tuple[Token | None, bool]:
    """The verb that tells the move as to come, climbing "try to", "agreed to", "sent
    ... to evacuate", "an attempt ... to bring out"; and whether a verb or noun of
    agreement was passed on the way ("an agreement had been reached ... to evacuate")."""
    current, agreed = verb, False
    for _ in range(6):
        agreed = agreed or _agreeing(current)
        head = current.head
        if head.i == current.i:
            return current, agreed
        if current.dep_ in {"xcomp", "conj"} or (current.dep_ == "advcl" and _purpose(current)):
            current = head
        elif current.dep_ == "ccomp" and head.lemma_.lower() in LETTING_VERBS:
            current = head  # "promised to let cars leave": the cars' leaving is let
        elif current.dep_ == "acomp":
            current = head  # "buses are due to leave", "will be able to pass"
        elif current.dep_ == "acl" and head.lemma_.lower() in ATTEMPT_NOUNS | AGREEMENT_NOUNS:
            agreed = agreed or head.lemma_.lower() in AGREEMENT_NOUNS
            if head.dep_ not in {"nsubj", "nsubjpass", "dobj"} or head.head.pos_ not in {
                "VERB",
                "AUX",
            }:
                return None, agreed
            current = head.head
        else:
            return current, agreed
    return current, agreed


def _planned(verb: Token, head: Token) -> bool:
    """ "buses are expected to leave", "are due to leave", "Kyiv plans to evacuate": a
    word of planning between the move and the clause that tells it."""
    current = verb
    while current.i != head.i and current.head.i != current.i:
        current = current.head
        if current.lemma_.lower() in PLANNED_WORDS:
            return True
    return False


def _agreeing(verb: Token) -> bool:
    """ "agreed to", "an agreement had been reached (to)"."""
    if verb.lemma_.lower() in AGREEING_VERBS and verb.pos_ == "VERB":
        return True
    return any(
        c.dep_ in {"nsubjpass", "dobj"} and c.lemma_.lower() in AGREEMENT_NOUNS
        for c in verb.children
    )


def _purpose(clause: Token) -> bool:
    """ "sent to Polohy to evacuate residents": an infinitive of purpose."""
    return clause.tag_ == "VB" and has_aux(clause, INFINITIVE_TO)


def _to_come(head: Token) -> bool:
    """Told as to come: "will run", "would be made", "was set for Sunday", "is under way"."""
    auxes = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & FUTURE_MODALS:
        return True
    if head.lemma_.lower() == "be" and any(
        c.dep_ == "xcomp" and has_aux(c, INFINITIVE_TO) for c in head.children
    ):
        return True  # "buses are to leave Zaporizhzhia on Friday"
    passive = any(c.dep_ == "auxpass" for c in head.children)
    if passive and head.lemma_.lower() in SCHEDULING_VERBS:
        return True
    if head.tag_ == "VBG" and head.lemma_.lower() in OPERATING_VERBS | {"prepare"}:
        return any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)  # "is organising"
    return head.lemma_.lower() == "be" and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(p.lower_ == "way" for p in c.children)
        for c in head.children
    )


def _announcing_cue(head: Token) -> Token | None:
    """The verb of saying over the clause: "X said (that) ...", "..., X said"."""
    parent = head.head
    if head.dep_ in {"ccomp", "parataxis"} and parent.lemma_.lower() in ANNOUNCING_CUES:
        return parent
    for child in head.children:
        if child.dep_ in {"parataxis", "ccomp"} and child.lemma_.lower() in ANNOUNCING_CUES:
            return child if child.i > head.i else None
    return None


def _negated(verb: Token, head: Token) -> bool:
    """ "buses will not run", "refused to let": no move is announced."""
    current = verb
    while True:
        if any(c.dep_ == "neg" for c in current.children):
            return True
        if current.i == head.i or current.head.i == current.i:
            return False
        current = current.head


def _objects(verb: Token) -> list[Token]:
    return [_counted(c) for c in verb.children if c.dep_ == "dobj"]


def _passive_subjects(verb: Token) -> list[Token]:
    return [_counted(c) for c in verb.children if c.dep_ == "nsubjpass"]


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _carriers(verb: Token) -> list[Token]:
    """Who goes: the subject of the verb or of the verbs it completes ("buses would try
    to reach Rubizhne"), or the one let go ("a column of cars would be allowed to leave")."""
    clause = verb
    while True:
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or clause.dep_ not in {"xcomp", "conj", "acomp"} or clause.head.i == clause.i:
            return [_counted(s) for s in subjects]
        clause = clause.head


def _counted(head: Token) -> Token:
    """ "a convoy of 12 buses", "thousands of civilians": what is counted."""
    if head.lemma_.lower() not in COUNTING_WORDS and not head.like_num:
        return head
    inner = [t for c in head.children if c.lower_ == "of" for t in c.children if t.dep_ == "pobj"]
    return inner[0] if inner and (_people(inner[0]) or _vehicle(inner[0])) else head


def _people(token: Token) -> bool:
    return token.lemma_.lower() in PEOPLE_WORDS or token.lower_ in PEOPLE_WORDS


def _vehicle(token: Token) -> bool:
    return token.lemma_.lower() in VEHICLE_WORDS
