"""Which inputs a list of paths names, and which reader reads each.

Nothing here raises on bad input: a path that cannot be read becomes an
:class:`IngestFailure` and the walk goes on, so one broken file in a folder of
thousands costs one line in the report, not the run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.csvfile import read_csv
from saydo.ingest.feedfile import read_feed
from saydo.ingest.fetch import Response, fetch, is_url
from saydo.ingest.htmlfile import read_html
from saydo.ingest.jsonfile import read_json
from saydo.ingest.jsonlfile import read_jsonl
from saydo.ingest.options import DEFAULT_OPTIONS, IngestOptions
from saydo.ingest.records import Input, Outcome, Reader, failure
from saydo.ingest.text import decode
from saydo.ingest.txtfile import SIDECAR_SUFFIX, read_txt

STDIN = "-"
STDIN_SOURCE = "<stdin>"

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "feed": read_feed,
}
# What a file's extension, or a --format value, says its format is.
ALIASES = {
    "txt": "txt",
    "text": "txt",
    "html": "html",
    "htm": "html",
    "json": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "csv": "csv",
    "feed": "feed",
    "rss": "feed",
    "atom": "feed",
    "xml": "feed",
}
# What a server's Content-Type says a fetched document is.
CONTENT_TYPES = {
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "text/csv": "csv",
}


def read_sources(
    paths: Iterable[str | Path], options: IngestOptions = DEFAULT_OPTIONS
) -> Iterator[Outcome]:
    """Every article in the paths, in a stable order, and a failure for each bad input.

    A path is a file, a folder, an http(s) URL or ``-`` for standard input. A folder is read
    recursively in name order, skipping hidden entries, ``.meta.json`` sidecars and,
    unless ``options.format`` is set, files of no known format (a README, a PDF):
    a folder is a collection to pick articles from, while a file named on its own
    is one the user expects read, so its unknown format is a failure.
    """
    if isinstance(paths, str | Path):
        # A lone path is iterable too, as characters; nobody means that.
        paths = [paths]
    for path in paths:
        yield from _read_path(path, options)


def _read_path(
    path: str | Path, options: IngestOptions, seen: set[Path] | None = None
) -> Iterator[Outcome]:
    # Only a path as given is stdin: Path(".") / "-" prints as "-" too, and is a file.
    if str(path) == STDIN and seen is None:
        yield from _read_stdin(options)
        return
    if isinstance(path, str) and is_url(path):
        yield from read_url(path, options)
        return
    path = Path(path)
    try:
        kind = _kind(path)
    except SaydoError as exc:
        yield failure(exc)
        return
    if kind == "dir":
        # Each path given starts a fresh walk; inside one, seen guards against loops.
        yield from _read_directory(path, options, set() if seen is None else seen)
    elif kind == "file":
        yield from _read_file(path, options, walking=seen is not None)
    else:
        yield failure(SaydoError(ErrorCode.NOT_FOUND, str(path)))


def _kind(path: Path) -> Literal["dir", "file", "missing"]:
    """dir, file (anything else that exists) or missing."""
    try:
        if path.is_dir():
            return "dir"
        return "file" if path.exists() else "missing"
    except OSError as exc:
        # A parent that may be listed but not searched: stat fails with EACCES.
        raise SaydoError(ErrorCode.UNREADABLE, str(path), exc.strerror or exc) from exc


def _read_directory(directory: Path, options: IngestOptions, seen: set[Path]) -> Iterator[Outcome]:
    real = directory.resolve()
    if real in seen:
        return  # a symlink back up the tree; its files are read once already
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        yield failure(SaydoError(ErrorCode.UNREADABLE, str(directory), exc.strerror or exc))
        return
    for entry in entries:
        if not _skipped(entry):
            yield from _read_path(entry, options, seen)


def _skipped(entry: Path) -> bool:
    return entry.name.startswith(".") or entry.name.lower().endswith(SIDECAR_SUFFIX)


def format_of(path: Path, forced: str | None = None) -> str:
    """The format name to read a file as: the forced one, else its extension's."""
    name = forced if forced is not None else path.suffix
    return name.lower().lstrip(".")


