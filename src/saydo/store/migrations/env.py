"""Alembic environment for the saydo store.

Online, saydo.store.migrate hands in the connection (and transaction) it opened, so
that the migration runs inside it; offline (``sql=True``), SQL is rendered for the URL
in the config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from saydo.store.schema import described, metadata


def _configure(connection: Connection) -> None:
    # Batch mode makes later ALTERs work on SQLite, which rebuilds tables to alter them.
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=described,
    )


def run_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through saydo.store.migrate, which passes a connection")
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
