"""Events: who did what to whom, where and when, and according to whom.

A trigger word (:mod:`saydo.extract.lexicon`) becomes an event only with its arguments
read from the parse: the actor from the subject (or the agent of a passive, or the
possessor or demonym of a nominal), the targets and their places from the objects, the
time from the clause, the modality from the auxiliaries and the verbs that govern it, and
the source from the statement the trigger sits in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import (
    Actor,
    ActorKind,
    Event,
    Modality,
    Place,
    PloverType,
    Quantity,
    TimeExpr,
    record_id,
)
from saydo.extract.coding import (
    CONFLICT_TYPES,
    LIGHT_VERBS,
    code_actor,
    controller,
    crowd_phrase,
    ethnic_group_country,
    located_country,
    phrase_country,
    phrase_sector,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import (
    ACCUSATION_NOUNS,
    AID_CUT_VERBS,
    AID_NOUNS,
    ARREST_VERBS,
    ASPECTUAL_GO_ON,
    ASPECTUAL_STOP,
    CEASEFIRE,
    CEASEFIRE_NOUNS,
    CONTACT_NOUNS,
    CUE_NOUNS,
    CUE_VERBS,
    CUT_VERBS,
    EMERGENCY,
    EMERGENCY_STATES,
    FIRE_TRIGGERS,
    HOSTILE_TYPES,
    LIFT_VERBS,
    NOUN_FIRST_WORDS_FOR_STRIKE,
    NOUN_TRIGGERS,
    OBSTRUCTION_VERBS,
    OWN_SIDE_NOUNS,
    PARTICLE_ONLY,
    PARTICLE_TRIGGERS,
    PERSONNEL_NOUNS,
    PREP_TRIGGERS,
    PROPERTY_NOUNS,
    PROTEST_STRIKE,
    PROTEST_STRIKE_WORDS,
    SIEGE_NOUNS,
    TALK_NOUNS,
    VERB_TRIGGERS,
    WITHDRAW_VERBS,
    WITNESS_VERBS,
    WORK_NOUNS,
    WORK_STOP_VERBS,
    Trigger,
    cameo_code,
    quad_class,
)
from saydo.extract.mentions import FIRST_PERSON, Salience, noun_phrase, resolve_head
from saydo.extract.places import headline_target, places_in
from saydo.extract.quantities import NUMBER_HINTS, parse_number
from saydo.extract.statements import Attribution
from saydo.extract.times import clause_time

INTENT_GOVERNORS = frozenset(
    [
        "prepare",
        "ready",
        "willing",
        "plan",
        "intend",
        "promise",
        "pledge",
        "vow",
        "agree",
        "offer",
        "propose",
        "aim",
        "prepared",
        "commit",
        "committed",
        "determined",
        "swear",
        "threaten",
    ]
)
DEMAND_GOVERNORS = frozenset(["demand", "urge", "ask", "call", "insist"])
HYPOTHETICAL_GOVERNORS = frozenset(
    [
        "expect",
        "fear",
        "forecast",
        "predict",
        "suspect",
        "may",
        "might",
        "could",
        "likely",
        "attempt",
        "bid",
        "try",
        "seek",
        "risk",
    ]
)
DENIAL_GOVERNORS = frozenset({"deny", "reject", "dismiss"})
THREAT_GOVERNORS = frozenset({"threaten", "warn"})
DIRECT_GOVERNORS: tuple[tuple[frozenset[str], Modality], ...] = (
    (DENIAL_GOVERNORS, Modality.DENIED),
    (THREAT_GOVERNORS, Modality.THREATENED),
    (DEMAND_GOVERNORS, Modality.DEMANDED),
)
# Types whose unnamed other party is, in a two-sided conflict, the other side.
DYADIC_TYPES = HOSTILE_TYPES | {PloverType.CONSULT, PloverType.COOPERATE, PloverType.AGREE}
SYMMETRIC_TYPES = frozenset({PloverType.CONSULT, PloverType.COOPERATE, PloverType.AGREE})
# Nominal events whose participants, unnamed, are the clause's subject.
CLAUSE_INHERITING_NOUNS = frozenset({"talk", "negotiation", "meeting", "summit"})
TEMPORAL_MARKERS = frozenset({"after", "before", "since", "until", "during", "following"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Subjects that sum up a war rather than name who acted: "a war that has killed thousands".
AGGREGATE_SUBJECTS = frozenset({"war", "conflict", "fighting", "violence", "crisis"})
NEEDS_ACTOR_OBJECT = frozenset({"meet", "visit", "host"})
# Prepositions whose object is the other party: "talks with", "aid to", "war against".
COUNTERPART_PREPS = frozenset(
    {"with", "to", "against", "from", "into", "between", "toward", "towards"}
)
NOUN_TARGET_PREPS = frozenset({"of", "on", "against", "with", "between", "to", "into"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "attr", "obj"})
QUANTITY_VERBS = {
    "kill": "killed",
    "injure": "injured",
    "wound": "injured",
    "detain": "detained",
    "arrest": "detained",
    "displace": "displaced",
    "uproot": "displaced",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    token: Token
    trigger: Trigger


def extract_events(
    doc: Doc, ctx: ArticleContext, salience: Salience, statements: list[Attribution]
) -> list[Event]:
    events: list[Event] = []
    for sent in doc.sents:
        in_sentence: list[Event] = []
        for candidate in _merge_nominal_subjects(_candidates(sent)):
            for event in _events_for(candidate, doc, ctx, salience, statements, events):
                if not any(_restates(event, other) for other in in_sentence):
                    in_sentence.append(event)
        events.extend(in_sentence)
    return events


def _restates(event: Event, other: Event) -> bool:
    """Two triggers of one deed in one sentence ("Russian shelling hit homes")."""
    same_actor = (event.actor.country if event.actor else None) == (
        other.actor.country if other.actor else None
    )
    reporter = (event.reported_by.name if event.reported_by else None) == (
        other.reported_by.name if other.reported_by else None
    )
    names = {p.name for p in other.places}
    return (
        event.type is other.type
        and event.modality is other.modality
        and same_actor
        and reporter
        and all(p.name in names for p in event.places)
    )


def _candidates(sent: Span) -> list[Candidate]:
    found: list[Candidate] = []
    for token in sent:
        trigger = _trigger(token) or _obligation_trigger(token)
        if trigger is not None:
            found.append(Candidate(token, trigger))
    return found


OBLIGATION_TRIGGER = Trigger(PloverType.REQUEST, "demand")


def _obligation_trigger(token: Token) -> Trigger | None:
    """ "The administration declared that China must drop barriers": whatever the verb,
    what one party says another must do is a demand on it."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ not in {"ccomp", "acl"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in FIRST_PERSON or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    governor = token.head
    while governor.pos_ not in {"VERB", "AUX"} and governor.head.i != governor.i:
        governor = governor.head  # "issued a reminder that ...": the reminder's verb
    if not any(c.dep_ == "nsubj" for c in governor.children):
        return None
    return OBLIGATION_TRIGGER


