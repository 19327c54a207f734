"""JSON Lines: one object per line, each an article. Blank lines are skipped."""

from __future__ import annotations

from collections.abc import Iterator

from saydo.errors import SaydoError
from saydo.ingest.jsonfile import load_json, record_outcome
from saydo.ingest.options import IngestOptions
from saydo.ingest.records import Input, Outcome, failure


def read_jsonl(item: Input, options: IngestOptions) -> Iterator[Outcome]:
    # Split on \n only: the text is normalised, and U+2028 may sit inside a string.
    for number, line in enumerate(item.text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{item.source}#line={number}"
        try:
            value = load_json(line, where, "JSON line")
        except SaydoError as exc:
            yield failure(exc)
            continue
        yield record_outcome(value, where, options)
