"""Reading a sentence by its words for a way out announced: the truce reader used first.

A corridor announcement says three things, whatever its grammar: a **way out** (a
corridor, route, convoy, bus, train, ferry, crossing, pause or ceasefire; or people or
vehicles leaving, let out, taken out), told **as to come** (a modal of future or of
permission, a plan or schedule, an agreement, announcement or order) and **in a place**
the sentence names. The reader tests classes of words along the few heads between the
way-out word and its clause's root, so that phrasing nobody has seen before still reads:
"Residents of Mariupol who have fuel can drive out of the city on Tuesday", "The crossing
at Vasylivka will be open on Saturday", "A convoy of buses will try to enter Chernihiv on
Friday", "Residents of Irpin were told they could leave on foot on Sunday".

Its guards are general too: a way out negated, halted, refused or denied, asked of a
party, hoped for, judged needed or hard, inside a condition ("if a corridor opens"), in a
question, or told as past (a report of an evacuation, not its announcement) is none; so
is one in a clause of circumstance ("after residents were told to flee") unless that
clause announces it with a modal or a commitment of its own ("where buses would be
waiting"), people's own attempts ("a family is trying to flee"), and vehicles of goods
or of war ("ships with grain", "armoured vehicles"). Generic ways (a crossing, route or
checkpoint) are ways out only for people or vehicles, or when agreed.

What the truce table (tests/extract/data/truce_outcomes.jsonl and the development
rounds) counts as an announcement, and so does this reader:

- a party's readiness or work towards a corridor ("Turkey is ready to carry the wounded
  out", "the administration was working on a plan to open a corridor", "officials said
  they were negotiating ... for a corridor", "the UN is in contact with both sides about
  the safe evacuation"): each row expects a pledge, left pending;
- an authority telling or urging residents to leave ("urged residents of Izium to
  evacuate", "told residents to make their way on foot to the bridge"): the evacuation it
  runs is announced. A call on a *party* ("urged Russia to open a corridor") is a demand;
- a condition on the truce ("provided both sides agreed the route") leaves it announced;
  only a way out inside the condition is not.

Where the rows and plain English part ways, this reader keeps to plain English: a call
on the sides ("the UN Secretary-General called for a four-day humanitarian pause") is a
demand, and a scaling back of military activity is a de-escalation, not a local truce
(one row each in the development rounds); rhetorical efforts ("working hard to organise
corridors", "doing everything possible") announce nothing, unlike a plan or talks.
An announcement nobody makes ("A corridor will open. Shelling went on.") is no pledge;
one made by an announcer who speaks for no side ("Police said a minibus would run")
leaves the way out to both sides to hold open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.places import places_in
from saydo.extract.truce_bulletin import TELLING_VERBS, bulletin_timetable, header_of
from saydo.extract.truce_grammar import (
    nearest_subject,
    on_the_way,
    took_effect,
    under_way,
    verb_forms,
)
from saydo.extract.truce_guards import (
    calls_people_out,
    failure_told,
    guarded,
    move_told_past,
    question,
)
from saydo.extract.truce_passage_words import (
    AGREEING_WORDS,
    ARMOURED_WORDS,
    ATTACKING_WORDS,
    ATTEMPTING_WORDS,
    CARRYING_VERBS,
    DEADLINE_PREPS,
    EVACUATING_WORDS,
    EXIT_WORDS,
    GENERIC_WAYS,
    GOODS_WORDS,
    HALTING_WORDS,
    INTENDING_WORDS,
    LEAVING_VERBS,
    MILITARY_WORDS,
    MOVEMENT_NOUNS,
    MOVER_WORDS,
    MOVING_VERBS,
    NEWS_DEPS,
    ORDERING_WORDS,
    OUT_WORDS,
    PAUSE_WORDS,
    PEOPLE_NOUNS,
    PLACE_NOUNS,
    PURPOSE_MARKS,
    QUALIFYING_WORDS,
    QUIET_WORDS,
    ROAD_WORDS,
    SELF_LEAVING_VERBS,
    STANDING_VERBS,
    VEHICLE_NOUNS,
    WAY_NOUNS,
)
from saydo.extract.truce_reading import (
    achieved,
    agreed_way_in,
    cargo,
    coming_time,
    committing,
    counted_words,
    dispatched,
    fire_word,
    headline_infinitive,
    in_force,
    infinitive,
    lemma_of,
    misread_noun,
    modal,
    names_people,
    nearest_verb,
    passive,
    past,
    planning,
    progressive,
    scheduled,
)
from saydo.extract.truce_scope import owning_places, route_towns
from saydo.extract.truce_titles import speakers_towns
from saydo.extract.truce_words import TRADE_WORDS


@dataclass(frozen=True)
class Passage:
    """A way out announced in a sentence: the word that names it, the words of who
    announces it (None when the sentence names no one), whether it is told as agreed
    (which binds both sides), and whether people are told or urged to go by it (which
    an authority does, named or not)."""

    anchor: Token
    owner: Token | None
    agreed: bool
    called: bool = False
    placed: bool = True


def passage_in(sentence: Span, ctx: ArticleContext) -> Passage | None:
    """The way out the sentence announces, if it announces one; ``placed`` says whether
    the sentence names its place (a truce whose towns the next sentences list may not)."""
    if question(sentence) or failure_told(sentence) or move_told_past(sentence):
        return None
    for token in sentence:
        if not _way_out(token):
            continue
        chain = list(_news_chain(token))
        if not (_the_news(chain) or _announced_within(chain)):
            continue  # "after residents were told to flee": a circumstance, not the news
        if _told_to_come(token, chain) and not guarded(token, chain):
            called = any(calls_people_out(link) for link in chain)
            placed = _names_a_place(sentence, ctx)
            return Passage(token, _owner(chain), _agreed(token, chain), called, placed)
    return None


def names_a_pause(anchor: Token) -> bool:
    """ "a ceasefire", "a regime of silence", "will halt hostilities", "a corridor": the
    truce itself, not only the people or vehicles that go by it."""
    lemma = lemma_of(anchor)
    return lemma in WAY_NOUNS - {"evacuation", "relocation"} or lemma in HALTING_WORDS | {"silence"}


def passage_mode(anchor: Token) -> str:
    """ "ceasefire" for a pause of fire, "evacuate" for a way out or a move of people."""
    lemma = lemma_of(anchor)
    return "ceasefire" if lemma in PAUSE_WORDS | HALTING_WORDS else "evacuate"


def _names_a_place(sentence: Span, ctx: ArticleContext) -> bool:
    """A town or region named, alone or as an owner ("Kherson's river port")."""
    tokens = list(sentence)
    places = places_in(tokens, ctx) + owning_places(tokens, ctx) + route_towns(tokens, ctx)
    # "Mariupol's mayor said ... out of the city", "Kherson's occupation administration"
    places += speakers_towns(sentence, ctx, city_only=False)
    return any(p.resolved and p.kind != "country" for p in places)


def _way_out(token: Token) -> bool:
    """A word that names a way out: a corridor's noun, vehicles taking people out, a
    halt of fire, or people or vehicles moving out."""
    lemma = lemma_of(token)
    nominal = token.pos_ in {"NOUN", "PROPN"} or misread_noun(token)
    # "the minibus", tagged a name: vehicles are common nouns whatever the tagger says
    vehicle = lemma in VEHICLE_NOUNS and not (token.is_title and not _opens_words(token))
    if nominal and (lemma in WAY_NOUNS or token.lower_ in WAY_NOUNS):
        named = token.is_title and not _opens_words(token)  # "the Northern Sea Route"
        if named or _denied_noun(token) or _of_trade(token):
            return False
        return lemma not in GENERIC_WAYS or _for_people(token)
    if nominal and vehicle:
        return _carrying_people(token) and not _denied_noun(token)
    if nominal and lemma in MOVEMENT_NOUNS:
        return _movement_out(token) and not _denied_noun(token)
    if token.lower_ in QUIET_WORDS and token.pos_ in {"NOUN", "ADJ"}:
        return _regime_or_timed(token)
    if token.pos_ != "VERB":
        return False
    if lemma in HALTING_WORDS:
        return any(fire_word(c) for c in token.children)
    if lemma in ATTACKING_WORDS:
        # "promised not to fire on the road from Sievierodonetsk"; "would not strike
        # Kyiv" spares a city, and opens no way out
        negated = any(c.dep_ == "neg" for c in token.children)
        return negated and any(lemma_of(t) in WAY_NOUNS | ROAD_WORDS for t in token.sent)
    if lemma in SELF_LEAVING_VERBS and _leaves_its_object(token):
        return False
    if lemma in LEAVING_VERBS:
        return _moves_people(token) or _empties_a_place(token)
    if lemma not in MOVING_VERBS or not _moves_people(token):
        return False
    return _moves_out(token) or _people_moved(token)


def _movement_out(noun: Token) -> bool:
    """ "movement of private transport out of the city", "the departure of residents
    from Mariupol": people or vehicles moving out of a place, told as a noun."""
    movers = [p for c in noun.children if c.lower_ == "of" for p in c.children]
    counted = [t for m in movers for t in counted_words(m)]
    moving = any(names_people(t) or lemma_of(t) in VEHICLE_NOUNS | MOVER_WORDS for t in counted)
    # "departures today at 10:00 from the central square": a timetable's, whoever goes;
    # "the departure of troops from Kyiv" names movers who are no evacuees
    moving = moving or (not movers and coming_time(noun.sent))
    outs = [*noun.children, *(c for m in movers for c in m.children)]
    return moving and any(_out_of_a_place(c) for c in outs)


