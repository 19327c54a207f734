"""Indexed scope queries, and readable views for Datasette and plain SQL users.

Revision ID: 0004
Revises: 0003
Create Date: 2024-08-02

``events.day`` is the day an event counts for when pledges are judged (the end of its
time interval, else its start: saydo.link.event_date without the publication-date
fallback), so that a pledge's timeline and evidence can be read by an index on dates
rather than by reading every event. Indexes on (day), (side, day), (recipient, day)
and (lat, lon) serve the ledger, the pledge page and the map.

The views are plain SQL that both backends accept; they are derived, never written.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Coordinates ride along in the day indexes so that a box is checked in the index,
# and only the events inside it are fetched from the table.
_INDEXES = {
    "ix_events_day_lat_lon": ["day", "lat", "lon"],
    "ix_events_actor_country_day_lat_lon": ["actor_country", "day", "lat", "lon"],
    "ix_events_recipient_country_day": ["recipient_country", "day"],
    "ix_events_lat_lon": ["lat", "lon"],
    "ix_pledges_made_on_id": ["made_on", "id"],
}

_DAY = {
    "sqlite": "COALESCE(json_extract(data, '$.time.end'), json_extract(data, '$.time.start'))",
    "postgresql": "COALESCE(data::jsonb #>> '{time,end}', data::jsonb #>> '{time,start}')::date",
}

VIEWS: dict[str, str] = {
    "v_ledger": """
        SELECT p.id AS pledge_id, p.kind, p.actor_country AS side, p.made_on,
               p.window_end, COALESCE(v.label, 'none') AS verdict, v.reason,
               v.one_sided, p.article_id, a.title AS article_title, a.outlet
        FROM pledges p
        LEFT JOIN verdicts v ON v.pledge_id = p.id
        JOIN articles a ON a.id = p.article_id
    """,
    "v_events": """
        SELECT e.id AS event_id, e.type, e.modality, e.actor_name, e.actor_country,
               e.recipient_country, e.reporter_side, e.event_date, e.lat, e.lon,
               e.article_id, a.title AS article_title, a.outlet, a.published
        FROM events e JOIN articles a ON a.id = e.article_id
    """,
    "v_statements": """
        SELECT s.id AS statement_id, s.speaker_name, s.speaker_country, s.kind,
               s.article_id, a.title AS article_title, a.outlet, a.published,
               substr(a.text, s.start + 1, s.end_ - s.start) AS content
        FROM statements s JOIN articles a ON a.id = s.article_id
    """,
}


def upgrade() -> None:
    op.add_column("events", sa.Column("day", sa.Date))
    op.execute(f"UPDATE events SET day = {_DAY[_dialect()]}")
    for name, columns in _INDEXES.items():
        op.create_index(name, "pledges" if name.startswith("ix_pledges") else "events", columns)
    for name, body in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")


def _dialect() -> str:
    name = op.get_context().dialect.name
    return name if name in _DAY else "postgresql"


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name in _INDEXES:
        op.drop_index(name, "pledges" if name.startswith("ix_pledges") else "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("day")
