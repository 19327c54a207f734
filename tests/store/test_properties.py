"""Hypothesis: any records go into the store and come back out unchanged."""

from __future__ import annotations

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.domain import Article, Extraction, IngestFailure, Verdict
from saydo.store import Store, schema

from .strategies import SQL_SAFE

# One database per test, emptied per example: the fixtures are function-scoped on
# purpose, and a database per example would be slow on PostgreSQL.
_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _wipe(store: Store) -> None:
    with store.engine.begin() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            conn.execute(table.delete())


@_SETTINGS
@given(pair=SQL_SAFE.article_with_extraction())
def test_article_and_extraction_round_trip(db_url: str, pair: tuple[Article, Extraction]) -> None:
    article, extraction = pair
    with Store.open(db_url) as store:
        _wipe(store)
        assert store.add(article, extraction)
    with Store.open(db_url) as store:  # a reopened store reads what was committed
        assert store.article(article.id) == article
        assert list(store.articles()) == [article]
        assert store.extraction(article.id) == extraction
        assert store.resolve_id(article.id) == article.id


@_SETTINGS
@given(
    verdicts=st.lists(SQL_SAFE.record(Verdict), max_size=4, unique_by=lambda v: v.pledge_id),
    failure=SQL_SAFE.record(IngestFailure),
)
def test_verdicts_and_failures_round_trip(
    db_url: str, verdicts: list[Verdict], failure: IngestFailure
) -> None:
    with Store.open(db_url) as store:
        _wipe(store)
        store.save_verdicts(verdicts)
        store.record_failure(failure)
        store.record_failure(failure)

        # Ordered by the database's collation, which differs between backends.
        assert sorted(store.verdicts(), key=_pledge_id) == sorted(verdicts, key=_pledge_id)
        assert [f for f, _ in store.failures()] == [failure]
        for verdict in verdicts:
            assert len(store.verdict_history(verdict.pledge_id)) == 1
        with store.engine.connect() as conn:
            history = conn.scalar(sa.select(sa.func.count()).select_from(schema.verdict_history))
        assert history == len(verdicts)


def _pledge_id(verdict: Verdict) -> str:
    return verdict.pledge_id
