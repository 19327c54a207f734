"""Reprocessing from the parse cache gives what ingesting gave, without parsing again."""

from __future__ import annotations

from pathlib import Path

from snapshots import snapshot

from saydo.runner import ingest, reprocess
from saydo.settings import Settings
from saydo.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_reprocess_reads_the_cache_and_reproduces_the_records(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    settings = Settings(db=db)
    with Store.open(db) as store:
        ingest([EXAMPLES], store, settings=settings)
    before = snapshot(db)
    assert Path(f"{db}.parses").exists()
    with Store.open(db) as store:
        report = reprocess(store, settings)
    assert (report.articles, report.from_cache, report.parsed) == (12, 12, 0)
    assert snapshot(db) == before


def test_reprocess_without_a_cache_parses_what_is_missing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        ingest([EXAMPLES], store, settings=Settings(db=db, parse_cache=False))
        report = reprocess(store, Settings(db=db))
    assert (report.from_cache, report.parsed) == (0, 12)


def test_the_entity_layer_runs_again_only_on_parses_it_has_changed_since(tmp_path: Path) -> None:
    from saydo.nlp.cache import ParseCache, doc_to_bytes
    from saydo.nlp.pipeline import entity_layer_fingerprint, load_pipeline
    from saydo.runner import ReprocessReport, _cached_or_parsed, _reextract

    db = str(tmp_path / "s.db")
    settings = Settings(db=db)
    with Store.open(db) as store:
        ingest([EXAMPLES], store, settings=settings)
        articles = list(store.articles())[:2]
    nlp = load_pipeline(settings.model)
    with ParseCache(Path(f"{db}.parses"), settings.model) as cache:
        assert {e for _, e in cache.get_many([a.id for a in articles], nlp).values()} == {
            entity_layer_fingerprint()
        }
        # Both parses lose their entities; one is marked as set by another entity layer.
        for article, stamp in zip(articles, ["stale", entity_layer_fingerprint()], strict=True):
            doc = cache.get_many([article.id], nlp)[article.id][0]
            doc.ents = []
            cache.put_many([(article.id, doc_to_bytes(doc))], stamp)
        docs, current = _cached_or_parsed(articles, nlp, cache, ReprocessReport(), settings)
    assert current == [False, True]
    _reextract(articles, docs, current, nlp, settings)
    assert docs[0].ents  # the layer ran again on the stale parse
    assert not docs[1].ents  # and was trusted on the current one
