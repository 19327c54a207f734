"""What became of a local truce, as the next days report it.

A truce is settled by what the reports say of its day: "4,300 people were evacuated from
Sumy", "the convoy of buses reached Zaporizhzhia" keep it; "the evacuation was thwarted",
"Russian troops did not let the buses through", "the corridor did not work" (COERCE)
and "fire was opened on the humanitarian convoy", "the occupiers violated the
ceasefire" (ASSAULT) break it. The event extractor codes some of these sentences and not
others; this module reads them as outcomes and gives an event only where the sentence has
none that the link table would read the same way.

The reading is the word-class one of :mod:`saydo.extract.outcome_lexical` first: (a)
movement out, (b) the truce going ahead or not, (c) obstruction of its people or
vehicles, (d) hostilities against it, each a class of words with general guards of
negation and modality. The parse-based readings below read only the sentences it leaves
unread: a town hit with no word of a truce, shells landing, a convoy that came back full.
Charges laid ("accused Kyiv of holding them") are read by :mod:`saydo.extract.outcome_blame`;
who and where by :mod:`saydo.extract.outcome_actors` and :mod:`saydo.extract.outcome_places`.
Sentences that none of these readers could read (most of ordinary news) are passed over
first, by :mod:`saydo.extract.outcome_gate`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from saydo.domain import Event, Place, PloverType
from saydo.extract.context import ArticleContext
from saydo.extract.mentions import Salience
from saydo.extract.modality import imperative
from saydo.extract.outcome_actors import outcome_event
from saydo.extract.outcome_blame import charge_events, charges
from saydo.extract.outcome_gate import sentence_readers
from saydo.extract.outcome_grammar import (
    about_truce,
    clausal_subject,
    counts_of,
    done_above,
    failing,
    going_back,
    is_nobody,
    made_it,
    names_truce,
    negated,
    object_of,
    own_subject,
    particle_of,
    same_clause,
    subject_of,
    subjects_of,
    teller_of,
    told_as_deed,
    told_done,
    travels,
    unable,
    under_fire,
)
from saydo.extract.outcome_lexical import lexical_readings, moves_out
from saydo.extract.outcome_lexicon import DENYING_WORDS
from saydo.extract.outcome_places import authority_towns, destination, sentence_places
from saydo.extract.outcome_words import (
    AGAINST_TRUCE_WORDS,
    ARRIVING_VERBS,
    BLOCK_VERBS,
    BREAKING_VERBS,
    EMPTY_LEAVING_VERBS,
    EMPTY_WORDS,
    EVACUATING_VERBS,
    FIRE_VERBS,
    FORCING_GOVERNORS,
    FULL_WORDS,
    GOING_OUT_VERBS,
    GOING_VERBS,
    HOSTILITY_NOUNS,
    LANDING_VERBS,
    LEFT_PLACE_NOUNS,
    MILITARY_USES,
    MUNITION_NOUNS,
    OBSTRUCTING_VERBS,
    ONSET_VERBS,
    PARTICLE_MOVES,
    PEOPLE_WORDS,
    PERMIT_VERBS,
    PHRASAL_FAILURES,
    PLACE_LABELS,
    QUITTING_VERBS,
    REACHING_VERBS,
    RETURNING_VERBS,
    SENDING_BACK_VERBS,
    STALLING_PARTICLES,
    STUCK_VERBS,
    TAKING_OUT_VERBS,
    TOWN_HOSTILITY_VERBS,
    TRAVELLER_WORDS,
    TURNED_BACK_WORDS,
    VEHICLE_WORDS,
    WENT_ON_VERBS,
    Outcome,
    Reading,
)
from saydo.extract.reporting import source_of
from saydo.extract.statements import Attribution
from saydo.link import DEEDS
from saydo.told import told_as_failed


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
            known[number] = sentence_places(sent, ctx) or authority_towns(sent, ctx)
        return known[number]

    # Most sentences of ordinary news could give no reader anything: they are not read.
    for number, (sent, may) in enumerate(zip(sents, sentence_readers(doc, sents), strict=True)):
        if not may.any or imperative(sent.root):
            continue  # "Please do not leave the column": asked of the reader, not told
        # The word-level reading is primary; the parse-based one reads what it leaves,
        # and hostilities against a town that names no truce ("shelling resumed in
        # Polohy"), which the word-level reading leaves to it.
        lexical = lexical_readings(sent) if may.lexical else []
        readings = lexical or (list(_readings(sent)) if may.parsed else [])
        if lexical and may.parsed and all(r.outcome is not Outcome.FIRED for r in lexical):
            readings += [r for r in _readings(sent) if r.outcome is Outcome.FIRED]
        laid = charges(sent) if may.charges else []
        if not readings and not laid:
            continue
        # A sentence naming no place takes the last places named before it.
        earlier = (places_of(n) for n in range(number, -1, -1))
        places = next((found_places for found_places in earlier if found_places), ())
        for charge in laid:
            source = source_of(charge.verb, attributions)
            found += charge_events(doc, charge, places, source, ctx, salience)
        sentence = sent.text.strip()
        told = [e for e in events if e.provenance.sentence == sentence]
        for reading in readings:
            if not any(_reads_as(e, reading.outcome) for e in told):
                source = source_of(reading.verb, attributions)
                where = places
                if lexical and moves_out(reading.verb):
                    # "arrived in Dnipro", "nobody was taken to Dnipro": where people
                    # were bound is not where the truce was
                    where = tuple(p for p in places if not destination(p, doc))
                found.append(outcome_event(doc, reading, where, source, ctx, salience))
    return found


def _readings(sent: Span) -> Iterator[Reading]:
    """At most one reading of each outcome per sentence, from its verbs. Without a word of
    a truce, only people got out of a town are read: that is what a corridor's day is."""
    truce_told = any(names_truce(t) for t in sent)
    # One reading of each outcome per teller: "Ukraine said Russian forces kept attacking,
    # while Moscow said Ukrainian troops used the pause to regroup" tells two charges.
    seen: set[tuple[Outcome, int]] = set()
    failed: set[int] = set()
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or not told_as_deed(verb):
            continue
        if _in_a_denial(verb):
            continue
        if going_back(verb):
            # "forced to go back", "went back to Kyiv empty": a return is never a way out.
            outcome = _went_back(verb)
        else:
            outcome = _went_empty(verb) or (_outcome(verb) if truce_told else None)
            outcome = outcome or _got_out(verb) or _obstructed(verb) or _town_hit(verb)
            outcome = outcome or _failed_to_reach(verb) or _fire_resumed(verb)
            outcome = outcome or _against_truce(verb) or _used_truce(verb)
            outcome = outcome or _shells_landed(verb) or _kept_firing(verb)
        teller = teller_of(verb)
        shared = verb.dep_ == "conj" and own_subject(verb) is None
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


