"""The store latency bench, small: it builds a readable store and reports figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa

from saydo.ledger import pledge_detail
from saydo.store import Store

from .conftest import NewDb

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store_latency.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_latency", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_measure_builds_the_store_and_times_each_query(new_db_url: NewDb) -> None:
    url = new_db_url()
    figures = _bench().measure(url, n_events=2_000, repeats=3)
    assert figures["events_rows"] == 2_000
    for name in ("ledger", "ledger_filtered", "pledge", "search"):
        assert 0 < figures[f"{name}_p50_ms"] <= figures[f"{name}_p95_ms"]
    assert figures["build_s"] > 0
    with Store.open(url) as store:
        # What the bench wrote reads back through the store, search index included.
        assert len(store.events()) == 2_000
        assert store.article_count() == figures["articles_rows"]
        assert store.search_count("Kyiv") > 0
        pledge = store.pledges()[0]
        detail = pledge_detail(store, pledge.id)
        assert detail is not None
        assert detail["pledge_id"] == pledge.id
        with store.engine.connect() as conn:
            undone = conn.scalar(sa.text("SELECT count(*) FROM events WHERE day IS NULL"))
        assert undone == 0
