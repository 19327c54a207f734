"""Records streamed in keyset pages read like the whole tables; metadata without text."""

from __future__ import annotations

import pytest

from saydo.store import Store
from saydo.store import store as store_module

from . import samples


def _fill(store: Store, n: int) -> list[str]:
    ids = [f"{k:016x}" for k in range(1, n + 1)]
    store.add_many([(samples.article(i), samples.extraction(i, tag=i[-2:])) for i in ids])
    return ids


def test_streams_cross_page_boundaries_in_table_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(store, 3)
    monkeypatch.setattr(store_module, "_STREAM_PAGE", 2)
    assert list(store.iter_events()) == store.events()
    assert list(store.iter_statements()) == store.statements()
    assert list(store.iter_pledges()) == store.pledges()
    assert len(store.events()) > 2


def test_metadata_reads_leave_the_text_out(store: Store) -> None:
    ids = _fill(store, 2)
    full = {a.id: a for a in store.articles()}
    bare = store.articles_by_id([*ids, "ffffffffffffffff"])
    assert set(bare) == set(ids)
    for article_id, article in bare.items():
        assert full[article_id].text
        assert article.text == ""
        assert article.title == full[article_id].title
        assert article.published == full[article_id].published
    assert [a.id for a in store.articles(with_text=False)] == list(full)
    assert all(a.text == "" for a in store.articles(with_text=False))