def _in_a_denial(verb: Token) -> bool:
    """ "The militia denied firing on the bus": a denial of an act, which is neither the
    act ("firing") nor a way barred ("denied passage to the convoy" is one)."""
    if verb.lemma_.lower() in DENYING_WORDS and any(
        c.dep_ in {"xcomp", "ccomp"} for c in verb.children
    ):
        return True
    return verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in DENYING_WORDS


def _went_back(verb: Token) -> Outcome | None:
    """A convoy or team that came back empty, or had to, brought no one out ("the ICRC
    team had to return to Zaporizhzhia"); one that came back full did."""
    subject = subject_of(verb)
    sent_in = subject is not None and (
        travels(subject) or subject.lemma_.lower() in TURNED_BACK_WORDS
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
    if verb.lemma_.lower() not in REACHING_VERBS and not made_it(verb):
        return None
    if not (negated(verb) or failing(verb)):
        return None
    if not (told_done(verb) or done_above(verb) or unable(verb)):
        return None
    subject = subject_of(verb)
    sent_in = subject is not None and subject.lemma_.lower() in TURNED_BACK_WORDS | {"bus"}
    return Outcome.BLOCKED if sent_in else None


def _used_truce(verb: Token) -> Outcome | None:
    """ "no one used the corridor", "2,000 people used the route": the truce taken up,
    or not, by those it was for."""
    if verb.lemma_.lower() != "use" or not told_done(verb):
        return None
    if not any(c.dep_ == "dobj" and names_truce(c) for c in verb.children):
        return None
    purposes = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"}]
    # "to reposition" may be read as a preposition and its noun
    purposes += [t for c in verb.children if c.lower_ == "to" for t in c.children]
    if any(t.lemma_.lower() in MILITARY_USES for t in purposes):
        return Outcome.FIRED  # "used the pause to regroup": the truce broken by its use
    subject = subject_of(verb)
    if subject is None or not (
        subject.lemma_.lower() in PEOPLE_WORDS | VEHICLE_WORDS or is_nobody(subject)
    ):
        return None
    return Outcome.BLOCKED if negated(verb) or is_nobody(subject) else Outcome.KEPT


def _kept_firing(verb: Token) -> Outcome | None:
    """ "Russian forces kept attacking", "continued to shell the road": hostilities told
    as going on, which is what a truce in their place and time was meant to stop."""
    if verb.lemma_.lower() not in WENT_ON_VERBS or not told_done(verb) or negated(verb):
        return None
    going_on = any(c.dep_ == "xcomp" and c.lemma_.lower() in BREAKING_VERBS for c in verb.children)
    return Outcome.FIRED if going_on else None


def _shells_landed(verb: Token) -> Outcome | None:
    """ "mortar shells landed near the checkpoint": munitions falling are an attack."""
    if verb.lemma_.lower() not in LANDING_VERBS or not told_done(verb):
        return None
    subject = subject_of(verb)
    munition = subject is not None and subject.lemma_.lower() in MUNITION_NOUNS
    return Outcome.FIRED if munition and not negated(verb) else None


def _fire_resumed(verb: Token) -> Outcome | None:
    """ "Fighting flared again near Husarivka", "the shelling resumed": hostilities told
    as starting (again), which a truce in their place and time does not survive."""
    if verb.lemma_.lower() not in ONSET_VERBS or negated(verb) or not told_done(verb):
        return None
    subject = subject_of(verb)
    # "before shelling resumed": the tagger may take the gerund for an auxiliary
    named = [subject] if subject is not None else []
    named += [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    hostile = any(t.lemma_.lower() in HOSTILITY_NOUNS or t.lower_ in HOSTILITY_NOUNS for t in named)
    return Outcome.FIRED if hostile else None


def _against_truce(verb: Token) -> Outcome | None:
    """ "troops were fighting on its territory, despite the promised ceasefire": an armed
    act told against a truce breaks it, whatever else its clause names."""
    if verb.lemma_.lower() not in BREAKING_VERBS or negated(verb) or not told_done(verb):
        return None
    sent = verb.sent
    against = any(
        t.lower_ in AGAINST_TRUCE_WORDS and any(names_truce(u) for u in t.subtree if u.i != t.i)
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
    failed = negated(verb) or failing(verb)
    if lemma in FIRE_VERBS and about_truce(verb):
        return None if failed else Outcome.FIRED
    if lemma == "open" and any(c.lower_ == "fire" for c in verb.children):
        return None if failed else Outcome.FIRED  # "fire was opened on the convoy"
    if lemma == "come" and under_fire(verb) and about_truce(verb):
        return None if failed else Outcome.FIRED  # "the route came under mortar fire"
    blocking = lemma in BLOCK_VERBS or particle_of(verb) in PHRASAL_FAILURES.get(lemma, ())
    if blocking and about_truce(verb):
        return None if failed else Outcome.BLOCKED
    failed = failed or (lemma in PERMIT_VERBS and _lets_nobody(verb))
    if lemma in PERMIT_VERBS and failed and (about_truce(verb) or _lets_travellers(verb)):
        return Outcome.BLOCKED
    subject = subject_of(verb)
    truce_subject = subject is not None and names_truce(subject)
    stalled = particle_of(verb) in STALLING_PARTICLES or _held(verb)
    if lemma in GOING_VERBS and truce_subject and stalled:
        return None if failed else Outcome.BLOCKED  # "the convoy was held up"
    if lemma in GOING_VERBS and truce_subject:
        return Outcome.BLOCKED if failed else Outcome.KEPT
    moving = lemma in ARRIVING_VERBS | GOING_OUT_VERBS or _particle_move(verb)
    if moving and subject is not None and travels(subject):
        return Outcome.BLOCKED if failed else Outcome.KEPT
    if lemma in EVACUATING_VERBS and told_done(verb):
        return Outcome.BLOCKED if failed else Outcome.KEPT
    return None


def _held(verb: Token) -> bool:
    """ "the column was held at a checkpoint": detained; "the truce held" is kept."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    return verb.lemma_.lower() == "hold" and passive


def _particle_move(verb: Token) -> bool:
    """ "the convoy set off", "buses headed out": setting out, told with its particle."""
    return particle_of(verb) in PARTICLE_MOVES.get(verb.lemma_.lower(), ())


def _lets_travellers(verb: Token) -> bool:
    """ "refused to let the buses pass": the clause let through names who travels."""
    return any(
        (travels(t) and t.lemma_.lower() in TRAVELLER_WORDS | VEHICLE_WORDS | PEOPLE_WORDS)
        or is_nobody(t)
        for t in verb.subtree
    )


def _lets_nobody(verb: Token) -> bool:
    """ "had let no one pass", "let no cars through": permission given to none."""
    let = [c for c in verb.children if c.dep_ in {"dobj", "nsubj"}]
    let += [s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in subjects_of(c)]
    return any(is_nobody(t) or any(c.lower_ == "no" for c in t.children) for t in let)


def _obstructed(verb: Token) -> Outcome | None:
    """ "a second group was stopped by shelling", "soldiers detained the buses": people or
    vehicles held, told as done, with no word of the truce in the sentence."""
    lemma = verb.lemma_.lower()
    if lemma not in OBSTRUCTING_VERBS | STUCK_VERBS or not told_done(verb) or negated(verb):
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    held = object_of(verb) or (own_subject(verb) if passive else None)
    if held is None or held.lemma_.lower() not in TRAVELLER_WORDS | VEHICLE_WORDS:
        return None
    if lemma in STUCK_VERBS and held.lemma_.lower() not in VEHICLE_WORDS:
        return None
    return Outcome.BLOCKED


def _town_hit(verb: Token) -> Outcome | None:
    """ "Russian rockets slammed into a district of Mykolaiv", "shelled Huliaipole": an
    armed act on a named town, told as done; it breaks a truce there in its window.
    "Chernihiv came under heavy bombardment": the town as the subject of an attack."""
    if verb.lemma_.lower() == "come" and under_fire(verb) and told_done(verb):
        town = subject_of(verb)
        placed = town is not None and town.ent_type_ in PLACE_LABELS
        return Outcome.FIRED if placed and not negated(verb) else None
    if verb.lemma_.lower() not in TOWN_HOSTILITY_VERBS or not told_done(verb) or negated(verb):
        return None
    if verb.dep_ in {"amod", "acl", "relcl"} or verb.tag_ == "VBG":
        return None  # "the shelled town", "a strike hitting": no clause of its own
    hit = [t for t in verb.subtree if t.i > verb.i and t.ent_type_ in PLACE_LABELS]
    return Outcome.FIRED if hit and same_clause(hit[0], verb) else None


def _got_out(verb: Token) -> Outcome | None:
    """ "people travelled from Enerhodar", "families were rescued from Borodianka",
    "volunteers carried 60 residents out of Makariv": people got out of a town, told as
    done; "buses were turned back", "no cars could get out": they did not."""
    if not (told_done(verb) or unable(verb) or done_above(verb)):
        return None
    lemma = verb.lemma_.lower()
    sending_back = lemma in SENDING_BACK_VERBS
    if sending_back and any(c.lower_ in {"back", "around"} for c in verb.children):
        # "soldiers turned back every car": the object is turned; "buses sent to
        # Chernihiv were turned back": the subject of the clause that is the subject.
        turned = object_of(verb) or subject_of(verb) or clausal_subject(verb)
        sent_back = turned is not None and (
            travels(turned) or turned.lemma_.lower() in TURNED_BACK_WORDS
        )
        return Outcome.BLOCKED if sent_back else None
    if lemma in RETURNING_VERBS and _came_back_empty(verb):
        return Outcome.BLOCKED
    if lemma in RETURNING_VERBS and _came_back_full(verb):
        return Outcome.KEPT
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    taken = object_of(verb) if lemma in TAKING_OUT_VERBS and not passive else None
    moving = lemma in (TAKING_OUT_VERBS if passive else GOING_OUT_VERBS) or made_it(verb)
    who = taken if taken is not None else (subject_of(verb) if moving else None)
    if who is None or not (who.lemma_.lower() in PEOPLE_WORDS | VEHICLE_WORDS or is_nobody(who)):
        return None
    if not (_from_a_town(verb) or _of_a_town(who) or _to_safety(verb)):
        return None
    return Outcome.BLOCKED if negated(verb) or failing(verb) else Outcome.KEPT


def _went_empty(verb: Token) -> Outcome | None:
    """ "the buses left the town empty": read before any move, which it would seem."""
    empty = verb.lemma_.lower() in EMPTY_LEAVING_VERBS and _came_back_empty(verb)
    return Outcome.BLOCKED if empty and told_done(verb) else None


def _came_back_empty(verb: Token) -> bool:
    """ "all 30 buses returned empty": the convoy went, and no one got out on it."""
    # "returned empty", "went back from Polohy empty" (read as the end of the phrase)
    empty = any(t.lower_ in EMPTY_WORDS and same_clause(t, verb) for t in verb.subtree)
    subject = subject_of(verb)
    return empty and subject is not None and travels(subject)


def _came_back_full(verb: Token) -> bool:
    """ "the buses came back full", "returned with 230 people on board": they brought
    people out. Vehicles only: people who "came back" are going home, not out."""
    subject = subject_of(verb)
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
    return any(t.lemma_.lower() in PEOPLE_WORDS or counts_of(t) for t in carried) and any(
        t.ent_type_ in PLACE_LABELS for t in verb.sent
    )


def _from_a_town(verb: Token) -> bool:
    """ "from Enerhodar", "out of Melitopol", "left Sumy", "out of the city", "out of the
    region": a place left."""
    children = list(verb.children)
    # "crossed the Dnipro from Kherson": the "from" hangs off the river crossed
    children += [c for d in verb.children if d.dep_ == "dobj" for c in d.children]
    for child in children:
        town = child.ent_type_ in PLACE_LABELS or child.lemma_.lower() in LEFT_PLACE_NOUNS
        if child.dep_ == "dobj" and town and verb.lemma_.lower() in QUITTING_VERBS:
            return True
        if child.dep_ not in {"prep", "prt", "advmod"} or child.lower_ not in {"from", "out"}:
            continue
        objects = [t for t in child.subtree if t.dep_ == "pobj"]
        if any(
            t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in LEFT_PLACE_NOUNS for t in objects
        ):
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


def _reads_as(event: Event, outcome: Outcome) -> bool:
    """Does the event extractor's event already say what this outcome says, in a place?"""
    if event.modality not in DEEDS or event.negated or not event.places:
        return False
    evacuation = event.type is PloverType.RETREAT and event.mode in {"evacuate", "ceasefire"}
    if outcome is Outcome.KEPT:
        return evacuation and not told_as_failed(event)
    hostile = event.type in {PloverType.ASSAULT, PloverType.COERCE}
    return hostile or (evacuation and told_as_failed(event))
