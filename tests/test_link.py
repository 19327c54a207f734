"""The pledge-to-deed table and the verdicts it gives, on records built by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from saydo.domain import (
    Actor,
    ActorKind,
    Article,
    Event,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    Precision,
    Provenance,
    Relation,
    TimeExpr,
    VerdictLabel,
)
from saydo.geo import distance_km
from saydo.link import link

RUS = Actor("Russia", ActorKind.STATE, country="RUS", sector="GOV")
RUS_FORCES = Actor("Russian forces", ActorKind.ARMED_GROUP, country="RUS", sector="MIL")
UKR_OFFICIALS = Actor("local officials", ActorKind.GROUP, country="UKR", sector="GOV")
UKR = Actor("Ukraine", ActorKind.STATE, country="UKR", sector="GOV")
KYIV = Place("Kyiv", "Kyiv", "city", "UKR", lat=50.45, lon=30.52, precision=Precision.CITY)
IRPIN = Place("Irpin", "Irpin", "city", "UKR", lat=50.52, lon=30.25, precision=Precision.CITY)
LVIV = Place("Lviv", "Lviv", "city", "UKR", lat=49.84, lon=24.03, precision=Precision.CITY)
PLEDGE_DAY = date(2022, 3, 29)


def event(
    n: int,
    plover: PloverType,
    actor: Actor,
    place: Place,
    day: date,
    reporter: Actor | None = UKR_OFFICIALS,
    modality: Modality = Modality.OCCURRED,
) -> Event:
    return Event(
        id=f"ev{n}",
        type=plover,
        trigger="x",
        provenance=Provenance("a2", n, n + 1, f"sentence {n}"),
        actor=actor,
        places=(place,),
        time=TimeExpr(day.isoformat(), day.isoformat(), day, day),
        modality=modality,
        reported_by=reporter,
    )


def pledge(kind: PledgeKind = PledgeKind.DE_ESCALATION, actor: Actor = RUS) -> Pledge:
    promised = Event(
        id="ev-pledge",
        type=PloverType.RETREAT,
        trigger="reduce",
        provenance=Provenance("a1", 0, 1, "it would reduce activity"),
        actor=actor,
        places=(KYIV,),
        modality=Modality.INTENDED,
        reported_by=actor,
    )
    return Pledge("pl1", kind, promised, PLEDGE_DAY, (KYIV,), 50.0, PLEDGE_DAY + timedelta(days=30))


def test_distance_between_kyiv_and_lviv_is_about_470_km() -> None:
    assert 460 < distance_km(KYIV, LVIV) < 480


def test_assault_by_same_side_in_scope_after_the_pledge_contradicts_it() -> None:
    strike = event(1, PloverType.ASSAULT, RUS_FORCES, IRPIN, PLEDGE_DAY + timedelta(days=1))
    [verdict] = link([pledge()], [strike], {})
    assert verdict.label is VerdictLabel.CONTRADICTED
    assert [e.event_id for e in verdict.evidence] == ["ev1"]
    assert verdict.evidence[0].reporter_side == "UKR"
    assert verdict.one_sided
    assert "one side" in verdict.reason


def test_deeds_out_of_scope_or_before_the_pledge_do_not_count() -> None:
    far = event(1, PloverType.ASSAULT, RUS_FORCES, LVIV, PLEDGE_DAY + timedelta(days=1))
    before = event(2, PloverType.ASSAULT, RUS_FORCES, KYIV, PLEDGE_DAY - timedelta(days=2))
    other_side = event(3, PloverType.ASSAULT, UKR, KYIV, PLEDGE_DAY + timedelta(days=1))
    [verdict] = link([pledge()], [far, before, other_side], {})
    assert verdict.label is VerdictLabel.PENDING
    assert verdict.evidence == ()


def test_retreat_keeps_and_both_ways_is_disputed() -> None:
    retreat = event(1, PloverType.RETREAT, RUS_FORCES, IRPIN, PLEDGE_DAY + timedelta(days=3))
    [kept] = link([pledge()], [retreat], {})
    assert kept.label is VerdictLabel.KEPT
    strike = event(
        2, PloverType.ASSAULT, RUS_FORCES, KYIV, PLEDGE_DAY + timedelta(days=1), reporter=None
    )
    [disputed] = link([pledge()], [retreat, strike], {})
    assert disputed.label is VerdictLabel.DISPUTED
    assert {e.relation for e in disputed.evidence} == {Relation.FULFILS, Relation.CONTRADICTS}
    assert not disputed.one_sided


def test_ceasefire_is_broken_by_either_side_but_claims_of_intent_never_count() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    by_other = event(1, PloverType.ASSAULT, UKR, KYIV, PLEDGE_DAY + timedelta(days=1), reporter=RUS)
    [verdict] = link([truce], [by_other], {})
    assert verdict.label is VerdictLabel.CONTRADICTED
    threat = event(
        2,
        PloverType.ASSAULT,
        RUS,
        KYIV,
        PLEDGE_DAY + timedelta(days=1),
        modality=Modality.THREATENED,
    )
    [pending] = link([truce], [threat], {})
    assert pending.label is VerdictLabel.PENDING


def test_a_truce_is_kept_on_its_own_day_and_broken_by_a_halted_evacuation() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    out = replace(
        event(1, PloverType.RETREAT, UKR, IRPIN, PLEDGE_DAY, reporter=UKR_OFFICIALS),
        mode="evacuate",
        trigger="evacuated",
        provenance=Provenance("a2", 1, 2, "Hundreds were evacuated from Irpin, officials said."),
    )
    [kept] = link([truce], [out], {})
    assert kept.label is VerdictLabel.KEPT
    halted = replace(
        out,
        id="ev2",
        trigger="evacuation",
        provenance=Provenance("a3", 1, 2, "The evacuation from Irpin was halted by shelling."),
    )
    [broken] = link([truce], [halted], {})
    assert broken.label is VerdictLabel.CONTRADICTED
    # A de-escalation is still kept only by a later day's retreat.
    [pending] = link([pledge()], [replace(out, mode=None)], {})
    assert pending.label is VerdictLabel.PENDING


def test_a_hostile_deed_with_no_place_happened_where_its_sentence_says() -> None:
    sentence = "The evacuation from Kyiv was halted because of shelling."
    shelling = replace(
        event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, PLEDGE_DAY + timedelta(days=1)),
        places=(),
        provenance=Provenance("a2", 40, 48, sentence),
    )
    evacuation = replace(
        event(2, PloverType.RETREAT, UKR, KYIV, PLEDGE_DAY + timedelta(days=1)),
        mode="evacuate",
        trigger="evacuation",
        provenance=Provenance("a2", 4, 14, sentence),
    )
    [alone] = link([pledge()], [shelling], {})
    assert alone.label is VerdictLabel.PENDING
    [placed] = link([pledge()], [shelling, evacuation], {})
    assert placed.label is VerdictLabel.CONTRADICTED
    assert [e.event_id for e in placed.evidence] == ["ev1"]


def test_a_wire_copy_is_no_independent_source() -> None:
    day = PLEDGE_DAY + timedelta(days=1)
    original = event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day, reporter=None)
    copy = replace(original, id="ev2", provenance=Provenance("a3", 1, 2, "sentence 1"))
    other = replace(original, id="ev3", provenance=Provenance("a4", 1, 2, "Kyiv was hit."))
    articles = {
        "a2": Article("a2", "x", "wire", outlet="Wire Agency", published=day),
        "a3": Article("a3", "x", "copy", outlet="Daily Copy", published=day, duplicate_of="a2"),
        "a4": Article("a4", "y", "own", outlet="Own Reporter", published=day),
    }
    [copied] = link([pledge()], [original, copy], articles)
    assert len(copied.evidence) == 2
    assert copied.incidents == 1
    assert copied.sources == 1
    [independent] = link([pledge()], [original, copy, other], articles)
    assert independent.sources == 2
    without_marks = {k: replace(a, duplicate_of=None) for k, a in articles.items()}
    [unmarked] = link([pledge()], [original, copy], without_marks)
    assert unmarked.sources == 2


def offer(trigger: str = "exchange", mode: str | None = "exchange") -> Pledge:
    offered = Event(
        id="ev-offer",
        type=PloverType.COOPERATE,
        trigger=trigger,
        provenance=Provenance("a1", 0, 1, f"Ukraine is ready to {trigger} prisoners"),
        mode=mode,
        actor=UKR,
        recipient=RUS,
        modality=Modality.INTENDED,
        reported_by=UKR,
    )
    return Pledge(
        "pl-offer", PledgeKind.OFFER, offered, PLEDGE_DAY, (), 50.0, PLEDGE_DAY + timedelta(days=30)
    )


def deed(n: int, plover: PloverType, trigger: str, sentence: str, mode: str | None = None) -> Event:
    day = PLEDGE_DAY + timedelta(days=2)
    return Event(
        id=f"ev{n}",
        type=plover,
        trigger=trigger,
        provenance=Provenance("a2", n, n + 1, sentence),
        mode=mode,
        actor=UKR,
        recipient=RUS,
        time=TimeExpr(day.isoformat(), day.isoformat(), day, day),
        modality=Modality.CLAIMED,
        reported_by=UKR,
    )


def test_an_offer_is_kept_by_the_offered_act_done_not_by_other_acts_of_its_side() -> None:
    done = deed(1, PloverType.COOPERATE, "exchanged", "Ukraine exchanged 86 prisoners.", "exchange")
    agreed = deed(2, PloverType.AGREE, "approved", "Ukraine approved a new justice mechanism.")
    [kept] = link([offer()], [done, agreed], {})
    assert kept.label is VerdictLabel.KEPT
    assert [e.event_id for e in kept.evidence] == ["ev1"]
    [pending] = link([offer()], [agreed], {})
    assert pending.label is VerdictLabel.PENDING


def test_an_offer_restated_or_told_as_to_come_keeps_nothing() -> None:
    sentences = [
        "Ukraine also offers to exchange all prisoners before the end of hostilities.",
        "Ukraine wants to exchange prisoners as soon as possible.",
        "Kyiv said it will exchange prisoners next week.",
        "It is necessary to find strength and exchange prisoners.",
    ]
    restated = [
        deed(n, PloverType.COOPERATE, "exchange", text, "exchange")
        for n, text in enumerate(sentences, start=1)
    ]
    [verdict] = link([offer()], restated, {})
    assert verdict.label is VerdictLabel.PENDING, verdict.evidence


def test_a_truce_is_not_kept_by_an_evacuation_still_to_come() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    later = PLEDGE_DAY + timedelta(days=1)
    planned = replace(
        event(1, PloverType.RETREAT, UKR_OFFICIALS, KYIV, later),
        mode="evacuate",
        trigger="arrive",
        provenance=Provenance("a2", 1, 2, "We will do everything to ensure buses arrive in Kyiv."),
    )
    done = replace(planned, id="ev2", provenance=Provenance("a3", 1, 2, "Buses arrive in Kyiv."))
    [verdict] = link([truce], [planned, done], {})
    assert [e.event_id for e in verdict.evidence] == ["ev2"]


def test_a_denial_with_no_place_binds_nothing_even_towards_its_recipient() -> None:
    denied = replace(
        pledge(PledgeKind.DENIAL, actor=UKR).event,
        type=PloverType.ASSAULT,
        recipient=RUS,
        modality=Modality.DENIED,
        places=(),
    )
    denial = replace(pledge(PledgeKind.DENIAL, actor=UKR), event=denied, scope_places=())
    strike = replace(
        event(1, PloverType.ASSAULT, UKR, KYIV, PLEDGE_DAY + timedelta(days=1)), recipient=RUS
    )
    [unbound] = link([denial], [strike], {})
    assert unbound.label is VerdictLabel.PENDING
    placed = replace(denial, scope_places=(KYIV,))
    [bound] = link([placed], [strike], {})
    assert bound.label is not VerdictLabel.PENDING


def test_an_undated_truce_outcome_reported_soon_after_counts_on_the_truce_day() -> None:
    end = PLEDGE_DAY + timedelta(days=1)
    truce = replace(pledge(PledgeKind.CEASEFIRE), window_end=end)
    shelled = replace(event(1, PloverType.ASSAULT, RUS_FORCES, IRPIN, PLEDGE_DAY), time=None)

    def verdict_reported(days_after: int) -> VerdictLabel:
        article = Article("a2", "text", "test", published=end + timedelta(days=days_after))
        [verdict] = link([truce], [shelled], {"a2": article})
        return verdict.label

    assert verdict_reported(2) is VerdictLabel.CONTRADICTED
    # long after, an undated report is of something else
    assert verdict_reported(10) is VerdictLabel.PENDING
    # a deed with a day of its own keeps it, even reported soon after
    dated = event(2, PloverType.ASSAULT, RUS_FORCES, IRPIN, end + timedelta(days=2))
    article = Article("a2", "text", "test", published=end + timedelta(days=2))
    [kept_day] = link([truce], [dated], {"a2": article})
    assert kept_day.label is VerdictLabel.PENDING


def test_a_truce_each_side_says_the_other_broke_is_disputed() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    shelled = event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day, reporter=UKR_OFFICIALS)
    blocked = event(2, PloverType.COERCE, UKR, KYIV, day, reporter=RUS)
    [both] = link([truce], [shelled, blocked], {})
    assert both.label is VerdictLabel.DISPUTED
    # One side's word alone, or a side reporting its own forces, breaks it outright.
    [one] = link([truce], [shelled], {})
    assert one.label is VerdictLabel.CONTRADICTED
    own = event(3, PloverType.COERCE, RUS_FORCES, KYIV, day, reporter=RUS)
    [owned] = link([truce], [shelled, own], {})
    assert owned.label is VerdictLabel.CONTRADICTED


def test_a_siege_is_no_breach_and_a_truce_named_amid_hostility_keeps_nothing() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    sentence = "Cars left Kyiv in the first evacuation since the siege began."
    left = replace(
        event(1, PloverType.RETREAT, UKR, KYIV, day),
        mode="evacuate",
        trigger="left",
        provenance=Provenance("a2", 1, 2, sentence),
    )
    siege = replace(
        event(2, PloverType.COERCE, RUS_FORCES, KYIV, day),
        trigger="siege",
        provenance=Provenance("a2", 1, 2, sentence),
    )
    [kept] = link([truce], [left, siege], {})
    assert kept.label is VerdictLabel.KEPT
    crowd = "Troops dispersed the crowd that had gathered in Kyiv for the evacuation."
    named = replace(left, id="ev3", trigger="evacuation", provenance=Provenance("a3", 1, 2, crowd))
    dispersed = replace(
        event(4, PloverType.COERCE, RUS_FORCES, KYIV, day),
        trigger="dispersed",
        provenance=Provenance("a3", 1, 2, crowd),
    )
    [broken] = link([truce], [named, dispersed], {})
    assert broken.label is VerdictLabel.CONTRADICTED


def test_a_report_naming_no_place_retells_the_only_truce_of_its_day() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    blocked = replace(
        event(1, PloverType.COERCE, RUS_FORCES, KYIV, day),
        places=(),
        provenance=Provenance("a2", 1, 2, "The corridor was blocked by troops, officials said."),
    )
    [alone] = link([truce], [blocked], {})
    assert alone.label is VerdictLabel.CONTRADICTED
    elsewhere = replace(
        truce,
        id="pl2",
        event=replace(truce.event, id="ev-other", provenance=Provenance("a3", 0, 1, "another")),
        scope_places=(LVIV,),
    )
    verdicts = link([truce, elsewhere], [blocked], {})
    assert {v.label for v in verdicts} == {VerdictLabel.PENDING}
    named = replace(blocked, id="ev9", provenance=Provenance("a2", 1, 2, "Troops blocked it."))
    [unnamed] = link([truce], [named], {})
    assert unnamed.label is VerdictLabel.PENDING


DONETSK_REGION = Place(
    "Donetsk region",
    "Donetsk Oblast",
    "region",
    "UKR",
    admin1="Donetsk Oblast",
    lat=48.13,
    lon=37.75,
    precision=Precision.REGION,
)
# Some 170 km from the region's centre point, inside the region.
LYMAN = Place(
    "Lyman", "Lyman", "city", "UKR", "Donetsk Oblast", 48.99, 37.80, precision=Precision.CITY
)


def test_a_region_is_evacuated_from_any_of_its_towns_but_not_broken_by_any_shell() -> None:
    truce = replace(pledge(PledgeKind.CEASEFIRE, UKR), scope_places=(DONETSK_REGION,))
    assert distance_km(DONETSK_REGION, LYMAN) > truce.scope_radius_km
    day = PLEDGE_DAY + timedelta(days=1)
    left = replace(event(1, PloverType.RETREAT, UKR, LYMAN, day), mode="evacuate")
    [kept] = link([truce], [left], {})
    assert kept.label is VerdictLabel.KEPT
    shelled = event(2, PloverType.ASSAULT, RUS_FORCES, LYMAN, day)
    [untouched] = link([truce], [shelled], {})
    assert untouched.label is VerdictLabel.PENDING


def test_a_side_telling_the_failure_of_its_own_truce_gives_a_counter_account() -> None:
    truce = pledge(PledgeKind.CEASEFIRE, RUS)
    day = PLEDGE_DAY + timedelta(days=1)
    shelled = event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day, reporter=UKR_OFFICIALS)
    # Moscow's own report that civilians were kept from leaving, whoever it names
    prevented = replace(event(2, PloverType.COERCE, RUS, KYIV, day, reporter=RUS), actor=None)
    [word_against_word] = link([truce], [shelled, prevented], {})
    assert word_against_word.label is VerdictLabel.DISPUTED
    # with no party charging the side that declared it, its own report is no
    # counter-account: a monitor's report that names no culprit charges no one
    blocked = replace(event(3, PloverType.COERCE, RUS, KYIV, day, reporter=None), actor=None)
    [broken] = link([truce], [blocked, prevented], {})
    assert broken.label is VerdictLabel.CONTRADICTED
    # a truce agreed by both sides binds each: Kyiv charges Moscow's forces, and Moscow's
    # report of a failure that names no culprit lays it on Kyiv's: word against word
    ukr = pledge(PledgeKind.CEASEFIRE, UKR)
    other = replace(ukr, id="pl2", event=replace(ukr.event, id="ev-ukr"))
    verdicts = link([truce, other], [shelled, prevented], {})
    assert {v.label for v in verdicts} == {VerdictLabel.DISPUTED}
    # the same failure told by one side alone is no dispute
    verdicts = link([truce, other], [shelled], {})
    assert {v.label for v in verdicts} == {VerdictLabel.CONTRADICTED}


def test_a_truce_retold_by_a_noun_a_few_words_on_is_the_only_truce_of_its_day() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    sentence = "The UN-ICRC evacuation convoy never set off, the Red Cross said."
    blocked = replace(
        event(1, PloverType.COERCE, RUS_FORCES, KYIV, day),
        places=(),
        provenance=Provenance("a2", 1, 2, sentence),
    )
    [alone] = link([truce], [blocked], {})
    assert alone.label is VerdictLabel.CONTRADICTED


SUMY_REGION = Place(
    "Sumy region",
    "Sumy Oblast",
    "region",
    "UKR",
    admin1="Sumy Oblast",
    lat=50.85,
    lon=34.0,
    precision=Precision.REGION,
)
# A town far (~130 km) from the region's centre point.
KONOTOP = Place(
    "Konotop", "Konotop", "city", "UKR", "Sumy Oblast", 51.24, 33.2, precision=Precision.CITY
)


def test_people_out_of_a_region_are_out_of_the_pledged_towns_in_it() -> None:
    truce = replace(pledge(PledgeKind.CEASEFIRE, UKR), scope_places=(KONOTOP,))
    assert distance_km(SUMY_REGION, KONOTOP) > truce.scope_radius_km
    day = PLEDGE_DAY + timedelta(days=1)
    left = replace(event(1, PloverType.RETREAT, UKR, SUMY_REGION, day), mode="evacuate")
    [kept] = link([truce], [left], {})
    assert kept.label is VerdictLabel.KEPT
    # a shell anywhere in the region is no breach of a town's truce
    shelled = event(2, PloverType.ASSAULT, RUS_FORCES, SUMY_REGION, day)
    [untouched] = link([truce], [shelled], {})
    assert untouched.label is VerdictLabel.PENDING


def test_an_evacuation_still_under_talks_is_neither_kept_nor_broken() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    talked = replace(
        event(1, PloverType.RETREAT, UKR_OFFICIALS, KYIV, day),
        mode="evacuate",
        trigger="evacuation",
        provenance=Provenance("a2", 1, 2, "Talks on the evacuation continue; no date is set."),
    )
    [verdict] = link([truce], [talked], {})
    assert verdict.label is VerdictLabel.PENDING


def test_an_arrival_told_just_after_the_window_ends_the_journey_begun_in_it() -> None:
    end = PLEDGE_DAY + timedelta(days=1)
    truce = replace(pledge(PledgeKind.CEASEFIRE), window_end=end)

    def arrived(days_after: int, trigger: str) -> VerdictLabel:
        deed = replace(
            event(1, PloverType.RETREAT, UKR_OFFICIALS, KYIV, end + timedelta(days=days_after)),
            mode="evacuate",
            trigger=trigger,
        )
        [verdict] = link([truce], [deed], {})
        return verdict.label

    assert arrived(2, "reached") is VerdictLabel.KEPT
    # a departure after the window is another day's, and so is an arrival long after
    assert arrived(2, "left") is VerdictLabel.PENDING
    assert arrived(10, "reached") is VerdictLabel.PENDING


def test_a_placeless_article_that_speaks_of_a_route_anywhere_retells_the_truce() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    shelled = replace(
        event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day),
        places=(),
        provenance=Provenance("a2", 1, 2, "Russian troops kept shelling the site all day."),
    )
    route = replace(
        event(2, PloverType.AGREE, UKR, KYIV, day),
        places=(),
        provenance=Provenance("a2", 3, 4, "Ukraine never agreed to a route into Russia."),
    )
    [verdict] = link([truce], [shelled, route], {})
    assert verdict.label is VerdictLabel.CONTRADICTED
    # with no word of a truce's day in the article, the shelling is of no truce
    [alone] = link([truce], [shelled], {})
    assert alone.label is VerdictLabel.PENDING


def test_people_got_out_in_a_placeless_report_are_of_the_only_truce_of_the_day() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    taken = replace(
        event(1, PloverType.RETREAT, UKR_OFFICIALS, KYIV, day),
        places=(),
        mode="evacuate",
        trigger="taken",
        provenance=Provenance("a2", 1, 2, "The patients were taken away by ambulance."),
    )
    [verdict] = link([truce], [taken], {})
    assert verdict.label is VerdictLabel.KEPT
    # people moving for some other reason are no truce's day
    moved = replace(taken, mode="withdraw")
    [other] = link([truce], [moved], {})
    assert other.label is VerdictLabel.PENDING


ZHYTOMYR = Place(
    "Zhytomyr", "Zhytomyr", "city", "UKR", lat=50.25, lon=28.66, precision=Precision.CITY
)
MAKARIV = Place("Makariv", "Makariv", "city", "UKR", lat=50.46, lon=29.81, precision=Precision.CITY)
CHERNIHIV = Place(
    "Chernihiv", "Chernihiv", "city", "UKR", lat=51.49, lon=31.29, precision=Precision.CITY
)


def corridor() -> Pledge:
    """A truce whose corridor runs from Kyiv to Zhytomyr, scoped tightly around both."""
    truce = pledge(PledgeKind.CEASEFIRE)
    return replace(truce, scope_places=(KYIV, ZHYTOMYR), scope_radius_km=25.0)


def told(
    n: int,
    plover: PloverType,
    trigger: str,
    sentence: str,
    places: tuple[Place, ...] = (KYIV,),
    mode: str | None = None,
    actor: Actor | None = RUS_FORCES,
) -> Event:
    base = event(n, plover, RUS_FORCES, KYIV, PLEDGE_DAY)
    provenance = Provenance(f"a{n + 1}", 5, 6, sentence)
    return replace(
        base, trigger=trigger, provenance=provenance, places=places, mode=mode, actor=actor
    )


def test_a_convoy_stopped_on_the_road_between_the_corridors_ends_breaks_it() -> None:
    sentence = "The buses were turned back at a checkpoint near Makariv."
    stopped = told(1, PloverType.COERCE, "turned", sentence, places=(MAKARIV,), mode="block")
    [broken] = link([corridor()], [stopped], {})
    assert broken.label is VerdictLabel.CONTRADICTED
    # a town off the road is no checkpoint of the corridor
    away = replace(stopped, places=(CHERNIHIV,))
    [pending] = link([corridor()], [away], {})
    assert pending.label is VerdictLabel.PENDING


def test_a_demand_that_the_other_side_open_a_corridor_keeps_nothing() -> None:
    sentence = "The minister demanded that Moscow open a corridor to Kyiv at once."
    asked = told(1, PloverType.RETREAT, "corridor", sentence, mode="ceasefire")
    [pending] = link([pledge(PledgeKind.CEASEFIRE)], [asked], {})
    assert pending.label is VerdictLabel.PENDING


def test_a_hostile_deed_an_announcement_tells_before_its_truce_is_its_reason() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    said = truce.event.provenance
    truce = replace(truce, event=replace(truce.event, provenance=replace(said, start=80, end=81)))
    reason = replace(
        event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, PLEDGE_DAY),
        provenance=Provenance("a1", 3, 4, "Shelling of the suburbs has grown heavier."),
    )
    [pending] = link([truce], [reason], {})
    assert pending.label is VerdictLabel.PENDING
    # the same deed told after the announcement is a breach
    after = replace(reason, provenance=Provenance("a1", 120, 121, "Shelling resumed at noon."))
    [broken] = link([truce], [after], {})
    assert broken.label is VerdictLabel.CONTRADICTED


def getting_out(sentence: str, trigger: str) -> Event:
    return told(1, PloverType.RETREAT, trigger, sentence, mode="evacuate", actor=None)


def test_fire_told_as_going_on_elsewhere_beside_people_getting_out_breaks_nothing() -> None:
    sentence = "About 300 people left Kyiv by bus, though fighting went on near Irpin."
    left = getting_out(sentence, "left")
    fighting = told(2, PloverType.ASSAULT, "fighting", sentence, actor=None, places=(IRPIN,))
    fighting = replace(fighting, provenance=left.provenance)
    [kept] = link([pledge(PledgeKind.CEASEFIRE)], [left, fighting], {})
    assert kept.label is VerdictLabel.KEPT
    # fire with no place of its own fell on the way out itself
    under_fire = "About 300 people left Kyiv by bus despite heavy shelling, officials said."
    left = getting_out(under_fire, "left")
    shelling = replace(fighting, trigger="shelling", provenance=left.provenance, places=(KYIV,))
    [both] = link([pledge(PledgeKind.CEASEFIRE)], [left, shelling], {})
    assert both.label is VerdictLabel.DISPUTED


def test_a_few_who_scarcely_managed_to_leave_do_not_keep_a_failed_truce() -> None:
    sentence = "Only three buses were able to leave Kyiv, as troops blocked the road, he said."
    left = getting_out(sentence, "leave")
    blocked = told(2, PloverType.COERCE, "blocked", sentence, mode="block")
    blocked = replace(blocked, provenance=left.provenance)
    [broken] = link([pledge(PledgeKind.CEASEFIRE)], [left, blocked], {})
    assert broken.label is VerdictLabel.CONTRADICTED
    # a count told as a shortfall is the truce failing, whatever "managed" says or not
    plain = "Troops blocked the road, and only 400 people reached Kyiv in their own cars."
    reached = getting_out(plain, "reached")
    blocked = replace(blocked, provenance=reached.provenance)
    [short] = link([pledge(PledgeKind.CEASEFIRE)], [reached, blocked], {})
    assert short.label is VerdictLabel.CONTRADICTED
    # people who got out, with no shortfall told, against a block told apart: both ways
    plain = "Troops blocked the main road; 400 people reached Kyiv in their own cars."
    reached = getting_out(plain, "reached")
    blocked = replace(blocked, provenance=reached.provenance)
    [both] = link([pledge(PledgeKind.CEASEFIRE)], [reached, blocked], {})
    assert both.label is VerdictLabel.DISPUTED


def test_a_shortfall_alone_is_a_failed_truce() -> None:
    sentence = "Only four buses with around 80 people got out of Kyiv, the mayor said."
    [short] = link([pledge(PledgeKind.CEASEFIRE)], [getting_out(sentence, "got")], {})
    assert short.label is VerdictLabel.CONTRADICTED
    plain = "Just over 4,000 people got out of Kyiv, the mayor said."
    [kept] = link([pledge(PledgeKind.CEASEFIRE)], [getting_out(plain, "got")], {})
    assert kept.label is VerdictLabel.KEPT


def test_a_breach_the_side_charged_denies_is_disputed() -> None:
    day = PLEDGE_DAY
    shelled = event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day, reporter=UKR_OFFICIALS)
    denial = replace(
        event(2, PloverType.REJECT, RUS, KYIV, day, reporter=None),
        trigger="denied",
        places=(),
        provenance=Provenance("a3", 4, 5, "Moscow denied its troops had fired on the buses."),
    )
    [disputed] = link([pledge(PledgeKind.CEASEFIRE)], [shelled, denial], {})
    assert disputed.label is VerdictLabel.DISPUTED
    # soldiers who "denied passage" blocked the way: that is the breach, no denial of it
    sentence = "Russian soldiers denied passage to the column outside Kyiv."
    refused = replace(denial, provenance=Provenance("a4", 17, 23, sentence))
    blocked = replace(
        event(3, PloverType.COERCE, RUS_FORCES, KYIV, day),
        trigger="denied",
        mode="block",
        provenance=refused.provenance,
    )
    [broken] = link([pledge(PledgeKind.CEASEFIRE)], [blocked, refused], {})
    assert broken.label is VerdictLabel.CONTRADICTED


def test_people_getting_out_in_the_announcement_itself_are_its_timetable() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    timetable = replace(
        event(1, PloverType.RETREAT, UKR, KYIV, PLEDGE_DAY),
        mode="evacuate",
        trigger="leaves",
        provenance=Provenance("a1", 40, 41, "The bus leaves Kyiv at nine from the station."),
    )
    [pending] = link([truce], [timetable], {})
    assert pending.label is VerdictLabel.PENDING
    # told in a report of the day, it keeps the truce
    reported = replace(timetable, provenance=replace(timetable.provenance, article_id="a2"))
    [kept] = link([truce], [reported], {})
    assert kept.label is VerdictLabel.KEPT


def test_its_own_failed_evacuation_is_no_charge_against_a_sides_truce() -> None:
    truce = pledge(PledgeKind.CEASEFIRE, actor=UKR)
    sentence = "The evacuation from Kyiv failed because Russian troops shelled the square."
    failed = replace(
        event(1, PloverType.RETREAT, UKR, KYIV, PLEDGE_DAY, reporter=None),
        mode="evacuate",
        trigger="evacuation",
        provenance=Provenance("a2", 4, 14, sentence),
    )
    shelled = replace(
        event(2, PloverType.ASSAULT, RUS_FORCES, KYIV, PLEDGE_DAY),
        trigger="shelled",
        provenance=Provenance("a2", 55, 62, sentence),
    )
    [verdict] = link([truce], [failed, shelled], {})
    assert verdict.label is VerdictLabel.CONTRADICTED


def test_a_town_named_only_as_still_to_come_leaves_a_report_unplaced() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    taken = replace(
        event(1, PloverType.RETREAT, UKR, KYIV, day, reporter=UKR_OFFICIALS),
        mode="evacuate",
        trigger="taken",
        places=(),
        provenance=Provenance("a2", 10, 15, "More than 900 people taken out by bus in two days."),
    )
    to_come = replace(
        taken,
        id="ev2",
        trigger="running",
        places=(LVIV,),
        provenance=Provenance("a2", 60, 67, "Buses will keep running to Lviv."),
    )
    [kept] = link([truce], [taken, to_come], {})
    assert kept.label is VerdictLabel.KEPT
    # a place named for a deed told as done places the report: it is of that place
    done = replace(to_come, provenance=Provenance("a2", 60, 67, "Buses kept running to Lviv."))
    [pending] = link([truce], [taken, done], {})
    assert pending.label is VerdictLabel.PENDING


def test_a_stop_told_with_no_place_is_the_days_truce_stopped() -> None:
    truce = pledge(PledgeKind.CEASEFIRE)
    day = PLEDGE_DAY + timedelta(days=1)
    home = replace(
        event(1, PloverType.RETREAT, UKR_OFFICIALS, LVIV, day),
        mode="withdraw",
        trigger="went",
        provenance=Provenance("a2", 1, 5, "The volunteers went home to Lviv."),
    )
    stopped = replace(
        event(2, PloverType.COERCE, RUS_FORCES, KYIV, day),
        mode="block",
        trigger="stopped",
        places=(),
        provenance=Provenance("a2", 40, 47, "Their trip was stopped at dawn."),
    )
    [broken] = link([truce], [home, stopped], {})
    assert broken.label is VerdictLabel.CONTRADICTED
    # a deed of another kind with no place stays where the report is
    fired = replace(stopped, type=PloverType.ASSAULT, mode=None, trigger="fired")
    [pending] = link([truce], [home, fired], {})
    assert pending.label is VerdictLabel.PENDING


def test_a_government_named_by_its_seat_places_no_report() -> None:
    truce = replace(pledge(PledgeKind.CEASEFIRE), scope_places=(LVIV,), scope_radius_km=25.0)
    day = PLEDGE_DAY + timedelta(days=1)
    sentence = "Moscow blamed Kyiv for the failure of the corridor."
    charged = replace(
        event(1, PloverType.COERCE, UKR, KYIV, day, reporter=RUS),
        mode="block",
        trigger="blamed",
        provenance=Provenance("a2", 7, 13, sentence),
    )
    [broken] = link([truce], [charged], {})
    assert broken.label is VerdictLabel.CONTRADICTED
    # the other side's capital is a place: a deed there is of Kyiv, not of this truce
    shelled = replace(charged, actor=RUS_FORCES, reported_by=UKR_OFFICIALS)
    [pending] = link([truce], [shelled], {})
    assert pending.label is VerdictLabel.PENDING
