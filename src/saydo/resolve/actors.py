"""The actor dictionary: who a name, a title, a metonym or a demonym stands for.

Entries are JSON Lines (see ``saydo/data/README.md`` for the fields and the coding
conventions). A lookup folds case, accents and apostrophes, drops a leading "the", a
possessive and titles ("Maj. Gen.", "Foreign Minister"), and then tries, in order: the
whole text; a person's name at the end of it ("Kremlin spokesman Dmitry Peskov"); a
surname; and last a small edit distance against person names, so that a reporter's typo
("Zeleskyy") still finds the person.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA

from saydo.domain import Actor, ActorKind
from saydo.errors import ErrorCode, SaydoError

PACKAGE_FILE = "actors.jsonl"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‛": "'"})
_EDGE_PUNCT = " \t\n\"'.,;:!?()[]{}“”«»"

# Words that precede a name in news copy without being part of it. Only stripped from
# the front, and only after the whole text failed to match, so "General Staff" or
# "Secretary of State" as names of bodies are never touched.
_TITLE_TEXT = """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam
    president vice-president vice prime minister ministers secretary secretary-general
    under-secretary chancellor vice-chancellor premier deputy acting former first
    foreign defence defense interior home finance economy justice health energy
    spokesman spokeswoman spokesperson press ambassador envoy mayor governor senator
    sen rep representative congressman congresswoman king queen prince princess crown
    sheikh emir commander commander-in-chief chief head leader adviser advisor aide
    speaker chairman chairwoman chair director general lt lieutenant maj major col colonel
    gen brig brigadier adm admiral capt captain sgt sergeant cpl corporal pte private
    maj-gen lt-gen lt-col major-general lieutenant-general lieutenant-colonel
"""
TITLE_WORDS = frozenset(_TITLE_TEXT.split())
# Multi-word titles whose words are not titles on their own.
_TITLE_PHRASES = (("secretary", "of", "state"), ("secretary", "of", "defense"))

SINGLE_TOKEN_MIN_SURNAME = 3


class Tier:
    """How firmly a key names an actor: a name beats a metonym beats a description."""

    NAME = 0
    METONYM = 1
    DESCRIPTOR = 2
    DEMONYM = 3


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """An actor and what the dictionary knows about how it is named."""

    actor: Actor
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()  # place names that stand for it: "Moscow" for the Kremlin
    descriptors: tuple[str, ...] = ()  # common-noun phrases: "Russian troops"
    territory: str | None = None  # where an armed group operates, when not its side


def fold(text: str) -> str:
    """Case, accents, apostrophe shapes and white space folded away."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def normalise(text: str) -> str:
    """The dictionary key of a mention: folded, without "the", a possessive or edges."""
    key = fold(text).strip(_EDGE_PUNCT)
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("s'"):
        key = key[:-1]
    return key.strip(_EDGE_PUNCT)


