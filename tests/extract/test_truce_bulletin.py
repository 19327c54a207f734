"""Truces announced in bulletin style: datelines, "Speaker:" headers, verbless timetables,
and tellers named in the sentence before. Sentences written by the team, with towns and
wording of our own."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.domain import Article, Pledge, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.extract.context import build_context
from saydo.extract.truce_bulletin import dateline_places, header_teller
from saydo.nlp.pipeline import load_pipeline

PUBLISHED = date(2022, 5, 9)  # a Monday


def truces_in(text: str) -> list[Pledge]:
    article = Article(content_hash(text), text, "test", published=PUBLISHED)
    extraction = extract_records(load_pipeline()(text), article)
    return [p for p in extraction.pledges if p.kind is PledgeKind.CEASEFIRE]


def towns(pledges: list[Pledge]) -> set[str]:
    return {place.name for p in pledges for place in p.scope_places}


def sides(pledges: list[Pledge]) -> set[str | None]:
    return {p.actor.side if p.actor else None for p in pledges}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a verbless timetable under a header
        (
            "Kharkiv regional administration: evacuation train from Lozova to Dnipro "
            "tomorrow at 07:00.",
            "Lozova",
        ),
        # a timetable in the present, its subject read as the speaker's apposition
        (
            "Okhtyrka mayor Pavlo Kuzmenko: evacuation buses from Okhtyrka leave the town "
            "square every morning at 08:30.",
            "Okhtyrka",
        ),
        # a noun English never uses as a verb, tagged as one
        (
            "Ceasefire in Kreminna from 09:00 to 17:00, the regional administration announced.",
            "Kreminna",
        ),
        # an agreement told as achieved
        (
            '"We have managed to agree on a green corridor from Sumy to Lokhvytsia," the '
            "governor said.",
            "Sumy",
        ),
        # a header ended by a dash
        (
            "Poltava regional administration — evacuation buses from Kremenchuk to "
            "Poltava at 11:00 today.",
            "Kremenchuk",
        ),
        # a headline's infinitive of a timetable
        (
            "Kyiv regional administration: green corridor from Bucha to Kyiv to open at "
            "08:00 on Tuesday.",
            "Bucha",
        ),
        # a vehicle under a header, with its hour, whatever it carries unsaid
        ("Izium station. Ukrzaliznytsia: train to Lviv departs at 16:40.", "Izium"),
        # a halt of fire in reported speech is the truce, not a failure
        (
            "Russia's Defence Ministry said its forces were unilaterally halting fire "
            "around Rubizhne from 10:00 on Tuesday to let civilians leave.",
            "Rubizhne",
        ),
    ],
)
def test_bulletin_phrasing_announces_a_truce(text: str, town: str) -> None:
    assert town in towns(truces_in(text))


def test_a_past_bulletin_announces_nothing() -> None:
    text = (
        "Kharkiv regional administration: evacuation train from Lozova to Dnipro "
        "yesterday at 07:00."
    )
    assert truces_in(text) == []


def test_the_dateline_places_a_truce_its_sentence_does_not() -> None:
    text = "Siversk. Kyrylenko: minibuses will try to go in this afternoon to pick up residents."
    assert "Siversk" in towns(truces_in(text))


def test_the_teller_of_the_sentence_before_announces() -> None:
    text = (
        "Sloviansk is under fire day and night, mayor Vadym Liakh said on Monday. An "
        "evacuation bus will leave the central square at noon on Tuesday."
    )
    found = truces_in(text)
    assert sides(found) == {"UKR"}
    assert "Sloviansk" in towns(found)


def test_a_header_of_towns_is_a_dateline_not_the_announcer() -> None:
    text = (
        "Soledar and Bakhmut: Luhansk military administration announced an evacuation "
        "for Wednesday morning."
    )
    found = truces_in(text)
    assert sides(found) == {"UKR"}
    assert towns(found) == {"Soledar", "Bakhmut"}


def test_header_and_dateline_readers() -> None:
    text = "Lyman. Donetsk regional police: evacuation buses will run today."
    article = Article(content_hash(text), text, "test", published=PUBLISHED)
    doc = load_pipeline()(text)
    ctx = build_context(doc, article)
    sentences = list(doc.sents)
    assert [p.name for p in dateline_places(doc, ctx)] == ["Lyman"]
    teller = header_teller(sentences[-1])
    assert teller is not None
    assert teller.lower_ == "police"
    assert header_teller(sentences[0]) is None


def test_talks_under_way_about_a_corridor_announce_it() -> None:
    text = (
        "Kyiv is holding talks with the Red Cross about a corridor to take civilians out "
        "of Rubizhne, the deputy prime minister said."
    )
    assert "Rubizhne" in towns(truces_in(text))


def test_talks_held_about_corridors_are_a_topic() -> None:
    text = "The two presidents held talks about humanitarian corridors from Kharkiv."
    assert truces_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv is negotiating with Ankara about a corridor for grain ships from Odesa.",
        "Russia will open a corridor for grain exports from Odesa.",
        "Grain ships will leave Odesa on Monday under the corridor deal.",
    ],
)
def test_a_corridor_for_goods_is_trade(text: str) -> None:
    assert truces_in(text) == []


def test_the_header_speaker_binds_their_side() -> None:
    text = (
        "Convoy to Enerhodar due tomorrow. Russian Defence Ministry: 'Safe passage for the "
        "convoy out of Enerhodar will be guaranteed.' Ukrainian officials agree."
    )
    assert sides(truces_in(text)) == {"RUS"}


def test_a_headline_before_a_colon_names_no_speaker() -> None:
    text = "UN to lead convoy out of Sumy: the world body said buses would leave on Friday."
    article = Article(content_hash(text), text, "test", published=PUBLISHED)
    doc = load_pipeline()(text)
    build_context(doc, article)
    assert header_teller(next(iter(doc.sents))) is None


def test_the_move_told_next_places_a_truce_named_by_a_regional_teller() -> None:
    text = (
        "A local ceasefire has been agreed for Thursday, Donetsk governor Pavlo Kyrylenko "
        "wrote. Buses will pick up residents of Siversk and Soledar from 09:00 and take "
        "them to Sloviansk, he said."
    )
    found = truces_in(text)
    assert found
    assert {"Siversk", "Soledar"} <= towns(found)
    assert "Donetsk" not in towns(found)


@pytest.mark.parametrize(
    "text",
    [
        "Trains leaving Kramatorsk today were packed, the railway said.",
        "Evacuation buses heading to Kramatorsk this morning came under fire.",
        "Evacuation trains from Kharkiv to Lviv ran on Tuesday.",
    ],
)
def test_a_report_of_vehicles_on_the_way_announces_nothing(text: str) -> None:
    assert truces_in(text) == []


def test_a_vehicle_without_a_header_needs_people_or_an_evacuation() -> None:
    assert truces_in("The train to Lviv departs at 16:40 from Izium station.") == []


def test_a_verbless_bulletin_told_by_a_saying() -> None:
    text = "Siversk: evacuation buses at 09:30 near the town hall, Kyrylenko says."
    assert "Siversk" in towns(truces_in(text))


def test_a_past_verbless_bulletin_told_by_a_saying_announces_nothing() -> None:
    assert truces_in("Evacuation from Siversk yesterday, the governor said.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Bakhmut city council informs: buses leave the central square at 10:00.", "council"),
        ("UPDATE 12:40 - Governor Kyrylenko: a train leaves Pokrovsk at 14:00.", "Kyrylenko"),
    ],
)
def test_a_header_ending_in_its_cue_or_after_a_stamp_names_its_speaker(
    text: str, speaker: str
) -> None:
    sentence = next(iter(load_pipeline()(text).sents))
    teller = header_teller(sentence)
    assert teller is not None
    assert teller.text == speaker
