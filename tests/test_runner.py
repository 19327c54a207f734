"""The main job on a real corpus: both press-release CSVs, every document accounted for."""

from __future__ import annotations

import json
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
    assert report.added + len(report.failures) + report.already_stored == PRESS_RELEASES
    assert stored == report.added
    assert len(failures) == len(report.failures) == report.failed + report.skipped
    assert all(f.reason and f.code.startswith("E") for f, _ in failures)
    assert report.added > 0.95 * PRESS_RELEASES


def test_a_wire_copy_is_stored_as_a_duplicate_of_the_first_seen_story(tmp_path: Path) -> None:
    from dataclasses import replace

    from click.testing import CliRunner

    from saydo.cli import main
    from saydo.domain import Article, content_hash
    from saydo.runner import ingest_items

    story = (
        "Ukrainian officials said Russian forces shelled the outskirts of Kharkiv overnight, "
        "damaging several apartment blocks and a school. Regional governor Oleh Synehubov said "
        "rescue teams were still searching the rubble on Thursday morning, and that power had "
        "been cut to parts of the city's north-eastern districts after the strikes. The "
        "city council opened three shelters in metro stations and asked residents to stay "
        "indoors until the air-raid alert was lifted. Russia's defence ministry did not "
        "comment on the reports, and said its forces struck only military targets."
    )
    copy = (
        story.replace("on Thursday morning", "early on Thursday") + " (Reporting by a wire desk.)"
    )
    first = Article(content_hash(story), story, "a.txt")
    second = replace(first, id=content_hash(copy), text=copy, source="b.txt")
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        report = ingest_items([first, second], store)
        assert report.added == 2
        stored = store.article(second.id)
    assert stored is not None
    assert stored.duplicate_of == first.id
    result = CliRunner().invoke(main, ["--db", db, "duplicates", "--json"])
    assert json.loads(result.stdout) == {first.id: [second.id]}


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_relink_one_pledge_at_a_time_matches_linking_the_whole_store(tmp_path: Path) -> None:
    from saydo.link import link
    from saydo.runner import relink

    with Store.open(str(tmp_path / "ex.db")) as store:
        report = ingest([EXAMPLES], store)
        assert report.added > 5
        assert report.verdicts
        whole = link(store.pledges(), store.events(), store.article_meta())
        by_group = relink(store)
        saved = {v.pledge_id: v for v in store.verdicts()}
    assert by_group == whole
    assert any(v.evidence for v in whole)  # the comparison covers incidents
    assert {v.pledge_id: v for v in whole} == saved


def test_a_batch_is_written_at_once_and_resumes_after_a_failed_one(tmp_path: Path) -> None:
    from saydo.domain import Article, content_hash
    from saydo.runner import ingest_items
    from saydo.settings import Settings

    texts = [
        f"Officials in city number {n} said on Monday that talks on prisoner exchanges "
        f"would resume next week, after {n} rounds of negotiations this spring."
        for n in range(7)
    ]
    articles = [Article(content_hash(t), t, f"{n}.txt") for n, t in enumerate(texts)]
    settings = Settings(batch_size=3)
    with Store.open(str(tmp_path / "b.db")) as store:
        first = ingest_items(articles[:4], store, settings)
        again = ingest_items(articles, store, settings)
        stored = store.known_article_ids()
    assert first.added == 4
    assert (again.added, again.already_stored) == (3, 4)
    assert stored == {a.id for a in articles}


def test_ingesting_more_relinks_what_it_touches_and_keeps_the_rest(tmp_path: Path) -> None:
    from saydo.link import link

    texts = sorted(EXAMPLES.glob("*.txt"))
    half = len(texts) // 2
    with Store.open(str(tmp_path / "two.db")) as store:
        ingest(texts[:half], store)
        before = {v.pledge_id: v for v in store.verdicts()}
        assert before
        report = ingest(texts[half:], store)
        assert report.added == len(texts) - half
        whole = {
            v.pledge_id: v for v in link(store.pledges(), store.events(), store.article_meta())
        }
        saved = {v.pledge_id: v for v in store.verdicts()}
    assert {k: saved[k] for k in whole} == whole
    relinked = {v.pledge_id for v in report.verdicts}
    assert relinked < whole.keys()  # some groups were left as they were
    assert all(before[k] == whole[k] for k in whole.keys() - relinked)


def test_batches_close_at_a_count_or_a_character_budget() -> None:
    from saydo.domain import Article, content_hash
    from saydo.runner import _batches
    from saydo.settings import Settings

    def article(chars: int, n: int) -> Article:
        text = f"{n} " + "x" * chars
        return Article(content_hash(text), text, f"a{n}")

    settings = Settings(batch_size=3, batch_chars=1000)
    short = [article(10, n) for n in range(7)]
    assert [len(b) for b in _batches(short, settings)] == [3, 3, 1]
    mixed = [article(600, 0), article(600, 1), article(5000, 2), article(10, 3)]
    assert [len(b) for b in _batches(mixed, settings)] == [2, 1, 1]
    assert [a for b in _batches(mixed, settings) for a in b] == mixed
