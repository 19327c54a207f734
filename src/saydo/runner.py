"""The main job, as plain functions: read articles, parse, extract, store, link.

The CLI and the web layer call these; they never touch spaCy themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from saydo.domain import Article, Extraction, IngestFailure, Verdict
from saydo.errors import ErrorCode, SaydoError
from saydo.ingest import IngestOptions, read_sources
from saydo.settings import Settings
from saydo.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def extract_article(article: Article, settings: Settings | None = None) -> Extraction:
    """Parse and extract one article, in memory."""
    from saydo.extract.article import extract_records
    from saydo.nlp.pipeline import load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    return extract_records(nlp(article.text), article, settings)


def _batches(
    items: Iterable[Article | IngestFailure], size: int
) -> Iterator[list[Article | IngestFailure]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process(
    articles: Iterable[Article | IngestFailure], settings: Settings
) -> Iterator[tuple[Article, Extraction] | IngestFailure]:
    """Parse in batches with ``nlp.pipe``; a failing article becomes a failure record."""
    from saydo.extract.article import extract_records
    from saydo.nlp.pipeline import load_pipeline

    nlp = load_pipeline(settings.model)
    for batch in _batches(articles, settings.batch_size):
        failures = [item for item in batch if isinstance(item, IngestFailure)]
        yield from failures
        ready = [item for item in batch if isinstance(item, Article)]
        for article, doc in zip(ready, nlp.pipe(a.text for a in ready), strict=True):
            try:
                yield article, extract_records(doc, article, settings)
            except Exception as error:
                log.exception("extraction failed on %s", article.source)
                failure = SaydoError(
                    ErrorCode.PIPELINE_FAILED, article.source, type(error).__name__
                )
                yield IngestFailure(article.source, failure.reason, failure.code)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` that the store does not hold yet, then relink."""
    settings = settings or Settings()
    report = IngestReport()
    known = store.known_article_ids()
    last_added: str | None = None

    def fresh() -> Iterator[Article | IngestFailure]:
        for item in read_sources(paths, options or IngestOptions()):
            report.read += 1
            if isinstance(item, Article) and item.id in known:
                report.already_stored += 1
                if progress:
                    progress(1)
                continue
            if isinstance(item, Article):
                known.add(item.id)  # the same text twice in one run is stored once
            yield item

    for result in process(fresh(), settings):
        if isinstance(result, IngestFailure):
            store.record_failure(result)
            report.failures.append(result)
            if on_failure:
                on_failure(result)
        else:
            article, extraction = result
            if store.add(article, extraction):
                report.added += 1
                last_added = article.id
        if progress:
            progress(1)
    if last_added is not None:
        report.verdicts = relink(store, last_added)
    return report


def relink(store: Store, trigger_article_id: str | None = None) -> list[Verdict]:
    """Recompute every verdict from all pledges and events in the store."""
    from saydo.link import link

    articles = {a.id: a for a in store.articles()}
    verdicts = link(store.pledges(), store.events(), articles)
    store.save_verdicts(verdicts, trigger_article_id)
    return verdicts
