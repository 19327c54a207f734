"""Announced local ceasefires: truces, humanitarian corridors, evacuation pauses.

"The Defence Ministry announced a ceasefire from 10 a.m. to let civilians leave Mariupol",
"Russia's promise of safe passage", "the two sides agreed a humanitarian corridor": each is
a pledge to hold fire in a place for a while. The announcing side is the subject of the
announcing verb (or the owner of the promise); the scope is the places of the sentence
(the town and the route); the window is the times of the sentence, or a short default:
local truces of 2022 were announced for a day or a few.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from saydo.domain import (
    Actor,
    ActorKind,
    Event,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    record_id,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_VERBS, cameo_code, quad_class
from saydo.extract.mentions import FIRST_PERSON, GROUP_SECTORS, Salience, resolve_head
from saydo.extract.places import places_in
from saydo.extract.statements import Attribution
from saydo.extract.truce_moves import (
    according_to,
    agreed_convoy,
    announced_evacuation,
    evacuation_to_come,
    granted_passage,
)
from saydo.extract.truce_titles import (
    AUTHORITY_NOUNS,
    TOWN_WORDS,
    governed_town,
    of_a_town,
    person_name,
    regional_tellers,
    speakers_towns,
    titled_town,
    titles_of,
    town_country,
)
from saydo.extract.truce_window import truce_window
from saydo.resolve.actors import ActorDictionary

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
MOVE_MODALS = frozenset({"will", "would", "shall", "'ll", "could", "can", "may", "might"})
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


def truce_pledges(
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    attributions: Sequence[Attribution] = (),
    voice: Actor | None = None,
) -> Iterator[Pledge]:
    """Every announced truce, one pledge per side it binds.

    ``attributions`` say who speaks each quote ("We have agreed on a corridor", said by
    Vereshchuk, binds Ukraine); ``voice`` is the party an official outlet speaks for, who
    announces what its own release says with no speaker ("Nine corridors will open").
    """
    seen: set[int] = set()
    scoped: dict[str, Pledge] = {}
    number = {sent.start: n for n, sent in enumerate(doc.sents)}
    last: dict[str, int] = {}  # the sentence of each side's latest truce
    for token in doc:
        if not _names_a_truce(token) or token.sent.start in seen:
            continue
        speaker = _speaker_of(token, attributions) or voice
        sides, owner = _binding_sides(token, ctx, salience, speaker)
        at = number[token.sent.start]
        for actor in sides:
            prior = last.get(actor.side)
            if token.pos_ == "VERB" and prior is not None and 0 < at - prior <= DESCRIBED_SENTENCES:
                # "A corridor will open on Friday. Buses will leave at dawn": the move tells
                # the truce just announced, no other.
                continue
            last[actor.side] = at
            seen.add(token.sent.start)
            pledge = _pledge(doc, token, actor, owner, ctx)
            earlier = scoped.get(actor.side)
            if earlier is not None and not pledge.scope_places and _retold(token):
                # "the pause had been agreed ...": the side's truce named before, retold.
                pledge = replace(pledge, scope_places=earlier.scope_places)
            if all(p.kind == "country" for p in pledge.scope_places):
                # "we managed to establish 18 corridors. From Sumy, from Enerhodar ...".
                described = _described_after(token.sent, ctx)
                pledge = replace(pledge, scope_places=described or pledge.scope_places)
            if pledge.scope_places:
                scoped.setdefault(actor.side, pledge)
            yield pledge


def _retold(noun: Token) -> bool:
    """ "the pause had been agreed": a truce named before; "we are preparing six
    corridors" names new ones, whose towns are not the earlier truce's."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_WORDS) or c.dep_ == "poss" for c in noun.children
    )


