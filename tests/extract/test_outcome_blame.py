"""Charges laid for a truce's day: the accused is the actor, the accuser the teller."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.domain import Article, PloverType, content_hash
from saydo.extract.article import extract_records
from saydo.extract.outcome_blame import charges
from saydo.extract.outcome_words import Outcome
from saydo.nlp.pipeline import load_pipeline


def charged(text: str) -> list[tuple[str, Outcome]]:
    doc = load_pipeline()(text)
    return [(c.accused.text, c.outcome) for sent in doc.sents for c in charges(sent)]


@pytest.mark.parametrize(
    ("text", "accused", "outcome"),
    [
        ("Kyiv accused Moscow of shelling the evacuation route near Sumy.", "Moscow", "fired"),
        (
            "The ministry blamed Ukrainian nationalists for blocking the corridor.",
            "nationalists",
            "blocked",
        ),
        ("Officials blamed the collapse of the evacuation on Russia.", "Russia", "blocked"),
    ],
)
def test_charges_name_the_accused(text: str, accused: str, outcome: str) -> None:
    assert charged(text) == [(accused, Outcome(outcome))]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine did not blame anyone for the delay of the convoy.",
        # a charge of no obstruction, in no report of a truce's day
        "Russia accused Ukraine of staging provocations.",
        # a charge to come is not laid
        "Moscow will accuse Kyiv of wrecking the talks.",
    ],
)
def test_no_charge(text: str) -> None:
    assert charged(text) == []


def test_charge_event_is_the_accused_told_by_the_adversary() -> None:
    """ "the ministry said ..., accusing Kyiv": an accuser of no side named is the
    accused's adversary, and the accused is the charge's actor."""
    text = (
        "Russian forces shelled Sumy. Nobody left the city through the corridor, the "
        "ministry said, accusing Kyiv of holding residents as a human shield."
    )
    article = Article(content_hash(text), text, "test", published=date(2022, 3, 9))
    events = extract_records(load_pipeline()(text), article).events
    charges_ = [e for e in events if e.trigger == "accusing" and e.type is PloverType.COERCE]
    assert charges_, [(e.type, e.trigger) for e in events]
    charge = charges_[0]
    assert charge.actor is not None
    assert charge.actor.country == "UKR"
    assert charge.reported_by is not None
    assert charge.reported_by.country == "RUS"
    assert "Kyiv" not in {p.name for p in charge.places}


def test_men_named_by_a_framing_noun_are_of_the_towns_they_fight_in() -> None:
    """ "Nationalists prevented civilians from leaving Mariupol", says Moscow: the men
    so named are Ukrainian, not of the one country the story names."""
    text = (
        "Nationalists prevented civilians from leaving Mariupol through the corridor, "
        "the Russian Defence Ministry said."
    )
    article = Article(content_hash(text), text, "test", published=date(2022, 3, 9))
    events = extract_records(load_pipeline()(text), article).events
    blocked = [e for e in events if e.type is PloverType.COERCE]
    assert blocked
    assert all((e.actor.country if e.actor else None) == "UKR" for e in blocked)
    assert all(e.reporter_side == "RUS" for e in blocked)


def test_an_unnamed_ministry_telling_of_a_breach_speaks_for_the_other_side() -> None:
    """ "..., the ministry said": a ministry is a party's voice, not a third party's; it
    tells of a breach by the side it is not on."""
    text = "The evacuation convoy was stopped near Mariupol by radicals, the ministry said."
    article = Article(content_hash(text), text, "test", published=date(2022, 3, 9))
    events = extract_records(load_pipeline()(text), article).events
    blocked = [e for e in events if e.type is PloverType.COERCE]
    assert [(e.actor.country if e.actor else None) for e in blocked] == ["UKR"]
    assert [e.reporter_side for e in blocked] == ["RUS"]


def test_sides_accusing_each_other_are_two_charges_each_against_the_other() -> None:
    text = (
        "Russian shelling hit Polohy overnight. Both sides accused each other of breaking "
        "the truce around Polohy."
    )
    article = Article(content_hash(text), text, "test", published=date(2022, 3, 9))
    events = extract_records(load_pipeline()(text), article).events
    laid = {
        (e.reporter_side, e.actor.country if e.actor else None)
        for e in events
        if e.trigger == "accused" and e.type in {PloverType.ASSAULT, PloverType.COERCE}
    }
    assert laid == {("UKR", "RUS"), ("RUS", "UKR")}
