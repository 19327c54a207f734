"""Narrow reads (article metadata, events in a scope), the indexes behind them, and
the Datasette views the migrations make."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Connection

from saydo.domain import Article, Event, Extraction, TimeExpr
from saydo.link import in_scope
from saydo.store import Store, migrate, rows, schema
from saydo.store.scope import Scope, bbox_around, pledge_scope

from . import samples


def _dated(event: Event, day: date | None) -> Event:
    return replace(event, time=TimeExpr("then", None, day, day) if day else None)


def test_article_meta_has_everything_but_the_text(store: Store) -> None:
    article = samples.article()
    store.add(article, samples.extraction())
    meta = store.article_meta()
    assert set(meta) == {article.id}
    got = meta[article.id]
    assert (got.published, got.outlet, got.title) == (
        article.published,
        article.outlet,
        article.title,
    )
    assert store.article_meta(["nope", article.id]).keys() == {article.id}
    assert store.article_meta([]) == {}


def test_events_in_scope_by_day_side_and_box(store: Store) -> None:
    article = samples.article()
    base = samples.extraction()
    event = base.events[0]
    days = [date(2022, 3, d) for d in (1, 10, 20)]
    events = (
        *tuple(replace(_dated(event, day), id=f"ev_day{i}") for i, day in enumerate(days)),
        replace(_dated(event, None), id="ev_undated"),
    )
    store.add(article, replace(base, events=events, pledges=()))
    assert [e.id for e in store.events_in_scope(Scope())] == [
        "ev_day0",
        "ev_day1",
        "ev_day2",
        "ev_undated",  # counts on its article's day, 30 March
    ]
    window = Scope(date(2022, 3, 5), date(2022, 3, 25))
    assert [e.id for e in store.events_in_scope(window)] == ["ev_day1", "ev_day2"]
    assert [e.id for e in store.events_in_scope(replace(window, undated=True, until=None))] == [
        "ev_day1",
        "ev_day2",
        "ev_undated",
    ]
    side = event.actor.country if event.actor else None
    assert side is not None
    assert store.events_in_scope(replace(window, sides=["ZZZ"])) == []
    assert len(store.events_in_scope(replace(window, sides=[side]))) == 2
    place = next(p for p in event.places if p.lat is not None and p.lon is not None)
    assert place.lat is not None
    assert place.lon is not None
    near = bbox_around(place.lat, place.lon, 10)
    far = bbox_around(-place.lat, place.lon, 10)
    assert len(store.events_in_scope(replace(window, boxes=[far, near]))) == 2
    assert store.events_in_scope(replace(window, boxes=[far])) == []
    assert store.events_in_scope(replace(window, boxes=[])) == []
    assert len(store.events_in_scope(Scope(), limit=2)) == 2


def test_boxes_hold_the_circles_they_stand_for() -> None:
    for lat, lon, km in ((50.45, 30.52, 50), (-33.9, 151.2, 300), (78.2, 15.6, 100)):
        box = bbox_around(lat, lon, km)
        for bearing in range(0, 360, 15):
            # A point at distance km along each bearing (flat-earth step, then checked).
            dlat = km / 111.32 * 0.999
            point_lat = lat + dlat * math.cos(math.radians(bearing))
            assert box.south <= point_lat <= box.north
        assert box.west <= lon <= box.east


def test_pledge_scope_admits_what_link_admits(store: Store) -> None:
    article = samples.article()
    extraction = samples.extraction()
    store.add(article, extraction)
    for pledge in extraction.pledges:
        scope = pledge_scope(pledge, None, None)
        found = {e.id for e in store.events_in_scope(scope)} if scope else set()
        for event in extraction.events:
            if event.places and in_scope(pledge, event) and event.time is not None:
                assert event.id in found, (pledge.id, event.id)


def test_views_exist_after_migrating_and_read_rows(store: Store) -> None:
    store.add(samples.article(), samples.extraction())
    names = set(sa.inspect(store.engine).get_view_names())
    assert {"v_ledger", "v_events", "v_statements"} <= names
    with store.engine.connect() as conn:
        ledger = conn.execute(sa.text("SELECT pledge_id, verdict FROM v_ledger")).all()
        events = conn.scalar(sa.text("SELECT count(*) FROM v_events"))
        quotes = conn.execute(sa.text("SELECT statement_id, content FROM v_statements")).all()
    assert len(ledger) == len(store.pledges()) > 0
    assert events == len(store.events())
    # The content column is the quoted span of the article's text.
    text = samples.article().text
    spans = {s.id: s.provenance for s in store.statements()}
    assert quotes
    assert all(text[spans[sid].start : spans[sid].end] == content for sid, content in quotes)


def test_scope_indexes_exist(store: Store) -> None:
    inspector = sa.inspect(store.engine)
    indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes("events")}
    assert {
        ("day", "lat", "lon"),
        ("actor_country", "day", "lat", "lon"),
        ("recipient_country", "day"),
        ("lat", "lon"),
    } <= indexed


def test_day_and_search_are_backfilled_for_older_stores(store: Store) -> None:
    # A store at revision 0002 with records in it, as made before search and days.
    with store.engine.begin() as conn:
        command.downgrade(migrate.config(conn), "0002")
    with store.engine.begin() as conn:
        extraction = samples.extraction()
        _add_at_0002(conn, samples.article(), extraction)
    with store.engine.begin() as conn:
        command.upgrade(migrate.config(conn), "head")
    with store.engine.connect() as conn:
        days = dict(conn.execute(sa.text("SELECT id, day FROM events")).all())
    assert {h.record_id for h in store.search("drastically")} >= {samples.article().id}
    for event in extraction.events:
        want = (event.time.end or event.time.start) if event.time else None
        got = days[event.id]
        assert (got if got is None or isinstance(got, date) else date.fromisoformat(got)) == want


def _add_at_0002(conn: Connection, article: Article, extraction: Extraction) -> None:
    """Rows as revision 0002 had them: no search documents, no ``day``."""
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    conn.execute(schema.articles.insert(), rows.article_row(article, now))
    conn.execute(schema.extractions.insert(), rows.extraction_row(extraction, now))
    for table, made in (
        (
            schema.statements,
            [rows.statement_row(s, article.id, i) for i, s in enumerate(extraction.statements)],
        ),
        (
            schema.events,
            [rows.event_row(e, article.id, i) for i, e in enumerate(extraction.events)],
        ),
    ):
        columns = [c for c in table.c if c.name != "day"]
        old = sa.Table(table.name, sa.MetaData(), *(sa.Column(c.name, c.type) for c in columns))
        conn.execute(old.insert(), [{k: v for k, v in r.items() if k != "day"} for r in made])
