"""Reading a pledge's neighbourhood through remembered answers gives the store's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.link import event_date
from saydo.merge import pledge_groups
from saydo.neighbourhood import Neighbourhood, link_group
from saydo.runner import ingest
from saydo.store import Store
from saydo.store.scope import IncidentKey

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("neighbourhood") / "ex.db"
    with Store.open(str(path)) as opened:
        ingest([EXAMPLES], opened)
        yield opened


def _keys(store: Store) -> list[IncidentKey]:
    published = {aid: m.published for aid, m in store.article_meta().items()}
    keys = set()
    for e in store.events():
        day = event_date(e, published.get(e.provenance.article_id))
        if day is not None:
            keys.add((e.type.value, e.actor.country if e.actor else None, day))
    return sorted(keys, key=lambda k: (k[0], k[1] or "", k[2]))


def test_verdicts_read_through_one_neighbourhood_match_fresh_reads(store: Store) -> None:
    groups = pledge_groups(store.pledges())
    assert len(groups) > 3
    shared = Neighbourhood(store)
    remembered = [v for g in groups for v in link_group(shared, g)]
    fresh = [v for g in groups for v in link_group(Neighbourhood(store, size=1), g)]
    assert remembered == fresh
    assert any(v.evidence for v in remembered)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), size=st.integers(min_value=1, max_value=6))
def test_remembered_answers_are_the_stores_answers(
    store: Store, data: st.DataObject, size: int
) -> None:
    keys, articles = _keys(store), sorted(store.article_meta())
    reads = Neighbourhood(store, size=size)
    for _ in range(4):
        asked = data.draw(st.lists(st.sampled_from(keys), max_size=5))
        assert reads.with_keys(asked) == store.events_with_keys(asked)
        named = data.draw(st.lists(st.sampled_from(articles), max_size=5))
        assert reads.of_articles(named) == store.events_of_articles(named)
