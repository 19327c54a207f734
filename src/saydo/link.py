"""Link pledges to the later deeds that keep or break them, and give each a verdict.

What keeps and what breaks each kind of pledge is the table ``RULES``, not a tangle of
conditions: a de-escalation near Kyiv is broken by an assault, coercion or mobilisation
by the same side in scope after it was made, and kept by a retreat; a ceasefire is broken
by any assault in scope; a threat is carried out by the threatened act; a denial is
contradicted by reports of the act denied.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from saydo.domain import (
    THIRD_PARTY,
    ArticleInfo,
    Event,
    Evidence,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    Relation,
    Verdict,
    VerdictLabel,
)
from saydo.geo import distance_km
from saydo.merge import Incident, incidents, pledge_groups
from saydo.resolve.capitals import capital_of
from saydo.told import (
    WORD,
    told_as_circumstance,
    told_as_elsewhere,
    told_as_failed,
    told_as_false_charge,
    told_as_scarcely_managed,
    told_as_shortfall,
    told_as_undone,
    told_as_unknown,
)

T = PloverType
DEEDS = frozenset({Modality.OCCURRED, Modality.CLAIMED})
PLACED_BY_SENTENCE = frozenset({T.ASSAULT, T.COERCE})
# Nouns that name a truce rather than tell of people getting out.
TRUCE_NOUN_TRIGGERS = frozenset(
    {"evacuation", "evacuations", "corridor", "corridors", "ceasefire", "truce", "pause"}
)
# Nouns by which a report retells a truce's operation already known: "the corridor",
# "the operation", "the attempt", "the convoy", "the buses", "the pickup point".
RETOLD_NOUNS = TRUCE_NOUN_TRIGGERS | frozenset(
    {"operation", "attempt", "convoy", "column", "buses", "pickup", "passage"}
)
# Words by which a report speaks of a truce's day: its corridor, route, convoy, buses.
TRUCE_DAY_WORDS = RETOLD_NOUNS | frozenset(
    {"corridors", "route", "routes", "evacuate", "evacuated", "convoys", "bus", "truces"}
    # the ways out themselves: "the crossing was called off", "the train departed"
    | {"crossing", "crossings", "ferry", "ferries", "boat", "boats", "train", "trains"}
    | {"checkpoint", "columns"}
)
# Letters that tell one verb from another across its forms ("exchange", "exchanged").
STEM_LETTERS = 5


@dataclass(frozen=True, slots=True)
class Rule:
    contradicted_by: frozenset[PloverType]
    kept_by: frozenset[PloverType]
    # Whose deeds count: the pledging side's own, or anyone's (a truce is broken by
    # whoever fires).
    same_side: bool = True
    # When set, the deed must be the act pledged itself (of its type, and of its mode
    # when both tell one), and this is how it bears on the pledge: a threat is carried
    # out by the threatened act, an offer kept by the offered act done, a denial
    # contradicted by the act denied.
    pledged_act: Relation | None = None
    # The pledged act must be that very act, not any of its type: an offer "to exchange
    # prisoners" is kept by an exchange, not by any agreement of the offering side.
    same_act: bool = False
    # A pledge of this kind with no place binds nothing, even towards a recipient: a
    # denial is of one act, where it happened.
    needs_place: bool = False
    # When set, only deeds of these modes keep the pledge: a truce is kept by people
    # getting out, not by any team turning back.
    kept_modes: frozenset[str] | None = None
    # A truce is for its day: people getting out that day keep it. Other pledges are kept
    # only by a later day's deed (on its own day a like report is most often the pledge).
    kept_same_day: bool = False
    # A keeping deed told as failed ("the evacuation was halted") breaks the pledge.
    failure_breaks: bool = False
    # Deeds of a contradicting type that break nothing: a siege is the state a corridor
    # is opened into ("the first evacuation since the siege began"), not a breach of it.
    standing_triggers: frozenset[str] = frozenset()
    # When each side reports the other breaking the pledge, the record is word against
    # word: disputed, not contradicted.
    blame_disputes: bool = False
    # Deeds that count on the road between two places of the pledge, not only near them: a
    # corridor from Enerhodar to Zaporizhzhia is blocked by a checkpoint at Vasylivka.
    on_route: frozenset[PloverType] = frozenset()


RULES: dict[PledgeKind, Rule] = {
    PledgeKind.DE_ESCALATION: Rule(
        frozenset({T.ASSAULT, T.COERCE, T.MOBILIZE}), frozenset({T.RETREAT})
    ),
    PledgeKind.CEASEFIRE: Rule(
        frozenset({T.ASSAULT, T.COERCE}),
        frozenset({T.RETREAT}),
        same_side=False,
        kept_modes=frozenset({"evacuate", "ceasefire"}),
        kept_same_day=True,
        failure_breaks=True,
        standing_triggers=frozenset({"siege", "sieges", "blockade", "encirclement"}),
        blame_disputes=True,
        on_route=frozenset({T.COERCE, T.ASSAULT}),
    ),
    # An offer is kept when the offering side does what it offered ("ready to exchange
    # prisoners", then prisoners exchanged), not by any agreement of its own, and never
    # by saying the offer again. It is broken only by its withdrawal, which a rejection of
    # something else ("Kyiv dismisses Moscow's pledge") is not; saydo does not detect
    # withdrawals yet.
    PledgeKind.OFFER: Rule(frozenset(), frozenset(), pledged_act=Relation.FULFILS, same_act=True),
    PledgeKind.AID: Rule(frozenset(), frozenset({T.AID})),
    PledgeKind.THREAT: Rule(frozenset(), frozenset(), pledged_act=Relation.FULFILS),
    PledgeKind.DENIAL: Rule(
        frozenset(), frozenset(), pledged_act=Relation.CONTRADICTS, needs_place=True
    ),
}


# How long after a truce's window a report of a deed with no day is still of the truce:
# outcomes of 2022's local truces were reported within two or three days.
UNDATED_OUTCOME_LAG_DAYS = 3


# A local corridor's two ends lie at most this far apart; farther pairs of places a pledge
# names ("agreed with Moscow on a corridor out of Mariupol") are no road.
ROUTE_MAX_KM = 300.0
# How far off the straight line between a corridor's ends a place still lies on its road,
# as the detour it makes: roads bend, and checkpoints stand beside them.
ROUTE_DETOUR_KM = 50.0


# Words of a truce that promises quiet, not only a way out: "corridors are opened".
PAUSE_TRIGGERS = frozenset(
    {"corridor", "corridors", "ceasefire", "truce", "pause", "silence", "regime", "passage"}
)
# Words of people setting out, beside those of a truce's day.
SETTING_OUT_WORDS = frozenset(
    {"departure", "departures", "relocation", "board", "boarding", "evacuees", "evacuation"}
)
# Reporters that are no party to a war, whose account no party's denial answers.
NON_PARTIES = frozenset({THIRD_PARTY, "IGO", "NGO"})
# Verbs of denying a deed, by their first letters: "denied", "denies", "denying".
DENIAL_STEMS = frozenset({"denie", "denyi", "deny"})


# Verbs of arriving, by their first letters: "reached", "arrived", "arriving".
ARRIVAL_STEMS = frozenset({"reach", "arriv"})


def event_date(event: Event, published: date | None) -> date | None:
    if event.time is not None and (event.time.end or event.time.start):
        return event.time.end or event.time.start
    return published


def truce_day(pledge: Pledge, event: Event, when: date | None) -> date | None:
    """The day of a deed told with no day of its own ("the column was held for two
    days"), reported soon after a truce's window: that truce's last day, which is what
    such a report tells of. Any other deed keeps the day it was given."""
    dated = event.time is not None and (event.time.end or event.time.start)
    end = pledge.window_end
    if pledge.kind is not PledgeKind.CEASEFIRE or dated or when is None or end is None:
        return when
    late = (when - end).days
    return end if 0 < late <= UNDATED_OUTCOME_LAG_DAYS else when


def in_scope(pledge: Pledge, event: Event) -> bool:
    """Within the radius of a scoped place; a pledge with no place binds only towards
    its recipient ("we will strike Ukraine"), and one with neither binds nothing."""
    if not pledge.scope_places and RULES[pledge.kind].needs_place:
        return False
    if not pledge.scope_places:
        wanted = pledge.event.recipient.country if pledge.event.recipient else None
        got = event.recipient.country if event.recipient else None
        return wanted is not None and wanted == got
    return any(
        distance_km(scope, place) <= pledge.scope_radius_km
        for scope in pledge.scope_places
        for place in event.places
    )


def on_route(pledge: Pledge, event: Event) -> bool:
    """Does a place of the deed lie on the road between two places of the pledge, the
    ends of its corridor: "the convoy was turned back at a checkpoint near Vasylivka"
    blocks a corridor from Enerhodar to Zaporizhzhia, though it is near neither?"""
    ends = [p for p in pledge.scope_places if _on_a_road(p)]
    for i, a in enumerate(ends):
        for b in ends[i + 1 :]:
            span = distance_km(a, b)
            if span > ROUTE_MAX_KM:
                continue
            for place in (p for p in event.places if _on_a_road(p)):
                detour = distance_km(a, place) + distance_km(place, b) - span
                if detour <= ROUTE_DETOUR_KM:
                    return True
    return False


def _on_a_road(place: Place) -> bool:
    """A town or spot, not a region or country, whose centre point is no place on a road."""
    return place.resolved and place.kind not in {"region", "country"}


def in_region(pledge: Pledge, event: Event) -> bool:
    """Is a place of the deed inside a region (oblast) the pledge names, or a region
    around a town it names: "evacuate the Donetsk region" is carried out by a train
    leaving Pokrovsk, far from the region's centre point that the radius is measured
    from."""
    regions = {
        (p.country, p.admin1) for p in pledge.scope_places if p.kind == "region" and p.admin1
    }
    if any((p.country, p.admin1) in regions for p in event.places if p.admin1):
        return True
    # "12,000 people have left the Sumy region": people out of a region are out of the
    # towns in it that the pledge names
    towns = {(p.country, p.admin1) for p in pledge.scope_places if p.admin1}
    return any((p.country, p.admin1) in towns for p in event.places if p.kind == "region")


def in_window(pledge: Pledge, when: date | None) -> bool:
    if when is None or pledge.made_on is None:
        return False
    return when >= pledge.made_on and (pledge.window_end is None or when <= pledge.window_end)


def relation(pledge: Pledge, event: Event, when: date | None) -> Relation | None:
    """How ``event`` bears on ``pledge``, or None if it does not."""
    rule = RULES[pledge.kind]
    if event.id == pledge.event.id or event.modality not in DEEDS or event.negated:
        return None
    if event.provenance.sentence == pledge.event.provenance.sentence:
        return None
    if told_as_unknown(event) or told_as_false_charge(event):
        return None
    actor, pledger = event.actor, pledge.actor
    if rule.same_side and (actor is None or pledger is None or actor.country != pledger.country):
        return None
    if not in_window(pledge, when) and not _arrived_after(pledge, event, when):
        return None
    # A region's whole area counts only for people getting out of it: a shell landing
    # anywhere in an oblast breaks no pledge to evacuate it, one near the named place does.
    near = in_scope(pledge, event) or (event.type in rule.on_route and on_route(pledge, event))
    if not near and not (event.type in rule.kept_by and in_region(pledge, event)):
        return None
    if rule.pledged_act is not None:
        if not _is_pledged_act(pledge.event, event, rule.same_act):
            return None
        if rule.pledged_act is Relation.FULFILS and not _keeps(pledge, event, when):
            return None
        return rule.pledged_act
    if event.type in rule.contradicted_by:
        standing = event.trigger.lower() in rule.standing_triggers
        return None if standing else Relation.CONTRADICTS
    kept_mode = rule.kept_modes is None or event.mode in rule.kept_modes
    if event.type not in rule.kept_by or not kept_mode:
        return None
    if told_as_undone(event):
        return None  # "talks on the sea evacuation were continuing": neither done nor failed
    if rule.failure_breaks and (told_as_failed(event) or told_as_shortfall(event)):
        return Relation.CONTRADICTS
    if rule.kept_same_day or _strictly_after(pledge, when):
        return Relation.FULFILS
    return None


def _arrived_after(pledge: Pledge, event: Event, when: date | None) -> bool:
    """ "344 civilians reached Zaporizhzhia late on Friday": an arrival ends a journey
    out that began in a truce's window, and may be told of the days after it."""
    if pledge.kind is not PledgeKind.CEASEFIRE or event.type not in RULES[pledge.kind].kept_by:
        return False
    if when is None or pledge.window_end is None or pledge.made_on is None:
        return False
    late = (when - pledge.window_end).days
    arrival = _stem(event.trigger) in ARRIVAL_STEMS
    return arrival and 0 < late <= UNDATED_OUTCOME_LAG_DAYS


def _is_pledged_act(pledged: Event, event: Event, same_act: bool) -> bool:
    """Is ``event`` of the pledged act's type, and when ``same_act``, the very act: of
    its mode, or with no mode told, of its verb ("exchange" / "exchanged")?"""
    if event.type is not pledged.type:
        return False
    if not same_act:
        return True
    if pledged.mode is not None:
        return event.mode == pledged.mode
    return _stem(event.trigger) == _stem(pledged.trigger)


def _stem(word: str) -> str:
    return word.lower()[:STEM_LETTERS]


def _keeps(pledge: Pledge, event: Event, when: date | None) -> bool:
    """The pledged act done keeps an offer or carries out a threat, on a later day,
    when told as done; an offer restated ("Ukraine also offers ...") keeps nothing."""
    if pledge.kind is PledgeKind.OFFER and not _strictly_after(pledge, when):
        return False
    return not told_as_undone(event)


def _strictly_after(pledge: Pledge, when: date | None) -> bool:
    """A pledge is kept only by a later day's deed: on its own day, a report of the same
    kind is most often the pledge itself retold ("laid out a framework")."""
    return when is not None and pledge.made_on is not None and when > pledge.made_on


def evidence_for(
    pledge: Pledge,
    event: Event,
    when: date | None,
    rel: Relation,
    outlet: str | None = None,
    incident: Incident | None = None,
) -> Evidence:
    reporter = event.reported_by
    return Evidence(
        incident_id=incident.id if incident else event.id,
        pledge_id=pledge.id,
        event_id=event.id,
        relation=rel,
        provenance=event.provenance,
        event_type=event.type,
        event_date=when,
        place=", ".join(p.name for p in event.places) or None,
        reported_by=reporter.name if reporter else outlet,
        reporter_side=event.reporter_side,
        self_reported=event.self_reported,
    )


def judge(
    pledge: Pledge,
    evidence: list[Evidence],
    blamed: Mapping[str, str | None] | None = None,
    sole_pledger: bool = False,
    deniers: frozenset[str] = frozenset(),
) -> Verdict:
    """The verdict the evidence gives; ``blamed`` is the side each event's actor is on
    (by event id), which tells a breach both sides blame on each other; ``sole_pledger``
    says the pledge binds its side alone (a unilateral truce), whose own reports of
    its failure are then counter-accounts; ``deniers`` are the sides that deny a deed in
    the reports, whose word stands against a charge laid on them."""
    against = [e for e in evidence if e.relation is Relation.CONTRADICTS]
    for_ = [e for e in evidence if e.relation is Relation.FULFILS]
    sources = {(e.reported_by or "", e.source_article) for e in evidence}
    sides = {e.reporter_side for e in evidence}
    one_sided = len(sides) == 1
    pledger = pledge.actor.country if pledge.actor else None
    if against and for_:
        label = VerdictLabel.DISPUTED
        reason = f"{_reason('disputed: against,', against)}; {_reason('for,', for_)}"
    elif against and RULES[pledge.kind].blame_disputes and _blame_each_other(against, blamed):
        label = VerdictLabel.DISPUTED
        reason = f"each side blames the other: {_reason('against,', against)}"
    elif against and RULES[pledge.kind].blame_disputes and _denied(against, blamed, deniers):
        label = VerdictLabel.DISPUTED
        reason = f"the side charged denies it: {_reason('against,', against)}"
    elif against and sole_pledger and _counter_account(pledge, against, blamed):
        label = VerdictLabel.DISPUTED
        reason = f"the pledging side tells its own account: {_reason('against,', against)}"
    elif against and pledge.kind is PledgeKind.DENIAL and _adversary_only(against, pledger):
        label = VerdictLabel.DISPUTED
        reason = f"only the other side ({against[0].reporter_side}) reports the act denied"
    elif against:
        label, reason = VerdictLabel.CONTRADICTED, _reason("contradicted by", against)
    elif for_:
        label, reason = VerdictLabel.KEPT, _reason("kept:", for_)
    else:
        label, reason = VerdictLabel.PENDING, "no later deed in scope yet"
    if one_sided and evidence:
        reason += f"; all evidence from one side ({next(iter(sides))})"
    return Verdict(
        pledge.id,
        label,
        reason,
        tuple(evidence),
        one_sided and bool(evidence),
        incidents=len({e.incident_id for e in evidence}),
        sources=len({name for name, _ in sources}),
    )


def _blame_each_other(evidence: list[Evidence], blamed: Mapping[str, str | None] | None) -> bool:
    """Does each of two sides report the other breaking the pledge ("the Russian side
    continued shelling", says Mariupol; "nationalists prevented civilians leaving", says
    Moscow)?"""
    if not blamed:
        return False
    charges = {
        (e.reporter_side, actor)
        for e in evidence
        if (actor := blamed.get(e.event_id)) is not None
        and e.reporter_side not in {actor, THIRD_PARTY}
    }
    return any((accused, accuser) in charges for accuser, accused in charges)


def _denied(
    evidence: list[Evidence], blamed: Mapping[str, str | None] | None, deniers: frozenset[str]
) -> bool:
    """Is a charge against the truce denied by the side it is laid on: a breach one party
    reports, or blames on the other, that the other denies is word against word."""
    blamed = blamed or {}
    for e in evidence:
        actor = blamed.get(e.event_id)
        if actor in deniers and actor != e.reporter_side:
            return True
        if e.reporter_side not in NON_PARTIES | deniers and deniers:
            return True
    return False


def _counter_account(
    pledge: Pledge, evidence: list[Evidence], blamed: Mapping[str, str | None] | None
) -> bool:
    """A side that alone declared a truce does not report breaking it: when others
    charge it with the failure ("Russian forces went on shelling", says the city
    council) and its own channel tells the failure too ("nationalists prevented
    civilians from leaving", says Moscow's defence ministry), that is its counter-account
    and the record is word against word."""
    pledger = pledge.actor.country if pledge.actor else None
    if not RULES[pledge.kind].blame_disputes or pledger is None or not blamed:
        return False
    # its own forces named by its own channel are a confession, not a counter-account
    own = any(e.reporter_side == pledger and blamed.get(e.event_id) != pledger for e in evidence)
    charged = any(
        e.reporter_side != pledger and blamed.get(e.event_id) == pledger for e in evidence
    )
    return own and charged


def _adversary_only(evidence: list[Evidence], pledger: str | None) -> bool:
    """Every report comes from one party to the conflict, not the denier: word against word."""
    sides = {e.reporter_side for e in evidence}
    return len(sides) == 1 and not sides & {pledger, THIRD_PARTY}


def _reason(prefix: str, evidence: list[Evidence]) -> str:
    types = sorted({e.event_type.value for e in evidence})
    sides = sorted({e.reporter_side for e in evidence})
    kinds, reporters = "/".join(types), ", ".join(sides)
    count = len({e.incident_id for e in evidence})
    reports = f" ({len(evidence)} reports)" if len(evidence) > count else ""
    return f"{prefix} {count} {kinds} event(s) in scope{reports}, reported by {reporters}"


def link(
    pledges: Iterable[Pledge], events: Iterable[Event], articles: Mapping[str, ArticleInfo]
) -> list[Verdict]:
    """A verdict for every pledge (one per pledge retold across articles), from the
    deeds of every article given, each deed counted once however often it is reported.

    An article marked ``duplicate_of`` another (a wire copy) is no source of its own: its
    reports count as the original's.
    """
    pledges = _placed_by_their_announcement(list(pledges))
    deeds = _placed([e for e in events if e.modality in DEEDS])
    dated = [(e, event_date(e, _published(articles, e.provenance.article_id))) for e in deeds]
    incident_of = incidents(dated, lambda article_id: original(articles, article_id))
    adversary = _adversaries(pledges, deeds)
    blamed = {e.id: _blamed_side(e, adversary) for e in deeds}
    hostile = {_sentence_of(e) for e in deeds if e.type in PLACED_BY_SENTENCE}
    groups = pledge_groups(pledges)
    retelling = {e.provenance.article_id for e, _ in dated if _retells_a_truce(e)}
    sole = _sole_truce_of_the_day(dated, [g[0] for g in groups], retelling)
    # reports that tell of a truce's day or of people setting out
    speaking_of_truces = retelling | {
        e.provenance.article_id for e, _ in dated if _tells_setting_out(e)
    }
    sides_bound = _sides_bound(pledges)
    verdicts: list[Verdict] = []
    for group in groups:
        pledge = group[0]
        bearing: list[tuple[Event, date | None, Relation]] = []
        for event, reported in dated:
            when = truce_day(pledge, event, reported)
            if _truce_of(pledge) in sole.get(event.id, ()):
                event = replace(event, places=pledge.scope_places)
            rel = relation(pledge, event, when)
            if rel is Relation.FULFILS and _named_amid_hostility(event, hostile):
                rel = None
            if rel is Relation.CONTRADICTS and _beside_an_evacuation(
                pledge, event, speaking_of_truces
            ):
                rel = None
            if rel is not None and _told_by_the_announcement(pledge, event, rel):
                rel = None
            if rel is not None and not any(
                event.provenance.sentence == m.event.provenance.sentence for m in group
            ):
                bearing.append((event, when, rel))
        evidence = []
        for event, when, rel in _weighed(bearing):
            outlet = _outlet(articles, original(articles, event.provenance.article_id))
            incident = incident_of.get(event.id)
            evidence.append(evidence_for(pledge, event, when, rel, outlet, incident))
        evidence.sort(key=lambda e: (e.event_date or date.min, e.event_id))
        alone = sides_bound.get(_announcement(pledge)) == 1
        deniers = _deniers(pledge, dated)
        verdict = judge(pledge, evidence, blamed, sole_pledger=alone, deniers=deniers)
        verdicts.append(replace(verdict, mentions=tuple(m.id for m in group[1:])))
    return verdicts


def _tells_setting_out(event: Event) -> bool:
    """ "the departure was cancelled", "as people waited to board", "during the
    relocation": a report of people setting out, beside a truce's day."""
    words = {w.lower() for w in WORD.findall(event.provenance.sentence)}
    return bool(words & SETTING_OUT_WORDS)


def _beside_an_evacuation(pledge: Pledge, event: Event, speaking_of_truces: set[str]) -> bool:
    """ "Buses will leave Orikhiv on Thursday", then "Russian artillery struck Orikhiv
    overnight, damaging a school": an evacuation announced with no pause of fire promises
    no quiet, and a report of the war going on that says nothing of the evacuation's day
    tells nothing of it."""
    if pledge.kind is not PledgeKind.CEASEFIRE or pledge.event.mode != "evacuate":
        return False
    if event.type is not T.ASSAULT:
        return False
    # "buses will take residents out of Polohy during a local ceasefire": quiet promised
    announced = {w.lower() for w in WORD.findall(pledge.event.provenance.sentence)}
    if announced & PAUSE_TRIGGERS:
        return False
    return event.provenance.article_id not in speaking_of_truces


def _placed_by_their_announcement(pledges: list[Pledge]) -> list[Pledge]:
    """ "Corridors are opened for civilians to leave Mariupol and Volnovakha. Routes
    have been agreed with the Ukrainian side": a truce its announcement binds another side
    to with no place of its own is the same truce, where the announcement's placed truce
    is, when all of those lie in one set of places."""
    placed: dict[str, set[tuple[Place, ...]]] = {}
    for pledge in pledges:
        if pledge.kind is PledgeKind.CEASEFIRE and pledge.scope_places:
            placed.setdefault(pledge.event.provenance.article_id, set()).add(pledge.scope_places)
    return [
        replace(pledge, scope_places=next(iter(found)))
        if pledge.kind is PledgeKind.CEASEFIRE
        and not pledge.scope_places
        and len(found := placed.get(pledge.event.provenance.article_id, set())) == 1
        else pledge
        for pledge in pledges
    ]


def _told_by_the_announcement(pledge: Pledge, event: Event, rel: Relation) -> bool:
    """A truce's announcement tells what is to come, not how it went: people getting out
    that it tells ("Bus arrives at 10 at the usual place") are its timetable, and a
    hostile deed it tells before the truce ("shelling of frontline communities had
    intensified. Evacuation buses will run daily ...") is why the truce is called."""
    said = pledge.event.provenance
    told = event.provenance
    if pledge.kind is not PledgeKind.CEASEFIRE or told.article_id != said.article_id:
        return False
    return rel is Relation.FULFILS or told.start < said.start


def _weighed(
    bearing: list[tuple[Event, date | None, Relation]],
) -> list[tuple[Event, date | None, Relation]]:
    """One sentence that tells both people getting out and a deed against the truce
    tells which of them it is about: "200 people were brought to Kharkiv, though
    shelling continued on the eastern bank" is a truce kept amid a war that goes on;
    "only four buses managed to leave, Vereshchuk said, accusing Russian forces of not
    letting the others through" is a truce that failed but for a few."""
    kept = {_sentence_of(e) for e, _, rel in bearing if rel is Relation.FULFILS}
    broken = {_sentence_of(e) for e, _, rel in bearing if rel is Relation.CONTRADICTS}
    both = kept & broken
    return [
        (event, when, rel)
        for event, when, rel in bearing
        if _sentence_of(event) not in both
        or (rel is Relation.CONTRADICTS and not told_as_elsewhere(event))
        or (
            rel is Relation.FULFILS
            and not told_as_scarcely_managed(event)
            and not told_as_circumstance(event)
        )
    ]


def _deniers(pledge: Pledge, dated: list[tuple[Event, date | None]]) -> frozenset[str]:
    """The sides that deny a deed in the reports of a truce's days ("Russia's Defence
    Ministry denied any involvement"): their word stands against the charge."""
    said = pledge.event.provenance.article_id
    # "Russian soldiers denied passage to the column" is a way blocked, no denial
    blocking = {_spot(e) for e, _ in dated if e.type is T.COERCE}
    # "the statements about a Russian strike are a provocation", says Moscow: a denial
    disowned = {
        event.reporter_side
        for event, reported in dated
        if event.actor is not None
        and event.actor.country == event.reporter_side
        and told_as_false_charge(event)
        and event.provenance.article_id != said
        and in_window(pledge, truce_day(pledge, event, reported))
    }
    return frozenset(disowned) | frozenset(
        event.actor.country
        for event, reported in dated
        if event.type is T.REJECT
        and _spot(event) not in blocking
        and _stem(event.trigger) in DENIAL_STEMS
        and event.actor is not None
        and event.actor.country not in {None, THIRD_PARTY}
        and event.provenance.article_id != said
        and in_window(pledge, truce_day(pledge, event, reported))
    )


def _blamed_side(event: Event, adversary: Mapping[str, str]) -> str | None:
    """The side a deed against a truce is laid on: its actor's, save for people getting
    out ("the evacuation from Volnovakha failed"), whose side is who got out, not who
    stopped them. A party that tells of fire or a failure and names no one who did it
    lays it on its enemy ("the city was shelled all day", says Chernihiv's governor): no
    side reports its own fire against a truce without saying so."""
    named = event.actor.country if event.actor is not None else None
    if named is not None and event.type is not T.RETREAT:
        return named
    return adversary.get(event.reporter_side)


def _adversaries(pledges: Iterable[Pledge], deeds: Iterable[Event]) -> dict[str, str]:
    """Each of the two parties to the war the pledges and deeds speak of, mapped to the
    other; nothing when they name more or fewer than two."""
    parties = {p.actor.country for p in pledges if p.actor is not None}
    for deed in deeds:
        parties |= {deed.actor.country if deed.actor else None, deed.reporter_side}
    named = sorted(p for p in parties if p is not None and p not in NON_PARTIES)
    if len(named) != 2:
        return {}
    return {named[0]: named[1], named[1]: named[0]}


def _sides_bound(pledges: Iterable[Pledge]) -> dict[tuple[str, str], int]:
    """How many sides each announcement binds: one for a truce a side declares alone,
    two for one agreed between them."""
    sides: dict[tuple[str, str], set[str | None]] = {}
    for pledge in pledges:
        sides.setdefault(_announcement(pledge), set()).add(
            pledge.actor.country if pledge.actor else None
        )
    return {sentence: len(bound) for sentence, bound in sides.items()}


def _truce_of(pledge: Pledge) -> tuple[str, tuple[Place, ...]]:
    """A truce as its article announces it, by where it runs: the sides an announcement
    binds to one corridor in several sentences hold one truce."""
    return pledge.event.provenance.article_id, pledge.scope_places


def _announcement(pledge: Pledge) -> tuple[str, str]:
    return _sentence_of(pledge.event)


def _sole_truce_of_the_day(
    dated: list[tuple[Event, date | None]], pledges: list[Pledge], retelling: set[str]
) -> dict[str, frozenset[tuple[str, tuple[Place, ...]]]]:
    """ "Vereshchuk said the corridor 'did not work as planned'": a report that names no
    place at all, in an article that names none (or a stop named with no place), is of
    the only truce announced for that day, when there is one and the article speaks of a
    truce's day anywhere ("the corridor", "a route", "the evacuation": the articles
    ``retelling`` holds); with several it stays unplaced. Each such deed's id, mapped to
    that truce (:func:`_truce_of`): to all the truces of one announcement that share a
    town, which are one truce told twice ("Russia: corridors from Mariupol and
    Volnovakha. The Mariupol city council said evacuation would begin at 11:00")."""
    truces = [p for p in pledges if p.kind is PledgeKind.CEASEFIRE and p.scope_places]
    # "Buses will keep running" to a town places no report: only a deed told as done does
    placed = {e.provenance.article_id for e, _ in dated if _told_where(e)}
    sole: dict[str, frozenset[tuple[str, tuple[Place, ...]]]] = {}
    for event, reported in dated:
        article = event.provenance.article_id
        # "the team had to return to Zaporizhzhia": a stop told with no place of its own
        # is the day's truce stopped, whatever other places its report names
        unplaced_stop = _is_stop(event) and not event.places
        if (article in placed and not unplaced_stop) or article not in retelling:
            continue
        announced = {_truce_of(p) for p in truces if in_window(p, truce_day(p, event, reported))}
        if announced and _one_truce(announced):
            sole[event.id] = frozenset(announced)
    return sole


def _one_truce(truces: set[tuple[str, tuple[Place, ...]]]) -> bool:
    """One announcement's truces that all share a town are one truce."""
    if len({article for article, _ in truces}) != 1:
        return False
    shared = set.intersection(*({p.name for p in places} for _, places in truces))
    return bool(shared)


def _retells_a_truce(event: Event) -> bool:
    """ "the corridor", "a route", "the evacuation": a truce's day named by its words, or
    people getting out or kept from it, which is what a truce's day is ("were taken by
    ambulance", "no civilians came out")."""
    if event.type is T.RETREAT and event.mode == "evacuate":
        return True
    if _is_stop(event):
        return True  # "no civilians came out": people kept from getting out
    words = {w.lower() for w in WORD.findall(event.provenance.sentence)}
    return bool(words & TRUCE_DAY_WORDS)


def _spot(event: Event) -> tuple[str, int]:
    return event.provenance.article_id, event.provenance.start


def _told_where(event: Event) -> bool:
    """Does the deed place its report? Not when told as still to come ("buses will keep
    running to Odesa"), nor by the seat of its own side's government, which names that
    government ("Moscow blamed Kyiv for the failure")."""
    if told_as_undone(event):
        return False
    own = event.actor.country if event.actor else None
    seat = capital_of(own) if own else None
    return any(not (p.country == own and p.name == seat) for p in event.places)


def _is_stop(event: Event) -> bool:
    return event.type is T.COERCE and event.mode == "block"


def _sentence_of(event: Event) -> tuple[str, str]:
    return event.provenance.article_id, event.provenance.sentence


def _named_amid_hostility(event: Event, hostile: set[tuple[str, str]]) -> bool:
    """ "troops dispersed the crowd that had gathered for the evacuation": a truce named
    by its noun in a sentence that tells a hostile deed is what that deed befell, no
    getting out of its own. Only a verb ("300 people left") tells people got out."""
    return event.trigger.lower() in TRUCE_NOUN_TRIGGERS and _sentence_of(event) in hostile


def original(articles: Mapping[str, ArticleInfo], article_id: str) -> str:
    """The article a near-duplicate copies, followed to the first of the chain."""
    seen = {article_id}
    current = articles.get(article_id)
    while current is not None and current.duplicate_of and current.duplicate_of not in seen:
        seen.add(current.duplicate_of)
        article_id = current.duplicate_of
        current = articles.get(article_id)
    return article_id


def _placed(deeds: list[Event]) -> list[Event]:
    """A hostile deed told with no place of its own happened where its sentence's other
    deeds did: "the evacuation from Sumy was halted because of shelling". A deed that
    keeps a pledge needs a place of its own: "the evacuation route" is no evacuation."""
    where: dict[tuple[str, str], list[Place]] = {}
    for deed in deeds:
        key = (deed.provenance.article_id, deed.provenance.sentence)
        known = where.setdefault(key, [])
        known.extend(p for p in deed.places if p.resolved and p not in known)
    return [
        deed
        if deed.places or deed.type not in PLACED_BY_SENTENCE
        else replace(
            deed, places=tuple(where[(deed.provenance.article_id, deed.provenance.sentence)])
        )
        for deed in deeds
    ]


def _outlet(articles: Mapping[str, ArticleInfo], article_id: str) -> str | None:
    article = articles.get(article_id)
    return article.outlet if article else None


def _published(articles: Mapping[str, ArticleInfo], article_id: str) -> date | None:
    article = articles.get(article_id)
    return article.published if article else None
