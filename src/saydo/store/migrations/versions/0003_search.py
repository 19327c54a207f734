"""Full-text search over articles (title, text) and statements (speaker, content).

Revision ID: 0003
Revises: 0002
Create Date: 2024-08-01

One portable table, ``search_docs``, holds what is searchable; the store writes it
beside the records it indexes. Each backend then indexes it its own way: SQLite with
an FTS5 table over it (external content, kept in step by triggers, so a cascade from
a deleted article reaches the index too), PostgreSQL with a generated tsvector column
and a GIN index. Both stem English words (porter / the 'english' configuration).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_docs', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
)
_SQLITE_FORGET = (
    "INSERT INTO search_fts(search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body);"
)
_SQLITE_LEARN = "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
_SQLITE_TRIGGERS = {
    "search_docs_ai": f"AFTER INSERT ON search_docs BEGIN {_SQLITE_LEARN} END",
    "search_docs_ad": f"AFTER DELETE ON search_docs BEGIN {_SQLITE_FORGET} END",
    "search_docs_au": f"AFTER UPDATE ON search_docs BEGIN {_SQLITE_FORGET} {_SQLITE_LEARN} END",
}
# PostgreSQL's parser drops anything that looks like an HTML tag, words and all; a
# private-use character after each "<" keeps "<script>" a word to find. The search
# query headlines the same text, and saydo.store.search removes the character again.
_PG_UNTAG = "replace({}, '<', '<' || chr(57346))"
_PG_TITLE = _PG_UNTAG.format("coalesce(title, '')")
_PG_BODY = _PG_UNTAG.format("body")
_PG_VECTOR = (
    "ALTER TABLE search_docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector('english', {_PG_TITLE}), 'A') || "
    f"setweight(to_tsvector('english', {_PG_BODY}), 'B')) STORED"
)
# A statement's content, and its speaker as written, live in its JSON record only.
_JSON = {
    "sqlite": "json_extract(data, '$.{}')",
    "postgresql": "(data::jsonb ->> '{}')",
}


def upgrade() -> None:
    op.create_table(
        "search_docs",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("record_id", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_search_docs"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_search_docs_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_search_docs_article_id", "search_docs", ["article_id"])
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute(_SQLITE_INDEX)
        for name, body in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        op.execute(_PG_VECTOR)
        op.execute("CREATE INDEX ix_search_docs_tsv ON search_docs USING gin (tsv)")
    _backfill(_JSON.get(dialect, _JSON["postgresql"]))


def _backfill(field: str) -> None:
    # Databases made before this revision: index what they already hold.
    op.execute(
        "INSERT INTO search_docs (kind, record_id, article_id, title, body) "
        "SELECT 'article', id, id, title, text FROM articles"
    )
    op.execute(
        "INSERT INTO search_docs (kind, record_id, article_id, title, body) "
        "SELECT 'statement', id, article_id, "
        f"COALESCE(speaker_name, {field.format('speaker_text')}), {field.format('content')} "
        "FROM statements"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index("ix_search_docs_article_id", "search_docs")
    op.drop_table("search_docs")
