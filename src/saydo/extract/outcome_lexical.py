"""The sentence-level reading of what became of a truce's day, by word classes.

A report of a corridor's day says one of a few things, in phrasing no list of
constructions foresees: people or vehicles got out ("1,526 people left Mariupol and
reached Zaporizhzhia", "hundreds of cars crossed at Vasylivka"); they did not ("not one
civilian came out", "no buses could get in"); something stopped them ("the crossing was
suspended", "the convoy was turned back"); or the truce came under fire ("shelling
continued along the corridors"). This module reads those by word classes grouped by
meaning, clause by clause, with general guards: a plan, hope, demand, instruction,
condition or question is no deed, and a negation turns getting out into failure.

The parse is used only to find where a clause ends and whom a verb moves; the words
decide. A sentence that speaks of neither a truce's day nor people or vehicles moving
tells nothing of one.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from saydo.extract.outcome_grammar import teller_of
from saydo.extract.outcome_lexicon import (
    BACK_WORDS,
    CARRYING_WORDS,
    CEASEFIRE_WORDS,
    CLAUSE_ENDS,
    CLAUSE_MARKS,
    CONDITION_WORDS,
    DENIED_THINGS,
    DENYING_WORDS,
    ENDING_VERBS,
    EVACUATING,
    EXIT_VERBS,
    FIGHTING_VERBS,
    MANAGING_WORDS,
    MOVER_WORDS,
    NEGATION_WORDS,
    OBSERVING_VERBS,
    ONGOING_VERBS,
    OPERATION_STOPS,
    OUT_PARTICLES,
    OUT_VERBS,
    PARTICLE_REACH,
    PASSAGE_MOVERS,
    PASSING_VERBS,
    PAST_BE,
    PERFORMING_VERBS,
    PLACE_NOUNS,
    RECEIVING_VERBS,
    REFUSING_MODALS,
    SAILING,
    SENT_IN,
    STALLING,
    STAYING_VERBS,
    STOP_VERBS,
    THROUGH_PARTICLES,
    UNREAL_WORDS,
    WENT_PARTICLES,
    WENT_VERBS,
)
from saydo.extract.outcome_words import (
    AGAINST_TRUCE_WORDS,
    CARRIER_WORDS,
    COUNTING_WORDS,
    EMPTY_WORDS,
    FAILURE_STATES,
    FIRE_VERBS,
    FORCING_GOVERNORS,
    HOSTILITY_NOUNS,
    MILITARY_USES,
    MODALS,
    OBSTRUCTING_VERBS,
    PEOPLE_WORDS,
    PHRASAL_FAILURES,
    RETURNING_VERBS,
    ROUTE_WORDS,
    STUCK_VERBS,
    TRUCE_WORDS,
    TURNED_BACK_WORDS,
    UNDER_FIRE_NOUNS,
    VEHICLE_WORDS,
    Outcome,
    Reading,
)

# Every word a clause's reading turns on, each reading below asking for one of them
# first ("under" by its form): the guards are not read for any other token.
READING_WORDS = (
    FAILURE_STATES | set(PHRASAL_FAILURES) | {"hold", "turn", "send"} | DENYING_WORDS
) | (STUCK_VERBS | STOP_VERBS)  # _stops
READING_WORDS |= PASSING_VERBS | OUT_VERBS | EXIT_VERBS | RECEIVING_VERBS  # getting out
READING_WORDS |= RETURNING_VERBS | {"return", "go", "turn", "drive"} | STAYING_VERBS
READING_WORDS |= OBSERVING_VERBS | WENT_VERBS  # the truce itself
READING_WORDS |= FIRE_VERBS | {"open"} | FIGHTING_VERBS | ONGOING_VERBS | {"use"}  # hostilities


def lexical_readings(sent: Span) -> list[Reading]:
    """What the sentence tells of a truce's day, one reading of each outcome per teller:
    KEPT for getting out told as done, BLOCKED for a stop or a negated way out, FIRED
    for hostilities told as done in a sentence that names the truce."""
    if sent.text.rstrip().endswith("?"):
        return []
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    truce = bool(words & (TRUCE_WORDS | EVACUATING))
    movers = MOVER_WORDS | (PASSAGE_MOVERS | SAILING if truce else frozenset())
    if not truce and not _has_movers(list(sent), movers | SENT_IN):
        return []  # of neither a truce nor people, vehicles or aid teams moving
    # One reading of each outcome per teller: "Ukraine said Russian forces kept attacking,
    # while Moscow said Ukrainian troops used the pause to regroup" tells two charges.
    found: dict[tuple[Outcome, int], Token] = {}
    carried = False
    for clause in _clauses(sent):
        # A clause with no mover of its own shares the one before: "civilians from
        # Mariupol, Manhush and Tokmak reached Zaporizhzhia", "left Mariupol and reached".
        carried = _has_movers(clause, movers) or (carried and _shares_subject(clause))
        for outcome, token in _clause_readings(clause, truce, carried):
            found.setdefault((outcome, teller_of(token)), token)
            if outcome is Outcome.KEPT and _only_some(clause, token):
                # "only 300 of the 2,000 registered got out": a monitor records both
                found.setdefault((Outcome.BLOCKED, teller_of(token)), token)
    return [Reading(outcome, token) for (outcome, _), token in found.items()]


def _shares_subject(clause: list[Token]) -> bool:
    """Does the clause go on with the subject before it: no noun of its own before its
    first verb, or only names of places ("..., Tokmak and Vasylivka reached")?"""
    for token in clause:
        if token.pos_ in {"VERB", "AUX"}:
            return True
        if token.pos_ in {"NOUN", "PRON"} or (
            token.pos_ == "PROPN" and token.ent_type_ not in {"GPE", "LOC", "FAC"}
        ):
            return False
    return True


def _has_movers(clause: list[Token], movers: frozenset[str]) -> bool:
    """People or their vehicles named: "1,526 people", "hundreds of cars", "no one";
    not the means by which goods go ("trucks of grain moved out by train")."""
    for token in clause:
        named = token.lemma_.lower() in movers or token.lower_ in movers
        means = token.i > 0 and token.doc[token.i - 1].lower_ == "by"
        if named and not means:
            return True
        if token.lower_ == "one" and token.i > 0 and token.doc[token.i - 1].lower_ == "no":
            return True
        if _counted_movers(token):
            return True
    return False


def _counted_movers(token: Token) -> bool:
    """ "Thousands fled Irpin", "some 300 got out": a count with no noun after it counts
    people ("300 tonnes of grain" counts the tonnes)."""
    if not (token.like_num or token.lemma_.lower() in COUNTING_WORDS):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ in {"VERB", "AUX"}


def _clauses(sent: Span) -> Iterator[list[Token]]:
    """The sentence cut at punctuation and at the words that start a clause of its own
    ("but", "while", "after"); "and" cuts only before a verb ("left Mariupol and reached
    Zaporizhzhia"), not between nouns ("women and children")."""
    clause: list[Token] = []
    for token in sent:
        lower = token.lower_
        ends = lower in CLAUSE_ENDS
        marks = lower in CLAUSE_MARKS and token.dep_ in {"cc", "mark", "prep"} and _verb_next(token)
        if (ends or marks) and clause:
            yield clause
            clause = []
        if not ends:
            clause.append(token)
    if clause:
        yield clause


def _verb_next(token: Token) -> bool:
    doc = token.doc
    following = doc[token.i + 1 : min(len(doc), token.i + 3)]
    return any(t.pos_ in {"VERB", "AUX"} for t in following) or token.lower_ != "and"


def _clause_readings(
    clause: list[Token], truce: bool, movers: bool
) -> Iterator[tuple[Outcome, Token]]:
    for at, token in enumerate(clause):
        if token.lemma_.lower() not in READING_WORDS and token.lower_ != "under":
            continue
        before = clause[:at]
        if _unreal(before, token):
            continue
        negated = _negated(before, token)
        if _stops(token, clause) and not negated and _of_the_day(token, clause, movers):
            yield Outcome.BLOCKED, token
        elif (
            _gets_through(token, clause)
            and (movers or _sent_in(clause))
            and (negated or _failed(before))
        ):
            yield Outcome.BLOCKED, token  # "the buses did not get into Mariupol"
        elif _exits(token, clause) and movers and token.dep_ != "relcl":
            # "people who had made their own way out": who, not what the day did
            if negated or _failed(before) or _particle_after(token, clause, EMPTY_WORDS):
                yield Outcome.BLOCKED, token
            elif not _goes_back(token, clause):
                yield Outcome.KEPT, token
        elif _returns(token, clause) and (movers or _sent_in(clause)):
            # "the buses returned empty", "had to turn back", "came back carrying 200"
            carried = _particle_after(token, clause, CARRYING_WORDS) and movers
            empty = _particle_after(token, clause, EMPTY_WORDS)
            if empty or _forced(token) or negated:
                yield Outcome.BLOCKED, token
            elif carried:
                yield Outcome.KEPT, token
        elif _stayed(token, clause) and not negated:
            yield Outcome.BLOCKED, token  # "the buses remained in Zaporizhzhia"
        elif _truce_observed(token, before):
            # "the ceasefire was observed", "the truce was not respected"
            partial = any(w.lower_ == "only" for w in clause)
            if negated:
                yield Outcome.FIRED, token
            elif not partial:
                yield Outcome.KEPT, token
        elif _truce_went(token, before, clause):
            # "the corridor did not work", "no evacuation took place", "the truce held"
            failed = negated or _failed(before) or _particle_after(token, clause, STALLING)
            yield (Outcome.BLOCKED if failed else Outcome.KEPT), token
        elif (truce or _names_route(clause)) and _hostile(token, clause) and not negated:
            yield Outcome.FIRED, token
        elif truce and _abused(token, clause) and not negated:
            yield Outcome.FIRED, token  # "used the pause to regroup"
        elif truce and _used(token, clause) and (negated or movers):
            # "no one used the corridor", "2,000 people used the route"
            yield (Outcome.BLOCKED if negated else Outcome.KEPT), token


def _returns(token: Token, clause: list[Token]) -> bool:
    """ "returned", "came back", "went back", "turned back": a way back, which is no way
    out unless it brings people."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or not (_done(token) or _forced(token)):
        return False
    back = _particle_after(token, clause, BACK_WORDS - {"home"})
    return lemma == "return" or (lemma in RETURNING_VERBS | {"go", "turn", "drive"} and back)


def _sent_in(clause: list[Token]) -> bool:
    """Those sent in for the people: a team, a mission, a crew, volunteers."""
    return any(t.lemma_.lower() in SENT_IN for t in clause)


def _stayed(token: Token, clause: list[Token]) -> bool:
    """ "the buses remained in Zaporizhzhia", "the team stayed in Dnipro": those sent
    for the people never set out. People who stay are no failure of a day."""
    if token.lemma_.lower() not in STAYING_VERBS or not _done(token):
        return False
    before = [t for t in clause if t.i < token.i]
    return any(t.lemma_.lower() in VEHICLE_WORDS | SENT_IN for t in before)


def _names_route(clause: list[Token]) -> bool:
    """ "mined the road out of Tokmak": a way out named by its road or bridge."""
    return any(t.lemma_.lower() in ROUTE_WORDS for t in clause)


def _used(token: Token, clause: list[Token]) -> bool:
    """ "used the corridor": the truce taken up by those it was for."""
    # "did not use the corridor" tells of the past as "had not used" does
    if token.lemma_.lower() != "use" or not (_done(token) or _inability(token)):
        return False
    return any(t.lemma_.lower() in TRUCE_WORDS for t in clause if t.i > token.i)


def _truce_observed(token: Token, before: list[Token]) -> bool:
    """The truce told as observed or not, the truce named before the verb: "the ceasefire
    was largely observed", "Russia said its forces had respected the silence regime" (the
    truce after the verb, of the one who observed it)."""
    if token.lemma_.lower() not in OBSERVING_VERBS:
        return False
    if not (_done(token) or _inability(token)):
        return False  # "did not honour the agreement" is told as done
    after = list(token.doc[token.i + 1 : token.i + 4])
    return any(t.lemma_.lower() in CEASEFIRE_WORDS for t in [*before, *after])


def _truce_went(token: Token, before: list[Token], clause: list[Token]) -> bool:
    """The truce itself told as going ahead or not: a verb of going, working or taking
    place whose clause names the truce before it ("the safe passage operation did not go
    ahead", "the corridor worked")."""
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"} or lemma not in WENT_VERBS:
        return False
    if any(c.dep_ == "auxpass" for c in token.children):
        return False  # "was held", "was opened": done to it, read as a stop or not at all
    if not (_done(token) or _inability(token)):
        return False
    if lemma in WENT_PARTICLES and not _particle_after(token, clause, WENT_PARTICLES[lemma]):
        return False  # "took" alone, "went" alone: only "took place", "went ahead"
    return any(t.lemma_.lower() in TRUCE_WORDS for t in before)


def _of_the_day(stop: Token, clause: list[Token], movers: bool) -> bool:
    """The stop befalls the truce, its convoy or its people, not the hostilities or
    anything else: "the crossing was suspended", "blocked the buses", "stopped 200
    residents", not "the shelling stopped", "flights were cancelled", "it is impossible
    to say"; and it is told as a deed, not as an attribute ("the blocked vessels")."""
    lemma = stop.lemma_.lower()
    if stop.dep_ == "amod":
        return False
    lemmas = {t.lemma_.lower() for t in clause if t.i != stop.i}
    if lemma in ENDING_VERBS and lemmas & HOSTILITY_NOUNS:
        return False
    if lemma in OPERATION_STOPS or lemma in FAILURE_STATES:
        # "made it impossible to leave": a way out that could not be taken
        after = [t for t in clause if t.i > stop.i]
        day = lemmas & (TRUCE_WORDS | EVACUATING)
        return bool(day) or (movers and any(_exits(t, clause) for t in after))
    if lemmas & (TRUCE_WORDS | VEHICLE_WORDS | CARRIER_WORDS | EVACUATING | SENT_IN):
        return True
    passive = any(c.dep_ == "auxpass" for c in stop.children)
    if movers and passive and _shares_subject(clause):
        return True  # "60 buses set off but were stopped at a checkpoint"
    # "soldiers stopped 200 residents": those held named after the verb
    held = {t.lemma_.lower() for t in clause if t.i > stop.i}
    return lemma in OBSTRUCTING_VERBS and bool(held & PEOPLE_WORDS)


def _done(token: Token) -> bool:
    """A verb told as done: past, a past participle ("were evacuated"), or going on in
    the past ("people were streaming out")."""
    return token.tag_ in {"VBD", "VBN"} or _progressive(token)


def _progressive(token: Token) -> bool:
    return token.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in PAST_BE for c in token.children
    )


