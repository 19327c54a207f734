"""Truce outcomes, third pass on unseen phrasing: one class of reading each.

An announcement's truces are one evacuation; a strike charged back on the side that
suffered it is disputed; a deed named as a time ("before the bus arrived"), as spared
("without being fired on") or a thing's state ("the wrecked bridge") is no outcome. The
sentences are written for their class, in towns of their own.
"""

from __future__ import annotations

from datetime import date

from saydo.domain import Article, PloverType, VerdictLabel, content_hash
from saydo.evaluation.pledges import TruceRow, score_truce_table
from saydo.runner import extract_article

DAY = date(2022, 4, 2)


def verdict(announcement: str, *reports: str) -> list[str]:
    row = TruceRow(announcement, DAY, tuple((r, DAY) for r in reports), VerdictLabel.KEPT)
    return list(score_truce_table([row], extract_article).details[0]["got"])


# Two truces in one announcement: a pickup town, and a destination far from it.
TWO_PLACES = (
    "An evacuation bus will leave Kostiantynivka on Saturday at 09:00, the city military "
    "administration said. Those who wish to leave should register first; the bus will "
    "take people to Dnipro."
)
CONVOY = (
    "A column of private cars will leave Huliaipole on Saturday morning to collect "
    "relatives from nearby villages, the regional military administration said."
)
STRUCK = (
    "A Russian rocket hit the column as it formed up in Huliaipole, killing seven people, "
    "regional governor Oleksandr Starukh said."
)


def test_a_truce_with_no_deed_of_its_own_shares_its_announcements_outcome() -> None:
    got = verdict(TWO_PLACES, "Some 40 residents were brought out of Kostiantynivka on Saturday.")
    assert got == ["kept"]


def test_a_failure_at_the_pickup_point_breaks_the_whole_announcement() -> None:
    got = verdict(
        TWO_PLACES,
        "The Kostiantynivka evacuation was called off after shelling hit the gathering point.",
    )
    assert got == ["contradicted"]


def test_the_strike_blamed_back_on_the_victims_side_is_disputed() -> None:
    for charge in (
        "Russian-installed officials blamed Ukrainian forces for the strike.",
        "A Russian-installed official blamed the strike on Ukrainian forces.",
    ):
        assert verdict(CONVOY, STRUCK, charge) == ["disputed"], charge


def test_a_side_named_in_a_compound_places_no_charge() -> None:
    charge = "Moscow-appointed officials accused Ukraine of firing on the column itself."
    assert verdict(CONVOY, STRUCK, charge) == ["disputed"]


def test_the_strike_alone_is_contradiction() -> None:
    assert verdict(CONVOY, STRUCK) == ["contradicted"]


def test_an_arrival_named_as_a_time_is_no_outcome() -> None:
    got = verdict(
        CONVOY,
        "The trip was cancelled after the gathering point in Huliaipole came under Russian "
        "artillery fire shortly before the column arrived.",
    )
    assert got == ["contradicted"]


def test_fire_named_as_spared_is_no_breach() -> None:
    got = verdict(
        CONVOY,
        "About 200 people were brought out of Huliaipole on Saturday, the administration "
        "said, a day when the cars went in and came back without being fired on.",
    )
    assert got == ["kept"]


def test_a_failure_word_describing_a_thing_is_no_failure() -> None:
    got = verdict(
        CONVOY,
        "Hundreds of residents crossed the wrecked bridge out of Huliaipole on Saturday and "
        "were taken by car to Zaporizhzhia.",
    )
    assert got == ["kept"]


def test_no_mishap_just_past_the_reach_is_still_no_failure() -> None:
    got = verdict(
        CONVOY,
        "Officials said 70 people were evacuated from Huliaipole on Saturday with no "
        "problems on the route.",
    )
    assert got == ["kept"]


def test_who_refused_to_let_people_through_did_not_tell_of_it() -> None:
    sentence = (
        "Residents told local media that Russian soldiers at the checkpoint refused to let "
        "any buses through."
    )
    article = Article(content_hash(sentence), sentence, "test", published=DAY)
    stops = [e for e in extract_article(article).events if e.type is PloverType.COERCE]
    assert stops
    assert all(e.reporter_side != "RUS" for e in stops)


def test_a_region_naming_separatists_is_no_place_of_the_deed() -> None:
    sentence = (
        "Donetsk separatist officials said no civilians had come out of the plant, "
        "accusing Ukrainian forces of disrupting the corridor."
    )
    article = Article(content_hash(sentence), sentence, "test", published=DAY)
    told = [e for e in extract_article(article).events if e.type is PloverType.COERCE]
    assert told
    assert all(p.name != "Donetsk" for e in told for p in e.places)


def test_an_evacuation_named_as_what_a_deal_is_about_is_not_done() -> None:
    got = verdict(
        CONVOY,
        "A Red Cross spokesperson said no agreement on an evacuation from Huliaipole had "
        "been reached yet.",
    )
    assert got == ["pending"]
