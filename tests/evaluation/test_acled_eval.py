"""The ACLED export reader and scorer, on snippets the team wrote in ACLED's format."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from saydo.acled import ACLED_TYPES, EXPRESSIBLE_EVENT_TYPES
from saydo.errors import SaydoError
from saydo.evaluation.acled import (
    AcledPrediction,
    AcledRow,
    actor_country,
    evaluate_acled,
    format_acled_report,
    parse_acled_date,
    read_acled,
    score_acled,
)
from saydo.evaluation.event_formats import detect_event_format, evaluate_events
from saydo.export import ACLED_COLUMNS

RUS_MIL = "Military Forces of Russia (2000-)"
UKR_MIL = "Military Forces of Ukraine (2019-)"

# The team's own snippets, written as an export with every ACLED column (the export's
# column list is ACLED's): id, date, type, sub-type, actor1, location, lat, lon, notes.
SNIPPETS = [
    ("TST1", "2022-03-05", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     RUS_MIL, "Mariupol", "47.0958", "37.5494",
     "On 5 March 2022, Russian forces shelled residential areas of Mariupol (Donetsk). "
     "3 civilians were killed."),
    ("TST2", "2022-03-10", "Explosions/Remote violence", "Air/drone strike",
     f"{RUS_MIL} Air Force", "Kharkiv", "49.9935", "36.2304",
     "On 10 March 2022, Russian aircraft bombed a hospital in Kharkiv (Kharkiv). "
     "Casualties unknown."),
    ("TST3", "2022-02-26", "Battles", "Armed clash", UKR_MIL, "Vasylkiv", "50.1775", "30.3217",
     "On 26 February 2022, Ukrainian forces clashed with Russian forces near Vasylkiv "
     "(Kyiv). Casualties unknown."),
    ("TST4", "2022-03-13", "Protests", "Peaceful protest", "Protesters (Ukraine)", "Kherson",
     "46.6354", "32.6169",
     "On 13 March 2022, residents of Kherson protested against the Russian occupation in "
     "the city centre."),
    ("TST5", "2022-03-04", "Violence against civilians", "Attack", RUS_MIL, "Bucha",
     "50.5435", "30.2121", "On 4 March 2022, Russian soldiers shot a civilian in Bucha (Kyiv)."),
    ("TST6", "2022-03-06", "Strategic developments", "Disrupted weapons use", UKR_MIL, "Kyiv",
     "50.4501", "30.5234",
     "On 6 March 2022, Ukrainian air defence shot down a Russian missile over Kyiv."),
    ("TST7", "2022-03-07", "Battles", "Armed clash", UKR_MIL, "Irpin", "50.5218", "30.2506", ""),
]  # fmt: skip
_FIELDS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
           "location", "latitude", "longitude", "notes")  # fmt: skip


def full_export() -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for snippet in SNIPPETS:
        row = dict.fromkeys(ACLED_COLUMNS, "")
        row.update(zip(_FIELDS, snippet, strict=True))
        row.update(year="2022", country="Ukraine", iso="804", region="Europe")
        writer.writerow(row)
    return out.getvalue()


# A trimmed export: other column order, written-out dates, TSV, no coordinates or sub-type.
TRIMMED = (
    "notes\tEVENT_TYPE\tevent_date\tActor1\tlocation\n"
    "On 24 February 2022, Russian forces shelled Kharkiv.\tExplosions/Remote violence\t"
    "24 February 2022\tMilitary Forces of Russia (2000-)\tKharkiv\n"
    "Protesters gathered in Moscow against the war.\tprotests\t6 March 2022\t"
    "Protesters (Russia)\tMoscow\n"
)


@pytest.fixture
def full_table(tmp_path: Path) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text(full_export(), encoding="utf-8")
    return path


def test_the_full_export_is_read_with_dates_actors_and_places(full_table: Path) -> None:
    rows, skipped = read_acled(full_table)
    assert skipped == 1, "TST7 has no notes"
    assert [r.id for r in rows] == ["TST1", "TST2", "TST3", "TST4", "TST5", "TST6"]
    first = rows[0]
    assert first.event_date == date(2022, 3, 5)
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert first.actor1_country == "RUS"
    assert (first.location, first.latitude, first.longitude) == ("Mariupol", 47.0958, 37.5494)
    assert rows[2].actor1_country == "UKR"
    assert rows[3].actor1_country == "UKR"


def test_a_trimmed_tsv_export_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "trimmed.tsv"
    path.write_text(TRIMMED, encoding="utf-8")
    rows, skipped = read_acled(path)
    assert skipped == 0
    assert [r.event_date for r in rows] == [date(2022, 2, 24), date(2022, 3, 6)]
    assert rows[1].event_type == "Protests", "type names are matched regardless of case"
    assert rows[0].sub_event_type is None
    assert rows[0].latitude is None
    assert [r.actor1_country for r in rows] == ["RUS", "RUS"]


def test_a_file_without_notes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("event_type,location\nBattles,Kyiv\n", encoding="utf-8")
    with pytest.raises(SaydoError, match="notes"):
        read_acled(path)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-02-24", date(2022, 2, 24)),
        ("24 February 2022", date(2022, 2, 24)),
        ("24-Feb-2022", date(2022, 2, 24)),
        ("February 24, 2022", date(2022, 2, 24)),
        ("sometime", None),
        ("", None),
    ],
)
def test_dates_in_the_ways_exports_write_them(raw: str, expected: date | None) -> None:
    assert parse_acled_date(raw) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Military Forces of Russia (2000-)", "RUS"),
        ("Military Forces of Ukraine (2019-)", "UKR"),
        ("Police Forces of Ukraine (2019-) Prison Guards", "UKR"),
        ("Government of Belarus (1994-)", "BLR"),
        ("Civilians (Ukraine)", "UKR"),
        ("Protesters (Russia)", "RUS"),
        ("Wagner Group", None),
        ("Unidentified Armed Group (Narnia)", None),
        (None, None),
    ],
)
def test_actor_names_carry_their_country(name: str | None, expected: str | None) -> None:
    assert actor_country(name) == expected


def _row(event_type: str, sub: str | None, **extra: object) -> AcledRow:
    return AcledRow(id="r", notes="x", event_type=event_type, sub_event_type=sub, **extra)  # type: ignore[arg-type]


SHELL = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")


def test_scoring_counts_right_wrong_and_inexpressible_rows() -> None:
    rows = [
        _row(*SHELL, actor1_country="RUS", location="Mariupol"),
        _row(*SHELL, actor1_country="RUS", latitude=50.0, longitude=36.2),
        _row(*CLASH, actor1_country="UKR", location="Vasylkiv"),
        _row("Explosions/Remote violence", None),
        _row("Riots", "Mob violence"),
        _row("Strategic developments", "Disrupted weapons use", actor1_country="RUS"),
    ]
    predictions = [
        AcledPrediction(SHELL, (SHELL,), "RUS", "Mariupol"),
        # Right type, wrong sub-type, a place 5 km away: location right by distance.
        AcledPrediction(
            ("Explosions/Remote violence", "Air/drone strike"),
            (("Explosions/Remote violence", "Air/drone strike"),),
            "UKR",
            "Somewhere",
            latitude=50.03,
            longitude=36.25,
        ),
        # Main event wrong, but another event of the row has the gold type.
        AcledPrediction(SHELL, (SHELL, CLASH), "RUS", "Kyiv"),
        # No sub-type in the gold: scored on the event type alone.
        AcledPrediction(SHELL, (SHELL,)),
        AcledPrediction(None, ()),
        AcledPrediction(CLASH, (CLASH,), "RUS"),
    ]
    result = score_acled(rows, predictions)
    metrics = result["metrics"]
    assert result["n"] == 6
    assert metrics["scored"] == 4
    assert metrics["event_type_acc"] == 0.75
    assert metrics["event_type_any"] == 1.0
    assert metrics["no_event"] == 0
    assert metrics["sub_n"] == 3
    assert metrics["sub_event_type_acc"] == round(1 / 3, 4)
    assert (metrics["actor_n"], metrics["actor1_acc"]) == (3, round(1 / 3, 4))
    assert (metrics["location_n"], metrics["location_acc"]) == (3, round(2 / 3, 4))
    apart = result["not_expressible"]
    assert apart == {
        "n": 2,
        "saydo_coded_an_event": 1,
        "by_type": {
            "Riots / Mob violence": 1,
            "Strategic developments / Disrupted weapons use": 1,
        },
    }
    assert result["confusion"]["Battles"] == {"Explosions/Remote violence": 1}
    assert "Riots / Mob violence" in format_acled_report(result)


def test_saydo_runs_on_the_table_and_reports_every_row(full_table: Path) -> None:
    assert detect_event_format(full_table) == "acled"
    result = evaluate_events(full_table)
    assert result == evaluate_acled(full_table)
    metrics = result["metrics"]
    assert result["n"] == 6
    assert result["skipped_rows"] == 1
    assert metrics["scored"] + result["not_expressible"]["n"] == 6
    assert result["not_expressible"]["by_type"] == {
        "Strategic developments / Disrupted weapons use": 1,
    }
    predicted = {p for row in result["confusion"].values() for p in row}
    assert predicted <= EXPRESSIBLE_EVENT_TYPES | {"NONE"}
    for value in (metrics[k] for k in metrics if k.endswith(("_acc", "_any", "_f1"))):
        assert 0.0 <= value <= 1.0
    assert {kind for kind, _ in ACLED_TYPES.values()} == EXPRESSIBLE_EVENT_TYPES
