"""The whole job on a real PostgreSQL server gives what it gives on SQLite.

`make test` starts a throwaway server (scripts/with-postgres.sh) and sets
SAYDO_TEST_POSTGRES; run alone, without a server, this test is skipped and says why.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from saydo.cli import main
from saydo.settings import db_url

ADMIN = os.environ.get("SAYDO_TEST_POSTGRES")


def test_plain_postgresql_urls_use_the_installed_driver() -> None:
    assert db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_url("data/s.db").startswith("sqlite:///")


@pytest.fixture
def postgres_db() -> Iterator[str]:
    if not ADMIN:
        pytest.skip("SAYDO_TEST_POSTGRES is not set: run through `make test` for a server")
    admin = sa.create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    name = f"saydo_cli_{uuid.uuid4().hex}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield sa.make_url(ADMIN).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def ledger(db: str, article: Path) -> list[dict[str, object]]:
    runner = CliRunner()
    result = runner.invoke(main, ["--db", db, "ingest", "-q", str(article)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(main, ["--db", db, "ledger", "--json"], catch_exceptions=False)
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_ledger_on_postgresql_equals_ledger_on_sqlite(
    postgres_db: str, defining_article: Path, tmp_path: Path
) -> None:
    on_postgres = ledger(postgres_db, defining_article)
    on_sqlite = ledger(str(tmp_path / "s.db"), defining_article)
    assert on_postgres == on_sqlite
    assert {r["verdict"] for r in on_postgres} == {"contradicted", "pending"}
