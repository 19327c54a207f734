"""The initial schema: articles, their records, verdicts and ingest failures.

Revision ID: 0001
Revises:
Create Date: 2024-06-01

Written out in full rather than built from saydo.store.schema, so that this revision
keeps creating the same tables when the schema module moves on. Constraint names
follow schema.NAMING_CONVENTION.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.sql.schema import SchemaItem

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime(timezone=True)


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"],
        ["articles.id"],
        name=f"fk_{table}_article_id_articles",
        ondelete="CASCADE",
    )


def _record_columns(table: str) -> list[SchemaItem]:
    """The id, article and position columns every per-article record table starts with."""
    return [
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        _article_fk(table),
    ]


def _index(table: str, *columns: str) -> None:
    op.create_index(f"ix_{table}_{'_'.join(columns)}", table, list(columns))


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("language", sa.Text),
        sa.Column("duplicate_of", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", _TIME, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    _index("articles", "published")

    op.create_table(
        "extractions",
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("pipeline", sa.Text, nullable=False),
        sa.Column("extracted_at", _TIME, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_extractions"),
        _article_fk("extractions"),
    )

    op.create_table(
        "statements",
        *_record_columns("statements"),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_country", sa.Text),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end_", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    _index("statements", "article_id")
    _index("statements", "speaker_country")

    op.create_table(
        "events",
        *_record_columns("events"),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("actor_name", sa.Text),
        sa.Column("actor_country", sa.Text),
        sa.Column("recipient_country", sa.Text),
        sa.Column("modality", sa.Text, nullable=False),
        sa.Column("reporter_side", sa.Text, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("lat", sa.Double),
        sa.Column("lon", sa.Double),
        sa.Column("statement_id", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
    )
    for column in ("article_id", "type", "actor_country", "event_date", "statement_id"):
        _index("events", column)

    op.create_table(
        "pledges",
        *_record_columns("pledges"),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("actor_country", sa.Text),
        sa.Column("made_on", sa.Date),
        sa.Column("window_end", sa.Date),
        sa.Column("event_id", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
    )
    for column in ("article_id", "actor_country", "made_on"):
        _index("pledges", column)

    op.create_table(
        "verdicts",
        sa.Column("pledge_id", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("one_sided", sa.Boolean, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("pledge_id", name="pk_verdicts"),
    )
    _index("verdicts", "label")

    op.create_table(
        "verdict_history",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("pledge_id", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("previous_label", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("changed_at", _TIME, nullable=False),
        sa.Column("trigger_article_id", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_verdict_history"),
    )
    _index("verdict_history", "pledge_id")

    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_failures"),
        sa.UniqueConstraint("source", "code", name="uq_ingest_failures_source_code"),
    )


def downgrade() -> None:
    for table in (
        "ingest_failures",
        "verdict_history",
        "verdicts",
        "pledges",
        "events",
        "statements",
        "extractions",
        "articles",
    ):
        op.drop_table(table)
