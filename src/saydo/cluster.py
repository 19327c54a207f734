"""Dask clusters for batch runs: a local one with ``--workers N`` or an existing one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def open_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client, or None for a plain single-process run.

    Workers are processes with one thread each: spaCy's parser holds the GIL, so threads
    would not add speed, and each process loads the model once.
    """
    if not workers and not scheduler:
        yield None
        return
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
