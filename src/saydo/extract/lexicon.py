"""Word lists the extractors read: attribution cues and event triggers.

Kept as data in one place so that a rule change is a change of a table, not of code.
Event triggers map a lemma to a PLOVER type and mode; whether a trigger becomes an event
is decided from its arguments in the parse (see :mod:`saydo.extract.events`).
"""

from __future__ import annotations

from dataclasses import dataclass

from saydo.domain import PloverType

T = PloverType

# Verbs that attribute speech. "report" is left out: a correspondent who "reports from
# Kyiv" attributes nothing.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "deny",
        "warn",
        "insist",
        "announce",
        "declare",
        "confirm",
        "stress",
        "note",
        "write",
        "tweet",
        "explain",
        "argue",
        "assert",
        "acknowledge",
        "admit",
        "allege",
        "accuse",
        "reply",
        "respond",
        "answer",
        "comment",
        "remark",
        "reiterate",
        "vow",
        "pledge",
        "promise",
        "suggest",
        "urge",
        "caution",
        "predict",
        "estimate",
        "maintain",
        "indicate",
        "reveal",
        "disclose",
        "repeat",
        "describe",
        "call",
    ]
)
# Verbs of thought and intention, which PolNeAR attributes like speech.
BELIEF_VERBS = frozenset(
    [
        "believe",
        "think",
        "fear",
        "expect",
        "hope",
        "assess",
        "conclude",
        "suspect",
        "doubt",
        "feel",
        "know",
    ]
)
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS
# Verbs whose subject reports, sees, judges or suffers a deed rather than doing it.
WITNESS_VERBS = (
    CUE_VERBS
    | frozenset({"report"})
    | frozenset(
        {
            "see",
            "witness",
            "hear",
            "condemn",
            "denounce",
            "decry",
            "blame",
            "survive",
            "flee",
            "endure",
            "face",
            "suffer",
            "document",
            "record",
            "describe",
            "investigate",
        }
    )
)
# Nouns that attribute the clause after them: "Russia's claim that it will ...".
CUE_NOUNS = frozenset(
    [
        "claim",
        "claims",
        "announcement",
        "statement",
        "pledge",
        "promise",
        "assertion",
        "assurance",
        "report",
        "reports",
        "warning",
        "denial",
        "insistence",
        "admission",
        "vow",
        "proposal",
        "offer",
    ]
)
# People who speak for someone else: "a spokesperson for Boris Johnson" speaks for
# Johnson's office, so the statement is his.
PROXY_NOUNS = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "representative",
        "aide",
        "office",
        "press",
        "secretary",
    ]
)
# Subjects whose referent is the speaker's own side: "the military" in a defence
# ministry's statement is that ministry's military.
OWN_SIDE_NOUNS = frozenset(
    ["military", "army", "forces", "troops", "units", "we", "our", "us", "ministry", "government"]
)

# Verbs whose negation means the act goes on: "airstrikes do not stop".
ASPECTUAL_STOP = frozenset(["stop", "cease", "end", "halt"])
ASPECTUAL_GO_ON = frozenset(["continue", "persist", "resume"])


@dataclass(frozen=True, slots=True)
class Trigger:
    type: PloverType
    mode: str | None = None
    needs_object: frozenset[str] = frozenset()  # lemmas one of which must be the object


_TIES = frozenset({"tie", "ties", "relation", "relations"})
_MIL_OBJECTS = frozenset(
    [
        "activity",
        "activities",
        "operation",
        "operations",
        "troop",
        "troops",
        "force",
        "forces",
        "presence",
        "attack",
        "attacks",
        "offensive",
        "hostilities",
        "fighting",
        "shelling",
        "bombardment",
        "strikes",
    ]
)

