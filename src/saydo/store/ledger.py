"""The ledger's query: canonical pledges with their verdicts, filtered in SQL.

A pledge retold in other articles is listed once: the mentions a verdict folds in are
left out here, in the query, so that neither every pledge nor every verdict is read
to list a few.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from saydo.codec import loads
from saydo.domain import Pledge, Verdict
from saydo.store import schema

PENDING = "pending"  # the label of a pledge no verdict has judged yet


@dataclass(frozen=True, slots=True)
class LedgerQuery:
    """What the SQL can narrow by. ``actor`` and ``place`` narrow to a superset of
    the matches (ASCII case folding on words); the caller keeps the exact test."""

    actor: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    verdict: str | None = None


def mention_ids(dialect: str) -> sa.Select[Any]:
    """The pledge ids every verdict lists as mentions, read out of its JSON."""
    table = schema.verdicts
    if dialect == "postgresql":
        mentions = sa.cast(table.c.data, postgresql.JSONB)["mentions"]
        each = sa.func.jsonb_array_elements_text(mentions).table_valued("value")
    else:
        each = sa.func.json_each(table.c.data, "$.mentions").table_valued("value")
    return sa.select(each.c.value).select_from(table).join(each, sa.true())


def unjudged_exists(dialect: str) -> sa.Select[Any]:
    """Is some pledge neither judged nor a mention of a judged one?"""
    pledges, verdicts = schema.pledges, schema.verdicts
    judged = sa.union_all(sa.select(verdicts.c.pledge_id), mention_ids(dialect)).subquery()
    unjudged = sa.select(pledges.c.id).where(pledges.c.id.not_in(sa.select(judged.c[0])))
    return sa.select(unjudged.exists())


def ledger_entries(conn: Connection, query: LedgerQuery) -> Iterator[tuple[Pledge, Verdict | None]]:
    """Canonical pledges admitted by ``query`` with their verdicts, undated first,
    then by day and id."""
    pledges, verdicts = schema.pledges, schema.verdicts
    select = sa.select(pledges.c.data, verdicts.c.data.label("verdict")).outerjoin(
        verdicts, verdicts.c.pledge_id == pledges.c.id
    )
    select = select.where(
        pledges.c.id.not_in(mention_ids(conn.dialect.name)),
        *_conditions(query, pledges, verdicts),
    ).order_by(sa.case((pledges.c.made_on.is_(None), 0), else_=1), pledges.c.made_on, pledges.c.id)
    for row in conn.execute(select):
        verdict = loads(Verdict, row.verdict) if row.verdict is not None else None
        yield loads(Pledge, row.data), verdict


def _conditions(
    query: LedgerQuery, pledges: sa.Table, verdicts: sa.Table
) -> list[sa.ColumnElement[bool]]:
    conds: list[sa.ColumnElement[bool]] = []
    if query.since is not None:
        conds.append(pledges.c.made_on >= query.since)
    if query.until is not None:
        conds.append(pledges.c.made_on <= query.until)
    if query.verdict is not None:
        conds.append(sa.func.coalesce(verdicts.c.label, PENDING) == query.verdict)
    wanted = _sql_actor(query)
    if wanted is not None:
        conds.append(
            sa.or_(
                sa.func.lower(pledges.c.actor_country) == wanted,
                # The actor's name is in the record only; any "name" field will do
                # for a superset (places and reporters have names too).
                _lower_contains(pledges.c.data, f'"name":{json.dumps(wanted, ensure_ascii=False)}'),
            )
        )
    if query.place and query.place.isascii():
        conds.append(_lower_contains(pledges.c.data, query.place.lower()))
    return conds


def _sql_actor(query: LedgerQuery) -> str | None:
    # SQL folds the case of ASCII letters only; other names are left to the caller.
    return query.actor.lower() if query.actor and query.actor.isascii() else None


def _lower_contains(column: sa.ColumnElement[str], needle: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).contains(needle, autoescape=True)
