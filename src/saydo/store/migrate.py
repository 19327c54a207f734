"""Alembic, run from code: the migration scripts ship inside the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from saydo.store.engine import WRITE, lock_for_writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An alembic Config without alembic.ini, for ``connection`` or (offline) ``url``."""
    cfg = Config()
    # Config values go through ConfigParser interpolation, hence the doubled %.
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision the package ships."""
    revision = ScriptDirectory.from_config(config()).get_current_head()
    if revision is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return revision


def current(connection: Connection) -> str | None:
    """The revision a database is at, None if it was never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to head in one transaction; a no-op when it is there."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            lock_for_writing(connection)
            at = current(connection)
            if at != head():
                _check_known(at)
                command.upgrade(config(connection), "head")


def _check_known(revision: str | None) -> None:
    """Refuse a database migrated by a newer saydo, which this one cannot read."""
    if revision is None:
        return
    scripts = ScriptDirectory.from_config(config())
    if revision not in {script.revision for script in scripts.walk_revisions()}:
        raise RuntimeError(
            f"the database is at schema revision {revision!r}, which this saydo does not "
            f"know (its newest is {head()!r}): upgrade saydo to open it"
        )
