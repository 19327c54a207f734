"""HTML pages: trafilatura finds the main text and the page's metadata."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura
from trafilatura.settings import Document

from saydo.domain import Article
from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.dates import parse_date
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import Input, Metadata, Outcome, apply_options, attempt, make_article


def read_html(item: Input, options: IngestOptions) -> Iterator[Outcome]:
    yield attempt(lambda: _article(item, options))


def _article(item: Input, options: IngestOptions) -> Article:
    document = _extract(item)
    if document is None or not (document.text or "").strip():
        raise SaydoError(ErrorCode.NO_TEXT, item.source, "no main text in the page")
    meta = apply_options(_metadata(document, item.source), options, single=True)
    return make_article(document.text or "", item.source, meta, options)


def _extract(item: Input) -> Document | None:
    try:
        result = trafilatura.bare_extraction(
            item.text,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the outlet's reporting
            include_tables=True,
        )
    except Exception as exc:
        # lxml and trafilatura raise many types on hostile markup; whatever they
        # raise, it is this page that is bad and the batch goes on.
        detail = f"HTML: {type(exc).__name__}: {exc}"
        raise SaydoError(ErrorCode.MALFORMED, item.source, detail) from exc
    return result if isinstance(result, Document) else None


def _metadata(document: Document, source: str) -> Metadata:
    published = None
    if document.date:
        try:
            published, _ = parse_date(document.date)
        except SaydoError as exc:
            raise SaydoError(ErrorCode.BAD_DATE, source, document.date) from exc
    return Metadata(
        title=document.title,
        outlet=document.sitename,
        byline=document.author,
        published=published,
        url=document.url,
        language=document.language,
    )