VERB_TRIGGERS: dict[str, Trigger] = {
    # ASSAULT
    "strike": Trigger(T.ASSAULT, "aerial"),
    "hit": Trigger(T.ASSAULT),
    "shell": Trigger(T.ASSAULT, "artillery"),
    "bomb": Trigger(T.ASSAULT, "aerial"),
    "attack": Trigger(T.ASSAULT),
    "target": Trigger(T.ASSAULT),
    "kill": Trigger(T.ASSAULT),
    "invade": Trigger(T.ASSAULT),
    "bombard": Trigger(T.ASSAULT, "artillery"),
    "pound": Trigger(T.ASSAULT, "artillery"),
    "destroy": Trigger(T.ASSAULT),
    "storm": Trigger(T.ASSAULT),
    "assault": Trigger(T.ASSAULT),
    "massacre": Trigger(T.ASSAULT),
    "wound": Trigger(T.ASSAULT),
    "injure": Trigger(T.ASSAULT),
    "harm": Trigger(T.ASSAULT),
    "execute": Trigger(T.ASSAULT),
    "torture": Trigger(T.ASSAULT),
    # COERCE
    "block": Trigger(T.COERCE, "blockade"),
    "blockade": Trigger(T.COERCE, "blockade"),
    "besiege": Trigger(T.COERCE, "blockade"),
    "encircle": Trigger(T.COERCE, "blockade"),
    "annex": Trigger(T.COERCE, "seize"),
    "capture": Trigger(T.COERCE, "seize"),
    "seize": Trigger(T.COERCE, "seize"),
    "occupy": Trigger(T.COERCE, "seize"),
    "detain": Trigger(T.COERCE, "arrest"),
    "arrest": Trigger(T.COERCE, "arrest"),
    "abduct": Trigger(T.COERCE, "abduct"),
    "deport": Trigger(T.COERCE, "deport"),
    # MOBILIZE
    "reinforce": Trigger(T.MOBILIZE, "troops"),
    "mobilize": Trigger(T.MOBILIZE, "troops"),
    "mobilise": Trigger(T.MOBILIZE, "troops"),
    "deploy": Trigger(T.MOBILIZE, "troops"),
    "mass": Trigger(T.MOBILIZE, "troops", frozenset({"troop", "troops", "force", "forces"})),
    "regroup": Trigger(T.MOBILIZE, "troops"),
    # RETREAT
    "withdraw": Trigger(T.RETREAT, "withdraw"),
    "retreat": Trigger(T.RETREAT, "withdraw"),
    "return": Trigger(T.RETREAT, "withdraw"),
    "leave": Trigger(T.RETREAT, "withdraw"),
    "reduce": Trigger(T.RETREAT, "de-escalate", _MIL_OBJECTS),
    "scale": Trigger(T.RETREAT, "de-escalate"),
    "cut": Trigger(T.RETREAT, "de-escalate"),
    "pull": Trigger(T.RETREAT, "withdraw"),
    "release": Trigger(T.RETREAT, "release"),
    "evacuate": Trigger(T.RETREAT, "evacuate"),
    # CONSULT / AGREE / CONCEDE / COOPERATE / AID
    "meet": Trigger(T.CONSULT, "meet"),
    "negotiate": Trigger(T.CONSULT, "talks"),
    "visit": Trigger(T.CONSULT, "visit"),
    "host": Trigger(T.CONSULT, "host"),
    "agree": Trigger(T.AGREE),
    "sign": Trigger(T.AGREE, "sign"),
    "declare": Trigger(T.CONCEDE, None, frozenset({"neutrality", "ceasefire", "truce"})),
    "concede": Trigger(T.CONCEDE),
    # Diplomatic recognition and ties are PLOVER SUPPORT.
    "establish": Trigger(T.SUPPORT, "diplomatic", _TIES),
    "upgrade": Trigger(T.SUPPORT, "diplomatic", _TIES),
    "restore": Trigger(T.SUPPORT, "diplomatic", _TIES),
    "normalize": Trigger(T.SUPPORT, "diplomatic", _TIES),
    "normalise": Trigger(T.SUPPORT, "diplomatic", _TIES),
    "exchange": Trigger(T.COOPERATE, "exchange"),
    "supply": Trigger(T.AID, "military"),
    "send": Trigger(
        T.AID,
        None,
        frozenset(
            {"aid", "weapons", "arms", "assistance", "help", "material", "supplies", "equipment"}
            | {"medicine", "medicines", "food"}
        ),
    ),
    "deliver": Trigger(T.AID),
    "provide": Trigger(T.AID),
    "donate": Trigger(T.AID),
    # SANCTION / PROTEST
    "sanction": Trigger(T.SANCTION),
    "expel": Trigger(T.SANCTION, "expel"),
    "ban": Trigger(T.SANCTION),
    "freeze": Trigger(T.SANCTION),
    "protest": Trigger(T.PROTEST),
    "rally": Trigger(T.PROTEST),
    # Speech acts (kept for completeness; scored as statements, not deeds)
    "accuse": Trigger(T.ACCUSE),
    "blame": Trigger(T.ACCUSE),
    "condemn": Trigger(T.ACCUSE),
    "reject": Trigger(T.REJECT),
    "dismiss": Trigger(T.REJECT),
    "refuse": Trigger(T.REJECT),
    "threaten": Trigger(T.THREATEN),
    # A boycott withholds participation in protest (CAMEO 14); announced, it threatens.
    "boycott": Trigger(T.PROTEST, "boycott"),
    # Letting another do what it wants is yielding to it.
    "allow": Trigger(T.CONCEDE),
    "permit": Trigger(T.CONCEDE),
    # Recalling one's envoys cuts relations.
    "recall": Trigger(
        T.SANCTION, "relations", frozenset({"ambassador", "envoy", "diplomat", "diplomats"})
    ),
    # Holding people as shields or hostages coerces them.
    "hold": Trigger(
        T.COERCE,
        "abduct",
        frozenset({"hostage", "hostages", "shield", "shields", "captive", "captives"}),
    ),
    "demand": Trigger(T.REQUEST),
    "urge": Trigger(T.REQUEST),
    "praise": Trigger(T.SUPPORT),
}

