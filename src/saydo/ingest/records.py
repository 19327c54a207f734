"""From the fields of a record (a JSON object, a CSV row, a sidecar) to an Article.

Every reader ends here, so the rules for what makes an article are in one place:
which field holds the text, how dates are read, how ``--published``/``--outlet``
apply, and the size limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from saydo.domain import Article, IngestFailure, content_hash
from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.dates import parse_date
from saydo.ingest.language import ENGLISH, article_language
from saydo.ingest.markup import html_text, looks_like_html
from saydo.ingest.options import IngestOptions
from saydo.ingest.text import normalise

Record = Mapping[str, object]
Outcome = Article | IngestFailure

TEXT_FIELDS = ("text", "body", "content", "description", "summary")
# Text fields that hold a feed item's blurb: the title is part of what it reports.
FEED_TEXT_FIELDS = ("description", "summary")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "pubDate", "date_published", "published_at")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source", "site_name", "sitename")
BYLINE_FIELDS = ("byline", "author")
DATELINE_FIELDS = ("dateline",)
LANGUAGE_FIELDS = ("language", "lang")


@dataclass(frozen=True, slots=True)
class Column:
    """Where one field of an article is looked for in a record."""

    names: tuple[str, ...]
    explicit: bool = False  # named by the user: its absence is an error, not a default

    def describe(self) -> str:
        return " or ".join(self.names)


@dataclass(frozen=True, slots=True)
class Columns:
    text: Column
    title: Column
    published: Column
    url: Column
    outlet: Column
    byline: Column = Column(BYLINE_FIELDS)
    dateline: Column = Column(DATELINE_FIELDS)
    language: Column = Column(LANGUAGE_FIELDS)

    def explicit(self) -> tuple[Column, ...]:
        roles = (self.text, self.title, self.published, self.url, self.outlet)
        return tuple(c for c in roles if c.explicit)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None
    published_at: datetime | None = None
    url: str | None = None
    language: str | None = None


def _column(explicit: str | None, defaults: tuple[str, ...]) -> Column:
    return Column((explicit,), explicit=True) if explicit else Column(defaults)


def record_columns(options: IngestOptions) -> Columns:
    """The columns of JSON and CSV records, as mapped by the options."""
    return Columns(
        text=_column(options.text_column, TEXT_FIELDS),
        title=_column(options.title_column, TITLE_FIELDS),
        published=_column(options.date_column, DATE_FIELDS),
        url=_column(options.url_column, URL_FIELDS),
        outlet=_column(options.outlet_column, OUTLET_FIELDS),
    )


# A sidecar is saydo's own format: its keys are fixed, whatever the column options say.
SIDECAR_COLUMNS = Columns(
    text=Column(()),
    title=Column(("title",)),
    published=Column(("published",)),
    url=Column(("url",)),
    outlet=Column(("outlet",)),
    byline=Column(("byline",)),
    dateline=Column(("dateline",)),
    language=Column(("language",)),
)


def find_key(record: Record, name: str) -> str | None:
    """The key of a record that ``name`` means: itself, or the same but for case.

    Feeds disagree on ``pubDate``/``pubdate`` and CSV headers on ``Title``/``title``.
    """
    if name in record:
        return name
    folded = name.casefold()
    return next((key for key in record if key.casefold() == folded), None)


def _pick(record: Record, column: Column) -> tuple[str | None, object]:
    """The key and value of the first of the column's names the record fills."""
    first_key: str | None = None
    for name in column.names:
        key = find_key(record, name)
        if key is None:
            continue
        value = record[key]
        if not _blank(value):
            return key, value
        first_key = first_key or key
    return first_key, None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _string(record: Record, column: Column, source: str) -> str | None:
    key, value = _pick(record, column)
    if value is None:
        return None
    if not isinstance(value, str):
        detail = f"record: field {key!r} holds {type(value).__name__}, not text"
        raise SaydoError(ErrorCode.MALFORMED, source, detail)
    return value.strip()


def _date(record: Record, column: Column, source: str) -> tuple[date | None, datetime | None]:
    _, value = _pick(record, column)
    if value is None:
        return None, None
    if not isinstance(value, str):
        raise SaydoError(ErrorCode.BAD_DATE, source, value)
    try:
        return parse_date(value)
    except SaydoError as exc:
        raise SaydoError(ErrorCode.BAD_DATE, source, value) from exc


def record_metadata(
    record: Record, columns: Columns, source: str, options: IngestOptions, *, single: bool
) -> Metadata:
    """The metadata of a record, with ``--published``/``--outlet`` applied."""
    published: date | None
    published_at: datetime | None
    if single and options.published is not None:
        # An explicit date replaces the record's, so a broken one there is moot.
        published, published_at = options.published, None
    else:
        published, published_at = _date(record, columns.published, source)
    meta = Metadata(
        title=_string(record, columns.title, source),
        outlet=outlet_name(_string(record, columns.outlet, source)),
        byline=_string(record, columns.byline, source),
        dateline=_string(record, columns.dateline, source),
        published=published,
        published_at=published_at,
        url=_string(record, columns.url, source),
        language=_string(record, columns.language, source),
    )
    if meta.outlet is None and meta.url is not None:
        # A record that names no outlet was still published somewhere: its site's host.
        meta = replace(meta, outlet=outlet_name(meta.url))
    return apply_options(meta, options, single=single)


