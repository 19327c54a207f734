"""Each export format read back by its own kind of reader."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from saydo.export import (
    ACLED_COLUMNS,
    EVENT_COLUMNS,
    FORMATS,
    GDELT_COLUMNS,
    ExportError,
    export,
)
from saydo.runner import ingest
from saydo.store import Store

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = ("02-chernihiv-shelling", "11-kramatorsk")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("export")
    for name in EXAMPLES:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(REPO / "examples" / f"{name}{suffix}", folder / f"{name}{suffix}")
    with Store.open(str(folder / "export.db")) as opened:
        ingest(sorted(folder.glob("*.txt")), opened)
        yield opened


def _text(store: Store, fmt: str) -> str:
    out = io.StringIO()
    export(store, fmt, out)
    return out.getvalue()


def test_jsonl_holds_every_record(store: Store) -> None:
    lines = [json.loads(line) for line in _text(store, "jsonl").splitlines()]
    kinds = [line["record"] for line in lines]
    assert kinds.count("article") == store.article_count()
    assert kinds.count("event") == len(store.events())
    assert kinds.count("statement") == len(store.statements())
    assert kinds.count("pledge") == len(store.pledges())
    assert kinds.count("verdict") == len(store.verdicts())


def test_csv_has_a_row_per_event(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(store, "csv"))))
    assert rows
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [r["event_id"] for r in rows] == [e.id for e in store.events()]


def test_acled_columns_and_types(store: Store) -> None:
    reader = csv.DictReader(io.StringIO(_text(store, "acled")))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    assert rows, "the examples hold strikes, which ACLED codes"
    occurred = {e.id for e in store.events() if e.modality.value in ("occurred", "claimed")}
    for row in rows:
        assert row["event_id_cnty"] in occurred
        assert row["event_type"]
        assert row["sub_event_type"]
        assert int(row["fatalities"]) >= 0
        if row["latitude"]:
            assert -90 <= float(row["latitude"]) <= 90


def test_gdelt_tsv_carries_cameo_and_quad_class(store: Store) -> None:
    rows = list(csv.reader(io.StringIO(_text(store, "gdelt")), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    body = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert len(body) == len(store.events())
    events = {e.id: e for e in store.events()}
    for row in body:
        event = events[row["GLOBALEVENTID"]]
        assert row["EventRootCode"] == (event.cameo or "")[:2]
        assert row["QuadClass"] == (str(event.quad_class) if event.quad_class else "")
        assert len(row["SQLDATE"]) in (0, 8)


def test_plover_records_use_polecat_fields(store: Store) -> None:
    records = [json.loads(line) for line in _text(store, "plover").splitlines()]
    assert len(records) == len(store.events())
    types = {e.id: e.type.value for e in store.events()}
    for record in records:
        assert record["Event Type"] == types[record["Event ID"]]
        assert {"Actor Name", "Recipient Name", "Latitude", "Longitude", "Event Mode"} <= set(
            record
        )


def test_geojson_parses_back_to_located_events(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    export(store, "geojson", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    located = [e for e in store.events() if any(p.resolved for p in e.places)]
    assert len(data["features"]) == len(located) > 0
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90
        assert feature["properties"]["event_id"] == feature["id"]


def test_parquet_reads_back_the_csv_rows(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    export(store, "parquet", path)
    table = pq.read_table(path)
    assert tuple(table.column_names) == EVENT_COLUMNS
    csv_rows = list(csv.DictReader(io.StringIO(_text(store, "csv"))))
    assert table.num_rows == len(csv_rows)
    assert table.column("event_id").to_pylist() == [r["event_id"] for r in csv_rows]
    assert table.column("type").to_pylist() == [r["type"] for r in csv_rows]
    binary = io.BytesIO()
    export(store, "parquet", binary)
    assert binary.getvalue()[:4] == b"PAR1"


def test_bad_format_and_wrong_kind_of_file(store: Store) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xlsx", io.StringIO())
    with pytest.raises(ExportError, match="binary"):
        export(store, "parquet", io.StringIO())
    with pytest.raises(ExportError, match="text"):
        export(store, "csv", io.BytesIO())
    assert "parquet" in FORMATS


def test_views_read_like_the_ledger(store: Store) -> None:
    # The migrations make the views: opening the store is all it takes.
    with store.engine.connect() as conn:
        ledger = conn.execute(sa.text("SELECT pledge_id, verdict FROM v_ledger")).all()
        quotes = conn.execute(sa.text("SELECT statement_id, content FROM v_statements")).all()
        events = conn.scalar(sa.text("SELECT count(*) FROM v_events"))
    assert len(ledger) == len(store.pledges())
    assert {v for _, v in ledger} <= {"kept", "contradicted", "disputed", "pending", "none"}
    contents = {s.id: s.content for s in store.statements()}
    assert quotes
    assert all(content == contents[sid] for sid, content in quotes)
    assert events == len(store.events())


def test_progress_counts_one_tick_per_record_written(store: Store) -> None:
    ticks: list[int] = []
    out = io.StringIO()
    export(store, "csv", out, ticks.append)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sum(ticks) == len(rows) > 0
    ticks.clear()
    export(store, "jsonl", io.StringIO(), ticks.append)
    assert sum(ticks) > len(rows)  # articles, statements and pledges as well
