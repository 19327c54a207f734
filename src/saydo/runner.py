"""The main job, as plain functions: read articles, parse, extract, store, link.

The CLI and the web layer call these; they never touch spaCy themselves (spaCy is
imported inside the functions that parse). Work is done in batches: a batch is parsed
with ``nlp.pipe`` (locally, or on Dask workers), and each article of it is stored in a
transaction of its own, so a killed run resumes where it stopped without loss or
duplicates.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saydo.domain import Article, Extraction, IngestFailure, Verdict
from saydo.errors import SKIP_CODES, ErrorCode, SaydoError
from saydo.ingest import IngestOptions, read_sources
from saydo.settings import Settings
from saydo.store import Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from saydo.nlp.cache import ParseCache

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
# What a batch gives back: the records of each article and its parse as DocBin bytes
# (for the cache), or the failure that took its place.
Processed = tuple[Article, Extraction, bytes | None] | IngestFailure


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for f in self.failures if f.code in SKIP_CODES)

    @property
    def failed(self) -> int:
        return len(self.failures) - self.skipped

    def reasons(self) -> dict[str, int]:
        """How many inputs each catalogued code set aside, most frequent first."""
        counts = Counter(f.code for f in self.failures)
        return dict(counts.most_common())


@dataclass
class ReprocessReport:
    articles: int = 0
    from_cache: int = 0
    parsed: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)


def extract_article(article: Article, settings: Settings | None = None) -> Extraction:
    """Parse and extract one article, in memory."""
    from saydo.extract.article import extract_records
    from saydo.nlp.pipeline import load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    return extract_records(nlp(article.text), article, settings)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _extract_one(doc: Doc, article: Article, settings: Settings, keep: bool) -> Processed:
    from saydo.extract.article import extract_records
    from saydo.nlp.cache import doc_to_bytes

    try:
        extraction = extract_records(doc, article, settings)
    except Exception as error:  # one article must not stop the batch
        log.exception("extraction failed on %s", article.source)
        failure = SaydoError(ErrorCode.PIPELINE_FAILED, article.source, type(error).__name__)
        return IngestFailure(article.source, failure.reason, failure.code)
    return article, extraction, doc_to_bytes(doc) if keep else None


def process_batch(
    batch: list[Article], settings: Settings, keep_parses: bool = True
) -> list[Processed]:
    """Parse and extract a batch: the unit of work of a local run and of a Dask task."""
    from saydo.nlp.pipeline import load_pipeline

    nlp = load_pipeline(settings.model)
    docs = nlp.pipe(a.text for a in batch)
    return [
        _extract_one(doc, article, settings, keep_parses)
        for article, doc in zip(batch, docs, strict=True)
    ]


def _local(
    batches: Iterable[list[Article]], settings: Settings, keep: bool
) -> Iterator[list[Processed]]:
    for batch in batches:
        yield process_batch(batch, settings, keep)


def _distributed(
    batches: Iterable[list[Article]], settings: Settings, keep: bool, client: Any
) -> Iterator[list[Processed]]:
    """Batches on Dask workers, at most two per worker in flight, results in order."""
    from collections import deque

    in_flight: deque[Any] = deque()
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    for batch in batches:
        in_flight.append(client.submit(process_batch, batch, settings, keep, pure=False))
        if len(in_flight) >= limit:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def process(
    items: Iterable[Article | IngestFailure],
    settings: Settings,
    cache: ParseCache | None = None,
    client: Any = None,
) -> Iterator[tuple[Article, Extraction] | IngestFailure]:
    """Records for every article, failures in their place, parses kept in ``cache``."""
    failures: list[IngestFailure] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestFailure):
                failures.append(item)
            else:
                yield item

    batches = _batches(articles(), settings.batch_size)
    keep = cache is not None
    results = (
        _distributed(batches, settings, keep, client) if client else _local(batches, settings, keep)
    )
    for processed in results:
        yield from failures
        failures.clear()
        if cache is not None:
            cache.put_many(
                (p[0].id, p[2]) for p in processed if not isinstance(p, IngestFailure) and p[2]
            )
        for item in processed:
            yield item if isinstance(item, IngestFailure) else (item[0], item[1])
    yield from failures


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    client: Any = None,
) -> IngestReport:
    """Ingest every article under ``paths`` that the store does not hold yet, then relink."""
    items = read_sources(paths, options or IngestOptions())
    return ingest_items(items, store, settings, progress, on_failure, client)


def ingest_items(
    items: Iterable[Article | IngestFailure],
    store: Store,
    settings: Settings | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    client: Any = None,
) -> IngestReport:
    """Ingest articles already read (from files, a feed, an API call), then relink.

    Each new article is checked against the store's near-duplicate index first, so a
    wire story republished by other outlets is stored with ``duplicate_of`` set.
    """
    from saydo.dedup import find_duplicate
    from saydo.nlp.cache import open_cache

    settings = settings or Settings()
    report = IngestReport()
    known = store.known_article_ids()
    last_added: str | None = None

    def fresh() -> Iterator[Article | IngestFailure]:
        for item in items:
            report.read += 1
            if isinstance(item, Article) and item.id in known:
                report.already_stored += 1
                if progress:
                    progress(1)
                continue
            if isinstance(item, Article):
                known.add(item.id)  # the same text twice in one run is stored once
                item = replace(item, duplicate_of=find_duplicate(store, item))
                report.duplicates += item.duplicate_of is not None
            yield item

    with open_cache(settings) as cache:
        for result in process(fresh(), settings, cache, client):
            if isinstance(result, IngestFailure):
                store.record_failure(result)
                report.failures.append(result)
                if on_failure:
                    on_failure(result)
            elif store.add(*result):
                report.added += 1
                last_added = result[0].id
            if progress:
                progress(1)
    if report.added or _verdicts_stale(store):
        report.verdicts = relink(store, last_added)
    return report


def _verdicts_stale(store: Store) -> bool:
    """A run killed after its last article but before linking left verdicts behind."""
    verdicts = store.verdicts()
    judged = {v.pledge_id for v in verdicts} | {m for v in verdicts for m in v.mentions}
    return any(p.id not in judged for p in store.pledges())


def reprocess(
    store: Store, settings: Settings | None = None, progress: Progress | None = None
) -> ReprocessReport:
    """Re-run extraction on every stored article from the parse cache, then relink.

    Articles missing from the cache are parsed (and cached); nothing else is.
    """
    from saydo.extract.article import extract_records
    from saydo.nlp.cache import open_cache
    from saydo.nlp.pipeline import load_pipeline, refresh_entities

    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    report = ReprocessReport()
    with open_cache(settings) as cache:
        for batch in _batches(store.articles(), settings.batch_size):
            docs = _cached_or_parsed(batch, nlp, cache, report)
            for article, doc in zip(batch, docs, strict=True):
                report.articles += 1
                try:
                    extraction = extract_records(refresh_entities(nlp, doc), article, settings)
                except Exception as error:  # one article must not stop the rest
                    log.exception("extraction failed on %s", article.source)
                    failure = SaydoError(
                        ErrorCode.PIPELINE_FAILED, article.source, type(error).__name__
                    )
                    report.failures.append(
                        IngestFailure(article.source, failure.reason, failure.code)
                    )
                    store.record_failure(report.failures[-1])
                    continue
                store.replace_extraction(extraction)
                if progress:
                    progress(1)
    report.verdicts = relink(store)
    return report


def _cached_or_parsed(
    batch: list[Article], nlp: Language, cache: ParseCache | None, report: ReprocessReport
) -> list[Doc]:
    from saydo.nlp.cache import doc_to_bytes

    docs: list[Doc | None] = [cache.get(a.id, nlp) if cache else None for a in batch]
    missing = [n for n, doc in enumerate(docs) if doc is None]
    parsed = list(nlp.pipe(batch[n].text for n in missing))
    for n, doc in zip(missing, parsed, strict=True):
        docs[n] = doc
    if cache is not None:
        cache.put_many(
            (batch[n].id, doc_to_bytes(doc)) for n, doc in zip(missing, parsed, strict=True)
        )
    report.parsed += len(missing)
    report.from_cache += len(batch) - len(missing)
    return [doc for doc in docs if doc is not None]


def relink(store: Store, trigger_article_id: str | None = None) -> list[Verdict]:
    """Recompute every verdict from all pledges and events in the store."""
    from saydo.link import link

    verdicts = link(store.pledges(), store.events(), store.article_meta())
    store.save_verdicts(verdicts, trigger_article_id)
    return verdicts
