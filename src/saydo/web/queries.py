"""Read-only, filtered and paginated queries over the store's tables.

The web layer needs filters and pages over every kind of record, so it builds its own
SQLAlchemy Core selects here; scope queries and search are the Store's. Every value a
user gives travels as a bound parameter; LIKE patterns are escaped so that ``%`` and
``_`` match themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from saydo.codec import loads
from saydo.domain import Article, Event, Pledge, Statement, Verdict
from saydo.store import rows, schema
from saydo.store.scope import BBox

R = TypeVar("R")
T = TypeVar("T")

MAX_LIMIT = 500
# Lists count their rows up to here and no further: counting a million events takes
# longer than reading the page, and "more than 10,000" is all a reader needs.
COUNT_CAP = 10_000
NO_VERDICT = "none"


@dataclass(frozen=True, slots=True)
class Filters:
    actor: str | None = None  # an actor's name or its side's code
    side: str | None = None  # the acting (or speaking, or pledging) side's code
    event_type: str | None = None
    place: str | None = None  # a place name, canonical or as written
    bbox: BBox | None = None
    date_from: date | None = None
    date_to: date | None = None
    verdict: str | None = None
    reporting_side: str | None = None
    q: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Result(Generic[T]):
    items: list[T]
    total: int
    more: bool = False  # there are more than ``total`` (COUNT_CAP) rows


def _like(column: sa.ColumnElement[Any], needle: str) -> sa.ColumnElement[bool]:
    return column.contains(needle, autoescape=True)


def _json_field(name: str, value: str) -> str:
    # Records are stored as compact JSON (codec.dumps), so a field reads "name":"value".
    return f'"{name}":{json.dumps(value, ensure_ascii=False)}'


def _run(
    engine: Engine, query: sa.Select[Any], page: Page, decode: Callable[[Any], T]
) -> Result[T]:
    capped = query.order_by(None).limit(COUNT_CAP + 1).subquery()
    counted = sa.select(sa.func.count()).select_from(capped)
    with engine.connect() as conn:
        total = conn.scalar(counted) or 0
        found = conn.execute(query.limit(page.limit).offset(page.offset)).all()
    return Result([decode(row) for row in found], min(total, COUNT_CAP), total > COUNT_CAP)


# -- articles --------------------------------------------------------------------------


def articles(engine: Engine, filters: Filters, page: Page) -> Result[Article]:
    table = schema.articles
    query = sa.select(table.c.data, table.c.text)
    conds: list[sa.ColumnElement[bool]] = []
    if filters.q:
        conds.append(sa.or_(_like(table.c.text, filters.q), _like(table.c.title, filters.q)))
    conds += _date_range(table.c.published, filters)
    query = query.where(*conds).order_by(table.c.published.desc(), table.c.id)
    return _run(engine, query, page, lambda r: rows.article_from_row(r.data, r.text))


def _date_range(column: sa.ColumnElement[Any], filters: Filters) -> list[sa.ColumnElement[bool]]:
    conds: list[sa.ColumnElement[bool]] = []
    if filters.date_from is not None:
        conds.append(column >= filters.date_from)
    if filters.date_to is not None:
        conds.append(column <= filters.date_to)
    return conds


def article_titles(engine: Engine, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet and date of each article named, for lists that link to them."""
    table = schema.articles
    if not ids:
        return {}
    query = sa.select(table.c.id, table.c.title, table.c.outlet, table.c.published).where(
        table.c.id.in_(sorted(set(ids)))
    )
    with engine.connect() as conn:
        return {
            r.id: {"title": r.title, "outlet": r.outlet, "published": r.published}
            for r in conn.execute(query)
        }


# -- statements ------------------------------------------------------------------------