# Verbs of the CAMEO/PLOVER codebook beyond the war lexicon above, by type. Whether one
# becomes an event, and with which modality, is still read from its arguments.
_MORE_VERBS: dict[PloverType, tuple[str, ...]] = {
    T.AGREE: ("accept", "approve", "endorse", "ratify", "offer", "promise", "pledge", "vow"),
    T.CONSULT: ("telephone", "phone", "discuss", "consult", "mediate", "confer"),
    T.SUPPORT: (
        "support",
        "welcome",
        "commend",
        "applaud",
        "hail",
        "defend",
        "back",
        "apologize",
        "apologise",
        "forgive",
        "recognize",
        "recognise",
        "congratulate",
    ),
    T.COOPERATE: ("cooperate", "collaborate", "share", "extradite"),
    T.AID: ("aid", "give", "grant", "donate", "lend", "fund", "contribute", "shelter"),
    T.CONCEDE: ("ease", "lift", "relax", "yield", "cancel", "shorten", "legalize"),
    T.RETREAT: ("demobilize", "demobilise", "disarm", "resign", "surrender", "quit"),
    T.REQUEST: (
        "appeal",
        "request",
        "seek",
        "ask",
        "press",
        "plead",
        "implore",
        "order",
        "pressure",
        "pressurize",
        "pressurise",
        "lobby",
    ),
    T.ACCUSE: (
        "criticize",
        "criticise",
        "denounce",
        "deplore",
        "charge",
        "allege",
        "complain",
        "investigate",
        "probe",
        "monitor",
        "inspect",
        "indict",
        "sue",
        "summon",
    ),
    T.REJECT: ("deny", "veto", "oppose", "decline", "renege", "violate", "defy"),
    T.THREATEN: ("warn",),
    T.PROTEST: ("demonstrate", "march", "riot", "picket"),
    T.SANCTION: ("embargo", "suspend", "halt", "sever", "prohibit", "withhold"),
    T.MOBILIZE: ("alert", "strengthen"),
    T.COERCE: (
        "confiscate",
        "demolish",
        "impose",
        "kidnap",
        "hack",
        "censor",
        "raid",
        "expel",
        "banish",
        "evict",
        "jail",
        "imprison",
        "outlaw",
        "prevent",
        "disperse",
        "suppress",
        "repress",
    ),
    T.ASSAULT: (
        "shoot",
        "fire",
        "clash",
        "ambush",
        "assassinate",
        "explode",
        "beat",
        "abuse",
        "rape",
        "murder",
        "behead",
        "stab",
        "burn",
        "retake",
        "kill",
    ),
}
# Verbs that code one type as a war deed and another in the wider codebook keep the
# war reading above; the codebook only fills in verbs the war lexicon does not know.
for _type, _lemmas in _MORE_VERBS.items():
    for _lemma in _lemmas:
        VERB_TRIGGERS.setdefault(_lemma, Trigger(_type))