def _empties_a_place(verb: Token) -> bool:
    """ "to evacuate Mariupol", "will evacuate the city": a place evacuated is its people
    taken out."""
    if lemma_of(verb) != "evacuate":
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(o.ent_type_ in {"GPE", "LOC", "FAC"} or lemma_of(o) in PLACE_NOUNS for o in objects)


def _opens_words(token: Token) -> bool:
    """The first word of a sentence or of a quote or header's body ("Haidai: 'Evacuation
    from Rubizhne today'"), capitalised as any first word is."""
    if token.i == token.sent.start:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct and before.text not in {",", "-", "("}


def _people_moved(verb: Token) -> bool:
    """ "Patients will be moved to Odesa", "residents would be taken across the river":
    people moved by whoever runs the move."""
    moved = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(names_people(t) for m in moved for t in counted_words(m))


def _moves_out(verb: Token) -> bool:
    """ "drive out of the city", "carry residents from the port", or any move in a
    sentence that tells an evacuation."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "escort a column of cars from Mariupol": the way out may hang on what moves
    if any(_out_of_a_place(c) for o in [verb, *objects] for c in o.children):
        return True
    if lemma_of(verb) in CARRYING_VERBS and any(names_people(o) for o in objects):
        return True  # "a boat will take residents across the estuary": people carried
    words = {lemma_of(t) for t in verb.sent} | {t.lower_ for t in verb.sent}
    return bool(words & EVACUATING_WORDS)


def _the_news(chain: list[Token]) -> bool:
    """The chain reaches the sentence's root: the way out is what the sentence tells;
    or the body of a bulletin the parser hung on its header ("Mykolaiv governor Kim: an
    evacuation bus is scheduled for Saturday")."""
    top = chain[-1]
    if top.head.i == top.i:
        return True
    header = header_of(top.sent)
    return header is not None and header.start <= top.head.i < header.end < top.i


def _announced_within(chain: list[Token]) -> bool:
    """A clause of circumstance that announces a way out of its own: "where buses would
    be waiting", "after the parties agreed to a new local ceasefire"."""
    return any(modal(link) or committing(link) for link in chain)


def _leaves_its_object(verb: Token) -> bool:
    """ "will leave few people untouched", "fled their families": people left, not people
    leaving; those who leave are the verb's subject."""
    return any(
        c.dep_ == "dobj" and any(names_people(t) for t in counted_words(c)) for c in verb.children
    )


def _for_people(way: Token) -> bool:
    """A crossing, route or checkpoint told as one for people or vehicles to go by."""
    phrase = [way, way.head] if way.dep_ == "compound" else [way]
    if any(lemma_of(c) in QUALIFYING_WORDS for w in phrase for c in w.children):
        return True  # "a humanitarian route", "a safe passage operation"
    words = [t for t in way.sent if t.i != way.i]
    vehicles = any(lemma_of(t) in VEHICLE_NOUNS for t in words)
    evacuating = any(lemma_of(t) in EVACUATING_WORDS for t in words)
    if vehicles or evacuating or any(names_people(t) for t in words):
        return True
    if any(lemma_of(t) in EXIT_WORDS for t in words):
        return True  # "the checkpoint is open for exit today"
    # "a route ... had been agreed with the Russian side": agreed, it is a way out
    return agreed_way_in(way.sent) or any(committing(t) for t in _news_chain(way))


def _out_of_a_place(word: Token) -> bool:
    """ "out", "away", "from Mariupol"; "from Monday" is a time, not a way out."""
    if word.lower_ not in OUT_WORDS:
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in word.children)


