"""Near-duplicate signatures: a MinHash per article and its LSH bands.

Revision ID: 0002
Revises: 0001
Create Date: 2024-07-01

No foreign key to articles: a signature is recorded when an article is first seen,
before its extraction is stored, so that copies later in the same run are matched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("seq", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("minhash", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.Text),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_article_signatures"),
        sa.UniqueConstraint("article_id", name="uq_article_signatures_article_id"),
    )
    op.create_index("ix_article_signatures_duplicate_of", "article_signatures", ["duplicate_of"])
    op.create_table(
        "signature_bands",
        sa.Column("band", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("band", "article_id", name="pk_signature_bands"),
    )


def downgrade() -> None:
    op.drop_table("signature_bands")
    op.drop_index("ix_article_signatures_duplicate_of", "article_signatures")
    op.drop_table("article_signatures")
