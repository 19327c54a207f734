"""Databases for the store tests.

Every test runs against a fresh SQLite file. Set ``SAYDO_TEST_POSTGRES`` to a
SQLAlchemy URL of a PostgreSQL server (any database the user may CREATE DATABASE
from, e.g. ``postgresql+psycopg://saydo@localhost/postgres``) to run each test
against PostgreSQL as well, in a throw-away database per test.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from saydo.store import Store

POSTGRES = os.environ.get("SAYDO_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES else ["sqlite"]

NewDb = Callable[[], str]


@pytest.fixture(params=BACKENDS)
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[NewDb]:
    """Makes an empty database per call and returns its URL."""
    if request.param == "sqlite":
        counter = itertools.count()
        yield lambda: f"sqlite:///{tmp_path / f'saydo-{next(counter)}.db'}"
    else:
        assert POSTGRES is not None
        yield from _postgres_databases(POSTGRES)


def _postgres_databases(admin_url: str) -> Iterator[NewDb]:
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def new() -> str:
        name = f"saydo_test_{uuid.uuid4().hex}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {_quoted(admin, name)}")
        made.append(name)
        return sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    try:
        yield new
    finally:
        with admin.connect() as conn:
            for name in made:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {_quoted(admin, name)} WITH (FORCE)")
        admin.dispose()


def _quoted(engine: sa.Engine, name: str) -> str:
    # Identifiers cannot be bound parameters; the name is ours (a uuid), quoted anyway.
    return engine.dialect.identifier_preparer.quote(name)


@pytest.fixture
def db_url(new_db_url: NewDb) -> str:
    return new_db_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened
