"""How a report's words tell a deed: done, failed, still to come, not known, alleged
and called false, done for only a few, or beside another deed.

Each reading looks at the words around the deed's trigger in its own sentence: "the
evacuation from Sumy was halted", "talks on a corridor were continuing", "without saying
whether any buses had left", "only four buses got out". They are word-level readings by
design: they run in the linker, over stored events, where no parse is kept.
"""

from __future__ import annotations

import re
from itertools import pairwise

from saydo.domain import Event

# Insisting asks for what is to come ("insisted that corridors be opened") or holds to
# what was done, told with a past or perfect ("insisted the ceasefire had been observed").
INSISTING_WORDS = frozenset({"insist", "insisted", "insists"})
PAST_AUXILIARIES = frozenset({"had", "has", "have", "was", "were"})
# Words that tell a deed as thwarted: "the evacuation was halted", "buses were blocked".
FAILURE_WORDS = frozenset(
    {
        "halt",
        "halted",
        "halts",
        "fail",
        "failed",
        "fails",
        "failure",
        "collapse",
        "collapsed",
        "collapses",
        "block",
        "blocked",
        "blocks",
        "stall",
        "stalled",
        "suspend",
        "suspended",
        "thwart",
        "thwarted",
        "disrupt",
        "disrupted",
        "derail",
        "derailed",
        "abandon",
        "abandoned",
        "scupper",
        "scuppered",
        "prevent",
        "prevented",
        "prevents",
        "postpone",
        "postponed",
        "cancel",
        "cancelled",
        "canceled",
        "stopped",
        "broke",
        "broken",
        "falter",
        "faltered",
        "falters",
        "sabotage",
        "sabotaged",
        "violate",
        "violated",
        "breach",
        "breached",
        # the same classes of failure, in their other forms: "fell through", "was aborted"
        "fell",
        "abort",
        "aborted",
        "scrap",
        "scrapped",
        "founder",
        "foundered",
        "obstructed",
        "hindered",
        "frustrated",
        "torpedoed",
        "wrecked",
        # a way out told as not to be had: "evacuation had become impossible"
        "impossible",
        "unable",
        # "the evacuation was interrupted", "people were left stranded on the road"
        "interrupt",
        "interrupted",
        "interrupts",
        "stranded",
    }
)
# Failures told by a verb and its particle, neither a failure alone.
FAILURE_PHRASES = ("called off", "call off", "calls off", "broke down", "broken down")
# Words that deny a deed happened: "the corridor did not work", "no evacuation took place",
# "nobody was taken out".
NEGATION_WORDS = frozenset({"not", "no", "never", "cannot", "nor", "nobody", "none", "neither"})
# Words that make a clause the time of another: "as civilians were leaving", and how far
# before a trigger they are looked for.
CIRCUMSTANCE_WORDS = frozenset({"as", "while", "when", "whilst"})
CIRCUMSTANCE_REACH = 4
# How many words either side of a deed's trigger are read for its failure.
FAILURE_WORDS_AROUND = 6
WORD = re.compile(r"[\w']+")
# A deed's own clause ends at these: "officials who had hoped it would open said 200 left".
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\"\u201c\u201d]|\b(?:said|says|but|while)\b")
UNDONE_WORDS_AROUND = 8
# Words just left of a deed that tell it as offered, wanted or to come, not done: "Ukraine
# also offers to envisage ...", "wants to sign", "will continue", "is ready to".
UNDONE_WORDS = frozenset(
    {
        "offer",
        "offers",
        "offered",
        "offering",
        "propose",
        "proposes",
        "proposed",
        "proposal",
        "proposals",
        "ready",
        "prepared",
        "willing",
        "want",
        "wants",
        "wanted",
        "hope",
        "hopes",
        "seek",
        "seeks",
        "would",
        "will",
        "shall",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "'ll",
        "plan",
        "plans",
        "intend",
        "intends",
        "envisage",
        "envisages",
        "need",
        "needs",
        "necessary",
        "if",
        "unless",
        "whether",
        # what is still talked of is not done: "talks on a corridor were still underway"
        "talks",
        "negotiations",
        "negotiating",
        "discussing",
        # what one side demands of the other is not done: "she demanded that Moscow open a
        # corridor", "urged Russia to let the buses through"
        "demand",
        "demands",
        "demanded",
        "demanding",
        "urge",
        "urges",
        "urged",
        "insist",
        "insists",
        "insisted",
        # what is being readied or arranged is not done yet: "preparations for the trip
        # were continuing", "the Red Cross was coordinating details"
        "preparation",
        "preparations",
        "preparing",
        "coordinating",
        "arranging",
    }
)
# Triggers that name the offer rather than a deed: "we continue to offer", "the proposal".
OFFER_TRIGGERS = frozenset({"offer", "offers", "offered", "offering", "proposal", "proposals"})
# Words that tell a hostile deed as going on beside the truce, not against it: "though
# shelling continued on the eastern bank", "despite sporadic fire".
CONCESSIVE_WORDS = frozenset({"though", "although", "despite", "amid", "even", "notwithstanding"})
# Words that tell people getting out as a shortfall: "only four buses managed to leave".
SHORTFALL_WORDS = frozenset({"only", "just", "merely", "barely"})
# A count a shortfall word qualifies: "only four buses", "only about 80 people", "merely a
# handful". "just over 4,000" is no shortfall, so "just" is not among the words read.
SHORT_COUNT_WORDS = frozenset({"only", "merely", "barely"})
APPROXIMATE_WORDS = frozenset({"about", "around", "some", "roughly", "a", "few", "handful"})
NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "dozen"}
    | {"dozens", "several", "few", "handful", "hundred", "hundreds"}
)
# Words naming a part of a town or its surroundings: hostile fire told there, in a
# concessive clause, fell beside the way out ("despite shelling of the northern districts").
PLACE_PART_WORDS = frozenset(
    {"district", "districts", "neighbourhood", "neighbourhoods", "neighborhood"}
    | {"neighborhoods", "suburb", "suburbs", "outskirts", "quarter", "quarters", "bank"}
    | {"northern", "southern", "eastern", "western", "elsewhere", "nearby", "frontline"}
    # "shelling was heard near the route": beside the way out, or only within earshot
    | {"near", "heard", "distant", "distance"}
)
# Nouns whose negation tells a truce day went well: "no incidents on the route".
INCIDENT_NOUNS = frozenset(
    {"incident", "incidents", "violation", "violations", "problem", "problems", "shooting"}
    | {"shelling", "casualties", "attack", "attacks", "complaints", "delays", "hitches"}
)
# A way out moved to another time: "the departure is moved", "the evacuation was shifted".
RESCHEDULED_WORDS = frozenset({"moved", "shifted", "rescheduled", "pushed"})
RESCHEDULED_NOUNS = frozenset({"departure", "evacuation", "convoy", "corridor", "exit", "trip"})
RESCHEDULED_REACH = 5
# Whom a way out carries: "left without the passengers", "returned without evacuees".
CARRIED_WORDS = frozenset(
    {"passengers", "people", "evacuees", "residents", "civilians", "anyone", "anybody"}
)
# Words that tell getting out as an effort that came off: "managed to leave".
MANAGED_WORDS = frozenset({"managed", "able", "succeeded"})
# Nouns of what others allege, and words by which a teller calls it false: "the statements
# about a Russian strike are a provocation", "claims of shelling are fake".
CHARGE_NOUNS = frozenset(
    {"statement", "statements", "claim", "claims", "allegation", "allegations", "reports"}
    | {"accusation", "accusations", "report"}
)
FALSITY_WORDS = frozenset(
    {"provocation", "fake", "fakes", "lie", "lies", "false", "staged", "fabricated"}
    | {"fabrication", "untrue", "disinformation", "baseless", "groundless"}
)
# A question left open, and the words before it that tell it as not known: "without
# indicating whether", "no word on whether", "unclear if".
OPEN_QUESTION_WORDS = frozenset({"whether"})
UNKNOWING_WORDS = frozenset({"without", "unclear", "unknown", "no", "not", "never"})
UNKNOWING_REACH = 4


