"""Hypothesis on the feed reader: broken XML, truncation, binary, huge lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.domain import Article, IngestFailure, content_hash
from saydo.errors import ErrorCode
from saydo.ingest import IngestOptions, read_sources

CODES = {error.code for error in ErrorCode}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMITS = IngestOptions(max_file_bytes=200_000, max_article_chars=5_000)

ITEM = (
    "<item><title>{title}</title><description>{body}</description>"
    "<pubDate>Tue, 29 Mar 2022 10:00:00 GMT</pubDate><link>https://example.com/{n}</link></item>"
)
BODY = "Officials said talks would resume on Tuesday in Istanbul after a pause of a week."


def feed(items: int, body: str = BODY) -> str:
    entries = "".join(ITEM.format(title=f"Story {n}", body=body, n=n) for n in range(items))
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    return f"{head}{entries}</channel></rss>"


def check(path: Path, options: IngestOptions = LIMITS) -> list[Article | IngestFailure]:
    result = list(read_sources([path], options))
    assert result
    for outcome in result:
        assert outcome.source.startswith(str(path))
        if isinstance(outcome, IngestFailure):
            assert outcome.code in CODES
            assert outcome.reason.startswith(f"{outcome.source}: ")
        else:
            assert outcome.id == content_hash(outcome.text)
            assert outcome.text.strip()
            assert len(outcome.text) <= options.max_article_chars
    return result


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("feedfuzz")


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_as_a_feed(fuzz_dir: Path, data: bytes) -> None:
    path = fuzz_dir / "random.rss"
    path.write_bytes(data)
    check(path)


@FUZZ
@given(cut=st.integers(min_value=1, max_value=len(feed(3)) - 1))
def test_truncated_feed_keeps_the_whole_items_before_the_cut(fuzz_dir: Path, cut: int) -> None:
    path = fuzz_dir / "truncated.rss"
    text = feed(3)
    path.write_text(text[:cut], encoding="utf-8")
    result = check(path)
    # An item wholly before the cut is read: feedparser recovers what it can.
    whole = text[:cut].count("</item>")
    assert sum(isinstance(o, Article) for o in result) >= whole


@FUZZ
@given(
    junk=st.text(alphabet=st.sampled_from("<>&;/\"'=![]-?x\x00\ufffd"), max_size=60),
    at=st.integers(min_value=0, max_value=len(feed(2))),
)
def test_markup_junk_spliced_into_a_feed(fuzz_dir: Path, junk: str, at: int) -> None:
    text = feed(2)
    path = fuzz_dir / "junk.xml"
    path.write_text(text[:at] + junk + text[at:], encoding="utf-8")
    check(path)


@FUZZ
@given(data=st.binary(min_size=1, max_size=200), at=st.integers(min_value=0, max_value=400))
def test_broken_encoding_in_feed_item_json(fuzz_dir: Path, data: bytes, at: int) -> None:
    good = json.dumps([{"title": "t", "description": BODY, "language": "en"}]).encode()
    path = fuzz_dir / "entries.json"
    path.write_bytes(good[:at] + data + good[at:])
    check(path)


def test_huge_line_and_long_item_hit_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "huge.rss"
    path.write_text(feed(2, body=BODY + " word" * 2_000), encoding="utf-8")
    result = check(path)
    codes = {o.code for o in result if isinstance(o, IngestFailure)}
    assert codes == {ErrorCode.ARTICLE_TOO_LONG.code}
    too_big = tmp_path / "too_big.rss"
    too_big.write_text(feed(1, body="x" * 300_000), encoding="utf-8")
    [failure] = check(too_big)
    assert isinstance(failure, IngestFailure)
    assert failure.code == ErrorCode.TOO_LARGE.code