def _trigger(token: Token) -> Trigger | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and _aggregate_subject(token):
        return None
    if token.pos_ == "VERB":
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        if particle is None and (lemma, "out") in PARTICLE_TRIGGERS:
            # "forced the agency out of the country": "out" parsed as a preposition
            particle = next((c.lower_ for c in token.children if c.lower_ == "out"), None)
        if particle and (lemma, particle) in PARTICLE_TRIGGERS:
            return PARTICLE_TRIGGERS[(lemma, particle)]
        if lemma in CUT_VERBS and _object_lemmas(token) & CONTACT_NOUNS:
            return Trigger(PloverType.SANCTION, "relations")  # "ended mediation efforts"
        if lemma in AID_CUT_VERBS and _object_lemmas(token) & AID_NOUNS:
            return Trigger(PloverType.SANCTION, "aid")  # "reduced food supplies"
        for prep in token.children:
            if prep.dep_ == "prep" and (lemma, prep.lower_) in PREP_TRIGGERS:
                return PREP_TRIGGERS[(lemma, prep.lower_)]
        if lemma in PARTICLE_ONLY:
            return None
        trigger = VERB_TRIGGERS.get(lemma)
        if trigger is not None and trigger.needs_object and not _has_object(token, trigger):
            return None
        if lemma in WORK_STOP_VERBS and _object_in(token, WORK_NOUNS):
            return PROTEST_STRIKE
        if (
            trigger is not None
            and lemma in NEEDS_ACTOR_OBJECT
            and not _object_is_named(token)
            and not _yields_to_demand(token)
        ):
            return None  # "met the pledge with scepticism" is no meeting
        if trigger is not None and lemma in LIGHT_VERBS and _object_is_trigger(token, trigger):
            return None  # "imposed sanctions": the sanctions are the event
        return trigger
    if token.pos_ in {"NOUN", "PROPN"}:
        if _emergency_rule(token):
            return EMERGENCY
        if lemma == "game" and any(c.lower_ == "war" for c in token.children):
            return NOUN_TRIGGERS["exercise"]  # "war games"
        if lemma == "fire" and token.dep_ == "dobj" and token.head.lemma_ in FIRE_TRIGGERS:
            return FIRE_TRIGGERS[token.head.lemma_]
        trigger = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS.get(token.lower_)
        if trigger is not None and _names_a_kind(token):
            return None  # "aid groups", "protest leaders": a kind of thing, no event
        if lemma in {"strike", "strikes"} and _is_protest_strike(token):
            return PROTEST_STRIKE
        if trigger is None and lemma in {"strike", "strikes"}:
            return None
        if lemma == "strike" and not _is_military_strike(token):
            return None
        return trigger
    return None


def _names_a_kind(token: Token) -> bool:
    """A trigger noun that only modifies another noun, itself no event."""
    if token.dep_ != "compound" or token.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = token.head
    if head.lemma_.lower() in EVENT_CARRIERS:
        return False  # "a mediation effort", "a rescue mission" are the act itself
    return (NOUN_TRIGGERS.get(head.lemma_.lower()) or NOUN_TRIGGERS.get(head.lower_)) is None


# Nouns that carry the act of the noun before them.
EVENT_CARRIERS = frozenset(
    {"effort", "mission", "campaign", "operation", "attempt", "bid", "process", "initiative"}
)


def _emergency_rule(token: Token) -> bool:
    """ "a state of siege", "a state of emergency", "martial law"."""
    lemma = token.lemma_.lower()
    if lemma == "law":
        return any(c.lower_ == "martial" for c in token.children)
    if lemma != "state":
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and _object_in(c, EMERGENCY_STATES, "pobj")
        for c in token.children
    )


def _object_is_trigger(verb: Token, trigger: Trigger) -> bool:
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in {"NOUN", "PROPN"}:
            other = _trigger(child)
            if other is not None and other.type is not trigger.type:
                return True
    return False


def _object_is_named(token: Token) -> bool:
    return any(
        c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        for c in token.children
        if c.dep_ in {"dobj", "prep", "pobj"}
    ) or any(
        t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        for c in token.children
        if c.dep_ == "prep"
        for t in c.subtree
    )


def _aggregate_subject(token: Token) -> bool:
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
        subjects = [token.head]
    return any(s.lemma_.lower() in AGGREGATE_SUBJECTS for s in subjects)


def _has_object(token: Token, trigger: Trigger) -> bool:
    return any(
        c.lemma_.lower() in trigger.needs_object or c.lower_ in trigger.needs_object
        for c in token.subtree
        if c.dep_ in OBJECT_DEPS or c.dep_ == "compound"
    )


def _is_protest_strike(token: Token) -> bool:
    """ "a hunger strike", "a general strike": a protest, whoever strikes."""
    return any(
        c.lower_ in PROTEST_STRIKE_WORDS for c in token.children if c.dep_ in {"compound", "amod"}
    )


