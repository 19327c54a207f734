"""Narrow reads: article metadata without text, events in a scope, keyset pages.

The linker and the ledger need, of an article, only its date and outlet, and of the
events, only those near a pledge in space and time; these queries read just that,
through the indexes of migrations 0004 and 0005.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from saydo.codec import loads
from saydo.domain import Article, Event, Place, Pledge
from saydo.store import schema
from saydo.store.rows import article_from_row

Point = tuple[float, float]  # latitude, longitude

# Bound lists of ids in one IN (...): SQLite caps the bound parameters of a statement.
_CHUNK = 500
_KM_PER_DEGREE = 111.32
# From a region's (an oblast's) centre point to its farthest town: Ukraine's largest
# oblasts are some 400 km across.
REGION_REACH_KM = 250.0


@dataclass(frozen=True, slots=True)
class BBox:
    """A bounding box in degrees: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float


def bbox_around(lat: float, lon: float, km: float) -> BBox:
    """The box that holds every point within ``km`` of (lat, lon), cut at the
    antimeridian (:func:`boxes_around` adds what lies beyond it)."""
    return boxes_around(lat, lon, km)[0]


def boxes_around(lat: float, lon: float, km: float) -> list[BBox]:
    """Boxes that together hold every point within ``km`` of (lat, lon): one, and a
    second across the antimeridian when the circle crosses it."""
    dlat = km / _KM_PER_DEGREE
    # A degree of longitude shrinks towards the poles; near them, take every longitude.
    shrink = math.cos(math.radians(min(abs(lat) + dlat, 90.0)))
    dlon = 180.0 if shrink < 1e-6 else min(km / (_KM_PER_DEGREE * shrink), 180.0)
    south, north = max(lat - dlat, -90.0), min(lat + dlat, 90.0)
    boxes = [BBox(max(lon - dlon, -180.0), south, min(lon + dlon, 180.0), north)]
    if lon - dlon < -180.0:
        boxes.append(BBox(lon - dlon + 360.0, south, 180.0, north))
    if lon + dlon > 180.0:
        boxes.append(BBox(-180.0, south, lon + dlon - 360.0, north))
    return boxes


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the linker and the ledger need of an article: everything but its text."""

    id: str
    published: date | None
    outlet: str | None
    duplicate_of: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Scope:
    """Where and when to look for events; None leaves that side open."""

    since: date | None = None
    until: date | None = None
    sides: Sequence[str] | None = None  # the acting sides
    recipients: Sequence[str] | None = None  # the sides acted upon
    boxes: Sequence[BBox] | None = None  # events located in any of these
    undated: bool = True  # events with no day of their own, dated by their article
    # Place-less events count at the places of their sentence's other events, as the
    # linker places a deed told without a place of its own.
    borrowed: bool = False
    types: Sequence[str] | None = None  # PLOVER types of the events wanted


def pledge_scope(pledge: Pledge, since: date | None, until: date | None) -> Scope | None:
    """The query that finds every event saydo.link.in_scope can admit for ``pledge``
    between two days (a superset: boxes, not circles); None when nothing can be in
    scope. Every located place of an event is indexed (event_places)."""
    if not pledge.scope_places:
        recipient = pledge.event.recipient.country if pledge.event.recipient else None
        return Scope(since, until, recipients=[recipient]) if recipient else None
    boxes = [
        box
        for p in pledge.scope_places
        if p.lat is not None and p.lon is not None
        for box in boxes_around(p.lat, p.lon, _reach_km(pledge, p))
    ]
    return Scope(since, until, boxes=boxes) if boxes else None


def _reach_km(pledge: Pledge, place: Place) -> float:
    """How far from a scoped place events may lie: a region's (oblast's) towns count
    as inside it (saydo.link.in_region), so its box reaches its far edge."""
    if place.kind == "region":
        return max(pledge.scope_radius_km, REGION_REACH_KM)
    return pledge.scope_radius_km


def admits(scope: Scope, event: Event, day: date | None, points: Sequence[Point]) -> bool:
    """Would :func:`events_in_scope` return ``event``, dated ``day`` (the linker's day)
    and located at ``points`` (its event_places coordinates)? For events not stored yet
    or just stored, without a query."""
    if day is None or (scope.since is not None and day < scope.since):
        return False
    if scope.until is not None and day > scope.until:
        return False
    side = event.actor.country if event.actor else None
    if scope.sides is not None and side not in scope.sides:
        return False
    if scope.types is not None and event.type.value not in scope.types:
        return False
    recipient = event.recipient.country if event.recipient else None
    if scope.recipients is not None and recipient not in scope.recipients:
        return False
    return scope.boxes is None or any(
        box.south <= lat <= box.north and box.west <= lon <= box.east
        for box in scope.boxes
        for lat, lon in points
    )


def article_meta(conn: Connection, ids: Iterable[str] | None) -> dict[str, ArticleMeta]:
    table = schema.articles
    columns = sa.select(
        table.c.id, table.c.published, table.c.outlet, table.c.duplicate_of, table.c.title
    )
    if ids is None:
        return {row.id: ArticleMeta(*row) for row in conn.execute(columns)}
    found: dict[str, ArticleMeta] = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in conn.execute(columns.where(table.c.id.in_(chunk))):
            found[row.id] = ArticleMeta(*row)
    return found


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


@lru_cache(maxsize=4096)
def _event(data: str) -> Event:
    """An event decoded from its stored JSON. Relinking reads the same neighbourhood
    once per pledge, so most rows come back many times; the text is the key, so a
    cached event is always the row's own."""
    return loads(Event, data)


def events_in_scope(conn: Connection, scope: Scope, limit: int | None) -> list[Event]:
    """Events in ``scope``, by day then id; an event without a day of its own counts
    on its article's publication day, as the linker dates it."""
    if scope.boxes is not None:
        return _events_in_boxes(conn, scope, scope.boxes, limit)
    events, articles = schema.events, schema.articles
    common = _common(scope)
    dated = sa.select(events.c.data, events.c.day.label("sort_day"), events.c.id).where(
        *common, *_between(events.c.day, scope)
    )
    parts = [dated]
    if scope.undated:
        parts.append(
            sa.select(events.c.data, articles.c.published.label("sort_day"), events.c.id)
            .join(articles, articles.c.id == events.c.article_id)
            .where(events.c.day.is_(None), *common, *_between(articles.c.published, scope))
        )
    found = (sa.union_all(*parts) if len(parts) > 1 else dated).subquery()
    query = sa.select(found.c.data).order_by(found.c.sort_day, found.c.id)
    if limit is not None:
        query = query.limit(limit)
    return [_event(data) for data in conn.scalars(query)]


def _events_in_boxes(
    conn: Connection, scope: Scope, boxes: Sequence[BBox], limit: int | None
) -> list[Event]:
    """Events with any place in ``boxes``, read through event_places."""
    places, events = schema.event_places, schema.events
    conds = [sa.or_(sa.false(), *(_inside(places, box) for box in boxes))]
    conds.extend(_between(places.c.day, scope))
    if scope.sides is not None:
        conds.append(places.c.side.in_(list(scope.sides)))
    if scope.types is not None:
        conds.append(places.c.type.in_(list(scope.types)))
    if not scope.undated:
        conds.append(places.c.dated.is_(True))
    if not scope.borrowed:
        conds.append(places.c.idx >= 0)
    found = sa.select(places.c.event_id, places.c.day).where(*conds).distinct().subquery()
    query = (
        sa.select(events.c.data)
        .join(found, found.c.event_id == events.c.id)
        .order_by(found.c.day, found.c.event_id)
    )
    if scope.recipients is not None:
        query = query.where(events.c.recipient_country.in_(list(scope.recipients)))
    if limit is not None:
        query = query.limit(limit)
    return [_event(data) for data in conn.scalars(query)]


def _common(scope: Scope) -> list[sa.ColumnElement[bool]]:
    table = schema.events
    conds: list[sa.ColumnElement[bool]] = []
    if scope.sides is not None:
        conds.append(table.c.actor_country.in_(list(scope.sides)))
    if scope.recipients is not None:
        conds.append(table.c.recipient_country.in_(list(scope.recipients)))
    if scope.types is not None:
        conds.append(table.c.type.in_(list(scope.types)))
    if scope.boxes is not None:
        conds.append(sa.or_(sa.false(), *(_inside(table, box) for box in scope.boxes)))
    return conds


def _inside(table: sa.Table, box: BBox) -> sa.ColumnElement[bool]:
    return sa.and_(
        table.c.lat.between(box.south, box.north), table.c.lon.between(box.west, box.east)
    )


def _between(column: sa.ColumnElement[Any], scope: Scope) -> list[sa.ColumnElement[bool]]:
    conds: list[sa.ColumnElement[bool]] = []
    if scope.since is not None:
        conds.append(column >= scope.since)
    if scope.until is not None:
        conds.append(column <= scope.until)
    if not conds:
        conds.append(column.is_not(None))
    return conds


# (PLOVER type, acting side or None, day): the reports saydo.merge may fold into one
# incident share all three.
IncidentKey = tuple[str, str | None, date]


def events_of_articles(conn: Connection, ids: Iterable[str]) -> list[Event]:
    """Every event of the articles named, by article then position."""
    table = schema.events
    found: list[Event] = []
    for chunk in _chunks(sorted(set(ids))):
        query = (
            sa.select(table.c.data)
            .where(table.c.article_id.in_(chunk))
            .order_by(table.c.article_id, table.c.seq)
        )
        found.extend(_event(data) for data in conn.scalars(query))
    return found


def events_with_keys(conn: Connection, keys: Iterable[IncidentKey]) -> list[Event]:
    """Every event of each (type, side, day) named, an undated event counting on its
    article's publication day as the linker dates it: all the reports that could
    share an incident with a report of that key."""
    events, articles = schema.events, schema.articles
    found: dict[str, Event] = {}
    for kind, side, day in sorted(set(keys), key=lambda k: (k[0], k[1] or "", k[2])):
        same = [
            events.c.type == kind,
            events.c.actor_country.is_(None) if side is None else events.c.actor_country == side,
        ]
        dated = sa.select(events.c.data).where(*same, events.c.day == day)
        undated = (
            sa.select(events.c.data)
            .join(articles, articles.c.id == events.c.article_id)
            .where(*same, events.c.day.is_(None), articles.c.published == day)
        )
        for data in conn.scalars(sa.union_all(dated, undated)):
            event = _event(data)
            found[event.id] = event
    return list(found.values())


def article_records(conn: Connection, ids: Iterable[str]) -> dict[str, Article]:
    """The articles named, their text left empty: every field but the body."""
    table = schema.articles
    found: dict[str, Article] = {}
    for chunk in _chunks(sorted(set(ids))):
        query = sa.select(table.c.data).where(table.c.id.in_(chunk))
        for data in conn.scalars(query):
            article = article_from_row(data, "")
            found[article.id] = article
    return found


def record_page(
    conn: Connection, table: sa.Table, after: tuple[str, int] | None, size: int
) -> list[tuple[str, int, str]]:
    """(article id, position, data) of the records after ``after``, in that order:
    keyset pages, which cost the same however deep into the table they are."""
    query = (
        sa.select(table.c.article_id, table.c.seq, table.c.data)
        .order_by(table.c.article_id, table.c.seq)
        .limit(size)
    )
    if after is not None:
        article_id, seq = after
        query = query.where(
            sa.or_(
                table.c.article_id > article_id,
                sa.and_(table.c.article_id == article_id, table.c.seq > seq),
            )
        )
    return [(r.article_id, r.seq, r.data) for r in conn.execute(query)]
