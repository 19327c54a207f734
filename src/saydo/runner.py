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
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saydo.dedup import Signature, find_duplicate_signed, signature
from saydo.dedup_index import PendingSignatures
from saydo.domain import Article, Event, Extraction, IngestFailure, Pledge, Verdict
from saydo.errors import SKIP_CODES, ErrorCode, SaydoError
from saydo.ingest import IngestOptions, read_sources
from saydo.neighbourhood import Neighbourhood, group_scope, link_group
from saydo.settings import Settings
from saydo.store import Store
from saydo.store.scope import admits

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from saydo.nlp.cache import ParseCache

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Parsed:
    """An article as its batch gives it back: its records, its parse as DocBin bytes
    (for the cache), and its near-duplicate signature. The signature is computed
    where the article was parsed: on a Dask worker it costs the writer nothing."""

    article: Article
    extraction: Extraction
    parse: bytes | None
    signature: Signature | None


# Each article of a batch, or the failure that took its place.
Processed = Parsed | IngestFailure


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


def _batches(items: Iterable[Article], settings: Settings) -> Iterator[list[Article]]:
    """Batches of at most ``batch_size`` articles and about ``batch_chars`` characters.

    The parser's memory grows with the text it holds at once: one 170,000-character
    press release in a batch of 32 took an ingest past 1.5 GB. A batch closes when
    either bound is reached, so memory stays flat whatever the articles' lengths.
    """
    batch: list[Article] = []
    chars = 0
    for article in items:
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= settings.batch_size or chars >= settings.batch_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _extract_one(doc: Doc, article: Article, settings: Settings, keep: bool) -> Processed:
    from saydo.extract.article import extract_records
    from saydo.nlp.cache import doc_to_bytes

    try:
        extraction = extract_records(doc, article, settings)
    except Exception as error:  # one article must not stop the batch
        return _extraction_failed(article, error)
    parse = doc_to_bytes(doc) if keep else None
    return Parsed(article, extraction, parse, signature(article.text))


def _extraction_failed(article: Article, error: Exception) -> IngestFailure:
    """The failure recorded for an article whose extraction raised ``error``."""
    log.exception("extraction failed on %s", article.source)
    failure = SaydoError(ErrorCode.PIPELINE_FAILED, article.source, type(error).__name__)
    return IngestFailure(article.source, failure.reason, failure.code)