def _stops(token: Token, clause: list[Token]) -> bool:
    """ "was suspended", "blocked the buses", "fell through", "made it impossible"."""
    lemma = token.lemma_.lower()
    if lemma in FAILURE_STATES:
        return True
    if not (_done(token) or _forced(token)):
        return False
    particles = PHRASAL_FAILURES.get(lemma)
    if particles is not None and any(t.lower_ in particles for t in clause if t.i > token.i):
        return True
    if lemma == "hold" and _holds_convoy(token):
        return True  # "troops held the column at the checkpoint for two days"
    if lemma == "hold" and any(c.dep_ == "auxpass" for c in token.children):
        # "the column was held at a checkpoint", not "crews are being held"
        return any(c.lower_ in PAST_BE for c in token.children)
    if lemma in {"turn", "send"} and _particle_after(token, clause, BACK_WORDS | {"away"}):
        return True  # "the convoy was turned back"
    if lemma in DENYING_WORDS:
        # "denied passage to the convoy", not "denied that troops were storming"
        following = token.doc[token.i + 1 : token.i + 4]
        return any(t.lemma_.lower() in DENIED_THINGS for t in following)
    if lemma in STUCK_VERBS:
        # "hundreds of cars were stuck at the checkpoint": vehicles only
        return any(t.lemma_.lower() in VEHICLE_WORDS for t in clause if t.i < token.i)
    return lemma in STOP_VERBS and lemma not in PHRASAL_FAILURES


