"""The word classes of the sentence-level reading of a truce's day, grouped by meaning:
getting out, getting through, stopping, going ahead, hostilities, and the guards."""

from __future__ import annotations

from saydo.extract.outcome_words import (
    BLOCK_VERBS,
    CARRIER_WORDS,
    FAILURE_STATES,
    OBSTRUCTING_VERBS,
    PEOPLE_WORDS,
    VEHICLE_WORDS,
)

# (a) Getting out, told of people or vehicles: "left", "reached", "were brought out".
EXIT_VERBS = frozenset(
    {"leave", "flee", "escape", "evacuate", "rescue", "reach", "arrive", "cross", "exit"}
    | {"depart", "travel", "relocate", "transport", "ferry", "bus", "airlift", "extract"}
    | {"stream", "pour", "trickle", "drive", "walk", "ride", "sail", "board"}
)

# Verbs of movement that tell getting out only with "out": "brought out", "got out",
# "taken out", "came out"; alone they may move anything anywhere.
OUT_VERBS = frozenset({"bring", "get", "take", "come", "move", "lead", "pull", "carry", "make"})

OUT_PARTICLES = frozenset({"out"})

# Getting to the people or through: a failure when negated, nothing of note when done.
PASSING_VERBS = frozenset({"enter", "pass", "reach", "arrive"})

THROUGH_PARTICLES = frozenset({"in", "into", "through"})

# Words before a base form that tell it as not done: "did not", "failed to", "unable to".
UNABLE_WORDS = FAILURE_STATES | frozenset({"fail", "refuse", "do"})

# Words before a base form that tell it as done: "managed to leave", "were allowed to".
MANAGING_WORDS = frozenset({"manage", "able", "allow", "permit", "let"})

# Modals that, negated anywhere in the clause, tell an inability or refusal in the past:
# "no one could get out", "soldiers would not let them pass".
REFUSING_MODALS = frozenset({"could", "would", "can", "cannot"})

# "carried out", "took out": to perform or to destroy, when the particle follows at once.
PERFORMING_VERBS = frozenset({"carry", "take"})

# Nouns of where people get out from or to, short of a named place.
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "settlement", "safety", "region", "area", "territory"}
    | {"bank", "shore", "border", "front", "line"}
)

# The truce itself going ahead or not: "worked", "went ahead", "took place", "held".
WENT_VERBS = frozenset(
    {"work", "operate", "function", "happen", "proceed", "go", "take", "hold", "succeed"}
    | {"materialise", "materialize", "open", "start", "begin", "continue", "resume"}
)

# Verbs of going ahead that need their particle or noun: "went ahead", "took place".
WENT_PARTICLES = {
    "go": frozenset({"ahead", "through", "smoothly", "forward"}),
    "take": frozenset({"place"}),
}

# "the convoy was held up", "the buses were held back": a going verb that stalls.
STALLING = frozenset({"up", "back"})

# The verb of the operation itself: "the attempt to start evacuating ... failed".
EVACUATING = frozenset({"evacuate", "evacuating"})

# Verbs of fighting, which break a truce they are told against: "despite the ceasefire".
FIGHTING_VERBS = frozenset({"fight", "advance", "assault", "attack", "storm", "shell"})

# What a convoy coming back brings: "came back carrying 200 people", "with 400".
CARRYING_WORDS = frozenset({"carrying", "with", "bringing", "full"})

# Verbs that deny what their clause tells: "denied that Russian forces were storming".
DENYING_WORDS = frozenset({"deny", "dismiss", "refute", "reject"})

# Verbs of a truce observed: "the ceasefire was observed", "respected the truce".
OBSERVING_VERBS = frozenset({"observe", "respect", "honour", "honor", "uphold"})

# The truce itself, not its convoy or people.
CEASEFIRE_WORDS = frozenset(
    {"ceasefire", "cease-fire", "truce", "silence", "pause", "regime", "agreement", "deal"}
)

# What is denied when the denial is a stop: "denied passage", "denied them access".
DENIED_THINGS = frozenset({"passage", "access", "entry", "permission", "exit", "way"})

# Who gets out.
MOVER_WORDS = PEOPLE_WORDS | VEHICLE_WORDS | CARRIER_WORDS | frozenset({"evacuee"})

# Who else a truce may be for, when the sentence names it: a ship through a maritime
# corridor, an inspection team given safe passage.
PASSAGE_MOVERS = frozenset({"ship", "vessel", "team", "mission", "crew", "delegation"})

# Verbs whose subject can only be a vessel: "the Razoni sailed out of Odesa".
SAILING = frozenset({"sail"})

# Verbs by which people are told as having arrived somewhere safe: "were received in
# Bezimenne", "were housed in Zaporizhzhia". Only in the passive, of people.
RECEIVING_VERBS = frozenset({"receive", "accommodate", "house", "shelter"})

PAST_BE = frozenset({"was", "were", "been"})

# (b, c) The truce or its people stopped: the verbs of blocking and failure, and the
# states of it ("impossible"), besides a negated way out.
STOP_VERBS = BLOCK_VERBS | OBSTRUCTING_VERBS | frozenset({"wreck", "torpedo", "scupper"})

# Stops that are of the operation only when its own noun is in the clause: "abandoned the
# trip", not "residents abandoned their homes"; "the corridor was closed".
OPERATION_STOPS = frozenset({"abandon", "close", "deny", "capture", "seize"})

# Stops that end hostilities are no failure of the truce: "the shelling stopped".
ENDING_VERBS = frozenset({"stop", "halt", "cease", "end", "suspend"})

# (d) Hostilities: verbs, and nouns told as going on ("shelling continued").
ONGOING_VERBS = frozenset({"continue", "resume", "keep", "go", "intensify", "persist"})

# Words before a verb that make it no deed: a plan, hope, demand, offer, instruction, talk.
UNREAL_WORDS = frozenset(
    {"plan", "hope", "expect", "want", "intend", "aim", "seek", "promise", "offer", "agree"}
    | {"propose", "ready", "prepared", "willing", "schedule", "due", "set", "urge", "ask"}
    | {"demand", "call", "tell", "order", "instruct", "advise", "negotiate", "talk", "need"}
    | {"try", "attempt", "wait", "queue", "gather", "prepare", "would-be"}
)

CONDITION_WORDS = frozenset({"if", "unless", "provided", "whether", "once", "until"})

NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "none", "neither", "nor"})

# A way out that goes back the way it came is no way out: "went home", "turned back".
BACK_WORDS = frozenset({"back", "home", "around"})

# A clause ends at these: each clause is read on its own.
# How many words after a verb its particle or state may come: "left the town empty".
PARTICLE_REACH = 4

CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "but", "while", "whereas"})

CLAUSE_MARKS = frozenset({"after", "before", "because", "since", "as", "so", "and"})

# Those sent in for the people, whose failure to get in or back is the day's.
SENT_IN = frozenset({"team", "mission", "volunteer", "driver"})

# Verbs of staying put: "the buses remained in Zaporizhzhia".
STAYING_VERBS = frozenset({"remain", "stay"})
