"""Truce outcomes told in phrasings the team table does not use, one class each.

Each case is written for its class of reading (who blames whom, a shortfall, fire beside
the way out, a day still being prepared, the wounded carried out, a bulletin's speaker),
in towns and words of its own, so that the reading, not a row, is tested.
"""

from __future__ import annotations

from datetime import date

import pytest

from saydo.domain import Article, Event, PloverType, VerdictLabel, content_hash
from saydo.evaluation.pledges import TruceRow, score_truce_table
from saydo.extract.article import extract_records
from saydo.nlp.pipeline import load_pipeline
from saydo.runner import extract_article
from saydo.told import told_as_failed, told_as_shortfall

DAY = date(2022, 3, 12)


def events(text: str) -> list[Event]:
    article = Article(content_hash(text), text, "test", published=DAY)
    return extract_records(load_pipeline()(text), article).events


def verdict(announcement: str, *reports: str) -> list[str]:
    row = TruceRow(announcement, DAY, tuple((r, DAY) for r in reports), VerdictLabel.KEPT)
    return score_truce_table([row], extract_article).details[0]["got"]


UKRAINIAN_ROUTE = (
    "Zaporizhzhia regional governor Oleksandr Starukh said buses would take residents "
    "out of Polohy towards Zaporizhzhia on Saturday during a local ceasefire."
)
RUSSIAN_ROUTE = (
    "Russia's Defence Ministry said its forces would hold their fire from 09:00 on "
    "Saturday so that civilians could leave Polohy for Zaporizhzhia."
)


def test_a_count_qualified_by_only_is_a_shortfall() -> None:
    short = [e for e in events("Only three buses with about 60 people left Polohy.") if e.places]
    whole = [e for e in events("About 3,000 people left Polohy in 60 buses.") if e.places]
    assert any(told_as_shortfall(e) for e in short if e.type is PloverType.RETREAT)
    assert not any(told_as_shortfall(e) for e in whole)


def test_just_over_a_count_is_no_shortfall() -> None:
    found = events("Just over 2,000 people left Polohy on Saturday.")
    assert not any(told_as_shortfall(e) for e in found)


def test_a_shortfall_and_a_failed_route_are_a_contradiction() -> None:
    got = verdict(
        UKRAINIAN_ROUTE,
        "Starukh said only two buses with some 50 people got out of Polohy.",
        "The route did not work as planned, Starukh said on Sunday.",
    )
    assert got == ["contradicted"]


def test_no_incidents_on_the_route_is_no_failure() -> None:
    found = events("Some 900 cars came out of Polohy along the route; no incidents were recorded.")
    kept = [e for e in found if e.type is PloverType.RETREAT and e.places]
    assert kept
    assert not any(told_as_failed(e) for e in kept)


def test_fire_in_a_part_of_town_beside_the_way_out_keeps_the_truce() -> None:
    got = verdict(
        UKRAINIAN_ROUTE,
        "Buses carrying 700 people left Polohy for Zaporizhzhia despite shelling of the "
        "town's eastern districts, the governor said.",
    )
    assert got == ["kept"]


def test_preparations_still_going_on_are_no_verdict() -> None:
    got = verdict(
        UKRAINIAN_ROUTE,
        "Starukh said preparations for the convoy to Polohy were continuing and that the "
        "Red Cross was coordinating the route with the Russian side.",
    )
    assert got == ["pending"]


def test_the_wounded_carried_out_are_no_attack() -> None:
    found = events("Ambulances carrying wounded from Polohy reached Zaporizhzhia overnight.")
    assert not [e for e in found if e.type is PloverType.ASSAULT]
    assert [e for e in found if e.type is PloverType.RETREAT]


def test_the_wounding_itself_is_still_an_attack() -> None:
    found = events("Shelling wounded four civilians in Polohy on Saturday.")
    assert [e for e in found if e.type is PloverType.ASSAULT]


def test_a_resident_reached_by_phone_is_no_arrival() -> None:
    found = events("A resident of Polohy reached by phone said the shelling went on all night.")
    assert not [e for e in found if e.type is PloverType.RETREAT]


def test_a_count_rounded_by_around_is_no_turning_back() -> None:
    found = events("About 5,000 people left Polohy in around 1,200 private cars on Saturday.")
    assert [e for e in found if e.type is PloverType.RETREAT and e.mode == "evacuate"]


@pytest.mark.parametrize(
    ("header", "side"),
    [("Russian MoD: ", "RUS"), ("Zaporizhzhia regional administration: ", "UKR")],
)
def test_a_bulletin_header_tells_the_deeds_below_it(header: str, side: str) -> None:
    found = events(header + "the convoy was stopped at a checkpoint outside Polohy.")
    told = [e for e in found if e.type is PloverType.COERCE]
    assert told
    assert all(e.reporter_side == side for e in told)


def test_each_side_blaming_the_other_with_no_culprit_named_is_disputed() -> None:
    # the pledging side blames the other; the other tells of fire and names no one
    got = verdict(
        RUSSIAN_ROUTE,
        "Russian MoD: 'Nationalists' did not let a single civilian leave Polohy, Konashenkov said.",
        "Starukh said Polohy was shelled all day and no buses could leave.",
    )
    assert got == ["disputed"]


def test_a_charge_the_separatists_deny_is_disputed() -> None:
    got = verdict(
        UKRAINIAN_ROUTE,
        "Starukh said an evacuation bus was hit by mortar fire near Polohy and blamed "
        "Russian forces.",
        "The Donetsk separatist militia denied firing on the bus near Polohy.",
    )
    assert got == ["disputed"]


def test_a_report_that_leaves_the_truce_an_open_question_gives_no_verdict() -> None:
    got = verdict(
        UKRAINIAN_ROUTE,
        "Russian forces shelled Polohy on Saturday, the monitors said, without saying "
        "whether any buses had left.",
    )
    assert got == ["pending"]
    # the same fire told with no such question left open breaks the truce
    shelled = "Russian forces shelled Polohy on Saturday, the monitors said."
    assert verdict(UKRAINIAN_ROUTE, shelled) == ["contradicted"]


def test_a_charge_its_accused_calls_a_provocation_is_disputed() -> None:
    charged = "Starukh said a Russian rocket hit the bus station in Polohy as people waited."
    got = verdict(
        UKRAINIAN_ROUTE,
        charged,
        "Russian MoD: the claims about a Russian strike on Polohy are a provocation, "
        "Konashenkov said.",
    )
    assert got == ["disputed"]
    assert verdict(UKRAINIAN_ROUTE, charged) == ["contradicted"]