def _is_military_strike(token: Token) -> bool:
    """ "Strike" alone is also a labour strike; news of war says what kind."""
    return any(c.lower_ in NOUN_FIRST_WORDS_FOR_STRIKE for c in token.children) or any(
        c.ent_type_ in {"NORP", "GPE"} for c in token.children
    )


def _merge_nominal_subjects(candidates: list[Candidate]) -> list[Candidate]:
    """ "Russian shelling hit homes" is one event: drop the noun, keep the verb."""
    by_index = {c.token.i: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        token = candidate.token
        if token.pos_ != "VERB":
            continue
        for subject in _subjects(token):
            other = by_index.get(subject.i)
            if other is not None and other.trigger.type == candidate.trigger.type:
                dropped.add(subject.i)
    kept = [c for c in candidates if c.token.i not in dropped]
    # A noun trigger is the subject of the verb it merges into; remember it for the actor.
    return kept


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECTUAL_GO_ON:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "amod" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return []
    return subjects


def _events_for(
    candidate: Candidate,
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    statements: list[Attribution],
    earlier: list[Event],
) -> list[Event]:
    token, trigger = candidate.token, candidate.trigger
    source = _source_of(token, statements) or _cue_ancestor(token, statements)
    reporter = source.statement.speaker if source else None
    actor_token, actor = _find_actor(token, ctx, salience, reporter)
    actor = _from_context(actor, actor_token, ctx)
    modality, negated = _modality(token)
    if _obligation_on_other(token, modality, actor, reporter, ctx, salience):
        modality = Modality.DEMANDED
    if trigger is OBLIGATION_TRIGGER and modality is not Modality.DEMANDED:
        return []  # one's own "we must ..." is a resolve, not a demand on anyone
    if modality is Modality.DEMANDED and reporter is None:
        # "X demanded that Y withdraw": the demand is X's statement.
        reporter = _demander(token, ctx, salience)
    if trigger.type is PloverType.CONCEDE and _object_in(token, CEASEFIRE_NOUNS):
        trigger = CEASEFIRE
    if _yields_to_demand(token):
        trigger = replace(trigger, type=PloverType.CONCEDE)  # "accepted the rebels' demands"
    trigger = _retyped(token, trigger)
    if trigger.mode == "exercise" and _joint(actor_token):
        trigger = Trigger(PloverType.COOPERATE, "military")  # "French and Egyptian warships"
    if token.lemma_.lower() in OBSTRUCTION_VERBS and crowd_phrase(actor_token):
        trigger = replace(trigger, type=PloverType.PROTEST)  # protesters blocking roads
    targets = _target_groups(token, ctx)
    time = clause_time(token, ctx)
    if _said_not_done(time, source):
        time = None
    quantities = tuple(_quantities(token))
    if _is_anaphoric(token) and _repeats(trigger.type, actor, targets, time, earlier):
        return []
    events: list[Event] = []
    for n, (recipient_token, places) in enumerate(targets or [(None, ())]):
        recipient = _recipient(trigger.type, recipient_token, places, actor, ctx, salience)
        if recipient is None or recipient.country is None:
            recipient = code_actor(recipient, recipient_token, ctx)
        event_actor = (
            actor
            or _arresting_state(token, ctx)
            or _implicit_actor(trigger.type, recipient, places, reporter, ctx)
        )
        if actor_token is not None and trigger.type not in HOSTILE_TYPES:
            event_actor = _local_actor(event_actor, actor_token, places)
        if recipient is None and event_actor is not None and trigger.type in DYADIC_TYPES:
            recipient = _country_actor(ctx.adversary_of(event_actor.country))
        final_modality = _claimed(modality, event_actor, reporter)
        start, end = token.idx, token.idx + len(token.text)
        cameo = cameo_code(trigger.type, trigger.mode)
        events.append(
            Event(
                id=record_id("ev", ctx.article_id, start, n, trigger.type.value),
                type=trigger.type,
                trigger=token.text,
                provenance=ctx.provenance(doc, start, end),
                mode=trigger.mode,
                actor=event_actor,
                recipient=recipient,
                places=places,
                time=time,
                modality=final_modality,
                negated=negated,
                reported_by=reporter,
                statement_id=source.statement.id if source else None,
                self_reported=_self_reported(event_actor, reporter),
                quantities=quantities,
                cameo=cameo,
                quad_class=quad_class(cameo),
            )
        )
    return events


def _yields_to_demand(token: Token) -> bool:
    return token.lemma_.lower() in YIELD_VERBS and _object_in(token, DEMAND_NOUNS)


def _object_in(token: Token, lemmas: frozenset[str], dep: str = "dobj") -> bool:
    return any(c.dep_ == dep and c.lemma_.lower() in lemmas for c in token.children)


def _object_lemmas(token: Token) -> set[str]:
    """The lemmas of the direct object and its compounds: "mediation efforts"."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            found.add(child.lemma_.lower())
            found.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    return found


def _retyped(token: Token, trigger: Trigger) -> Trigger:
    """Types that the trigger's object or its adjuncts decide, not its lemma."""
    lemma = token.lemma_.lower()
    objects = _object_lemmas(token)
    if lemma in LIFT_VERBS and objects & SIEGE_NOUNS:
        return Trigger(PloverType.RETREAT, "de-escalate")  # "lifted the blockade"
    if lemma in CUT_VERBS and objects & CONTACT_NOUNS and trigger.type is not PloverType.REQUEST:
        return Trigger(PloverType.SANCTION, "relations")  # "cancelled a planned visit"
    if trigger.mode == "explosives" and token.pos_ == "VERB" and objects & PROPERTY_NOUNS:
        return Trigger(PloverType.COERCE, "destroy")  # "blew up power lines"
    if lemma in WITHDRAW_VERBS and objects & PERSONNEL_NOUNS:
        return Trigger(PloverType.SANCTION, "relations")  # "will withdraw inspectors"
    if trigger.type is PloverType.RETREAT and _for_talks(token):
        return Trigger(PloverType.CONSULT, "talks")  # "return to Geneva for talks"
    if lemma in ARREST_VERBS and _on_accusation(token):
        return Trigger(PloverType.ACCUSE, "arrest")  # "jailed on allegations of treason"
    if trigger.type is PloverType.PROTEST and _diplomatic_protest(token):
        return Trigger(PloverType.ACCUSE)  # "lodged a protest with Albania"
    return trigger


def _joint(actor_token: Token | None) -> bool:
    """Two parties act together: "French and Egyptian warships", "Iran and Russia"."""
    if actor_token is None:
        return False
    return any(c.dep_ == "conj" for c in actor_token.children) or any(
        c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children) for c in actor_token.children
    )