def strip_titles(tokens: list[str]) -> list[str]:
    """Leading titles and ranks removed: "maj. gen. igor konashenkov" → "igor konashenkov"."""
    tokens = list(tokens)
    changed = True
    while tokens and changed:
        changed = False
        for phrase in _TITLE_PHRASES:
            if tuple(tokens[: len(phrase)]) == phrase:
                tokens = tokens[len(phrase) :]
                changed = True
        if len(tokens) > 1 and (tokens[0].rstrip(".") in TITLE_WORDS or tokens[0] in ".-"):
            tokens = tokens[1:]
            changed = True
    return tokens


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps).

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``. The
    work is rapidfuzz's: every unknown mention is compared with the names that share
    its initial, and in pure Python that was a tenth of all extraction time.
    """
    return int(OSA.distance(a, b, score_cutoff=limit))


def fuzzy_limit(length: int) -> int:
    """How many edits a name of this length may carry and still be the same name."""
    if length >= 9:
        return 2
    if length >= 6:
        return 1
    return 0


# Memos of lookups by text: bounded, so a long run's memory stays flat.
LOOKUP_CACHE_SIZE = 50_000
# (first letter, length) → (key, actor name, whether the key is only a derived surname)
FuzzyKeys = dict[tuple[str, int], list[tuple[str, str, bool]]]


class ActorDictionary:
    """Actors by every name the news gives them."""

    def __init__(self, records: Iterable[ActorRecord]) -> None:
        self._records: dict[str, ActorRecord] = {}
        for record in records:
            self._records[record.actor.name] = record  # a later entry wins
        self._index: dict[str, tuple[int, str]] = {}
        self._by_name: dict[str, str] = {}
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._initials: dict[str, set[str]] = defaultdict(set)
        # A fuzzy query reads only the keys its edit limit lets it reach.
        self._single_keys: FuzzyKeys = defaultdict(list)
        self._multi_keys: FuzzyKeys = defaultdict(list)
        self._demonyms: dict[str, str] = {}
        self._country_names: dict[str, str] = {}
        self._cache: dict[str, Actor | None] = {}
        # The entity layer asks for the same names in every article; the dictionary never
        # changes once built, so an answer holds for the whole run.
        self._person_cache: dict[tuple[str, bool], Actor | None] = {}
        for record in self._records.values():
            self._add(record)

    @classmethod
    def load(cls, extra_files: Iterable[Path] = ()) -> ActorDictionary:
        """The package's dictionary, then each extra file; later entries win by name."""
        text = resources.files("saydo").joinpath("data", PACKAGE_FILE).read_text("utf-8")
        records = list(parse_lines(text.splitlines(), f"saydo/data/{PACKAGE_FILE}"))
        for path in extra_files:
            records.extend(read_actor_file(Path(path)))
        return cls(records)

    # -- building ---------------------------------------------------------------

    def _add(self, record: ActorRecord) -> None:
        actor = record.actor
        self._by_name[normalise(actor.name)] = actor.name
        for name in (actor.name, *actor.aliases):
            self._put(name, Tier.NAME, actor.name)
        for metonym in record.metonyms:
            self._put(metonym, Tier.METONYM, actor.name)
        for descriptor in record.descriptors:
            self._put(descriptor, Tier.DESCRIPTOR, actor.name)
        for demonym in record.demonyms:
            self._put(demonym, Tier.DEMONYM, actor.name)
            if actor.country:
                self._demonyms[normalise(demonym)] = actor.country
        if actor.kind is ActorKind.STATE and actor.country:
            for name in (actor.name, *actor.aliases):
                self._country_names[normalise(name)] = actor.country
        if actor.kind is ActorKind.PERSON:
            self._add_person(actor)

    def _put(self, text: str, tier: int, name: str) -> None:
        key = normalise(text)
        if not key:
            return
        held = self._index.get(key)
        if held is None or tier <= held[0]:
            self._index[key] = (tier, name)

    def _add_person(self, actor: Actor) -> None:
        for text in (actor.name, *actor.aliases):
            tokens = normalise(text).split()
            if not tokens:
                continue
            if len(tokens) == 1:
                _file_key(self._single_keys, tokens[0], actor.name, derived=False)
                continue
            _file_key(self._multi_keys, " ".join(tokens), actor.name, derived=False)
            self._initials[actor.name].add(tokens[0][0])
            surname = tokens[-1]
            if len(surname) >= SINGLE_TOKEN_MIN_SURNAME:
                self._surnames[surname].add(actor.name)
                _file_key(self._single_keys, surname, actor.name, derived=True)

    # -- queries ----------------------------------------------------------------

    def entries(self) -> Iterable[Actor]:
        return (record.actor for record in self._records.values())

    def records(self) -> Iterable[ActorRecord]:
        return self._records.values()

    def record(self, name: str) -> ActorRecord | None:
        canonical = self._by_name.get(normalise(name))
        return self._records.get(canonical) if canonical else None

    def by_name(self, name: str) -> Actor | None:
        record = self.record(name)
        return record.actor if record else None

    def lookup(self, text: str) -> Actor | None:
        """The actor a mention names, or None."""
        if text in self._cache:
            return self._cache[text]
        actor = self._lookup(text)
        if len(self._cache) >= LOOKUP_CACHE_SIZE:
            self._cache.clear()  # every distinct mention of a long run would stay
        self._cache[text] = actor
        return actor

    def _lookup(self, text: str) -> Actor | None:
        key = normalise(text)
        if not key:
            return None
        exact = self._exact(key)
        if exact is not None:
            return exact
        tokens = strip_titles(key.split())
        if tokens and len(tokens) < len(key.split()):
            exact = self._exact(" ".join(tokens))
            if exact is not None:
                return exact
        return self._person(tokens, allow_surname=True)

    def lookup_person(self, text: str, allow_surname: bool = True) -> Actor | None:
        """A person only: by name, by surname (if allowed) or by a near spelling."""
        key = (text, allow_surname)
        if key not in self._person_cache:
            if len(self._person_cache) >= LOOKUP_CACHE_SIZE:
                self._person_cache.clear()  # a long run's memory stays flat
            self._person_cache[key] = self._lookup_person(text, allow_surname)
        return self._person_cache[key]

    def _lookup_person(self, text: str, allow_surname: bool) -> Actor | None:
        tokens = strip_titles(normalise(text).split())
        if not tokens:
            return None
        exact = self._exact(" ".join(tokens))
        if exact is not None:
            return exact if exact.kind is ActorKind.PERSON else None
        return self._person(tokens, allow_surname)

    def country_of_demonym(self, word: str) -> str | None:
        """The country a demonym names: "Russians", "Russia's" → "RUS"; "Western" → None."""
        key = normalise(word)
        return self._demonyms.get(key) or self._country_names.get(key)

    def patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns (match them on LOWER) for every name it knows.

        Descriptors ("Russian troops") are left out: they are noun phrases, not names.
        """
        out: list[dict[str, Any]] = []
        for record in self._records.values():
            actor = record.actor
            ident = f"actor:{actor.name}"
            label = _LABELS.get(actor.kind, "ORG")
            for text in _unique((actor.name, *actor.aliases)):
                out.extend(_pattern(variant, label, ident) for variant in spellings(text))
            for text in _unique(record.metonyms):
                out.extend(_pattern(variant, "GPE", ident) for variant in spellings(text))
            for text in _unique(record.demonyms):
                out.extend(_pattern(variant, "NORP", ident) for variant in spellings(text))
        return out

    # -- internals ----------------------------------------------------------------

    def _exact(self, key: str) -> Actor | None:
        held = self._index.get(key)
        return self._records[held[1]].actor if held else None

    def _person(self, tokens: list[str], allow_surname: bool) -> Actor | None:
        if not tokens:
            return None
        # A name at the end of a longer phrase: "kremlin spokesman dmitry peskov".
        for start in range(1, len(tokens)):
            held = self._index.get(" ".join(tokens[start:]))
            if held and self._records[held[1]].actor.kind is ActorKind.PERSON:
                before = tokens[start - 1].rstrip(".")
                given = [] if before in TITLE_WORDS or start < len(tokens) - 1 else [before]
                if self._given_name_fits(held[1], given):
                    return self._records[held[1]].actor
        if allow_surname:
            by_surname = self._by_surname(tokens)
            if by_surname is not None:
                return by_surname
        return self._fuzzy(tokens, allow_surname)

    def _by_surname(self, tokens: list[str]) -> Actor | None:
        names = self._surnames.get(tokens[-1], set())
        names = {n for n in names if self._given_name_fits(n, tokens[:-1])}
        if len(names) == 1:
            return self._records[next(iter(names))].actor
        return self._side_of_namesakes(sorted(names))

    def _side_of_namesakes(self, names: list[str]) -> Actor | None:
        """ "Fedorov said": the mayor of Melitopol or the digital minister, both of
        Ukraine's government. Which one is not known, but the side is, and the side is
        what a verdict weighs."""
        actors = [self._records[n].actor for n in names]
        if len(actors) < 2 or len({(a.country, a.sector) for a in actors}) != 1:
            return None
        if actors[0].country is None:
            return None
        surname = actors[0].name.split()[-1]
        return Actor(surname, ActorKind.PERSON, actors[0].country, actors[0].sector)

    def _given_name_fits(self, name: str, given: list[str]) -> bool:
        # "Oleksandr Zelensky" is not the president: a given name, when written, must
        # start like one of the person's (Volodymyr/Vladimir share the V).
        return not given or given[0][:1] in self._initials.get(name, set())

    def _fuzzy(self, tokens: list[str], allow_surname: bool) -> Actor | None:
        if len(tokens) > 1:
            found = self._nearest(" ".join(tokens), self._multi_keys, allow_surname)
            if found is not None:
                return found
        surname = tokens[-1]
        found = self._nearest(surname, self._single_keys, allow_surname)
        if found is not None and self._given_name_fits(found.name, tokens[:-1]):
            return found
        return None

    def _nearest(self, query: str, keys: FuzzyKeys, allow_surname: bool) -> Actor | None:
        # Typos seldom hit the first letter; requiring it keeps the search small and
        # keeps places and bodies from turning into people.
        limit = fuzzy_limit(len(query))
        if limit == 0 or not query[:1].isalpha():
            return None
        best = limit + 1
        names: set[str] = set()
        for key, name, derived in _reachable(keys, query, limit):
            if derived and not allow_surname:
                continue
            # Only keys as near as the best so far matter: stop each one beyond it.
            distance = edit_distance(query, key, min(limit, best))
            if distance < best:
                best, names = distance, {name}
            elif distance == best:
                names.add(name)
        if best > limit or len(names) != 1:
            return None
        return self._records[next(iter(names))].actor


def _file_key(keys: FuzzyKeys, key: str, name: str, derived: bool) -> None:
    keys[(key[0], len(key))].append((key, name, derived))


def _reachable(keys: FuzzyKeys, query: str, limit: int) -> Iterator[tuple[str, str, bool]]:
    """The keys with the query's first letter whose length is within ``limit`` of it:
    no others can be within ``limit`` edits."""
    for length in range(len(query) - limit, len(query) + limit + 1):
        yield from keys.get((query[0], length), ())


_LABELS = {
    ActorKind.PERSON: "PERSON",
    ActorKind.STATE: "GPE",
    ActorKind.ORGANISATION: "ORG",
    ActorKind.ARMED_GROUP: "ORG",
    ActorKind.MEDIA: "ORG",
    ActorKind.GROUP: "NORP",
}


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


def _pattern(text: str, label: str, ident: str) -> dict[str, Any]:
    return {"label": label, "pattern": text, "id": ident}


def spellings(text: str) -> list[str]:
    """A name as written, without a leading "the", and without accents or curly quotes.

    Matching on LOWER folds case but not accents or apostrophe shapes, so each of those
    needs its own pattern.
    """
    base = text[4:] if text.lower().startswith("the ") else text
    plain = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    forms = [base, plain]
    for form in (base, plain):
        if "'" in form:
            forms.append(form.replace("'", "’"))
        if "’" in form:
            forms.append(form.replace("’", "'"))
    return _unique(forms)


# -- reading JSON Lines ------------------------------------------------------------------

_FIELDS = {
    "name",
    "kind",
    "country",
    "sector",
    "role",
    "parent",
    "aliases",
    "demonyms",
    "metonyms",
    "descriptors",
    "territory",
}
_LIST_FIELDS = ("aliases", "demonyms", "metonyms", "descriptors")
_TEXT_FIELDS = ("country", "sector", "role", "parent", "territory")


def read_actor_file(path: Path) -> list[ActorRecord]:
    """Records of a user's JSON Lines file; a bad line raises naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SaydoError(ErrorCode.NOT_FOUND, str(path)) from exc
    except UnicodeDecodeError as exc:
        raise SaydoError(ErrorCode.BAD_ENCODING, str(path), exc.reason) from exc
    return list(parse_lines(text.splitlines(), str(path)))