def told_as_undone(event: Event) -> bool:
    """Is the deed told as offered, wanted or to come ("wants to sign a treaty", "we
    continue to offer"), not as done? Such a sentence restates a pledge, it keeps none."""
    if event.trigger.lower() in OFFER_TRIGGERS:
        return True
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return False
    clause = CLAUSE_BREAK.split(sentence[:at])[-1]
    before = [w.lower() for w in WORD.findall(clause)[-UNDONE_WORDS_AROUND:]]
    for i, word in enumerate(before):
        if word not in UNDONE_WORDS:
            continue
        if word in INSISTING_WORDS and set(before[i + 1 :]) & PAST_AUXILIARIES:
            continue  # "insisted the ceasefire had been observed": a claim of what was done
        return True
    return False


def told_as_false_charge(event: Event) -> bool:
    """Is the deed named as what others allege and its teller calls false: "the
    statements about a Russian strike on Kramatorsk station are a provocation"? That is
    the teller's denial of the deed, not its report."""
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return False
    before = [w.lower() for w in WORD.findall(CLAUSE_BREAK.split(sentence[:at])[-1])]
    alleged = any(
        w in CHARGE_NOUNS and nxt in {"about", "of", "that"} for w, nxt in pairwise(before)
    )
    words = {w.lower() for w in WORD.findall(sentence)}
    return alleged and bool(words & FALSITY_WORDS)