# Phrasal verbs: (verb lemma, particle) -> trigger.
PARTICLE_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("scale", "back"): Trigger(T.RETREAT, "de-escalate"),
    ("scale", "down"): Trigger(T.RETREAT, "de-escalate"),
    ("cut", "back"): Trigger(T.RETREAT, "de-escalate"),
    ("pull", "back"): Trigger(T.RETREAT, "withdraw"),
    ("pull", "out"): Trigger(T.RETREAT, "withdraw"),
    ("draw", "down"): Trigger(T.RETREAT, "withdraw"),
    ("call", "for"): Trigger(T.REQUEST),
    ("lay", "out"): Trigger(T.AGREE, "propose"),
    ("hand", "over"): Trigger(T.AID),
    ("call", "off"): Trigger(T.CONCEDE),
    ("turn", "down"): Trigger(T.REJECT),
    ("break", "off"): Trigger(T.SANCTION),
    ("crack", "down"): Trigger(T.COERCE, "repression"),
    ("round", "up"): Trigger(T.COERCE, "arrest"),
    ("set", "up"): Trigger(T.COOPERATE),
    ("step", "down"): Trigger(T.RETREAT, "resign"),
    ("open", "up"): Trigger(T.CONCEDE),
    # Forcing a body out of the country expels it (SANCTION).
    ("force", "out"): Trigger(T.SANCTION, "expel"),
    ("blow", "up"): Trigger(T.ASSAULT, "explosives"),
}
# Verbs that are events only with their particle.
PARTICLE_ONLY = frozenset(
    {"scale", "cut", "pull", "draw", "call", "lay", "hand", "turn", "crack", "round", "set", "step"}
)

NOUN_TRIGGERS: dict[str, Trigger] = {
    "shelling": Trigger(T.ASSAULT, "artillery"),
    "bombardment": Trigger(T.ASSAULT, "artillery"),
    "bombing": Trigger(T.ASSAULT, "aerial"),
    "airstrike": Trigger(T.ASSAULT, "aerial"),
    "strike": Trigger(T.ASSAULT, "aerial"),
    "attack": Trigger(T.ASSAULT),
    "assault": Trigger(T.ASSAULT),
    "invasion": Trigger(T.ASSAULT, "invasion"),
    "offensive": Trigger(T.ASSAULT),
    "massacre": Trigger(T.ASSAULT),
    "barrage": Trigger(T.ASSAULT, "artillery"),
    "blockade": Trigger(T.COERCE, "blockade"),
    "siege": Trigger(T.COERCE, "blockade"),
    "annexation": Trigger(T.COERCE, "seize"),
    "occupation": Trigger(T.COERCE, "seize"),
    "talk": Trigger(T.CONSULT, "talks"),
    "negotiation": Trigger(T.CONSULT, "talks"),
    "meeting": Trigger(T.CONSULT, "meet"),
    "summit": Trigger(T.CONSULT, "meet"),
    "withdrawal": Trigger(T.RETREAT, "withdraw"),
    "retreat": Trigger(T.RETREAT, "withdraw"),
    "ceasefire": Trigger(T.RETREAT, "ceasefire"),
    "truce": Trigger(T.RETREAT, "ceasefire"),
    "sanction": Trigger(T.SANCTION),
    "protest": Trigger(T.PROTEST),
    "evacuation": Trigger(T.RETREAT, "evacuate"),
    "corridor": Trigger(T.RETREAT, "ceasefire"),
    "demonstration": Trigger(T.PROTEST, "demo"),
    "rally": Trigger(T.PROTEST, "demo"),
    "riot": Trigger(T.PROTEST, "riot"),
    "boycott": Trigger(T.PROTEST),
    "curfew": Trigger(T.COERCE, "curfew"),
    "embargo": Trigger(T.SANCTION),
    "investigation": Trigger(T.ACCUSE, "investigate"),
    "inquiry": Trigger(T.ACCUSE, "investigate"),
    "mediation": Trigger(T.CONSULT, "mediate"),
    "visit": Trigger(T.CONSULT, "visit"),
    "aid": Trigger(T.AID),
    "assistance": Trigger(T.AID),
    "agreement": Trigger(T.AGREE),
    "accord": Trigger(T.AGREE),
    "consensus": Trigger(T.AGREE),
    "pact": Trigger(T.AGREE),
    "treaty": Trigger(T.AGREE),
    "demand": Trigger(T.REQUEST),
    "appeal": Trigger(T.REQUEST),
    "threat": Trigger(T.THREATEN),
    "ultimatum": Trigger(T.THREATEN),
    "criticism": Trigger(T.ACCUSE),
    "condemnation": Trigger(T.ACCUSE),
    "accusation": Trigger(T.ACCUSE),
    "rejection": Trigger(T.REJECT),
    "refusal": Trigger(T.REJECT),
    "veto": Trigger(T.REJECT),
    "arrest": Trigger(T.COERCE, "arrest"),
    "assassination": Trigger(T.ASSAULT, "assassinate"),
    "bomb": Trigger(T.ASSAULT, "explosives"),
    "bombs": Trigger(T.ASSAULT, "explosives"),
    "clash": Trigger(T.ASSAULT),
    "fighting": Trigger(T.ASSAULT),
    "alert": Trigger(T.MOBILIZE, "alert"),
    "hearing": Trigger(T.ACCUSE, "investigate"),
    "probe": Trigger(T.ACCUSE, "investigate"),
    "cleansing": Trigger(T.ASSAULT),
    "torture": Trigger(T.ASSAULT, "torture"),
    "suspension": Trigger(T.SANCTION),
    "welcome": Trigger(T.CONSULT, "host"),
    "patrol": Trigger(T.MOBILIZE, "troops"),
    "exercise": Trigger(T.MOBILIZE, "exercise"),
    "drill": Trigger(T.MOBILIZE, "exercise"),
    "deployment": Trigger(T.MOBILIZE, "troops"),
}
# Compound nouns written as two words or with a hyphen ("air strikes", "missile strikes").
NOUN_FIRST_WORDS_FOR_STRIKE = frozenset({"air", "missile", "rocket", "drone", "artillery"})

