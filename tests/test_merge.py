"""Deeds and pledges across articles: each counted once, with all its reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from saydo.domain import Modality, PledgeKind, PloverType, Provenance
from saydo.link import link
from saydo.merge import incidents, pledge_groups
from test_link import IRPIN, KYIV, LVIV, PLEDGE_DAY, RUS_FORCES, UKR_OFFICIALS, event, pledge


def test_a_second_article_repeating_a_report_adds_a_source_not_a_deed() -> None:
    day = PLEDGE_DAY + timedelta(days=1)
    first = event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day)
    again = replace(
        event(2, PloverType.ASSAULT, RUS_FORCES, KYIV, day, reporter=None),
        provenance=Provenance("other-article", 5, 9, "Kyiv was shelled again."),
    )
    elsewhere = event(3, PloverType.ASSAULT, RUS_FORCES, LVIV, day)
    grouped = incidents([(e, day) for e in (first, again, elsewhere)])
    assert grouped["ev1"].id == grouped["ev2"].id
    assert grouped["ev3"].id != grouped["ev1"].id
    [verdict] = link([pledge()], [first, again], {})
    assert verdict.label.value == "contradicted"
    assert verdict.incidents == 1
    assert len(verdict.evidence) == 2
    assert verdict.sources == 2
    assert "1 ASSAULT event(s) in scope (2 reports)" in verdict.reason


def test_the_same_pledge_retold_elsewhere_is_one_pledge() -> None:
    original = pledge()
    retold = replace(
        original,
        id="pl2",
        made_on=PLEDGE_DAY + timedelta(days=1),
        scope_places=(IRPIN,),
        event=replace(original.event, id="ev-retold"),
    )
    other_kind = replace(original, id="pl3", kind=PledgeKind.CEASEFIRE)
    later = replace(original, id="pl4", made_on=PLEDGE_DAY + timedelta(days=20))
    groups = pledge_groups([retold, other_kind, original, later])
    assert [[p.id for p in g] for g in groups] == [["pl1", "pl2"], ["pl3"], ["pl4"]]
    [first, *_] = link([retold, original], [], {})
    assert first.pledge_id == "pl1"
    assert first.mentions == ("pl2",)


def test_reports_without_a_place_join_only_their_own_article() -> None:
    day = date(2022, 3, 30)
    a = replace(event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day), places=())
    b = replace(
        event(2, PloverType.ASSAULT, RUS_FORCES, KYIV, day),
        places=(),
        provenance=Provenance("elsewhere", 0, 1, "x"),
        modality=Modality.OCCURRED,
        reported_by=UKR_OFFICIALS,
    )
    grouped = incidents([(a, day), (b, day)])
    assert grouped["ev1"].id != grouped["ev2"].id


def test_reports_without_a_place_in_an_article_and_its_copy_are_one_incident() -> None:
    day = date(2022, 3, 30)
    a = replace(event(1, PloverType.ASSAULT, RUS_FORCES, KYIV, day), places=())
    b = replace(a, id="ev2", provenance=Provenance("copy", 0, 1, "x"))
    story = {"copy": "a2"}
    grouped = incidents([(a, day), (b, day)], lambda article: story.get(article, article))
    assert grouped["ev1"].id == grouped["ev2"].id
    assert incidents([(a, day), (b, day)])["ev1"].id != grouped["ev1"].id


def test_a_retelling_of_a_de_escalation_with_no_place_is_a_mention_and_takes_its_places() -> None:
    original = pledge()
    headline = replace(
        original,
        id="pl0",
        made_on=PLEDGE_DAY + timedelta(days=1),
        scope_places=(),
        event=replace(original.event, id="ev-headline", places=()),
    )
    weeks_later = replace(headline, id="pl5", made_on=PLEDGE_DAY + timedelta(days=10))
    groups = pledge_groups([headline, original, weeks_later])
    assert [[p.id for p in g] for g in groups] == [["pl1", "pl0"], ["pl5"]]
    assert groups[0][1].scope_places == original.scope_places
    # Told first, the placeless mention still yields to the one that names the place.
    earlier = replace(headline, made_on=PLEDGE_DAY - timedelta(days=1))
    [[canonical, mention]] = pledge_groups([earlier, original])
    assert (canonical.id, mention.id) == ("pl1", "pl0")
    [verdict] = link([earlier, original], [], {})
    assert verdict.pledge_id == "pl1"
    assert verdict.mentions == ("pl0",)


def test_a_placeless_offer_is_no_retelling_of_a_placed_one() -> None:
    placed = pledge(PledgeKind.OFFER)
    placeless = replace(placed, id="pl2", scope_places=())
    assert len(pledge_groups([placed, placeless])) == 2