def statements(engine: Engine, filters: Filters, page: Page) -> Result[Statement]:
    table = schema.statements
    art = schema.articles
    query = sa.select(table.c.data).join(art, art.c.id == table.c.article_id)
    conds: list[sa.ColumnElement[bool]] = []
    if filters.actor:
        conds.append(
            sa.or_(table.c.speaker_name == filters.actor, table.c.speaker_country == filters.actor)
        )
    if filters.side:
        conds.append(table.c.speaker_country == filters.side)
    if filters.q:
        conds.append(_like(table.c.data, filters.q))
    conds += _date_range(art.c.published, filters)
    query = query.where(*conds).order_by(art.c.published.desc(), table.c.article_id, table.c.seq)
    return _run(engine, query, page, lambda r: loads(Statement, r.data))


# -- events ----------------------------------------------------------------------------


def _event_conditions(filters: Filters) -> list[sa.ColumnElement[bool]]:
    table = schema.events
    conds: list[sa.ColumnElement[bool]] = []
    if filters.actor:
        conds.append(
            sa.or_(table.c.actor_name == filters.actor, table.c.actor_country == filters.actor)
        )
    if filters.side:
        conds.append(table.c.actor_country == filters.side)
    if filters.event_type:
        conds.append(table.c.type == filters.event_type.upper())
    if filters.reporting_side:
        conds.append(table.c.reporter_side == filters.reporting_side)
    if filters.place:
        conds.append(
            sa.or_(
                _like(table.c.data, _json_field("name", filters.place)),
                _like(table.c.data, _json_field("text", filters.place)),
            )
        )
    if filters.bbox is not None:
        box = filters.bbox
        conds += [
            table.c.lat >= box.south,
            table.c.lat <= box.north,
            table.c.lon >= box.west,
            table.c.lon <= box.east,
        ]
    if filters.q:
        conds.append(_like(table.c.data, filters.q))
    conds += _date_range(table.c.event_date, filters)
    return conds


def events(engine: Engine, filters: Filters, page: Page) -> Result[Event]:
    table = schema.events
    query = (
        sa.select(table.c.data)
        .where(*_event_conditions(filters))
        .order_by(table.c.event_date.desc(), table.c.article_id, table.c.seq)
    )
    return _run(engine, query, page, lambda r: loads(Event, r.data))


def events_by_id(engine: Engine, ids: Sequence[str]) -> dict[str, Event]:
    table = schema.events
    if not ids:
        return {}
    query = sa.select(table.c.data).where(table.c.id.in_(sorted(set(ids))))
    with engine.connect() as conn:
        return {e.id: e for e in (loads(Event, d) for d in conn.scalars(query))}


# -- pledges and verdicts -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PledgeRow:
    pledge: Pledge
    verdict: Verdict | None


def pledges(engine: Engine, filters: Filters, page: Page) -> Result[PledgeRow]:
    table = schema.pledges
    verdicts = schema.verdicts
    event = schema.events
    query = (
        sa.select(table.c.data, verdicts.c.data.label("verdict"))
        .outerjoin(verdicts, verdicts.c.pledge_id == table.c.id)
        .outerjoin(event, event.c.id == table.c.event_id)
    )
    conds: list[sa.ColumnElement[bool]] = []
    if filters.actor:
        conds.append(
            sa.or_(event.c.actor_name == filters.actor, table.c.actor_country == filters.actor)
        )
    if filters.side:
        conds.append(table.c.actor_country == filters.side)
    if filters.event_type:
        conds.append(event.c.type == filters.event_type.upper())
    if filters.verdict == NO_VERDICT:
        conds.append(verdicts.c.label.is_(None))
    elif filters.verdict:
        conds.append(verdicts.c.label == filters.verdict)
    if filters.reporting_side:
        conds.append(_like(verdicts.c.data, _json_field("reporter_side", filters.reporting_side)))
    if filters.place:
        conds.append(
            sa.or_(
                _like(table.c.data, _json_field("name", filters.place)),
                _like(table.c.data, _json_field("text", filters.place)),
            )
        )
    if filters.q:
        conds.append(_like(table.c.data, filters.q))
    conds += _date_range(table.c.made_on, filters)
    query = query.where(*conds).order_by(table.c.made_on.desc(), table.c.id)
    return _run(engine, query, page, _pledge_row)


