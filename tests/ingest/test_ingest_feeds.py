"""RSS and Atom files, feed-item JSON, and the language filter."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from saydo.domain import Article, IngestFailure, content_hash
from saydo.errors import ErrorCode
from saydo.ingest import IngestOptions, read_sources
from saydo.ingest.language import article_language, primary_language

Outcome = Article | IngestFailure

ENGLISH = (
    "Russia's deputy defence minister said on Tuesday that Moscow would drastically "
    "reduce military activity near Kyiv and Chernihiv to build trust for talks."
)
POLISH = (
    "Rosyjski wiceminister obrony powiedział we wtorek, że Moskwa drastycznie ograniczy "
    "działania wojskowe w pobliżu Kijowa i Czernihowa, aby zbudować zaufanie do rozmów."
)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><language>en-gb</language>
<item><title>Russia to scale back near Kyiv</title>
<description>&lt;p&gt;{ENGLISH}&lt;/p&gt;&lt;p&gt;More &amp;amp; later.&lt;/p&gt;</description>
<pubDate>Tue, 29 Mar 2022 10:00:00 GMT</pubDate><link>https://example.com/1</link>
<author>desk@example.com (Desk)</author></item>
<item><title>Rosja ograniczy działania</title><description>{POLISH}</description>
<pubDate>Tue, 29 Mar 2022 11:00:00 GMT</pubDate></item>
<item><title>Undated</title><description>{ENGLISH}</description><pubDate>soon</pubDate></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Kyiv talks</title><updated>2022-03-30T08:00:00Z</updated>
<link href="https://example.org/a"/><summary>Short.</summary>
<content type="html">&lt;div&gt;{ENGLISH}&lt;/div&gt;</content></entry>
</feed>
"""


def read(*paths: str | Path, **options: object) -> list[Outcome]:
    return list(read_sources(paths, IngestOptions(**options)))  # type: ignore[arg-type]


def test_rss_items_are_articles_with_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    first, polish, undated = read(path)
    assert isinstance(first, Article)
    assert first.source == f"{path}#entry=0"
    assert first.text == f"Russia to scale back near Kyiv\n\n{ENGLISH}\n\nMore & later."
    assert first.id == content_hash(first.text)
    assert (first.title, first.outlet, first.url, first.language) == (
        "Russia to scale back near Kyiv",
        "Example News",
        "https://example.com/1",
        "en-gb",
    )
    assert first.published_at == datetime(2022, 3, 29, 10, tzinfo=UTC)
    assert isinstance(polish, IngestFailure)
    assert polish.code == ErrorCode.NOT_ENGLISH.code
    assert "not English (pl)" in polish.reason
    assert isinstance(undated, IngestFailure)
    assert undated.code == ErrorCode.BAD_DATE.code


def test_atom_prefers_full_content_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = read(path)
    assert isinstance(entry, Article)
    assert entry.text == f"Kyiv talks\n\n{ENGLISH}"
    assert (entry.outlet, entry.url, entry.published) == (
        "Atom Desk",
        "https://example.org/a",
        date(2022, 3, 30),
    )


def test_xml_in_a_folder_is_read_as_a_feed(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    result = read(tmp_path)
    assert [type(o).__name__ for o in result] == ["Article", "IngestFailure", "IngestFailure"]


def test_malformed_feed_without_entries_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title><item", encoding="utf-8")
    [failure] = read(path)
    assert isinstance(failure, IngestFailure)
    assert failure.code in {ErrorCode.MALFORMED.code, ErrorCode.EMPTY_INPUT.code}
    assert failure.source == str(path)


def test_a_feed_that_names_a_local_file_does_not_read_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.rss"
    secret.write_text(RSS, encoding="utf-8")
    path = tmp_path / "pointer.rss"
    path.write_text(str(secret), encoding="utf-8")
    assert all(isinstance(o, IngestFailure) for o in read(path))


def test_feed_item_json_reads_title_and_description(tmp_path: Path) -> None:
    items = [
        {
            "source": "http://rss.cnn.com/rss/edition.rss",
            "title": "Zelensky speaks",
            "description": ENGLISH,
            "link": "https://www.cnn.com/x",
            "date_published": "2022-03-01 20:08:44+00:00",
            "language": "en-US",
        },
        {"title": "Headline only", "description": "", "language": "en-US"},
        {"title": "Po polsku", "description": POLISH, "language": "pl-PL"},
        # A channel set to en-US that posts in Polish: the text decides.
        {"title": "Po polsku", "description": POLISH, "language": "en-US"},
    ]
    path = tmp_path / "feed_entries.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    cnn, headline, polish, mislabelled = read(path)
    assert isinstance(cnn, Article)
    assert cnn.text == f"Zelensky speaks\n\n{ENGLISH}"
    assert cnn.outlet == "rss.cnn.com"
    assert isinstance(headline, Article)
    assert headline.text == "Headline only"
    for skipped in (polish, mislabelled):
        assert isinstance(skipped, IngestFailure)
        assert skipped.code == ErrorCode.NOT_ENGLISH.code


def test_language_filter_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "polish.txt"
    path.write_text(POLISH, encoding="utf-8")
    [skipped] = read(path)
    assert isinstance(skipped, IngestFailure)
    assert skipped.code == ErrorCode.NOT_ENGLISH.code
    [kept] = read(path, skip_non_english=False)
    assert isinstance(kept, Article)


def test_short_or_repetitive_text_is_never_skipped_as_foreign(tmp_path: Path) -> None:
    assert article_language("Kyiv, 29 March", None) is None
    assert article_language("word " * 500, None) is None
    assert article_language(ENGLISH, None) == "en"
    assert article_language(POLISH, None) == "pl"
    assert article_language(POLISH, "en-US") == "pl"


def test_language_tags() -> None:
    assert primary_language("en-US") == "en"
    assert primary_language("en_GB") == "en"
    assert primary_language("PL") == "pl"
    assert primary_language("></script></div>") is None
    assert primary_language("https://pkg.go.dev/x") is None
    assert primary_language(None) is None
