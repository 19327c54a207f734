"""One corridor told in neighbouring sentences is one truce: the same side telling it
twice gives one pledge, another side's part of it bears on the same towns; separate
ways with towns of their own stay apart. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.domain import Article, Pledge, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.nlp.pipeline import load_pipeline

DAY = date(2022, 4, 2)


def truces(text: str, day: date = DAY) -> list[Pledge]:
    article = Article(content_hash(text), text, "test", published=day)
    extraction = extract_records(load_pipeline()(text), article)
    return [p for p in extraction.pledges if p.kind is PledgeKind.CEASEFIRE]


def towns(pledge: Pledge) -> set[str]:
    return {place.name for place in pledge.scope_places}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Luhansk regional military administration: an evacuation bus will leave "
            "Sievierodonetsk tomorrow at 08:00 from the square near the market. Those who "
            "wish to leave should register in advance with the police; the bus will take "
            "people to Kramatorsk, and from there they can board a train.",
            "Sievierodonetsk",
            "Kramatorsk",
        ),
        (
            "Kharkiv governor Oleh Syniehubov: evacuation of residents from Balakliia and "
            "nearby villages is being organised. Buses will take people to Poltava; those "
            "with cars can follow the police escort.",
            "Balakliia",
            "Poltava",
        ),
    ],
)
def test_one_side_telling_a_corridor_twice_gives_one_pledge(
    text: str, first: str, second: str
) -> None:
    found = truces(text)
    assert len(found) == 1
    assert {first, second} <= towns(found[0])


def test_each_side_of_one_corridor_carries_its_towns() -> None:
    found = truces(
        "Evacuation of Mariinka residents will begin at 10:00, the Donetsk regional "
        "administration said. Buses will head toward Kurakhove and Pokrovsk; the Russian "
        "side has agreed to hold fire along the route until the buses pass."
    )
    by_side = {p.actor.country if p.actor else None: towns(p) for p in found}
    assert {"UKR", "RUS"} <= set(by_side)
    assert by_side["UKR"] == by_side["RUS"]
    assert {"Kurakhove", "Pokrovsk"} <= by_side["UKR"]
    assert len(by_side["RUS"]) >= 3


def test_two_corridors_with_towns_of_their_own_stay_apart() -> None:
    found = truces(
        "A humanitarian corridor from Okhtyrka to Poltava will open at 09:00, the governor "
        "said. A humanitarian corridor from Trostianets to Lebedyn will open at 11:00."
    )
    assert len(found) >= 2
    assert not any({"Okhtyrka", "Trostianets"} <= towns(p) for p in found)


def test_one_corridor_runs_from_the_earlier_start_of_its_tellings() -> None:
    day = date(2022, 11, 20)
    found = truces(
        "IZIUM. After the city was retaken, deputy PM Vereshchuk announced a voluntary "
        "evacuation for the winter. Ukrzaliznytsia: the first train will leave Izium at "
        "10:20 for Lviv.",
        day,
    )
    assert len(found) == 1
    pledge = found[0]
    assert {"Izium", "Lviv"} <= towns(pledge)
    assert pledge.made_on is not None
    assert pledge.made_on <= day
    assert pledge.window_end is not None
    assert pledge.window_end > day


def test_towns_joined_by_dashes_are_the_stops_of_the_route() -> None:
    found = truces(
        "Berdiansk City Council: the 'silence regime' runs 09:00-20:00. Evacuation starts "
        "at 11:00 along the route Berdiansk - Andriivka - Chernihivka - Tokmak - Orikhiv - "
        "Zaporizhzhia."
    )
    assert found
    assert {"Berdiansk", "Tokmak", "Zaporizhzhia"} <= towns(found[0])


def test_a_timetable_verb_read_as_a_noun_still_announces_the_train() -> None:
    told = "The train {} at 13:00 from Izium for Lviv, said regional head Oleh Syniehubov."
    [found] = truces(told.format("departs"))
    assert {"Izium", "Lviv"} <= towns(found)
    assert not truces(told.format("departed"))
