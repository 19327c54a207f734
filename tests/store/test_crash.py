"""A writer killed in the middle of add() leaves the article either whole or absent."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from saydo.store import Store, schema

from . import samples

TESTS = Path(__file__).resolve().parents[1]

# Runs add() in a child process that SIGKILLs itself right after the events went in
# and before the pledges and the commit: no cleanup code of ours gets to run.
_CHILD = """
import os, signal, sys
sys.path.insert(0, sys.argv[2])
from saydo.store import Store, store as store_module
from store import samples

real_insert_many = store_module._insert_many

def insert_then_die(conn, table, values):
    real_insert_many(conn, table, values)
    if table.name == "events":
        os.kill(os.getpid(), signal.SIGKILL)

store_module._insert_many = insert_then_die
with Store.open(sys.argv[1]) as store:
    store.add(samples.article(), samples.extraction())
"""


def test_killed_add_leaves_nothing_and_can_be_redone(db_url: str) -> None:
    Store.open(db_url).close()  # migrate first, so the kill hits the add

    child = subprocess.run(
        [sys.executable, "-c", _CHILD, db_url, str(TESTS)], capture_output=True, timeout=120
    )

    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    with Store.open(db_url) as store:
        assert not store.has_article(samples.article().id)
        with store.engine.connect() as conn:
            for table in schema.metadata.sorted_tables:
                assert conn.scalar(sa.select(sa.func.count()).select_from(table)) == 0, table
        assert store.add(samples.article(), samples.extraction())
        assert store.extraction(samples.article().id) == samples.extraction()
