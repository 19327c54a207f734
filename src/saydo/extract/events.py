"""Events: who did what to whom, where and when, and according to whom.

A trigger word (:mod:`saydo.extract.lexicon`) becomes an event only with its arguments
read from the parse: the actor from the subject (or the agent of a passive, or the
possessor or demonym of a nominal), the targets and their places from the objects, the
time from the clause, the modality from the auxiliaries and the verbs that govern it, and
the source from the statement the trigger sits in.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from saydo.domain import Actor, Event, Modality, Place, PloverType, Quantity, TimeExpr, record_id
from saydo.extract.clause import is_anaphoric
from saydo.extract.coding import code_actor
from saydo.extract.context import ArticleContext
from saydo.extract.demands import find_demander, obligation_on_other
from saydo.extract.implied_actors import (
    actor_from_context,
    arresting_state,
    breakaway_side,
    country_actor,
    implicit_actor,
    local_actor,
    party_voice,
    recipient_from_context,
    side_group,
    unsided_group,
)
from saydo.extract.lexicon import (
    DYADIC_TYPES,
    HOSTILE_TYPES,
    SYMMETRIC_TYPES,
    cameo_code,
    quad_class,
)
from saydo.extract.mentions import Salience, noun_phrase
from saydo.extract.modality import claimed_modality, event_modality, is_self_reported
from saydo.extract.outcome_tellers import with_header_voice
from saydo.extract.participants import find_actor, non_agent_subject, turns_on_own_side
from saydo.extract.quantities import NUMBER_HINTS, parse_number
from saydo.extract.reporting import cue_ancestor, said_not_done, source_of
from saydo.extract.retype import decided_trigger, is_policy_cut
from saydo.extract.statements import Attribution
from saydo.extract.targets import (
    find_recipient,
    is_generic_party,
    target_groups,
    with_host_places,
)
from saydo.extract.times import background_time, clause_time, told_time
from saydo.extract.triggers import (
    OBLIGATION_TRIGGER,
    Candidate,
    find_candidates,
    merge_nominal_subjects,
)

QUANTITY_VERBS = {
    "kill": "killed",
    "injure": "injured",
    "wound": "injured",
    "detain": "detained",
    "arrest": "detained",
    "displace": "displaced",
    "uproot": "displaced",
}


def extract_events(
    doc: Doc, ctx: ArticleContext, salience: Salience, statements: list[Attribution]
) -> list[Event]:
    events: list[Event] = []
    for sent in doc.sents:
        in_sentence: list[Event] = []
        for candidate in merge_nominal_subjects(find_candidates(sent)):
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
        and event.negated == other.negated  # "no one was killed in the attack"
        and same_actor
        and reporter
        and all(p.name in names for p in event.places)
    )


def _events_for(
    candidate: Candidate,
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    statements: list[Attribution],
    earlier: list[Event],
) -> list[Event]:
    token, trigger = candidate.token, candidate.trigger
    if non_agent_subject(token) or _names_the_hurt(token):
        return []
    source = source_of(token, statements) or cue_ancestor(token, statements)
    reporter = source.statement.speaker if source else None
    actor_token, actor = find_actor(token, ctx, salience, reporter)
    if actor_token is not None and actor_token.i == token.i and trigger.type in HOSTILE_TYPES:
        # "the shelling along the route never stopped": the attack's noun is no attacker
        actor_token, actor = None, None
    actor = actor_from_context(actor, actor_token, ctx)
    modality, negated = event_modality(token)
    if obligation_on_other(token, modality, actor, reporter, ctx, salience):
        modality = Modality.DEMANDED
    if trigger is OBLIGATION_TRIGGER and modality is not Modality.DEMANDED:
        return []  # one's own "we must ..." is a resolve, not a demand on anyone
    if modality is Modality.DEMANDED and reporter is None:
        # "X demanded that Y withdraw": the demand is X's statement.
        reporter = find_demander(token, ctx, salience)
    trigger = decided_trigger(token, trigger, actor_token)
    if is_policy_cut(token, trigger):
        return []
    targets = target_groups(token, ctx)
    time = clause_time(token, ctx)
    if said_not_done(time, source):
        time = None
    time = time or background_time(token, ctx)
    quantities = tuple(_quantities(token))
    if is_anaphoric(token) and _repeats(trigger.type, actor, targets, time, earlier):
        return []
    # Borrowed from the clause around, so no sign of a new deed ("following the strike").
    targets = with_host_places(targets, token, ctx)
    if time is None and modality in {Modality.OCCURRED, Modality.CLAIMED}:
        time = told_time(token, ctx)
    events: list[Event] = []
    for n, (recipient_token, places) in enumerate(targets or [(None, ())]):
        recipient = find_recipient(trigger.type, recipient_token, places, actor, ctx, salience)
        if recipient is None or recipient.country is None:
            recipient = code_actor(recipient, recipient_token, ctx)
        event_actor = actor
        if actor is None or unsided_group(actor):
            found = arresting_state(token, ctx) or implicit_actor(
                trigger.type, recipient, places, reporter, ctx
            )
            event_actor = found if actor is None else side_group(actor, found, places)
        if actor_token is not None and trigger.type not in HOSTILE_TYPES:
            event_actor = local_actor(event_actor, actor_token, places, recipient_token)
        recipient = recipient_from_context(
            trigger.type, recipient, recipient_token, event_actor, ctx
        )
        hostile = trigger.type in HOSTILE_TYPES
        if hostile and turns_on_own_side(actor_token, event_actor, reporter, recipient, places):
            event_actor = implicit_actor(trigger.type, recipient, places, reporter, ctx)
        generic = is_generic_party(recipient_token)
        if generic and (recipient is None or recipient.country is None):
            recipient = None  # "talks with many foreign leaders": no one side
        elif recipient is None and event_actor is not None and trigger.type in DYADIC_TYPES:
            recipient = country_actor(ctx.adversary_of(event_actor.country))
        # "Donetsk separatists": placed at home above, sided with the power behind them here
        event_actor = breakaway_side(event_actor, ctx)
        named = event_actor if actor_token is not None else None
        teller = _teller(doc, source, reporter, named, trigger.type, ctx)
        teller = with_header_voice(teller, token.sent, ctx, salience)
        final_modality = claimed_modality(modality, event_actor, teller)
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
                reported_by=teller,
                statement_id=source.statement.id if source else None,
                self_reported=is_self_reported(event_actor, teller),
                quantities=quantities,
                cameo=cameo,
                quad_class=quad_class(cameo),
            )
        )
    return events


# Participles of harm that, standing for a noun, name the people harmed.
HURT_PARTICIPLES = frozenset({"wound", "injure"})
NOUN_DEPS = frozenset({"amod", "nsubj", "nsubjpass", "dobj", "pobj", "conj"})


def _names_the_hurt(token: Token) -> bool:
    """ "buses carrying wounded from Azovstal", "53 seriously wounded fighters": the
    wounded as those carried or counted, not a wounding told; "shelling wounded five"
    and "were wounded by shelling" tell one."""
    if token.lemma_.lower() not in HURT_PARTICIPLES or token.tag_ != "VBN":
        return False
    if token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
        return False  # "were killed and wounded"
    before = token.doc[token.i - 1] if token.i > 0 else None
    # "buses carrying wounded", "the wounded", "ambulances with wounded from Chernihiv"
    carried = before is not None and (before.pos_ == "VERB" or before.lower_ in {"the", "with"})
    return token.dep_ in NOUN_DEPS or carried


def _teller(
    doc: Doc,
    source: Attribution | None,
    reporter: Actor | None,
    actor: Actor | None,
    plover: PloverType,
    ctx: ArticleContext,
) -> Actor | None:
    """Who tells the deed: "Russian shelling hit the station, the ministry said" with no
    ministry named before is the other side's ministry, telling of the attack on its own.
    Only an attacker the sentence names: "the ministry reports strikes" is a side's own
    ministry telling of its own strikes as often as not."""
    if actor is None or plover not in HOSTILE_TYPES:
        return reporter
    if reporter is not None and reporter.country is not None:
        return reporter
    return party_voice(doc, source, actor, ctx) or reporter


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
