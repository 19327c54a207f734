"""The ledger in the formats analysts' tools read.

- ``jsonl``: every record (articles, statements, events, pledges, verdicts), one a line,
  each tagged with ``record``;
- ``csv``: one row per event, saydo's own columns;
- ``acled``: ACLED-like CSV columns, event types mapped from PLOVER;
- ``gdelt``: GDELT 2.0-like event TSV (CAMEO codes, QuadClass, actor codes, geo, URL);
- ``plover``: JSON Lines with POLECAT's field names;
- ``geojson``: a FeatureCollection of the events that have coordinates;
- ``parquet``: the ``csv`` rows as a Parquet table (needs pyarrow).

SQL views over the store for Datasette and plain SQL users (``v_ledger``, ``v_events``,
``v_statements``) are made by the store's migrations, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from itertools import islice
from pathlib import Path
from typing import IO, Any, TypeVar

from saydo.acled import VIOLENT_TYPES, acled_coded
from saydo.codec import to_dict
from saydo.domain import Article, Event
from saydo.store import Store

_T = TypeVar("_T")

# Events are exported a page at a time, each page with its articles' metadata.
_PAGE = 1000
_PARQUET_GROUP = 10_000

FORMATS = ("jsonl", "csv", "acled", "gdelt", "plover", "geojson", "parquet")


class ExportError(ValueError):
    """An export that cannot be made: an unknown format, or output of the wrong kind."""


# -- flat event rows ------------------------------------------------------------------------

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "event_date",
    "type",
    "mode",
    "modality",
    "negated",
    "actor",
    "actor_side",
    "recipient",
    "recipient_side",
    "place",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "reported_by",
    "reporter_side",
    "self_reported",
    "killed",
    "injured",
    "cameo",
    "quad_class",
    "trigger",
    "sentence",
    "outlet",
    "published",
    "source_url",
)


def _quantity(event: Event, kind: str) -> int | None:
    values = [q.value for q in event.quantities if q.kind == kind and q.value is not None]
    return max(values) if values else None


def event_row(event: Event, article: Article | None) -> dict[str, Any]:
    """One event as a flat row of :data:`EVENT_COLUMNS`."""
    place = next((p for p in event.places if p.resolved), None) or (
        event.places[0] if event.places else None
    )
    when = event.time.start if event.time and event.time.start else None
    return {
        "event_id": event.id,
        "article_id": event.provenance.article_id,
        "event_date": (when or (article.published if article else None) or None),
        "type": event.type.value,
        "mode": event.mode,
        "modality": event.modality.value,
        "negated": event.negated,
        "actor": event.actor.name if event.actor else None,
        "actor_side": event.actor.country if event.actor else None,
        "recipient": event.recipient.name if event.recipient else None,
        "recipient_side": event.recipient.country if event.recipient else None,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "reported_by": event.reported_by.name if event.reported_by else None,
        "reporter_side": event.reporter_side,
        "self_reported": event.self_reported,
        "killed": _quantity(event, "killed"),
        "injured": _quantity(event, "injured"),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "trigger": event.trigger,
        "sentence": event.provenance.sentence,
        "outlet": article.outlet if article else None,
        "published": article.published if article else None,
        "source_url": (article.url or article.source) if article else None,
    }


# Who counts exported records: set for the length of one export() call, so that every
# writer reports progress without threading a callback through each of them.
_PROGRESS: ContextVar[Callable[[int], None] | None] = ContextVar("export_progress", default=None)


def _counted(records: Iterable[_T]) -> Iterator[_T]:
    tick = _PROGRESS.get()
    for record in records:
        yield record
        if tick is not None:
            tick(1)


def _events_with_articles(store: Store) -> Iterator[tuple[Event, Article | None]]:
    """Every event with its article's metadata (never its text), streamed a page of
    events at a time, so an export holds one page in memory whatever the store's size."""
    events = _counted(store.iter_events())
    while page := list(islice(events, _PAGE)):
        articles = store.articles_by_id({e.provenance.article_id for e in page})
        for event in page:
            yield event, articles.get(event.provenance.article_id)


def _event_rows(store: Store) -> Iterator[dict[str, Any]]:
    for event, article in _events_with_articles(store):
        yield event_row(event, article)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


# -- writers ----------------------------------------------------------------------------------


