"""Places read from parsed text: metonyms kept out, attachments and neighbours heeded."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from saydo.domain import Article, Place, content_hash
from saydo.extract.context import build_context
from saydo.extract.places import places_in
from saydo.nlp.pipeline import load_pipeline


def _places(text: str) -> tuple[Doc, tuple[Place, ...]]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return doc, places_in(doc, build_context(doc, article))


def test_a_capital_that_speaks_is_an_actor_not_a_place() -> None:
    _, places = _places("Moscow said its forces shelled Mariupol, Donetsk region, overnight.")
    names = [p.text for p in places]
    assert "Moscow" not in names
    (mariupol,) = [p for p in places if p.name == "Mariupol"]
    assert mariupol.country == "UKR"


def test_towns_named_together_resolve_into_one_state() -> None:
    # Alone, "Palestine" is the country; with a Texas county named beside it, the town.
    text = "Storms flooded roads in Tyler and Palestine, and a bridge in Anderson County closed."
    _, places = _places(text)
    by_name = {p.text: p for p in places}
    assert {"Tyler", "Palestine", "Anderson County"} <= set(by_name)
    assert {(p.country, p.admin1) for p in by_name.values()} == {("USA", "TX")}


def test_an_unknown_place_is_kept_unresolved_not_dropped() -> None:
    _, places = _places("Troops shelled Qwzxgrad and Kharkiv on Monday.")
    by_text = {p.text: p for p in places}
    assert by_text["Kharkiv"].resolved
    if "Qwzxgrad" in by_text:  # the model may not take an unheard-of word for a place
        assert not by_text["Qwzxgrad"].resolved


# -- war news: lists of regions, settlements, holidays -------------------------------------


def test_each_name_of_a_list_of_regions_is_a_region() -> None:
    _, places = _places("Rockets hit Sumy, Donetsk and Kharkiv regions on Monday.")
    by_text = {p.text: p for p in places}
    assert {"Sumy", "Donetsk", "Kharkiv"} <= set(by_text)
    for text in ("Sumy", "Donetsk", "Kharkiv"):
        assert by_text[text].kind == "region", by_text[text]
        assert by_text[text].country == "UKR"


def test_the_two_regions_named_before_regions_are_both_regions() -> None:
    _, places = _places("Fighting went on in the Kharkiv and Luhansk regions.")
    kinds = {p.text: p.kind for p in places}
    assert kinds.get("Kharkiv") == "region"
    assert kinds.get("Luhansk") == "region"


def test_a_city_outside_a_list_of_regions_stays_a_city() -> None:
    _, places = _places("Shells fell on Kharkiv; the Donetsk and Luhansk regions were quiet.")
    kinds = {p.text: p.kind for p in places}
    assert kinds.get("Kharkiv") == "city"
    assert kinds.get("Donetsk") == "region"


@pytest.mark.parametrize("text", ["Kyiv region", "Kyiv Oblast"])
def test_kyiv_region_is_the_oblast(text: str) -> None:
    _, places = _places(f"Shelling was reported in {text} overnight.")
    (place,) = [p for p in places if p.text.endswith(text)]
    assert place.kind == "region"
    assert place.admin1 == "Kyiv Oblast"


def test_the_town_of_a_name_is_the_town() -> None:
    _, places = _places("Troops left the town of Donetsk and the city of Kharkiv.")
    kinds = {p.text: p.kind for p in places}
    assert kinds.get("Donetsk") == "city"
    assert kinds.get("Kharkiv") == "city"


def test_easter_is_not_a_place() -> None:
    _, places = _places("Moscow declared an Easter truce, but shelling continued near Izium.")
    names = {p.name for p in places} | {p.text for p in places}
    assert not {"East", "Easter"} & names
    assert any(p.name == "Izium" for p in places)


def test_a_country_after_city_of_stays_the_country() -> None:
    _, places = _places("Mykolaiv was named a hero city of Ukraine on Thursday.")
    kinds = {p.text: p.kind for p in places}
    assert kinds.get("Ukraine") == "country"


def test_towns_owned_by_a_regions_name_lie_in_the_region() -> None:
    _, places = _places("Buses took 300 people out of the Donetsk towns on Monday.")
    [donetsk] = places
    assert donetsk.kind == "region"
    assert donetsk.admin1 == "Donetsk Oblast"


def _antecedent_of(text: str, noun: str) -> list[str]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    [town] = [t for t in doc if t.lower_ == noun]
    return [p.name for p in places_in([town], build_context(doc, article))]


def test_the_town_after_a_regional_body_is_the_town_named_before_not_the_region() -> None:
    text = (
        "Corridor to open from Vasylivka: Zaporizhzhia regional authorities said buses "
        "would go to the town on Friday."
    )
    assert _antecedent_of(text, "town") == ["Vasylivka"]


def test_the_city_after_a_governor_with_no_other_town_is_the_seat_of_his_region() -> None:
    text = "Chernihiv governor Viacheslav Chaus: the city was shelled all night."
    assert _antecedent_of(text, "city") == ["Chernihiv"]


def test_a_buildings_name_shared_by_a_town_abroad_is_no_place_of_the_story() -> None:
    text = "Residents of Mariupol gathered at the Port City mall and at the Drama theatre."
    _, places = _places(text)
    assert [p.name for p in places if p.resolved] == ["Mariupol"]


def test_the_city_of_a_governor_whose_seat_was_moved_in_2014_is_the_new_seat() -> None:
    text = "Luhansk governor Serhiy Haidai: the city was shelled all night."
    assert _antecedent_of(text, "city") == ["Sievierodonetsk"]
