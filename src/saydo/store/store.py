"""The ledger's storage: articles, what was extracted from them, verdicts, failures.

Every write is one transaction, so a run killed mid-way leaves each article either
fully stored or absent, and re-running it adds what is missing without duplicates.
All SQL is built with SQLAlchemy Core: data only ever travels as bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from saydo.codec import loads
from saydo.domain import (
    Article,
    Event,
    Extraction,
    IngestFailure,
    Pledge,
    Statement,
    Verdict,
    VerdictLabel,
)
from saydo.errors import ErrorCode, SaydoError
from saydo.settings import db_url
from saydo.store import ledger as ledger_query
from saydo.store import rows, schema, search
from saydo.store.engine import WRITE, create_engine, lock_for_writing
from saydo.store.ledger import LedgerQuery
from saydo.store.migrate import upgrade
from saydo.store.scope import (
    ArticleMeta,
    IncidentKey,
    Scope,
    article_meta,
    article_records,
    events_in_scope,
    events_of_articles,
    events_with_keys,
    record_page,
)
from saydo.store.search import SearchHit

R = TypeVar("R")

# Articles are read in pages so that iterating a large ledger neither loads it all nor
# holds one read transaction open for the whole walk.
_PAGE = 200
# Records are small: exports stream them in larger pages.
_STREAM_PAGE = 2000
# Ids per DELETE ... IN (...), well under SQLite's and PostgreSQL's parameter limits.
_DELETE_CHUNK = 500
# Ids bound in one IN (...): under SQLite's and psycopg's limits on parameters.
_IDS_PER_STATEMENT = 500
# A near-duplicate signature to record: article id, MinHash, bands, the original.
SignatureRow = tuple[str, Sequence[int], Sequence[str], str | None]


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """A saydo database. Open with :meth:`open`; use as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @classmethod
    def open(cls, db: str) -> Store:
        """Open ``db`` (a SQLite path or a SQLAlchemy URL), migrating it to head."""
        engine = create_engine(db_url(db))
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for tools and tests that need raw access."""
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        # One transaction per read, so that a multi-table read (extraction()) sees one
        # state even while a writer replaces it; SQLite transactions are snapshots
        # already, PostgreSQL's default level takes a new snapshot per statement.
        with self._engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                lock_for_writing(conn)
                yield conn

    # -- articles and extractions ------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            return _article_exists(conn, article_id)

    def known_article_ids(self) -> set[str]:
        with self._read() as conn:
            return set(conn.scalars(sa.select(schema.articles.c.id)))

    def add(self, article: Article, extraction: Extraction) -> bool:
        """Store an article and its records at once; False if it was there already."""
        with self.batch() as batch:
            return batch.add(article, extraction)

    def add_many(self, items: Iterable[tuple[Article, Extraction]]) -> list[bool]:
        """Store several articles in one transaction: each True if it was new.

        All or none of them are stored, so a run killed mid-way resumes from the last
        batch written without losing or doubling any article.
        """
        with self.batch() as batch:
            return batch.add_many(list(items))

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """One write transaction for many articles, failures and signatures: a commit
        per batch instead of one per record (a commit is an fsync)."""
        with self._write() as conn:
            yield Batch(conn)

    def replace_extraction(self, extraction: Extraction) -> None:
        """Swap an article's records for ``extraction`` (reprocessing), in one go."""
        with self.batch() as batch:
            batch.replace(extraction)

    def article(self, article_id: str) -> Article | None:
        table = schema.articles
        with self._read() as conn:
            row = conn.execute(
                sa.select(table.c.data, table.c.text).where(table.c.id == article_id)
            ).first()
        return rows.article_from_row(row.data, row.text) if row else None

    def articles(self, *, with_text: bool = True) -> Iterator[Article]:
        """Every article, in id order; without its text (left empty) when
        ``with_text`` is False, for readers that need only the metadata."""
        after: str | None = None
        while True:
            page = self._article_page(after, with_text)
            yield from page
            if len(page) < _PAGE:
                return
            after = page[-1].id

    def _article_page(self, after: str | None, with_text: bool) -> list[Article]:
        table = schema.articles
        text = table.c.text if with_text else sa.literal("")
        query = sa.select(table.c.data, text.label("text")).order_by(table.c.id).limit(_PAGE)
        if after is not None:
            query = query.where(table.c.id > after)
        with self._read() as conn:
            return [rows.article_from_row(r.data, r.text) for r in conn.execute(query)]

    def articles_by_id(self, ids: Iterable[str]) -> dict[str, Article]:
        """The articles named, without their text (left empty): their metadata."""
        with self._read() as conn:
            return article_records(conn, ids)

    def iter_statements(self) -> Iterator[Statement]:
        """Every statement, by article then position, read a page at a time."""
        return self._stream(schema.statements, Statement)

    def iter_events(self) -> Iterator[Event]:
        """Every event, by article then position, read a page at a time."""
        return self._stream(schema.events, Event)

    def iter_pledges(self) -> Iterator[Pledge]:
        """Every pledge, by article then position, read a page at a time."""
        return self._stream(schema.pledges, Pledge)

    def _stream(self, table: sa.Table, cls: type[R]) -> Iterator[R]:
        after: tuple[str, int] | None = None
        while True:
            with self._read() as conn:
                page = record_page(conn, table, after, _STREAM_PAGE)
            yield from (loads(cls, data) for _, _, data in page)
            if len(page) < _STREAM_PAGE:
                return
            after = page[-1][0], page[-1][1]

    def article_count(self) -> int:
        with self._read() as conn:
            return conn.scalar(sa.select(sa.func.count()).select_from(schema.articles)) or 0

    def extraction(self, article_id: str) -> Extraction:
        """The article's Extraction, rebuilt from its rows."""
        table = schema.extractions
        with self._read() as conn:
            data = conn.scalar(sa.select(table.c.data).where(table.c.article_id == article_id))
            if data is None:
                raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=article_id)
            return rows.extraction_from_rows(
                data,
                _records(conn, schema.statements, Statement, article_id),
                _records(conn, schema.events, Event, article_id),
                _records(conn, schema.pledges, Pledge, article_id),
            )

    def statements(self, article_id: str | None = None) -> list[Statement]:
        with self._read() as conn:
            return _records(conn, schema.statements, Statement, article_id)

    def events(self, article_id: str | None = None) -> list[Event]:
        with self._read() as conn:
            return _records(conn, schema.events, Event, article_id)

    def pledges(self, article_id: str | None = None) -> list[Pledge]:
        with self._read() as conn:
            return _records(conn, schema.pledges, Pledge, article_id)

    def pledge(self, pledge_id: str) -> Pledge | None:
        table = schema.pledges
        with self._read() as conn:
            data = conn.scalar(sa.select(table.c.data).where(table.c.id == pledge_id))
        return loads(Pledge, data) if data is not None else None

    # -- narrow reads: indexed, never a whole table of records ------------------------

    def article_meta(self, ids: Iterable[str] | None = None) -> dict[str, ArticleMeta]:
        """Date, outlet, duplicate and title of the articles named (all when None),
        without their text: what linking and the ledger need of them."""
        with self._read() as conn:
            return article_meta(conn, ids)

    def events_in_scope(self, scope: Scope, limit: int | None = None) -> list[Event]:
        """The events in ``scope`` (days, sides, recipients, boxes), by day then id."""
        with self._read() as conn:
            return events_in_scope(conn, scope, limit)

    def events_of_articles(self, article_ids: Iterable[str]) -> list[Event]:
        """Every event of the articles named."""
        with self._read() as conn:
            return events_of_articles(conn, article_ids)

    def events_with_keys(self, keys: Iterable[IncidentKey]) -> list[Event]:
        """Every event of each (PLOVER type, acting side, day) named; an undated
        event counts on its article's publication day."""
        with self._read() as conn:
            return events_with_keys(conn, keys)

    # -- full-text search ---------------------------------------------------------

    def search(
        self, query: str, *, kind: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[SearchHit]:
        """Articles and statements holding every word of ``query``, best first.

        ``kind`` is "article" or "statement" (None: both). Any text is a valid query:
        it is taken as words to find, never as search syntax.
        """
        search.check_kind(kind)
        with self._read() as conn:
            return search.search(conn, query, kind, limit, offset)

    def search_count(self, query: str, *, kind: str | None = None) -> int:
        """How many hits :meth:`search` has for ``query`` over all its pages."""
        search.check_kind(kind)
        with self._read() as conn:
            return search.count(conn, query, kind)

    # -- failures ----------------------------------------------------------------

    def record_failure(self, failure: IngestFailure) -> None:
        """Note a failed input; the same source failing the same way is kept once,
        with the latest reason and time."""
        with self.batch() as batch:
            batch.record_failure(failure)

    def failures(self) -> list[tuple[IngestFailure, datetime]]:
        table = schema.ingest_failures
        query = sa.select(table).order_by(table.c.failed_at, table.c.id)
        with self._read() as conn:
            return [
                (IngestFailure(source=r.source, reason=r.reason, code=r.code), r.failed_at)
                for r in conn.execute(query)
            ]

    # -- near-duplicate signatures (saydo.dedup) ----------------------------------

    def add_signature(
        self,
        article_id: str,
        minhash: Sequence[int],
        bands: Sequence[str],
        duplicate_of: str | None = None,
    ) -> bool:
        """Record an article's signature; False if it has one already (kept as is)."""
        with self.batch() as batch:
            return batch.add_signature(article_id, minhash, bands, duplicate_of)

    def find_similar(self, bands: Sequence[str]) -> list[str]:
        """Ids of articles sharing a band with ``bands``, first seen first."""
        if not bands:
            return []
        sigs, band_table = schema.article_signatures, schema.signature_bands
        query = (
            sa.select(sigs.c.article_id)
            .join(band_table, band_table.c.article_id == sigs.c.article_id)
            .where(band_table.c.band.in_(list(bands)))
            .group_by(sigs.c.article_id, sigs.c.seq)
            .order_by(sigs.c.seq)
        )
        with self._read() as conn:
            return list(conn.scalars(query))

    def band_members(self, bands: Sequence[str]) -> dict[str, list[tuple[int, str]]]:
        """For each of ``bands`` that some article has, the (order seen, article id)
        of those articles: a batch's candidates for deduplication in one query."""
        table, sigs = schema.signature_bands, schema.article_signatures
        members: dict[str, list[tuple[int, str]]] = {}
        with self._read() as conn:
            for start in range(0, len(bands), _IDS_PER_STATEMENT):
                chunk = list(bands[start : start + _IDS_PER_STATEMENT])
                query = (
                    sa.select(table.c.band, sigs.c.seq, sigs.c.article_id)
                    .join(sigs, sigs.c.article_id == table.c.article_id)
                    .where(table.c.band.in_(chunk))
                )
                for band, seq, article_id in conn.execute(query):
                    members.setdefault(band, []).append((seq, article_id))
        return members

    def signatures(
        self, article_ids: Sequence[str]
    ) -> dict[str, tuple[tuple[int, ...], str | None]]:
        """As :meth:`signature` for many articles; those never seen are left out."""
        table = schema.article_signatures
        found: dict[str, tuple[tuple[int, ...], str | None]] = {}
        with self._read() as conn:
            for start in range(0, len(article_ids), _IDS_PER_STATEMENT):
                chunk = list(article_ids[start : start + _IDS_PER_STATEMENT])
                query = sa.select(table.c.article_id, table.c.minhash, table.c.duplicate_of).where(
                    table.c.article_id.in_(chunk)
                )
                for row in conn.execute(query):
                    found[row.article_id] = _minhash(row.minhash), row.duplicate_of
        return found

    def signature(self, article_id: str) -> tuple[tuple[int, ...], str | None] | None:
        """An article's MinHash and the article it duplicates, None if never seen."""
        table = schema.article_signatures
        query = sa.select(table.c.minhash, table.c.duplicate_of).where(
            table.c.article_id == article_id
        )
        with self._read() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return _minhash(row.minhash), row.duplicate_of

    def duplicate_groups(self) -> dict[str, list[str]]:
        """Each first-seen article that has near-duplicates, with their ids in order."""
        table = schema.article_signatures
        query = (
            sa.select(table.c.duplicate_of, table.c.article_id)
            .where(table.c.duplicate_of.is_not(None))
            .order_by(table.c.seq)
        )
        groups: dict[str, list[str]] = {}
        with self._read() as conn:
            for original, copy in conn.execute(query):
                groups.setdefault(original, []).append(copy)
        return groups

    # -- verdicts ----------------------------------------------------------------

    def save_verdicts(
        self, verdicts: Iterable[Verdict], trigger_article_id: str | None = None
    ) -> None:
        """Upsert verdicts; a new verdict or a changed label is appended to history."""
        now = _now()
        with self._write() as conn:
            for verdict in verdicts:
                _save_verdict(conn, verdict, now, trigger_article_id)

    def prune_verdicts(self, keep: Iterable[str]) -> int:
        """Drop the verdicts of pledges not in ``keep`` (pledges that a re-extraction
        removed, or that became mentions of another); their history stays. Returns how
        many went."""
        wanted = set(keep)
        table = schema.verdicts
        with self._read() as conn:
            stored = set(conn.scalars(sa.select(table.c.pledge_id)))
        gone = sorted(stored - wanted)
        with self._write() as conn:
            for start in range(0, len(gone), _DELETE_CHUNK):
                chunk = gone[start : start + _DELETE_CHUNK]
                conn.execute(table.delete().where(table.c.pledge_id.in_(chunk)))
        return len(gone)

    def has_verdicts(self) -> bool:
        """Has any pledge been judged yet?"""
        with self._read() as conn:
            query = sa.select(schema.verdicts.c.pledge_id).limit(1)
            return conn.scalar(query) is not None

    def verdicts(self) -> list[Verdict]:
        table = schema.verdicts
        with self._read() as conn:
            data = conn.scalars(sa.select(table.c.data).order_by(table.c.pledge_id))
            return [loads(Verdict, d) for d in data]

    def ledger(self, query: LedgerQuery | None = None) -> list[tuple[Pledge, Verdict | None]]:
        """Each pledge (mentions of it in other articles folded into its verdict, not
        listed) with its verdict, narrowed by ``query``; undated first, then by day."""
        with self._read() as conn:
            return list(ledger_query.ledger_entries(conn, query or LedgerQuery()))

    def has_unjudged_pledges(self) -> bool:
        """Is some pledge neither judged nor a mention of a judged one? (A run killed
        after storing its last article but before linking leaves such pledges.)"""
        with self._read() as conn:
            return bool(conn.scalar(ledger_query.unjudged_exists(conn.dialect.name)))

    def verdict(self, pledge_id: str) -> Verdict | None:
        table = schema.verdicts
        with self._read() as conn:
            data = conn.scalar(sa.select(table.c.data).where(table.c.pledge_id == pledge_id))
        return loads(Verdict, data) if data is not None else None

    def verdict_history(self, pledge_id: str) -> list[dict[str, Any]]:
        """The label changes of a pledge's verdict, oldest first."""
        table = schema.verdict_history
        query = sa.select(table).where(table.c.pledge_id == pledge_id).order_by(table.c.id)
        with self._read() as conn:
            return [_history_entry(r._mapping) for r in conn.execute(query)]

    # -- ids -----------------------------------------------------------------------

    def resolve_id(self, prefix: str) -> str | None:
        """The one record id (article, pledge, event, statement) starting with
        ``prefix``; None when none or several do."""
        if not prefix:
            return None
        with self._read() as conn:
            exact = _find_exact(conn, prefix)
            if exact is not None:
                return exact
            matches = _find_prefixed(conn, prefix)
        return matches[0] if len(matches) == 1 else None


class Batch:
    """Writes inside one transaction of :meth:`Store.batch`; each method is what the
    Store method of the same name does, without a commit of its own."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._now = _now()

    def add(self, article: Article, extraction: Extraction) -> bool:
        return self.add_many([(article, extraction)])[0]

    def add_many(self, items: Sequence[tuple[Article, Extraction]]) -> list[bool]:
        """As :meth:`add` for each item, with one statement a table for all of them:
        an ingest writes a batch at a time, and a statement per record per article
        made the writer the busiest part of a two-worker run."""
        for article, extraction in items:
            if extraction.article_id != article.id:
                raise ValueError(
                    f"extraction is for article {extraction.article_id!r}, not {article.id!r}"
                )
        conn = self._conn  # writers are serialised: the check cannot race
        seen = _existing(conn, schema.articles.c.id, [article.id for article, _ in items])
        added: list[bool] = []
        for article, _ in items:
            added.append(article.id not in seen)
            seen.add(article.id)  # the same article twice in ``items`` is new once
        new = [item for item, is_new in zip(items, added, strict=True) if is_new]
        _insert_many(conn, schema.articles, [rows.article_row(a, self._now) for a, _ in new])
        _insert_many(conn, schema.search_docs, [rows.article_search_row(a) for a, _ in new])
        _insert_extractions(conn, [(x, a.published) for a, x in new], self._now)
        return added

    def replace(self, extraction: Extraction) -> None:
        conn = self._conn
        if not _article_exists(conn, extraction.article_id):
            raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=extraction.article_id)
        _delete_extraction(conn, extraction.article_id)
        _insert_extraction(conn, extraction, self._now, _published(conn, extraction.article_id))

    def record_failure(self, failure: IngestFailure) -> None:
        values = {
            "source": failure.source,
            "code": failure.code,
            "reason": failure.reason,
            "failed_at": self._now,
        }
        _upsert(self._conn, schema.ingest_failures, values, ("source", "code"))

    def add_signature(
        self,
        article_id: str,
        minhash: Sequence[int],
        bands: Sequence[str],
        duplicate_of: str | None = None,
    ) -> bool:
        return self.add_signatures([(article_id, minhash, bands, duplicate_of)])[0]

    def add_signatures(self, signatures: Sequence[SignatureRow]) -> list[bool]:
        """As :meth:`add_signature` for each, with one statement a table."""
        table = schema.article_signatures
        seen = _existing(self._conn, table.c.article_id, [s[0] for s in signatures])
        added: list[bool] = []
        for article_id, *_ in signatures:
            added.append(article_id not in seen)
            seen.add(article_id)
        new = [s for s, is_new in zip(signatures, added, strict=True) if is_new]
        _insert_many(
            self._conn,
            table,
            [
                {
                    "article_id": article_id,
                    "minhash": " ".join(format(v, "x") for v in minhash),
                    "duplicate_of": duplicate_of,
                    "seen_at": self._now,
                }
                for article_id, minhash, _, duplicate_of in new
            ],
        )
        _insert_many(
            self._conn,
            schema.signature_bands,
            [
                {"band": band, "article_id": article_id}
                for article_id, _, bands, _ in new
                for band in dict.fromkeys(bands)
            ],
        )
        return added


# -- helpers that run inside a caller's transaction ----------------------------------


def _article_exists(conn: Connection, article_id: str) -> bool:
    table = schema.articles
    return conn.scalar(sa.select(table.c.id).where(table.c.id == article_id)) is not None


def _published(conn: Connection, article_id: str) -> date | None:
    table = schema.articles
    published: date | None = conn.scalar(
        sa.select(table.c.published).where(table.c.id == article_id)
    )
    return published


def _insert_extraction(
    conn: Connection, extraction: Extraction, now: datetime, published: date | None
) -> None:
    _insert_extractions(conn, [(extraction, published)], now)


def _insert_extractions(
    conn: Connection, extractions: Sequence[tuple[Extraction, date | None]], now: datetime
) -> None:
    """The records of several articles, one statement a table."""
    tables: dict[sa.Table, list[rows.Row]] = {
        schema.extractions: [],
        schema.statements: [],
        schema.search_docs: [],
        schema.events: [],
        schema.pledges: [],
        schema.event_places: [],
    }
    for extraction, published in extractions:
        article_id = extraction.article_id
        tables[schema.extractions].append(rows.extraction_row(extraction, now))
        for i, statement in enumerate(extraction.statements):
            tables[schema.statements].append(rows.statement_row(statement, article_id, i))
            tables[schema.search_docs].append(rows.statement_search_row(statement, article_id))
        tables[schema.events].extend(
            rows.event_row(e, article_id, i) for i, e in enumerate(extraction.events)
        )
        tables[schema.pledges].extend(
            rows.pledge_row(p, article_id, i) for i, p in enumerate(extraction.pledges)
        )
        tables[schema.event_places].extend(
            rows.event_place_rows(extraction.events, article_id, published)
        )
    for table, values in tables.items():
        _insert_many(conn, table, values)


def _minhash(stored: str) -> tuple[int, ...]:
    return tuple(int(v, 16) for v in stored.split())


def _existing(conn: Connection, column: sa.Column[Any], ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` the column holds."""
    found: set[str] = set()
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = list(ids[start : start + _IDS_PER_STATEMENT])
        found.update(conn.scalars(sa.select(column).where(column.in_(chunk))))
    return found


def _insert_many(conn: Connection, table: sa.Table, values: list[rows.Row]) -> None:
    if values:  # an executemany with no rows is an error in some drivers
        conn.execute(table.insert(), values)


def _delete_extraction(conn: Connection, article_id: str) -> None:
    docs = schema.search_docs
    conn.execute(docs.delete().where(docs.c.article_id == article_id, docs.c.kind == "statement"))
    tables = (schema.statements, schema.events, schema.event_places, schema.pledges)
    for table in (*tables, schema.extractions):
        conn.execute(table.delete().where(table.c.article_id == article_id))


def _records(conn: Connection, table: sa.Table, cls: type[R], article_id: str | None) -> list[R]:
    query = sa.select(table.c.data).order_by(table.c.article_id, table.c.seq)
    if article_id is not None:
        query = query.where(table.c.article_id == article_id)
    return [loads(cls, data) for data in conn.scalars(query)]


def _upsert(conn: Connection, table: sa.Table, values: dict[str, Any], keys: Sequence[str]) -> None:
    """Insert ``values``, or update the row with the same ``keys`` in one statement."""
    changes = {k: v for k, v in values.items() if k not in keys}
    dialect = conn.dialect.name
    if dialect == "sqlite":
        sqlite_stmt = sqlite.insert(table).values(values)
        conn.execute(sqlite_stmt.on_conflict_do_update(index_elements=keys, set_=changes))
    elif dialect == "postgresql":
        pg_stmt = postgresql.insert(table).values(values)
        conn.execute(pg_stmt.on_conflict_do_update(index_elements=keys, set_=changes))
    else:
        _update_or_insert(conn, table, values, keys, changes)


def _update_or_insert(
    conn: Connection,
    table: sa.Table,
    values: dict[str, Any],
    keys: Sequence[str],
    changes: dict[str, Any],
) -> None:
    # Portable fallback for other backends, which lock_for_writing does not serialise.
    match = sa.and_(*(table.c[k] == values[k] for k in keys))
    if conn.execute(table.update().where(match).values(changes)).rowcount == 0:
        conn.execute(table.insert().values(values))


def _save_verdict(
    conn: Connection, verdict: Verdict, now: datetime, trigger_article_id: str | None
) -> None:
    table = schema.verdicts
    row = rows.verdict_row(verdict, now)
    old = conn.execute(
        sa.select(table.c.label, table.c.data).where(table.c.pledge_id == verdict.pledge_id)
    ).first()
    if old is None:
        conn.execute(table.insert(), row)
    elif old.data != row["data"]:
        # updated_at moves only when the verdict itself does.
        conn.execute(table.update().where(table.c.pledge_id == verdict.pledge_id), row)
    previous = old.label if old is not None else None
    if previous != row["label"]:
        conn.execute(
            schema.verdict_history.insert(),
            {
                "pledge_id": verdict.pledge_id,
                "label": row["label"],
                "previous_label": previous,
                "reason": verdict.reason,
                "changed_at": now,
                "trigger_article_id": trigger_article_id,
            },
        )


def _history_entry(row: Any) -> dict[str, Any]:
    previous = row["previous_label"]
    return {
        "label": VerdictLabel(row["label"]),
        "previous_label": VerdictLabel(previous) if previous is not None else None,
        "reason": row["reason"],
        "changed_at": row["changed_at"],
        "trigger_article_id": row["trigger_article_id"],
    }


def _find_exact(conn: Connection, record_id: str) -> str | None:
    for table in schema.ID_TABLES:
        if conn.scalar(sa.select(table.c.id).where(table.c.id == record_id)) is not None:
            return record_id
    return None


def _find_prefixed(conn: Connection, prefix: str) -> list[str]:
    """Up to two ids starting with ``prefix``: enough to tell unique from ambiguous."""
    found: list[str] = []
    for table in schema.ID_TABLES:
        # substr + = rather than LIKE: LIKE ignores case on SQLite but not on
        # PostgreSQL, and would need escaping for ids holding % or _.
        head = sa.func.substr(table.c.id, 1, len(prefix))
        query = sa.select(table.c.id).where(head == prefix).limit(2 - len(found))
        found.extend(conn.scalars(query))
        if len(found) >= 2:
            break
    return found
