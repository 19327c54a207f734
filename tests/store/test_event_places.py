"""event_places: every located place of an event is in the scope index, kept in step
with every write, and filled by migration 0005 from events stored before it."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa
from alembic import command

from saydo.geo import great_circle_km
from saydo.store import Store, migrate, rows, schema
from saydo.store.scope import Scope, admits, boxes_around

from . import samples

KYIV = samples.KYIV


def _around_kyiv(km: float = 10.0) -> Scope:
    assert KYIV.lat is not None
    assert KYIV.lon is not None
    return Scope(boxes=boxes_around(KYIV.lat, KYIV.lon, km))


def _place_rows(store: Store) -> list[tuple[str, int, float, float]]:
    table = schema.event_places
    query = sa.select(table.c.event_id, table.c.idx, table.c.lat, table.c.lon).order_by(
        table.c.event_id, table.c.idx
    )
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]  # type: ignore[misc]


def test_a_later_place_alone_puts_an_event_in_scope(store: Store) -> None:
    extraction = samples.extraction()
    store.add(samples.article(), extraction)
    kyiv = _around_kyiv()
    second_only = [e for e in extraction.events if len(e.places) > 1 and e.places[1] == KYIV]
    assert second_only
    assert second_only[0].places[0] != KYIV
    found = [e.id for e in store.events_in_scope(kyiv)]
    assert found == [e.id for e in second_only]


def test_a_placeless_event_is_found_at_its_sentence_places_only_when_asked(store: Store) -> None:
    extraction = samples.extraction()
    store.add(samples.article(), extraction)
    placeless = {e.id for e in extraction.events if not e.places}
    assert placeless
    kyiv = _around_kyiv()
    assert not placeless & {e.id for e in store.events_in_scope(kyiv)}
    assert placeless <= {e.id for e in store.events_in_scope(replace(kyiv, borrowed=True))}


def test_admits_agrees_with_the_query(store: Store) -> None:
    article, extraction = samples.article(), samples.extraction()
    store.add(article, extraction)
    place_rows = rows.event_place_rows(extraction.events, article.id, article.published)
    for scope in (_around_kyiv(), replace(_around_kyiv(200), borrowed=True, sides=["RUS"])):
        found = {e.id for e in store.events_in_scope(scope)}
        for event in extraction.events:
            mine = [r for r in place_rows if r["event_id"] == event.id]
            if not scope.borrowed:
                mine = [r for r in mine if r["idx"] >= 0]
            day = mine[0]["day"] if mine else None
            points = [(r["lat"], r["lon"]) for r in mine]
            assert admits(scope, event, day, points) == (event.id in found), event.id


def test_replacing_an_extraction_replaces_its_places(store: Store) -> None:
    article = samples.article()
    store.add(article, samples.extraction())
    store.replace_extraction(samples.extraction(tag="x"))
    ids = {event_id for event_id, *_ in _place_rows(store)}
    assert ids
    assert all(i.startswith("ev_x") for i in ids)


def test_migration_0005_indexes_events_stored_before_it(store: Store) -> None:
    store.add(samples.article(), samples.extraction())
    before = _place_rows(store)
    assert len(before) > len({event_id for event_id, *_ in before})  # several per event
    with store.engine.begin() as conn:
        command.downgrade(migrate.config(conn), "0004")
        assert "event_places" not in sa.inspect(conn).get_table_names()
    migrate.upgrade(store.engine)
    assert _place_rows(store) == before


def test_boxes_reach_across_the_antimeridian() -> None:
    boxes = boxes_around(0.0, 179.95, 50.0)
    assert len(boxes) == 2
    assert great_circle_km(0.0, 179.95, 0.0, -179.9) < 50.0
    assert any(b.west <= -179.9 <= b.east for b in boxes)
    assert len(boxes_around(50.0, 30.0, 50.0)) == 1
