"""A spaCy component that corrects the model's entities with saydo's dictionaries.

The small English model knows the grammar of news but not its names: it calls
Zelenskyy an ORG, Kyiv a PERSON and "Kyiv and Chernihiv" a WORK_OF_ART. This component
matches every name in the actor dictionary and the gazetteer (case-insensitively, with a
PhraseMatcher built once per pipeline) and reconciles the matches with the model:

- a known name the model missed is added;
- a known name the model labelled wrongly is relabelled (person → PERSON, place →
  GPE/LOC/FAC, body → ORG, demonym → NORP);
- a model span made only of known names and glue ("Kyiv and Chernihiv", "Ukrainian
  President Volodymyr Zelenskyy") is split into the names;
- a model span that holds a known name inside a longer one ("Kyiv Post") is kept;
- an ORG/GPE/WORK_OF_ART/PERSON span that is a near spelling of a known person
  ("Zeleskyy") becomes that PERSON;
- a model span of known places joined by route words ("Kherson to Mykolaiv") is split;
- the name after "the village of", "the town of" or "the city of" is a place when the
  gazetteer has a town of that name;
- a holiday ("Easter") the model took for a place is a date.

Besides the curated table, the towns of Ukraine and Russia that GeoNames lists above a
population floor are matched: war news names villages no hand list keeps up with. They
are weak readings: a name the model calls a PERSON stays one, and English words and
names of known actors are left out ("Pushkin", "Marks").

Every entity it is sure of carries an id that survives ``DocBin``: ``ent.ent_id_`` is
``"actor:<name>"`` or ``"place:<gazetteer id>"`` for the reading its label stands for,
and ``ent.kb_id_`` holds the other reading when there is one (a GPE "Moscow" is
``place:524901`` with ``kb_id_`` ``actor:Kremlin``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from saydo.resolve.actors import ActorDictionary, default_actors, normalise
from saydo.resolve.places import NOT_PLACES, Gazetteer, default_gazetteer

FACTORY = "saydo_entities_v1"
COMPONENT = "saydo_entities"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# When the model gives no hint, a place reading is meant before a body, a body before a
# people: "Moscow" is a city before it is the Kremlin.
_LABEL_ORDER = ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP")
_FUZZY_LABELS = frozenset({"ORG", "GPE", "WORK_OF_ART", "PERSON"})
# Tokens that may sit between or before names in one model span without making it a
# different name: conjunctions, articles, possessives and titles.
_GLUE_TEXT = (
    "and or nor & , the 's ’s of - / . ; : mr mrs ms dr president prime minister foreign "
    "defence defense secretary spokesman spokeswoman spokesperson maj gen gen. maj. col "
    "col. lt lt. general colonel major lieutenant chancellor mayor governor ambassador "
    "chief head leader deputy commander adviser advisor aide envoy sir lord premier king "
    "queen state former acting"
)
_GLUE = frozenset(_GLUE_TEXT.split())
_HONORIFIC_TEXT = "Mr Mrs Ms Dr President Minister Secretary Chancellor Gen. General Mayor Governor"
_HONORIFICS = frozenset(_HONORIFIC_TEXT.split())
# Words that join places in a route or a list without naming anything themselves:
# "from Kherson to Mykolaiv", "Mariupol via Berdiansk".
_ROUTE_WORDS = frozenset(
    ["to", "from", "for", "via", "towards", "toward", "through", "into", "and", "or"]
)
_SETTLEMENT_WORDS = frozenset({"village", "town", "city", "settlement", "hamlet"})
# Towns of the war's two countries (GeoNames alpha-2) matched from GeoNames, by minimum
# population: every Ukrainian village of note is a front line; in Russia the towns near
# the border and the cities matter, and its many hamlets would only add false names.
WAR_TOWN_MINIMUM = {"UA": 1000, "RU": 5000}
_SHORTEST_TOWN = 4  # letters; shorter names are mostly words or initials in English text


@dataclass(frozen=True, slots=True)
class Reading:
    """One thing a matched phrase may name."""

    label: str
    ident: str  # "actor:<name>" or "place:<id>"
    exact: str | None = None  # acronyms match only as written: "US", not "us"
    weak: bool = False  # a GeoNames town: the model's PERSON reading of it stands

    @property
    def is_place(self) -> bool:
        return self.ident.startswith("place:")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    readings: tuple[Reading, ...]


class SaydoEntities:
    """The entity-correcting component; build it through the factory."""

    def __init__(
        self,
        nlp: Language,
        name: str = COMPONENT,
        actors: ActorDictionary | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.name = name
        self.actors = actors or default_actors()
        self.gazetteer = gazetteer or default_gazetteer()
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._readings: dict[str, tuple[Reading, ...]] = {}
        known = [*self.gazetteer.patterns(), *self.actors.patterns()]
        self._add_patterns(nlp, [*known, *_war_towns(nlp, self.gazetteer, known)])

    def _add_patterns(self, nlp: Language, patterns: Iterable[dict[str, Any]]) -> None:
        readings: dict[str, list[Reading]] = defaultdict(list)
        for pattern in patterns:
            text = str(pattern["pattern"])
            exact = text if _acronym(text) else None
            reading = Reading(pattern["label"], pattern["id"], exact, bool(pattern.get("weak")))
            key = text.lower()
            if reading not in readings[key]:
                readings[key].append(reading)
        for key in readings:
            self._matcher.add(key, [nlp.make_doc(key)])
        self._readings = {key: tuple(found) for key, found in readings.items()}

    def __call__(self, doc: Doc) -> Doc:
        matches = self._matches(doc)
        doc.ents = self._merge(doc, matches, list(doc.ents))
        return doc

    # -- matching ---------------------------------------------------------------------

    def _matches(self, doc: Doc) -> list[Match]:
        strings = doc.vocab.strings
        found: list[Match] = []
        for match_id, start, end in self._matcher(doc):
            span = doc[start:end]
            if not _capitalised(span):
                continue
            readings = tuple(
                r for r in self._readings[strings[match_id]] if r.exact in (None, span.text)
            )
            if readings and not (all(r.weak for r in readings) and _inside_longer_name(span)):
                found.append(Match(start, end, readings))
        return _longest(found)

    # -- reconciling with the model ---------------------------------------------------

    def _merge(self, doc: Doc, matches: list[Match], ents: list[Span]) -> list[Span]:
        owner = [-1] * len(doc)
        for k, match in enumerate(matches):
            for i in range(match.start, match.end):
                owner[i] = k
        used: set[int] = set()
        hints: dict[int, str] = {}
        out: list[Span] = []
        for ent in ents:
            inside = sorted({owner[i] for i in range(ent.start, ent.end) if owner[i] >= 0})
            if not inside:
                out.append(self._checked(ent))
                continue
            inner = [matches[k] for k in inside]
            if any(m.start < ent.start or m.end > ent.end for m in inner):
                continue  # a known name crosses the model's span: the name wins
            if ent.label_ == "PERSON" and all(r.weak for m in inner for r in m.readings):
                out.append(self._checked(ent))  # "Chernyshev said": a surname, not a town
                used.update(inside)
                continue
            rest = [t for t in ent if owner[t.i] < 0]
            if all(_is_glue(t) or _joins_places(t, inner) for t in rest):
                if len(inner) == 1 and _only_leading_article(rest, ent):
                    out.append(_span(doc, ent.start, ent.end, inner[0], ent.label_))
                    used.add(inside[0])
                for k, match in zip(inside, inner, strict=True):
                    if (match.start, match.end) == (ent.start, ent.end):
                        hints[k] = ent.label_
                continue
            out.append(self._whole(ent, inner))
            used.update(inside)
        for k, match in enumerate(matches):
            if k not in used:
                out.append(_span(doc, match.start, match.end, match, hints.get(k)))
        out.extend(self._after_honorifics(doc, out))
        out = self._settlements(doc, [_not_holiday(span) for span in out])
        return sorted(out, key=lambda s: s.start)

    def _settlements(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "the village of Oskil": the name is a town when the gazetteer has one."""
        for token in doc[:-2]:
            if token.lower_ not in _SETTLEMENT_WORDS or doc[token.i + 1].lower_ != "of":
                continue
            name = _capitalised_run(doc, token.i + 2)
            if name is None or any(_is_place_over(s, name) for s in spans):
                continue
            towns = [e for e in self.gazetteer.candidates(name.text) if e.kind == "city"]
            if towns:
                place = Span(doc, name.start, name.end, label="GPE", span_id=f"place:{towns[0].id}")
                spans = [s for s in spans if s.end <= name.start or s.start >= name.end]
                spans.append(place)
        return spans

    def _checked(self, ent: Span) -> Span:
        """A model entity no name matched: a person's variant spelling, or as it was."""
        if ent.label_ not in _FUZZY_LABELS:
            return ent
        allow_surname = ent.label_ == "PERSON"
        actor = self.actors.lookup_person(ent.text, allow_surname=allow_surname)
        if actor is None:
            return ent
        return Span(ent.doc, ent.start, ent.end, label="PERSON", span_id=f"actor:{actor.name}")

    def _whole(self, ent: Span, inner: Sequence[Match]) -> Span:
        """A model span longer than the names inside it: "Kyiv Post", "Vladimir Zelensky"."""
        actor = self.actors.lookup(ent.text)
        if actor is not None and actor.kind.value == "person":
            return Span(ent.doc, ent.start, ent.end, label="PERSON", span_id=f"actor:{actor.name}")
        if len(inner) == 1:
            same = [r for r in inner[0].readings if r.label == ent.label_]
            if same:
                return Span(ent.doc, ent.start, ent.end, label=ent.label_, span_id=same[0].ident)
        return ent

    def _after_honorifics(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A person's name the model missed after "Mr" or "President" ("Mr Zeleskyy")."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        added: list[Span] = []
        for token in doc[1:]:
            if token.i in taken or doc[token.i - 1].text not in _HONORIFICS:
                continue
            if not (token.is_alpha and token.text[:1].isupper() and len(token) >= 3):
                continue
            actor = self.actors.lookup_person(token.text)
            if actor is not None:
                added.append(
                    Span(doc, token.i, token.i + 1, label="PERSON", span_id=f"actor:{actor.name}")
                )
        return added


def _war_towns(
    nlp: Language, gazetteer: Gazetteer, known: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Weak GPE patterns for the GeoNames towns of :data:`WAR_TOWN_MINIMUM`."""
    taken = {str(p["pattern"]).lower() for p in known}
    words = _english_words(nlp)
    out: list[dict[str, Any]] = []
    for entry in gazetteer.populated_places(WAR_TOWN_MINIMUM):
        key = entry.name.lower()
        if len(key) < _SHORTEST_TOWN or key in taken or key in words or key.rstrip("s") in words:
            continue
        out.append({"label": "GPE", "pattern": entry.name, "id": f"place:{entry.id}", "weak": True})
    return out


def _english_words(nlp: Language) -> frozenset[str]:
    # The lemmatizer's word lists (WordNet's) hold the common words and the famous names
    # a town may share: "Progress", "Marks", "Pushkin".
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            for listed in lookups.get_table("lemma_index").values():
                words.update(listed)
    return frozenset(words)


def _inside_longer_name(span: Span) -> bool:
    """A GeoNames town that is one word of a longer name: "Babyn Yar", "Vladimir Putin"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and after.text[:1].isupper():
        return True
    return before is not None and not span[0].is_sent_start and before.text[:1].isupper()


def _joins_places(token: Token, inner: Sequence[Match]) -> bool:
    """A route word between names that all may be places: "Kherson to Mykolaiv"."""
    return token.lower_ in _ROUTE_WORDS and all(any(r.is_place for r in m.readings) for m in inner)


def _not_holiday(span: Span) -> Span:
    if span.label_ in PLACE_LABELS and normalise(span.text) in NOT_PLACES:
        return Span(span.doc, span.start, span.end, label="DATE")
    return span


def _capitalised_run(doc: Doc, start: int) -> Span | None:
    """Up to three capitalised words from ``start``: "Velyka Pysarivka"."""
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_alpha and doc[end].is_title:
        end += 1
    return doc[start:end] if end > start else None


def _is_place_over(span: Span, name: Span) -> bool:
    overlaps = span.start < name.end and name.start < span.end
    return overlaps and span.label_ in PLACE_LABELS


def _span(doc: Doc, start: int, end: int, match: Match, hint: str | None) -> Span:
    label = _choose_label(match.readings, hint)
    places = [r for r in match.readings if r.is_place]
    actors = [r for r in match.readings if not r.is_place]
    if label in PLACE_LABELS and places:
        primary, other = places[0], actors
    else:
        primary = next((r for r in actors if r.label == label), actors[0] if actors else places[0])
        other = places
    kb = other[0].ident if other else 0
    return Span(doc, start, end, label=label, span_id=primary.ident, kb_id=kb)


def _choose_label(readings: Sequence[Reading], hint: str | None) -> str:
    # The model decides only between readings the dictionaries allow: "Washington" may
    # be a person or a place, "Kyiv" is never a person.
    labels = {r.label for r in readings}
    if hint in labels:
        return hint
    return next(label for label in _LABEL_ORDER if label in labels)


def _longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longer ones first: "Mykolaiv region" over "Mykolaiv"."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(match.start, match.end)):
            chosen.append(match)
            taken.update(range(match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)


def _capitalised(span: Span) -> bool:
    # Names are capitalised in news copy; without this, "male" (Maldives' capital) or
    # "reading" would match in lower case. A phrase like "central Ukraine" needs one
    # capitalised word; a single word must be capitalised itself.
    if len(span) == 1:
        return span[0].text[:1].isupper() or span[0].text[:1].isdigit()
    return any(t.text[:1].isupper() for t in span)


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_glue(token: Token) -> bool:
    return token.lower_ in _GLUE or token.is_punct


def _only_leading_article(rest: list[Token], ent: Span) -> bool:
    return len(rest) == 1 and rest[0].i == ent.start and rest[0].lower_ == "the"


@Language.factory(
    FACTORY,
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "token.ent_id", "token.ent_kb_id"],
    default_config={"extra_actor_files": []},
)
def make_saydo_entities(nlp: Language, name: str, extra_actor_files: list[str]) -> SaydoEntities:
    actors = (
        ActorDictionary.load(Path(p) for p in extra_actor_files)
        if extra_actor_files
        else default_actors()
    )
    return SaydoEntities(nlp, name, actors, default_gazetteer())


def add_saydo_entities(nlp: Language, extra_actor_files: Sequence[str | Path] = ()) -> None:
    """Add the component after "ner" (or last, for a pipeline without one), once."""
    if any(isinstance(pipe, SaydoEntities) for _, pipe in nlp.pipeline):
        return
    config = {"extra_actor_files": [str(p) for p in extra_actor_files]}
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(FACTORY, name=COMPONENT, after="ner", config=config)
    else:
        nlp.add_pipe(FACTORY, name=COMPONENT, config=config)