def _for_talks(token: Token) -> bool:
    return any(
        prep.dep_ == "prep" and prep.lower_ == "for" and _object_in(prep, TALK_NOUNS, "pobj")
        for prep in token.children
    )


def _on_accusation(token: Token) -> bool:
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "for"}:
            continue
        if any(c.dep_ == "pcomp" for c in prep.children):
            return True  # "arrested for collaborating with Israel"
        if _object_in(prep, ACCUSATION_NOUNS, "pobj"):
            return True
    return False


def _diplomatic_protest(token: Token) -> bool:
    """A protest lodged or voiced ("protested that ...") is a complaint, not a demo."""
    if token.pos_ == "VERB":
        return any(c.dep_ == "ccomp" for c in token.children) or token.dep_ == "parataxis"
    return token.dep_ == "dobj" and token.head.lemma_.lower() in {"lodge", "file", "register"}


def _obligation_on_other(
    token: Token,
    modality: Modality,
    actor: Actor | None,
    reporter: Actor | None,
    ctx: ArticleContext,
    salience: Salience,
) -> bool:
    """ "Russia said Sudan must return the helicopter": what a speaker says another
    must do is a demand on them, not a deed (one's own "we must" is a resolve)."""
    if modality not in {Modality.OCCURRED, Modality.INTENDED} or not _under_obligation(token):
        return False
    # The clause's own subject says the demander's side more finely than the statement's
    # speaker ("Sudanese rebels" are Sudan's rebels, not its government).
    demander = _demander(token, ctx, salience) or reporter
    if demander is None:
        return False
    return actor is None or not _same_side(actor, demander)


def _same_side(actor: Actor, other: Actor) -> bool:
    """One's own "we must", "the state must" is a resolve; rebels saying the president
    must act ask another party, though of the same country."""
    if actor.name == other.name:
        return True
    return actor.country == other.country and _sector_of(actor) == _sector_of(other)


def _sector_of(actor: Actor) -> str:
    return actor.sector or ("GOV" if actor.kind in {ActorKind.STATE, ActorKind.PERSON} else "")