def _binding_sides(
    noun: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> tuple[list[Actor], Token | None]:
    """The sides an announced truce binds, and the words that name its announcer."""
    announced, owner = _announcer(noun)
    if not announced:
        return [], None
    owner = _represented(owner)
    if (owner is not None and _names_both_sides(owner)) or _settled_with(noun) is not None:
        return _both_sides(ctx, speaker), owner
    if _agreed_just_before(noun):
        return _both_sides(ctx, speaker), owner
    if _brokered(noun):
        return _both_sides(ctx, None), owner
    if owner is not None and not _first_person(owner):
        sides = _sides(owner, ctx, salience) or _described_side(owner, ctx)
        if not sides and speaker is not None and speaker.country:
            # "..., Ukraine's deputy prime minister said": the title resolves to no one,
            # the quote's attribution to a side.
            sides = _speaker_sides(ctx, speaker)
        if not sides:
            # "The Red Cross is preparing to evacuate civilians, a spokesman said": whoever
            # is to carry out the evacuation, when the one who tells it names no side.
            sides = _operator_sides(noun, ctx, salience)
        if sides and all(side.country in THIRD_PARTIES for side in sides):
            # "the ICRC said its team would try again": a go-between's corridor binds the sides
            sides = _both_sides(ctx, None)
        if sides or not (owner.pos_ == "PRON" or _possessed_by_pronoun(owner)):
            return sides, owner
    if owner is None and _agreed_by_nobody_named(noun):
        return _both_sides(ctx, speaker), None
    # "we agreed on a corridor", "nine corridors will open": the one who says so.
    return (_speaker_sides(ctx, speaker) if speaker is not None else []), owner


def _operator_sides(noun: Token, ctx: ArticleContext, salience: Salience) -> list[Actor]:
    """The sides bound by an evacuation told by who carries it out: its operator's, or
    both when the operator is a go-between."""
    if noun.pos_ != "VERB":
        return []
    operator = _subject_up(noun, noun)
    if operator is None or operator.pos_ == "PRON":
        return []
    sides = _sides(operator, ctx, salience)
    if sides and all(side.country in THIRD_PARTIES for side in sides):
        return _both_sides(ctx, None)
    return sides


def _speaker_sides(ctx: ArticleContext, speaker: Actor) -> list[Actor]:
    """The side a speaker's own announcement binds; "the Red Cross said its team would try
    again to bring civilians out": a go-between announces a corridor whose fire the two
    sides hold, not one it holds itself."""
    if speaker.country in THIRD_PARTIES:
        return _both_sides(ctx, None)
    return [speaker] if speaker.country else []


def _agreed_just_before(noun: Token) -> bool:
    """ "We have an agreement. From 8 a.m. there will be silence": the sentence before
    says the sides agreed, and names no truce of its own, so this one is what they agreed."""
    sent = noun.sent
    if sent.start == 0:
        return False
    before = noun.doc[sent.start - 1].sent
    if any(_names_a_truce(t) for t in before):
        return False
    root = before.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    holds = root.lemma_.lower() == "have" and any(
        c.dep_ == "dobj" and _is_agreement(c) for c in root.children
    )
    return holds or _agreeing(root)


def _brokered(noun: Token) -> bool:
    """ "The Red Cross said it had brokered a pause": a third party settled it."""
    verb = _governing_verb(noun) if noun.pos_ != "VERB" else None
    return verb is not None and verb.lemma_.lower() in BROKERING_VERBS


def _settled_with(noun: Token) -> Token | None:
    """ "a corridor had been agreed with the Russian side", "an operation would begin with
    the agreement of Moscow and Kyiv": settled between two sides, so it binds both. The
    "with" that says so; its sides are no places of the truce."""
    verb = _governing_verb(noun)
    clauses = _clause_chain(verb) if verb is not None else []
    if noun.pos_ == "VERB":
        # "children will be taken to Kyiv along a corridor agreed with Russian forces"
        clauses += [t for t in noun.subtree if t.dep_ == "acl" and t.head.lower_ in TRUCE_NOUNS]
    # "an operation is under way, carried out in coordination with both sides"
    clauses += [c for v in clauses for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
    for clause in clauses:
        coordinated = _coordinated_with_sides(clause)
        if coordinated is not None:
            return coordinated
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "with"):
            for other in (c for c in prep.children if c.dep_ == "pobj"):
                if other.lemma_.lower() in AGREEMENT_NOUNS | CONSENT_NOUNS:
                    return prep
                if _agreeing(clause) and (other.pos_ == "PROPN" or _side_noun(other)):
                    return prep
    return None


def _coordinated_with_sides(clause: Token) -> Token | None:
    """ "in coordination with the Russian and Ukrainian sides", "in cooperation with
    Moscow and Kyiv": done with the sides named, so it binds them. The "with"."""
    for prep in (c for c in clause.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() not in COORDINATION_NOUNS:
                continue
            for with_ in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
                if any(_side_noun(t) or t.ent_type_ == "GPE" for t in with_.subtree):
                    return with_
    return None


def _side_noun(token: Token) -> bool:
    """ "the Russian side", "the parties", "Russian forces": a side named by its role or by
    the people it belongs to."""
    named = any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in token.children
    )
    return token.lemma_.lower() in BOTH_SIDES_NOUNS or named


def _represented(owner: Token | None) -> Token | None:
    """ "a spokesman for the occupation authorities": the body spoken for."""
    if owner is None or owner.lemma_.lower() not in MOUTHPIECE_NOUNS:
        return owner
    for prep in owner.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None:
                return body
    return owner


def _speaker_of(noun: Token, attributions: Sequence[Attribution]) -> Actor | None:
    """The speaker of the innermost quote the truce is named in."""
    inside = [
        a
        for a in attributions
        if a.content_start <= noun.idx < a.content_end and a.statement.speaker is not None
    ]
    if not inside:
        return None
    return min(inside, key=lambda a: a.content_end - a.content_start).statement.speaker


def _first_person(owner: Token) -> bool:
    """ "we", "our military", "my government": the speaker's own side."""
    return owner.lower_ in FIRST_PERSON or any(
        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in owner.children
    )


def _possessed_by_pronoun(owner: Token) -> bool:
    """ "its forces would hold fire": the forces of whoever says so."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in owner.children)


def _names_both_sides(owner: Token) -> bool:
    """ "the parties", "both sides", "the two delegations" agreed: each is bound."""
    return owner.lemma_.lower() in BOTH_SIDES_NOUNS and owner.tag_ == "NNS"


def _both_sides(ctx: ArticleContext, speaker: Actor | None) -> list[Actor]:
    """The speaker's side and its adversary; without a speaker who is one of the two
    (none, or the Red Cross telling of the sides' deal), the article's two sides."""
    sides = _dyad(ctx)
    own = speaker.country if speaker is not None else None
    if speaker is None or own not in {side.country for side in sides}:
        return sides
    return [speaker, *(side for side in sides if side.country != own)]


def _agreed_by_nobody_named(noun: Token) -> bool:
    """ "Ten humanitarian corridors have been agreed": agreed, so by both sides."""
    verb = _governing_verb(noun)
    return (
        verb is not None
        and any(_agreeing(v) for v in _clause_chain(verb))
        and not _refused(verb)
        and not _demanded(verb)
        and _subject_up(verb, noun) is None
        and _speaker(verb) is None
    )


def _agreeing(verb: Token) -> bool:
    """ "agreed", "coordinated", "reached an agreement": settled between two sides."""
    lemma = verb.lemma_.lower()
    # "reached an agreement", "an agreement had been reached"
    settled = any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in AGREEMENT_NOUNS
        for c in verb.children
    )
    return lemma in AGREEING_VERBS or settled


def _dyad(ctx: ArticleContext) -> list[Actor]:
    """The article's two sides; short of two named, the country its places lie in and
    the side occupying it."""
    countries = list(ctx.dyad[:2])
    for country in (ctx.focus_country, _invader(ctx)):
        if len(countries) < 2 and country is not None and country not in countries:
            countries.append(country)
    return [Actor(c, ActorKind.STATE, country=c, sector="GOV") for c in countries]


def _invader(ctx: ArticleContext) -> str | None:
    """The side at war in the country the article's places lie in: the other side of
    its dyad, else the one side the actor dictionary calls occupiers or invaders."""
    focus = ctx.focus_country
    if focus is None:
        return None
    named = ctx.adversary_of(focus)
    if named is not None:
        return named
    occupiers = _occupiers(ctx.actors) - {focus}
    return next(iter(occupiers)) if len(occupiers) == 1 else None


@cache
def _occupiers(actors: ActorDictionary) -> frozenset[str]:
    """Countries whose forces the dictionary describes as occupiers ("Russian occupiers")."""
    return frozenset(
        record.actor.country
        for record in actors.records()
        if record.actor.country is not None
        and any(
            word.lower().rstrip("s") in OCCUPIER_WORDS
            for descriptor in record.descriptors
            for word in descriptor.split()
        )
    )


def _home_country(sentence: Span, ctx: ArticleContext) -> str | None:
    """The country the sentence's towns lie in, when the article gave none."""
    towns = Counter(p.country for p in places_in(list(sentence), ctx) if p.resolved and p.country)
    return towns.most_common(1)[0][0] if towns else None


def _described_side(owner: Token, ctx: ArticleContext) -> list[Actor]:
    """ "the occupation forces": the invading side; "the regional military
    administration": the state whose towns it runs (the article's places); "Sumy governor
    Dmytro Zhyvytskyi", "the town's mayor Dmytro Orlov": a person the dictionary does not
    know speaks for the side his title does."""
    if owner.pos_ == "PROPN":
        for title in titles_of(owner):
            sides = _described_side(title, ctx)
            if sides:
                return [replace(sides[0], name=person_name(owner), kind=ActorKind.PERSON)]
        return []
    modifiers = [c for c in owner.children if c.dep_ in {"amod", "compound", "nmod"}]
    words = {w for t in [owner, *modifiers] for w in (t.lemma_.lower(), t.lower_)}
    country: str | None = None
    if words & OCCUPIER_WORDS or _installed(modifiers):
        country = _invader(ctx)
    elif owner.lemma_.lower() in AUTHORITY_NOUNS and (
        words & LOCAL_WORDS or of_a_town(owner) or owner.lemma_.lower() in TOWN_HEADS
    ):
        country = town_country(owner, ctx) or ctx.focus_country or _home_country(owner.sent, ctx)
    if country is None:
        return []
    name = " ".join(t.text for t in sorted([owner, *modifiers], key=lambda t: t.i))
    military = GROUP_SECTORS.get(owner.lemma_.lower()) == "MIL"
    kind = ActorKind.ARMED_GROUP if military else ActorKind.ORGANISATION
    return [Actor(name, kind, country=country, sector="MIL" if military else "GOV")]


def _installed(modifiers: Sequence[Token]) -> bool:
    """ "Russian-installed authorities", "Moscow-appointed officials": put in place by a
    side from outside, so they speak for the occupying side, not for their town."""
    return any(
        m.lemma_.lower() in INSTALLED_WORDS and any(c.dep_ == "npadvmod" for c in m.children)
        for m in modifiers
    )


def _sides(owner: Token, ctx: ArticleContext, salience: Salience) -> list[Actor]:
    """One actor per side that announces: "Kyiv and Moscow agreed a truce" binds both."""
    sides: dict[str, Actor] = {}
    for head in [owner, *(c for c in owner.conjuncts if c.i > owner.i)]:
        actor = resolve_head(head, ctx, salience)
        if actor is not None and actor.country is None:
            actor = _affiliated(actor, head, ctx, salience)
        if actor is not None and actor.country is not None:
            sides.setdefault(actor.country, actor)
    return list(sides.values())


def _affiliated(actor: Actor, head: Token, ctx: ArticleContext, salience: Salience) -> Actor:
    """ "Mikhail Mizintsev, head of Russia's National Defence Control Centre": a person the
    dictionary does not know speaks for the country of the body his title names."""
    for role in (c for c in head.children if c.dep_ == "appos"):
        for token in role.subtree:
            if token.i == role.i or token.pos_ != "PROPN":
                continue
            body = resolve_head(token, ctx, salience)
            if body is not None and body.country is not None:
                return replace(actor, country=body.country)
    return actor


def _names_a_truce(token: Token) -> bool:
    lower = token.lower_
    if token.pos_ == "VERB" and (_halts_firing(token) or _lets_people_out(token)):
        return True
    if token.pos_ == "VERB" and (_promises_no_attack(token) or _announced_move(token)):
        return True
    if lower in CALM_NOUNS and _there_will_be(token):
        return True
    if token.pos_ == "NOUN" and (agreed_convoy(token) or granted_passage(token) is not None):
        return True
    if token.pos_ not in {"NOUN", "PROPN"} and not (lower in NEVER_VERBS and token.pos_ == "VERB"):
        return False
    if lower in QUALIFIED_NOUNS:
        # "an evacuation operation for civilians": the operation's words qualify it.
        phrase = _slot(token)
        words = {t.lower_ for t in phrase.subtree if t.i != token.i} | {phrase.head.lower_}
        qualified = bool(words & QUALIFIED_NOUNS[lower]) or _agreed_route(token)
        return qualified or _evacuation_of_a_town(token)
    if lower in FIRE_NOUNS:
        return token.dep_ == "dobj" and token.head.lemma_.lower() in HALTING_VERBS
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in TRADE_WORDS for c in token.children):
        return False
    return lower in TRUCE_NOUNS


def _evacuation_of_a_town(noun: Token) -> bool:
    """ "the evacuation of Irpin", "evacuations from Sievierodonetsk": a town emptied under
    a truce, not troops or equipment moved."""
    if noun.lower_ not in {"evacuation", "evacuations"}:
        return False
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"} or t.lemma_.lower() in TOWN_WORDS
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}
        for t in prep.children
        if t.dep_ == "pobj"
    )


