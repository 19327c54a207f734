"""Store: round trips, idempotent adds, reprocessing, failures, verdicts, ids."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from saydo.domain import Article, Extraction, IngestFailure, VerdictLabel
from saydo.errors import SaydoError
from saydo.store import Store, schema
from saydo.store import store as store_module

from . import samples


def _add_sample(store: Store, article_id: str = "a1b2c3d4e5f60718", tag: str = "") -> None:
    assert store.add(samples.article(article_id), samples.extraction(article_id, tag))


def _row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t.name: conn.scalar(sa.select(sa.func.count()).select_from(t)) or 0
            for t in schema.metadata.sorted_tables
        }


def test_add_and_reopen_round_trip(db_url: str) -> None:
    article, extraction = samples.article(), samples.extraction()
    with Store.open(db_url) as store:
        assert store.add(article, extraction) is True
    with Store.open(db_url) as store:
        assert store.has_article(article.id)
        assert not store.has_article("nope")
        assert store.known_article_ids() == {article.id}
        assert store.article_count() == 1
        assert store.article(article.id) == article
        assert list(store.articles()) == [article]
        assert store.extraction(article.id) == extraction
        assert store.statements() == list(extraction.statements)
        assert store.events(article.id) == list(extraction.events)
        assert store.pledges(article.id) == list(extraction.pledges)


def test_unknown_records_are_absent(store: Store) -> None:
    assert store.article("nope") is None
    assert store.events("nope") == []
    with pytest.raises(SaydoError, match="E013"):
        store.extraction("nope")


def test_re_adding_is_a_no_op(store: Store) -> None:
    _add_sample(store)
    before = _row_counts(store)
    other = samples.extraction(tag="x")
    assert store.add(samples.article(title="changed"), other) is False
    assert _row_counts(store) == before
    assert store.article_count() == 1
    assert store.extraction(samples.article().id) == samples.extraction()
    assert store.article(samples.article().id) == samples.article()


def test_add_refuses_an_extraction_of_another_article(store: Store) -> None:
    with pytest.raises(ValueError, match="not 'a1b2c3d4e5f60718'"):
        store.add(samples.article(), samples.extraction("other"))
    assert store.article_count() == 0


def test_a_failed_add_leaves_nothing(store: Store) -> None:
    # A duplicate id fails on the last insert, after the article row went in.
    extraction = samples.extraction()
    broken = Extraction(
        extraction.article_id,
        extraction.statements,
        extraction.events,
        extraction.pledges + extraction.pledges[:1],
    )
    with pytest.raises(IntegrityError):
        store.add(samples.article(), broken)
    assert set(_row_counts(store).values()) == {0}
    assert store.add(samples.article(), extraction)


def test_record_ids_collide_across_articles(store: Store) -> None:
    # Ids are content hashes that include the article; a clash means a pipeline bug,
    # which must surface rather than overwrite another article's record.
    _add_sample(store, "article-1")
    with pytest.raises(IntegrityError):
        store.add(samples.article("article-2"), samples.extraction("article-2"))
    assert store.known_article_ids() == {"article-1"}


def test_replace_extraction(store: Store) -> None:
    _add_sample(store, "article-1", tag="a")
    _add_sample(store, "article-2", tag="b")
    verdict = samples.verdict("pl_a01", VerdictLabel.PENDING)
    store.save_verdicts([verdict])
    new = samples.extraction("article-1", tag="new")
    new = Extraction(new.article_id, new.statements[:1], new.events[1:], (), pipeline="v2")

    store.replace_extraction(new)

    assert store.extraction("article-1") == new
    assert store.pledges("article-1") == []
    assert store.extraction("article-2") == samples.extraction("article-2", tag="b")
    assert store.article_count() == 2
    assert store.verdicts() == [verdict]  # verdicts outlive reprocessing


def test_replace_extraction_of_unknown_article(store: Store) -> None:
    with pytest.raises(SaydoError, match="E013"):
        store.replace_extraction(samples.extraction("nope"))


def test_failures_are_recorded_once(store: Store) -> None:
    store.record_failure(IngestFailure("bad.bin", "the input looks binary", "E002"))
    store.record_failure(IngestFailure("bad.bin", "the input looks binary (again)", "E002"))
    store.record_failure(IngestFailure("bad.bin", "too large", "E007"))
    store.record_failure(IngestFailure("other'; --", "empty", "E001"))

    failures = store.failures()

    # Oldest first; a repeat updates the reason and time of the row it repeats.
    assert [f for f, _ in failures] == [
        IngestFailure("bad.bin", "the input looks binary (again)", "E002"),
        IngestFailure("bad.bin", "too large", "E007"),
        IngestFailure("other'; --", "empty", "E001"),
    ]
    times = [at for _, at in failures]
    assert times == sorted(times)
    assert all(at.utcoffset() == timedelta(0) for at in times)


def test_verdict_history_appends_only_on_change(store: Store) -> None:
    pending = samples.verdict("pl_01", VerdictLabel.PENDING, "no evidence yet")
    store.save_verdicts([pending], trigger_article_id="a1")
    store.save_verdicts([pending], trigger_article_id="a2")
    reworded = samples.verdict("pl_01", VerdictLabel.PENDING, "still no evidence")
    store.save_verdicts([reworded], trigger_article_id="a3")
    assert store.verdicts() == [reworded]
    assert [h["label"] for h in store.verdict_history("pl_01")] == [VerdictLabel.PENDING]

    broken = samples.verdict("pl_01", VerdictLabel.CONTRADICTED, "Kyiv was shelled")
    store.save_verdicts([broken, samples.verdict("pl_02", VerdictLabel.KEPT)], "a4")

    history = store.verdict_history("pl_01")
    assert [(h["previous_label"], h["label"], h["trigger_article_id"]) for h in history] == [
        (None, VerdictLabel.PENDING, "a1"),
        (VerdictLabel.PENDING, VerdictLabel.CONTRADICTED, "a4"),
    ]
    assert history[1]["reason"] == "Kyiv was shelled"
    assert history[0]["changed_at"] <= history[1]["changed_at"]
    assert history[0]["changed_at"].tzinfo is not None
    assert store.verdicts() == [broken, samples.verdict("pl_02", VerdictLabel.KEPT)]
    assert store.verdict_history("unknown") == []


def test_resolve_id(store: Store) -> None:
    _add_sample(store, "a1b2c3d4e5f60718", tag="x")
    _add_sample(store, "a1b2ffff00000000", tag="y")
    assert store.resolve_id("a1b2c") == "a1b2c3d4e5f60718"
    assert store.resolve_id("a1b2ffff00000000") == "a1b2ffff00000000"
    assert store.resolve_id("a1b2") is None  # ambiguous
    assert store.resolve_id("pl_x02") == "pl_x02"
    assert store.resolve_id("ev_y0") is None  # ev_y01, ev_y02, ev_y03
    assert store.resolve_id("st_y03") == "st_y03"
    assert store.resolve_id("PL_X02") is None  # ids are case-sensitive everywhere
    assert store.resolve_id("%") is None  # no wildcards
    assert store.resolve_id("_") is None
    assert store.resolve_id("") is None
    assert store.resolve_id("zzz") is None


def test_articles_are_paged(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_PAGE", 3)
    ids = [f"article-{i:02}" for i in range(7)]
    for i, article_id in enumerate(ids):
        assert store.add(Article(article_id, f"text {i}", "src"), Extraction(article_id))
    assert [a.id for a in store.articles()] == ids


def test_filter_columns(store: Store) -> None:
    _add_sample(store)
    events = schema.events
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(events).where(events.c.id == "ev_01")).one()
        shelling = conn.execute(sa.select(events).where(events.c.id == "ev_02")).one()
        pledge = conn.execute(sa.select(schema.pledges).where(schema.pledges.c.id == "pl_01")).one()
        statement = conn.execute(
            sa.select(schema.statements).where(schema.statements.c.id == "st_01")
        ).one()
    assert (row.type, row.actor_country, row.recipient_country) == ("RETREAT", "RUS", "UKR")
    assert (row.modality, row.reporter_side, row.event_date) == (
        "intended",
        "RUS",
        date(2022, 3, 29),
    )
    assert (row.lat, row.lon, row.statement_id) == (51.5, 31.3, "st_01")
    assert (shelling.lat, shelling.lon) == (51.5, 31.3)  # Kyiv is unresolved there
    assert (pledge.kind, pledge.actor_country, pledge.made_on) == (
        "de-escalation",
        "RUS",
        date(2022, 3, 29),
    )
    assert (statement.speaker_name, statement.start, statement.end_) == (
        "Russian Defence Ministry",
        20,
        38,
    )


def test_sqlite_pragmas(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_concurrent_adds_store_an_article_once(store: Store) -> None:
    # Writers are serialised (BEGIN IMMEDIATE / an advisory lock), so the existence
    # check in add() cannot race: exactly one of the threads stores the article.
    def add(_: int) -> bool:
        return store.add(samples.article(), samples.extraction())

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(add, range(12)))

    assert results.count(True) == 1
    assert store.extraction(samples.article().id) == samples.extraction()


def test_storage_does_not_import_spacy() -> None:
    # In a fresh interpreter: this session may have loaded spaCy for other tests.
    code = "import sys, saydo.store, saydo.codec; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_prune_drops_the_verdicts_of_pledges_gone_and_keeps_their_history(store: Store) -> None:
    kept = samples.verdict("pl_kept", VerdictLabel.PENDING)
    gone = samples.verdict("pl_gone", VerdictLabel.KEPT)
    store.save_verdicts([kept, gone])
    assert store.prune_verdicts(["pl_kept", "pl_never_judged"]) == 1
    assert store.verdicts() == [kept]
    assert store.verdict_history("pl_gone")  # what the ledger once said is not rewritten
    assert store.prune_verdicts(["pl_kept"]) == 0