def _under_obligation(token: Token) -> bool:
    """ "must return", "must be ready to mediate": an obligation on the clause's subject."""
    current = token
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in current.children):
            return True
        if current.dep_ not in {"xcomp", "acomp"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _demander(token: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """Who voices a demand: the subject of the nearest clause that governs the trigger's
    own clause ("must be ready to mediate" is one clause)."""
    clause = token
    while clause.dep_ in {"xcomp", "acomp"} and clause.head.i != clause.i:
        clause = clause.head
    for ancestor in clause.ancestors:
        if ancestor.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
            continue
        named = code_actor(resolve_head(subject, ctx, salience), subject, ctx)
        if named is None and subject.pos_ == "PROPN":
            # An unknown body still voices the demand, on no known side.
            named = Actor(noun_phrase(subject).text, ActorKind.GROUP)
        return named
    return None


def _find_actor(
    token: Token, ctx: ArticleContext, salience: Salience, reporter: Actor | None
) -> tuple[Token | None, Actor | None]:
    """The trigger's actor and the token naming it.

    Its own subject, agent or possessor first; when that is missing or a pronoun no one
    can be found for ("their first meeting", "its invasion"), the one who controls the
    trigger, the subject of the clause that governs it, or the speaker who reports it.
    """
    first = _actor_token(token)
    actor = code_actor(_actor(token, first, ctx, salience, reporter), first, ctx)
    if actor is not None or (first is not None and first.pos_ != "PRON"):
        return first, actor
    finders = (controller, _governing_subject, _owner_subject, _party_to, _cue_subject)
    named = first
    for finder in finders:
        candidate = finder(token)
        if candidate is None or (first is not None and candidate.i == first.i):
            continue
        found = code_actor(_actor(token, candidate, ctx, salience, reporter), candidate, ctx)
        if found is not None:
            return candidate, found
        if candidate.pos_ != "PRON" and (named is None or named.pos_ == "PRON"):
            named = candidate
    return named, None


# Predicates whose subject is the doer of the act they take: "engaged in ethnic
# cleansing", "guilty of violating the ceasefire", "responsible for the attack".
PARTY_HEADS = frozenset({"engage", "involve", "guilty", "responsible", "behind", "complicit"})


def _party_to(token: Token) -> Token | None:
    if token.dep_ not in {"pobj", "pcomp"}:
        return None
    head = token.head.head
    if head.lemma_.lower() not in PARTY_HEADS:
        return None
    clause = head.head if head.dep_ in {"acomp", "amod"} else head
    for verb in (head, clause):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
    return None


def _owner_subject(token: Token) -> Token | None:
    """ "Israel mounted its invasion": an event its doer's pronoun owns is the doer's."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return None
    head = token.head
    if token.dep_ not in {"dobj", "attr"} or head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject


def _cue_subject(token: Token) -> Token | None:
    """ "The union announced that it has called off the strike", "leaders announced
    that they are willing to forgive": the pronoun is the speaker."""
    clause = token
    for _ in range(3):
        if clause.dep_ not in {"xcomp", "acomp"} or clause.head.i == clause.i:
            break
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PRON" or subject.lower_ in FIRST_PERSON:
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in CUE_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return speaker if speaker is not None and speaker.pos_ != "PRON" else None


def _said_not_done(time: TimeExpr | None, source: Attribution | None) -> bool:
    """A time outside the statement's content is the day it was said, not done."""
    if time is None or source is None or time.provenance is None:
        return False
    return not source.content_start <= time.provenance.start < source.content_end


def _source_of(token: Token, statements: list[Attribution]) -> Attribution | None:
    inside = [a for a in statements if a.content_start <= token.idx < a.content_end]
    if not inside:
        return None
    return min(inside, key=lambda a: a.content_end - a.content_start)


def _cue_ancestor(token: Token, statements: list[Attribution]) -> Attribution | None:
    """ "saying "X" and they were bombed": the clause hangs on the cue, outside its quote.

    Only through the cue's complement: a phrase that merely modifies the cue ("After
    talks ..., Russia said") is not what the speaker said.
    """
    cues = {a.cue_token: a for a in statements if a.cue_token is not None and a.statement.speaker}
    previous = token
    for ancestor in token.ancestors:
        if ancestor.i in cues:
            return cues[ancestor.i] if previous.dep_ in {"ccomp", "xcomp", "conj"} else None
        previous = ancestor
    return None


def _actor_token(token: Token) -> Token | None:
    """The token naming who acts: subject, passive agent, possessor or demonym."""
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        subjects = _subjects(token)
        if token.lemma_.lower() in STATIVE_PASSIVES:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                return subjects[0]  # "Israel is opposed to French mediation"
        active = [s for s in subjects if s.dep_ == "nsubj"]
        if active and headline_target(active[0]):
            return None  # "Chernihiv shelled through the night": the town is the target
        if active:
            return _through_nominal(active[0])
        if subjects:  # passive without agent: the subject is the target
            return None
        return _inherited_subject(token)
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in {
            "NORP",
            "GPE",
            "ORG",
            "PERSON",
        }:
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return _clause_subject(token)


def _hostile_trigger(token: Token) -> bool:
    trigger = _trigger(token)
    return trigger is not None and trigger.type in HOSTILE_TYPES


def _governing_subject(token: Token) -> Token | None:
    """ "Turkey will allow refugees to return", "Iraq held talks": with no subject of its
    own, a trigger's deed belongs to the subject of the nearest clause that governs it.

    Not across a relative clause (its subject is another deed's) nor for a passive
    trigger (its subject is the target).
    """
    if token.pos_ in {"NOUN", "PROPN"} and _hostile_trigger(token):
        return None  # "Kyiv condemned the shelling": the subject is its victim or witness
    if _is_anaphoric(token) or any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        return None  # "the invasion" someone resists was told before, by its doer
    previous = token
    for ancestor in token.ancestors:
        if previous.dep_ in {"relcl", "acl", "appos"} and not _voiced_in(previous, ancestor):
            return None
        if ancestor.pos_ in {"VERB", "AUX"}:
            if ancestor.lemma_.lower() in WITNESS_VERBS:
                return None  # "local officials reported shelling": they report, not shell
            deps = {"nsubj", "nsubjpass"} if ancestor.lemma_ in STATIVE_PASSIVES else {"nsubj"}
            subject = next((c for c in ancestor.children if c.dep_ in deps), None)
            if subject is not None:
                return None if subject.lower_ in RELATIVE_PRONOUNS else subject
            if any(c.dep_ == "nsubjpass" for c in ancestor.children):
                return None
        previous = ancestor
    return None


# Adjectival passives whose subject holds the attitude: "is committed to opening up".
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate", "resolve"})
# Documents that voice their issuer's act: "issued a declaration demanding that ...".
STATEMENT_NOUNS = CUE_NOUNS | frozenset({"declaration", "letter", "resolution", "communique"})


def _voiced_in(clause: Token, noun: Token) -> bool:
    return clause.dep_ == "acl" and noun.lemma_.lower() in STATEMENT_NOUNS


def _clause_subject(noun: Token) -> Token | None:
    """ "After talks in Istanbul, Russia said ...": who took part is the clause's subject."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in CLAUSE_INHERITING_NOUNS:
        return None
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _through_nominal(subject: Token) -> Token:
    """ "Russian shelling hit ...": the actor is the shelling's demonym, not "shelling"."""
    if subject.lemma_.lower() in NOUN_TRIGGERS:
        for child in subject.children:
            if child.dep_ in {"amod", "poss", "compound", "nsubj"} and (
                child.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} or child.pos_ == "PRON"
            ):
                return child
    return subject


def _inherited_subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(3):
        if current.dep_ == "xcomp":
            objects = [c for c in current.head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        if current.dep_ in {"acl", "xcomp"} and current.head.pos_ == "NOUN":
            # "Russia's pledge to scale back": the owner of the pledge acts.
            owner = [c for c in current.head.children if c.dep_ == "poss"]
            if owner:
                return owner[0]
        if current.dep_ == "amod" and current.head.pos_ in {"NOUN", "PROPN"}:
            left = [
                c
                for c in current.head.children
                if c.i < current.i and c.dep_ in {"amod", "compound", "det"}
            ]
            named = [c for c in left if c.lemma_.lower() in OWN_SIDE_NOUNS or c.ent_type_]
            return named[0] if named else None
        if current.dep_ not in {"conj", "xcomp", "advcl"} or current.head.i == current.i:
            return None
        current = current.head
        for child in current.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _actor(
    token: Token,
    actor_token: Token | None,
    ctx: ArticleContext,
    salience: Salience,
    reporter: Actor | None,
) -> Actor | None:
    if actor_token is None:
        return None
    if actor_token.pos_ == "PRON" and actor_token.lower_ in FIRST_PERSON:
        return reporter  # "US" is a country, "us" a speaker
    if (
        actor_token.pos_ == "PRON"
        and reporter is not None
        and _pronoun_fits(actor_token.lower_, reporter)
    ):
        return reporter  # "Russia said it would ...": "it" is the speaker
    ethnic = ethnic_group_country(actor_token, ctx)
    if ethnic is not None:
        return Actor(noun_phrase(actor_token).text, ActorKind.GROUP, country=ethnic)
    actor = resolve_head(actor_token, ctx, salience)
    if actor is None and actor_token.pos_ == "PRON" and reporter is not None:
        return reporter  # no one else it could be: the one who says it
    if actor is None:
        country = ctx.actors.country_of_demonym(actor_token.text)
        if country:
            return _forces(country, ctx)
    if actor is not None and actor.country is None:
        # "Vietnamese-led forces", "security forces in Guinea": the phrase names the side.
        named = phrase_country(actor_token, ctx) or located_country(actor_token, ctx)
        if named:
            return replace(actor, country=named)
    own_side = actor_token.lemma_.lower() in OWN_SIDE_NOUNS
    own_side = own_side or actor_token.lower_ in OWN_SIDE_NOUNS or _has_own_possessive(actor_token)
    # "the military government of President Avril" says whose it is; only a bare
    # "the military" or "our forces" is the speaker's own.
    own_side = own_side and not any(c.dep_ in {"prep", "compound"} for c in actor_token.children)
    if actor is not None and actor.country is None and own_side and reporter and reporter.country:
        return replace(actor, country=reporter.country, name=f"{reporter.country} {actor.name}")
    return actor


def _has_own_possessive(token: Token) -> bool:
    """ "its forces", "our troops" in a statement: the speaker's own."""
    return any(c.dep_ == "poss" and c.lower_ in {"its", "our", "their"} for c in token.children)


def _pronoun_fits(pronoun: str, actor: Actor) -> bool:
    if pronoun in {"he", "she", "him", "her"}:
        return actor.kind is ActorKind.PERSON
    if pronoun in {"it", "its"}:
        return actor.kind in {ActorKind.STATE, ActorKind.ORGANISATION, ActorKind.ARMED_GROUP}
    return actor.kind is not ActorKind.PERSON


def _forces(country: str, ctx: ArticleContext) -> Actor:
    return Actor(f"{country} forces", ActorKind.ARMED_GROUP, country=country, sector="MIL")


def _local_actor(actor: Actor | None, head: Token, places: tuple[Place, ...]) -> Actor | None:
    """ "Prisoners rioted at a jail in Dili", "Islamic fundamentalists staged a strike in
    Algiers": a group the text names by no side is of the country it acts in. Not for
    attacks, which are mostly carried into another's country.
    """
    if actor is not None and actor.country is not None:
        return actor
    if head.pos_ == "PRON":
        return actor
    country = next((p.country for p in places if p.country), None)
    if country is None:
        return actor
    if actor is not None:
        return replace(actor, country=country)
    return Actor(head.text, ActorKind.GROUP, country=country, sector=phrase_sector(head))


def _arresting_state(token: Token, ctx: ArticleContext) -> Actor | None:
    """ "was arrested in Lebanon": only the state where it happens arrests."""
    if token.lemma_.lower() not in ARREST_VERBS:
        return None
    return _country_actor(located_country(token, ctx))


def _from_context(actor: Actor | None, head: Token | None, ctx: ArticleContext) -> Actor | None:
    """ "Judge Alejandro Rivera opened investigations", "Islamic fundamentalists continued
    their hunger strike" in a story that names one country only: a reader takes the
    unplaced actor to be of that country."""
    if len(ctx.dyad) != 1 or (actor is not None and actor.country is not None):
        return actor
    if actor is not None:
        return replace(actor, country=ctx.dyad[0])
    if head is None or head.pos_ == "PRON" or head.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
        return None
    kind = ActorKind.ARMED_GROUP if phrase_sector(head) in {"MIL", "REB"} else ActorKind.GROUP
    return Actor(noun_phrase(head).text, kind, country=ctx.dyad[0], sector=phrase_sector(head))


def _country_actor(country: str | None) -> Actor | None:
    if country is None:
        return None
    return Actor(country, ActorKind.STATE, country=country, sector="GOV")


def _implicit_actor(
    plover: PloverType,
    recipient: Actor | None,
    places: tuple[Place, ...],
    reporter: Actor | None,
    ctx: ArticleContext,
) -> Actor | None:
    """ "Mariupol is blocked", said by Ukraine's president: the blockade is the enemy's."""
    if plover not in HOSTILE_TYPES:
        return None
    victim = (
        (recipient.country if recipient else None)
        or next((p.country for p in places if p.country), None)
        or (reporter.country if reporter else None)
    )
    return _country_actor(ctx.adversary_of(victim))


def _recipient(
    plover: PloverType,
    token: Token | None,
    places: tuple[Place, ...],
    actor: Actor | None,
    ctx: ArticleContext,
    salience: Salience,
) -> Actor | None:
    if token is not None:
        named = code_actor(resolve_head(token, ctx, salience), token, ctx)
        # A government's dealings with its own people are events ("Sudan lifted the
        # curfew in Sudan"); in combat, an own-side object is one's own unit, not a target.
        domestic = actor is not None and named is not None and named.country == actor.country
        if (
            named is not None
            and named.country is not None
            and not (domestic and plover in HOSTILE_TYPES)
        ):
            return named
        for child in token.subtree:
            country = ctx.actors.country_of_demonym(child.text)
            if country and (actor is None or country != actor.country):
                return _country_actor(country)
    if plover in SYMMETRIC_TYPES:
        return None  # talks in Istanbul are not talks with Turkey
    hostile = plover in HOSTILE_TYPES
    for place in places:
        # Lifting a curfew in one's own province is done to one's own people; shelling
        # one's own town is the enemy's doing, told from the other side.
        if place.country and not (hostile and actor is not None and place.country == actor.country):
            return _country_actor(place.country)
    return None


def _target_groups(
    token: Token, ctx: ArticleContext
) -> list[tuple[Token | None, tuple[Place, ...]]]:
    """Targets with their places: one event per target that has a place of its own.

    "hit a headquarters in the Mykolaiv region along with depots in the Donetsk region"
    is two strikes in two regions; "struck areas around Kyiv and Chernihiv" is one.
    """
    head = token.head if token.dep_ == "amod" and token.pos_ == "VERB" else token
    objects = _objects(token) if head is token else [head]
    verb_places = places_in(_own_tokens(token, exclude=objects), ctx)
    groups: list[tuple[Token | None, tuple[Place, ...]]] = []
    for obj in objects:
        groups.append((obj, places_in(list(obj.subtree), ctx)))
    if not groups:
        return [(None, verb_places)] if verb_places else []
    first_obj, first_places = groups[0]
    groups[0] = (first_obj, _dedupe(first_places + verb_places))
    with_places = [g for g in groups if g[1]]
    if len(with_places) <= 1:
        merged = _dedupe(tuple(p for _, ps in groups for p in ps))
        return [(groups[0][0], merged)]
    return with_places


def _objects(token: Token) -> list[Token]:
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ == "nsubj" and headline_target(child):
            objects.append(child)
        if child.dep_ in {"dobj", "nsubjpass"} and child.lower_ in RELATIVE_PRONOUNS:
            if token.dep_ == "relcl":
                objects.append(token.head)  # "the Crimean Peninsula, which Russia annexed"
        elif child.dep_ in {"dobj", "nsubjpass"}:
            objects.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"along", "as", "on", "against"}:
            objects.extend(
                t
                for t in child.subtree
                if t.dep_ == "pobj"
                and t.head.dep_ == "prep"
                and t.pos_ in {"NOUN", "PROPN"}
                and t.head.head.i in {child.i, token.i}
            )
    if token.pos_ in {"NOUN", "PROPN"}:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
                objects.extend(c for c in child.children if c.dep_ == "pobj")
    # A date is no target ("demanded on Tuesday that ...").
    objects = [o for o in objects if o.ent_type_ not in {"DATE", "TIME"}]
    if not objects:
        objects = _oblique_objects(token)
    if not objects and token.pos_ == "VERB":
        objects = _complement_objects(token)
    # The direct object first: "rejected on Friday an ultimatum".
    return sorted(objects, key=lambda o: o.dep_ not in {"dobj", "nsubjpass"})


def _oblique_objects(token: Token) -> list[Token]:
    """ "met with Obama", "gave Ivory Coast aid", "lodged a protest with Albania".

    Without a direct object the other party is the indirect object or the object of a
    preposition that names a counterpart; a nominal trigger of a light verb also takes
    the verb's.
    """
    heads = [token]
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "attr"}:
        heads.append(token.head)
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "dative" and child.pos_ in {"NOUN", "PROPN"}:
                found.append(child)
            elif child.dep_ in {"prep", "dative"} and child.lower_ in COUNTERPART_PREPS:
                found.extend(
                    c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}
                )
            elif child.dep_ == "prep" and child.lower_ == "in":
                found.extend(_in_protest_of(child))
    if not found and len(heads) > 1:
        # "staged a hunger strike to protest Sweden's decision": the purpose names it.
        found = _complement_objects(heads[1], purpose=True)
    return found


