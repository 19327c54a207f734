"""Batched writes: one transaction for many articles; the unjudged-pledge check."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from saydo.domain import IngestFailure, VerdictLabel
from saydo.store import Store, schema

from . import samples


def _ids(n: int) -> list[str]:
    return [f"{k:016x}" for k in range(1, n + 1)]


def test_add_many_stores_each_new_article_once(store: Store) -> None:
    items = [(samples.article(i), samples.extraction(i, tag=i[-2:])) for i in _ids(3)]
    assert store.add_many(items[:2]) == [True, True]
    assert store.add_many(items) == [False, False, True]
    assert store.known_article_ids() == {a.id for a, _ in items}
    assert len(store.events()) == sum(len(x.events) for _, x in items)


def test_a_failing_batch_leaves_none_of_its_articles(store: Store) -> None:
    good = (samples.article(_ids(1)[0]), samples.extraction(_ids(1)[0], tag="g"))
    wrong = (samples.article(_ids(2)[1]), samples.extraction(_ids(1)[0], tag="w"))
    with pytest.raises(ValueError, match="extraction is for article"):
        store.add_many([good, wrong])
    assert store.known_article_ids() == set()
    assert store.add_many([good]) == [True]


def test_a_batch_writes_failures_and_signatures_with_its_articles(store: Store) -> None:
    article_id = _ids(1)[0]
    with store.batch() as batch:
        batch.add_signature(article_id, (1, 2, 3), ("0:aa", "1:bb"), None)
        batch.record_failure(IngestFailure("x.txt", "empty", "E001"))
        assert batch.add(samples.article(article_id), samples.extraction(article_id))
    assert store.find_similar(("1:bb",)) == [article_id]
    assert [f.source for f, _ in store.failures()] == ["x.txt"]
    assert store.has_article(article_id)


def test_unjudged_pledges_are_found_until_every_one_is_judged_or_a_mention(
    store: Store,
) -> None:
    article_id = _ids(1)[0]
    assert not store.has_unjudged_pledges()
    store.add(samples.article(article_id), samples.extraction(article_id))
    first, second = (p.id for p in store.pledges())
    assert store.has_unjudged_pledges()
    store.save_verdicts([samples.verdict(first, VerdictLabel.KEPT)])
    assert store.has_unjudged_pledges()
    folded = replace(samples.verdict(first, VerdictLabel.KEPT), mentions=(second,))
    store.save_verdicts([folded])
    assert not store.has_unjudged_pledges()
    with store.engine.begin() as conn:
        conn.execute(sa.delete(schema.verdicts))
    assert store.has_unjudged_pledges()