def _agreed_route(noun: Token) -> bool:
    """ "a route for private cars had been agreed with the Russian side": a route two
    sides agree is a corridor, whoever it is for."""
    if noun.lower_ not in AGREED_ROUTE_NOUNS:
        return False
    verb = _governing_verb(noun)
    return verb is not None and any(_agreeing(v) for v in _clause_chain(verb))


def _there_will_be(noun: Token) -> bool:
    """ "There will be silence from 9 a.m.": calm announced as what there will be."""
    verb = noun.head
    existential = any(c.dep_ == "expl" for c in verb.children)
    told = noun.dep_ in {"attr", "nsubj", "acomp"}  # "there will be quiet": an adjective
    # "there are no corridors", "because there is silence", "places where there are
    # corridors": denied, or a reason or a description, not a statement of its own.
    denied = any(c.dep_ == "neg" for c in verb.children) or any(
        c.lower_ == "no" for c in noun.children
    )
    own = verb.dep_ in {"ROOT", "ccomp", "conj"} and not any(
        c.dep_ == "mark" for c in verb.children
    )
    # "there is a corridor from Sumy" lists one open; "there is silence" only describes.
    will = any(c.dep_ == "aux" and c.lower_ in MOVE_MODALS for c in verb.children)
    timed = will or noun.lower_ not in CALM_NOUNS
    return (
        told
        and verb.lemma_ == "be"
        and existential
        and own
        and not denied
        and timed
        and _future(verb)
    )