# Strikes that are a withdrawal of work or food in protest, not an attack.
PROTEST_STRIKE_WORDS = frozenset({"hunger", "general", "labour", "labor", "national", "workers"})
PROTEST_STRIKE = Trigger(T.PROTEST, "strike")
# Obstruction verbs: a blockade by forces coerces; by civilians it is a protest (CAMEO 154).
OBSTRUCTION_VERBS = frozenset({"block", "blockade", "barricade"})

# A declared ceasefire is PLOVER's RETREAT (de-escalation), whatever verb declares it.
CEASEFIRE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
CEASEFIRE = Trigger(T.RETREAT, "ceasefire")

# Ending a siege or blockade is a military de-escalation (RETREAT), not a concession.
LIFT_VERBS = frozenset({"lift", "ease", "end", "raise", "relax", "break"})
SIEGE_NOUNS = frozenset({"blockade", "siege", "encirclement"})
# Calling off contact with another is a cut in relations (SANCTION), not a concession.
CUT_VERBS = frozenset({"cancel", "suspend", "end", "halt", "postpone", "break", "call", "freeze"})
CONTACT_NOUNS = frozenset(
    {
        "visit",
        "talk",
        "talks",
        "meeting",
        "mediation",
        "negotiation",
        "contact",
        "tie",
        "relation",
        "dialogue",
        "cooperation",
        "link",
        "summit",
    }
)
# Withdrawing envoys, inspectors or aid workers cuts relations (SANCTION), unlike troops.
WITHDRAW_VERBS = frozenset({"withdraw", "pull", "recall", "ship"})
PERSONNEL_NOUNS = frozenset(
    {
        "ambassador",
        "envoy",
        "diplomat",
        "inspector",
        "worker",
        "staff",
        "monitor",
        "observer",
        "peacekeeper",
        "mission",
        "embassy",
    }
)
# Cutting aid or supplies to another is a sanction.
AID_CUT_VERBS = frozenset({"reduce", "cut", "suspend", "halt", "stop", "withhold", "end"})
AID_NOUNS = frozenset(
    {"aid", "supply", "supplies", "assistance", "funding", "delivery", "food", "loan"}
)
# Going somewhere "for talks" is consulting, not retreating.
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "meeting", "consultation", "summit"})
# Verbs whose preposition makes the event: "pushing for", "called for", "called on".
PREP_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("push", "for"): Trigger(T.REQUEST),
    ("press", "for"): Trigger(T.REQUEST),
    ("lobby", "for"): Trigger(T.REQUEST),
    ("call", "for"): Trigger(T.REQUEST),
    ("call", "on"): Trigger(T.REQUEST),
}
# "opened fire" is an attack; "set fire to" the destruction of property.
FIRE_TRIGGERS: dict[str, Trigger] = {
    "open": Trigger(T.ASSAULT, "small arms"),
    "set": Trigger(T.COERCE, "destroy"),
}
ARREST_VERBS = frozenset({"arrest", "detain", "jail", "imprison", "hold", "round"})

