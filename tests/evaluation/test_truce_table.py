from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from saydo.domain import VerdictLabel
from saydo.errors import SaydoError
from saydo.evaluation.pledges import load_truce_table

ROW = {
    "announcement": "Both sides agreed a route out of Hartown for Friday, the mayor said.",
    "date": "2022-03-10",
    "outcomes": [["Forty buses left Hartown on Friday.", "2022-03-11"]],
    "expected": "kept",
    "group": "probe",
}


def test_csv_columns_with_numbered_outcomes_and_plain_labels(tmp_path: Path) -> None:
    table = tmp_path / "truces.csv"
    table.write_text(
        "Date,Announcement,Outcome,Outcome_date,Outcome_2,Status\n"
        '2022-03-10,"A pause around Hartown, the ministry said.",Buses left.,2022-03-11,'
        "Shelling resumed.,Failed\n"
        "2022-03-12,A route out of Lowtown.,,,,unknown\n",
        encoding="utf-8",
    )
    first, second = load_truce_table(table)
    assert first.announcement == "A pause around Hartown, the ministry said."
    assert first.outcomes == (
        ("Buses left.", date(2022, 3, 11)),
        ("Shelling resumed.", date(2022, 3, 10)),
    )
    assert first.expected is VerdictLabel.CONTRADICTED
    assert second.outcomes == ()
    assert second.expected is None


def test_json_lines_and_a_json_array_read_the_same(tmp_path: Path) -> None:
    lines, array = tmp_path / "t.jsonl", tmp_path / "t.json"
    lines.write_text(json.dumps(ROW) + "\n\n" + json.dumps(ROW) + "\n", encoding="utf-8")
    array.write_text(json.dumps([ROW, ROW]), encoding="utf-8")
    assert load_truce_table(lines) == load_truce_table(array)
    assert load_truce_table(lines)[0].expected is VerdictLabel.KEPT


@pytest.mark.parametrize(
    ("content", "where"),
    [
        (json.dumps(ROW | {"expected": "maybe"}), "t.jsonl:1"),
        (json.dumps(ROW) + "\n{broken", "t.jsonl:2"),
        (json.dumps(ROW | {"date": "10 March"}), "t.jsonl:1"),
    ],
)
def test_a_bad_row_is_named_by_its_line(tmp_path: Path, content: str, where: str) -> None:
    table = tmp_path / "t.jsonl"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(SaydoError) as raised:
        load_truce_table(table)
    assert where in str(raised.value)


@pytest.mark.parametrize(
    "table",
    [
        "Announcement,Outcome\nA pause around Hartown.,Buses left.\n",
        "Date,Outcome\n2022-03-10,Buses left.\n",
        "Date\tAnnouncement\tStatus\n2022-03-10\tA pause around Hartown.\tmaybe\n",
    ],
)
def test_a_table_row_missing_what_it_needs_is_named_by_its_line(tmp_path: Path, table: str) -> None:
    path = tmp_path / "truces.tsv" if "\t" in table else tmp_path / "truces.csv"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(SaydoError) as raised:
        load_truce_table(path)
    assert f"{path.name}:2" in str(raised.value)


def test_other_column_names_and_news_dates_read_as_the_usual_ones(tmp_path: Path) -> None:
    table = tmp_path / "truces.csv"
    table.write_text(
        "Announcement_Date,Statement,Report,Report_2,Report_2_Date,Label\n"
        '10 March 2022,"A route out of Hartown for Friday.",Forty buses left Hartown.,'
        "The mayor thanked the drivers.,2022-03-12,held\n",
        encoding="utf-8",
    )
    (row,) = load_truce_table(table)
    assert row.announcement == "A route out of Hartown for Friday."
    assert row.announced_on == date(2022, 3, 10)
    assert row.outcomes == (
        ("Forty buses left Hartown.", date(2022, 3, 10)),
        ("The mayor thanked the drivers.", date(2022, 3, 12)),
    )
    assert row.expected is VerdictLabel.KEPT


def test_a_flat_json_row_reads_as_a_table_row(tmp_path: Path) -> None:
    flat = {
        "Date": "2022-03-10",
        "Announcement": ROW["announcement"],
        "Outcome": "Forty buses left Hartown on Friday.",
        "Outcome_Date": "2022-03-11",
        "Status": "kept",
        "group": "probe",
    }
    nested, table = tmp_path / "nested.jsonl", tmp_path / "flat.json"
    nested.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    table.write_text(json.dumps([flat]), encoding="utf-8")
    assert load_truce_table(table) == load_truce_table(nested)


def test_an_outcome_cell_that_is_only_a_label_word_is_the_label(tmp_path: Path) -> None:
    table = tmp_path / "truces.csv"
    table.write_text(
        "Date,Announcement,Outcome,Report\n"
        "2022-03-10,A pause around Hartown.,Failed,Shelling resumed at noon.\n",
        encoding="utf-8",
    )
    (row,) = load_truce_table(table)
    assert row.expected is VerdictLabel.CONTRADICTED
    assert row.outcomes == (("Shelling resumed at noon.", date(2022, 3, 10)),)
