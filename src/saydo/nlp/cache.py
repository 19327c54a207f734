"""The parse cache: parsed documents kept as spaCy DocBin bytes, keyed by article id.

Parsing is most of the cost of a run; extraction is cheap. Keeping the parses lets
``saydo reprocess`` re-run extraction after a rule change without parsing again. The cache
is a SQLite file of its own beside the store (whatever the store's backend), so that it
can be dropped at any time: it only ever saves work.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from saydo import __version__
from saydo.nlp.components import PARSE_REPAIRS
from saydo.settings import Settings

# DocBin keeps what extraction reads; the tensor and user data are not needed.
ATTRS = [
    "ORTH",
    "TAG",
    "HEAD",
    "DEP",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_ID",
    "ENT_KB_ID",
    "LEMMA",
    "MORPH",
    "POS",
    "SENT_START",
    "SPACY",
]


_IDS_PER_QUERY = 500  # below SQLite's bound on a statement's parameters


def cache_path_for(db: str) -> Path:
    """Beside a SQLite store; in the user's cache folder for a server URL."""
    if db.startswith("sqlite:///"):
        return Path(f"{db.removeprefix('sqlite:///')}.parses")
    if "://" in db:
        # A server store has no folder of its own: keep the parses in the user's cache.
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "saydo"
        digest = hashlib.sha256(db.encode("utf-8")).hexdigest()[:16]
        return base / f"parses-{digest}.sqlite"
    return Path(f"{db}.parses")


class ParseCache:
    """Parses by article id, each with the fingerprint of the entity layer that last
    set its entities: a parse whose fingerprint is the running one needs no refresh."""

    def __init__(self, path: Path, model: str) -> None:
        self.path = path
        self.key = f"{model}/{__version__}/{PARSE_REPAIRS}"
        self.connection = sqlite3.connect(path)
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS parses (article_id TEXT, model TEXT, doc BLOB, "
            "entities TEXT, PRIMARY KEY (article_id, model))"
        )
        columns = {row[1] for row in self.connection.execute("PRAGMA table_info(parses)")}
        if "entities" not in columns:  # a cache written before fingerprints were kept
            self.connection.execute("ALTER TABLE parses ADD COLUMN entities TEXT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def put_many(self, items: Iterable[tuple[str, bytes]], entities: str | None = None) -> None:
        """Keep parses; ``entities`` is the fingerprint of the entity layer that set
        their entities (None: unknown, so they are refreshed when read)."""
        rows = [(article_id, self.key, data, entities) for article_id, data in items]
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO parses (article_id, model, doc, entities) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )

    def get_many(
        self, article_ids: Sequence[str], nlp: Language
    ) -> dict[str, tuple[Doc, str | None]]:
        """The cached parses of these articles, each with its entity fingerprint."""
        found: dict[str, tuple[Doc, str | None]] = {}
        for start in range(0, len(article_ids), _IDS_PER_QUERY):
            chunk = list(article_ids[start : start + _IDS_PER_QUERY])
            marks = ", ".join("?" for _ in chunk)
            rows = self.connection.execute(
                f"SELECT article_id, doc, entities FROM parses "
                f"WHERE model = ? AND article_id IN ({marks})",
                (self.key, *chunk),
            )
            for article_id, data, entities in rows:
                docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
                if docs:
                    found[article_id] = (docs[0], entities)
        return found

    def __len__(self) -> int:
        row = self.connection.execute(
            "SELECT COUNT(*) FROM parses WHERE model = ?", (self.key,)
        ).fetchone()
        return int(row[0])


def doc_to_bytes(doc: Doc) -> bytes:
    return bytes(DocBin(attrs=ATTRS, docs=[doc]).to_bytes())


@contextmanager
def open_cache(settings: Settings) -> Iterator[ParseCache | None]:
    """The run's parse cache, or None when caching is off."""
    path = cache_path_for(settings.db) if settings.parse_cache else None
    if path is None:
        yield None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    cache = ParseCache(path, settings.model)
    try:
        yield cache
    finally:
        cache.close()
