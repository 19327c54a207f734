"""Hypothesis: whatever bytes a reader gets, it yields records and never raises."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.domain import Article, IngestFailure, content_hash
from saydo.errors import ErrorCode
from saydo.ingest import IngestOptions, read_sources

CODES = {error.code for error in ErrorCode}
FORMATS = ["txt", "html", "json", "jsonl", "csv"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


DEFAULTS = IngestOptions()


def check(path: Path, options: IngestOptions = DEFAULTS) -> list[Article | IngestFailure]:
    """Read a file and check what any reading must satisfy."""
    result = list(read_sources([path], options))
    assert result, "every input yields at least one record"
    for outcome in result:
        assert isinstance(outcome, Article | IngestFailure)
        assert outcome.source.startswith(str(path))
        if isinstance(outcome, IngestFailure):
            assert outcome.code in CODES
            assert outcome.reason.startswith(f"{outcome.source}: ")
        else:
            assert outcome.id == content_hash(outcome.text)
            assert outcome.text.strip()
            assert "\r" not in outcome.text
            assert not outcome.text.startswith("\ufeff")
            assert len(outcome.text) <= options.max_article_chars
    return result


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(fuzz_dir: Path, fmt: str, data: bytes) -> None:
    path = fuzz_dir / f"random.{fmt}"
    path.write_bytes(data)
    check(path)


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(text=st.text(max_size=500))
def test_random_text(fuzz_dir: Path, fmt: str, text: str) -> None:
    path = fuzz_dir / f"text.{fmt}"
    path.write_text(text, encoding="utf-8")
    check(path)


FIELDS = st.sampled_from(["text", "body", "title", "date", "published", "url", "outlet", "x"])
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=40),
    st.sampled_from(["2022-03-30", "2022-06-24T17:30:00Z", "Wed, 30 Mar 2022 10:00:00 GMT"]),
    st.lists(st.integers(), max_size=3),
)
RECORDS = st.dictionaries(FIELDS, VALUES, max_size=6)


@FUZZ
@given(
    records=st.lists(RECORDS, max_size=5),
    cut=st.integers(min_value=0, max_value=400),
    lines=st.booleans(),
)
def test_truncated_json(
    fuzz_dir: Path, records: list[dict[str, object]], cut: int, lines: bool
) -> None:
    if lines:
        path = fuzz_dir / "cut.jsonl"
        whole = "".join(json.dumps(r) + "\n" for r in records)
    else:
        path = fuzz_dir / "cut.json"
        whole = json.dumps(records)
    path.write_text(whole[:cut], encoding="utf-8")
    check(path)


@FUZZ
@given(records=st.lists(RECORDS, min_size=1, max_size=5))
def test_whole_json_yields_one_record_per_item(
    fuzz_dir: Path, records: list[dict[str, object]]
) -> None:
    path = fuzz_dir / "whole.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = check(path)
    assert [o.source for o in result] == [f"{path}#item={i}" for i in range(len(records))]


CELLS = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["text", "title", "date", "link", "body", ""]), min_size=1, max_size=5
    ),
    rows=st.lists(st.lists(CELLS, max_size=6), max_size=6),
    max_chars=st.integers(min_value=1, max_value=50),
)
def test_random_csv(
    fuzz_dir: Path, header: list[str], rows: list[list[str]], max_chars: int
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = fuzz_dir / "random.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    check(path, IngestOptions(max_article_chars=max_chars))


@FUZZ
@given(data=st.binary(max_size=300))
def test_same_bytes_same_outcome(fuzz_dir: Path, data: bytes) -> None:
    path = fuzz_dir / "again.txt"
    path.write_bytes(data)
    assert check(path) == check(path)