def _promises_no_attack(verb: Token) -> bool:
    """ "promised not to fire on the road", "said it would not fire on the route during
    the evacuation": a truce told as a promised restraint on a way out."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    if verb.lemma_.lower() not in ATTACKING_VERBS or not negated:
        return False
    # "promised not to fire", "troops have been ordered not to fire on the road"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PROMISING_VERBS | ORDERING_VERBS:
        return True
    modal = any(
        c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in verb.children
    )
    said = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in CUE_VERBS
    # "Ukrainian forces will not shell the road ..., the army said"
    said = said or any(
        c.dep_ in {"parataxis", "ccomp"} and c.lemma_.lower() in CUE_VERBS and c.i > verb.i
        for c in verb.children
    )
    ways_out = {"route", "road", "corridor", "evacuation", "convoy", "column", "bus"}
    return modal and said and any(t.lemma_.lower() in ways_out for t in verb.subtree)


def _announced_move(verb: Token) -> Token | None:
    """The announcing verb above people let, able or sent to get out: "officials
    announced that civilians would be able to leave", "evacuation buses will run from
    Lysychansk on Sunday, the governor said"."""
    return _permitted_move(verb) or announced_evacuation(verb)


def _permitted_move(verb: Token) -> Token | None:
    """ "agreed that buses could pick up residents", "said civilians would be able to
    leave": a move permitted or promised, told with its modal."""
    if verb.lemma_.lower() not in MOVING_OUT_WORDS:
        return None
    words = {t.lemma_.lower() for t in verb.subtree} | {t.lemma_.lower() for t in _carriers(verb)}
    if not words & (PEOPLE_WORDS | {"bus", "car", "convoy", "train", "vehicle"}):
        return None
    clause, permitted = verb, False
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
        permitted = permitted or clause.lemma_.lower() in PERMISSION_WORDS
    modal = any(c.dep_ == "aux" and c.lower_ in PERMIT_MODALS for c in clause.children)
    announcing = clause.head
    if not modal or clause.dep_ != "ccomp" or announcing.i == clause.i:
        return None
    promised = announcing.lemma_.lower() in PROMISING_VERBS | {"announce", "confirm", "declare"}
    said = announcing.lemma_.lower() in CUE_VERBS
    return announcing if promised or (said and permitted) else None


