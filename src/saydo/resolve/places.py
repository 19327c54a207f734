"""A compact offline gazetteer: countries, regions, cities, sites and vague areas.

News names places loosely: "the southern Mykolaiv region", "areas around Kyiv",
"Donetsk Oblast", "the Kyiv region". :meth:`Gazetteer.candidates` peels such wrappers off
until a name in the gazetteer is left; :meth:`Gazetteer.resolve` picks one candidate and
says how precise the result is. A wrapper that stays inside the place ("southern",
"occupied") keeps its precision; one that may reach outside it ("areas around",
"outskirts of") makes the result vague but keeps the anchor's coordinates.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from saydo.domain import Place, Precision, Provenance
from saydo.errors import ErrorCode, SaydoError
from saydo.resolve.actors import normalise, spellings

PACKAGE_FILE = "places.jsonl"
KINDS = ("country", "region", "area", "site", "city")
# On a tie in names, a country is meant before a region of that name ("Georgia"), a
# region before a city; among cities the bigger one.
_KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}
_PRECISION = {
    "country": Precision.COUNTRY,
    "region": Precision.REGION,
    "area": Precision.VAGUE,
    "site": Precision.EXACT,
    "city": Precision.CITY,
}
_LABELS = {"country": "GPE", "region": "GPE", "city": "GPE", "area": "LOC", "site": "FAC"}

_DIRECTION_TEXT = (
    "north south east west northern southern eastern western central "
    "north-east north-eastern northeast northeastern north-west north-western northwest "
    "northwestern south-east south-eastern southeast southeastern south-west south-western "
    "southwest southwestern far extreme"
)
_DIRECTIONS = _DIRECTION_TEXT.split()
_HOLDER_TEXT = (
    "occupied russian-occupied russian-controlled ukrainian-controlled "
    "separatist-held rebel-held russian-held ukrainian-held besieged embattled "
    "war-torn frontline front-line liberated annexed partially-occupied"
)
# Words that narrow a place without leaving it.
_INSIDE_PREFIXES = tuple(
    sorted(
        {f"{d} " for d in _DIRECTIONS}
        | {f"{w} " for w in _HOLDER_TEXT.split()}
        | {
            "city of ",
            "town of ",
            "village of ",
            "port of ",
            "port city of ",
            "capital of ",
            "centre of ",
            "center of ",
            "heart of ",
            "rest of ",
            "part of ",
            "parts of ",
            "much of ",
            "all of ",
        },
        key=len,
        reverse=True,
    )
)
# Words that place something near a place, perhaps outside it.
_AROUND_PREFIXES = tuple(
    sorted(
        {
            "areas around ",
            "area around ",
            "areas near ",
            "area near ",
            "areas outside ",
            "around ",
            "near ",
            "outside ",
            "outskirts of ",
            "the outskirts of ",
            "suburbs of ",
            "the suburbs of ",
            "vicinity of ",
            "the vicinity of ",
            "direction of ",
            "the direction of ",
            "approaches to ",
            "the approaches to ",
            "districts around ",
            "villages around ",
            "towns around ",
        },
        key=len,
        reverse=True,
    )
)
_AROUND_SUFFIXES = (" area", " outskirts", " suburbs", " environs", " surroundings")
_REGION_WORDS = ("oblast", "region", "province", "krai", "territory")


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    id: str
    name: str
    kind: str  # country, region, area, site, city
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int | None = None
    aliases: tuple[str, ...] = ()


class Gazetteer:
    """Places by name and alternate name."""

    def __init__(self, entries: Iterable[PlaceEntry]) -> None:
        self._entries: dict[str, PlaceEntry] = {}
        self._index: dict[str, list[PlaceEntry]] = defaultdict(list)
        for entry in entries:
            self._entries[entry.id] = entry
        for entry in self._entries.values():
            for name in dict.fromkeys((entry.name, *entry.aliases)):
                key = normalise(name)
                if key and entry not in self._index[key]:
                    self._index[key].append(entry)
        self._cache: dict[str, tuple[tuple[PlaceEntry, ...], bool]] = {}

    @classmethod
    def load(cls) -> Gazetteer:
        text = resources.files("saydo").joinpath("data", PACKAGE_FILE).read_text("utf-8")
        return cls(parse_lines(text.splitlines(), f"saydo/data/{PACKAGE_FILE}"))

    def entries(self) -> Iterable[PlaceEntry]:
        return self._entries.values()

    def get(self, place_id: str) -> PlaceEntry | None:
        return self._entries.get(place_id)

    def candidates(self, text: str) -> list[PlaceEntry]:
        """Every entry the text may name, the likeliest first (no focus country)."""
        found, _ = self._parse(text)
        return list(found)

    def is_place(self, text: str) -> bool:
        return bool(self._parse(text)[0])

    def resolve(
        self,
        text: str,
        focus_country: str | None = None,
        provenance: Provenance | None = None,
    ) -> Place:
        """The place a mention names; never None: an unknown name is kept unresolved."""
        found, around = self._parse(text)
        if not found:
            return Place(
                text=text,
                name=text,
                kind="area",
                precision=Precision.UNRESOLVED,
                provenance=provenance,
            )
        best = min(found, key=lambda e: (e.country != focus_country, *_rank(e)))
        return Place(
            text=text,
            name=best.name,
            kind=best.kind,
            country=best.country,
            admin1=best.admin1,
            lat=best.lat,
            lon=best.lon,
            gazetteer_id=best.id,
            precision=Precision.VAGUE if around else _PRECISION[best.kind],
            provenance=provenance,
        )

    def patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns (match them on LOWER): GPE, LOC for areas, FAC for sites.

        Lower-case wrappers kept for lookups ("region of Kyiv") are not names and make
        no pattern; vague areas ("central Ukraine") are the exception.
        """
        out: list[dict[str, Any]] = []
        for entry in self._entries.values():
            label = _LABELS[entry.kind]
            ident = f"place:{entry.id}"
            for name in dict.fromkeys((entry.name, *entry.aliases)):
                if entry.kind != "area" and not name[:1].isupper() and not name[:1].isdigit():
                    continue
                for variant in spellings(name):
                    out.append({"label": label, "pattern": variant, "id": ident})
        return out

    # -- parsing ----------------------------------------------------------------------

    def _parse(self, text: str) -> tuple[tuple[PlaceEntry, ...], bool]:
        if text not in self._cache:
            self._cache[text] = self._search(normalise(text))
        return self._cache[text]

    def _search(self, key: str) -> tuple[tuple[PlaceEntry, ...], bool]:
        around = False
        for _ in range(6):  # each pass peels one wrapper; names are never that deep
            if not key:
                break
            hits = self._index.get(key)
            if hits:
                return tuple(sorted(hits, key=_rank)), around
            peeled, widened = _peel(key)
            if peeled == key:
                break
            key, around = peeled, around or widened
        return (), False


