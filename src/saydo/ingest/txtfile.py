"""Plain text: the whole file is one article, described by an optional sidecar.

The sidecar of ``NAME.txt`` is ``NAME.meta.json``: a JSON object with any of title,
outlet, byline, dateline, published, url and language. Other keys (notes) are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from saydo.domain import Article
from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import (
    SIDECAR_COLUMNS,
    Input,
    Outcome,
    Record,
    attempt,
    make_article,
    record_metadata,
)
from saydo.ingest.text import decode

SIDECAR_SUFFIX = ".meta.json"


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_txt(item: Input, options: IngestOptions) -> Iterator[Outcome]:
    yield attempt(lambda: _article(item, options))


def _article(item: Input, options: IngestOptions) -> Article:
    sidecar = sidecar_path(item.path) if item.path is not None else None
    record: Record = {}
    if sidecar is not None and sidecar.is_file():
        record = load_sidecar(sidecar)
    # Errors in the sidecar name the sidecar: that is the file to fix.
    where = str(sidecar) if sidecar is not None else item.source
    meta = record_metadata(record, SIDECAR_COLUMNS, where, options, single=True)
    return make_article(item.text, item.source, meta, options)


def load_sidecar(path: Path) -> Record:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SaydoError(ErrorCode.UNREADABLE, source, exc.strerror or exc) from exc
    # JSON is UTF-8 by definition (RFC 8259), whatever --encoding says of the text.
    text = decode(data, source)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SaydoError(ErrorCode.MALFORMED, source, f"sidecar JSON: {exc}") from exc
    if not isinstance(value, dict):
        detail = f"sidecar: a JSON {type(value).__name__}, not an object"
        raise SaydoError(ErrorCode.MALFORMED, source, detail)
    return value