def _carriers(verb: Token) -> list[Token]:
    """The subject of the clause a moving verb completes: "civilians would be able to"."""
    clause = verb
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    return [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _halts_firing(verb: Token) -> bool:
    """ "would stop firing on Mariupol": a truce told as a verb."""
    halted = verb.head.lemma_.lower() in HALTING_VERBS and verb.head.i != verb.i
    return verb.lower_ in FIRING_VERBS and verb.dep_ in {"xcomp", "dobj"} and halted


def _lets_people_out(verb: Token) -> bool:
    """ "promised to let residents leave Nova Kakhovka": a corridor told as a promise to
    let civilians go, no noun of a truce in it."""
    if verb.lemma_.lower() not in PERMIT_VERBS or verb.dep_ != "xcomp":
        return False
    if verb.head.lemma_.lower() not in PROMISING_VERBS:
        return False
    words = {t.lemma_.lower() for t in verb.subtree}
    return bool(words & PEOPLE_WORDS) and bool(words & (LEAVING_WORDS | TAKING_WORDS))


def _announcer(noun: Token) -> tuple[bool, Token | None]:
    """Whether the truce is announced, and who the sentence says announces it: "X
    announced a ceasefire", "X's promise of safe passage", "X agreed to open a corridor",
    or, when the truce is the subject ("a corridor will open", "corridors had been
    agreed"), whoever says so; (True, None) when the sentence names no one."""
    announcing = _announced_move(noun) if noun.pos_ == "VERB" else granted_passage(noun)
    if announcing is not None:
        if _demanded(announcing) or _refused(announcing) or _unreal(announcing, noun):
            return False, None
        if according_to(announcing):
            return True, None  # the attribution of "according to X" tells who
        return True, _subject_or_agent(announcing) or _speaker(announcing)
    verb = _governing_verb(noun)
    if verb is None:
        # "Russia's corridors" are announced by Russia; "our corridors" are only named.
        poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return bool(poss), (poss[0] if poss else None)
    if noun.pos_ == "VERB" and _promises_no_attack(noun):
        # "Ukrainian forces will not shell the road, the army said": the restraint's own
        # negation is the pledge, and its subject, when it names a side, is bound by it.
        refused = verb.i != noun.i and _refused(verb)
        if refused or _demanded(verb) or _unreal(verb, noun):
            return False, None
        own = next((c for c in noun.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        return True, own or _subject_up(verb, noun) or _speaker(verb)
    if not _announces(verb, noun) or _demanded(verb) or _refused(verb) or _unreal(verb, noun):
        return False, None
    if _conditions_a_move(noun):
        # The trains or buses that move announce nothing: whoever says they will does.
        return True, _speaker(verb)
    return True, _subject_up(verb, _slot(noun)) or _speaker(verb)


def _conditions_a_move(noun: Token) -> bool:
    """ "evacuation trains would leave Lysychansk under a local ceasefire": the truce is
    the condition of a move announced as what will (or may) happen."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in CONDITION_PREPS or head.head.pos_ != "VERB":
        return False
    move = head.head
    modal = any(c.dep_ == "aux" and c.lower_ in MOVE_MODALS for c in move.children)
    return modal or _under_announcement(move)


def _governing_verb(noun: Token) -> Token | None:
    """The verb the truce is announced with, through a preposition or a promise noun."""
    if _there_will_be(noun):
        return noun.head  # "there will be quiet": the adjective hangs off "be"
    if noun.pos_ == "VERB" and _promises_no_attack(noun) and noun.dep_ in {"ccomp", "ROOT"}:
        # "said it would not fire on the route": said so; "forces will not shell the road,
        # the army said": the restraint is its own clause
        return noun.head if noun.dep_ == "ccomp" else noun
    slot = _slot(noun)
    if slot.i != noun.i:
        return _governing_verb(slot)
    announced = _announced_after(noun) or _listed_among(noun)
    if announced is not None:
        return announced
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in TRUCE_PREPS and _is_agreement(head.head):
        # "the parties reached an agreement on corridors", "an agreement had been reached
        # for a quiet period"
        agreement = head.head
        if agreement.dep_ in {"dobj", "nsubjpass"} and agreement.head.pos_ == "VERB":
            return agreement.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in COUNT_NOUNS:
        return _governing_verb(head.head)  # "a number of corridors have been agreed"
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj", "attr", "oprd", "xcomp"} and head.pos_ in {
        "VERB",
        "AUX",
    }:
        # "a corridor ... was among six routes agreed": the parser may hang the subject on
        # the passive's auxiliary; the verb it serves is the one that tells the truce.
        return head.head if head.dep_ in {"aux", "auxpass"} else head
    if noun.dep_ == "pobj" and head.lower_ in TRUCE_PREPS and head.head.pos_ == "VERB":
        return head.head
    if _promised_for(noun):
        return head.head.head  # "obtained guarantees from both parties for safe passage"
    if _conditions_a_move(noun):
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PROMISE_NOUNS:
        promise = head.head
        if any(c.dep_ == "poss" for c in promise.children):
            return None  # the owner of the promise announces it
        if promise.dep_ in {"dobj", "nsubjpass", "pobj"} and promise.head.pos_ == "VERB":
            return promise.head
    if noun.dep_ in {"conj", "appos"} and noun.head.lower_ in TRUCE_NOUNS:
        return _governing_verb(noun.head)
    return None


def _is_agreement(token: Token) -> bool:
    return token.lemma_.lower() in AGREEMENT_NOUNS


def _promised_for(noun: Token) -> bool:
    """ "guarantees ... for safe passage", told as the object of a verb."""
    head = noun.head
    promise = head.head
    if noun.dep_ != "pobj" or head.lower_ not in TRUCE_PREPS:
        return False
    promised = promise.lemma_.lower() in PROMISE_NOUNS and promise.dep_ in {"dobj", "nsubjpass"}
    return promised and promise.head.pos_ == "VERB"


def _slot(noun: Token) -> Token:
    """The phrase the verb takes in the truce's stead: "the work of three corridors"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in NOMINAL_ACTS:
        return _slot(head.head)
    if noun.dep_ == "compound" and head.lemma_.lower() in NOMINAL_ACTS:
        return _slot(head)  # "a safe passage operation would begin on Saturday"
    if noun.dep_ == "compound" and head.lower_ in EVACUATION_VEHICLES:
        return head  # "announced a free evacuation train for Thursday"
    return noun


def _announced_after(noun: Token) -> Token | None:
    """ "the ceasefire regime announced by the Russian side": a participle names who."""
    for child in noun.children:
        participle = child.dep_ == "acl" and child.tag_ == "VBN"
        announcing = child.lemma_.lower() in ANNOUNCING_VERBS
        if participle and announcing and any(c.dep_ == "agent" for c in child.children):
            return child
    return None


def _listed_among(noun: Token) -> Token | None:
    """ "a corridor from Enerhodar was among six routes agreed with the Russian side", "was
    one of four roads agreed": the truce is one of the routes agreed; the participle that
    agrees them."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be":
        return None
    kinds = [c for c in be.children if c.dep_ == "attr"]
    kinds += [
        p for c in be.children if c.dep_ == "prep" and c.lower_ == "among" for p in c.children
    ]
    kinds += [p for k in kinds for c in k.children if c.lower_ == "of" for p in c.children]
    for kind in kinds:
        for participle in kind.children:
            if participle.dep_ == "acl" and _agreeing(participle):
                return participle
    return None


def _governors(verb: Token) -> list[Token]:
    """The verb and those above it; a participle after its truce ("the ceasefire
    announced by Russia") answers to no verb of the sentence it sits in."""
    if verb.dep_ == "acl" and _names_a_truce(verb.head):
        return [verb]
    return [verb, *verb.ancestors]


def _unreal(verb: Token, noun: Token) -> bool:
    """A truce hoped for, judged needed or hard, or worked towards: no announcement."""
    chain = _governors(verb)
    if any(t.lemma_.lower() in EFFORT_VERBS and t.pos_ == "VERB" for t in chain[1:]):
        return True
    if any(c.dep_ == "aux" and c.lower_ in OBLIGING_MODALS for c in verb.children):
        return True  # "he must commit to a ceasefire": asked of him, not promised
    for clause in chain:
        lemma = clause.lemma_.lower()
        hoping = bool(_verb_forms(clause) & HOPE_VERBS)
        if hoping and clause.pos_ == "VERB" and not _passive(clause):
            return True  # "we hope"; "a corridor is expected to open" tells a plan
        for child in clause.children:
            if child.dep_ == "acomp" and child.lemma_.lower() in JUDGING_ADJECTIVES:
                return True
            if child.dep_ == "dobj" and child.lower_ in EFFORT_OBJECTS and lemma in {"do", "make"}:
                return True
            if child.dep_ == "dobj" and child.lemma_.lower() in CALL_NOUNS and clause.i != verb.i:
                return True  # "she reiterated her call on the OSCE to ensure corridors"
            hoped = child.dep_ in {"ccomp", "parataxis"} and bool(_verb_forms(child) & HOPE_VERBS)
            # "buses are expected to leave": a plan told in the passive, not a hope
            hoped = hoped and not any(c.dep_ == "auxpass" for c in child.children)
            if hoped and child.i < noun.i:
                return True  # "We hope that ..., the ceasefire will be observed"
    if noun.pos_ == "VERB":
        # "another attempt would be made to evacuate women": an evacuation told as a
        # scheduled attempt is announced; the move's own reading judged it to come.
        return False
    return any(
        t.pos_ == "NOUN" and t.lemma_.lower() in EFFORT_NOUNS and not _attempt_to_come(t)
        for t in noun.ancestors
    )


def _attempt_to_come(effort: Token) -> bool:
    """ "another attempt to open a corridor will be made on Thursday", "its team would make
    a fresh attempt": an attempt scheduled, which announces the truce it is for, unlike
    "efforts to agree a corridor", which only work towards one."""
    if effort.lemma_.lower() not in ATTEMPT_NOUNS or effort.dep_ not in {"nsubjpass", "dobj"}:
        return False
    making = effort.head
    modal = any(c.dep_ == "aux" and c.lower_ in MOVE_MODALS for c in making.children)
    return making.lemma_.lower() == "make" and modal


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _planned_opening(verb: Token) -> bool:
    """ "a corridor is expected to open", "is scheduled to start": the truce's opening
    told as planned."""
    planned = verb.lemma_.lower() in PLANNING_VERBS and _passive(verb)
    return planned and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in OPENING_VERBS for c in verb.children
    )


def _announces(verb: Token, noun: Token) -> bool:
    lemma = verb.lemma_.lower()
    noun = _slot(noun)
    if _conditions_a_move(noun) or _there_will_be(noun):
        return True
    if noun.pos_ == "VERB" and _promises_no_attack(noun):
        return True
    if _listed_among(noun) is not None:
        return True
    if noun.dep_ == "nsubj" and not _passive(verb):
        # "a corridor will open", "declared a truce starting at 9": announced only as what
        # will be, or under a verb that announces it.
        opening = lemma in OPENING_VERBS or _in_force(verb)
        return (opening and (_future(verb) or _under_announcement(verb))) or _took_effect(verb)
    if noun.dep_ == "nsubjpass" and (_attempted(verb) or _planned_opening(verb)):
        return True
    if lemma in HALTING_VERBS and noun.lower_ in EVACUATION_NOUNS:
        return False  # "authorities halted evacuations": halting a way out ends it
    return lemma in ANNOUNCING_VERBS or _aim_of_attempt(verb)


def _aim_of_attempt(verb: Token) -> bool:
    """ "its team would make another attempt on Monday to reach Mariupol and facilitate
    the safe passage of civilians": what a scheduled attempt is to do is announced."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "acl" and _attempt_to_come(clause.head)


def _took_effect(verb: Token) -> bool:
    """ "a ceasefire took effect at 9 a.m.", "came into force", "a safe passage operation
    is under way": a truce told as begun or going on is one announced, whenever it is
    told."""
    if _under_way(verb):
        return True
    if verb.lemma_.lower() not in EFFECT_VERBS:
        return False
    return any(t.lower_ in {"effect", "force"} for t in verb.subtree if t.i > verb.i)


def _under_way(verb: Token) -> bool:
    """ "is under way", "is in progress": told as going on now."""
    if verb.lemma_.lower() not in {"be", "get"} or any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep" and (c.lower_, p.lower_) in GOING_ON_PHRASES
        for c in verb.children
        for p in c.children
        if p.dep_ == "pobj"
    )


def _attempted(verb: Token) -> bool:
    """ "a corridor would be attempted again on Wednesday": a truce planned as an attempt,
    not an effort to get one agreed."""
    modal = any(c.dep_ == "aux" and c.lower_ in MOVE_MODALS for c in verb.children)
    return verb.lemma_.lower() in {"try", "attempt"} and modal


def _refused(verb: Token) -> bool:
    """ "is not opening corridors", "did not cease fire": a truce refused, not announced."""
    return any(c.dep_ == "neg" for t in _clause_chain(verb) for c in t.children)


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and those it takes its subject from: "agreed to open", "declared ...
    starting", "did not allow any corridor to be organised"."""
    chain = [verb]
    while chain[-1].head.i != chain[-1].i and (
        chain[-1].dep_ in CONTROL_DEPS or _under_announcement(chain[-1])
    ):
        chain.append(chain[-1].head)
    return chain


def _demanded(verb: Token) -> bool:
    chain = _governors(verb)
    if _attempted(verb) and any(c.dep_ == "nsubjpass" for c in verb.children):
        chain = chain[1:]  # "a corridor would be attempted": planned, not sought
    return any(_verb_forms(t) & DEMAND_VERBS for t in chain if t.pos_ == "VERB")


def _verb_forms(verb: Token) -> set[str]:
    """The verb's lemma and the stems its past form may have: the tagger lemmatises
    "hoped" as "hop", which would let a hope pass for an announcement."""
    forms = {verb.lemma_.lower()}
    lower = verb.lower_
    if verb.tag_ in {"VBD", "VBN"} and lower.endswith("ed"):
        forms |= {lower[:-1], lower[:-2]}
    return forms


def _in_force(verb: Token) -> bool:
    """ "would be in force", "will be in effect", "will be open": a truce's start announced."""
    if verb.lemma_.lower() != "be":
        return False
    opened = any(c.dep_ == "acomp" and c.lower_ == "open" for c in verb.children)
    # "is under way", "is in progress": a truce's start told as begun
    going = any(t.lower_ in {"way", "underway", "progress"} for t in verb.subtree)
    return opened or going or any(t.lower_ in {"force", "effect", "place"} for t in verb.subtree)


def _under_announcement(verb: Token) -> bool:
    return verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in ANNOUNCING_VERBS


def _future(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    # "corridors are opening in the Kyiv region": the present of a timetable.
    scheduled = verb.tag_ == "VBG" and bool(auxes & {"is", "are", "am"})
    future = bool(auxes & {"will", "would", "shall", "'ll", "to"})
    return future or scheduled or verb.tag_ in {"VBZ", "VBP"}


def _subject_up(verb: Token, noun: Token) -> Token | None:
    """The subject of the verb, or of the verbs it depends on ("agreed to open")."""
    for current in _clause_chain(verb):
        subject = _subject_or_agent(current)
        if subject is not None and subject.i != noun.i:
            return subject
    return None


def _subject_or_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in TRUCE_NOUNS:
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _speaker(verb: Token) -> Token | None:
    """Who says the clause: "a corridor will open on Saturday, Vereshchuk said"."""
    for ancestor in [verb, *verb.ancestors]:
        if ancestor.lemma_.lower() in CUE_VERBS and ancestor.i != verb.i:
            return next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
    # "..., Vereshchuk said": the cue hangs off the clause's root.
    for child in verb.children:
        if child.dep_ in {"parataxis", "ccomp"} and child.lemma_.lower() in CUE_VERBS:
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
    return _next_speaker(verb)


def _next_speaker(verb: Token) -> Token | None:
    """ "A corridor will open on Wednesday. Buses will set off in the morning, Vereshchuk
    said.": an unattributed sentence is told by whoever the next one says speaks, when
    that one goes on with the same news (its own clause, no speaker of its own before)."""
    sent = verb.sent
    if any(t.lemma_.lower() in CUE_VERBS and t.pos_ == "VERB" for t in sent):
        return None  # the sentence has its own cue, even if not over this clause
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    following = doc[sent.end].sent
    root = following.root
    cued = root.lemma_.lower() in CUE_VERBS and any(
        c.dep_ in {"ccomp", "parataxis"} and c.i < root.i for c in root.children
    )
    return next((c for c in root.children if c.dep_ == "nsubj"), None) if cued else None


def _pledge(
    doc: Doc, noun: Token, actor: Actor, owner: Token | None, ctx: ArticleContext
) -> Pledge:
    sentence = noun.sent
    # The announcers' own names ("Kyiv and Moscow agreed") are no places of the truce.
    named = {t.i for t in owner.subtree} if owner is not None else set()
    named -= governed_town(owner)
    settled = _settled_with(noun)
    named |= {t.i for t in settled.subtree} if settled is not None else set()
    named |= _river_banks(sentence)
    tokens = [t for t in sentence if t.i not in named]
    places = _scope(tuple(p for p in places_in(tokens, ctx) if p.resolved))
    # "Shelling of Stoianka stopped, the Kyiv regional governor said": a region's name in
    # its governor's title is no town of the truce when the sentence names others.
    regional = regional_tellers(sentence)
    told = [t for t in tokens if t.i not in regional]
    places = _scope(tuple(p for p in places_in(told, ctx) if p.resolved)) or places
    places = _scope(places + titled_town(owner, places, ctx))
    if all(p.kind == "country" for p in places):
        places = _route_towns(told, ctx) or places
    if all(p.kind == "country" for p in places):
        # "residents of the Zaporizhzhia region's frontline districts"
        places = _scope(_owning_places(tokens, ctx)) or places
    if all(p.kind == "country" for p in places):
        # "Mariupol's mayor said Russia had approved a pause": the town of whoever tells
        # it, when the truce names none of its own.
        places = _scope(speakers_towns(sentence, ctx)) or places
    if all(p.kind == "country" for p in places):
        # "the Sumy governor said a third corridor would operate": his region, at least
        places = _scope(speakers_towns(sentence, ctx, city_only=False)) or places
    start, end = truce_window(noun, ctx)
    letting = noun.lemma_.lower() in PERMIT_VERBS or (
        noun.pos_ == "VERB" and _announced_move(noun) is not None
    )
    mode = "evacuate" if noun.lower_ in EVACUATION_NOUNS or letting else "ceasefire"
    cameo = cameo_code(PloverType.RETREAT, mode)
    event = Event(
        id=record_id("ev", ctx.article_id, noun.idx, "truce", actor.side),
        type=PloverType.RETREAT,
        trigger=noun.text,
        provenance=ctx.provenance(doc, noun.idx, noun.idx + len(noun.text)),
        mode=mode,
        actor=actor,
        places=places,
        modality=Modality.INTENDED,
        reported_by=actor,
        cameo=cameo,
        quad_class=quad_class(cameo),
    )
    return Pledge(
        id=record_id("pl", ctx.article_id, noun.idx, PledgeKind.CEASEFIRE.value, actor.side),
        kind=PledgeKind.CEASEFIRE,
        event=event,
        made_on=start,
        scope_places=places,
        scope_radius_km=25.0,
        window_end=end,
    )


def _route_towns(tokens: Sequence[Token], ctx: ArticleContext) -> tuple[Place, ...]:
    """Towns of the route the tagger did not take for places ("from Kherson to Mykolaiv"
    read as an organisation): proper nouns after a route preposition, or left, that the
    gazetteer knows as towns."""
    towns: list[Place] = []
    for token in tokens:
        if token.pos_ != "PROPN" or token.ent_type_ in {"PERSON", "NORP", "DATE", "TIME"}:
            continue
        routed = token.dep_ == "pobj" and token.head.lower_ in ROUTE_PREPS
        left = token.dep_ == "dobj" and token.head.lemma_.lower() in {"leave", "exit"}
        # "agreed to stop shelling Stoianka": the town the restraint is for
        left = left or (token.dep_ == "dobj" and token.head.lower_ in FIRING_VERBS)
        if not (routed or left):
            continue
        provenance = ctx.provenance(token.doc, token.idx, token.idx + len(token.text))
        place = ctx.gazetteer.resolve(token.text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            towns.append(place)
    return _scope(tuple(towns)) if towns else ()


def _described_after(sentence: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """The towns of the next sentences that tell where the corridors run: a sentence that
    names a truce ("26,477 residents were evacuated via the corridor") or one that only
    lists places ("From Sumy, from the Kyiv region and from Enerhodar.")."""
    doc = sentence.doc
    end = sentence.end
    for _ in range(DESCRIBED_SENTENCES):
        if end >= len(doc):
            break
        following = doc[end].sent
        end = following.end
        places = _scope(tuple(p for p in places_in(list(following), ctx) if p.resolved))
        if not places or all(p.kind == "country" for p in places):
            continue
        # "... Civilians from Kharkiv will be taken to Belgorod.": the move tells the way
        told = any(_names_a_truce(t) or evacuation_to_come(t) for t in following)
        if _verbless(following) or told:
            return places
        break
    return ()


def _verbless(sentence: Span) -> bool:
    """A list of places, with no clause of its own."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _owning_places(tokens: Sequence[Token], ctx: ArticleContext) -> tuple[Place, ...]:
    """ "the Zaporizhzhia region's frontline districts", "Kherson's river port": a town or
    region named as the owner of the part the truce is for, which the place reader
    leaves aside as a possessive. Authorities' titles ("Kherson's governor") are not."""
    found: list[Place] = []
    for owner in tokens:
        if owner.dep_ != "poss" or owner.head.lemma_.lower() in AUTHORITY_NOUNS:
            continue
        words = [t for t in owner.subtree if t.dep_ not in {"case", "det"} and t.pos_ != "PART"]
        if not any(t.ent_type_ in {"GPE", "LOC"} for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = owner.doc.text[start:end]
        place = ctx.gazetteer.resolve(
            text, ctx.focus_country, ctx.provenance(owner.doc, start, end)
        )
        if place.resolved:
            found.append(place)
    return tuple(found)


def _river_banks(sentence: Span) -> set[int]:
    """ "the west bank of the Dnipro", "the left bank": a river's side, which names no
    town (and no West Bank, nor the city of Dnipro); its words are no places."""
    words: set[int] = set()
    for bank in sentence:
        if bank.lower_ != "bank" or bank.pos_ not in {"NOUN", "PROPN"}:
            continue
        if any(c.lower_ in BANK_SIDES for c in bank.children):
            words |= {t.i for t in bank.subtree}
    return words


def _scope(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A truce binds its towns and route; the country named beside them is no scope."""
    local = tuple(p for p in places if p.kind != "country")
    # "Mariupol residents were evacuated from Mariupol": one town, named twice.
    first: dict[str, Place] = {}
    for place in local or places:
        first.setdefault(place.name, place)
    return tuple(first.values())