def _holds_convoy(token: Token) -> bool:
    """ "held the column", "held the buses": a convoy or team kept where it was, told as
    done; not "held talks", "held the town"."""
    return token.tag_ == "VBD" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TURNED_BACK_WORDS for c in token.children
    )


def _forced(token: Token) -> bool:
    """ "was forced to turn back", "had to turn around": a base form made to happen."""
    return token.tag_ == "VB" and any(
        t.lemma_.lower() in FORCING_GOVERNORS and _done(t)
        for t in token.doc[max(0, token.i - 3) : token.i]
    )


def _exits(token: Token, clause: list[Token]) -> bool:
    """ "left", "crossed", "were brought out", "made it out": getting out, told as done or
    as failed ("could not leave")."""
    lemma = token.lemma_.lower()
    let_go = lemma in EXIT_VERBS and _let_go(token)
    told = _done(token) or _inability(token) or _managed(token) or let_go
    if (token.pos_ not in {"VERB", "AUX"} and not let_go) or not told:
        return False
    if lemma in EXIT_VERBS and _contacted(token):
        return False
    if lemma in EXIT_VERBS:
        return _placed(token) or _aboard(token, clause)
    if lemma in RECEIVING_VERBS and token.tag_ == "VBN":
        # "had been received in Bezimenne": told as past, not a standing state
        return any(c.dep_ == "auxpass" and c.lower_ in PAST_BE for c in token.children)
    if lemma in PERFORMING_VERBS and _next_word(token) in OUT_PARTICLES:
        return False  # "carried out three missions": performed, not people carried
    if lemma in OUT_VERBS and _particle_after(token, clause, OUT_PARTICLES):
        return True
    # "were taken to Mykolaiv", "moved to safety": carried to a place
    return lemma in OUT_VERBS - {"lead", "make"} and _to_a_place(token, clause)


