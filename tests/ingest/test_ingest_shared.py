"""Ingest on the real data in ../shared/data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from saydo.domain import Article, IngestFailure, content_hash
from saydo.ingest import IngestOptions, read_sources

pytestmark = pytest.mark.shared

PRESS_OPTIONS = IngestOptions(
    text_column="body", date_column="date", title_column="headline", url_column="link"
)


def test_defining_article_with_its_sidecar(defining_article: Path) -> None:
    result = list(read_sources([defining_article]))
    assert len(result) == 1
    [article] = result
    assert isinstance(article, Article)
    assert article.source == str(defining_article)
    assert article.published == date(2022, 3, 30)
    assert article.published_at is None
    assert (article.outlet, article.byline, article.dateline, article.language) == (
        "ITV News",
        "Rohit Kachroo",
        "Kyiv",
        "en",
    )
    assert article.title is not None
    assert article.title.startswith("Zelenskyy dismisses Russia's pledge to scale back")
    # Offsets downstream index into this text: it must be the file, unchanged.
    assert article.text == defining_article.read_text(encoding="utf-8")
    assert article.id == content_hash(article.text)


def test_articles_folder_holds_just_the_defining_article(defining_article: Path) -> None:
    from_folder = list(read_sources([defining_article.parent]))
    assert from_folder == list(read_sources([defining_article]))


def test_press_release_csvs_read_in_full(shared_data: Path) -> None:
    folder = shared_data / "corpora" / "press-releases"
    putin, zelenskyy = folder / "putin.csv", folder / "zelenskyy.csv"
    result = list(read_sources([putin, zelenskyy], PRESS_OPTIONS))
    failures = [o for o in result if isinstance(o, IngestFailure)]
    assert failures == []
    articles = [o for o in result if isinstance(o, Article)]
    assert len(articles) == 1796
    by_file = [a for a in articles if a.source.startswith(f"{putin}#row=")]
    assert [a.source for a in by_file] == [f"{putin}#row={n}" for n in range(1, 817)]
    assert len(articles) - len(by_file) == 980
    assert all(a.url and a.url.startswith("http") for a in articles)
    # One release has an empty headline in the data itself.
    untitled = [a.source for a in articles if not a.title]
    assert untitled == [f"{zelenskyy}#row=496"]
    assert all(
        date(2021, 10, 1) <= a.published <= date(2022, 6, 30) for a in articles if a.published
    )
    assert all(a.published_at is not None and a.published_at.tzinfo for a in articles)
    # One release runs past the csv module's default field limit of 131,072.
    assert max(len(a.text) for a in articles) > 131_072
    assert all("\r" not in a.text for a in articles)
    first = articles[0]
    assert (first.title, first.url, first.published) == (
        "BRICS+ meeting",
        "http://en.kremlin.ru/events/president/news/68700",
        date(2022, 6, 24),
    )


def test_press_release_ids_are_stable(shared_data: Path) -> None:
    path = shared_data / "corpora" / "press-releases" / "zelenskyy.csv"
    first = [o.id for o in read_sources([path], PRESS_OPTIONS) if isinstance(o, Article)]
    again = [o.id for o in read_sources([path], PRESS_OPTIONS) if isinstance(o, Article)]
    assert first == again
    assert len(first) == 980
