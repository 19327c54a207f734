"""Full-text search over articles and statements, on SQLite FTS5 or PostgreSQL.

User text is data: it is cut into words here, and only those words reach the
database, as bound parameters; on SQLite each word is also quoted as an FTS5 string,
so that ``"``, ``AND(`` or ``NEAR`` in a query are words to find, never syntax. All
words must match (in any order); both backends stem English words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

KINDS = ("article", "statement")
MARK_OPEN, MARK_CLOSE = "«", "»"

# What the databases wrap matches in: private-use characters that news text does not
# hold, turned into MARK_OPEN/MARK_CLOSE and into segments here.
_OPEN, _CLOSE = "\ue000", "\ue001"
# What migration 0003 puts after each "<" on PostgreSQL, lest its parser drop tags.
_UNTAG = "\ue002"
_WORD = re.compile(r"\w+")
# More words than anyone types; bounds the work a hostile query can ask for.
_MAX_TERMS = 32
_SNIPPET_WORDS = 24
_PG_HEADLINE = (
    f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={_SNIPPET_WORDS}, MinWords=8, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article or statement that matches, best first."""

    kind: str  # "article" or "statement"
    record_id: str
    article_id: str
    snippet: str  # a passage of the text, each match between MARK_OPEN and MARK_CLOSE
    score: float  # higher is better; comparable within one result list only
    segments: tuple[tuple[str, bool], ...] = ()  # the snippet as (text, is_match) pieces


def terms(query: str) -> list[str]:
    """The words of ``query`` that search looks for."""
    return _WORD.findall(query)[:_MAX_TERMS]


def check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"search kind is one of {', '.join(KINDS)}, not {kind!r}")


def search(
    conn: Connection, query: str, kind: str | None, limit: int, offset: int
) -> list[SearchHit]:
    words = terms(query)
    if not words or limit <= 0:
        return []
    if conn.dialect.name == "sqlite":
        sql, params = _sqlite_hits(words, kind)
    else:
        sql, params = _pg_hits(words, kind)
    params |= {"limit": limit, "offset": max(offset, 0)}
    return [_hit(row) for row in conn.execute(sa.text(sql), params)]


def count(conn: Connection, query: str, kind: str | None) -> int:
    words = terms(query)
    if not words:
        return 0
    if conn.dialect.name == "sqlite":
        sql = (
            "SELECT count(*) FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
            "WHERE search_fts MATCH :match" + _kind_clause(kind)
        )
        params: dict[str, Any] = {"match": _fts5_match(words)}
    else:
        sql = (
            "SELECT count(*) FROM search_docs d "
            "WHERE d.tsv @@ plainto_tsquery('english', :words)" + _kind_clause(kind)
        )
        params = {"words": " ".join(words)}
    return int(conn.scalar(sa.text(sql), params | {"kind": kind}) or 0)


def _kind_clause(kind: str | None) -> str:
    check_kind(kind)
    return "" if kind is None else " AND d.kind = :kind"


def _fts5_match(words: list[str]) -> str:
    # Each word an FTS5 string ("" escapes a quote): juxtaposed strings all must match.
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _sqlite_hits(words: list[str], kind: str | None) -> tuple[str, dict[str, Any]]:
    # bm25 weights: a match in the title (or speaker) counts twice one in the body.
    sql = (
        "SELECT d.kind, d.record_id, d.article_id, "
        f"snippet(search_fts, 1, :open, :close, '…', {_SNIPPET_WORDS}) AS snippet, "
        "-bm25(search_fts, 2.0, 1.0) AS score "
        "FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH :match" + _kind_clause(kind) + " "
        "ORDER BY bm25(search_fts, 2.0, 1.0), d.id LIMIT :limit OFFSET :offset"
    )
    params = {"match": _fts5_match(words), "open": _OPEN, "close": _CLOSE, "kind": kind}
    return sql, params


def _pg_hits(words: list[str], kind: str | None) -> tuple[str, dict[str, Any]]:
    # Rank and page first; headline (the costly part) only the page's rows.
    sql = (
        "SELECT page.kind, page.record_id, page.article_id, "
        "ts_headline('english', replace(page.body, '<', '<' || chr(57346)), page.query, "
        ":options) AS snippet, page.score "
        "FROM (SELECT d.id, d.kind, d.record_id, d.article_id, d.body, q.query, "
        "ts_rank_cd(d.tsv, q.query) AS score "
        "FROM search_docs d, plainto_tsquery('english', :words) AS q(query) "
        "WHERE d.tsv @@ q.query" + _kind_clause(kind) + " "
        "ORDER BY score DESC, d.id LIMIT :limit OFFSET :offset) AS page "
        "ORDER BY page.score DESC, page.id"
    )
    return sql, {"words": " ".join(words), "options": _PG_HEADLINE, "kind": kind}


def _hit(row: Any) -> SearchHit:
    pieces = segments((row.snippet or "").replace(_UNTAG, ""))
    return SearchHit(
        kind=row.kind,
        record_id=row.record_id,
        article_id=row.article_id,
        snippet="".join(f"{MARK_OPEN}{t}{MARK_CLOSE}" if hit else t for t, hit in pieces),
        score=float(row.score),
        segments=pieces,
    )


def segments(marked: str) -> tuple[tuple[str, bool], ...]:
    """Split a snippet marked by the database into (text, is_match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(marked.split(_OPEN)):
        if i == 0:
            pieces.append((part, False))
            continue
        matched, _, rest = part.partition(_CLOSE)
        pieces += [(matched, True), (rest, False)]
    return tuple((text, hit) for text, hit in pieces if text)