def outlet_name(value: str | None) -> str | None:
    """An outlet as people name it: a feed's URL in a ``source`` field becomes its
    host (``http://rss.cnn.com/rss/edition.rss`` → ``rss.cnn.com``)."""
    if value is None or not value.startswith(("http://", "https://")):
        return value
    try:
        host = urlsplit(value).hostname
    except ValueError:  # a malformed port or IPv6 literal
        return value
    return host.removeprefix("www.") if host else value


def apply_options(meta: Metadata, options: IngestOptions, *, single: bool) -> Metadata:
    """``--published`` and ``--outlet``: replacements for one article, defaults for many."""
    if options.published is not None and (single or meta.published is None):
        meta = replace(meta, published=options.published, published_at=None)
    if options.outlet is not None and (single or meta.outlet is None):
        meta = replace(meta, outlet=options.outlet)
    return meta


def record_text(record: Record, column: Column, source: str) -> tuple[str, str]:
    """The key and article text of a record, or why it has none."""
    key, value = _pick(record, column)
    if key is None:
        if column.explicit:
            raise SaydoError(ErrorCode.MISSING_COLUMN, source, column.names[0])
        raise SaydoError(ErrorCode.NO_TEXT, source, f"no field {column.describe()}")
    if value is None:
        raise SaydoError(ErrorCode.NO_TEXT, source, f"field {key!r} is empty")
    if not isinstance(value, str):
        detail = f"record: field {key!r} holds {type(value).__name__}, not text"
        raise SaydoError(ErrorCode.MALFORMED, source, detail)
    return key, value


def item_text(key: str, value: str, title: str | None, column: Column) -> str:
    """The text of a record: a feed item's is its title, then its blurb as plain text.

    Feed blurbs are a sentence or two and often hold HTML; without the headline a
    CNN item loses half of what it says. A named column is taken as it is.
    """
    if column.explicit or key.casefold() not in FEED_TEXT_FIELDS:
        return value
    body = html_text(value) if looks_like_html(value) else value.strip()
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}" if body else title


def make_article(text: str, source: str, meta: Metadata, options: IngestOptions) -> Article:
    """An article from its text, once the text passes the checks every input must."""
    text = normalise(text)
    if not text.strip():
        raise SaydoError(ErrorCode.NO_TEXT, source, "the text is blank")
    if len(text) > options.max_article_chars:
        limit = f"{len(text):,} characters, limit {options.max_article_chars:,}"
        raise SaydoError(ErrorCode.ARTICLE_TOO_LONG, source, limit)
    if options.skip_non_english:
        # The declared language stays on the article as written; detection only
        # decides whether the English pipeline should read it at all.
        language = article_language(text, meta.language)
        if language not in (None, ENGLISH):
            raise SaydoError(ErrorCode.NOT_ENGLISH, source, language)
    return Article(
        id=content_hash(text),
        text=text,
        source=source,
        title=meta.title or None,
        outlet=meta.outlet or None,
        byline=meta.byline or None,
        dateline=meta.dateline or None,
        published=meta.published,
        published_at=meta.published_at,
        url=meta.url or None,
        language=meta.language or None,
    )


def article_from_record(
    record: Record,
    source: str,
    options: IngestOptions,
    *,
    single: bool,
    columns: Columns | None = None,
) -> Article:
    """The article of a record whose keys ``columns`` names (default: the options')."""
    columns = columns or record_columns(options)
    meta = record_metadata(record, columns, source, options, single=single)
    if meta.title and _blank_feed_text(record, columns.text):
        # A feed item with a headline and no blurb: the headline is what it says.
        return make_article(meta.title, source, meta, options)
    key, value = record_text(record, columns.text, source)
    text = item_text(key, value, meta.title, columns.text)
    return make_article(text, source, meta, options)


def _blank_feed_text(record: Record, column: Column) -> bool:
    key, value = _pick(record, column)
    return (
        not column.explicit
        and key is not None
        and key.casefold() in FEED_TEXT_FIELDS
        and (value is None)
    )


def failure(error: SaydoError) -> IngestFailure:
    """The record of an error; its reason is the one line a user sees."""
    return IngestFailure(source=error.source, reason=error.one_line(), code=error.code)


def attempt(make: Callable[[], Article]) -> Outcome:
    """An article, or the failure that stopped it: one bad record must not stop a file."""
    try:
        return make()
    except SaydoError as exc:
        return failure(exc)


@dataclass(frozen=True, slots=True)
class Input:
    """One decoded input handed to a reader."""

    source: str  # how articles and failures name it
    text: str  # decoded and normalised, see saydo.ingest.text
    path: Path | None = None  # None for standard input: no sidecar to look for


Reader = Callable[[Input, IngestOptions], Iterator[Outcome]]
