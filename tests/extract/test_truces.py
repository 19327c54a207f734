"""Announced local truces, on sentences written by the team."""

from __future__ import annotations

from datetime import date
from typing import Any

from saydo.domain import Article, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.link import link
from saydo.nlp.pipeline import load_pipeline


def extract(text: str, published: date) -> tuple[Article, list[Any]]:
    article = Article(content_hash(text), text, "test", published=published)
    extraction = extract_records(load_pipeline()(text), article)
    return article, [*extraction.pledges, *extraction.events]


def test_an_announced_corridor_is_a_truce_pledge_with_its_route_and_window() -> None:
    text = (
        "Russia's Defence Ministry announced a ceasefire from 9 a.m. on Saturday to let "
        "civilians leave Volnovakha and Sumy along agreed routes.\n"
    )
    _, records = extract(text, date(2022, 3, 7))
    [truce] = [r for r in records if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]
    assert truce.actor is not None
    assert truce.actor.country == "RUS"
    assert {"Volnovakha", "Sumy"} <= {p.name for p in truce.scope_places}
    assert truce.made_on == date(2022, 3, 5)
    assert truce.window_end is not None
    assert truce.window_end >= truce.made_on


def test_shelling_in_scope_during_the_truce_breaks_it_whoever_fires() -> None:
    announced = "Russia announced a ceasefire in Volnovakha on Saturday to allow an evacuation."
    broken = "Shelling hit Volnovakha on Saturday afternoon, local officials said."
    first, said = extract(announced, date(2022, 3, 5))
    second, done = extract(broken, date(2022, 3, 6))
    truces = [r for r in said if getattr(r, "kind", None) is PledgeKind.CEASEFIRE]
    assert truces
    events = [r for r in [*said, *done] if not hasattr(r, "kind")]
    [verdict] = link(truces, events, {first.id: first, second.id: second})
    assert verdict.label.value == "contradicted"
