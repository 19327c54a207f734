"""Polling feeds: fetch each URL in a list, ingest the items not seen before.

Requests are conditional (If-None-Match, If-Modified-Since), so an unchanged feed
costs a 304. A feed that errs (HTTP 500, a timeout, a body that is no feed) is
recorded as a failure and polled again after an exponentially growing pause, capped;
the other feeds go on. An item is new when its article id is neither in the store
nor handed to ``ingest_fn`` before in this session, so a feed that repeats its last
fifty items yields each once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from saydo.domain import Article, IngestFailure
from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.fetch import fetch
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import failure
from saydo.ingest.sources import read_response
from saydo.store import Store

log = logging.getLogger(__name__)

IngestFn = Callable[[list[Article]], object]
# Failure codes that mean the feed as a whole was not read: worth backing off for.
_FEED_LEVEL = {
    ErrorCode.FETCH_FAILED.code,
    ErrorCode.MALFORMED.code,
    ErrorCode.EMPTY_INPUT.code,
    ErrorCode.BINARY_INPUT.code,
    ErrorCode.BAD_ENCODING.code,
    ErrorCode.TOO_LARGE.code,
    ErrorCode.UNKNOWN_FORMAT.code,
}


@dataclass
class FeedState:
    """What the poller knows of one feed between polls."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    errors: int = 0  # consecutive
    due: float = 0.0  # clock time of the next poll


@dataclass
class PollReport:
    fetched: int = 0
    not_modified: int = 0
    errors: int = 0
    new: int = 0
    failures: list[IngestFailure] = field(default_factory=list)

    def add(self, other: PollReport) -> None:
        self.fetched += other.fetched
        self.not_modified += other.not_modified
        self.errors += other.errors
        self.new += other.new
        self.failures.extend(other.failures)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Pauses after consecutive errors: interval·2^errors, at most ``cap`` seconds."""

    interval: float
    cap: float = 3600.0

    def pause(self, errors: int) -> float:
        return min(self.interval * 2.0 ** min(errors, 32), self.cap)


def read_feed_list(path: Path) -> list[str]:
    """The URLs of a feeds file: one a line; blank lines and ``#`` comments skipped."""
    urls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        url = line.strip()
        if url and not url.startswith("#"):
            urls.append(url)
    return list(dict.fromkeys(urls))  # a feed listed twice is polled once


def watch(
    feeds_file: Path,
    store: Store,
    interval: float,
    ingest_fn: IngestFn,
    max_polls: int | None = None,
    *,
    options: IngestOptions | None = None,
    max_backoff: float = 3600.0,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    on_round: Callable[[int, PollReport], None] | None = None,
) -> PollReport:
    """Poll every feed in ``feeds_file`` each ``interval`` seconds, ``max_polls``
    rounds (forever when None), handing new articles to ``ingest_fn``; ``on_round``
    hears how each round went, so a run that never ends still reports."""
    feeds = [FeedState(url) for url in read_feed_list(feeds_file)]
    backoff = Backoff(interval, max_backoff)
    seen: set[str] = set()
    total = PollReport()
    rounds = 0
    while max_polls is None or rounds < max_polls:
        this_round = poll(feeds, store, ingest_fn, seen, backoff, clock(), options)
        total.add(this_round)
        rounds += 1
        if on_round is not None:
            on_round(rounds, this_round)
        if max_polls is None or rounds < max_polls:
            sleep(interval)
    return total


def poll(
    feeds: Iterable[FeedState],
    store: Store,
    ingest_fn: IngestFn,
    seen: set[str],
    backoff: Backoff,
    now: float,
    options: IngestOptions | None = None,
) -> PollReport:
    """One round: poll each feed that is due at ``now``."""
    report = PollReport()
    for feed in feeds:
        if feed.due <= now:
            report.add(poll_feed(feed, store, ingest_fn, seen, backoff, now, options))
    return report


def poll_feed(
    feed: FeedState,
    store: Store,
    ingest_fn: IngestFn,
    seen: set[str],
    backoff: Backoff,
    now: float,
    options: IngestOptions | None = None,
) -> PollReport:
    report = PollReport()
    options = options or IngestOptions()
    try:
        response = fetch(
            feed.url,
            timeout=options.fetch_timeout,
            max_bytes=options.max_file_bytes,
            etag=feed.etag,
            last_modified=feed.last_modified,
        )
    except SaydoError as exc:
        _failed(feed, failure(exc), store, backoff, now, report)
        return report
    if response.not_modified:
        report.not_modified += 1
        _succeeded(feed, backoff, now)
        return report
    report.fetched += 1
    # A feed URL holds a feed, whatever its server calls it.
    read_options = options if options.format else replace(options, format="feed")
    articles: list[Article] = []
    feed_failed = False
    for outcome in read_response(response, read_options):
        if isinstance(outcome, Article):
            articles.append(outcome)
            continue
        store.record_failure(outcome)
        report.failures.append(outcome)
        if outcome.source == feed.url and outcome.code in _FEED_LEVEL:
            feed_failed = True
    if feed_failed:
        # Keep the old validators: a garbage body must not become the cached version.
        _back_off(feed, backoff, now, report)
        return report
    feed.etag, feed.last_modified = response.etag, response.last_modified
    _succeeded(feed, backoff, now)
    new = _new_articles(articles, store, seen)
    if new:
        ingest_fn(new)
    report.new += len(new)
    return report


def _new_articles(articles: list[Article], store: Store, seen: set[str]) -> list[Article]:
    new = []
    for article in articles:
        if article.id in seen or store.has_article(article.id):
            continue
        seen.add(article.id)
        new.append(article)
    return new


def _failed(
    feed: FeedState,
    error: IngestFailure,
    store: Store,
    backoff: Backoff,
    now: float,
    report: PollReport,
) -> None:
    log.warning("%s", error.reason)
    store.record_failure(error)
    report.failures.append(error)
    _back_off(feed, backoff, now, report)


def _back_off(feed: FeedState, backoff: Backoff, now: float, report: PollReport) -> None:
    report.errors += 1
    feed.errors += 1
    feed.due = now + backoff.pause(feed.errors)


def _succeeded(feed: FeedState, backoff: Backoff, now: float) -> None:
    feed.errors = 0
    # Due again at the next round; a round a hair early must not skip it.
    feed.due = now + backoff.interval * 0.5
