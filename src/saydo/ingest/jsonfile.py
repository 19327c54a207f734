"""JSON files: one object is one article; an array holds one article per object."""

from __future__ import annotations

import json
from collections.abc import Iterator

from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import Input, Outcome, article_from_record, attempt, failure


def load_json(text: str, source: str, what: str = "JSON") -> object:
    """Parsed JSON, or MALFORMED naming the line and column of the fault."""
    try:
        return json.loads(text)
    # ValueError covers JSONDecodeError and over-long integers; RecursionError,
    # absurdly deep nesting.
    except (ValueError, RecursionError) as exc:
        raise SaydoError(ErrorCode.MALFORMED, source, f"{what}: {exc}") from exc


def read_json(item: Input, options: IngestOptions) -> Iterator[Outcome]:
    try:
        value = load_json(item.text, item.source)
    except SaydoError as exc:
        yield failure(exc)
        return
    if isinstance(value, dict):
        yield attempt(lambda: article_from_record(value, item.source, options, single=True))
    elif isinstance(value, list):
        yield from _read_array(value, item.source, options)
    else:
        detail = f"JSON: a {type(value).__name__} where an object or array was expected"
        yield failure(SaydoError(ErrorCode.MALFORMED, item.source, detail))


def _read_array(values: list[object], source: str, options: IngestOptions) -> Iterator[Outcome]:
    if not values:
        yield failure(SaydoError(ErrorCode.EMPTY_INPUT, source))
        return
    for index, value in enumerate(values):
        where = f"{source}#item={index}"
        yield record_outcome(value, where, options)


def record_outcome(value: object, source: str, options: IngestOptions) -> Outcome:
    """The article of one JSON value in a file of many; only objects are articles."""
    if not isinstance(value, dict):
        detail = f"JSON record: a {type(value).__name__}, not an object"
        return failure(SaydoError(ErrorCode.MALFORMED, source, detail))
    return attempt(lambda: article_from_record(value, source, options, single=False))
