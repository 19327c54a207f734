"""The CAMEO-coded sentence reader and its scoring by the PLOVER GSR scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saydo.evaluation.cameo import (
    CAMEO_TO_PLOVER,
    actor_side,
    evaluate_cameo,
    format_cameo_report,
    gold_records,
    normalise_code,
    plover_of,
    read_cameo,
)
from saydo.evaluation.event_formats import (
    detect_event_format,
    evaluate_events,
)
from saydo.evaluation.plover import Prediction, score

# The team's own sentences, coded in CAMEO.
ROWS = [
    ("Russian artillery shelled the outskirts of Kharkiv on Monday.", "194", "RUSMIL", "UKR"),
    ("Ukrainian troops withdrew from the town of Izium.", "0874", "UKRMIL", ""),
    ("Poland sent humanitarian aid to Ukraine.", "073", "POL", "UKR"),
    ("The Kremlin spokesman commented on the talks.", "010", "RUSGOV", ""),
    ("Germany demanded that Moscow release the detained journalists.", "1053", "DEU", "RUSGOV"),
]


def _csv(delimiter: str, header: tuple[str, str, str, str]) -> str:
    lines = [delimiter.join(header)]
    for text, code, source, target in ROWS:
        cells = [f'"{text}"' if delimiter == "," else text, code, source, target]
        lines.append(delimiter.join(cells))
    return "\n".join(lines) + "\n"


@pytest.fixture
def csv_table(tmp_path: Path) -> Path:
    path = tmp_path / "cameo.csv"
    path.write_text(_csv(",", ("text", "cameo", "source", "target")), encoding="utf-8")
    return path


def test_a_csv_table_is_read(csv_table: Path) -> None:
    rows = read_cameo(csv_table)
    assert [r.code for r in rows] == ["194", "0874", "073", "010", "1053"]
    assert rows[0].sources == ("RUSMIL",)
    assert rows[1].targets == ()
    assert rows[4].targets == ("RUSGOV",)


def test_a_tsv_table_with_other_column_names_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    header = ("Sentence", "EventCode", "Actor1", "Actor2")
    path.write_text(_csv("\t", header), encoding="utf-8")
    assert [(r.text, r.code, r.sources) for r in read_cameo(path)] == [
        (text, code, (source,)) for text, code, source, _ in ROWS
    ]


def test_json_lines_with_numbers_for_codes_get_their_zero_back(tmp_path: Path) -> None:
    path = tmp_path / "cameo.jsonl"
    lines = [
        {"sentence": "Ukrainian troops withdrew.", "event_code": 874, "source_actor": "UKRMIL"},
        {"text": "Poland sent aid.", "cameo_code": 73, "target_actor": ["UKR", "UKRGOV"]},
        {"text": "No code here."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    rows = read_cameo(path)
    assert [r.code for r in rows] == ["0874", "073"]
    assert rows[1].targets == ("UKR", "UKRGOV")
    assert detect_event_format(path) == "cameo"


@pytest.mark.parametrize(
    ("raw", "expected"), [("190", "190"), ("874", "0874"), ("42", "042"), ("20", "20")]
)
def test_codes_are_normalised(raw: str, expected: str) -> None:
    assert normalise_code(raw) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("190", "ASSAULT"),
        ("1823", "ASSAULT"),
        ("0874", "RETREAT"),
        ("0871", "RETREAT"),
        ("083", "CONCEDE"),
        ("1053", "REQUEST"),
        ("021", "REQUEST"),
        ("112", "ACCUSE"),
        ("093", "ACCUSE"),
        ("163", "COERCE"),
        ("166", "SANCTION"),
        ("1712", "ASSAULT"),
        ("192", "COERCE"),
        ("154", "MOBILIZE"),
        ("010", None),
        ("99", None),
    ],
)
def test_cameo_codes_map_to_plover_types(code: str, expected: str | None) -> None:
    assert plover_of(code) == expected


def test_every_root_from_02_to_20_has_a_type() -> None:
    roots = [f"{n:02d}" for n in range(2, 21)]
    assert all(CAMEO_TO_PLOVER.get(root) for root in roots)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("RUSMIL", "RUS"), ("UKRGOV", "UKR"), ("USA", "USA"), ("IGOUNO", "IGO"), ("GOV", None)],
)
def test_actor_codes_give_their_side(code: str, expected: str | None) -> None:
    assert actor_side(code) == expected


def test_rows_become_gold_records_and_unmapped_rows_are_kept_apart(csv_table: Path) -> None:
    records, unmapped = gold_records(read_cameo(csv_table))
    assert [r.type for r in records] == ["ASSAULT", "RETREAT", "AID", "REQUEST"]
    assert [r.code for r in unmapped] == ["010"]
    assert records[0].sources == frozenset({"RUS"})
    assert records[1].targets == frozenset()
    right = [
        Prediction("ASSAULT", "RUS", "UKR"),
        Prediction("ASSAULT", "UKR", None),
        Prediction("AID", "POL", "UKR"),
        Prediction("NONE", None, None),
    ]
    metrics = score(records, right)["metrics"]
    assert metrics["type_acc"] == 0.5
    assert metrics["actor_acc"] == 0.75
    assert (metrics["recipient_n"], metrics["recipient_acc"]) == (3, round(2 / 3, 4))
    assert metrics["no_event"] == 1


def test_saydo_runs_on_the_table_and_reports_the_unmapped_rows(csv_table: Path) -> None:
    assert detect_event_format(csv_table) == "cameo"
    result = evaluate_events(csv_table)
    assert result == evaluate_cameo(csv_table)
    assert result["n"] == 4
    assert result["unmapped"] == {"n": 1, "by_code": {"010": 1}}
    assert 0.0 <= result["metrics"]["type_acc"] <= 1.0
    assert "no PLOVER type: 1 (010" in format_cameo_report(result)
