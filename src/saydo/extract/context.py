"""What every extractor needs to know about the article it reads."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from saydo.domain import PIPELINE_VERSION, Article, Provenance
from saydo.resolve.actors import ActorDictionary, default_actors
from saydo.resolve.places import Gazetteer, default_gazetteer


@dataclass
class ArticleContext:
    article: Article
    actors: ActorDictionary = field(default_factory=default_actors)
    gazetteer: Gazetteer = field(default_factory=default_gazetteer)
    # The two countries the article is mostly about (the conflict dyad), most named first.
    dyad: tuple[str, ...] = ()
    focus_country: str | None = None

    @property
    def article_id(self) -> str:
        return self.article.id

    @property
    def anchor(self) -> date | None:
        return self.article.published

    def provenance(self, doc: Doc, start_char: int, end_char: int) -> Provenance:
        sentence = _sentence_at(doc, start_char)
        return Provenance(
            self.article.id, start_char, end_char, sentence.text.strip(), PIPELINE_VERSION
        )

    def adversary_of(self, country: str | None) -> str | None:
        """The other side of the article's conflict dyad, if ``country`` is one side."""
        if country is None or len(self.dyad) < 2 or country not in self.dyad[:2]:
            return None
        return self.dyad[1] if country == self.dyad[0] else self.dyad[0]


def _sentence_at(doc: Doc, char: int) -> Span:
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return doc[:]
    return token[0].sent


def build_context(
    doc: Doc, article: Article, actors: ActorDictionary | None = None
) -> ArticleContext:
    actors = actors or default_actors()
    countries: Counter[str] = Counter()
    for ent in doc.ents:
        country = _country_of_entity(ent, actors)
        if country and len(country) == 3 and country.isalpha() and country != "IGO":
            countries[country] += 1
    for token in doc:
        if token.ent_type_ == "NORP" or (token.pos_ == "ADJ" and token.text[:1].isupper()):
            country = actors.country_of_demonym(token.text)
            if country:
                countries[country] += 1
    ranked = tuple(c for c, _ in countries.most_common(2))
    focus = _focus_country(doc, article, actors) or (ranked[0] if ranked else None)
    return ArticleContext(article, actors, default_gazetteer(), ranked, focus)


def _country_of_entity(ent: Span, actors: ActorDictionary) -> str | None:
    if ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
        actor = actors.lookup(ent.text)
        if actor is not None:
            return actor.country
    if ent.label_ == "NORP":
        return actors.country_of_demonym(ent.text)
    return None


def _focus_country(doc: Doc, article: Article, actors: ActorDictionary) -> str | None:
    """The country where the reported events happen: most resolved places lie there."""
    gazetteer = default_gazetteer()
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "LOC", "FAC"}:
            place = gazetteer.resolve(ent.text)
            if place.country and place.kind != "country":
                counts[place.country] += 1
    if article.dateline:
        place = gazetteer.resolve(article.dateline)
        if place.country:
            counts[place.country] += 2
    return counts.most_common(1)[0][0] if counts else None
