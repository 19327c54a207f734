"""What became of a local truce, as the next days report it.

A truce is settled by what the reports say of its day: "4,300 people were evacuated from
Sumy", "the convoy of buses reached Zaporizhzhia" keep it; "the evacuation was thwarted",
"Russian troops did not let the buses through", "the corridor did not work" (COERCE)
and "fire was opened on the humanitarian convoy", "the occupiers violated the
ceasefire" (ASSAULT) break it. The event extractor codes some of these sentences and not
others; this module reads them as outcomes and gives an event only where the sentence has
none that the link table would read the same way.

Outcomes are read by four semantic classes, each a small table below, not by phrasings:

(a) movement out: people or vehicles leave, flee, are taken or bused out of a town
    (KEPT when affirmed and done; BLOCKED when negated: "no cars could get through");
(b) completion or failure of the truce itself: "the evacuation went ahead / fell through";
(c) obstruction of its people or vehicles: "blocked", "turned back", "denied passage";
(d) hostilities against its route, convoy or town: "shelled", "mined the road".

Polarity comes from negation and modality: a plan, hope or forecast is no outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, ActorKind, Event, Modality, Place, PloverType, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import cameo_code, quad_class
from saydo.extract.mentions import FIRST_PERSON, Salience, resolve_head
from saydo.extract.places import places_in
from saydo.extract.statements import Attribution
from saydo.extract.times import clause_time, tense_of
from saydo.link import DEEDS, told_as_failed


class Outcome(StrEnum):
    KEPT = "kept"  # people got out
    BLOCKED = "blocked"  # the evacuation was stopped or did not happen
    FIRED = "fired"  # the truce or its convoy came under fire


# Words that say a sentence is about a truce's day: its corridor, convoy or evacuees.
TRUCE_WORDS = frozenset(
    {
        "corridor",
        "ceasefire",
        "cease-fire",
        "truce",
        "silence",
        "route",
        "passage",
        "evacuation",
        "convoy",
        "column",
        "bus",
        "evacuee",
        "pause",
        # "the promised exit did not materialise"
        "exit",
        "departure",
        # "the Red Cross team abandoned the trip": the journey into the town is its day
        "trip",
        "journey",
        "mission",
    }
)
# Nouns of an effort that is the evacuation itself when an infinitive of getting people
# out completes them: "the second attempt to get civilians out of Mariupol collapsed".
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "effort", "operation", "try"})
# The ways out a truce opens: hostilities or obstruction on them are read as its day.
ROUTE_WORDS = frozenset({"road", "bridge", "checkpoint", "highway", "railway", "crossing"})
# Who or what gets out: the subjects of "reached", "left", "arrived".
TRAVELLER_WORDS = frozenset(
    {"convoy", "column", "bus", "car", "evacuee", "people", "resident", "civilian", "person"}
    | {"group", "train", "vehicle", "minibus", "coach", "family", "passenger"}
)
# (d) Hostilities: armed acts against the route, convoy or town, and truce-breaking.
FIRE_VERBS = frozenset(
    {"fire", "shell", "shoot", "attack", "strike", "bomb", "target", "violate", "breach", "break"}
    | {"hit", "pound", "mine", "bombard", "ambush", "storm", "rocket", "slam", "raid", "blast"}
)
# Hostilities that hit a named town with no word of a truce: "rockets slammed into a
# district of Mykolaiv". Fewer verbs than above: "break", "violate" need their truce.
TOWN_HOSTILITY_VERBS = frozenset(
    {"shell", "bomb", "bombard", "pound", "slam", "strike", "hit", "rocket", "mine", "blast"}
    | {"storm", "assault", "attack"}
)
# (b) failure of the truce and (c) obstruction of its people: told as done, BLOCKED.
BLOCK_VERBS = frozenset(
    {
        "abort",
        "scrap",
        "stall",
        "founder",
        "falter",
        "deny",
        "bar",
        "detain",
        "intercept",
        "block",
        "disrupt",
        "thwart",
        "prevent",
        "halt",
        "stop",
        "sabotage",
        "derail",
        "obstruct",
        "hinder",
        "frustrate",
        "cancel",
        "postpone",
        "suspend",
        "fail",
        "collapse",
        "seize",
        "capture",
        "abandon",
        # "all evacuation routes were closed"
        "close",
    }
)
# Failures told by a phrasal verb: "fell through", "broke down", "was called off".
PHRASAL_FAILURES = {
    "fall": frozenset({"through", "apart"}),
    "break": frozenset({"down"}),
    "call": frozenset({"off"}),
    "peter": frozenset({"out"}),
    "grind": frozenset({"halt"}),
}
# Obstruction of people or vehicles, read without a word of the truce: "a second group
# was stopped and turned back".
OBSTRUCTING_VERBS = frozenset(
    {"block", "stop", "halt", "detain", "intercept", "bar", "seize", "capture", "deny"}
)
# Vehicles held where they stand: "hundreds of cars were stuck at the checkpoint". Only
# vehicles: people "stranded" in a besieged town tell no corridor's day.
STUCK_VERBS = frozenset({"stick", "strand"})
# Verbs by which a convoy is made to go back: "turned back", "sent back all cars".
SENDING_BACK_VERBS = frozenset({"turn", "send", "push", "force", "order"})
# Going back the way one came is no getting out: "forced to go back", "had to return".
RETURN_WORDS = frozenset({"back", "around"})
# Governors by which a return is imposed, not chosen: "forced to turn back", "had to".
FORCING_GOVERNORS = frozenset({"force", "have", "oblige", "compel", "make"})
# Hostilities told as starting again: "fighting flared again", "the shelling resumed".
HOSTILITY_NOUNS = frozenset(
    {"fighting", "shelling", "fire", "firing", "clash", "bombardment", "battle", "hostility"}
    | {"artillery", "attack", "strike", "bombing", "shell", "fight", "bomb"}
)
# Verbs of saying whose clauses are told apart: each teller's charge is its own reading.
TELLING_VERBS = frozenset({"say", "tell", "claim", "report", "write", "state", "accuse", "add"})
# Backers of those who speak: "Russian-backed officials", "Moscow-installed authorities".
BACKED_WORDS = frozenset({"backed", "installed", "appointed", "controlled", "back", "install"})
# Verbs of laying blame: "blamed Kyiv for failing to organise the evacuation".
BLAMING_VERBS = frozenset({"blame", "accuse", "fault"})
# What a truce is used for when a side is said to abuse it: "used the pause to regroup".
MILITARY_USES = frozenset(
    {"regroup", "reposition", "redeploy", "resupply", "reinforce", "rearm", "advance"}
    | {"attack", "shell", "fire", "strike", "storm", "mine"}
)
# What is fired: "mortar shells landed", "a rocket fell".
MUNITION_NOUNS = frozenset(
    {"shell", "rocket", "missile", "mortar", "bomb", "round", "grenade", "projectile", "mine"}
)
# Parts of a town told as its possession: "Sievierodonetsk's outskirts".
TOWN_PART_NOUNS = frozenset(
    {"outskirt", "outskirts", "centre", "center", "district", "suburb", "edge", "street"}
    | {"neighbourhood", "neighborhood", "port", "station", "square", "road", "bridge"}
)
ONSET_VERBS = frozenset(
    {"flare", "resume", "erupt", "intensify", "rage", "restart", "break", "start", "open"}
    | {"continue"}
)
# Prepositions that put an armed act against a truce: "despite the ceasefire", "in
# violation of the truce".
AGAINST_TRUCE_WORDS = frozenset({"despite", "violation", "breach", "defiance"})
# Armed acts that break a truce they are told against: "fighting on its territory,
# despite Moscow's promised ceasefire".
BREAKING_VERBS = FIRE_VERBS | frozenset({"fight", "advance", "assault", "enter"})
# "the buses returned empty": they came back with no one; "came back full": they did not.
EMPTY_WORDS = frozenset({"empty", "empty-handed"})
FULL_WORDS = frozenset({"full", "packed", "loaded", "laden"})
RETURNING_VERBS = frozenset({"return", "come", "get"})
# Vehicles that leave empty went in and brought no one: "the buses left the town empty".
EMPTY_LEAVING_VERBS = RETURNING_VERBS | {"leave", "depart", "drive"}
# Who speaks for a town: "Sumy's governor said ... taken out of the city".
TOWN_AUTHORITY_NOUNS = frozenset(
    {"governor", "mayor", "administration", "council", "authorities", "authority", "head"}
)
# Verbs that a negation turns into a blocked truce: "did not let the buses through".
PERMIT_VERBS = frozenset({"let", "allow", "permit"})
# Verbs of a truce or convoy going ahead: "the corridor worked", "buses reached Zaporizhzhia".
# (b) Completion: "the corridor worked", "the evacuation went ahead / was completed";
# negated ("did not materialise", "never took place") it is a failure.
GOING_VERBS = frozenset(
    {"work", "operate", "function", "open", "hold", "happen", "proceed", "go", "start"}
    | {"succeed", "complete", "conclude", "finish", "materialise", "materialize", "take"}
    | {"run", "continue", "resume"}
)
# "the convoy was held up", "the buses were held back": a going verb that stalls.
STALLING_PARTICLES = frozenset({"up", "back"})
ARRIVING_VERBS = frozenset({"reach", "arrive", "leave", "exit", "cross", "depart", "get"})
# Verbs of setting out that need their particle: "set off", "headed out", "pulled out".
PARTICLE_MOVES = {
    "set": frozenset({"off", "out"}),
    "head": frozenset({"out"}),
    "pull": frozenset({"out"}),
    "break": frozenset({"out"}),
}
EVACUATING_VERBS = frozenset({"evacuate", "rescue"})
# People getting out of a town, told with no word of the corridor: "2,100 people travelled
# from Enerhodar in their own cars", "1,000 people were moved out of Kramatorsk by train".
# (a) Movement out. Verbs whose subject goes ...
GOING_OUT_VERBS = frozenset(
    {
        "flee",
        "escape",
        "relocate",
        "evacuate",
        "travel",
        "leave",
        "get",
        "go",
        "drive",
        "walk",
        "depart",
        "exit",
        "move",
        "ride",
        "cross",
        "arrive",
        "reach",
        # "people were streaming out of Irpin"
        "stream",
        "pour",
        "trickle",
    }
)
# ... and verbs whose object is taken, told in the passive.
TAKING_OUT_VERBS = frozenset(
    {"take", "move", "bring", "rescue", "evacuate", "transport", "ferry", "carry", "bus", "lead"}
    | {"shuttle", "drive", "relocate", "remove", "extract", "pull", "deliver", "get", "airlift"}
)
# Verbs whose object is the town left: "fled the town", "left Sumy".
QUITTING_VERBS = frozenset({"leave", "flee", "escape", "exit", "quit", "abandon", "evacuate"})
# "taken out of the city": the town the sentence names.
TOWN_NOUNS = frozenset({"city", "town", "village", "settlement"})
# Who is got out: civilians, not soldiers or goods.
PEOPLE_WORDS = frozenset(
    {
        "people",
        "person",
        "resident",
        "civilian",
        "family",
        "child",
        "woman",
        "evacuee",
        "student",
        "citizen",
        "patient",
        "inhabitant",
        "local",
        "passenger",
        "elderly",
        "wounded",
        # "nobody got out", "no one was able to leave": none of the people
        "nobody",
    }
)
# What people get out in: "2,000 cars left Mariupol" is 2,000 carloads of people out.
VEHICLE_WORDS = frozenset(
    {"car", "bus", "vehicle", "train", "convoy", "column", "minibus", "coach", "carload"}
)
# Who may be turned back: a convoy, and the aid team or mission sent to bring people out.
TURNED_BACK_WORDS = frozenset({"team", "mission", "crew", "volunteer"}) | VEHICLE_WORDS
# Counting heads whose "of" phrase names who: "dozens of families".
COUNTING_WORDS = frozenset({"number", "group", "thousand", "hundred", "dozen", "score", "busload"})
# Governors that make the act not (yet) a deed: "hope to evacuate", "plan to open".
UNREAL_GOVERNORS = frozenset(
    {
        "plan",
        "hope",
        "expect",
        "want",
        "try",
        "intend",
        "call",
        "urge",
        "demand",
        "ask",
        "need",
        "continue",
        "aim",
        "seek",
        "promise",
        "agree",
        # waiting to leave is not leaving: "as cars queued to leave"
        "queue",
        "wait",
        "line",
        "gather",
        "prepare",
    }
)
# Governors that make the act fail: "buses failed to reach Mariupol".
FAILING_GOVERNORS = frozenset({"fail", "refuse", "unable"})
MODALS = frozenset(
    {"will", "would", "shall", "could", "can", "may", "might", "must", "should", "'ll"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
UNDER_FIRE_NOUNS = frozenset({"fire", "shelling", "attack", "bombardment", "bombing"})
# Words that name an evacuation operation or its means, for the plain reading: "the
# safe passage operation", "the attempt to evacuate", "evacuation trains", "ferries". An
# operation or attempt alone may be a military one: its words of evacuation tell it.
CARRIER_WORDS = frozenset({"ferry", "train", "boat", "ambulance", "convoy", "bus"})
OPERATION_WORDS = (
    TRUCE_WORDS | CARRIER_WORDS | frozenset({"evacuate", "evacuation", "pickup"})
) - frozenset({"silence", "route", "mission", "trip", "journey"})
# Words that tell the operation could not be carried out, whatever their parse.
FAILURE_STATES = frozenset({"impossible", "unable"})
MOVING_LEMMAS = GOING_VERBS | GOING_OUT_VERBS | TAKING_OUT_VERBS | ARRIVING_VERBS
# Prepositions naming where people were bound.
DESTINATION_WORDS = frozenset({"to", "towards", "toward", "into", "for"})
# Verbs whose place is where people came to: "arrived in Zaporizhzhia".
ARRIVAL_VERBS = frozenset({"arrive", "land", "reach"})
OUTCOME_TYPES = {
    Outcome.KEPT: (PloverType.RETREAT, "evacuate"),
    Outcome.BLOCKED: (PloverType.COERCE, "block"),
    Outcome.FIRED: (PloverType.ASSAULT, "fire"),
}


@dataclass(frozen=True, slots=True)
class Reading:
    outcome: Outcome
    verb: Token


def outcome_events(
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    attributions: Sequence[Attribution],
    events: Sequence[Event],
) -> list[Event]:
    """An event for each truce outcome the article tells that ``events`` do not give."""
    found: list[Event] = []
    sents = list(doc.sents)
    known: dict[int, tuple[Place, ...]] = {}

    def places_of(number: int) -> tuple[Place, ...]:
        # Resolved only for sentences that tell an outcome, and those before them that
        # it falls back on: most sentences tell none, and resolving places is not free.
        if number not in known:
            sent = sents[number]
            known[number] = _places(sent, ctx) or _authority_towns(sent, ctx)
        return known[number]

    for number, sent in enumerate(sents):
        readings = list(_readings(sent))
        if not readings:
            continue
        # A sentence naming no place takes the last places named before it.
        earlier = (places_of(n) for n in range(number, -1, -1))
        places = next((found_places for found_places in earlier if found_places), ())
        sentence = sent.text.strip()
        told = [e for e in events if e.provenance.sentence == sentence]
        for reading in readings:
            if not any(_reads_as(e, reading.outcome) for e in told):
                source = _source(reading.verb, attributions)
                found.append(_event(doc, reading, places, source, ctx, salience))
    found += _plain_outcomes(doc, sents, ctx, salience, attributions, [*events, *found])
    return found


def _plain_outcomes(
    doc: Doc,
    sents: list[Span],
    ctx: ArticleContext,
    salience: Salience,
    attributions: Sequence[Attribution],
    events: Sequence[Event],
) -> list[Event]:
    """The fallback for sentences the parse-based readings leave unread: the parser often
    hangs "failed" or "brought out" on the wrong word in long reports, while their words
    alone still tell what became of the operation."""
    found: list[Event] = []
    for sent in sents:
        sentence = sent.text.strip()
        if any(e.provenance.sentence == sentence for e in events if _outcome_like(e)):
            continue
        reading = plain_reading(sent)
        if reading is None:
            continue
        places = tuple(p for p in _places(sent, ctx) if not _destination(p, doc))
        source = _source(reading.verb, attributions)
        found.append(_event(doc, reading, places, source, ctx, salience))
    return found


def _outcome_like(event: Event) -> bool:
    evacuation = event.type is PloverType.RETREAT and event.mode in {"evacuate", "ceasefire"}
    hostile = event.type in {PloverType.ASSAULT, PloverType.COERCE}
    return event.modality in DEEDS and (evacuation or hostile)


def plain_reading(sent: Span) -> Reading | None:
    """What a sentence about an evacuation operation says became of it, read from its
    words rather than its parse: a failure word ("failed", "did not go ahead", "turned
    back", "impossible", "nobody was taken") reads BLOCKED; otherwise a verb of getting
    out told as done ("left", "arrived", "crossed", "were taken out", "carrying 100
    people") with people or vehicles named reads KEPT. A sentence naming no operation,
    its vehicles or its evacuees tells nothing of one."""
    lemmas = {t.lemma_.lower() for t in sent}
    if not lemmas & OPERATION_WORDS and not any(_taken_out(t) for t in sent):
        return None
    failure = next((t for t in sent if _plain_failure(t)), None)
    if failure is not None:
        return Reading(Outcome.BLOCKED, failure)
    if not lemmas & (PEOPLE_WORDS | VEHICLE_WORDS | CARRIER_WORDS):
        return None
    exit_ = next((t for t in sent if _plain_exit(t)), None)
    return Reading(Outcome.KEPT, exit_) if exit_ is not None else None


def _plain_failure(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in FAILURE_STATES:
        # "made it impossible to proceed": what could not be done is a move
        moves = any(c.lemma_.lower() in MOVING_LEMMAS for c in token.children)
        return moves and not _negated(token)
    if token.pos_ not in {"VERB", "AUX"} or _planned(token):
        return False
    if _phrasal_failure(token) or (_going_back(token) and _particle(token) == "back"):
        return True
    if not _bears_on_operation(token):
        return False  # "the moment that made a reporter stop", not the operation stopped
    if lemma in BLOCK_VERBS | {"disperse"} and token.tag_ != "VBG":
        return not _negated(token)
    nobody = any(_nobody(c) for c in token.children if c.dep_ in {"nsubj", "nsubjpass"})
    return lemma in MOVING_LEMMAS and (nobody or _negated(token) or _unable(token))


def _bears_on_operation(verb: Token) -> bool:
    """Is what the verb tells of the operation, its people or its vehicles: "the attempt
    to evacuate failed", "soldiers dispersed the residents", "nobody was taken"?"""
    told = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    words = OPERATION_WORDS | PEOPLE_WORDS | TURNED_BACK_WORDS | CARRIER_WORDS
    return any(t.lemma_.lower() in words or _nobody(t) for c in told for t in c.subtree)


def _taken_out(token: Token) -> bool:
    """ "civilians brought out of the plant", "people were taken out": the operation told
    by what it does to people, with no noun of it."""
    if token.lemma_.lower() not in TAKING_OUT_VERBS or token.pos_ != "VERB":
        return False
    return any(c.lower_ == "out" for c in token.children) and _moves_people(token)


def _phrasal_failure(token: Token) -> bool:
    particles = PHRASAL_FAILURES.get(token.lemma_.lower(), frozenset())
    return any(c.lower_ in particles for c in token.children)


def _plain_exit(token: Token) -> bool:
    lemma = token.lemma_.lower()
    moving = lemma in GOING_OUT_VERBS | TAKING_OUT_VERBS | ARRIVING_VERBS
    if token.pos_ != "VERB" or not moving or _planned(token):
        return False
    return _moves_people(token) and not _negated(token) and not _unable(token)


def _moves_people(verb: Token) -> bool:
    """Who or what moves is people or what carries them: "a stream of civilians",
    "evacuation trains", not "trucks of grain"."""
    movers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if verb.dep_ == "acl":
        movers.append(verb.head)  # "civilians brought out of the plant"
    carried = PEOPLE_WORDS | VEHICLE_WORDS | CARRIER_WORDS
    return any(
        t.lemma_.lower() in carried
        for mover in movers
        for t in mover.subtree
        if t.pos_ in {"NOUN", "PRON"}
    )


def _planned(verb: Token) -> bool:
    """Told as to come, hoped or asked for, not as done: "will leave", "plan to cross"."""
    if not _deed(verb) or _conditional(verb):
        return True
    return any(t.lemma_.lower() in UNREAL_GOVERNORS | {"try", "attempt"} for t in verb.ancestors)


def _conditional(verb: Token) -> bool:
    """ "if the invaders disrupt the rescue again": a condition, no deed."""
    clause = verb.head if verb.dep_ == "conj" else verb
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children)


def _destination(place: Place, doc: Doc) -> bool:
    """ "nobody was taken to Zaporizhzhia": where people were bound is not where the
    operation was, and a failure told there is not of that town's truce."""
    if place.provenance is None:
        return False
    span = doc.char_span(place.provenance.start, place.provenance.end, alignment_mode="expand")
    if span is None:
        return False
    # up the chain of phrases to the verb: "pulled into a reception centre in Zaporizhzhia"
    for token in [span.root, *span.root.ancestors]:
        if token.pos_ in {"VERB", "AUX"}:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in DESTINATION_WORDS:
            return True
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in ARRIVAL_VERBS:
            return True  # "arrived in Zaporizhzhia"
    return False


_TRUCE_OR_ROUTE = TRUCE_WORDS | ROUTE_WORDS


def _readings(sent: Span) -> Iterator[Reading]:
    """At most one reading of each outcome per sentence, from its verbs. Without a word of
    a truce, only people got out of a town are read: that is what a corridor's day is."""
    truce_told = any(_names_truce(t) for t in sent)
    # One reading of each outcome per teller: "Ukraine said Russian forces kept attacking,
    # while Moscow said Ukrainian troops used the pause to regroup" tells two charges.
    seen: set[tuple[Outcome, int]] = set()
    failed: set[int] = set()
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or not _deed(verb):
            continue
        if _going_back(verb):
            # "forced to go back", "went back to Kyiv empty": a return is never a way out.
            outcome = _went_back(verb)
        else:
            outcome = _went_empty(verb) or (_outcome(verb) if truce_told else None)
            outcome = outcome or _got_out(verb) or _obstructed(verb) or _town_hit(verb)
            outcome = outcome or _failed_to_reach(verb) or _fire_resumed(verb)
            outcome = outcome or _against_truce(verb) or _used_truce(verb)
            outcome = outcome or _shells_landed(verb) or _kept_firing(verb)
        teller = _teller(verb)
        shared = verb.dep_ == "conj" and _own_subject(verb) is None
        if outcome is Outcome.KEPT and shared and verb.head.i in failed:
            # "the evacuation fails again as shelling continues": what failed goes on failing
            continue
        if outcome is Outcome.BLOCKED:
            failed.add(verb.i)
        if outcome is not None and (outcome, teller) not in seen:
            seen.add((outcome, teller))
            yield Reading(outcome, verb)
        if outcome is Outcome.KEPT and _partly(verb) and (Outcome.BLOCKED, teller) not in seen:
            # "only 300 of the planned 6,000 got out": the corridor worked for a few and
            # failed the rest, which a monitor records as both.
            seen.add((Outcome.BLOCKED, teller))
            yield Reading(Outcome.BLOCKED, verb)


def _teller(verb: Token) -> int:
    """The verb of saying whose clause tells ``verb`` (its index), or -1."""
    for ancestor in verb.ancestors:
        if ancestor.lemma_.lower() in TELLING_VERBS:
            return ancestor.i
    return -1


def _names_truce(token: Token) -> bool:
    """A word of the truce, its route or its convoy, or the attempt that is its
    evacuation: "the attempt to get civilians out", "Sunday's attempt to evacuate"."""
    lemma = token.lemma_.lower()
    if lemma in _TRUCE_OR_ROUTE:
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


def _going_back(verb: Token) -> bool:
    """ "returned", "went back", "came back": travel back the way one came. Turning back
    is read with what is turned ("soldiers turned back every car")."""
    lemma = verb.lemma_.lower()
    if lemma == "return":
        return True
    back = any(c.dep_ in {"advmod", "prt"} and c.lower_ in RETURN_WORDS for c in verb.children)
    return back and lemma in GOING_OUT_VERBS | RETURNING_VERBS - {"turn"}


def _went_back(verb: Token) -> Outcome | None:
    """A convoy or team that came back empty, or had to, brought no one out ("the ICRC
    team had to return to Zaporizhzhia"); one that came back full did."""
    subject = _subject(verb)
    sent_in = subject is not None and (
        _travels(subject) or subject.lemma_.lower() in TURNED_BACK_WORDS
    )
    if _came_back_empty(verb) or (sent_in and _forced(verb)):
        return Outcome.BLOCKED
    return Outcome.KEPT if _came_back_full(verb) else None


def _forced(verb: Token) -> bool:
    """ "were forced to go back", "had to return": made to, not chosen."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in FORCING_GOVERNORS


def _failed_to_reach(verb: Token) -> Outcome | None:
    """ "the Red Cross team was unable to reach the village", "the buses could not get
    in": those sent for the people did not get to them."""
    if verb.lemma_.lower() not in {"reach", "enter", "get", "arrive"} and not _made_it(verb):
        return None
    if not (_negated(verb) or _failing(verb)):
        return None
    if not (_done(verb) or _done_above(verb) or _unable(verb)):
        return None
    subject = _subject(verb)
    sent_in = subject is not None and subject.lemma_.lower() in TURNED_BACK_WORDS | {"bus"}
    return Outcome.BLOCKED if sent_in else None


def _used_truce(verb: Token) -> Outcome | None:
    """ "no one used the corridor", "2,000 people used the route": the truce taken up,
    or not, by those it was for."""
    if verb.lemma_.lower() != "use" or not _done(verb):
        return None
    if not any(c.dep_ == "dobj" and _names_truce(c) for c in verb.children):
        return None
    purposes = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"}]
    # "to reposition" may be read as a preposition and its noun
    purposes += [t for c in verb.children if c.lower_ == "to" for t in c.children]
    if any(t.lemma_.lower() in MILITARY_USES for t in purposes):
        return Outcome.FIRED  # "used the pause to regroup": the truce broken by its use
    subject = _subject(verb)
    if subject is None or not (
        subject.lemma_.lower() in PEOPLE_WORDS | VEHICLE_WORDS or _nobody(subject)
    ):
        return None
    return Outcome.BLOCKED if _negated(verb) or _nobody(subject) else Outcome.KEPT


def _kept_firing(verb: Token) -> Outcome | None:
    """ "Russian forces kept attacking", "continued to shell the road": hostilities told
    as going on, which is what a truce in their place and time was meant to stop."""
    if verb.lemma_.lower() not in {"keep", "continue"} or not _done(verb) or _negated(verb):
        return None
    going_on = any(c.dep_ == "xcomp" and c.lemma_.lower() in BREAKING_VERBS for c in verb.children)
    return Outcome.FIRED if going_on else None


def _shells_landed(verb: Token) -> Outcome | None:
    """ "mortar shells landed near the checkpoint": munitions falling are an attack."""
    if verb.lemma_.lower() not in {"land", "fall", "explode", "hit"} or not _done(verb):
        return None
    subject = _subject(verb)
    munition = subject is not None and subject.lemma_.lower() in MUNITION_NOUNS
    return Outcome.FIRED if munition and not _negated(verb) else None


def _fire_resumed(verb: Token) -> Outcome | None:
    """ "Fighting flared again near Husarivka", "the shelling resumed": hostilities told
    as starting (again), which a truce in their place and time does not survive."""
    if verb.lemma_.lower() not in ONSET_VERBS or _negated(verb) or not _done(verb):
        return None
    subject = _subject(verb)
    # "before shelling resumed": the tagger may take the gerund for an auxiliary
    named = [subject] if subject is not None else []
    named += [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    hostile = any(t.lemma_.lower() in HOSTILITY_NOUNS or t.lower_ in HOSTILITY_NOUNS for t in named)
    return Outcome.FIRED if hostile else None


def _against_truce(verb: Token) -> Outcome | None:
    """ "troops were fighting on its territory, despite the promised ceasefire": an armed
    act told against a truce breaks it, whatever else its clause names."""
    if verb.lemma_.lower() not in BREAKING_VERBS or _negated(verb) or not _done(verb):
        return None
    sent = verb.sent
    against = any(
        t.lower_ in AGAINST_TRUCE_WORDS and any(_names_truce(u) for u in t.subtree if u.i != t.i)
        for t in sent
    )
    return Outcome.FIRED if against else None


def _partly(verb: Token) -> bool:
    """ "Only 300 of the planned 6,000 residents got out": a few of those meant to."""
    counts = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    clause = verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head  # "only 300 of them were able to leave"
    counts += [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for count in counts:
        only = any(c.lower_ == "only" for c in count.children)
        if only and any(c.dep_ == "prep" and c.lower_ == "of" for c in count.children):
            return True
    return False


def _outcome(verb: Token) -> Outcome | None:
    lemma = verb.lemma_.lower()
    failed = _negated(verb) or _failing(verb)
    if lemma in FIRE_VERBS and _about_truce(verb):
        return None if failed else Outcome.FIRED
    if lemma == "open" and any(c.lower_ == "fire" for c in verb.children):
        return None if failed else Outcome.FIRED  # "fire was opened on the convoy"
    if lemma == "come" and _under_fire(verb) and _about_truce(verb):
        return None if failed else Outcome.FIRED  # "the route came under mortar fire"
    blocking = lemma in BLOCK_VERBS or _particle(verb) in PHRASAL_FAILURES.get(lemma, ())
    if blocking and _about_truce(verb):
        return None if failed else Outcome.BLOCKED
    failed = failed or (lemma in PERMIT_VERBS and _lets_nobody(verb))
    if lemma in PERMIT_VERBS and failed and (_about_truce(verb) or _lets_travellers(verb)):
        return Outcome.BLOCKED
    subject = _subject(verb)
    truce_subject = subject is not None and _names_truce(subject)
    stalled = _particle(verb) in STALLING_PARTICLES or _held(verb)
    if lemma in GOING_VERBS and truce_subject and stalled:
        return None if failed else Outcome.BLOCKED  # "the convoy was held up"
    if lemma in GOING_VERBS and truce_subject:
        return Outcome.BLOCKED if failed else Outcome.KEPT
    moving = lemma in ARRIVING_VERBS | GOING_OUT_VERBS or _particle_move(verb)
    if moving and subject is not None and _travels(subject):
        return Outcome.BLOCKED if failed else Outcome.KEPT
    if lemma in EVACUATING_VERBS and _done(verb):
        return Outcome.BLOCKED if failed else Outcome.KEPT
    return None


def _held(verb: Token) -> bool:
    """ "the column was held at a checkpoint": detained; "the truce held" is kept."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    return verb.lemma_.lower() == "hold" and passive


def _particle_move(verb: Token) -> bool:
    """ "the convoy set off", "buses headed out": setting out, told with its particle."""
    return _particle(verb) in PARTICLE_MOVES.get(verb.lemma_.lower(), ())


def _lets_travellers(verb: Token) -> bool:
    """ "refused to let the buses pass": the clause let through names who travels."""
    return any(
        (_travels(t) and t.lemma_.lower() in TRAVELLER_WORDS | VEHICLE_WORDS | PEOPLE_WORDS)
        or _nobody(t)
        for t in verb.subtree
    )


def _lets_nobody(verb: Token) -> bool:
    """ "had let no one pass", "let no cars through": permission given to none."""
    let = [c for c in verb.children if c.dep_ in {"dobj", "nsubj"}]
    let += [s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in _subjects(c)]
    return any(_nobody(t) or any(c.lower_ == "no" for c in t.children) for t in let)


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _obstructed(verb: Token) -> Outcome | None:
    """ "a second group was stopped by shelling", "soldiers detained the buses": people or
    vehicles held, told as done, with no word of the truce in the sentence."""
    lemma = verb.lemma_.lower()
    if lemma not in OBSTRUCTING_VERBS | STUCK_VERBS or not _done(verb) or _negated(verb):
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    held = _object(verb) or (_own_subject(verb) if passive else None)
    if held is None or held.lemma_.lower() not in TRAVELLER_WORDS | VEHICLE_WORDS:
        return None
    if lemma in STUCK_VERBS and held.lemma_.lower() not in VEHICLE_WORDS:
        return None
    return Outcome.BLOCKED


def _town_hit(verb: Token) -> Outcome | None:
    """ "Russian rockets slammed into a district of Mykolaiv", "shelled Huliaipole": an
    armed act on a named town, told as done; it breaks a truce there in its window.
    "Chernihiv came under heavy bombardment": the town as the subject of an attack."""
    if verb.lemma_.lower() == "come" and _under_fire(verb) and _done(verb):
        town = _subject(verb)
        placed = town is not None and town.ent_type_ in PLACE_LABELS
        return Outcome.FIRED if placed and not _negated(verb) else None
    if verb.lemma_.lower() not in TOWN_HOSTILITY_VERBS or not _done(verb) or _negated(verb):
        return None
    if verb.dep_ in {"amod", "acl", "relcl"} or verb.tag_ == "VBG":
        return None  # "the shelled town", "a strike hitting": no clause of its own
    hit = [t for t in verb.subtree if t.i > verb.i and t.ent_type_ in PLACE_LABELS]
    return Outcome.FIRED if hit and _same_clause(hit[0], verb) else None


def _got_out(verb: Token) -> Outcome | None:
    """ "people travelled from Enerhodar", "families were rescued from Borodianka",
    "volunteers carried 60 residents out of Makariv": people got out of a town, told as
    done; "buses were turned back", "no cars could get out": they did not."""
    if not (_done(verb) or _unable(verb) or _done_above(verb)):
        return None
    lemma = verb.lemma_.lower()
    sending_back = lemma in SENDING_BACK_VERBS
    if sending_back and any(c.lower_ in {"back", "around"} for c in verb.children):
        # "soldiers turned back every car": the object is turned; "buses sent to
        # Chernihiv were turned back": the subject of the clause that is the subject.
        turned = _object(verb) or _subject(verb) or _clausal_subject(verb)
        sent_back = turned is not None and (
            _travels(turned) or turned.lemma_.lower() in TURNED_BACK_WORDS
        )
        return Outcome.BLOCKED if sent_back else None
    if lemma in RETURNING_VERBS and _came_back_empty(verb):
        return Outcome.BLOCKED
    if lemma in RETURNING_VERBS and _came_back_full(verb):
        return Outcome.KEPT
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    taken = _object(verb) if lemma in TAKING_OUT_VERBS and not passive else None
    moving = lemma in (TAKING_OUT_VERBS if passive else GOING_OUT_VERBS) or _made_it(verb)
    who = taken if taken is not None else (_subject(verb) if moving else None)
    if who is None or not (who.lemma_.lower() in PEOPLE_WORDS | VEHICLE_WORDS or _nobody(who)):
        return None
    if not (_from_a_town(verb) or _of_a_town(who) or _to_safety(verb)):
        return None
    return Outcome.BLOCKED if _negated(verb) or _failing(verb) else Outcome.KEPT


def _nobody(token: Token) -> bool:
    """ "no one", "nobody": none of the people."""
    return token.lemma_.lower() == "nobody" or (
        token.lower_ == "one" and any(c.lower_ == "no" for c in token.children)
    )


def _done_above(verb: Token) -> bool:
    """ "no one was able to leave", "the team was unable to reach": the verb is told as
    done by the verb or adjective it completes."""
    clause = verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    return clause.i != verb.i and _done(clause)


def _clausal_subject(verb: Token) -> Token | None:
    clause = next((c for c in verb.children if c.dep_ in {"csubj", "csubjpass"}), None)
    return _subject(clause) if clause is not None else None


def _went_empty(verb: Token) -> Outcome | None:
    """ "the buses left the town empty": read before any move, which it would seem."""
    empty = verb.lemma_.lower() in EMPTY_LEAVING_VERBS and _came_back_empty(verb)
    return Outcome.BLOCKED if empty and _done(verb) else None


def _came_back_empty(verb: Token) -> bool:
    """ "all 30 buses returned empty": the convoy went, and no one got out on it."""
    # "returned empty", "went back from Polohy empty" (read as the end of the phrase)
    empty = any(t.lower_ in EMPTY_WORDS and _same_clause(t, verb) for t in verb.subtree)
    subject = _subject(verb)
    return empty and subject is not None and _travels(subject)


def _came_back_full(verb: Token) -> bool:
    """ "the buses came back full", "returned with 230 people on board": they brought
    people out. Vehicles only: people who "came back" are going home, not out."""
    subject = _subject(verb)
    if subject is None or subject.lemma_.lower() not in VEHICLE_WORDS:
        return False
    if any(c.lower_ in FULL_WORDS for c in verb.children):
        return True
    carried = [
        t
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for t in c.children
        if t.dep_ == "pobj"
    ]
    # "returned from Enerhodar carrying 300 people"
    carried += [
        t
        for c in verb.subtree
        if c.dep_ in {"advcl", "acl", "xcomp"} and c.lemma_.lower() in {"carry", "bring"}
        for t in c.children
        if t.dep_ == "dobj"
    ]
    return any(t.lemma_.lower() in PEOPLE_WORDS or _counts(t) for t in carried) and any(
        t.ent_type_ in PLACE_LABELS for t in verb.sent
    )


def _made_it(verb: Token) -> bool:
    """ "800 residents made it out of Mykolaiv"."""
    return verb.lemma_.lower() == "make" and any(c.lower_ == "it" for c in verb.children)


def _object(verb: Token) -> Token | None:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and _counts(obj):
        inner = [t for t in obj.subtree if t.dep_ == "pobj"]
        return inner[0] if inner else obj
    return obj


def _counts(head: Token) -> bool:
    """ "dozens of families", "300 of the residents": a count whose "of" names who."""
    counting = head.lemma_.lower() in COUNTING_WORDS or head.like_num
    return counting and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _from_a_town(verb: Token) -> bool:
    """ "from Enerhodar", "out of Melitopol", "left Sumy", "out of the city": a place left."""
    children = list(verb.children)
    # "crossed the Dnipro from Kherson": the "from" hangs off the river crossed
    children += [c for d in verb.children if d.dep_ == "dobj" for c in d.children]
    for child in children:
        town = child.ent_type_ in PLACE_LABELS or child.lemma_.lower() in TOWN_NOUNS
        if child.dep_ == "dobj" and town and verb.lemma_.lower() in QUITTING_VERBS:
            return True
        if child.dep_ not in {"prep", "prt", "advmod"} or child.lower_ not in {"from", "out"}:
            continue
        objects = [t for t in child.subtree if t.dep_ == "pobj"]
        if any(t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in TOWN_NOUNS for t in objects):
            return True
    return False


def _to_safety(verb: Token) -> bool:
    """ "dozens of families reached safety", "were taken to safety": out of danger."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [t for c in verb.children if c.dep_ == "prep" for t in c.children]
    return any(t.lemma_.lower() in {"safety", "safe"} for t in objects)


def _of_a_town(people: Token) -> bool:
    """ "Okhtyrka residents", "residents of Trostianets", "people from Vorzel"."""
    return any(t.ent_type_ in PLACE_LABELS for t in people.subtree if t.i != people.i)


def _under_fire(verb: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(t.lemma_.lower() in UNDER_FIRE_NOUNS for t in c.children)
        for c in verb.children
    )


def _particle(verb: Token) -> str | None:
    """ "called off": the particle that makes the phrasal verb."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _about_truce(verb: Token) -> bool:
    """A truce word among the verb's own arguments, not in a clause of its own below, or
    the subject it shares: "the evacuation had to be called off"."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    subject = _own_subject(clause) if clause.i != verb.i else None
    if subject is not None and _names_truce(subject):
        return True
    return any(_names_truce(t) and _same_clause(t, verb) for t in verb.subtree if t.i != verb.i)


def _same_clause(token: Token, verb: Token) -> bool:
    current = token
    while current.i != verb.i and current.head.i != current.i:
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"xcomp", "auxpass", "aux"}:
            return False
        current = current.head
    return True


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb or adjective it completes: "no buses were
    able to leave" has "buses" leave."""
    own = _own_subject(verb)
    if own is None and verb.dep_ in {"xcomp", "acomp", "conj"} and verb.head.i != verb.i:
        # "cars left Mariupol and reached Zaporizhzhia": the second verb shares the subject.
        return _subject(verb.head)
    return own


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            if _counts(child):
                inner = [t for t in child.subtree if t.dep_ == "pobj"]
                return inner[0] if inner else child
            return child
    return None


def _travels(subject: Token) -> bool:
    """ "the convoy", "3,000 residents", "buses with evacuees": those who get out."""
    lemma = subject.lemma_.lower()
    return lemma in TRAVELLER_WORDS or lemma in TRUCE_WORDS or subject.like_num


def _done(verb: Token) -> bool:
    """ "were evacuated", "we evacuated": told as done, not as a plan."""
    return tense_of(verb) == "past" or verb.tag_ in {"VBD", "VBN"}


def _deed(verb: Token) -> bool:
    """Told as having happened: no modal, no future, no plan or demand above it.

    "would not let the buses through" is a refusal told in the past, not a forecast.
    """
    modals = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}} & MODALS
    refused = _unable(verb)
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


