"""The main job on a real corpus: both press-release CSVs, every document accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from saydo.ingest import IngestOptions
from saydo.runner import ingest
from saydo.store import Store

PRESS_RELEASES = 1796


@pytest.mark.slow
def test_press_releases_ingest_without_a_crash(shared_data: Path, tmp_path: Path) -> None:
    options = IngestOptions(
        text_column="body", date_column="date", title_column="headline", url_column="link"
    )
    folder = shared_data / "corpora" / "press-releases"
    with Store.open(str(tmp_path / "pr.db")) as store:
        report = ingest(sorted(folder.glob("*.csv")), store, options)
        stored = store.article_count()
        failures = store.failures()
    assert report.read == PRESS_RELEASES
    # Identical texts are one article; everything else is stored or listed with its reason.
    assert report.added + report.failed + report.already_stored == PRESS_RELEASES
    assert stored == report.added
    assert len(failures) == report.failed
    assert all(f.reason and f.code.startswith("E") for f, _ in failures)
    assert report.added > 0.95 * PRESS_RELEASES
