"""The word classes by which a truce's outcome is read: who gets out, by what verbs,
what stops them, what breaks the truce, and the guards that make a verb no deed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Token

from saydo.domain import PloverType


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

# Getting to the people, which only tells the day when it failed: "could not reach".
REACHING_VERBS = frozenset({"reach", "enter", "get", "arrive"})

# Munitions coming down: "mortar shells landed near the checkpoint".
LANDING_VERBS = frozenset({"land", "fall", "explode", "hit"})

# Hostilities told as going on: "kept attacking", "continued to shell the road".
WENT_ON_VERBS = frozenset({"keep", "continue"})


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


# Titles of those who govern a region, not a town: "Luhansk governor", "the governor of
# Sumy" name who speaks, not where.
REGION_TITLES = frozenset({"governor", "governorship"})
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
# Places left that a report names by kind: "taken out of the region", "out of the plant".
LEFT_PLACE_NOUNS = TOWN_NOUNS | frozenset({"region", "district", "area", "oblast", "community"})


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


# What carries people out: "evacuation trains", "ferries", "by ambulance".
CARRIER_WORDS = frozenset({"ferry", "train", "boat", "ambulance", "convoy", "bus"})


# Words that tell the operation could not be carried out, whatever their parse.
FAILURE_STATES = frozenset({"impossible", "unable"})


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


TRUCE_OR_ROUTE = TRUCE_WORDS | ROUTE_WORDS
