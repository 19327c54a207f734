"""Word classes of truces: the nouns, verbs and particles the truce readers test.

Each class is a set of words grouped by meaning, so that a reader tests a class, not a
phrasing.
"""

from __future__ import annotations

TRUCE_NOUNS = frozenset(
    {
        "ceasefire",
        "cease-fire",
        "truce",
        "corridor",
        "corridors",
        "pause",
        "passage",
        "armistice",
        "route",
        "routes",
        "evacuation",
        "evacuations",
    }
)
# Truce nouns a headline's grammar can make look like verbs: "agree to ceasefire".
NEVER_VERBS = frozenset({"ceasefire", "cease-fire", "truce"})
# Who an evacuation takes out, which makes it a corridor's: "the evacuation of women,
# children and the elderly from Azovstal".
EVACUEE_WORDS = frozenset(
    {"civilians", "residents", "people", "women", "children", "elderly", "wounded"}
    | {"families", "patients", "inhabitants", "evacuees", "refugees", "citizens", "locals"}
)
# Nouns that name a truce only with a word that says so: a "silence regime", a "regime of
# silence", a "cessation of hostilities", an "evacuation route", "safe passage".
EVACUATION_VEHICLES = frozenset({"train", "trains", "bus", "buses", "convoy", "flight"})
# An evacuation ordered for all: "a mandatory evacuation of the region".
ORDERED_WORDS = frozenset({"mandatory", "compulsory"})
QUALIFIED_NOUNS = {
    "regime": frozenset({"silence", "quiet", "ceasefire", "cease-fire", "truce"}),
    "cessation": frozenset({"hostilities", "fire", "fighting", "shelling"}),
    "route": frozenset({"evacuation", "humanitarian", "safe", "escape"}),
    "routes": frozenset({"evacuation", "humanitarian", "safe", "escape"}),
    # "an evacuation operation is under way": the operation is the evacuation's day
    # "announced a free evacuation train": the vehicles are the evacuation's day
    "evacuation": frozenset({"safe", "humanitarian", "operation"})
    | EVACUEE_WORDS
    | EVACUATION_VEHICLES
    | ORDERED_WORDS,
    "evacuations": frozenset({"safe", "humanitarian", "operation"})
    | EVACUEE_WORDS
    | EVACUATION_VEHICLES
    | ORDERED_WORDS,
    # "a quiet period", "a window of calm"
    "period": frozenset({"quiet", "calm", "silence", "ceasefire", "cease-fire"}),
    "window": frozenset({"quiet", "calm", "silence", "ceasefire", "humanitarian"}),
}
# Calm told as what there will be: "there will be silence on the road from 8 a.m.".
CALM_NOUNS = frozenset({"silence", "quiet", "calm", "lull"})
# Objects of a halting verb that make it a truce: "halt fire", "cease hostilities".
FIRE_NOUNS = frozenset(
    {"fire", "firing", "shelling", "hostilities", "fighting", "attacks"}
    # "halt military action around Kharkiv", "stop offensive operations"
    | {"action", "actions", "operations", "offensive", "offensives"}
    | {"strikes", "airstrikes", "bombardment", "bombing", "bombings", "attack", "assault"}
)
HALTING_VERBS = frozenset({"halt", "cease", "stop", "suspend", "hold"})
ANNOUNCING_VERBS = frozenset(
    {
        "announce",
        "declare",
        "agree",
        "promise",
        "pledge",
        "offer",
        "propose",
        "open",
        "establish",
        "guarantee",
        "organise",
        "organize",
        "order",
        "set",
        "observe",
        "respect",
        "honour",
        "honor",
        "allow",
        "provide",
        "create",
        "arrange",
        "launch",
        "introduce",
        "start",
        "begin",
        "ensure",
        "approve",
        "confirm",
        "hold",
        "halt",
        "cease",
        "stop",
        "suspend",
        "coordinate",
        "plan",
        "schedule",
        "prepare",
        "reach",
        "conclude",
        "commit",
        "settle",
        "broker",
        "secure",
        "obtain",
        "negotiate",
        "mediate",
        "win",
        "accept",
        # a truce kept going or led: "we will continue the evacuation", "the Red Cross
        # team would lead a safe passage operation", "the ceasefire will be extended"
        "continue",
        "resume",
        "reopen",
        "restart",
        "extend",
        "lead",
        "conduct",
    }
)
# Third parties' verbs of settling a truce between the sides: "the UN brokered a truce",
# "the ICRC obtained guarantees for safe passage". What is brokered binds both sides.
BROKERING_VERBS = frozenset({"broker", "secure", "obtain", "negotiate", "mediate", "win"})
# A truce told as a promise not to attack: "promised not to fire on the road".
ATTACKING_VERBS = frozenset({"fire", "shoot", "shell", "strike", "attack", "bomb", "target"})
# A corridor told as people allowed or able to leave, or taken out, as announced:
# "civilians would be allowed to leave", "agreed that buses could pick up residents".
PERMISSION_WORDS = frozenset({"able", "allow", "allowed", "permit", "permitted", "free"})
MOVING_OUT_WORDS = frozenset(
    {"leave", "go", "evacuate", "exit", "depart", "cross", "travel", "flee", "get"}
    | {"take", "bring", "carry", "transport", "move", "drive", "pick", "bus", "ferry"}
)
PERMIT_MODALS = frozenset({"will", "would", "shall", "'ll", "could", "can", "may", "might"})
# Verbs by which a truce's opening is planned: "is expected to open", "is set to start".
PLANNING_VERBS = frozenset({"expect", "schedule", "set", "plan", "slate"})
# Verbs by which a truce is told as begun: "took effect", "came into force".
EFFECT_VERBS = frozenset({"take", "come", "go", "enter"})
# Sides of a river: "the west bank of the Dnipro".
BANK_SIDES = frozenset({"west", "east", "left", "right", "north", "south", "western", "eastern"})
# Phrases that tell a truce or its operation as going on: "is under way", "in progress".
GOING_ON_PHRASES = frozenset({("under", "way"), ("in", "progress")})
# Verbs whose subject is the truce itself when it is announced: "a corridor will open".
OPENING_VERBS = frozenset(
    {"open", "start", "begin", "operate", "run", "take", "come", "last", "work", "function"}
    # "the green corridor would reopen at 9 a.m.", "evacuations will resume"
    | {"reopen", "resume", "restart", "continue"}
    # "Evacuation from Sumy to go ahead on Tuesday"
    | {"go", "proceed"}
)
# Nouns that count truces: "a number of corridors", "a series of pauses".
COUNT_NOUNS = frozenset({"number", "series", "couple", "set", "pair", "total", "range"})
# Verbs by which two sides settle a truce between them: unnamed, it binds both.
AGREEING_VERBS = frozenset({"agree", "coordinate", "settle"})
# Nouns by which two sides settle it: "the parties reached an agreement on corridors".
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "understanding"})
# Acts named as nouns between a verb and its truce: "organised the work of corridors",
# "agreed on the creation of corridors", "announce the beginning of the silence regime".
NOMINAL_ACTS = frozenset(
    {
        "creation",
        "establishment",
        "organisation",
        "organization",
        "opening",
        "provision",
        "functioning",
        "work",
        "operation",
        "beginning",
        "start",
        "launch",
        "introduction",
        # "the next stage of the evacuation will begin on Friday"
        "stage",
        "phase",
        "round",
    }
)
# Corridors of trade, not of truce: "a new global transport corridor".
TRADE_WORDS = frozenset(
    {"transport", "logistics", "logistic", "trade", "economic", "energy", "transit", "land"}
    # "the Rail Baltica railway corridor", "export corridors for gas"
    | {"railway", "rail", "freight", "cargo", "export", "pipeline", "gas", "digital"}
)
# "with the consent of both sides": what a truce settled between two sides is made with.
CONSENT_NOUNS = frozenset({"consent", "approval", "blessing", "backing"})
# Nouns of working together with the sides: "in coordination with the Russian side".
COORDINATION_NOUNS = frozenset({"coordination", "cooperation", "agreement", "consultation"})
# Subjects that name the two sides together: "the parties agreed a corridor".
BOTH_SIDES_NOUNS = frozenset({"party", "side", "delegation"})
# Prepositions that tie a truce to its verb: "agreed on a corridor", "agreed to a truce".
TRUCE_PREPS = frozenset({"on", "to", "upon", "for"})
PROMISE_NOUNS = frozenset(
    {"promise", "pledge", "offer", "announcement", "proposal", "guarantee", "agreement", "deal"}
)
# Verbs that take their subject over the clause: "agreed to open", "offered to set up".
CONTROL_DEPS = frozenset({"xcomp", "conj"})
# A truce someone is urged to agree is a demand, not a pledge: "urged both sides to agree
# a ceasefire", "called for a humanitarian corridor".
DEMAND_VERBS = frozenset(
    {"urge", "call", "ask", "demand", "press", "appeal", "insist", "plead", "try", "attempt"}
    # and one hoped for, requested, refused or blocked is none either.
    | {"hope", "request", "refuse", "reject", "block", "prevent"}
)
EVACUATION_NOUNS = frozenset(
    {"corridor", "corridors", "passage", "route", "routes", "evacuation", "evacuations"}
)
# Clauses that hope for a truce, judge it needed or hard, or tell of efforts towards it:
# "we hope the ceasefire will be observed", "it is important for corridors to open",
# "our guys are working hard to organise corridors", "her call to ensure corridors".
HOPE_VERBS = frozenset({"hope", "wish", "pray", "expect", "believe", "want", "like"})
JUDGING_ADJECTIVES = frozenset(
    {
        "important",
        "necessary",
        "vital",
        "essential",
        "crucial",
        "difficult",
        "hard",
        "possible",
        "impossible",
        "urgent",
        "needed",
        "imperative",
    }
)
EFFORT_VERBS = frozenset({"work", "strive", "struggle", "endeavour", "endeavor", "seek", "aim"})
# "do everything (possible) to", "make efforts to": effort, told of what is not done yet.
EFFORT_OBJECTS = frozenset({"everything", "all", "effort", "efforts", "utmost", "best"})
EFFORT_NOUNS = frozenset(
    {
        "effort",
        "attempt",
        "prospect",
        "call",
        "appeal",
        "request",
        "demand",
        "hope",
        "question",
        "issue",
        "possibility",
        "need",
        "expectation",
        "measure",
        "goal",
        "task",
    }
)
# A truce told as a verb: "stop firing", "promised to let residents leave".
FIRING_VERBS = frozenset({"firing", "shooting", "shelling", "bombing", "attacking"})
PERMIT_VERBS = frozenset({"let", "allow", "permit"})
PROMISING_VERBS = frozenset({"promise", "agree", "offer", "pledge", "guarantee", "undertake"})
# Orders of restraint given to one's own forces: "troops were told not to fire".
ORDERING_VERBS = frozenset({"order", "tell", "instruct", "command"})
PEOPLE_WORDS = frozenset(
    {"civilian", "resident", "people", "family", "inhabitant", "evacuee", "person", "child"}
)
LEAVING_WORDS = frozenset({"leave", "out", "go", "evacuate", "exit", "depart"})
# "agreed to let buses take residents from Melitopol": people taken out, not leaving.
TAKING_WORDS = frozenset({"take", "bring", "carry", "transport", "move", "drive"})
# Ways out that are a corridor once the sides agree them, whatever they are for.
AGREED_ROUTE_NOUNS = frozenset({"route", "routes", "road", "roads"})
CALL_NOUNS = frozenset({"call", "appeal", "request", "demand"})
# The announcing side: its descriptor may name it by its part in the war, not its name:
# "the occupation forces" are the invading side; "the regional military administration"
# is the state whose towns it runs.
OCCUPIER_WORDS = frozenset(
    {"occupation", "occupier", "occupy", "occupying", "invader", "invade", "invading", "invasion"}
)
INSTALLED_WORDS = frozenset(
    {"install", "instal", "installed", "appoint", "appointed", "back", "backed"}
)
# Authorities of a town or region by their title alone: "the mayor said".
TOWN_HEADS = frozenset({"mayor", "governor"})
LOCAL_WORDS = frozenset({"regional", "city", "oblast", "local", "municipal", "district", "town"})
# Prepositions that make a truce the condition of an announced move: "trains would leave
# Lysychansk under a local ceasefire", "buses could leave during the pause".
CONDITION_PREPS = frozenset({"under", "during", "amid"})
# Who speaks for a body: "a spokesman for the occupation authorities" announces for them,
# "the head of the regional military administration" for the administration.
MOUTHPIECE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "official"}
    # "the head of the regional military administration"
    | {"head", "chief"}
)
# Prepositions whose proper-noun objects are the towns of a corridor's route: "safe
# passage for civilians leaving Chernihiv for Kyiv", "from Kherson to Mykolaiv".
ROUTE_PREPS = frozenset({"from", "to", "towards", "toward", "for", "out", "of", "near", "around"})
# Determiners by which a truce is one named before: "the pause", "this corridor".
DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those"})
# The dictionary's codes for bodies of no side: the UN family, the Red Cross.
THIRD_PARTIES = frozenset({"IGO", "NGO"})
# Efforts that are themselves the truce's day when scheduled: "another attempt will be made".
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "try"})
# Modals that oblige rather than promise: "Russia must agree to a ceasefire".
OBLIGING_MODALS = frozenset({"must", "should", "ought"})
# How many sentences after a placeless truce may tell where its corridors run.
DESCRIBED_SENTENCES = 2
