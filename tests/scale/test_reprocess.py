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