def process_batch(
    batch: list[Article], settings: Settings, keep_parses: bool = True
) -> list[Processed]:
    """Parse and extract a batch: the unit of work of a local run and of a Dask task."""
    from saydo.nlp.pieces import parse_texts
    from saydo.nlp.pipeline import load_pipeline

    nlp = load_pipeline(settings.model)
    docs = parse_texts(nlp, [a.text for a in batch], settings.parse_chars)
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
    """Batches on Dask workers, a few per worker in flight, results in order.

    Results are written in reading order, so one slow batch (a 170,000-character
    release) holds up the writes behind it; with only two a worker in flight the other
    worker then ran dry. Four a worker keeps both busy at the cost of a few batches'
    results held in memory.
    """
    from collections import deque

    in_flight: deque[Any] = deque()
    limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    for batch in batches:
        in_flight.append(client.submit(process_batch, batch, settings, keep, pure=False))
        if len(in_flight) >= limit:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def process_batches(
    items: Iterable[Article | IngestFailure],
    settings: Settings,
    cache: ParseCache | None = None,
    client: Any = None,
) -> Iterator[list[Processed]]:
    """Every article parsed and extracted, a batch at a time (the unit the store
    writes at once), failures in their place, parses kept in ``cache``."""
    failures: list[IngestFailure] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestFailure):
                failures.append(item)
            else:
                yield item

    batches = _batches(articles(), settings)
    keep = cache is not None
    results = (
        _distributed(batches, settings, keep, client) if client else _local(batches, settings, keep)
    )
    for processed in results:
        out: list[Processed] = list(failures)
        failures.clear()
        if cache is not None:
            cache.put_many(
                ((p.article.id, p.parse) for p in processed if isinstance(p, Parsed) and p.parse),
                _entity_fingerprint(),
            )
        out.extend(processed)
        yield out
    if failures:
        tail: list[Processed] = list(failures)
        yield tail


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

    Each new article is checked against the store's near-duplicate index, in reading
    order, so a wire story republished by other outlets is stored with
    ``duplicate_of`` set.
    """
    from saydo.nlp.cache import open_cache

    settings = settings or Settings()
    report = IngestReport()
    known = store.known_article_ids()
    # Verdicts left stale by a killed run need a whole relink, whatever is new.
    judged = store.has_verdicts() and not _verdicts_stale(store)
    signatures = PendingSignatures(store)
    new_ids: list[str] = []

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
            yield item

    with open_cache(settings) as cache:
        for processed in process_batches(fresh(), settings, cache, client):
            signatures.prefetch(
                [(p.article.id, p.signature) for p in processed if isinstance(p, Parsed)]
            )
            results = [_deduplicated(p, signatures) for p in processed]
            report.duplicates += sum(
                1 for r in results if not isinstance(r, IngestFailure) and r[0].duplicate_of
            )
            added = _store_batch(store, results, signatures)
            for result in results:
                if isinstance(result, IngestFailure):
                    report.failures.append(result)
                    if on_failure:
                        on_failure(result)
            report.added += len(added)
            new_ids.extend(added)
            if progress:
                progress(len(results))
    last_added = new_ids[-1] if new_ids else None
    if judged:
        report.verdicts = relink_touched(store, new_ids, last_added)
    elif report.added or _verdicts_stale(store):
        report.verdicts = relink(store, last_added)
    return report


def _deduplicated(
    processed: Processed, signatures: PendingSignatures
) -> tuple[Article, Extraction] | IngestFailure:
    """The article with ``duplicate_of`` set from its signature, and its records."""
    if isinstance(processed, IngestFailure):
        return processed
    article = processed.article
    original = find_duplicate_signed(signatures, article.id, processed.signature)
    return replace(article, duplicate_of=original), processed.extraction


def _store_batch(
    store: Store,
    results: list[tuple[Article, Extraction] | IngestFailure],
    signatures: PendingSignatures,
) -> list[str]:
    """Write a batch's articles, failures and signatures in one transaction; the ids
    of the articles that were new."""
    stored = [r for r in results if not isinstance(r, IngestFailure)]
    with store.batch() as batch:
        signatures.flush(batch)
        for result in results:
            if isinstance(result, IngestFailure):
                batch.record_failure(result)
        new = batch.add_many(stored)
    signatures.clear()
    return [article.id for (article, _), is_new in zip(stored, new, strict=True) if is_new]


def _verdicts_stale(store: Store) -> bool:
    """A run killed after its last article but before linking left verdicts behind."""
    return store.has_unjudged_pledges()


def reprocess(
    store: Store, settings: Settings | None = None, progress: Progress | None = None
) -> ReprocessReport:
    """Re-run extraction on every stored article from the parse cache, then relink.

    Articles missing from the cache are parsed (and cached); nothing else is.
    """
    from saydo.nlp.cache import open_cache
    from saydo.nlp.pipeline import load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    report = ReprocessReport()
    with open_cache(settings) as cache:
        for batch in _batches(store.articles(), settings):
            docs, current = _cached_or_parsed(batch, nlp, cache, report, settings)
            extractions, failures = _reextract(batch, docs, current, nlp, settings)
            # One transaction a batch, as ingest writes: a commit is an fsync.
            with store.batch() as writes:
                for extraction in extractions:
                    writes.replace(extraction)
                for failure in failures:
                    writes.record_failure(failure)
            report.failures.extend(failures)
            report.articles += len(batch)
            if progress:
                progress(len(batch))
    report.verdicts = relink(store)
    return report


def _entity_fingerprint() -> str:
    from saydo.nlp.pipeline import entity_layer_fingerprint

    return entity_layer_fingerprint()


def _reextract(
    batch: list[Article], docs: list[Doc], current: list[bool], nlp: Language, settings: Settings
) -> tuple[list[Extraction], list[IngestFailure]]:
    """Extraction from each parse; the entity layer runs again on a parse only when
    it changed since that parse's entities were set (``current`` is False)."""
    from saydo.extract.article import extract_records
    from saydo.nlp.pipeline import refresh_entities

    extractions: list[Extraction] = []
    failures: list[IngestFailure] = []
    for article, doc, fresh in zip(batch, docs, current, strict=True):
        try:
            ready = doc if fresh else refresh_entities(nlp, doc)
            extractions.append(extract_records(ready, article, settings))
        except Exception as error:  # one article must not stop the rest
            failures.append(_extraction_failed(article, error))
    return extractions, failures