def parse_lines(lines: Iterable[str], source: str) -> Iterator[ActorRecord]:
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield parse_record(json.loads(line))
        except (ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
            raise SaydoError(ErrorCode.BAD_DICTIONARY, f"{source}:{number}", exc) from exc


def parse_record(raw: object) -> ActorRecord:
    """One entry, checked field by field so that a typo is reported, not ignored."""
    if not isinstance(raw, dict):
        raise TypeError("each line must be a JSON object")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' must be a non-empty string")
    try:
        kind = ActorKind(str(raw.get("kind")))
    except ValueError as exc:
        allowed = ", ".join(k.value for k in ActorKind)
        raise ValueError(f"'kind' must be one of {allowed}") from exc
    for field in _TEXT_FIELDS:
        if raw.get(field) is not None and not isinstance(raw[field], str):
            raise TypeError(f"{field!r} must be a string or null")
    lists = {field: _string_list(raw, field) for field in _LIST_FIELDS}
    actor = Actor(
        name=name.strip(),
        kind=kind,
        country=raw.get("country"),
        sector=raw.get("sector"),
        role=raw.get("role"),
        parent=raw.get("parent"),
        aliases=lists["aliases"],
    )
    return ActorRecord(
        actor,
        demonyms=lists["demonyms"],
        metonyms=lists["metonyms"],
        descriptors=lists["descriptors"],
        territory=raw.get("territory"),
    )


def _string_list(raw: dict[str, Any], field: str) -> tuple[str, ...]:
    value = raw.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{field!r} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


@lru_cache(maxsize=1)
def default_actors() -> ActorDictionary:
    """The package's dictionary, loaded once per process."""
    return ActorDictionary.load()