def _unable(verb: Token) -> bool:
    """ "no cars could get through", "would not let the buses through": an inability or
    refusal told in the past is a deed of failure, not a forecast."""
    modals = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}} & MODALS
    return bool(modals) and modals <= {"would", "could", "can"} and _negated(verb)


def _negated(verb: Token) -> bool:
    """ "did not work", "never left", "no buses were able to leave"."""
    if any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in verb.children):
        return True
    subject = _subject(verb) or (verb.head if verb.dep_ in {"xcomp", "acomp"} else None)
    if subject is not None and subject.pos_ in {"VERB", "AUX", "ADJ"}:
        subject = _subject(subject)
    # "no buses", "not a single bus", "not one car"
    return subject is not None and any(
        t.dep_ == "neg" or t.lower_ in {"no", "not"} for t in subject.subtree if t.i < subject.i
    )


def _failing(verb: Token) -> bool:
    """ "failed to reach", "refused to let", "were unable to leave"."""
    head = verb.head
    return verb.dep_ in {"xcomp", "acomp"} and (
        head.lemma_.lower() in FAILING_GOVERNORS
        or any(c.lemma_.lower() in FAILING_GOVERNORS for c in head.children)
    )


def _reads_as(event: Event, outcome: Outcome) -> bool:
    """Does the event extractor's event already say what this outcome says, in a place?"""
    if event.modality not in DEEDS or event.negated or not event.places:
        return False
    evacuation = event.type is PloverType.RETREAT and event.mode in {"evacuate", "ceasefire"}
    if outcome is Outcome.KEPT:
        return evacuation and not told_as_failed(event)
    hostile = event.type in {PloverType.ASSAULT, PloverType.COERCE}
    return hostile or (evacuation and told_as_failed(event))