# Blowing up or burning infrastructure destroys property (COERCE), not people.
PROPERTY_NOUNS = frozenset(
    {
        "line",
        "bridge",
        "pipeline",
        "railway",
        "tower",
        "building",
        "office",
        "depot",
        "plant",
        "station",
        "dam",
        "pylon",
        "road",
    }
)

# Arrested "on charges of", "for collaborating": the detention voices an accusation.
ACCUSATION_NOUNS = frozenset({"allegation", "charge", "suspicion", "accusation", "count", "ground"})
# Downing tools: "workers stopped work", "shunned work" is a strike (PROTEST).
WORK_STOP_VERBS = frozenset({"stop", "shun", "down", "quit", "leave", "halt"})
WORK_NOUNS = frozenset({"work", "tool", "tools"})
# Emergency rule: "declared a state of siege", "imposed martial law" (COERCE).
EMERGENCY_STATES = frozenset({"siege", "emergency"})
EMERGENCY = Trigger(T.COERCE, "martial law")

# Types that are speech acts: a record of them is a statement, not a deed.
SPEECH_ACT_TYPES = frozenset({T.AGREE, T.REQUEST, T.ACCUSE, T.REJECT, T.THREATEN, T.SUPPORT})

# Hostile types, which an unnamed actor in a report by one side attributes to its enemy.
HOSTILE_TYPES = frozenset({T.ASSAULT, T.COERCE})

# CAMEO root codes and QuadClass for export to GDELT-based tools.
CAMEO_ROOT: dict[PloverType, str] = {
    T.AGREE: "03",
    T.CONSULT: "04",
    T.SUPPORT: "05",
    T.COOPERATE: "06",
    T.AID: "07",
    T.CONCEDE: "08",
    T.RETREAT: "08",
    T.REQUEST: "02",
    T.ACCUSE: "11",
    T.REJECT: "12",
    T.THREATEN: "13",
    T.PROTEST: "14",
    T.MOBILIZE: "15",
    T.SANCTION: "16",
    T.COERCE: "17",
    T.ASSAULT: "18",
}
# Conventional military force (aerial, artillery) is CAMEO 19 "fight", not 18 "assault".
CAMEO_BY_MODE: dict[str, str] = {"aerial": "19", "artillery": "19", "invasion": "19"}


def quad_class(cameo_root: str) -> int:
    """GDELT's QuadClass: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    code = int(cameo_root)
    if code <= 5:
        return 1
    if code <= 8:
        return 2
    if code <= 13:
        return 3
    return 4


def cameo_code(plover: PloverType, mode: str | None) -> str:
    if plover is T.ASSAULT and mode in CAMEO_BY_MODE:
        return CAMEO_BY_MODE[mode]
    return CAMEO_ROOT[plover]


# Types whose unnamed other party is, in a two-sided conflict, the other side.
DYADIC_TYPES = HOSTILE_TYPES | {PloverType.CONSULT, PloverType.COOPERATE, PloverType.AGREE}

SYMMETRIC_TYPES = frozenset({PloverType.CONSULT, PloverType.COOPERATE, PloverType.AGREE})


# Objects that make a cut a policy ("cut back fuel subsidies"), not a military retreat.
ECONOMIC_NOUNS = frozenset(
    {
        "subsidy",
        "tax",
        "taxis",
        "price",
        "production",
        "output",
        "import",
        "export",
        "tariff",
        "spending",
        "budget",
        "rate",
        "cost",
        "supply",
        "duty",
        "consumption",
        "emission",
        "wage",
        "benefit",
    }
)
# Subjects that name a state of affairs or a document, never a doer: "the lack of exports
# will hit many nations", "a treaty which will give it allies".
NON_AGENT_NOUNS = frozenset(
    {
        "lack",
        "shortage",
        "absence",
        "loss",
        "rise",
        "fall",
        "increase",
        "decline",
        "drop",
        "shortfall",
        "crisis",
        "inflation",
        "price",
        "situation",
        "treaty",
        "agreement",
        "deal",
        "accord",
        "pact",
        "law",
        "document",
        "resolution",
        "guarantee",
        "plan",
        "proposal",
        "arrangement",
    }
)
# Adverbs that set a deed before the time of telling: "have previously accused".
BACKGROUND_ADVERBS = frozenset({"previously", "earlier", "formerly"})