def _in_protest_of(prep: Token) -> list[Token]:
    """ "in protest against the arrests": whom the protest is against."""
    return [
        target
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in {"protest", "defiance", "response"}
        for inner in pobj.children
        if inner.dep_ == "prep" and inner.lower_ in {"of", "against", "at"}
        for target in inner.children
        if target.dep_ == "pobj"
    ]


def _complement_objects(token: Token, purpose: bool = False) -> list[Token]:
    """ "demanded that the US cancel ...": the one asked is the complement's subject;
    "agreed to provide aid for Romania", "refused to deploy peacekeepers in Iraq": the
    other party is the one the complement's act is done to.
    """
    for child in token.children:
        if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                return [subject]
        complement = child.dep_ == "xcomp" or (purpose and child.dep_ == "advcl")
        if complement and child.pos_ == "VERB":
            inner = [
                o
                for o in _objects(child) + _oblique_objects(child)
                if o.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
                or any(t.ent_type_ in {"GPE", "NORP", "ORG"} for t in o.subtree)
            ]
            if inner:
                return inner[:1]
    return []


def _own_tokens(token: Token, exclude: Iterable[Token]) -> list[Token]:
    excluded = {t.i for obj in exclude for t in obj.subtree}
    return [t for t in token.subtree if t.i not in excluded and not _in_other_clause(t, token)]


