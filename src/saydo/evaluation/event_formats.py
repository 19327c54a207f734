"""Which native format an event gold file is in, and the plain table reading they share.

Three formats are scored by ``saydo eval events``:

- ``gsr``: the PLOVER gold-standard records, one JSON list of objects with ``event``;
- ``acled``: an ACLED data export, a CSV whose header has ``event_type`` and ``notes``;
- ``cameo``: sentences coded in CAMEO, a CSV/TSV table or JSON Lines with a sentence
  column and a CAMEO event-code column.

Column names are matched case-insensitively and with surrounding blanks ignored, since
exports from spreadsheets and databases differ in both.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from saydo.errors import ErrorCode, SaydoError
from saydo.progress import ProgressLine

FORMATS = ("gsr", "acled", "cameo")

ACLED_REQUIRED = ("event_type", "notes")
CAMEO_TEXT_COLUMNS = ("text", "sentence")
CAMEO_CODE_COLUMNS = ("cameo", "code", "event_code", "eventcode", "cameo_code")
CAMEO_SOURCE_COLUMNS = ("source", "actor1", "source_actor")
CAMEO_TARGET_COLUMNS = ("target", "actor2", "target_actor")

_DELIMITERS = (",", "\t", ";")
_SNIFF_CHARS = 64_000


def column_key(name: object) -> str:
    return str(name).strip().lower()


def first_column(row: dict[str, str], names: Iterable[str]) -> str | None:
    """The first of ``names`` present and non-blank in a row of normalised keys."""
    for name in names:
        value = row.get(name)
        if value is not None and value.strip():
            return value.strip()
    return None


def _delimiter(header_line: str) -> str:
    # The header is the one line sure to hold every delimiter the table uses.
    return max(_DELIMITERS, key=header_line.count)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), error) from error


def read_table(path: Path) -> list[dict[str, str]]:
    """A CSV or TSV file as rows keyed by normalised column names."""
    text = _read_text(path)
    header_line = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(header_line))
    rows: list[dict[str, str]] = []
    for raw in reader:
        rows.append({column_key(k): (v or "") for k, v in raw.items() if k is not None})
    return rows


def read_json_lines(path: Path) -> list[dict[str, str]]:
    """JSON Lines as rows keyed by normalised names; values kept as text."""
    rows: list[dict[str, str]] = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as error:
            raise SaydoError(ErrorCode.BAD_GOLD, f"{path}:{number}", error) from error
        if isinstance(raw, dict):
            rows.append({column_key(k): _cell(v) for k, v in raw.items()})
    return rows


def read_rows(path: Path) -> list[dict[str, str]]:
    """JSON Lines when the file opens with an object, else a CSV/TSV table."""
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        opening = handle.read(_SNIFF_CHARS).lstrip()
    return read_json_lines(path) if opening.startswith("{") else read_table(path)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    return str(value)


def _header(path: Path) -> set[str]:
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        line = handle.readline()
    return {column_key(c) for c in next(csv.reader([line], delimiter=_delimiter(line)), [])}


def _is_cameo(keys: set[str]) -> bool:
    return bool(keys & set(CAMEO_TEXT_COLUMNS)) and bool(keys & set(CAMEO_CODE_COLUMNS))


def _json_format(path: Path) -> str | None:
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        head = handle.read(_SNIFF_CHARS).lstrip()
    if head.startswith("["):
        data = json.loads(_read_text(path))
        if isinstance(data, list) and any(isinstance(r, dict) and "event" in r for r in data):
            return "gsr"
        return None
    if head.startswith("{"):
        first = json.loads(head.splitlines()[0])
        if isinstance(first, dict) and _is_cameo({column_key(k) for k in first}):
            return "cameo"
    return None


def detect_event_format(path: Path) -> str:
    """``gsr``, ``acled`` or ``cameo``: the native format of the event gold file at ``path``."""
    try:
        found = _json_format(path)
        if found is None:
            keys = _header(path)
            if all(c in keys for c in ACLED_REQUIRED):
                found = "acled"
            elif _is_cameo(keys):
                found = "cameo"
    except (OSError, ValueError) as error:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), error) from error
    if found is None:
        raise SaydoError(
            ErrorCode.BAD_GOLD,
            str(path),
            "not a PLOVER GSR JSON list, an ACLED CSV (event_type, notes) "
            "or a CAMEO table (text/sentence and a code column)",
        )
    return found


def evaluate_events(
    path: Path,
    fmt: str | None = None,
    limit: int | None = None,
    progress: ProgressLine | None = None,
) -> dict[str, Any]:
    """Score saydo's events on the gold file at ``path``, in ``fmt`` or the detected format."""
    # Imported here: the scorers read their tables with this module's helpers.
    from saydo.evaluation.acled import evaluate_acled
    from saydo.evaluation.cameo import evaluate_cameo
    from saydo.evaluation.plover import evaluate_plover

    chosen = fmt or detect_event_format(path)
    if chosen not in FORMATS:
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), f"unknown event format {chosen!r}")
    scorer = {"gsr": evaluate_plover, "acled": evaluate_acled, "cameo": evaluate_cameo}[chosen]
    return scorer(path, limit, progress)


def format_events_report(result: dict[str, Any]) -> str:
    """The text report of :func:`evaluate_events`' result, whichever format it scored."""
    from saydo.evaluation.acled import format_acled_report
    from saydo.evaluation.cameo import format_cameo_report
    from saydo.evaluation.plover import format_report

    formatter = {"acled": format_acled_report, "cameo": format_cameo_report}
    return formatter.get(result.get("suite", ""), format_report)(result)