def _regime_or_timed(quiet: Token) -> bool:
    """ "a regime of silence", "there will be silence from 9 a.m.": quiet as a truce."""
    near = [quiet.head, quiet.head.head, *quiet.children]
    if any(lemma_of(t) == "regime" for t in near):
        return True
    return any(e.label_ == "TIME" for e in quiet.sent.ents)


def _of_trade(noun: Token) -> bool:
    """ "transport corridors", "the eastern corridors" of road building, "a corridor for
    grain ships": trade, not war."""
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in TRADE_WORDS for c in noun.children):
        return True
    purposes = [p for c in noun.children if c.lower_ == "for" for p in c.children]
    return any(lemma_of(t) in GOODS_WORDS for p in purposes for t in counted_words(p))


def _denied_noun(noun: Token) -> bool:
    """ "no corridor", "never a ceasefire"."""
    return any(c.lower_ in {"no", "never"} for c in noun.children)


def _carrying_people(vehicle: Token) -> bool:
    """Vehicles of an evacuation: an evacuation in the sentence, people leaving or
    taken out, or the vehicles leaving a place; "people going to the beach by car" is
    none."""
    if any(lemma_of(c) in MILITARY_WORDS | ARMOURED_WORDS for c in vehicle.children):
        return False  # "120 armoured vehicles": weapons, not a way out
    words = {lemma_of(t) for t in vehicle.sent} | {t.lower_ for t in vehicle.sent}
    if _carries_cargo(vehicle):
        return bool(words & EVACUATING_WORDS)  # "buses carry grain to Tokmak"
    if words & EVACUATING_WORDS or any(committing(t) for t in _news_chain(vehicle)):
        # "a convoy of buses from Tokmak has been agreed", "permission for a column"
        return True
    if words & PEOPLE_NOUNS and words & (LEAVING_VERBS | OUT_WORDS):
        return True  # "buses will go to Vasylivka to pick up people who fled"
    if words & PEOPLE_NOUNS and lemma_of(_going(vehicle)) in CARRYING_VERBS:
        return True  # "women and children should gather at 12:00; buses will take them"
    if bulletin_timetable(vehicle.sent):
        return True  # "Ukrzaliznytsia: train to Lviv departs at 14:20"
    if _headline_route(vehicle):
        return True
    if lemma_of(_going(vehicle)) == "be" and coming_time(vehicle.sent):
        return True  # "Tomorrow at 8:00 the buses will be near the shelters"
    purposes = [c for c in vehicle.children if c.dep_ in {"acl", "relcl"} and infinitive(c)]
    if any(lemma_of(c) in MOVING_VERBS and _moves_people(c) for c in purposes):
        return True  # "Buses to take residents of Huliaipole to Zaporizhzhia will be at ..."
    return lemma_of(_going(vehicle)) in STANDING_VERBS


