"""CSV files: a header row, then one article per row.

Rows are numbered from 1, the first row after the header, not counting blank rows;
a quoted field may span lines, so the row is not the line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from saydo.errors import ErrorCode, SaydoError
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import (
    Input,
    Outcome,
    Record,
    article_from_record,
    attempt,
    failure,
    find_key,
    record_columns,
)

# csv.field_size_limit takes a C long; 2**31 - 1 fits on every platform.
_FIELD_LIMIT_CAP = 2**31 - 1


def read_csv(item: Input, options: IngestOptions) -> Iterator[Outcome]:
    _allow_large_fields(options.max_file_bytes)
    rows = _rows(item.text, item.source)
    try:
        header = [name.strip() for name in next(rows, [])]
        _check_header(header, item.source, options)
    except SaydoError as exc:
        yield failure(exc)
        return
    yield from _read_rows(rows, header, item.source, options)


def _allow_large_fields(max_file_bytes: int) -> None:
    # Press releases run to 170,000 characters in one field, past the csv module's
    # default of 131,072; no field can be longer than the file, which is bounded.
    wanted = min(max(max_file_bytes, 0), _FIELD_LIMIT_CAP)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _rows(text: str, source: str) -> Iterator[list[str]]:
    """The non-blank rows, with csv's errors as MALFORMED."""
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            where = f"line {reader.line_num}"
            raise SaydoError(ErrorCode.MALFORMED, source, f"CSV at {where}: {exc}") from exc
        if row:
            yield row


def _check_header(header: list[str], source: str, options: IngestOptions) -> None:
    if not header:
        raise SaydoError(ErrorCode.EMPTY_INPUT, source)
    names: Record = dict.fromkeys(header)
    columns = record_columns(options)
    # A named column that is not there is a typo: better one failure for the file
    # than a silent blank in every row.
    for column in columns.explicit():
        if find_key(names, column.names[0]) is None:
            raise SaydoError(ErrorCode.MISSING_COLUMN, source, column.names[0])
    if not any(find_key(names, name) for name in columns.text.names):
        raise SaydoError(ErrorCode.MISSING_COLUMN, source, columns.text.describe())


def _read_rows(
    rows: Iterator[list[str]], header: list[str], source: str, options: IngestOptions
) -> Iterator[Outcome]:
    number = 0
    try:
        for number, row in enumerate(rows, start=1):
            yield _row_outcome(row, header, f"{source}#row={number}", options)
    except SaydoError as exc:
        # The csv module cannot resynchronise after a parse error, so the rows after
        # it would be guesses: stop, naming the row where it gave up.
        detail = f"{exc.detail}; the rows after it were not read"
        yield failure(SaydoError(ErrorCode.MALFORMED, f"{source}#row={number + 1}", detail))
        return
    if number == 0:
        yield failure(SaydoError(ErrorCode.EMPTY_INPUT, source))


def _row_outcome(row: list[str], header: list[str], source: str, options: IngestOptions) -> Outcome:
    if len(row) != len(header):
        detail = f"CSV row: {len(row)} fields where the header has {len(header)}"
        return failure(SaydoError(ErrorCode.MALFORMED, source, detail))
    record: dict[str, object] = {}
    for name, value in zip(header, row, strict=True):
        record.setdefault(name, value)  # the first of two same-named columns wins
    return attempt(lambda: article_from_record(record, source, options, single=False))