def _places(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """The sentence's towns and routes; the country beside them is no place of the day."""
    places = tuple(p for p in places_in(list(sent), ctx) if p.resolved)
    places += _owning_towns(sent, ctx)
    local = tuple(p for p in places if p.kind != "country")
    return local or places


def _part_owner(town: Token) -> bool:
    return town.dep_ == "poss" and town.head.lemma_.lower() in TOWN_PART_NOUNS


def _hit(town: Token) -> bool:
    """ "Chernihiv came under heavy bombardment", "Irpin was shelled": the town attacked,
    told as the subject, which the place reader may take for a speaking body."""
    verb = town.head
    if town.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    shelled = town.dep_ == "nsubjpass" and verb.lemma_.lower() in TOWN_HOSTILITY_VERBS
    return shelled or (verb.lemma_.lower() == "come" and _under_fire(verb))


def _owning_towns(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """ "stormed Sievierodonetsk's outskirts", "Chernihiv came under bombardment": a town
    named as the owner of a part attacked, or as the subject attacked, which the place
    reader leaves aside as a possessive or a speaking body."""
    return _towns(
        sent,
        ctx,
        lambda t: t.ent_type_ in {"GPE", "LOC"} and (_part_owner(t) or _hit(t)),
    )


def _towns(sent: Span, ctx: ArticleContext, named: Callable[[Token], bool]) -> tuple[Place, ...]:
    """The towns (not countries) the gazetteer finds for the tokens ``named`` picks."""
    towns: list[Place] = []
    for token in sent:
        if not named(token):
            continue
        provenance = ctx.provenance(sent.doc, token.idx, token.idx + len(token.text))
        place = ctx.gazetteer.resolve(token.text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            towns.append(place)
    return tuple(towns)


def _authority_towns(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """ "Sumy's governor said 7,000 people were taken out of the city": with no other
    place named, the town is the one whose governor or mayor tells it."""
    return _towns(sent, ctx, lambda t: t.ent_type_ == "GPE" and _authority_named_by(t) is not None)


def _authority_named_by(town: Token) -> Token | None:
    """The governor or council a town name belongs to: "Sumy's governor", "the Sumy
    administration", "the mayor of Sumy"."""
    head = town.head
    if town.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif town.dep_ not in {"poss", "compound"}:
        return None
    return head if head.lemma_.lower() in TOWN_AUTHORITY_NOUNS else None


def _source(verb: Token, attributions: Sequence[Attribution]) -> Attribution | None:
    inside = [a for a in attributions if a.content_start <= verb.idx < a.content_end]
    return min(inside, key=lambda a: a.content_end - a.content_start) if inside else None


def _event(
    doc: Doc,
    reading: Reading,
    places: tuple[Place, ...],
    source: Attribution | None,
    ctx: ArticleContext,
    salience: Salience,
) -> Event:
    verb = reading.verb
    plover, mode = OUTCOME_TYPES[reading.outcome]
    speaker = source.statement.speaker if source is not None else None
    if speaker is not None and speaker.country is None and source is not None:
        speaker = _backed_speaker(doc, source, speaker, ctx, salience)
    if speaker is None and _blamed(verb) is not None:
        speaker = _blamer(verb, ctx, salience)
    actor = None if reading.outcome is Outcome.KEPT else _actor(verb, ctx, salience, speaker)
    cameo = cameo_code(plover, mode)
    own = actor is not None and speaker is not None and actor.country == speaker.country
    return Event(
        id=record_id("ev", ctx.article_id, verb.idx, "outcome", reading.outcome.value),
        type=plover,
        trigger=verb.text,
        provenance=ctx.provenance(doc, verb.idx, verb.idx + len(verb.text)),
        mode=mode,
        actor=actor,
        places=places,
        time=clause_time(verb, ctx),
        modality=Modality.CLAIMED if own else Modality.OCCURRED,
        reported_by=speaker,
        statement_id=source.statement.id if source is not None else None,
        self_reported=own,
        cameo=cameo,
        quad_class=quad_class(cameo),
    )


def _backed_speaker(
    doc: Doc, source: Attribution, speaker: Actor, ctx: ArticleContext, salience: Salience
) -> Actor:
    """ "Russian-backed officials in Donetsk said ...": officials no one names speak for the
    side that backs or installed them, whose account it is."""
    if source.speaker_span is None:
        return speaker
    mention = doc.char_span(*source.speaker_span, alignment_mode="expand")
    country = _backer(list(mention), ctx, salience) if mention is not None else None
    return replace(speaker, country=country) if country else speaker


def _backer(words: Sequence[Token], ctx: ArticleContext, salience: Salience) -> str | None:
    """The country in "Russian-backed", "Moscow-installed" among ``words``."""
    for word in words:
        if word.lemma_.lower() not in BACKED_WORDS and word.lower_ not in BACKED_WORDS:
            continue
        for backer in (c for c in word.children if c.dep_ in {"npadvmod", "amod", "compound"}):
            side = resolve_head(backer, ctx, salience)
            if side is not None and side.country is not None:
                return side.country
    return None


def _blamer(verb: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """ "officials said buses had been ready and blamed Kyiv for failing to ...": the
    failure is told by whoever lays the blame."""
    subject = _blaming_subject(verb.head.head)
    if subject is None:
        return None
    actor = resolve_head(subject, ctx, salience)
    if actor is not None and actor.country is not None:
        return actor
    country = _backer(list(subject.subtree), ctx, salience)
    if country is None:
        return None
    return Actor(subject.text, ActorKind.ORGANISATION, country=country, sector="GOV")


def _actor(
    verb: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> Actor | None:
    """Who blocked or fired: the subject, or the agent of a passive; else whom the teller
    blames ("blamed Kyiv for failing to organise the evacuation") or the cause given
    ("did not work because Russian forces failed to hold their fire")."""
    named = _named_actor(verb, ctx, salience, speaker)
    if named is not None:
        return named
    blamed = _blamed(verb)
    if blamed is not None:
        return resolve_head(blamed, ctx, salience)
    for cause in (c for c in verb.children if c.dep_ == "advcl" and _because(c)):
        named = _named_actor(cause, ctx, salience, speaker)
        if named is not None:
            return named
    return None


def _blaming_subject(blaming: Token) -> Token | None:
    """Who blames: the subject of the blaming verb or of the clause it is joined to. The
    parser may join "and blamed" to the clause said ("said buses had been ready and
    blamed Kyiv"), whose subject is no one who could blame: the teller above is."""
    clause = blaming
    for _ in range(4):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() not in TRUCE_WORDS | VEHICLE_WORDS:
            return subject
        if clause.dep_ not in {"conj", "ccomp"} or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _blamed(verb: Token) -> Token | None:
    """ "blamed Kyiv for failing to ...": the object of the blame the failure is told in."""
    prep = verb.head
    if (
        verb.dep_ != "pcomp"
        or prep.lower_ != "for"
        or prep.head.lemma_.lower() not in BLAMING_VERBS
    ):
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def _because(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"because", "as", "since"} for c in clause.children)


def _named_actor(
    verb: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> Actor | None:
    for child in verb.children:
        head = child if child.dep_ == "nsubj" else None
        if child.dep_ == "agent":
            head = next((c for c in child.children if c.dep_ == "pobj"), None)
        if head is None or head.lemma_.lower() in TRUCE_WORDS:
            continue
        if head.lower_ in FIRST_PERSON:
            return speaker
        return resolve_head(head, ctx, salience)
    return None
