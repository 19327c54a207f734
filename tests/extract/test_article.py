"""Extraction on sentences the team wrote: every form the rules claim to handle.

None of these sentences comes from a gold file; they exist to show the rules generalise.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from saydo.domain import Article, Extraction, Modality, PledgeKind, PloverType, content_hash
from saydo.extract.article import extract_records, with_truces
from saydo.link import link
from saydo.nlp.pipeline import load_pipeline

PUBLISHED = date(2022, 4, 6)  # a Wednesday


def extract(text: str, published: date = PUBLISHED, outlet: str = "Test Wire") -> Extraction:
    article = Article(content_hash(text), text, "test", published=published, outlet=outlet)
    return extract_records(load_pipeline()(text), article)


def speakers(extraction: Extraction) -> dict[str, str | None]:
    return {s.content: s.speaker.name if s.speaker else None for s in extraction.statements}


def test_cue_after_quote_and_a_continuation_keep_the_speaker() -> None:
    text = (
        "Dmytro Kuleba met his Turkish counterpart in Antalya.\n"
        "“We have not seen any progress on a ceasefire,” Kuleba said.\n"
        "“The humanitarian corridors are still closed to us.”"
    )
    found = speakers(extract(text))
    assert found["We have not seen any progress on a ceasefire"] == "Dmytro Kuleba"
    assert found["The humanitarian corridors are still closed to us."] == "Dmytro Kuleba"


def test_pronoun_speaker_resolves_to_the_last_person_named() -> None:
    text = (
        "Dmitry Peskov spoke to journalists in Moscow on Tuesday.\n"
        "“The operation is going according to plan,” he said."
    )
    found = speakers(extract(text))
    assert found["The operation is going according to plan"] == "Dmitry Peskov"


def test_unnamed_groups_keep_their_side() -> None:
    text = "Polish officials said Russian missiles struck an airfield near Lviv overnight."
    extraction = extract(text)
    [statement] = [s for s in extraction.statements if s.speaker]
    assert statement.speaker is not None
    assert statement.speaker.name == "Polish officials"
    assert statement.speaker.country == "POL"


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("Russian troops shelled Kharkiv on Monday, the regional governor said.", "RUS", "Kharkiv"),
        (
            "Ukrainian forces attacked a fuel depot in Belgorod, Russian officials said.",
            "UKR",
            "Belgorod",
        ),
    ],
)
def test_reported_assaults_have_actor_place_and_source(text: str, actor: str, place: str) -> None:
    events = [e for e in extract(text).events if e.type is PloverType.ASSAULT]
    assert events, text
    event = events[0]
    assert event.actor is not None
    assert event.actor.country == actor
    assert place in {p.name for p in event.places}
    assert event.reported_by is not None
    assert event.time is not None or "Monday" not in text


def test_weekday_in_a_past_clause_is_the_last_such_day() -> None:
    text = "Russian troops shelled Kharkiv on Monday, local officials said."
    [event] = [e for e in extract(text).events if e.type is PloverType.ASSAULT]
    assert event.time is not None
    assert event.time.start == date(2022, 4, 4)


def test_a_side_reporting_its_own_strike_is_a_claim() -> None:
    text = "The Russian Defence Ministry said its forces destroyed an ammunition depot near Odesa."
    [event] = [e for e in extract(text).events if e.type is PloverType.ASSAULT]
    assert event.modality is Modality.CLAIMED
    assert event.self_reported


def test_a_forecast_is_not_a_deed() -> None:
    text = "Western officials said Russia may attack Odesa in the coming weeks."
    events = [e for e in extract(text).events if e.type is PloverType.ASSAULT]
    assert all(e.modality is not Modality.OCCURRED for e in events)


def test_a_withdrawal_pledge_is_broken_by_a_later_strike_in_scope() -> None:
    pledge_text = "The Kremlin said on Tuesday it would withdraw its troops from around Sumy."
    strike_text = "Russian forces shelled Sumy overnight, local officials said."
    said = extract(pledge_text, published=date(2022, 4, 6))
    done = extract(strike_text, published=date(2022, 4, 8))
    [pledge] = said.pledges
    assert pledge.kind is PledgeKind.DE_ESCALATION
    assert pledge.actor is not None
    assert pledge.actor.country == "RUS"
    assert pledge.made_on == date(2022, 4, 5)
    [verdict] = link([pledge], [*said.events, *done.events], {})
    assert verdict.label.value == "contradicted"
    assert verdict.evidence[0].reporter_side == "UKR"


def test_a_headline_passive_town_is_the_target_not_the_actor() -> None:
    text = "Kharkiv shelled overnight as talks resume\nThe talks will resume in Istanbul."
    [event] = [e for e in extract(text).events if e.type is PloverType.ASSAULT]
    assert "Kharkiv" in {p.name for p in event.places}
    assert event.actor is None or event.actor.country != "UKR"


def test_those_who_report_a_deed_are_not_its_doers() -> None:
    text = "Local officials in the Kyiv region reported heavy shelling around Irpin on Monday."
    events = [e for e in extract(text).events if e.type is PloverType.ASSAULT]
    assert events
    assert all(e.actor is None or e.actor.country != "UKR" for e in events)


def test_the_city_means_the_town_named_before_and_clock_zones_are_no_places() -> None:
    text = (
        "Russia announced a ceasefire in Mariupol from 10 a.m. Moscow time on Saturday.\n"
        "Local officials said Russian forces kept shelling the city all afternoon.\n"
    )
    extraction = extract(text)
    [truce] = [p for p in extraction.pledges if p.kind is PledgeKind.CEASEFIRE]
    assert {p.name for p in truce.scope_places} == {"Mariupol"}
    [shelling] = [e for e in extraction.events if e.type is PloverType.ASSAULT]
    assert [p.name for p in shelling.places] == ["Mariupol"]


def test_an_official_channel_own_voice_is_its_party_claim() -> None:
    text = "Russian forces destroyed an ammunition depot near Kharkiv on Tuesday."
    article = Article(
        content_hash(text),
        text,
        "test",
        published=PUBLISHED,
        url="http://en.kremlin.ru/events/president/news/1",
    )
    [event] = extract_records(load_pipeline()(text), article).events
    assert event.reported_by is not None
    assert event.reported_by.country == "RUS"
    assert event.self_reported
    assert event.modality is Modality.CLAIMED
    [independent] = extract(text).events
    assert independent.reported_by is None
    assert independent.modality is Modality.OCCURRED


def test_a_truce_read_twice_for_one_side_is_one_pledge_with_the_places_of_both() -> None:
    text = "Russia announced a ceasefire in Volnovakha and Sumy on Saturday."
    [truce] = [p for p in extract(text).pledges if p.kind is PledgeKind.CEASEFIRE]
    assert truce.actor is not None
    assert len(truce.scope_places) == 2
    # the general extractor's reading of the same sentence, which found one town only
    general = replace(truce, id="general", scope_places=truce.scope_places[:1])
    [merged] = with_truces([general], [truce])
    assert merged.id == "general"
    assert [p.name for p in merged.scope_places] == [p.name for p in truce.scope_places]
    # the truce reader's reading for another side stays a pledge of its own
    ukraine = replace(truce.actor, name="Ukraine", country="UKR")
    other_side = replace(truce, event=replace(truce.event, actor=ukraine))
    assert len(with_truces([general], [other_side])) == 2