def _headline_route(vehicle: Token) -> bool:
    """ "Convoy from Trostianets to Lebedyn to move from 09:00": vehicles on a route out,
    told with a headline's infinitive of going."""
    verbs = [c for c in vehicle.children if c.dep_ in {"acl", "relcl"}]
    if vehicle.dep_ == "nsubj":
        verbs.append(vehicle.head)  # "Convoy from X to move": the infinitive's subject
    going = [v for v in verbs if infinitive(v) and lemma_of(v) in STANDING_VERBS | MOVING_VERBS]
    return bool(going) and any(c.lower_ == "from" for c in vehicle.children)


def _going(vehicle: Token) -> Token:
    """The verb a vehicle is the subject of, through a speaker's name it was hung on
    ("Governor Kim: free buses to Odesa leave daily", buses read as Kim's apposition)."""
    subject = vehicle.head if vehicle.dep_ == "appos" else vehicle
    return subject.head if subject.dep_ == "nsubj" else vehicle


def _carries_cargo(vehicle: Token) -> bool:
    """ "let buses carry grain", "ships with grain", "trucks carrying food": vehicles
    told with a load of goods, not of people."""
    if any(c.dep_ in {"compound", "amod"} and lemma_of(c) in GOODS_WORDS for c in vehicle.children):
        return True  # "grain ships", "food trucks"
    loads = [p for c in vehicle.children if c.lower_ == "with" for p in c.children]
    loads += [
        o for c in vehicle.children if c.dep_ == "acl" for o in c.children if o.dep_ == "dobj"
    ]
    verb = vehicle.head
    # "cars may leave the city": what a vehicle leaves is the place, not its load
    if vehicle.dep_ == "nsubj" and verb.pos_ == "VERB" and lemma_of(verb) not in LEAVING_VERBS:
        loads += [c for c in verb.children if c.dep_ == "dobj"]
    return any(cargo(t) for t in loads)