def _write_jsonl(store: Store, out: IO[str]) -> None:
    def line(kind: str, record: Any) -> None:
        out.write(json.dumps({"record": kind, **to_dict(record)}, ensure_ascii=False) + "\n")

    for article in _counted(store.articles()):
        line("article", article)
    for statement in _counted(store.iter_statements()):
        line("statement", statement)
    for event in _counted(store.iter_events()):
        line("event", event)
    for pledge in _counted(store.iter_pledges()):
        line("pledge", pledge)
    for verdict in store.verdicts():
        line("verdict", verdict)


def _write_csv(store: Store, out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    for row in _event_rows(store):
        writer.writerow([_text(row[c]) for c in EVENT_COLUMNS])


ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def _acled_rows(store: Store) -> Iterator[dict[str, Any]]:
    for event, article in _events_with_articles(store):
        kind = acled_coded(event)
        if kind is None:
            continue
        row = event_row(event, article)
        when = row["event_date"]
        disorder = "Political violence" if kind[0] in VIOLENT_TYPES else "Strategic developments"
        yield {
            "event_id_cnty": event.id,
            "event_date": when,
            "year": when.year if when else None,
            "time_precision": 1 if event.time and event.time.start else 3,
            "disorder_type": disorder,
            "event_type": kind[0],
            "sub_event_type": kind[1],
            "actor1": row["actor"],
            "assoc_actor_1": None,
            "inter1": None,
            "actor2": row["recipient"],
            "assoc_actor_2": None,
            "inter2": None,
            "interaction": None,
            "civilian_targeting": None,
            "iso": row["country"],
            "region": None,
            "country": row["country"],
            "admin1": row["admin1"],
            "admin2": None,
            "admin3": None,
            "location": row["place"],
            "latitude": row["latitude"],
            "longitude": row["longitude"],
            "geo_precision": _geo_precision(event),
            "source": row["reported_by"] or row["outlet"],
            "source_scale": None,
            "notes": row["sentence"],
            "fatalities": row["killed"] or 0,
            "tags": f"reported_by_side={row['reporter_side']}",
            "timestamp": None,
        }


def _geo_precision(event: Event) -> int | None:
    place = next((p for p in event.places if p.resolved), None)
    if place is None:
        return None
    # ACLED: 1 the place itself, 2 near it, 3 a larger region.
    return {"exact": 1, "city": 1, "region": 3, "country": 3}.get(place.precision.value, 2)


def _write_acled(store: Store, out: IO[str]) -> None:
    writer = csv.DictWriter(out, ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _acled_rows(store):
        writer.writerow({k: _text(v) for k, v in row.items()})


GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)

# GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPE = {"country": 1, "region": 5, "city": 4, "exact": 4}


def _actor_code(name: str | None, country: str | None, sector: str | None) -> str:
    # CAMEO actor codes: the country and then the role (RUSMIL, UKRGOV).
    if country is None:
        return ""
    return country + (sector or "")


def _gdelt_row(event: Event, article: Article | None) -> list[str]:
    row = event_row(event, article)
    place = next((p for p in event.places if p.resolved), None)
    when = row["event_date"]
    actor, recipient = event.actor, event.recipient
    cameo = event.cameo or ""
    return [
        _text(x)
        for x in (
            event.id,
            when.strftime("%Y%m%d") if when else "",
            _actor_code(row["actor"], row["actor_side"], actor.sector if actor else None),
            row["actor"],
            row["actor_side"],
            _actor_code(
                row["recipient"], row["recipient_side"], recipient.sector if recipient else None
            ),
            row["recipient"],
            row["recipient_side"],
            1,
            cameo,
            cameo[:3],
            cameo[:2],
            event.quad_class,
            1,
            1,
            1,
            _GEO_TYPE.get(place.precision.value, 4) if place else 0,
            place.name if place else "",
            place.country if place else "",
            place.admin1 if place else "",
            row["latitude"],
            row["longitude"],
            place.gazetteer_id if place else "",
            row["published"].strftime("%Y%m%d") if row["published"] else "",
            row["source_url"],
        )
    ]


def _write_gdelt(store: Store, out: IO[str]) -> None:
    # A header line, unlike GDELT's own files, so that the columns name themselves.
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(GDELT_COLUMNS)
    for event, article in _events_with_articles(store):
        writer.writerow(_gdelt_row(event, article))


def plover_record(event: Event, article: Article | None) -> dict[str, Any]:
    """One event with the field names of POLECAT's published PLOVER records."""
    row = event_row(event, article)
    place = next((p for p in event.places if p.resolved), None)
    actor, recipient = event.actor, event.recipient
    return {
        "Event ID": event.id,
        "Event Date": _text(row["event_date"]) or None,
        "Event Type": event.type.value,
        "Event Mode": event.mode,
        "Quad Code": event.quad_class,
        "Contexts": [],
        "Actor Name": actor.name if actor else None,
        "Actor Country": actor.country if actor else None,
        "Primary Actor Sector": actor.sector if actor else None,
        "Actor Title": actor.role if actor else None,
        "Actor Name Raw": actor.name if actor else None,
        "Recipient Name": recipient.name if recipient else None,
        "Recipient Country": recipient.country if recipient else None,
        "Primary Recipient Sector": recipient.sector if recipient else None,
        "Recipient Title": recipient.role if recipient else None,
        "Recipient Name Raw": recipient.name if recipient else None,
        "Placename": place.name if place else None,
        "Province": place.admin1 if place else None,
        "Country": place.country if place else None,
        "Latitude": place.lat if place else None,
        "Longitude": place.lon if place else None,
        "GeoNames ID": place.gazetteer_id if place else None,
        "Raw Placename": place.text if place else None,
        "Feature Type": place.kind if place else None,
        "Source": row["outlet"],
        "Publication Date": _text(row["published"]) or None,
        "Story ID": event.provenance.article_id,
        "Event Text": event.provenance.sentence,
        "Language": article.language if article else None,
        "Version": event.provenance.pipeline,
        # saydo's own: what PLOVER has no field for.
        "saydo Modality": event.modality.value,
        "saydo Reported By": row["reported_by"],
        "saydo Reporter Side": row["reporter_side"],
        "saydo CAMEO": event.cameo,
    }


def _write_plover(store: Store, out: IO[str]) -> None:
    for event, article in _events_with_articles(store):
        record = plover_record(event, article)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_geojson(store: Store, out: IO[str]) -> None:
    # Written a feature at a time: the collection is never held whole.
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for row in _event_rows(store):
        if row["latitude"] is None or row["longitude"] is None:
            continue
        properties = {k: _json_value(v) for k, v in row.items() if k not in _COORDS}
        feature = {
            "type": "Feature",
            "id": row["event_id"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": properties,
        }
        out.write(("" if first else ", ") + json.dumps(feature, ensure_ascii=False))
        first = False
    out.write("]}")


_COORDS = {"latitude", "longitude"}


def _json_value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_parquet(store: Store, out: IO[bytes]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _ARROW_TYPES.get(c, pa.string())) for c in EVENT_COLUMNS])
    with pq.ParquetWriter(out, schema) as writer:
        rows = _event_rows(store)
        # One row group per page of events: memory stays flat as the store grows.
        while page := list(islice(rows, _PARQUET_GROUP)):
            columns = {c: [r[c] for r in page] for c in EVENT_COLUMNS}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))


