"""Lists count their rows up to a cap and say "more than" beyond it."""

from __future__ import annotations

import pytest

from saydo.store import Store
from saydo.web import queries
from saydo.web.queries import Filters, Page

from .conftest import Server
from .webclient import request


def _events_in(web_db: str) -> int:
    with Store.open(web_db) as store:
        return len(store.events())


def test_counts_are_exact_under_the_cap_and_capped_over_it(
    web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = _events_in(web_db)
    assert stored > 3
    with Store.open(web_db) as store:
        exact = queries.events(store.engine, Filters(), Page(2, 0))
        assert (exact.total, exact.more) == (stored, False)
        monkeypatch.setattr(queries, "COUNT_CAP", 3)
        capped = queries.events(store.engine, Filters(), Page(2, 0))
    assert (capped.total, capped.more) == (3, True)
    assert [e.id for e in capped.items] == [e.id for e in exact.items]


def test_api_and_pages_say_more_than_the_cap(
    server: Server, web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    body = request(server.url + "/api/events?limit=2&offset=2").json()
    assert body["total"] == 2
    assert body["total_capped"] is True
    assert body["next"]  # paging goes on past the count
    assert len(body["items"]) == min(2, _events_in(web_db) - 2)
    page = request(server.url + "/articles").text
    assert "More than 2" in page