def _let_go(token: Token) -> bool:
    """ "did not let a single civilian leave": a way out after a verb of letting, which
    the tagger may take for a noun ("civilian leave")."""
    doc = token.doc
    return any(
        t.lemma_.lower() in LETTING_VERBS and t.pos_ == "VERB" and _let_as_done(t)
        for t in doc[max(token.sent.start, token.i - LET_REACH) : token.i]
    )


def _let_as_done(verb: Token) -> bool:
    """ "let", "allowed", "did not let": the letting told, not meant ("to let them go")."""
    did = any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in verb.children)
    return verb.tag_ in {"VBD", "VBN"} or did


def _contacted(token: Token) -> bool:
    """ "Residents reached by phone said ...": a passive "reached" tells of someone got
    hold of, not of people arriving, which is told in the active ("buses reached Kyiv")."""
    if token.lemma_.lower() not in CONTACT_VERBS or token.tag_ != "VBN":
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)
    return not perfect and (token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children))


def _aboard(token: Token, clause: list[Token]) -> bool:
    """ "the train departed with 400 passengers on board", "the buses left carrying
    families": a vehicle leaving with people in it is people getting out, though no
    place is named."""
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() not in VEHICLE_WORDS | CARRIER_WORDS:
        return False
    after = [t for t in clause if t.i > token.i]
    carrying = any(t.lower_ in CARRYING_WORDS for t in after)
    return carrying and any(t.lemma_.lower() in PEOPLE_WORDS for t in after)