def _moves_people(verb: Token) -> bool:
    """People or vehicles among the verb's own words or its subject's: "residents can
    drive out", "cars leaving occupied areas", "to bring out civilians"."""
    near = [*verb.children, *_subjects(verb)]
    # "let the buses through": the small clause's subject
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
    near += [s for c in clauses if not _loaded(c) for s in _subjects(c)]
    if verb.dep_ in {"acl", "relcl"}:
        near.append(verb.head)  # "cars leaving occupied areas"
    if _loaded(verb):
        return False  # "trucks will carry grain from Odesa"
    counted = [t for n in near for t in counted_words(n)]
    vehicles = [t for t in counted if lemma_of(t) in VEHICLE_NOUNS and not _carries_cargo(t)]
    return bool(vehicles) or any(names_people(t) for t in counted)


def _loaded(verb: Token) -> bool:
    """ "carry grain", "bring food": a verb of carrying told with a load of goods."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return lemma_of(verb) in CARRYING_VERBS and any(cargo(c) for c in objects)


def _subjects(verb: Token) -> list[Token]:
    """Who moves: the subject of the verb or of the clauses it completes ("buses will try
    to reach"), the object of a verb of telling or letting ("urged residents to
    evacuate", "let cars leave"), and for "they", whoever the clause above names
    ("Residents were told they could leave")."""
    clause = verb
    for _ in range(4):
        found = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if clause.dep_ in {"xcomp", "ccomp"} and clause.head.i != clause.i:
            told = [c for c in clause.head.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not found or all(f.pos_ == "PRON" for f in found):
                found += told
        if found or clause.dep_ not in {"xcomp", "conj", "acomp"} or clause.head.i == clause.i:
            return found
        clause = clause.head
    return []


def _news_chain(token: Token) -> Iterator[Token]:
    """The token and the heads above it, up to its clause's root, through the links by
    which a way out stays the news ("said buses would run", "agreed to open") and not
    through a clause of circumstance ("as buses left", "after Russia announced")."""
    current = token
    yield current
    while current.head.i != current.i:
        # "Ceasefire in Mariupol from 10:00, the council announced": a noun misread as a
        # clause of circumstance is what was announced
        circumstance = current.pos_ == "VERB" and not misread_noun(current)
        if current.dep_ == "advcl" and not _purpose(current) and circumstance:
            return
        if current.dep_ not in NEWS_DEPS | {"advcl", "ROOT"}:
            return
        current = current.head
        yield current


def _purpose(clause: Token) -> bool:
    """ "to let civilians leave", "so that civilians can leave": a clause of purpose."""
    marks = {c.lower_ for c in clause.children if c.dep_ in {"aux", "mark"}}
    return bool(marks & PURPOSE_MARKS)


def _told_to_come(token: Token, chain: list[Token]) -> bool:
    """A word along the chain tells the way out as to come: a modal, a plan, an
    agreement, a schedule, or a present told with its time."""
    if agreed_way_in(token.sent) or headline_infinitive(token):
        return True
    restraint = lemma_of(token) in ATTACKING_WORDS and token.pos_ == "VERB"
    own = _own_move(token)
    for link in chain:
        if own and lemma_of(link) in ATTEMPTING_WORDS:
            continue  # "a family is trying to flee Kharkiv": their own attempt
        if modal(link, permitted_only=link.i == token.i and _own_move(token)):
            return True
        if took_effect(link) or (restraint and lemma_of(link) in ORDERING_WORDS):
            return True  # "a ceasefire took effect", "troops were told not to fire"
        if _deadline(link):
            return True  # "residents have until Sunday to leave"
        if in_force(link) or dispatched(link):
            return True  # "a corridor is open today", "buses have been sent to collect"
        if _intends(link):
            return True  # "the ICRC hoped to lead a safe passage operation"
        if infinitive(link):
            if committing(link) and achieved(link):
                return True  # "we have managed to agree on a corridor"
            # "tried to agree", "working hard to organise": the marker is above, if any
            continue
        if committing(link) or planning(link) or calls_people_out(link):
            return True
        if any(c.dep_ == "acomp" and planning(c) for c in link.children):
            return True  # "a ceasefire and evacuation are due to resume at 12:00"
    nearest = nearest_verb(chain)
    if nearest is None or lemma_of(nearest) in CUE_VERBS:
        # a bulletin with no verb but the saying: "Evacuation train from Pokrovsk to Lviv
        # tomorrow", "Evacuation buses at 10:00 near the council, the governor says"
        if coming_time(token.sent):
            return True
        if nearest is None:
            return False
    if any(under_way(link) or on_the_way(link) for link in chain):
        # "an operation was under way to bring civilians out", "its team was on its way"
        return True
    return scheduled(nearest) or progressive(nearest)


def _intends(link: Token) -> bool:
    """ "hoped to lead", "wants to open": an intention of the one who says it, told as
    its own act (an xcomp), unlike "hopes that a corridor will open"."""
    if link.pos_ != "VERB" or not verb_forms(link) & INTENDING_WORDS:
        return False
    return any(c.dep_ == "xcomp" for c in link.children)


def _deadline(link: Token) -> bool:
    """A time by which people are to go, told as present or to come."""
    if past(link):
        return False
    return any(
        prep.lower_ in DEADLINE_PREPS and pobj.ent_type_ in {"DATE", "TIME"}
        for prep in link.children
        if prep.dep_ == "prep"
        for pobj in prep.children
    )


def _own_move(verb: Token) -> bool:
    """People going of their own accord ("residents would leave Tokmak"): a forecast
    unless told as permitted ("residents can drive out")."""
    if verb.pos_ != "VERB" or passive(verb):
        return False
    subjects = [s for s in _subjects(verb) if s.dep_ == "nsubj"]
    return any(names_people(t) for s in subjects for t in counted_words(s))


def _owner(chain: list[Token]) -> Token | None:
    """Who the sentence says announces the way out: the subject of the verb that opens,
    lets or commits to it ("Russia will open", "occupation authorities will let cars
    out"), else the teller ("..., the governor said")."""
    for link in chain:
        if committing(link):
            # "Moscow's offer to evacuate civilians": the owner of the commitment
            owner = next((c for c in link.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ != "PRON":
                return owner
        subjects = [c for c in link.children if c.dep_ in {"nsubj", "agent"} and not _carried(c)]
        if subjects:
            # "Mariupol city council: the Russian side has agreed": the header is no subject
            child = nearest_subject(link, subjects)
            return next((p for p in child.children if p.dep_ == "pobj"), child)
    return _teller(chain[-1]) or _trailing_teller(chain)


def _trailing_teller(chain: list[Token]) -> Token | None:
    """ "Buses will leave at 10:00, and residents will be brought by bus, governor
    Kyrylenko wrote", "Buses will leave Avdiivka from the central square, the head of the
    administration said": the parser hangs a closing cue anywhere (as a conjunct, as a
    clause of the square). A cue after the way out, with no complement of its own, tells
    what came before; its teller is its subject, or the words after the last comma."""
    anchor = chain[0]
    for verb in anchor.sent:
        if verb.i <= anchor.i or verb.pos_ != "VERB" or lemma_of(verb) not in TELLING_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        cue_first = _comma_before(verb, verb.sent.start)  # ", informs the governor"
        if subject is None and cue_first:
            # ", informs head of the administration Zhyvytskyi": the teller parsed as the
            # object of a cue that comes first
            told = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
            if told is not None and told.pos_ in {"NOUN", "PROPN"}:
                return told
        if any(c.dep_ in COMPLEMENT_DEPS and not _spliced(verb, c) for c in verb.children):
            continue  # "... and Kyiv said it would not trust them": a statement of its own
        if subject is not None and subject.pos_ != "PRON":
            after = subject.i > verb.i and cue_first
            if after or _comma_before(subject.left_edge, subject.sent.start):
                return subject  # ", governor Kyrylenko wrote", ", informs the governor"
        told = _tail_teller(verb)
        if told is not None:
            return told
    return None


def _comma_before(first: Token, floor: int) -> bool:
    """A comma just before ``first``, which stands past ``floor``: ", governor Kyrylenko
    wrote" (the teller's words), ", informs head of the administration" (the cue)."""
    return first.i > floor and first.doc[first.i - 1].text == ","


def _spliced(verb: Token, clause: Token) -> bool:
    """ "..., the head of the administration said, residents should be ready": a clause
    after a comma that follows the cue is the bulletin's next line, not what was said."""
    return _comma_before(clause.left_edge, verb.i + 1)


# What a cue says of its own: "said that ...", "said it would ...", "wrote a letter".
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl"})


def _carried(subject: Token) -> bool:
    """Subjects that go rather than announce: people, vehicles, the way out itself."""
    words = {lemma_of(t) for t in counted_words(subject)}
    carried = words & (VEHICLE_NOUNS | WAY_NOUNS | EVACUATING_WORDS)
    people = any(names_people(t) for t in counted_words(subject))
    return bool(carried) or people or (subject.pos_ == "PRON" and subject.lower_ in {"it", "they"})


def _teller(root: Token) -> Token | None:
    """ "..., the governor said", "the city council said that ...": the cue's subject."""
    cues = [root] if lemma_of(root) in CUE_VERBS else []
    cues += [c for c in root.children if c.dep_ in {"parataxis", "ccomp"}]
    for cue in cues:
        if lemma_of(cue) in CUE_VERBS:
            subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
            told = _tail_teller(cue)
            if told is not None:
                return told
    return _according_to(root)


def _according_to(root: Token) -> Token | None:
    """ "According to the governor, a corridor will open": the one it is told on."""
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "according":
            to = [c for c in prep.children if c.lower_ == "to"]
            return next((p for t in to for p in t.children if p.dep_ == "pobj"), None)
    return None


def _tail_teller(cue: Token) -> Token | None:
    """ "..., a Russian-installed official in the region said": the words between the
    last comma and the cue name the teller, though the parser hung them elsewhere."""
    words: list[Token] = []
    for token in reversed(cue.doc[cue.sent.start : cue.i]):
        if token.is_punct:
            break
        words.append(token)
    else:
        return None  # no comma before the cue: its subject is the sentence's own
    inside = {t.i for t in words}
    heads = [t for t in reversed(words) if t.head.i not in inside]
    return next((t for t in heads if t.pos_ in {"NOUN", "PROPN"}), None)


def _agreed(token: Token, chain: list[Token]) -> bool:
    """ "a corridor has been agreed", "the agreed ceasefire", "Kyiv and Moscow agreed":
    told as agreed between the sides."""
    if any(lemma_of(link) in AGREEING_WORDS for link in chain):
        return True
    # "through the agreed maritime humanitarian corridor": any way out told as agreed
    ways = [t for t in token.sent if lemma_of(t) in WAY_NOUNS | QUIET_WORDS | {"regime"}]
    ways.append(token)
    return any(lemma_of(c) in AGREEING_WORDS for way in ways for c in way.children)
