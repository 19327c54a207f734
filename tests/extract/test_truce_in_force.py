"""Ways out announced as in force, in bulletins, as listed or as dispatched, and who
they bind; past reports of evacuations stay reports. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.domain import Article, Pledge, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.extract.truce_bulletin import bulletin_teller, header_mark
from saydo.nlp.pipeline import load_pipeline

DAY = date(2022, 3, 14)


def truces(text: str) -> list[Pledge]:
    article = Article(content_hash(text), text, "test", published=DAY)
    extraction = extract_records(load_pipeline()(text), article)
    return [p for p in extraction.pledges if p.kind is PledgeKind.CEASEFIRE]


def towns(pledges: list[Pledge]) -> set[str]:
    return {place.name for p in pledges for place in p.scope_places}


def sides(pledges: list[Pledge]) -> set[str | None]:
    return {p.actor.country if p.actor else None for p in pledges}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a state of the way out told with a time of today
        (
            "Kherson regional administration: the corridor to Mykolaiv is open today until 17:00.",
            "Mykolaiv",
        ),
        (
            "The green corridor from Okhtyrka continues today from 08:00, the governor said.",
            "Okhtyrka",
        ),
        ("The evacuation of Lysychansk has begun this morning, the governor said.", "Lysychansk"),
        # vehicles sent, their taking out still to come
        (
            "Thirty buses have been sent to Vasylivka to collect families, the minister said.",
            "Vasylivka",
        ),
        ("Buses are on their way to Orikhiv to pick up residents, the mayor said.", "Orikhiv"),
        # a plan made and standing
        (
            "Ukrzaliznytsia has scheduled an evacuation train from Sloviansk for Saturday.",
            "Sloviansk",
        ),
        # people moving out, told as a noun
        ("Sumy city council: movement of private cars out of the city continues today.", "Sumy"),
        # a generic way told open for leaving
        (
            "Bakhmut city council: the checkpoint on the Siversk road is open for exit today.",
            "Bakhmut",
        ),
        # anyone picked up
        (
            "Buses will try to reach Popasna on Friday to pick up anyone wishing to leave, "
            "the governor said.",
            "Popasna",
        ),
    ],
)
def test_a_way_out_in_force_today_is_announced(text: str, town: str) -> None:
    found = truces(text)
    assert found, text
    assert town in towns(found)


@pytest.mark.parametrize(
    "text",
    [
        "Three hundred people were evacuated from Irpin on Saturday, the governor said.",
        "Thirty buses were sent to Vasylivka on Friday but only ten came back.",
        "Around 2,000 people have been evacuated from Bucha so far.",
        "The road from Okhtyrka to Poltava is open.",
        "The evacuation of Lysychansk has begun, the governor said.",
        "The corridor to Mykolaiv was open yesterday until 17:00.",
        "The convoy was on its way to Orikhiv when it came under fire.",
        "Movement of troops out of Kherson continued on Friday, the ministry said.",
        "Thousands of cars have left Sumy since Monday, the council said.",
        "Trucks will leave Odesa with grain on Monday.",
        # moves told as done, whatever the parse makes of them
        "About 900 cars carrying some 4,000 people left Tokmak on Monday, officials said.",
        "The first column of buses left Okhtyrka on Tuesday carrying students, officials said.",
        "The railway said the train left Sloviansk on schedule carrying 500 passengers.",
        # a negation on what the way out hangs on
        "There is no agreement on a corridor from Rubizhne, the governor said on Monday.",
        "The corridor failed again: the column was stopped and no civilians could leave.",
        "The governor said 300 people had left Popasna and were on their way west by train.",
    ],
)
def test_a_past_report_or_a_bare_state_announces_nothing(text: str) -> None:
    assert truces(text) == []


def test_a_bulletins_header_speaks_for_its_later_lines() -> None:
    text = (
        "Tokmak city council (Telegram): A new attempt. Ceasefire from 09:00 to 18:00. "
        "Buses depart from the market at 10:00."
    )
    found = truces(text)
    assert found
    assert sides(found) == {"UKR"}
    assert "Tokmak" in towns(found)


def test_a_teller_of_its_own_ends_the_bulletin() -> None:
    doc = load_pipeline()(
        "Orikhiv city council: Buses leave at 09:00. The governor said the road was mined. "
        "A ferry will run at noon."
    )
    _, second, third = list(doc.sents)
    assert bulletin_teller(second) is not None
    assert bulletin_teller(third) is None


def test_a_header_mark_may_be_glued_to_a_bracket() -> None:
    doc = load_pipeline()("Izium city council (Telegram): buses leave at 10:00.")
    assert any(header_mark(t) and t.text != ":" for t in doc)
    assert any(header_mark(t) for t in doc)


def test_a_permission_stands_beside_a_negation_of_something_else() -> None:
    text = (
        "Berdiansk city council: Private cars may leave the city toward Zaporizhzhia today. "
        "There will be no organised buses."
    )
    found = truces(text)
    assert found
    assert {"Berdiansk", "Zaporizhzhia"} <= towns(found)


def test_corridors_agreed_with_no_town_take_the_towns_listed_next() -> None:
    text = (
        "Vereshchuk: Five humanitarian corridors agreed for today. "
        "From Melitopol to Zaporizhzhia by private transport."
    )
    found = truces(text)
    assert {"Melitopol", "Zaporizhzhia"} <= towns(found)
    assert sides(found) == {"UKR", "RUS"}  # agreed between the two


def test_a_truce_listed_among_the_agreed_routes_is_announced() -> None:
    text = (
        "Vereshchuk listed a corridor from Balakliia to Kharkiv among four routes for which "
        "a ceasefire was said to have been agreed."
    )
    assert {"Balakliia", "Kharkiv"} <= towns(truces(text))


def test_a_listed_route_not_agreed_is_no_announcement() -> None:
    text = "Vereshchuk listed a corridor from Balakliia to Kharkiv among routes Russia had refused."
    assert truces(text) == []


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        # a town's council and a state railway bind their own side
        ("Sloviansk city council: the evacuation bus to Dnipro leaves today at 09:00.", {"UKR"}),
        ("Ukrzaliznytsia said evacuation trains would leave Kramatorsk on Friday.", {"UKR"}),
        # a regional military administration speaks for the state whose towns it runs
        (
            "Luhansk regional military administration: evacuation buses are waiting at "
            "the Lysychansk bus station from 09:00 today.",
            {"UKR"},
        ),
        # a go-between's corridor is the two sides' to hold open
        (
            "The ICRC said its team was on its way to Mariupol to lead a safe passage operation.",
            {"UKR", "RUS"},
        ),
        # police speak for no side: the way out is both sides' to hold open
        ("Police said an evacuation bus would leave Soledar on Sunday at 10:00.", {"UKR", "RUS"}),
    ],
)
def test_who_an_announced_way_out_binds(text: str, bound: set[str]) -> None:
    assert sides(truces(text)) == bound


def test_a_clause_to_come_stands_beside_one_cancelled() -> None:
    text = (
        "Orikhiv mayor: the evacuation train is cancelled today, but buses will take people "
        "to Zaporizhzhia at 11:00."
    )
    assert "Zaporizhzhia" in towns(truces(text))


def test_a_clause_to_come_joined_to_one_negated_is_not_rescued_without_its_own_modal() -> None:
    assert truces("The corridor was closed and buses did not leave Mariupol today.") == []


def test_people_who_left_do_not_make_vehicles_sent_for_them_a_report() -> None:
    text = (
        "Buses have been dispatched to Vasylivka to collect families who left Melitopol, she said."
    )
    assert "Vasylivka" in towns(truces(text))


@pytest.mark.parametrize(
    "text",
    [
        "Governor Kim: Today from 09:00 there is a ceasefire around Mykolaiv for the evacuation.",
        "The Red Cross said it planned to escort civilians out of Sievierodonetsk on Tuesday.",
    ],
)
def test_an_existential_today_or_a_plan_in_reported_speech_announces(text: str) -> None:
    assert truces(text)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("A corridor from Bucha to Kyiv was to open at 10:00 on Sunday, officials said.", "Bucha"),
        ("Governor Zhyvytskyi: departure from Okhtyrka toward Poltava at 09:00 today.", "Okhtyrka"),
    ],
)
def test_a_plan_told_by_its_copula_or_a_timetables_noun_announces(text: str, town: str) -> None:
    assert town in towns(truces(text))


def test_the_departure_of_troops_is_no_way_out() -> None:
    text = "The departure of Russian troops from Kyiv region will be completed today, they said."
    assert truces(text) == []


def test_an_installed_official_named_by_an_adjective_binds_the_occupying_side() -> None:
    text = (
        "Russian-installed official Ivan Petrov said residents of Enerhodar would be moved to "
        "Berdiansk starting on Friday."
    )
    assert sides(truces(text)) == {"RUS"}


def test_the_side_named_after_a_header_agrees_not_the_header() -> None:
    text = "Tokmak city council: the Russian side has agreed to a ceasefire from 11:00 to 16:00."
    assert sides(truces(text)) == {"RUS"}


def test_a_move_told_before_a_truce_lends_it_its_towns() -> None:
    text = (
        "A second attempt to evacuate Berdiansk will be made on Sunday, the city council said. "
        "A local ceasefire is to be in force from 10:00, and buses are to depart at 12:00 "
        "towards Zaporizhzhia."
    )
    found = truces(text)
    assert len(found) == 1  # one truce, not the move and the truce apart
    assert {"Berdiansk", "Zaporizhzhia"} <= towns(found)


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        ("Officials said they would evacuate the town of Popasna on Friday.", True),
        ("The army will evacuate its positions near Kharkiv, the ministry said.", False),
    ],
)
def test_a_place_evacuated_is_its_people_taken_out(text: str, announced: bool) -> None:
    assert bool(truces(text)) is announced


def test_a_headlines_towns_are_the_truces_though_parsed_into_its_teller() -> None:
    text = (
        "CORRIDORS TO OPEN FROM CHERNIHIV AND SUMY - Russia's Defence Ministry said a "
        "ceasefire would take effect at 10 a.m. Moscow time."
    )
    assert {"Chernihiv", "Sumy"} <= towns(truces(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a verbless line below a bulletin's header, with its hour
        (
            "Kyrylenko: Bakhmut was shelled overnight. Buses at 10:00 today by the hospital.",
            "Bakhmut",
        ),
        # a convoy made ready
        (
            "Governor Kim said an evacuation convoy from Snihurivka is being formed today.",
            "Snihurivka",
        ),
    ],
)
def test_a_bulletin_line_or_a_convoy_made_ready_announces(text: str, town: str) -> None:
    assert town in towns(truces(text))


def test_a_bulletin_line_told_as_past_announces_nothing() -> None:
    assert truces("Bakhmut city council: Buses were at the square at 10:00 yesterday.") == []


def test_a_day_told_with_a_modal_of_the_future_is_the_coming_one() -> None:
    # DAY is a Monday: "on Friday" with "will" is the Friday after, not the one before
    [truce, *_] = truces("Police will go into Avdiivka on Friday to take out residents, they said.")
    assert truce.made_on is not None
    assert truce.made_on > DAY
    # told without a modal, the nearest reading stands: "announced a truce on Friday"
    [told] = truces("Russia announced a truce in Sumy on Friday.")
    assert told.made_on is not None
    assert told.made_on < DAY


def test_the_capitals_a_truce_is_coordinated_with_are_not_its_places() -> None:
    text = (
        "The ICRC said an operation to bring civilians out of Azovstal was under way in "
        "coordination with Kyiv and Moscow."
    )
    found = truces(text)
    assert "Azovstal" in towns(found)
    assert not {"Kyiv", "Moscow"} & towns(found)