def _in_other_clause(token: Token, trigger: Token) -> bool:
    current = token
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ in {"ccomp", "advcl", "relcl", "conj"} and current.pos_ in {"VERB", "AUX"}:
            return True
        current = current.head
    return False


def _dedupe(places: tuple[Place, ...]) -> tuple[Place, ...]:
    seen: set[tuple[str, str | None]] = set()
    unique: list[Place] = []
    for place in places:
        key = (place.name, place.country)
        if key not in seen:
            seen.add(key)
            unique.append(place)
    return tuple(unique)


def _modality(token: Token) -> tuple[Modality, bool]:
    modality, negated = _plain_modality(token)
    if modality in {Modality.INTENDED, Modality.HYPOTHETICAL} and _condition(token, "unless"):
        return Modality.THREATENED, negated  # "will withdraw its force unless ..."
    if modality is Modality.HYPOTHETICAL and _condition(token, "if") and _coercive(token):
        return Modality.THREATENED, negated  # "may halt mediation if cooperation founders"
    return modality, negated or _failed(token)


def _coercive(token: Token) -> bool:
    trigger = _trigger(token)
    return trigger is not None and trigger.type in CONFLICT_TYPES


def _condition(token: Token, mark: str) -> bool:
    """The trigger, or the verb that carries it, has a condition clause ("unless ...")."""
    for verb in (token, token.head):
        for clause in verb.children:
            if clause.i == token.i:
                continue  # the trigger's own "if": it is the condition, not conditioned
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == mark for c in clause.children
            ):
                return True
    return False


def _failed(token: Token) -> bool:
    """ "failed to reach agreement": the act did not happen."""
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":
        token = token.head  # the light verb that carries a nominal event
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in {"fail", "refuse"}


