"""The entity layer on war news: routes, GeoNames towns, "the village of", holidays."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from saydo.nlp.entities import WAR_TOWN_MINIMUM
from saydo.nlp.pipeline import load_pipeline
from saydo.resolve.places import PlaceEntry, default_gazetteer

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _places(doc: Doc) -> dict[str, Span]:
    return {e.text: e for e in doc.ents if e.label_ in PLACE_LABELS}


@pytest.fixture(scope="module")
def small_town() -> PlaceEntry:
    """A Ukrainian town of GeoNames that the curated table lacks, with a plain name."""
    towns = default_gazetteer().populated_places({"UA": WAR_TOWN_MINIMUM["UA"]})
    plain = [t for t in towns if t.name.isalpha() and t.name.istitle() and len(t.name) > 6]
    return plain[len(plain) // 2]


@pytest.mark.parametrize(
    "text",
    [
        "Buses carried civilians from Kherson to Mykolaiv on Tuesday.",
        "Officials agreed a corridor from Chernihiv for Kyiv on Friday.",
        "A convoy went from Mariupol via Berdiansk to Zaporizhzhia.",
    ],
)
def test_every_town_of_a_route_is_a_place(nlp: Language, text: str) -> None:
    doc = nlp(text)
    places = _places(doc)
    named = [w for w in text.rstrip(".").split() if w in {"Kherson", "Mykolaiv", "Chernihiv"}]
    named += [w for w in ("Kyiv", "Mariupol", "Berdiansk", "Zaporizhzhia") if w in text]
    for name in named:
        assert name in places, [(e.text, e.label_) for e in doc.ents]
        assert places[name].ent_id_.startswith("place:")


def test_a_small_ukrainian_town_is_a_place(nlp: Language, small_town: PlaceEntry) -> None:
    doc = nlp(f"Artillery hit {small_town.name} and nearby farms overnight.")
    places = _places(doc)
    assert small_town.name in places
    assert places[small_town.name].ent_id_.startswith("place:")


def test_the_name_after_the_village_of_is_a_place(nlp: Language, small_town: PlaceEntry) -> None:
    doc = nlp(f"Troops entered the village of {small_town.name} on Sunday.")
    assert small_town.name in _places(doc)


def test_outlets_and_factories_named_for_a_city_stay_organisations(nlp: Language) -> None:
    doc = nlp("The Kyiv Independent said a shell hit the Kharkiv Tractor Plant.")
    labels = {e.text.removeprefix("The ").removeprefix("the "): e.label_ for e in doc.ents}
    assert labels.get("Kyiv Independent") == "ORG"
    assert "Kharkiv" not in _places(doc)
    assert "Kyiv" not in _places(doc)


def test_a_writer_named_like_a_town_stays_a_person(nlp: Language) -> None:
    doc = nlp("Students read Alexander Pushkin in Moscow.")
    assert "Pushkin" not in _places(doc)
    assert "Moscow" in _places(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow announced an Easter truce, but the shelling went on.",
        "Both sides spoke of a pause for Easter and for Ramadan.",
    ],
)
def test_holidays_are_not_places(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert not {"Easter", "Ramadan", "East"} & set(_places(doc))


def test_a_town_that_is_one_word_of_a_longer_name_is_not_matched(
    nlp: Language, small_town: PlaceEntry
) -> None:
    doc = nlp(f"Visitors laid flowers at the {small_town.name} Yar Memorial on Monday.")
    assert small_town.name not in _places(doc)
