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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, Event, Modality, Place, PloverType, record_id
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
    }
)
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
    }
)
# Governors that make the act fail: "buses failed to reach Mariupol".
FAILING_GOVERNORS = frozenset({"fail", "refuse", "unable"})
MODALS = frozenset(
    {"will", "would", "shall", "could", "can", "may", "might", "must", "should", "'ll"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
UNDER_FIRE_NOUNS = frozenset({"fire", "shelling", "attack", "bombardment", "bombing"})
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
    return found


_TRUCE_OR_ROUTE = TRUCE_WORDS | ROUTE_WORDS


def _readings(sent: Span) -> Iterator[Reading]:
    """At most one reading of each outcome per sentence, from its verbs. Without a word of
    a truce, only people got out of a town are read: that is what a corridor's day is."""
    truce_told = any(t.lemma_.lower() in _TRUCE_OR_ROUTE for t in sent)
    seen: set[Outcome] = set()
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or not _deed(verb):
            continue
        outcome = _went_empty(verb) or (_outcome(verb) if truce_told else None)
        outcome = outcome or _got_out(verb) or _obstructed(verb) or _town_hit(verb)
        if outcome is not None and outcome not in seen:
            seen.add(outcome)
            yield Reading(outcome, verb)
        if outcome is Outcome.KEPT and _partly(verb) and Outcome.BLOCKED not in seen:
            # "only 300 of the planned 6,000 got out": the corridor worked for a few and
            # failed the rest, which a monitor records as both.
            seen.add(Outcome.BLOCKED)
            yield Reading(Outcome.BLOCKED, verb)


def _partly(verb: Token) -> bool:
    """ "Only 300 of the planned 6,000 residents got out": a few of those meant to."""
    for count in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}):
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
    if lemma in PERMIT_VERBS and failed and (_about_truce(verb) or _lets_travellers(verb)):
        return Outcome.BLOCKED
    subject = _subject(verb)
    truce_subject = subject is not None and subject.lemma_.lower() in TRUCE_WORDS
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
        _travels(t) and t.lemma_.lower() in TRAVELLER_WORDS | VEHICLE_WORDS | PEOPLE_WORDS
        for t in verb.subtree
    )


def _obstructed(verb: Token) -> Outcome | None:
    """ "a second group was stopped by shelling", "soldiers detained the buses": people or
    vehicles held, told as done, with no word of the truce in the sentence."""
    if verb.lemma_.lower() not in OBSTRUCTING_VERBS or not _done(verb) or _negated(verb):
        return None
    held = _object(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if held is None or held.lemma_.lower() not in TRAVELLER_WORDS | VEHICLE_WORDS:
        return None
    return Outcome.BLOCKED


def _town_hit(verb: Token) -> Outcome | None:
    """ "Russian rockets slammed into a district of Mykolaiv", "shelled Huliaipole": an
    armed act on a named town, told as done; it breaks a truce there in its window."""
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
    if not (_done(verb) or _unable(verb)):
        return None
    lemma = verb.lemma_.lower()
    if lemma == "turn" and any(c.lower_ in {"back", "around"} for c in verb.children):
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
    if who is None or who.lemma_.lower() not in PEOPLE_WORDS | VEHICLE_WORDS:
        return None
    if not (_from_a_town(verb) or _of_a_town(who)):
        return None
    return Outcome.BLOCKED if _negated(verb) or _failing(verb) else Outcome.KEPT


def _clausal_subject(verb: Token) -> Token | None:
    clause = next((c for c in verb.children if c.dep_ in {"csubj", "csubjpass"}), None)
    return _subject(clause) if clause is not None else None


def _went_empty(verb: Token) -> Outcome | None:
    """ "the buses left the town empty": read before any move, which it would seem."""
    empty = verb.lemma_.lower() in EMPTY_LEAVING_VERBS and _came_back_empty(verb)
    return Outcome.BLOCKED if empty and _done(verb) else None


def _came_back_empty(verb: Token) -> bool:
    """ "all 30 buses returned empty": the convoy went, and no one got out on it."""
    empty = any(c.lower_ in EMPTY_WORDS for c in verb.children)
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
    for child in verb.children:
        town = child.ent_type_ in PLACE_LABELS or child.lemma_.lower() in TOWN_NOUNS
        if child.dep_ == "dobj" and town:
            return verb.lemma_.lower() in QUITTING_VERBS
        if child.dep_ not in {"prep", "prt", "advmod"} or child.lower_ not in {"from", "out"}:
            continue
        objects = [t for t in child.subtree if t.dep_ == "pobj"]
        if any(t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in TOWN_NOUNS for t in objects):
            return True
    return False


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
    """A truce word among the verb's own arguments, not in a clause of its own below."""
    return any(
        t.lemma_.lower() in TRUCE_WORDS | ROUTE_WORDS and _same_clause(t, verb)
        for t in verb.subtree
        if t.i != verb.i
    )


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
    chain = [verb, *verb.ancestors][:4]
    return not any(t.lemma_.lower() in UNREAL_GOVERNORS for t in chain[1:])


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
    return subject is not None and any(c.lower_ == "no" for c in subject.children)


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
    local = tuple(p for p in places if p.kind != "country")
    return local or places


def _authority_towns(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """ "Sumy's governor said 7,000 people were taken out of the city": with no other
    place named, the town is the one whose governor or mayor tells it."""
    towns: list[Place] = []
    for token in sent:
        owner = _authority_named_by(token)
        if token.ent_type_ != "GPE" or owner is None:
            continue
        provenance = ctx.provenance(sent.doc, token.idx, token.idx + len(token.text))
        place = ctx.gazetteer.resolve(token.text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            towns.append(place)
    return tuple(towns)


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


def _actor(
    verb: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> Actor | None:
    """Who blocked or fired: the subject, or the agent of a passive."""
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
