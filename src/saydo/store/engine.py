"""Engines for the store, with SQLite set up for a crash-safe, concurrent ledger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine, make_url

# Execution option that marks a connection as about to write (see _begin).
WRITE = "saydo_write"

# Any fixed number: the PostgreSQL advisory lock that saydo writers queue on.
_PG_WRITER_LOCK = 0x5A7D0


def create_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and explicit BEGINs."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed)
    _make_parent_dir(parsed)
    # A writer may hold the lock for a whole article; wait for it rather than fail.
    engine = sa.create_engine(parsed, connect_args={"timeout": 30})
    sa.event.listen(engine, "connect", _on_sqlite_connect)
    sa.event.listen(engine, "begin", _begin)
    return engine


def lock_for_writing(conn: Connection) -> None:
    """Serialise writers: call first thing in a write transaction.

    SQLite already has one writer at a time (BEGIN IMMEDIATE, see _begin). PostgreSQL
    gets the same through a transaction-scoped advisory lock, so the store's
    check-then-write steps (is the article there? what was the verdict?) cannot race
    another saydo process, and two processes opening a new database migrate it once.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITER_LOCK})


def _make_parent_dir(url: URL) -> None:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module, which would otherwise begin
    # transactions lazily and behind our back; _begin issues them instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL: readers (the web layer) do not block the writer and vice versa, and a
        # killed writer leaves the last committed state intact.
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed
        # process loses nothing committed (the WAL is in the OS's hands), only a power
        # cut may lose the last commits, never corrupt the file.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _begin(conn: Connection) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is
    # locked" if another writer got in between; IMMEDIATE takes the write lock up front,
    # so concurrent writers queue on the busy timeout instead.
    immediate = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
