"""Latency of the ledger, a pledge page and a search on a store of many events.

    python bench/store_latency.py URL [--events N] [--repeats N]

:func:`measure` fills an empty store (a SQLite path or a PostgreSQL URL) with a
synthetic war: articles, their statements, events of every PLOVER type by several
sides at cities of Ukraine over two years, and pledges with verdicts citing evidence.
Rows go in through the database's bulk paths (executemany on SQLite, COPY on
PostgreSQL), after the store's own migrations, so the indexes measured are the real
ones. It then times the queries the web UI runs and returns p50/p95 in milliseconds.
Nothing here is asserted: the figures are for ``make bench`` to print.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from saydo.codec import dumps
from saydo.domain import (
    Actor,
    ActorKind,
    Article,
    Event,
    Evidence,
    Extraction,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    Precision,
    Provenance,
    Relation,
    Statement,
    StatementKind,
    TimeExpr,
    Verdict,
    VerdictLabel,
)
from saydo.store import Store, rows, schema
from saydo.web import queries, views
from saydo.web.queries import Filters, Page

EVENTS_PER_ARTICLE = 20
STATEMENTS_PER_ARTICLE = 2
EVENTS_PER_PLEDGE = 100
START = date(2022, 2, 24)
DAYS = 700
_BATCH = 20_000
# Placeholders in the event templates, replaced per event: cheaper than 1M dumps().
_ID, _ART, _DAY = "@@ID@@", "@@ART@@", "1900-01-01"

SIDES = {
    "RUS": "Russian Defence Ministry",
    "UKR": "Ukrainian Armed Forces",
    "USA": "US State Department",
    "BLR": "Belarusian government",
    "TUR": "Turkish Foreign Ministry",
    "GBR": "UK Ministry of Defence",
}
CITIES = {
    "Kyiv": (50.45, 30.52),
    "Kharkiv": (49.99, 36.23),
    "Chernihiv": (51.50, 31.30),
    "Mariupol": (47.10, 37.55),
    "Odesa": (46.48, 30.72),
    "Dnipro": (48.46, 35.05),
    "Zaporizhzhia": (47.84, 35.14),
    "Kherson": (46.64, 32.61),
    "Mykolaiv": (46.98, 31.99),
    "Sumy": (50.91, 34.80),
    "Kramatorsk": (48.72, 37.56),
    "Bakhmut": (48.60, 38.00),
    "Lviv": (49.84, 24.03),
    "Irpin": (50.52, 30.25),
    "Bucha": (50.54, 30.21),
    "Izium": (49.21, 37.26),
    "Lysychansk": (48.90, 38.43),
    "Sievierodonetsk": (48.95, 38.49),
    "Poltava": (49.59, 34.55),
    "Vinnytsia": (49.23, 28.47),
}
WORDS = (
    "shelling",
    "strike",
    "missile",
    "drone",
    "talks",
    "ceasefire",
    "corridor",
    "evacuation",
    "withdrawal",
    "troops",
    "artillery",
    "convoy",
    "negotiations",
    "sanctions",
    "aid",
    "humanitarian",
    "offensive",
    "counteroffensive",
    "officials",
    "mayor",
    "governor",
    "ministry",
    "spokesman",
    "statement",
    "pledge",
    "agreement",
    "grain",
    "port",
    "power",
    "plant",
    "bridge",
    "railway",
    "village",
    "residents",
    "civilians",
    "hospital",
    "school",
    "shelter",
)


@dataclass(frozen=True, slots=True)
class _Template:
    """An event as JSON with placeholders, and the columns that do not vary."""

    data: str
    columns: dict[str, Any]


def measure(url: str, n_events: int = 1_000_000, repeats: int = 50) -> dict[str, float]:
    """Build a synthetic store of ``n_events`` events at ``url`` (which must be empty)
    and time the ledger, a pledge page and a search on it."""
    began = time.perf_counter()
    with Store.open(url) as store:
        counts = build(store, n_events)
    built = time.perf_counter() - began
    with Store.open(url) as store:
        figures = _latencies(store, repeats)
    return {"build_s": built, **{f"{k}_rows": float(v) for k, v in counts.items()}, **figures}


# -- building -------------------------------------------------------------------------------


def build(store: Store, n_events: int, seed: int = 7) -> dict[str, int]:
    """Fill ``store`` with about ``n_events`` events and their articles, statements,
    pledges and verdicts; returns how many rows of each went in."""
    rng = random.Random(seed)
    n_articles = max(n_events // EVENTS_PER_ARTICLE, 1)
    articles = [_article(rng, i) for i in range(n_articles)]
    statements = [
        (a.id, _statement(rng, a, j)) for a in articles for j in range(STATEMENTS_PER_ARTICLE)
    ]
    templates = _templates()
    event_ids: list[tuple[str, date, str]] = []  # id, day, city: what verdicts cite
    now = datetime.now(UTC)
    with _Bulk(store.engine) as bulk:
        bulk.insert(schema.articles, (rows.article_row(a, now) for a in articles))
        bulk.insert(
            schema.extractions,
            (rows.extraction_row(Extraction(a.id), now) for a in articles),
        )
        bulk.insert(schema.search_docs, (rows.article_search_row(a) for a in articles))
        bulk.insert(
            schema.statements,
            (rows.statement_row(s, aid, i) for i, (aid, s) in enumerate(statements)),
        )
        bulk.insert(
            schema.search_docs, (rows.statement_search_row(s, aid) for aid, s in statements)
        )
        bulk.insert(schema.events, _event_rows(rng, articles, templates, n_events, event_ids))
        pledges = [_pledge(rng, articles, i) for i in range(max(n_events // EVENTS_PER_PLEDGE, 1))]
        bulk.insert(
            schema.pledges,
            (rows.pledge_row(p, p.event.provenance.article_id, 1000) for p in pledges),
        )
        verdicts = _verdicts(rng, pledges, event_ids)
        bulk.insert(schema.verdicts, (rows.verdict_row(v, now) for v in verdicts))
    _index_places(store.engine)
    _analyze(store.engine)
    return {
        "articles": len(articles),
        "statements": len(statements),
        "events": len(event_ids),
        "pledges": len(pledges),
        "verdicts": len(verdicts),
    }


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange(DAYS))


def _article(rng: random.Random, i: int) -> Article:
    city = rng.choice(list(CITIES))
    words = " ".join(rng.choice(WORDS) for _ in range(60))
    return Article(
        id=f"art{i:09d}",
        text=f"{city}: {words}. Officials in {city} said the {rng.choice(WORDS)} went on.",
        source=f"synthetic/{i}.txt",
        title=f"{rng.choice(WORDS).capitalize()} in {city}",
        outlet=rng.choice(("Wire", "Kyiv Independent", "TASS", "BBC", "Reuters")),
        published=_day(rng),
        language="en",
    )


def _actor(side: str) -> Actor:
    return Actor(SIDES[side], ActorKind.ORGANISATION, country=side, sector="GOV")


def _place(city: str) -> Place:
    lat, lon = CITIES[city]
    return Place(city, city, "city", "UKR", None, lat, lon, None, Precision.CITY)


def _statement(rng: random.Random, article: Article, j: int) -> Statement:
    side = rng.choice(list(SIDES))
    content = " ".join(rng.choice(WORDS) for _ in range(15))
    return Statement(
        id=f"st_{article.id}_{j}",
        speaker=_actor(side),
        speaker_text=SIDES[side],
        kind=StatementKind.DIRECT,
        cue="said",
        content=content,
        provenance=Provenance(article.id, 0, len(content), content),
    )


def _templates() -> list[_Template]:
    """One event template per type, side, city and reporting side."""
    found = []
    for kind in PloverType:
        for side in SIDES:
            for city in CITIES:
                for reporter in (side, "UKR" if side != "UKR" else "RUS"):
                    found.append(_template(kind, side, city, reporter))
    return found


def _template(kind: PloverType, side: str, city: str, reporter: str) -> _Template:
    sentence = f"{SIDES[side]} forces: {kind.value.lower()} near {city}, {SIDES[reporter]} said."
    event = Event(
        id=_ID,
        type=kind,
        trigger=kind.value.lower(),
        provenance=Provenance(_ART, 0, len(sentence), sentence),
        actor=_actor(side),
        recipient=_actor("UKR" if side != "UKR" else "RUS"),
        places=(_place(city),),
        time=TimeExpr("on that day", _DAY, date.fromisoformat(_DAY), date.fromisoformat(_DAY)),
        modality=Modality.OCCURRED,
        reported_by=_actor(reporter),
    )
    lat, lon = CITIES[city]
    columns = {
        "type": kind.value,
        "actor_name": SIDES[side],
        "actor_country": side,
        "recipient_country": event.recipient.country if event.recipient else None,
        "modality": event.modality.value,
        "reporter_side": event.reporter_side,
        "lat": lat,
        "lon": lon,
        "statement_id": None,
        "_city": city,
    }
    return _Template(dumps(event), columns)


def _event_rows(
    rng: random.Random,
    articles: Sequence[Article],
    templates: Sequence[_Template],
    n_events: int,
    cited: list[tuple[str, date, str]],
) -> Iterator[rows.Row]:
    for i in range(n_events):
        article = articles[i // EVENTS_PER_ARTICLE % len(articles)]
        template = rng.choice(templates)
        day = _day(rng)
        event_id = f"ev{i:010d}"
        data = (
            template.data.replace(_ID, event_id)
            .replace(_ART, article.id)
            .replace(_DAY, day.isoformat())
        )
        columns = {k: v for k, v in template.columns.items() if k != "_city"}
        cited.append((event_id, day, template.columns["_city"]))
        yield {
            "id": event_id,
            "article_id": article.id,
            "seq": i % EVENTS_PER_ARTICLE,
            **columns,
            "event_date": day,
            "day": day,
            "data": data,
        }


def _pledge(rng: random.Random, articles: Sequence[Article], i: int) -> Pledge:
    article = rng.choice(articles)
    side, city = rng.choice(("RUS", "RUS", "UKR", "BLR")), rng.choice(list(CITIES))
    made = _day(rng)
    sentence = f"{SIDES[side]} said it would reduce military activity near {city}."
    event = Event(
        id=f"ev_pledge{i:08d}",
        type=PloverType.RETREAT,
        trigger="reduce",
        provenance=Provenance(article.id, 0, len(sentence), sentence),
        actor=_actor(side),
        places=(_place(city),),
        modality=Modality.INTENDED,
    )
    return Pledge(
        id=f"pl{i:08d}",
        kind=rng.choice((PledgeKind.DE_ESCALATION, PledgeKind.CEASEFIRE, PledgeKind.THREAT)),
        event=event,
        made_on=made,
        scope_places=(_place(city),),
        window_end=made + timedelta(days=30),
    )


def _verdicts(
    rng: random.Random, pledges: Sequence[Pledge], events: Sequence[tuple[str, date, str]]
) -> list[Verdict]:
    """A verdict for most pledges, citing a few events (ids only need to exist)."""
    found = []
    for pledge in pledges:
        if rng.random() < 0.2:
            continue  # not linked yet
        cited = [rng.choice(events) for _ in range(rng.randrange(0, 6))]
        evidence = tuple(
            Evidence(
                incident_id=f"in_{event_id}",
                pledge_id=pledge.id,
                event_id=event_id,
                relation=Relation.CONTRADICTS,
                provenance=pledge.event.provenance,
                event_type=PloverType.ASSAULT,
                event_date=day,
                place=city,
                reported_by=None,
                reporter_side=rng.choice(("UKR", "RUS")),
            )
            for event_id, day, city in cited
        )
        label = VerdictLabel.CONTRADICTED if evidence else VerdictLabel.PENDING
        found.append(
            Verdict(
                pledge.id,
                label,
                f"{len(evidence)} event(s) in scope",
                evidence,
                one_sided=len({e.reporter_side for e in evidence}) == 1,
                incidents=len(evidence),
                sources=len(evidence),
            )
        )
    return found


class _Bulk:
    """Rows into tables by the fastest path each backend offers, in one transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._raw: Any = None

    def __enter__(self) -> _Bulk:
        self._raw = self._engine.raw_connection()
        if self._sqlite:
            # The store's engine leaves SQLite in autocommit; one big transaction here.
            self._raw.execute("PRAGMA synchronous=OFF")
            self._raw.execute("BEGIN")
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self._raw.execute("COMMIT") if self._sqlite else self._raw.commit()
        elif self._sqlite:
            self._raw.execute("ROLLBACK")
        else:
            self._raw.rollback()
        self._raw.close()

    @property
    def _sqlite(self) -> bool:
        return self._engine.dialect.name == "sqlite"

    def insert(self, table: sa.Table, values: Iterator[rows.Row] | Any) -> None:
        names = [c.name for c in table.columns if not (c.primary_key and c.autoincrement is True)]
        batch: list[tuple[Any, ...]] = []
        for row in values:
            batch.append(tuple(self._value(row.get(n)) for n in names))
            if len(batch) >= _BATCH:
                self._flush(table.name, names, batch)
                batch = []
        if batch:
            self._flush(table.name, names, batch)

    def _value(self, value: Any) -> Any:
        if isinstance(value, datetime):
            # What UtcDateTime stores: naive UTC on SQLite, aware on PostgreSQL.
            return value.replace(tzinfo=None).isoformat(" ") if self._sqlite else value
        if isinstance(value, date):
            return value.isoformat()
        return value

    def _flush(self, table: str, names: list[str], batch: list[tuple[Any, ...]]) -> None:
        cursor = self._raw.cursor()
        try:
            if self._sqlite:
                marks = ", ".join("?" for _ in names)
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", batch
                )
            else:
                with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
        finally:
            cursor.close()