def told_as_unknown(event: Event) -> bool:
    """Does the report say it does not know how the truce went: "fighting continued,
    without indicating whether any civilians had used the routes", "he gave no word on
    whether it reached Tokmak"? What it tells beside is no verdict on the truce."""
    words = [w.lower() for w in WORD.findall(event.provenance.sentence)]
    return any(
        word in OPEN_QUESTION_WORDS
        and set(words[max(0, i - UNKNOWING_REACH) : i]) & UNKNOWING_WORDS
        for i, word in enumerate(words)
    )


def told_as_failed(event: Event) -> bool:
    """Is the deed told as thwarted ("the evacuation from Sumy was halted") or as not
    having happened ("the corridor from Volnovakha did not work")? Read within the
    deed's own part of the sentence: "100 cars came out; no incidents on the route" tells
    of another matter after its semicolon."""
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return False
    start = sentence.rfind(";", 0, at) + 1
    stop = sentence.find(";", at)
    sentence, at = sentence[start : stop if stop >= 0 else None], at - start
    before = WORD.findall(sentence[:at])[-FAILURE_WORDS_AROUND:]
    after = WORD.findall(sentence[at + len(event.trigger) :])[:FAILURE_WORDS_AROUND]
    if _fails_among(before) or _fails_among(after):
        return True
    if event.trigger.lower() in RESCHEDULED_WORDS and RESCHEDULED_NOUNS & {
        w.lower() for w in before[-RESCHEDULED_REACH:]
    }:
        return True  # "for safety reasons the departure is moved"
    # "the evacuation from Polohy had to be called off": a failure told by a phrasal verb,
    # read a word further on so that its particle is in reach
    further = WORD.findall(sentence[at + len(event.trigger) :])[: FAILURE_WORDS_AROUND + 1]
    around = " ".join(w.lower() for w in [*before, *further])
    return any(phrase in around for phrase in FAILURE_PHRASES)


def _fails_among(words: list[str]) -> bool:
    """A failure word among ``words``, or a negation not of a mishap: "no incidents on
    the route", "without problems" tell a day that went well."""
    # a quote mark is no part of the word: "had become 'practically impossible'"
    lowered = [w.lower().strip("'") for w in words]
    for i, word in enumerate(lowered):
        mishap = i + 1 < len(lowered) and lowered[i + 1] in INCIDENT_NOUNS
        negation = word in NEGATION_WORDS or word.endswith("n't")
        if word in FAILURE_WORDS or (negation and not mishap):
            return True
        if word == "without" and _carrying(lowered[i + 1 : i + 3]):
            return True  # "the buses left without the passengers": no one got out
    return False


def _carrying(words: list[str]) -> bool:
    """The noun after "without", past a determiner, names whom a way out carries."""
    if words and words[0] in {"the", "any", "its", "their"}:
        words = words[1:]
    return bool(words) and words[0] in CARRIED_WORDS


def told_as_shortfall(event: Event) -> bool:
    """ "only four buses with around 80 people got out", "only 80 of the 1,500 left": a
    count qualified as a shortfall tells the way out failed for all but a few."""
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return False
    clause = CLAUSE_BREAK.split(sentence[:at])[-1]
    words = [w.lower() for w in WORD.findall(clause)][-UNDONE_WORDS_AROUND:]
    for i, word in enumerate(words):
        if word not in SHORT_COUNT_WORDS:
            continue
        following = [w for w in words[i + 1 :] if w not in APPROXIMATE_WORDS][:1]
        if following and (following[0][0].isdigit() or following[0] in NUMBER_WORDS):
            return True
    return False


def told_as_circumstance(event: Event) -> bool:
    """ "Mortar rounds landed near the crossing as civilians were leaving Irpin": people
    getting out told as the time of a hostile deed, which is the sentence's news."""
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return False
    words = [w.lower() for w in WORD.findall(sentence[:at])[-CIRCUMSTANCE_REACH:]]
    return bool(set(words) & CIRCUMSTANCE_WORDS)


def told_as_elsewhere(event: Event) -> bool:
    """ "though shelling continued on the eastern bank of the Oskil": a hostile deed told
    as going on beside the truce, at a place of its own. Without one ("got out despite
    sporadic shelling") the fire fell on the way out itself."""
    if not _told_before(event, CONCESSIVE_WORDS):
        return False
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger) + len(event.trigger)
    own = CLAUSE_BREAK.split(sentence[at:])[0]
    parts = {w.lower() for w in WORD.findall(own)} & PLACE_PART_WORDS
    return bool(parts) or any(place.text in own for place in event.places)


def told_as_scarcely_managed(event: Event) -> bool:
    """ "only four buses managed to leave": an effort that succeeded for a few."""
    return _told_before(event, SHORTFALL_WORDS) and _told_before(event, MANAGED_WORDS)


def _told_before(event: Event, words: frozenset[str]) -> bool:
    """Does one of ``words`` stand in the deed's own clause, before its trigger?"""
    sentence = event.provenance.sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return False
    clause = CLAUSE_BREAK.split(sentence[:at])[-1]
    return any(w.lower() in words for w in WORD.findall(clause)[-UNDONE_WORDS_AROUND:])