def _peel(key: str) -> tuple[str, bool]:
    """One wrapper off the key, and whether it widened the place ("areas around")."""
    if key.startswith("the "):
        return key[4:], False
    for prefix in _AROUND_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :], True
    for suffix in _AROUND_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)], True
    for prefix in _INSIDE_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :], False
    for word in _REGION_WORDS:
        # "region of mykolaiv" → "mykolaiv region", "x regions" → "x region": index forms.
        if key.startswith(f"{word} of "):
            return f"{key[len(word) + 4 :]} region", False
        if key.endswith(f" {word}s"):
            return key[:-1], False
    if key.endswith("'s"):
        return key[:-2], False
    return key, False


def _rank(entry: PlaceEntry) -> tuple[int, int]:
    return _KIND_RANK.get(entry.kind, len(KINDS)), -(entry.population or 0)


# -- reading JSON Lines ------------------------------------------------------------------


def parse_lines(lines: Iterable[str], source: str) -> Iterator[PlaceEntry]:
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield parse_entry(json.loads(line))
        except (ValueError, TypeError, KeyError) as exc:
            raise SaydoError(ErrorCode.BAD_DICTIONARY, f"{source}:{number}", exc) from exc


def parse_entry(raw: object) -> PlaceEntry:
    if not isinstance(raw, dict):
        raise TypeError("each line must be a JSON object")
    kind = raw["kind"]
    if kind not in _KIND_RANK:
        raise ValueError(f"'kind' must be one of {', '.join(KINDS)}")
    lat, lon = float(raw["lat"]), float(raw["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise TypeError("'aliases' must be a list of strings")
    population = raw.get("population")
    return PlaceEntry(
        id=str(raw["id"]),
        name=str(raw["name"]),
        kind=kind,
        country=raw.get("country"),
        admin1=raw.get("admin1"),
        lat=lat,
        lon=lon,
        population=int(population) if population is not None else None,
        aliases=tuple(aliases),
    )


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The package's gazetteer, loaded once per process."""
    return Gazetteer.load()
