"""Deeds and pledges across articles: each counted once, with all its reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from saydo.domain import (
    Actor,
    Event,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    Provenance,
)
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


def _naive_groups(pledges: list[Pledge]) -> list[list[str]]:
    """Grouping by trying every open group in turn: what the index must agree with."""
    from saydo.merge import _retold_placeless, _same_pledge, _when, _with_places

    ordered = sorted(pledges, key=lambda p: (_retold_placeless(p), *_when(p)))
    groups: list[list[Pledge]] = []
    for candidate in ordered:
        for group in groups:
            if _same_pledge(group[0], candidate, None):
                group.append(candidate)
                break
        else:
            groups.append([candidate])
    done = sorted((_with_places(sorted(g, key=_when)) for g in groups), key=lambda g: _when(g[0]))
    return [[p.id for p in g] for g in done]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([PledgeKind.DE_ESCALATION, PledgeKind.CEASEFIRE]),
            st.sampled_from([RUS_FORCES, UKR_OFFICIALS]),
            st.one_of(st.none(), st.integers(min_value=0, max_value=12)),
            st.sampled_from([(), (KYIV,), (IRPIN,), (LVIV,)]),
        ),
        max_size=25,
    )
)
def test_indexed_grouping_agrees_with_trying_every_group(
    specs: list[tuple[PledgeKind, Actor, int | None, tuple[Place, ...]]],
) -> None:
    base = pledge()
    pledges = [
        replace(
            base,
            id=f"pl{n}",
            kind=kind,
            event=replace(base.event, id=f"ev{n}", actor=actor),
            made_on=None if day is None else PLEDGE_DAY + timedelta(days=day),
            scope_places=places,
        )
        for n, (kind, actor, day, places) in enumerate(specs)
    ]
    found = [[p.id for p in g] for g in pledge_groups(pledges)]
    assert found == _naive_groups(pledges)


def _incidents_trying_every_group(
    dated: list[tuple[Event, date | None]],
) -> dict[str, list[str]]:
    """The grouping spelled out: each report joins the first group opened before it
    whose first report has its type, side, day and place, else opens its own."""
    from saydo.merge import _same_where

    groups: list[list[tuple[Event, date | None]]] = []
    for ev, day in sorted(dated, key=lambda pair: (pair[1] or date.min, pair[0].id)):
        for group in groups:
            first, first_day = group[0]
            same_key = (first.type, first.actor and first.actor.country) == (
                ev.type,
                ev.actor and ev.actor.country,
            )
            if same_key and first_day == day and _same_where(first, ev, lambda a: a):
                group.append((ev, day))
                break
        else:
            groups.append([(ev, day)])
    return {ev.id: sorted(e.id for e, _ in group) for group in groups for ev, _ in group}


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([PloverType.ASSAULT, PloverType.RETREAT]),
            st.sampled_from([RUS_FORCES, UKR_OFFICIALS]),
            st.sampled_from([(), (KYIV,), (IRPIN,), (LVIV,)]),
            st.one_of(st.none(), st.integers(min_value=0, max_value=3)),
            st.sampled_from(["a1", "a2"]),
        ),
        max_size=30,
    )
)
def test_incidents_grouped_by_bucket_agree_with_trying_every_group(
    specs: list[tuple[PloverType, Actor, tuple[Place, ...], int | None, str]],
) -> None:
    day0 = date(2022, 3, 30)
    dated: list[tuple[Event, date | None]] = []
    for n, (kind, actor, places, day, article) in enumerate(specs):
        report = replace(
            event(n, kind, actor, KYIV, day0),
            places=places,
            provenance=Provenance(article, n, n + 1, "x"),
        )
        dated.append((report, None if day is None else day0 + timedelta(days=day)))
    grouped = incidents(dated)
    assert {k: sorted(e.id for e in v.reports) for k, v in grouped.items()} == (
        _incidents_trying_every_group(dated)
    )