def _to_a_place(token: Token, clause: list[Token]) -> bool:
    after = [t for t in clause if token.i < t.i <= token.i + PARTICLE_REACH]
    for at, word in enumerate(after):
        if word.lower_ not in {"to", "into", "towards"}:
            continue
        return any(
            t.ent_type_ in {"GPE", "LOC", "FAC"} or t.lemma_.lower() in PLACE_NOUNS
            for t in after[at + 1 : at + 4]
        )
    return False


def _next_word(token: Token) -> str:
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""


def _placed(token: Token) -> bool:
    """Getting out is from or to somewhere: a place, a town, safety, or the truce's
    route in the sentence ("the number of people ... reached 70 percent" is none)."""
    sent = token.sent
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"}
        or t.lemma_.lower() in PLACE_NOUNS | TRUCE_WORDS | ROUTE_WORDS
        for t in sent
    )


def _managed(token: Token) -> bool:
    """ "managed to leave", "were able to get out": a base form told as done."""
    return token.tag_ == "VB" and any(
        t.lemma_.lower() in MANAGING_WORDS and _told_past(t)
        for t in token.doc[max(0, token.i - 3) : token.i]
    )


def _told_past(word: Token) -> bool:
    """ "managed", "were allowed", "were able": not "to allow", "will be able"."""
    if word.tag_ in {"VBD", "VBN"}:
        return True
    previous = word.doc[word.i - 1] if word.i > 0 else None
    return previous is not None and previous.lower_ in PAST_BE | {"had"}


