"""Narrow reads for the ledger: article metadata without text, events in a scope.

The linker and the ledger need, of an article, only its date and outlet, and of the
events, only those near a pledge in space and time; these queries read just that,
through the indexes of migration 0004.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from saydo.codec import loads
from saydo.domain import Event, Pledge
from saydo.store import schema

# Bound lists of ids in one IN (...): SQLite caps the bound parameters of a statement.
_CHUNK = 500
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class BBox:
    """A bounding box in degrees: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float


def bbox_around(lat: float, lon: float, km: float) -> BBox:
    """The box that holds every point within ``km`` of (lat, lon)."""
    dlat = km / _KM_PER_DEGREE
    # A degree of longitude shrinks towards the poles; near them, take every longitude.
    shrink = math.cos(math.radians(min(abs(lat) + dlat, 90.0)))
    dlon = 180.0 if shrink < 1e-6 else min(km / (_KM_PER_DEGREE * shrink), 180.0)
    return BBox(
        max(lon - dlon, -180.0),
        max(lat - dlat, -90.0),
        min(lon + dlon, 180.0),
        min(lat + dlat, 90.0),
    )


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


def pledge_scope(pledge: Pledge, since: date | None, until: date | None) -> Scope | None:
    """The query that finds every event saydo.link.in_scope can admit for ``pledge``
    between two days (a superset: boxes, not circles); None when nothing can be in
    scope. Only an event's first located place is indexed, so a deed whose later
    place alone is in scope is missed."""
    if not pledge.scope_places:
        recipient = pledge.event.recipient.country if pledge.event.recipient else None
        return Scope(since, until, recipients=[recipient]) if recipient else None
    boxes = [
        bbox_around(p.lat, p.lon, pledge.scope_radius_km)
        for p in pledge.scope_places
        if p.lat is not None and p.lon is not None
    ]
    return Scope(since, until, boxes=boxes) if boxes else None


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


def events_in_scope(conn: Connection, scope: Scope, limit: int | None) -> list[Event]:
    """Events in ``scope``, by day then id; an event without a day of its own counts
    on its article's publication day, as the linker dates it."""
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
    return [loads(Event, data) for data in conn.scalars(query)]


def _common(scope: Scope) -> list[sa.ColumnElement[bool]]:
    table = schema.events
    conds: list[sa.ColumnElement[bool]] = []
    if scope.sides is not None:
        conds.append(table.c.actor_country.in_(list(scope.sides)))
    if scope.recipients is not None:
        conds.append(table.c.recipient_country.in_(list(scope.recipients)))
    if scope.boxes is not None:
        conds.append(sa.or_(sa.false(), *(_inside(box) for box in scope.boxes)))
    return conds


def _inside(box: BBox) -> sa.ColumnElement[bool]:
    table = schema.events
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
