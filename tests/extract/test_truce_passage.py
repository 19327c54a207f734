"""The lexical reader of a way out announced, on sentences written by the team.

Each class of phrasing is shown with towns and wording of our own: none of these sentences
comes from the truce table or its development rounds.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from saydo.domain import Article, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.extract.context import build_context
from saydo.extract.truce_passage import Passage, passage_in
from saydo.nlp.pipeline import load_pipeline

PUBLISHED = date(2022, 4, 4)  # a Monday


def truces_in(text: str, published: date = PUBLISHED) -> list[Any]:
    article = Article(content_hash(text), text, "test", published=published)
    extraction = extract_records(load_pipeline()(text), article)
    return [p for p in extraction.pledges if p.kind is PledgeKind.CEASEFIRE]


def passage(text: str) -> Passage | None:
    article = Article(content_hash(text), text, "test", published=PUBLISHED)
    doc = load_pipeline()(text)
    ctx = build_context(doc, article)
    return passage_in(next(iter(doc.sents)), ctx)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # people permitted to go, with a modal of permission
        (
            "Residents of Okhtyrka who have cars can drive out of the town on Thursday, the "
            "mayor said.",
            "Okhtyrka",
        ),
        # a crossing told as open on a day
        (
            "The checkpoint at Polohy will be open on Friday for cars heading north, "
            "officials said.",
            "Polohy",
        ),
        # vehicles that will try to go in and bring people out
        (
            "A column of buses will try to enter Rubizhne on Sunday to take out residents, "
            "the regional administration said.",
            "Rubizhne",
        ),
        # a vehicle that will run from a town
        ("The police said an evacuation van would run from Siversk on Tuesday.", "Siversk"),
        # people told they could go
        ("Residents of Hostomel were told they could leave on foot on Monday.", "Hostomel"),
        # the side holding the road letting vehicles through
        ("Occupation officials will let cars out through the Tokmak checkpoint.", "Tokmak"),
        # a timetable told in the present, with its hour
        ("Buses leave Lebedyn for Sumy at 8:00, the governor wrote.", "Lebedyn"),
        # an authority urging people to go
        ("The governor urged residents of Lyman and Siversk to evacuate.", "Lyman"),
        # people moved by whoever runs the move
        ("Patients of the Izium hospital will be moved to Kharkiv, the governor said.", "Kharkiv"),
        # ferries carrying people from a town's port
        (
            "Ferries will carry residents from Kherson's river port every day, the mayor said.",
            "Kherson",
        ),
        # an operation under way to bring people out
        (
            "A UN spokesman said an operation was under way to bring civilians out of Lysychansk.",
            "Lysychansk",
        ),
        # a way out announced in a clause of its own, after the call to go
        (
            "The mayor told residents to walk to the bridge in Irpin, where buses would be "
            "waiting to take evacuees to Kyiv.",
            "Irpin",
        ),
        # a go-between escorting vehicles out
        (
            "The Red Cross will escort a column of cars from Polohy to Orikhiv on Sunday, a "
            "spokesman said.",
            "Polohy",
        ),
        # the side holding the road letting vehicles through, told as a small clause
        (
            '"We will let the buses through to Polohy tomorrow," a Russian commander said.',
            "Polohy",
        ),
        # people carried across
        (
            "A boat will take residents of Kinburn to Ochakiv on Saturday, officials said.",
            "Ochakiv",
        ),
        # readiness told in the past of reported speech
        ("Putin told Macron that Russia was ready to let civilians out of Polohy.", "Polohy"),
        # told on someone's word
        (
            "According to the governor, a corridor from Siversk to Bakhmut will open on Friday.",
            "Siversk",
        ),
        # a deadline to go by
        (
            "Residents of Oleshky have until Sunday to leave the town, the Russian-installed "
            "authorities said.",
            "Oleshky",
        ),
        # the town in the announcer's title
        ("Kherson's occupation administration announced the relocation of residents.", "Kherson"),
        # a way out declared open, in any tense
        (
            "Separatist officials said they had opened a corridor for residents of Siversk "
            "to leave for Bakhmut.",
            "Siversk",
        ),
        # a headline with no verb of its own
        ("Ceasefire agreed for Siversk evacuation on Thursday, says the governor", "Siversk"),
        # vehicles agreed
        (
            "A convoy of buses from Polohy to Orikhiv has been agreed for Tuesday, the "
            "governor said.",
            "Polohy",
        ),
    ],
)
def test_each_class_of_way_out_announced_is_read(text: str, place: str) -> None:
    assert passage(text) is not None
    truces = truces_in(text)
    assert truces
    assert all(place in {p.name for p in t.scope_places} for t in truces)


@pytest.mark.parametrize(
    "text",
    [
        # negated, refused, ended
        "Buses will not leave Siversk on Friday, the governor said.",
        "The evacuation of Siversk was halted after shelling.",
        # asked of a party, hoped for, judged, talked of
        "The governor urged Russia to open a corridor from Siversk.",
        "Officials said they hoped buses would leave Siversk on Friday.",
        "It is impossible to evacuate civilians from Siversk now.",
        "The two presidents will discuss corridors from Siversk.",
        # inside a condition, or asked
        "If a corridor from Siversk opens, buses will be sent.",
        "Will buses be able to leave Siversk on Friday?",
        # a report of what was done, not an announcement
        "About 300 people left Siversk by bus on Friday, officials said.",
        "Buses tried to leave Siversk on Friday but turned back.",
        "We were able to evacuate 2,000 civilians from Siversk last week.",
        # people forecast to go, no leave given
        "Officials said residents would leave Siversk on Friday if the fighting stopped.",
        # motion that is no way out, vehicles with a load of goods, trade corridors
        "Many people are planning to go to the seaside in Odesa by car this summer.",
        "Trucks will carry grain from Odesa to the port of Izmail.",
        "Work on the transport corridor through Odesa will start next year.",
        "The Northern Sea Route will carry more cargo from Murmansk this year.",
        "Trains to Lviv will run on the normal timetable from Monday, the railway said.",
        "Police will escort the president's motorcade through Lviv on Saturday.",
        "Buses will bring aid to Siversk on Friday, the governor said.",
        "Ships with grain will leave Odesa on Friday, the minister said.",
        # ordinary reporting: people's own attempts, narrative pasts, orders lifted
        "A family is trying to flee Sumy amid Russian attacks.",
        "The aircraft was carrying two people when it vanished after taking off from Lviv.",
        "All evacuation orders in Siversk have been lifted, officials said.",
        "The war will leave few people in Odesa untouched.",
        "Britain is to send 120 armoured vehicles to Odesa, Downing Street said.",
        "Construction starts on a wildlife crossing near Odesa that will let animals roam.",
    ],
)
def test_what_is_no_announcement_of_a_way_out(text: str) -> None:
    assert passage(text) is None


def test_a_failure_told_with_no_future_is_no_announcement() -> None:
    assert passage("Promised evacuation from Siversk falters as buses turn back") is None


def test_a_restraint_on_a_road_is_a_truce_and_sparing_a_city_is_not() -> None:
    road = "Russian troops were ordered not to fire on the road from Siversk to Bakhmut."
    assert passage(road) is not None
    assert passage("Russia said it would not strike Odesa.") is None


def test_an_announcer_with_no_side_leaves_the_way_out_to_both_sides() -> None:
    truces = truces_in(
        "Police in Siversk said an evacuation van would run from the town on Tuesday."
    )
    assert {t.actor.country for t in truces if t.actor} == {"UKR", "RUS"}


def test_a_way_out_nobody_announces_is_no_pledge() -> None:
    assert not truces_in("Buses will leave Siversk on Friday. Shelling went on.")


def test_an_agreed_way_out_binds_both_sides() -> None:
    truces = truces_in("Buses will leave Siversk on Friday along the agreed route to Bakhmut.")
    assert {t.actor.country for t in truces if t.actor} == {"UKR", "RUS"}


def test_an_official_installed_by_the_occupier_speaks_for_the_occupier() -> None:
    text = (
        "The crossing at Polohy will be open on Sunday for cars leaving occupied areas, "
        "a Russian-installed official in the region said."
    )
    [truce] = truces_in(text)
    assert truce.actor is not None
    assert truce.actor.country == "RUS"


def test_a_town_named_as_the_owner_of_a_station_is_the_way_outs_origin() -> None:
    text = "The railway said evacuation trains would depart Kramatorsk's station for Lviv."
    truces = truces_in(text)
    assert truces
    assert all({"Kramatorsk", "Lviv"} <= {p.name for p in t.scope_places} for t in truces)


def test_a_move_beside_the_truce_it_details_is_no_truce_of_its_own() -> None:
    text = (
        "Buses will try again to reach Siversk on Thursday. "
        "The Russian side has agreed to a corridor via Bakhmut, the governor said."
    )
    truces = truces_in(text)
    assert truces
    assert all(t.event.provenance.sentence.startswith("The Russian side") for t in truces)


def test_a_start_told_with_its_day_runs_the_default_window() -> None:
    truces = truces_in(
        "The Red Cross said a safe passage operation from Siversk would start on Wednesday.",
        date(2022, 4, 4),
    )
    assert truces
    for truce in truces:
        assert truce.made_on == date(2022, 4, 6)
        assert truce.window_end is not None
        assert (truce.window_end - truce.made_on).days > 1


def test_two_nationalities_of_one_announcer_bind_both_sides() -> None:
    truces = truces_in(
        "Russian and Ukrainian officials agreed a corridor out of Siversk for Sunday."
    )
    assert {t.actor.country for t in truces if t.actor} == {"UKR", "RUS"}


def test_capitals_a_plan_is_put_to_are_no_towns_of_the_way_out() -> None:
    text = (
        "Greece has offered to take civilians out of Odesa by ship, the foreign minister "
        "said, adding that Athens had put the plan to both Moscow and Kyiv."
    )
    truces = truces_in(text)
    assert truces
    for truce in truces:
        towns = {p.name for p in truce.scope_places}
        assert "Odesa" in towns
        assert not towns & {"Moscow", "Kyiv"}
