"""Each reader on small files written for the test, compared record for record."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from saydo.domain import Article, IngestFailure, content_hash
from saydo.ingest import IngestOptions, read_sources

Outcome = Article | IngestFailure

STORY = "Russia said it would scale back operations near Kyiv.\nKyiv was shelled overnight.\n"
OTHER = "Ukraine's president said he did not trust the pledge.\n"


def read(*paths: str | Path, **options: object) -> list[Outcome]:
    return list(read_sources(paths, IngestOptions(**options)))  # type: ignore[arg-type]


def articles(outcomes: list[Outcome]) -> list[Article]:
    assert all(isinstance(o, Article) for o in outcomes), outcomes
    return [o for o in outcomes if isinstance(o, Article)]


def codes(outcomes: list[Outcome]) -> list[tuple[str, str]]:
    """(source, code) of each failure, "article" for each article."""
    return [
        (o.source, o.code) if isinstance(o, IngestFailure) else (o.source, "article")
        for o in outcomes
    ]


# -- plain text -----------------------------------------------------------------


def test_txt_is_one_article_with_its_text_untouched(tmp_path: Path) -> None:
    text = "  Indented lead.\n\nSecond paragraph with trailing space \n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    assert read(path) == [Article(id=content_hash(text), text=text, source=str(path))]


def test_txt_bom_and_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffOne.\r\nTwo.\rThree.\r\n".encode())
    [article] = articles(read(path))
    assert article.text == "One.\nTwo.\nThree.\n"


def test_txt_reads_its_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "itv.txt"
    path.write_text(STORY, encoding="utf-8")
    meta = {
        "title": "Zelenskyy dismisses pledge",
        "outlet": "ITV News",
        "byline": "Rohit Kachroo",
        "dateline": "Kyiv",
        "published": "2022-03-30",
        "url": "https://www.itv.com/news/x",
        "language": "en",
        "note": "ignored",
    }
    (tmp_path / "itv.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert read(path) == [
        Article(
            id=content_hash(STORY),
            text=STORY,
            source=str(path),
            title="Zelenskyy dismisses pledge",
            outlet="ITV News",
            byline="Rohit Kachroo",
            dateline="Kyiv",
            published=date(2022, 3, 30),
            url="https://www.itv.com/news/x",
            language="en",
        )
    ]


def test_sidecar_datetime_gives_published_at(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2022-03-30T10:00:00Z"}')
    [article] = articles(read(path))
    assert article.published == date(2022, 3, 30)
    assert article.published_at == datetime(2022, 3, 30, 10, 0, tzinfo=UTC)


def test_published_and_outlet_options_override_a_single_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        '{"published": "2022-03-29T10:00:00Z", "outlet": "Sidecar"}'
    )
    [article] = articles(read(path, published=date(2022, 3, 30), outlet="ITV News"))
    assert (article.published, article.published_at, article.outlet) == (
        date(2022, 3, 30),
        None,
        "ITV News",
    )


def test_published_option_overrides_a_broken_sidecar_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "last Tuesday"}')
    [article] = articles(read(path, published=date(2022, 3, 30)))
    assert article.published == date(2022, 3, 30)


def test_forced_format_reads_any_name(tmp_path: Path) -> None:
    path = tmp_path / "story.dat"
    path.write_text(STORY, encoding="utf-8")
    assert codes(read(path, format="txt")) == [(str(path), "article")]
    assert codes(read(path, format=".TXT")) == [(str(path), "article")]


def test_other_encodings_are_read_when_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Kyiv, café.\n".encode("latin-1"))
    [article] = articles(read(path, encoding="latin-1"))
    assert article.text == "Kyiv, café.\n"


# -- HTML -----------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Kyiv shelled despite pledge</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2022-03-30T10:00:00Z">
<link rel="canonical" href="https://example.com/kyiv">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kyiv shelled despite pledge</h1>
<p>Russia said on Tuesday it would significantly scale back military operations
near Kyiv and the northern city of Chernihiv.</p>
<p>Ukraine's president said he did not see any basis for trusting the Russians'
words, because the shelling went on overnight in several districts.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = articles(read(path))
    assert article.source == str(path)
    assert (article.title, article.outlet, article.byline, article.url, article.published) == (
        "Kyiv shelled despite pledge",
        "Example News",
        "Jane Roe",
        "https://example.com/kyiv",
        date(2022, 3, 30),
    )
    assert "scale back military operations" in article.text
    assert "<p>" not in article.text
    assert "Copyright" not in article.text
    # One paragraph a line: the two paragraphs are on separate lines.
    lines = article.text.split("\n")
    assert any(line.startswith("Russia said on Tuesday") for line in lines)
    assert any(line.startswith("Ukraine's president said") for line in lines)
    assert article.id == content_hash(article.text)


def test_htm_extension_and_outlet_override(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    [article] = articles(read(path, outlet="Other", published=date(2022, 4, 1)))
    assert (article.outlet, article.published) == ("Other", date(2022, 4, 1))


def test_html_without_main_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    assert codes(read(path)) == [(str(path), "E008")]


# -- JSON -----------------------------------------------------------------------


def test_json_object_is_one_article_with_mapped_fields(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "headline": "Talks in Istanbul",
        "body": STORY,
        "pubDate": "Wed, 30 Mar 2022 10:00:00 GMT",
        "link": "https://example.com/1",
        "site_name": "Example",
        "author": "A. Writer",
        "lang": "en",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    assert read(path) == [
        Article(
            id=content_hash(STORY),
            text=STORY,
            source=str(path),
            title="Talks in Istanbul",
            outlet="Example",
            byline="A. Writer",
            published=date(2022, 3, 30),
            published_at=datetime(2022, 3, 30, 10, 0, tzinfo=UTC),
            url="https://example.com/1",
            language="en",
        )
    ]


def test_json_array_items_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    items = [
        {"title": "a", "description": STORY, "date_published": "2022-03-17 23:52:30+00:00"},
        {"title": "b", "description": OTHER, "date": "soon"},
        ["not", "an", "object"],
        {"title": "", "description": ""},
        {"title": "e", "text": OTHER, "description": STORY},
        {"title": "Headline only", "description": ""},
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    result = read(path)
    assert codes(result) == [
        (f"{path}#item=0", "article"),
        (f"{path}#item=1", "E005"),
        (f"{path}#item=2", "E006"),
        (f"{path}#item=3", "E008"),
        (f"{path}#item=4", "article"),
        (f"{path}#item=5", "article"),
    ]
    first, last = result[0], result[4]
    assert isinstance(first, Article)
    assert isinstance(last, Article)
    assert first.published_at == datetime(2022, 3, 17, 23, 52, 30, tzinfo=UTC)
    assert last.text == OTHER  # "text" comes before "description"
    # A feed item is its headline, then its blurb; a headline alone still says something.
    assert isinstance(result[0], Article)
    assert result[0].text == f"a\n\n{STORY.strip()}"
    assert isinstance(result[5], Article)
    assert result[5].text == "Headline only"


def test_options_only_fill_gaps_in_multi_record_files(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    items = [
        {"text": STORY, "date": "2022-03-01", "outlet": "BBC"},
        {"text": OTHER},
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    dated, undated = articles(read(path, published=date(2022, 4, 1), outlet="CNN"))
    assert (dated.published, dated.outlet) == (date(2022, 3, 1), "BBC")
    assert (undated.published, undated.outlet) == (date(2022, 4, 1), "CNN")


def test_json_explicit_columns(tmp_path: Path) -> None:
    path = tmp_path / "custom.json"
    path.write_text(
        json.dumps({"story": STORY, "when": "2022-03-30", "name": "T", "at": "u", "by": "O"})
    )
    [article] = articles(
        read(
            path,
            text_column="story",
            date_column="when",
            title_column="name",
            url_column="at",
            outlet_column="by",
        )
    )
    assert (article.text, article.published, article.title, article.url, article.outlet) == (
        STORY,
        date(2022, 3, 30),
        "T",
        "u",
        "O",
    )


def test_json_text_keeps_its_newlines_normalised(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "A.\r\nB.\rC."}))
    [article] = articles(read(path))
    assert article.text == "A.\nB.\nC."


# -- JSON Lines -----------------------------------------------------------------


def test_jsonl_one_record_per_line_numbered_by_line(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": STORY, "published": "2022-03-30"}),
                "",
                '{"text": "broken',
                json.dumps({"text": OTHER, "published": "30.03.2022"}),
                json.dumps({"content": OTHER}),
                "42",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    assert codes(read(path)) == [
        (f"{path}#line=1", "article"),
        (f"{path}#line=3", "E006"),
        (f"{path}#line=4", "E005"),
        (f"{path}#line=5", "article"),
        (f"{path}#line=6", "E006"),
    ]


# -- CSV ------------------------------------------------------------------------


def test_csv_rows_with_mapping_and_per_row_failures(tmp_path: Path) -> None:
    path = tmp_path / "releases.csv"
    path.write_text(
        textwrap.dedent(
            """\
            link,headline,date,location,body
            https://k/1,First,2022-06-24T17:30:00Z,Moscow,"Para one.
            Para two."
            https://k/2,Second,not a date,Moscow,Some text.

            https://k/3,Third,2022-06-23,Kyiv,Other text.
            https://k/4,Fourth,2022-06-23,Kyiv
            """
        ),
        encoding="utf-8",
    )
    options = {
        "text_column": "body",
        "date_column": "date",
        "title_column": "headline",
        "url_column": "link",
    }
    result = read(path, **options)
    assert codes(result) == [
        (f"{path}#row=1", "article"),
        (f"{path}#row=2", "E005"),
        (f"{path}#row=3", "article"),
        (f"{path}#row=4", "E006"),
    ]
    first = result[0]
    assert first == Article(
        id=content_hash("Para one.\nPara two."),
        text="Para one.\nPara two.",
        source=f"{path}#row=1",
        title="First",
        published=date(2022, 6, 24),
        published_at=datetime(2022, 6, 24, 17, 30, tzinfo=UTC),
        url="https://k/1",
        outlet="k",  # no outlet column: the site's host names it
    )


def test_csv_auto_mapping_ignores_header_case(tmp_path: Path) -> None:
    path = tmp_path / "auto.csv"
    path.write_text("Title,PubDate,Content,URL\nT,2022-03-30,Body text.,https://u\n")
    [article] = articles(read(path))
    assert (article.title, article.published, article.text, article.url) == (
        "T",
        date(2022, 3, 30),
        "Body text.",
        "https://u",
    )


def test_csv_reads_fields_past_the_default_csv_limit(tmp_path: Path) -> None:
    body = "word " * 60_000  # 300,000 characters; the csv module stops at 131,072
    path = tmp_path / "big.csv"
    path.write_text(f'title,body\nBig,"{body}"\n', encoding="utf-8")
    [article] = articles(read(path))
    assert article.text == body


def test_csv_crlf_file(tmp_path: Path) -> None:
    path = tmp_path / "crlf.csv"
    path.write_bytes(b'title,text\r\nA,"one\r\ntwo"\r\nB,three\r\n')
    assert [a.text for a in articles(read(path))] == ["one\ntwo", "three"]


# -- paths, folders, standard input --------------------------------------------


def test_directory_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "inner.txt").write_text(OTHER)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.meta.json").write_text('{"title": "A"}')
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / ".git" / "x.txt").write_text(STORY)
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "C."}) + "\n")
    result = read(tmp_path)
    assert codes(result) == [
        (str(tmp_path / "a.txt"), "article"),
        (str(tmp_path / "b" / "inner.txt"), "article"),
        (f"{tmp_path / 'c.jsonl'}#line=1", "article"),
    ]
    assert articles(result)[0].title == "A"


def test_a_lone_path_is_not_read_as_characters(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    assert codes(list(read_sources(str(path)))) == [(str(path), "article")]


def test_rereading_gives_the_same_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.json").write_text(json.dumps([{"text": OTHER}, {"text": STORY + "x"}]))
    first = [a.id for a in articles(read(tmp_path))]
    second = [a.id for a in articles(read(tmp_path))]
    assert first == second
    assert len(set(first)) == 3
    assert first[0] == content_hash(STORY)


def test_same_story_other_line_endings_same_id(tmp_path: Path) -> None:
    (tmp_path / "unix.txt").write_bytes(b"One.\nTwo.\n")
    (tmp_path / "dos.txt").write_bytes(b"One.\r\nTwo.\r\n  ")
    unix, dos = articles(read(tmp_path / "unix.txt", tmp_path / "dos.txt"))
    assert unix.id == dos.id


def test_standard_input_is_plain_text() -> None:
    script = (
        "from saydo.ingest import read_sources\n"
        "for o in read_sources(['-']):\n"
        "    print(type(o).__name__, o.source, repr(o.text))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=b"\xef\xbb\xbfFrom stdin.\r\nSecond line.\r\n",
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode().strip() == "Article <stdin> 'From stdin.\\nSecond line.\\n'"


def test_empty_standard_input_is_a_failure() -> None:
    script = (
        "from saydo.ingest import read_sources\n"
        "for o in read_sources(['-']):\n"
        "    print(type(o).__name__, o.source, o.code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=b"", capture_output=True, check=True
    )
    assert done.stdout.decode().strip() == "IngestFailure <stdin> E001"


def test_a_file_named_dash_in_a_folder_is_not_stdin(tmp_path: Path) -> None:
    (tmp_path / "-").write_text(STORY)
    script = (
        "from saydo.ingest import IngestOptions, read_sources\n"
        "for o in read_sources(['.'], IngestOptions(format='txt')):\n"
        "    print(type(o).__name__, o.source, repr(o.text))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=b"from stdin",
        capture_output=True,
        check=True,
        cwd=tmp_path,
    )
    assert done.stdout.decode().strip() == f"Article - {STORY!r}"


@pytest.mark.parametrize("name", ["a.TXT", "a.Json", "a.ndjson"])
def test_extensions_are_case_insensitive(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps({"text": STORY}) if "json" in name.lower() else STORY)
    assert len(articles(read(path))) == 1
