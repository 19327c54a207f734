"""Every located place of every event, for exact scope queries.

Revision ID: 0005
Revises: 0004
Create Date: 2024-08-03

``events.lat``/``lon`` hold an event's first located place only, so a deed whose later
place alone lies near a pledge was missed by the scope query. ``event_places`` holds
one row per place (and the places a place-less event borrows from its sentence), with
the day the linker dates the event by and the acting side, indexed for the scope query.
Existing events are indexed here, an article at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

from saydo.codec import loads
from saydo.domain import Event
from saydo.store import rows

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_event_places_side_day_lat_lon": ["side", "day", "lat", "lon"],
    "ix_event_places_day_lat_lon": ["day", "lat", "lon"],
}
_PAGE = 5000


def upgrade() -> None:
    table = op.create_table(
        "event_places",
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("side", sa.Text),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("dated", sa.Boolean, nullable=False),
        sa.Column("lat", sa.Double, nullable=False),
        sa.Column("lon", sa.Double, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_event_places_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "idx", name="pk_event_places"),
    )
    op.create_index("ix_event_places_article_id", "event_places", ["article_id"])
    if not op.get_context().as_sql:  # offline SQL has no events to read
        bind = op.get_bind()
        for batch in _place_rows(bind):
            bind.execute(table.insert(), batch)
    for name, columns in _INDEXES.items():
        op.create_index(name, "event_places", columns)


def _place_rows(bind: sa.Connection) -> Iterator[list[rows.Row]]:
    """The rows of every stored event, a page of articles' worth at a time."""
    events = sa.table("events", sa.column("article_id"), sa.column("seq"), sa.column("data"))
    articles = sa.table("articles", sa.column("id"), sa.column("published", sa.Date))
    query = (
        sa.select(events.c.article_id, articles.c.published, events.c.data)
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(events.c.article_id, events.c.seq)
    )
    pending: list[rows.Row] = []
    current: tuple[str, date | None] | None = None
    group: list[Event] = []
    for article_id, published, data in bind.execute(query):
        if current is not None and current[0] != article_id:
            pending.extend(rows.event_place_rows(group, *current))
            group = []
            if len(pending) >= _PAGE:
                yield pending
                pending = []
        current = (article_id, published)
        group.append(loads(Event, data))
    if current is not None:
        pending.extend(rows.event_place_rows(group, *current))
    if pending:
        yield pending


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, "event_places")
    op.drop_index("ix_event_places_article_id", "event_places")
    op.drop_table("event_places")
