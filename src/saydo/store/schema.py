"""The tables, in SQLAlchemy Core, for SQLite and PostgreSQL alike.

Each record table holds the columns that queries filter or join on, plus ``data``: the
whole record as codec JSON, which is what records are rebuilt from, so that a record
read back is exactly the one written. Enum values are plain strings, not database enum
types, so that adding a member to a domain enum needs no migration.

This module describes the head of the schema; the migrations in ``migrations/versions``
build it, and a test checks that the two agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

# Fixed constraint names, so that migrations can name what they alter on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """An aware UTC datetime on every backend.

    SQLite has no time zones and SQLAlchemy stores its datetimes naive, while
    PostgreSQL's timestamptz returns them aware; this type makes both hand back aware
    UTC values, so callers never compare naive and aware datetimes.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the store keeps aware UTC times only")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {type(value).__name__}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _record_id() -> sa.Column[str]:
    return sa.Column("id", sa.Text, primary_key=True)


def _article_ref() -> sa.Column[str]:
    # Records belong to their article; deleting an article takes its records with it.
    return sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _seq() -> sa.Column[int]:
    # The position of the record in its Extraction tuple, so that order round-trips.
    return sa.Column("seq", sa.Integer, nullable=False)


def _data() -> sa.Column[str]:
    return sa.Column("data", sa.Text, nullable=False)


articles = sa.Table(
    "articles",
    metadata,
    _record_id(),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("language", sa.Text),
    sa.Column("duplicate_of", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", UtcDateTime, nullable=False),
    # The record without its text, which lives in ``text`` only, not twice.
    _data(),
)

# What an Extraction holds beyond its statements, events and pledges (places, times,
# actors, the pipeline version); one row per article.
extractions = sa.Table(
    "extractions",
    metadata,
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("pipeline", sa.Text, nullable=False),
    sa.Column("extracted_at", UtcDateTime, nullable=False),
    _data(),
)

statements = sa.Table(
    "statements",
    metadata,
    _record_id(),
    _article_ref(),
    _seq(),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_country", sa.Text, index=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end_", sa.Integer, nullable=False),
    _data(),
)

events = sa.Table(
    "events",
    metadata,
    _record_id(),
    _article_ref(),
    _seq(),
    sa.Column("type", sa.Text, nullable=False, index=True),
    sa.Column("actor_name", sa.Text),
    sa.Column("actor_country", sa.Text, index=True),
    sa.Column("recipient_country", sa.Text),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("reporter_side", sa.Text, nullable=False),
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("lat", sa.Double),
    sa.Column("lon", sa.Double),
    # No foreign key: a dangling statement id is a pipeline bug to report, not a
    # reason to lose the whole article.
    sa.Column("statement_id", sa.Text, index=True),
    _data(),
    # The day the event counts for when pledges are judged (saydo.link.event_date
    # without the publication-date fallback): what scope queries filter on.
    sa.Column("day", sa.Date),
    # Coordinates ride along, so that a box is checked in the index (migration 0004).
    sa.Index("ix_events_day_lat_lon", "day", "lat", "lon"),
    sa.Index("ix_events_actor_country_day_lat_lon", "actor_country", "day", "lat", "lon"),
    sa.Index("ix_events_recipient_country_day", "recipient_country", "day"),
    sa.Index("ix_events_lat_lon", "lat", "lon"),
)

# Every located place of every event, one row each (an event's ``lat``/``lon`` hold its
# first only), so that a deed whose later place alone is near a pledge is found by an
# index. ``day`` is the day the linker dates the event by (its own, else its article's
# publication day; ``dated`` tells which). A place-less event gets rows, with negative
# ``idx``, for the places of the other events of its sentence, which the linker lends it.
event_places = sa.Table(
    "event_places",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    _article_ref(),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("side", sa.Text),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("dated", sa.Boolean, nullable=False),
    sa.Column("lat", sa.Double, nullable=False),
    sa.Column("lon", sa.Double, nullable=False),
    sa.Index("ix_event_places_side_day_lat_lon", "side", "day", "lat", "lon"),
    sa.Index("ix_event_places_day_lat_lon", "day", "lat", "lon"),
)

pledges = sa.Table(
    "pledges",
    metadata,
    _record_id(),
    _article_ref(),
    _seq(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("actor_country", sa.Text, index=True),
    sa.Column("made_on", sa.Date, index=True),
    sa.Column("window_end", sa.Date),
    sa.Column("event_id", sa.Text),
    _data(),
    # The ledger's order: its first page is read from this index, not sorted.
    sa.Index("ix_pledges_made_on_id", "made_on", "id"),
)

# No foreign key to pledges: reprocessing an article deletes and re-inserts its
# pledges, and the verdicts (and their history) must survive that.
verdicts = sa.Table(
    "verdicts",
    metadata,
    sa.Column("pledge_id", sa.Text, primary_key=True),
    sa.Column("label", sa.Text, nullable=False, index=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("one_sided", sa.Boolean, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    _data(),
)

verdict_history = sa.Table(
    "verdict_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("pledge_id", sa.Text, nullable=False, index=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("previous_label", sa.Text),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("changed_at", UtcDateTime, nullable=False),
    sa.Column("trigger_article_id", sa.Text),
)

ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("failed_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("source", "code"),
)

# Near-duplicate detection (saydo.dedup): one MinHash per article seen, in the order
# seen (``seq``), and the LSH bands that find candidates. No foreign key: signatures
# are recorded before the article's extraction is stored.
article_signatures = sa.Table(
    "article_signatures",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, nullable=False, unique=True),
    sa.Column("minhash", sa.Text, nullable=False),  # the values in hex, space-separated
    sa.Column("duplicate_of", sa.Text, index=True),
    sa.Column("seen_at", UtcDateTime, nullable=False),
)

signature_bands = sa.Table(
    "signature_bands",
    metadata,
    sa.Column("band", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, primary_key=True),
)

# What full-text search covers: an article's title and text, a statement's speaker
# and content. Each backend indexes it its own way (migration 0003): an FTS5 table
# over it on SQLite, a generated tsvector column on PostgreSQL, neither described
# here; see BACKEND_OBJECTS.
search_docs = sa.Table(
    "search_docs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.Text, nullable=False),  # "article" or "statement"
    sa.Column("record_id", sa.Text, nullable=False),
    _article_ref(),
    sa.Column("title", sa.Text),
    sa.Column("body", sa.Text, nullable=False),
)

# Objects the migrations make that SQLAlchemy cannot describe (FTS5 tables and their
# shadow tables, the tsvector column and its index), and the views.
BACKEND_OBJECTS = ("search_fts", "tsv", "ix_search_docs_tsv")
VIEW_NAMES = ("v_ledger", "v_events", "v_statements")


def described(name: str | None, type_: str, _parents: object = None) -> bool:
    """False for what the migrations make beyond this module: an alembic include_name
    hook, so that comparing the database with ``metadata`` skips those objects."""
    if name is None:
        return True
    return not name.startswith(BACKEND_OBJECTS) and name not in VIEW_NAMES


# Tables whose ``id`` column resolve_id searches, in the order a match is preferred.
ID_TABLES = (articles, pledges, events, statements)