def _index_places(engine: sa.Engine) -> None:
    """Fill event_places as the store's writes do: each synthetic event has one
    place, its ``lat``/``lon``, and a day of its own."""
    events, places = schema.events, schema.event_places
    located = sa.select(
        events.c.id,
        sa.literal(0),
        events.c.article_id,
        events.c.type,
        events.c.actor_country,
        events.c.day,
        sa.true(),
        events.c.lat,
        events.c.lon,
    ).where(events.c.lat.is_not(None), events.c.day.is_not(None))
    columns = ["event_id", "idx", "article_id", "type", "side", "day", "dated", "lat", "lon"]
    with engine.begin() as conn:
        conn.execute(places.insert().from_select(columns, located))


def _analyze(engine: sa.Engine) -> None:
    # Fresh statistics, as a long-lived store has, so the planner picks the indexes.
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


# -- measuring ------------------------------------------------------------------------------


def _latencies(store: Store, repeats: int) -> dict[str, float]:
    rng = random.Random(11)
    engine = store.engine
    with engine.connect() as conn:
        pledge_ids = list(conn.scalars(sa.select(schema.pledges.c.id)))
    words = [f"{rng.choice(WORDS)} {rng.choice(list(CITIES))}" for _ in range(repeats)]
    first = Page(50, 0)
    busy = Filters(side="RUS", verdict="contradicted")
    timings = {
        "ledger": _time(repeats, lambda i: views.ledger(engine, Filters(), first)),
        "ledger_filtered": _time(repeats, lambda i: views.ledger(engine, busy, first)),
        "ledger_deep": _time(repeats, lambda i: views.ledger(engine, Filters(), Page(50, 5000))),
        "pledge": _time(repeats, lambda i: views.pledge(store, rng.choice(pledge_ids))),
        "search": _time(repeats, lambda i: views.search(store, words[i], Page(20, 0))),
        "events_page": _time(repeats, lambda i: queries.events(engine, Filters(side="UKR"), first)),
    }
    figures: dict[str, float] = {}
    for name, samples in timings.items():
        figures[f"{name}_p50_ms"] = statistics.median(samples)
        figures[f"{name}_p95_ms"] = _p95(samples)
    return figures


def _time(repeats: int, run: Callable[[int], object]) -> list[float]:
    run(0)  # warm the caches, as a running server has them
    samples = []
    for i in range(repeats):
        began = time.perf_counter()
        run(i)
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def _p95(samples: list[float]) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url", help="an empty store: a SQLite path or a PostgreSQL URL")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    print(json.dumps(measure(args.url, args.events, args.repeats), indent=2))


if __name__ == "__main__":
    main()