def _pledge_row(row: Any) -> PledgeRow:
    verdict = loads(Verdict, row.verdict) if row.verdict is not None else None
    return PledgeRow(loads(Pledge, row.data), verdict)


def pledge(engine: Engine, pledge_id: str) -> PledgeRow | None:
    table = schema.pledges
    verdicts = schema.verdicts
    query = (
        sa.select(table.c.data, verdicts.c.data.label("verdict"))
        .outerjoin(verdicts, verdicts.c.pledge_id == table.c.id)
        .where(table.c.id == pledge_id)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return _pledge_row(row) if row is not None else None


def records_by_id(
    engine: Engine, table: sa.Table, cls: type[R], ids: Sequence[str]
) -> dict[str, R]:
    """The records with these ids (at most MAX_LIMIT of them), by id."""
    if not ids:
        return {}
    query = sa.select(table.c.id, table.c.data).where(table.c.id.in_(sorted(set(ids))))
    with engine.connect() as conn:
        return {row.id: loads(cls, row.data) for row in conn.execute(query)}


def record_by_id(engine: Engine, table: sa.Table, cls: type[R], record_id: str) -> R | None:
    with engine.connect() as conn:
        data = conn.scalar(sa.select(table.c.data).where(table.c.id == record_id))
    return loads(cls, data) if data is not None else None


# -- actors and places ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorSummary:
    name: str
    side: str | None
    statements: int
    events: int
    pledges: int


def actors(engine: Engine, filters: Filters, page: Page) -> Result[ActorSummary]:
    """Every named speaker or actor, with how often it spoke, acted and pledged."""
    st, ev, pl = schema.statements, schema.events, schema.pledges
    said = sa.select(
        st.c.speaker_name.label("name"),
        st.c.speaker_country.label("side"),
        sa.literal(1).label("s"),
        sa.literal(0).label("e"),
        sa.literal(0).label("p"),
    ).where(st.c.speaker_name.is_not(None))
    pledged_events = sa.select(pl.c.event_id)
    did = sa.select(
        ev.c.actor_name.label("name"),
        ev.c.actor_country.label("side"),
        sa.literal(0).label("s"),
        sa.case((ev.c.id.in_(pledged_events), 0), else_=1).label("e"),
        sa.case((ev.c.id.in_(pledged_events), 1), else_=0).label("p"),
    ).where(ev.c.actor_name.is_not(None))
    both = sa.union_all(said, did).subquery()
    query = sa.select(
        both.c.name,
        sa.func.max(both.c.side).label("side"),
        sa.func.sum(both.c.s).label("s"),
        sa.func.sum(both.c.e).label("e"),
        sa.func.sum(both.c.p).label("p"),
    ).group_by(both.c.name)
    if filters.side:
        query = query.having(sa.func.max(both.c.side) == filters.side)
    if filters.q:
        query = query.where(_like(both.c.name, filters.q))
    query = query.order_by(sa.desc("s"), both.c.name)
    return _run(
        engine,
        query,
        page,
        lambda r: ActorSummary(r.name, r.side, int(r.s), int(r.e), int(r.p)),
    )


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    events: int


def places(engine: Engine, filters: Filters, page: Page) -> Result[PlaceSummary]:
    """The places events happened at, with how many events each.

    Places live inside the events' JSON, so they are tallied here rather than in SQL;
    fine for a ledger of thousands of events, a table of its own later.
    """
    table = schema.events
    query = sa.select(table.c.data).where(*_event_conditions(filters))
    tally: dict[str, list[Any]] = {}
    with engine.connect() as conn:
        for data in conn.scalars(query):
            for place in loads(Event, data).places:
                entry = tally.setdefault(
                    place.name, [place.country, place.admin1, place.lat, place.lon, 0]
                )
                entry[4] += 1
    ordered = sorted(tally.items(), key=lambda kv: (-kv[1][4], kv[0]))
    window = ordered[page.offset : page.offset + page.limit]
    return Result([PlaceSummary(name, *values) for name, values in window], len(ordered))