def _cached_or_parsed(
    batch: list[Article],
    nlp: Language,
    cache: ParseCache | None,
    report: ReprocessReport,
    settings: Settings,
) -> tuple[list[Doc], list[bool]]:
    """Each article's parse, read from the cache or parsed now (and cached), with
    whether its entities are the running entity layer's."""
    from saydo.nlp.cache import doc_to_bytes
    from saydo.nlp.pieces import parse_texts

    fingerprint = _entity_fingerprint()
    cached = cache.get_many([a.id for a in batch], nlp) if cache else {}
    missing = [n for n, article in enumerate(batch) if article.id not in cached]
    texts = [batch[n].text for n in missing]
    parsed = dict(zip(missing, parse_texts(nlp, texts, settings.parse_chars), strict=True))
    if cache is not None:
        cache.put_many(((batch[n].id, doc_to_bytes(doc)) for n, doc in parsed.items()), fingerprint)
    report.parsed += len(missing)
    report.from_cache += len(batch) - len(missing)
    docs: list[Doc] = []
    current: list[bool] = []
    for n, article in enumerate(batch):
        doc, entities = (parsed[n], fingerprint) if n in parsed else cached[article.id]
        docs.append(doc)
        current.append(entities == fingerprint)
    return docs, current


def relink(store: Store, trigger_article_id: str | None = None) -> list[Verdict]:
    """Recompute every verdict, one pledge at a time from the events in its scope, so
    that memory holds one pledge's neighbourhood, never the whole store's events."""
    from saydo.merge import pledge_groups

    reads = Neighbourhood(store)
    verdicts: list[Verdict] = []
    for group in pledge_groups(store.pledges()):
        verdicts.extend(link_group(reads, group))
    store.save_verdicts(verdicts, trigger_article_id)
    # A re-extraction can drop a pledge or fold it into another's mentions: its old
    # verdict would hide the pledges it listed as mentions from the ledger.
    store.prune_verdicts(v.pledge_id for v in verdicts)
    return verdicts


def relink_touched(
    store: Store, article_ids: Iterable[str], trigger_article_id: str | None = None
) -> list[Verdict]:
    """Relink only the pledge groups that the articles named (just stored) can change:
    those holding one of their pledges or a changed set of mentions, those whose scope
    admits one of their events, and those with evidence of one of their events' type
    and day (a new report may join its incident). The verdicts of other groups stay as
    stored; the ones recomputed are returned."""
    from saydo.merge import pledge_groups

    touch = _Touch.of(store, set(article_ids))
    if touch.empty:
        return []
    stored = {v.pledge_id: v for v in store.verdicts()}
    reads = Neighbourhood(store)
    verdicts: list[Verdict] = []
    for group in pledge_groups(store.pledges()):
        if touch.changes(group, stored.get(group[0].id)):
            verdicts.extend(link_group(reads, group))
    store.save_verdicts(verdicts, trigger_article_id)
    return verdicts


@dataclass
class _Touch:
    """What a set of new articles brings: its pledges, its events where the scope
    index places them, and the (type, day) of each of its events."""

    pledges: set[str]
    events: list[tuple[Event, date | None, list[tuple[float, float]]]]
    kinds_on: set[tuple[str, date]]

    @classmethod
    def of(cls, store: Store, article_ids: set[str]) -> _Touch:
        from saydo.link import event_date
        from saydo.store.rows import event_place_rows

        pledges = {p.id for aid in sorted(article_ids) for p in store.pledges(aid)}
        published = {aid: m.published for aid, m in store.article_meta(article_ids).items()}
        events: list[tuple[Event, date | None, list[tuple[float, float]]]] = []
        for aid in sorted(article_ids):
            article_events = store.events(aid)
            points: dict[str, list[tuple[float, float]]] = {}
            for row in event_place_rows(article_events, aid, published.get(aid)):
                points.setdefault(row["event_id"], []).append((row["lat"], row["lon"]))
            events.extend(
                (e, event_date(e, published.get(aid)), points.get(e.id, [])) for e in article_events
            )
        kinds_on = {(e.type.value, day) for e, day, _ in events if day is not None}
        return cls(pledges, events, kinds_on)

    @property
    def empty(self) -> bool:
        return not self.pledges and not self.events

    def changes(self, group: list[Pledge], verdict: Verdict | None) -> bool:
        if verdict is None or any(p.id in self.pledges for p in group):
            return True
        if verdict.mentions != tuple(p.id for p in group[1:]):
            return True
        if any((e.event_type.value, e.event_date) in self.kinds_on for e in verdict.evidence):
            return True
        scope = group_scope(group[0])
        return scope is not None and any(
            admits(scope, event, day, points) for event, day, points in self.events
        )
