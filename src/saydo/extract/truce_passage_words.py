"""Word classes of the lexical truce reader, grouped by meaning."""

from __future__ import annotations

# Nouns of a way out, or of the pause that opens one.
WAY_NOUNS = frozenset(
    {"corridor", "route", "passage", "evacuation", "relocation", "crossing", "checkpoint"}
    | {"ceasefire", "cease-fire", "truce", "pause", "armistice", "exit"}
)
# Nouns of a pause of fire, as against a way out.
PAUSE_WORDS = frozenset({"ceasefire", "cease-fire", "truce", "pause", "armistice", "silence"})
# Vehicles that take people out: a way out when people or an evacuation ride them, or
# when they leave a place ("Buses leave Okhtyrka for Poltava at 9:00").
VEHICLE_NOUNS = frozenset(
    {"convoy", "column", "bus", "minibus", "coach", "train", "ferry", "boat", "ship", "car"}
    | {"vehicle", "ambulance", "truck", "lorry"}
)
PEOPLE_NOUNS = frozenset(
    {"civilian", "resident", "people", "person", "family", "inhabitant", "evacuee", "child"}
    | {"woman", "elderly", "wounded", "patient", "refugee", "citizen", "local", "student"}
    | {"passenger", "orphan", "baby", "mother", "everyone", "those", "villager", "pensioner"}
    | {"pedestrian"}
    # "to pick up anyone wishing to leave"
    | {"anyone", "anybody", "whoever"}
)
# Words that make vehicles an evacuation's: "evacuation buses", "humanitarian convoy".
EVACUATING_WORDS = frozenset({"evacuation", "evacuate", "evacuee", "humanitarian", "rescue"})
# Verbs of moving out (their subject goes, or their object is taken): a way out when
# people or vehicles move by them.
# Verbs that move out by their own meaning: "may leave by car", "will be evacuated".
LEAVING_VERBS = frozenset(
    {"leave", "exit", "evacuate", "relocate", "depart", "flee", "escape", "rescue", "let"}
    # people collected: "buses could pick up residents of Vasylivka"
    | {"collect", "pick", "fetch", "board"}
    # vehicles or people guarded out: "the Red Cross will escort a column of cars"
    | {"escort"}
)
# Verbs of any motion, a way out only when told out of somewhere ("drive out", "carry
# residents from the port") or in a sentence of evacuation: "going to the beach by car"
# is none.
MOVING_VERBS = frozenset(
    {"drive", "walk", "go", "get", "bring", "take", "carry", "move", "transport", "ferry"}
    | {"run", "reach", "enter", "travel", "head", "cross", "pass"}
    | {"lead", "bus", "ship", "fly", "sail", "set"}
)
OUT_WORDS = frozenset({"out", "from", "away", "off"})
# Verbs whose object is what is carried: people, or a load of goods.
CARRYING_VERBS = frozenset({"carry", "transport", "bring", "take", "deliver", "ship", "ferry"})
# Verbs that halt fire: "will halt hostilities", "hold fire", "cease fire".
HALTING_WORDS = frozenset({"halt", "cease", "stop", "suspend", "hold", "pause"})
# Nouns of fire whose halt is a truce: "halt strikes on Mykolaiv".
FIRE_WORDS = frozenset(
    {"fire", "firing", "shelling", "hostility", "fighting", "attack", "strike", "airstrike"}
    | {"bombardment", "bombing", "assault", "offensive", "shooting"}
    # a siege lifted or a blockade halted opens a way out
    | {"siege", "blockade"}
)
# "military action", "combat operations": fire only when told as military.
MILITARY_WORDS = frozenset({"military", "combat", "offensive", "hostile"})
# Verbs of attack whose negation, promised, is a truce: "promised not to fire on the road".
ATTACKING_WORDS = frozenset({"fire", "shoot", "shell", "strike", "attack", "bomb", "target"})
# Roads a promised restraint keeps open.
ROAD_WORDS = frozenset({"road", "highway", "bridge", "convoy", "column", "bus"})
# Nouns of quiet announced for a time: "there will be silence from 9 a.m. in Bakhmut".
QUIET_WORDS = frozenset({"silence", "quiet", "calm", "lull"})
# Modals of future, permission or possibility: "will run", "can drive out", "could leave".
FORWARD_MODALS = frozenset({"will", "would", "shall", "'ll", "can", "could", "may", "might", "wo"})
PERMISSION_MODALS = frozenset({"can", "could", "may", "might"})
# Words that commit, in any tense: "Russia has agreed", "the government ordered".
COMMITTING_WORDS = frozenset(
    {"agree", "announce", "declare", "promise", "pledge", "guarantee", "vow", "order"}
    | {"decide", "extend", "approve", "authorise", "authorize", "agreement", "deal"}
    | {"accord", "commitment", "assurance", "coordinate", "offer", "confirm", "arrange"}
    | {"commit", "settle", "propose", "accept", "broker", "obtain", "secure", "establish"}
    | {"negotiate"}
    | {"permission", "consent", "approval", "go-ahead", "guarantee", "promise", "pledge"}
)
# Words of plans, readiness, work and operation, told as present or to come: "is expected
# to", "are due to", "will try", "is ready to", "was being organised", "remains open".
PLANNING_WORDS = frozenset(
    {"plan", "schedule", "set", "due", "expect", "prepare", "try", "attempt", "intend"}
    | {"aim", "organise", "organize", "ready", "willing", "prepared", "able"}
    | {"allow", "permit", "free", "open", "operate", "remain"}
    | {"continue", "start", "begin", "resume", "launch", "contact", "plan", "attempt"}
    | {"way", "underway", "progress", "effect", "force", "place", "available"}
    # "a convoy is being formed", "buses are being assembled"
    | {"form", "assemble"}
)
# Plans whose word is the same in the past: "the evacuation was set for today".
# Plans and readiness whose past is the tense of the saying: "the evacuation was set for
# today", "Russia was ready to let civilians out".
UNTENSED_PLANS = frozenset(
    {"set", "due", "schedule", "plan", "expect", "ready", "willing", "prepared"}
)
# Verbs of saying and deciding whose object, told as to come, is an announcement.
# Verbs by which a way out is asked of a party, not announced.
ASKING_WORDS = frozenset(
    {"urge", "call", "appeal", "ask", "demand", "request", "insist", "plead", "press"}
    | {"beg", "need", "want", "seek", "push", "lobby", "encourage"}
)
# Verbs of telling: a call on people to go when told to them ("residents were told they
# could leave", "advised residents to leave"), a mere saying otherwise ("told reporters").
TELLING_WORDS = frozenset({"tell", "advise", "instruct", "inform", "warn"})
# Verbs that order a restraint on one's own troops: "have been told not to fire".
ORDERING_WORDS = TELLING_WORDS | {"order", "command", "instruct"}
# Verbs and nouns of a way out ended, refused, denied or failed.
ENDING_WORDS = frozenset(
    {"deny", "refuse", "reject", "block", "prevent", "thwart", "cancel", "abandon"}
    | {"postpone", "halt", "suspend", "stop", "close", "fail", "disrupt", "derail", "end"}
    | {"collapse", "break", "violate", "shell", "attack", "strike", "target", "mine"}
    | {"bomb", "destroy", "sabotage", "cut", "sever", "obstruct", "hinder", "delay"}
    | {"falter", "stall", "founder", "abort"}
    # orders to leave lifted or revoked: "all evacuation orders have been lifted"
    | {"lift", "revoke", "rescind", "scrap"}
)
# Verbs of a way out failing, which make a sentence with no future in it a report of the
# failure: "Promised corridor out of Kherson falters as buses stall".
FAILING_WORDS = frozenset(
    {"falter", "stall", "collapse", "fail", "founder", "abort", "derail", "scupper"}
    | {"turn", "halt", "suspend", "cancel", "postpone", "break"}
)
# Words that make a way out a topic talked of, not announced: "will discuss corridors",
# "placed particular emphasis on humanitarian corridors".
TOPIC_WORDS = frozenset(
    {"discuss", "consider", "debate", "examine", "review", "study", "mention", "raise"}
    | {"emphasis", "emphasise", "emphasize", "focus", "issue", "matter", "question", "topic"}
    | {"touch", "address", "highlight", "stress", "note", "talk", "conversation"}
)
HOPING_WORDS = frozenset(
    {"hope", "wish", "pray", "believe", "dream", "like", "want", "expect", "think"}
)
OBLIGING_MODALS = frozenset({"must", "should", "ought", "need"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Clauses a way out may sit in and still be the sentence's news; others (relative
# clauses, "as", "after", "when" clauses) tell the circumstances of something else.
NEWS_DEPS = frozenset(
    {"xcomp", "ccomp", "conj", "acomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr"}
    | {"compound", "amod", "appos", "oprd", "acl", "npadvmod", "advmod", "pcomp", "dative"}
    | {"nmod", "poss", "prt", "agent", "aux", "auxpass"}
    # "Buses to take residents to Zaporizhzhia will be at the centre": the parser makes the
    # vehicles' errand the clause's subject
    | {"csubj"}
)
PURPOSE_MARKS = frozenset({"so", "to", "in"})
# Agreements that bind both warring sides, whoever tells them.
AGREEING_WORDS = frozenset({"agree", "agreement", "coordinate", "negotiate", "deal"})
TIME_LABELS = frozenset({"TIME", "DATE"})
# Prepositions of a deadline to go by: "residents have until Sunday to leave".
DEADLINE_PREPS = frozenset({"until", "till", "by", "before"})
# Verbs that declare a way out open, in any tense: "they had opened a corridor".
OPENING_WORDS = frozenset({"open", "reopen", "create", "establish", "launch"})
# Verbs whose vehicle subject stands ready for people: "buses will be waiting in Lyman".
STANDING_VERBS = frozenset({"leave", "depart", "exit", "wait"})
# Way nouns that name a way out only in a sentence of people, vehicles or evacuation:
# "the crossing at Vasylivka will be open for cars"; not "a wildlife crossing".
GENERIC_WAYS = frozenset({"crossing", "checkpoint", "route", "passage", "exit"})
# Words that qualify a way out as one for people: "humanitarian corridor", "safe passage".
QUALIFYING_WORDS = frozenset({"humanitarian", "safe", "green", "evacuation", "civilian"})
# What people going of their own accord try or hope, which announces nothing.
ATTEMPTING_WORDS = frozenset({"try", "attempt", "plan", "hope", "prepare", "intend", "aim"})
# Verbs a timetable tells in the present: "Buses leave Okhtyrka for Poltava at 9:00".
TIMETABLE_VERBS = frozenset(
    {"leave", "depart", "run", "go", "operate", "open", "start", "begin", "resume", "set"}
    | {"arrive", "travel", "head"}
    # vehicles that stand ready or collect people: "buses wait at the square from 08:00",
    # "the minibus takes residents to Sloviansk at 10:00"
    | {"wait", "gather", "collect", "pick", "take", "come", "sail"}
)
# Verbs whose people go themselves: their subject leaves; "leave few people untouched"
# leaves its object somewhere, which is no way out.
SELF_LEAVING_VERBS = frozenset({"leave", "exit", "depart", "flee", "escape"})
# Verbs of one's own intention, told with its act: "the ICRC hoped to lead an operation".
INTENDING_WORDS = frozenset({"hope", "want", "intend", "aim", "wish", "seek"})
# Modifiers of vehicles of war: "armoured vehicles" are weapons, not a way out.
ARMOURED_WORDS = frozenset({"armored", "armoured", "armed", "tactical", "fighting"})
# Way nouns English never uses as verbs: tagged as one, they are still the noun
# ("Ceasefire in Mariupol from 10:00, the council announced").
NOUN_ONLY_WORDS = frozenset(
    {"corridor", "ceasefire", "cease-fire", "truce", "armistice", "evacuation", "checkpoint"}
)
# Dependencies of a noun: a word tagged as a verb but hung as one is a noun misread
# ("evacuation trains ... run today", "'Evacuation train from Pokrovsk tomorrow'").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "compound"})
# Verbs of success whose infinitive is done: "we have managed to agree on a corridor".
ACHIEVING_WORDS = frozenset({"manage", "succeed"})
# Times of the day or the coming days that tell a verbless bulletin as to come:
# "Evacuation from Rubizhne today", "evacuation bus to Zaporizhzhia at 08:00 tomorrow".
COMING_TIME_WORDS = frozenset(
    {"today", "tomorrow", "tonight", "daily", "morning", "afternoon", "evening", "noon"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"weekend", "midday", "a.m.", "p.m.", "am", "pm"}
)
# Times of the past, which make a bulletin a report: "Evacuation from Rubizhne yesterday".
PAST_TIME_WORDS = frozenset({"yesterday", "last", "ago", "earlier", "previous"})
# Prepositions that put a clock time on a timetable: "Bus arrives at 10".
CLOCK_PREPS = frozenset({"at", "from", "until", "till"})
# Goods a corridor may be for, which make it one of trade: "a corridor for grain ships".
GOODS_WORDS = frozenset(
    {"grain", "wheat", "corn", "food", "fertiliser", "fertilizer", "ammonia", "oil", "export"}
    | {"exports", "cargo", "freight", "commodity", "agricultural"}
)
# States of a way out told in force in the present: "the corridor is open today".
OPEN_STATES = frozenset({"open", "operational", "available", "active", "functioning"})
# Verbs that tell a way out begun, in force when told in the present perfect with a time of
# today: "the evacuation has begun this morning", "the corridor has opened from 09:00".
INCEPTIVE_VERBS = frozenset({"begin", "start", "resume", "open", "reopen", "launch"})
# Verbs of sending vehicles or teams, whose purpose is still to come when told in the
# present perfect: "buses have been sent to Berdiansk to collect people".
DISPATCH_VERBS = frozenset({"send", "dispatch", "deploy", "direct", "despatch"})
# Verbs that tell what someone named or listed, whose tense is the telling's: "Vereshchuk
# listed a corridor among six routes agreed".
LISTING_VERBS = frozenset({"list", "name", "outline", "detail", "specify", "publish", "unveil"})
# Nouns of people or vehicles moving, a way out when told out of somewhere: "movement of
# private transport out of the city continues today".
MOVEMENT_NOUNS = frozenset({"movement", "departure", "exodus", "traffic", "transfer", "exit"})
# Movers a movement noun counts besides people and vehicles: "private transport".
MOVER_WORDS = frozenset({"transport", "traffic", "vehicle", "car"})
# Words of going out that make a generic way one for people: "open for exit today".
EXIT_WORDS = frozenset({"exit", "leave", "departure", "depart", "flee", "evacuate"})
# Verbs of people or vehicles arriving, which tell a move done: "buses arrived in Kyiv".
ARRIVING_VERBS = frozenset({"arrive", "return", "reach"})
# Nouns of places whose evacuation takes their people out: "to evacuate the city".
PLACE_NOUNS = frozenset({"city", "town", "village", "region", "district", "plant", "area"})
