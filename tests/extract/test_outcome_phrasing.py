"""Truce outcomes told in phrasings the readers first missed: a vehicle leaving with
people aboard and no place named, a convoy held by those who stop it, a corridor one
side is said not to have used."""

from __future__ import annotations

import pytest

from saydo.domain import Article, Event, PloverType, content_hash
from saydo.extract.article import extract_records
from saydo.extract.outcome_lexical import lexical_readings
from saydo.extract.outcome_words import Outcome
from saydo.nlp.pipeline import load_pipeline


def outcomes_of(text: str) -> set[Outcome]:
    doc = load_pipeline()(text)
    return {reading.outcome for sent in doc.sents for reading in lexical_readings(sent)}


def events_of(text: str) -> list[Event]:
    article = Article(id=content_hash(text), text=text, source="test")
    return list(extract_records(load_pipeline()(text), article).events)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The governor said the train departed on time with 400 passengers on board.", "kept"),
        ("The three buses left at noon carrying families and their pets.", "kept"),
        ("Soldiers held the convoy at a roadblock for six hours, the mayor said.", "blocked"),
        ("The ministry said the Ukrainian side did not use the corridor.", "blocked"),
    ],
)
def test_a_missed_phrasing_is_read(text: str, wanted: str) -> None:
    assert Outcome(wanted) in outcomes_of(text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a vehicle leaving with no one said to be aboard, or still to leave
        ("The train departed on time with its cargo of grain.", "kept"),
        ("The train will depart with 400 passengers on board on Friday.", "kept"),
        # holding what is no convoy
        ("The mayor held talks with the convoy's organisers.", "blocked"),
        # a corridor used, or still to be
        ("The ministry said civilians would not use the corridor until Friday.", "blocked"),
    ],
)
def test_a_near_phrasing_is_not_read(text: str, unwanted: str) -> None:
    assert Outcome(unwanted) not in outcomes_of(text)


def test_a_corridor_not_used_is_laid_on_the_side_said_not_to_use_it() -> None:
    text = "The Russian Defence Ministry said the Ukrainian side did not use the corridor."
    stops = [e for e in events_of(text) if e.type is PloverType.COERCE]
    assert stops
    assert {e.actor.country for e in stops if e.actor} == {"UKR"}
    assert {e.reported_by.country for e in stops if e.reported_by} == {"RUS"}