def _plain_modality(token: Token) -> tuple[Modality, bool]:
    negated = any(c.dep_ == "neg" for c in token.children)
    head = token.head
    if head.lemma_.lower() in ASPECTUAL_STOP and token.dep_ in {"nsubj", "xcomp"}:
        # "airstrikes do not stop": the attacks go on.
        stop_negated = any(c.dep_ == "neg" for c in head.children)
        return Modality.OCCURRED, not stop_negated
    own_aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":
        # "will extend the curfew": the noun's act is the future of its verb.
        own_aux |= {c.lower_ for c in token.head.children if c.dep_ == "aux"}
        negated = negated or any(c.dep_ == "neg" for c in token.head.children)
    frame = _frame(token)
    if own_aux & {"may", "might", "could"} or _conditional(token) or _purpose(token):
        return Modality.HYPOTHETICAL, negated
    for governors, modality in DIRECT_GOVERNORS:
        if _head_is(token, governors):
            return modality, negated
    if own_aux & {"will", "would", "shall", "'ll"} or _any_lemma(frame, INTENT_GOVERNORS):
        # "had not planned to storm": a disowned intention is no pledge.
        return Modality.INTENDED, negated or _negated_intent(frame)
    if _any_lemma(frame, HYPOTHETICAL_GOVERNORS) or _any_modal(frame):
        return Modality.HYPOTHETICAL, negated
    return Modality.OCCURRED, negated


def _negated_intent(frame: list[Token]) -> bool:
    return any(
        t.lemma_.lower() in INTENT_GOVERNORS and any(c.dep_ == "neg" for c in t.children)
        for t in frame
    )


def _frame(token: Token) -> list[Token]:
    """The words that govern a trigger, up to the cue of the statement it sits in."""
    frame: list[Token] = []
    previous = token
    for ancestor in token.ancestors:
        if previous.dep_ == "relcl":
            break  # "..., which Russia annexed in 2014": background, not under the frame
        if _is_statement_cue(ancestor):
            break
        frame.append(ancestor)
        previous = ancestor
    return frame


def _is_statement_cue(token: Token) -> bool:
    return (
        token.lemma_.lower() in CUE_VERBS
        and token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "nsubj" for c in token.children)
    )


def _any_lemma(frame: list[Token], lemmas: frozenset[str]) -> bool:
    return any(
        (t.lemma_.lower() in lemmas and t.pos_ in {"VERB", "ADJ", "AUX", "NOUN"})
        or any(c.dep_ in {"advmod", "aux"} and c.lower_ in lemmas for c in t.children)
        for t in frame
    )


MODALS = frozenset({"will", "would", "may", "might", "could"})
# Accepting or meeting a demand is yielding to it (PLOVER CONCEDE), not an agreement.
YIELD_VERBS = frozenset({"accept", "meet", "grant", "heed", "satisfy", "fulfil", "fulfill"})
DEMAND_NOUNS = frozenset({"demand", "request", "call", "condition", "ultimatum", "appeal"})
OBLIGATION_MODALS = frozenset({"must", "should"})


def _any_modal(frame: list[Token]) -> bool:
    return any(
        any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children)
        for t in frame
        if t.pos_ in {"VERB", "AUX"}
    )


def _head_is(token: Token, lemmas: frozenset[str]) -> bool:
    head = token.head
    return head.i != token.i and head.pos_ == "VERB" and head.lemma_.lower() in lemmas


def _purpose(token: Token) -> bool:
    """ "to regroup", "in a bid to encircle", "an attempt to continue": aims, not deeds."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return token.dep_ == "advcl"


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children)


def _claimed(modality: Modality, actor: Actor | None, reporter: Actor | None) -> Modality:
    if modality is Modality.OCCURRED and _self_reported(actor, reporter):
        return Modality.CLAIMED
    return modality


def _self_reported(actor: Actor | None, reporter: Actor | None) -> bool:
    return bool(actor and reporter and actor.country and actor.country == reporter.country)


def _is_anaphoric(token: Token) -> bool:
    """A nominal mention that refers back to an event already told: "the continued attacks"."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(
        c.dep_ in {"prep", "acl", "relcl", "compound", "poss"} and c.pos_ != "PRON"
        for c in token.children
    ):
        return False  # "the shelling of our cities" says something new
    if any(
        c.dep_ == "det" and c.lower_ in {"the", "these", "this", "those"} for c in token.children
    ):
        return True
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return True
    for ancestor in [token, *token.ancestors]:
        if any(
            c.dep_ in {"mark", "prep"} and c.lower_ in TEMPORAL_MARKERS for c in ancestor.children
        ):
            return True
        if ancestor.dep_ == "pobj" and ancestor.head.lower_ in TEMPORAL_MARKERS:
            return True
        if ancestor.pos_ == "VERB":
            break
    return False


def _repeats(
    plover: PloverType,
    actor: Actor | None,
    targets: list[tuple[Token | None, tuple[Place, ...]]],
    time: TimeExpr | None,
    earlier: list[Event],
) -> bool:
    has_places = any(places for _, places in targets)
    if has_places or time is not None:
        return False
    for event in earlier:
        if event.type is not plover:
            continue
        if actor is None or event.actor is None or event.actor.country == actor.country:
            return True
        # "The negotiations" Ukraine attends are the talks Russia held.
        symmetric = plover in SYMMETRIC_TYPES and event.recipient is not None
        if symmetric and event.recipient is not None and event.recipient.country == actor.country:
            return True
    return False


def _quantities(token: Token) -> list[Quantity]:
    kind = QUANTITY_VERBS.get(token.lemma_.lower())
    if kind is None:
        return []
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            number = _number_in(child)
            if number is not None:
                return [Quantity(kind, number, noun_phrase(child).text)]
    return []


def _number_in(token: Token) -> int | None:
    phrase = noun_phrase(token)
    words = [t.text for t in phrase if t.like_num or t.lower_ in NUMBER_HINTS]
    return parse_number(" ".join(words)) if words else None