def _gets_through(token: Token, clause: list[Token]) -> bool:
    """ "get into", "pass", "enter": getting to the people, which only tells the day when
    it failed ("the buses did not get into Mariupol")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or not (_done(token) or _inability(token) or _managed(token)):
        return False
    return lemma in PASSING_VERBS or (
        lemma in OUT_VERBS and _particle_after(token, clause, THROUGH_PARTICLES)
    )


def _inability(token: Token) -> bool:
    """ "could not get out", "did not get in", "were unable to leave": a base form told
    as failed."""
    return token.tag_ == "VB" and any(
        t.lemma_.lower() in FAILURE_STATES | {"fail", "refuse", "do"}
        or t.lower_ in {"could", "can"}
        for t in token.doc[max(0, token.i - 4) : token.i]
    )


def _hostile(token: Token, clause: list[Token]) -> bool:
    """ "shelled the route", "shelling continued", "kept shelling": hostilities told as
    done or as going on."""
    lemma = token.lemma_.lower()
    if lemma in FIRE_VERBS and _done(token) and token.pos_ == "VERB":
        return True
    if lemma == "open" and _done(token) and any(t.lower_ == "fire" for t in clause):
        return True  # "opened fire on the convoy", "fire was opened on the column"
    if lemma in FIGHTING_VERBS and (_done(token) or _progressive(token)):
        # "were fighting inside Polohy despite the promised ceasefire"
        return any(t.lower_ in AGAINST_TRUCE_WORDS for t in clause if t.i > token.i)
    if token.lower_ == "under" and token.i + 1 < len(token.doc):
        # "came under mortar fire", "under heavy shelling"
        following = token.doc[token.i + 1 : token.i + 4]
        return any(t.lemma_.lower() in UNDER_FIRE_NOUNS for t in following)
    if lemma in ONGOING_VERBS and _done(token):
        return any(
            t.lemma_.lower() in HOSTILITY_NOUNS | FIRE_VERBS or t.lower_ in HOSTILITY_NOUNS
            for t in clause
            if t.i != token.i
        )
    return False


def _abused(token: Token, clause: list[Token]) -> bool:
    """ "used the pause to regroup": the truce used for war is broken by its use."""
    # "did not use the corridor" tells of the past as "had not used" does
    if token.lemma_.lower() != "use" or not (_done(token) or _inability(token)):
        return False
    after = {t.lemma_.lower() for t in clause if t.i > token.i}
    return bool(after & TRUCE_WORDS) and bool(after & MILITARY_USES)


def _only_some(clause: list[Token], token: Token) -> bool:
    """ "Only 80 of the 1,500 residents left": a few of those meant to."""
    before = [t.lower_ for t in clause if t.i < token.i]
    return "only" in before and "of" in before[before.index("only") :]


def _particle_after(token: Token, clause: list[Token], particles: frozenset[str]) -> bool:
    """A word of ``particles`` just after the verb: "turned back", "left the town empty"."""
    for t in clause:
        if not token.i < t.i <= token.i + PARTICLE_REACH:
            continue
        if t.lower_ in particles and not _before_a_count(t):
            return True
        if t.pos_ in {"VERB", "AUX"}:
            return False  # "buses sent to Tokmak came back": another verb's particle
    return False


# Verbs of letting people go, and how far before the way out they stand: "did not let
# a single civilian leave".
LETTING_VERBS = frozenset({"let", "allow", "permit"})
LET_REACH = 5
# Verbs of arriving that in the passive tell of someone got hold of: "reached by phone".
CONTACT_VERBS = frozenset({"reach"})


def _before_a_count(word: Token) -> bool:
    """ "left in around 4,000 cars": a word that rounds the count after it, no particle."""
    doc = word.doc
    return word.i + 1 < len(doc) and doc[word.i + 1].like_num


def _goes_back(token: Token, clause: list[Token]) -> bool:
    """ "were told to go home", "went back": not a way out."""
    return _particle_after(token, clause, BACK_WORDS)


def _unreal(before: list[Token], token: Token) -> bool:
    """A plan, hope, demand, instruction, condition or forecast before the verb in its
    clause: "will leave", "plan to cross", "were told to go home", "if buses reach"."""
    negated = any(w.lower_ in NEGATION_WORDS for w in before)
    for word in before:
        lemma, lower = word.lemma_.lower(), word.lower_
        if word.pos_ == "NOUN" or word.dep_ == "amod":
            # "the attempt to evacuate failed", "the promised departure did not
            # materialise": what failed, not a plan governing the verb
            continue
        if lemma in UNREAL_WORDS or lower in CONDITION_WORDS:
            return True
        refused = lower in REFUSING_MODALS and (negated or _negated_modal(word))
        if lower in MODALS and not refused:
            return True
    return False


def _negated_modal(modal: Token) -> bool:
    """ "could not", "would not", "cannot": an inability or refusal, a deed of failure."""
    doc = modal.doc
    following = doc[modal.i + 1] if modal.i + 1 < len(doc) else None
    return modal.lower_ in {"cannot", "couldn't"} or (
        following is not None and following.lower_ in {"not", "n't"}
    )


def _negated(before: list[Token], token: Token) -> bool:
    """A negation or denial in the clause before the verb: "did not leave", "no buses
    reached", "not a single civilian came out", "denied that troops were storming"."""
    denied = any(w.lemma_.lower() in DENYING_WORDS for w in before)
    return (
        denied
        or any(w.lower_ in NEGATION_WORDS for w in before)
        or any(c.dep_ == "neg" for c in token.children)
    )


def _failed(before: list[Token]) -> bool:
    """ "failed to reach", "were unable to leave", "refused to let"."""
    return any(w.lemma_.lower() in FAILURE_STATES | {"fail", "refuse"} for w in before)


def moves_out(verb: Token) -> bool:
    """Is the place a reading's verb is bound for not the truce's place? It is not for
    people got out or stopped ("nobody was taken to Dnipro"), it is for those getting in
    ("did not get into Polohy", "never reached Mariupol")."""
    if verb.lemma_.lower() in PASSING_VERBS - EXIT_VERBS:
        return False
    return not _particle_after(verb, list(verb.sent), THROUGH_PARTICLES)
