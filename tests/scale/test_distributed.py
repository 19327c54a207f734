"""Dask's real local cluster gives exactly what a single process gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshots import snapshot

from saydo.cluster import open_client
from saydo.runner import ingest
from saydo.settings import Settings
from saydo.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(db: Path, workers: int | None) -> dict[str, object]:
    settings = Settings(db=str(db), batch_size=4)
    with open_client(workers) as client, Store.open(str(db)) as store:
        report = ingest([EXAMPLES], store, settings=settings, client=client)
    assert report.added == 12
    return snapshot(str(db))


@pytest.mark.slow
def test_two_workers_store_the_same_records_as_one_process(tmp_path: Path) -> None:
    single = run(tmp_path / "one.db", None)
    double = run(tmp_path / "two.db", 2)
    assert single["events"], "the examples must yield events for the comparison to mean much"
    assert double == single
