"""Both months of the shared feed files, read in one call: nothing crashes."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from saydo.domain import Article, IngestFailure
from saydo.errors import ErrorCode
from saydo.ingest import read_sources

pytestmark = pytest.mark.shared


def test_both_months_of_feeds_read_in_one_call(shared_data: Path) -> None:
    folder = shared_data / "feeds"
    files = sum(1 for _ in folder.rglob("*.json"))
    started = time.perf_counter()
    result = list(read_sources([folder]))
    seconds = time.perf_counter() - started
    articles = [o for o in result if isinstance(o, Article)]
    failures = [o for o in result if isinstance(o, IngestFailure)]
    reasons = Counter(f.reason.split(": ", 1)[1].split(" [")[0] for f in failures)
    print(
        f"\n{files} files, {len(result)} items in {seconds:.1f}s: {len(articles)} articles "
        f"({len({a.id for a in articles})} distinct), {len(failures)} skipped: {dict(reasons)}"
    )
    assert files > 2000
    assert len(result) > 7000
    # Every item is an article or a skip with a reason; the only skips are languages.
    assert {f.code for f in failures} <= {ErrorCode.NOT_ENGLISH.code}
    assert all(f.source.startswith(str(folder)) and "#item=" in f.source for f in failures)
    assert len(articles) > 0.8 * len(result)
    assert all(a.text.strip() and a.title for a in articles)