def _arrow_types() -> dict[str, Any]:
    try:
        import pyarrow as pa
    except ImportError:
        return {}
    return {
        "event_date": pa.date32(),
        "published": pa.date32(),
        "negated": pa.bool_(),
        "self_reported": pa.bool_(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "killed": pa.int64(),
        "injured": pa.int64(),
        "quad_class": pa.int64(),
    }


_ARROW_TYPES = _arrow_types()

_TEXT_WRITERS: dict[str, Callable[[Store, IO[str]], None]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "acled": _write_acled,
    "gdelt": _write_gdelt,
    "plover": _write_plover,
    "geojson": _write_geojson,
}


def export(
    store: Store,
    fmt: str,
    out: IO[str] | IO[bytes] | Path,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write the whole store as ``fmt`` (one of :data:`FORMATS`) to ``out``.

    ``out`` is a path, or an open file: text for every format but ``parquet``, which
    wants a binary one. ``progress`` is called once per record written.
    """
    token = _PROGRESS.set(progress)
    try:
        _export(store, fmt, out)
    finally:
        _PROGRESS.reset(token)


def _export(store: Store, fmt: str, out: IO[str] | IO[bytes] | Path) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(out, Path):
        if fmt == "parquet":
            with out.open("wb") as binary:
                _write_parquet(store, binary)
        else:
            with out.open("w", encoding="utf-8", newline="") as text:
                _TEXT_WRITERS[fmt](store, text)
        return
    if fmt == "parquet":
        if isinstance(out, io.TextIOBase):
            raise ExportError("parquet is binary: give a path or a file opened with 'wb'")
        _write_parquet(store, out)  # type: ignore[arg-type]
        return
    if isinstance(out, io.BufferedIOBase | io.RawIOBase):
        raise ExportError(f"{fmt} is text: give a path or a file opened with 'w'")
    _TEXT_WRITERS[fmt](store, out)  # type: ignore[arg-type]
