"""How the ingest stage reads its inputs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FORMATS = ("txt", "html", "json", "jsonl", "csv", "feed")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Overrides and limits for :func:`saydo.ingest.read_sources`.

    The ``*_column`` fields name a CSV column or a JSON key; ``None`` lets the reader
    try the usual names. ``published`` and ``outlet`` replace what a single-article
    input says of itself (a .txt, its sidecar, an HTML page, a JSON object); in files
    of many records they only fill in records that give none, since one date cannot
    be right for a whole feed.
    """

    format: str | None = None
    text_column: str | None = None
    title_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None
    outlet_column: str | None = None
    published: date | None = None
    outlet: str | None = None
    encoding: str = "utf-8"
    max_file_bytes: int = 200 * 1024 * 1024
    max_article_chars: int = 1_000_000
    # Non-English articles become NOT_ENGLISH failures, listed by `saydo errors`,
    # rather than articles the English pipeline would misread.
    skip_non_english: bool = True
    # For http(s) sources: seconds to wait for the server.
    fetch_timeout: float = 20.0


DEFAULT_OPTIONS = IngestOptions()
