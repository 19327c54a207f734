"""Migrations: a fresh database is built to head on open; reopening changes nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from saydo.store import Store, migrate, schema

from . import samples


def _version(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return migrate.current(conn)


def test_fresh_database_is_at_head(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert _version(store) == migrate.head() == "0005"
        tables = set(sa.inspect(store.engine).get_table_names())
    described = {t for t in tables if schema.described(t, "table")}
    assert described == {t.name for t in schema.metadata.sorted_tables} | {"alembic_version"}


def test_reopening_does_not_migrate(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_url) as store:
        store.add(samples.article(), samples.extraction())

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("migrated an up-to-date database")

    monkeypatch.setattr(command, "upgrade", refuse)
    with Store.open(db_url) as store:
        assert _version(store) == migrate.head()
        assert store.extraction(samples.article().id) == samples.extraction()


def test_migrations_build_what_schema_describes(store: Store) -> None:
    with store.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": schema.described}
        context = MigrationContext.configure(conn, opts=opts)
        assert compare_metadata(context, schema.metadata) == []


def test_downgrade_and_upgrade_again(store: Store) -> None:
    with store.engine.begin() as conn:
        command.downgrade(migrate.config(conn), "base")
        assert migrate.current(conn) is None
        assert sa.inspect(conn).get_table_names() == ["alembic_version"]
    migrate.upgrade(store.engine)
    assert _version(store) == migrate.head()


def test_a_newer_schema_is_refused(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": "9999"})
    with pytest.raises(RuntimeError, match="upgrade saydo"):
        Store.open(db_url)


@pytest.mark.parametrize("url", ["postgresql://", "sqlite://"])
def test_offline_sql_renders(url: str) -> None:
    # Checks the PostgreSQL DDL even where no server runs the store tests.
    cfg = migrate.config(url=url)
    cfg.output_buffer = io.StringIO()
    command.upgrade(cfg, "head", sql=True)
    sql = cfg.output_buffer.getvalue()
    assert "CREATE TABLE events" in sql
    assert "CREATE INDEX ix_events_event_date ON events (event_date)" in sql
    if url.startswith("postgresql"):
        assert "TIMESTAMP WITH TIME ZONE" in sql
        assert "DOUBLE PRECISION" in sql
