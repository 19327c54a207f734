"""Places read from parsed text: metonyms kept out, attachments and neighbours heeded."""

from __future__ import annotations

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