def _read_file(path: Path, options: IngestOptions, *, walking: bool) -> Iterator[Outcome]:
    source = str(path)
    fmt = format_of(path, options.format)
    reader = READERS.get(ALIASES.get(fmt, ""))
    if reader is None:
        if walking and options.format is None:
            return
        yield failure(SaydoError(ErrorCode.UNKNOWN_FORMAT, source, fmt or path.name))
        return
    try:
        text = decode(_load(path, options.max_file_bytes), source, options.encoding)
    except SaydoError as exc:
        yield failure(exc)
        return
    yield from reader(Input(source, text, path), options)


def _load(path: Path, limit: int) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise SaydoError(ErrorCode.TOO_LARGE, source, _over(size, limit))
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat.
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise SaydoError(ErrorCode.NOT_FOUND, source) from exc
    except OSError as exc:
        raise SaydoError(ErrorCode.UNREADABLE, source, exc.strerror or exc) from exc
    if len(data) > limit:
        raise SaydoError(ErrorCode.TOO_LARGE, source, _over(len(data), limit, "at least "))
    return data


def _over(size: int, limit: int, qualifier: str = "") -> str:
    return f"{qualifier}{size:,} bytes, limit {limit:,}"


def _read_stdin(options: IngestOptions) -> Iterator[Outcome]:
    fmt = format_of(Path(STDIN), options.format or "txt")
    reader = READERS.get(ALIASES.get(fmt, ""))
    if reader is None:
        yield failure(SaydoError(ErrorCode.UNKNOWN_FORMAT, STDIN_SOURCE, fmt))
        return
    try:
        text = decode(_stdin_bytes(options.max_file_bytes), STDIN_SOURCE, options.encoding)
    except SaydoError as exc:
        yield failure(exc)
        return
    yield from reader(Input(STDIN_SOURCE, text), options)


def _stdin_bytes(limit: int) -> bytes:
    if sys.stdin is None:
        raise SaydoError(ErrorCode.UNREADABLE, STDIN_SOURCE, "there is no standard input")
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except OSError as exc:
        raise SaydoError(ErrorCode.UNREADABLE, STDIN_SOURCE, exc.strerror or exc) from exc
    if len(data) > limit:
        raise SaydoError(ErrorCode.TOO_LARGE, STDIN_SOURCE, _over(len(data), limit, "at least "))
    return data


def read_url(url: str, options: IngestOptions = DEFAULT_OPTIONS) -> Iterator[Outcome]:
    """The articles of a fetched document, read as its Content-Type says."""
    try:
        response = fetch(url, timeout=options.fetch_timeout, max_bytes=options.max_file_bytes)
    except SaydoError as exc:
        yield failure(exc)
        return
    yield from read_response(response, options)


def read_response(response: Response, options: IngestOptions) -> Iterator[Outcome]:
    """The articles of a fetched body: by --format, else Content-Type, else its start."""
    fmt = format_of_response(response, options.format)
    reader = READERS.get(ALIASES.get(fmt, ""))
    if reader is None:
        yield failure(SaydoError(ErrorCode.UNKNOWN_FORMAT, response.url, fmt or "?"))
        return
    try:
        text = decode(response.body, response.url, options.encoding)
    except SaydoError as exc:
        yield failure(exc)
        return
    yield from reader(Input(response.url, text), options)


def format_of_response(response: Response, forced: str | None = None) -> str:
    if forced is not None:
        return format_of(Path(STDIN), forced)
    known = CONTENT_TYPES.get(response.content_type or "")
    return known or _sniff(response.body)


def _sniff(body: bytes) -> str:
    """A guess from the first bytes, for servers that say text/plain of everything."""
    head = body[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith(b"<"):
        return "html"
    if head.startswith((b"[", b"{")):
        return "json"
    return "txt"
