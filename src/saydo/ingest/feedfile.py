"""RSS and Atom feeds: one article per entry (``path#entry=3``), read by feedparser.

An entry's text is its title, then its content (Atom) or its description (RSS), as
plain text. feedparser reads broken feeds as far as they go ("bozo" feeds): the
entries it recovered are kept, and a feed with none is one failure.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping

import feedparser

from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import (
    Column,
    Columns,
    Input,
    Outcome,
    Record,
    article_from_record,
    attempt,
    failure,
)

# The record each entry is turned into has saydo's own keys: the column options
# are for CSV and JSON, whose keys the user cannot change.
FEED_COLUMNS = Columns(
    text=Column(("description",)),
    title=Column(("title",)),
    published=Column(("published",)),
    url=Column(("link",)),
    outlet=Column(("outlet",)),
    byline=Column(("author",)),
    dateline=Column(()),
    language=Column(("language",)),
)


def read_feed(item: Input, options: IngestOptions) -> Iterator[Outcome]:
    try:
        parsed = parse_feed(item.text.encode("utf-8"), item.source)
    except SaydoError as exc:
        yield failure(exc)
        return
    channel = parsed.get("feed", {})
    entries = parsed.get("entries")
    for number, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, Mapping):
            continue
        where = f"{item.source}#entry={number}"
        yield _entry_outcome(entry_record(entry, channel), where, options)


def _entry_outcome(record: Record, source: str, options: IngestOptions) -> Outcome:
    return attempt(
        lambda: article_from_record(record, source, options, single=False, columns=FEED_COLUMNS)
    )


def parse_feed(data: bytes, source: str) -> Mapping[str, object]:
    """feedparser's result for a feed document, or why it holds no entries."""
    try:
        # A stream, never a string: feedparser opens a string that looks like a
        # path or URL, and input from anywhere must not make it read files.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:
        # feedparser recovers from most faults itself; what escapes it is still
        # a fault of this input, not of the batch.
        raise SaydoError(ErrorCode.MALFORMED, source, f"feed: {type(exc).__name__}") from exc
    if not parsed.get("entries"):
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise SaydoError(ErrorCode.MALFORMED, source, f"feed: {reason}")
        raise SaydoError(ErrorCode.EMPTY_INPUT, source)
    result: Mapping[str, object] = parsed
    return result


def entry_record(entry: Mapping[str, object], channel: object) -> Record:
    """An entry's fields under the keys of FEED_COLUMNS."""
    feed: Mapping[str, object] = channel if isinstance(channel, Mapping) else {}
    return {
        "title": _text(entry.get("title")),
        "description": _body(entry),
        "published": _text(entry.get("published") or entry.get("updated")),
        "link": _text(entry.get("link")),
        "author": _text(entry.get("author")),
        "outlet": _text(feed.get("title")),
        "language": _text(feed.get("language")),
    }


def _body(entry: Mapping[str, object]) -> str | None:
    """The fullest text the entry has: Atom content, else the summary."""
    candidates = [_text(entry.get("summary"))]
    content = entry.get("content")
    if isinstance(content, list):
        candidates += [_text(part.get("value")) for part in content if isinstance(part, Mapping)]
    texts = [text for text in candidates if text]
    return max(texts, key=len) if texts else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
