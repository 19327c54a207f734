"""The titles by which an announcer of a truce is named, and the towns they name.

"Luhansk governor Serhiy Haidai", "the town's mayor Dmytro Orlov", "Mariupol city
council", "authorities in Kherson": a person or body the actor dictionary may not know is
placed by the title told with it. A town's own mayor or council speaks for the town, so
the town is where the truce it announces holds; a region's governor or administration
only names the region, whose seat (its namesake town) is not where a corridor from its
villages runs.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.domain import Place
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_VERBS

# Nouns of the authorities that run a town or region, and speak for its side.
AUTHORITY_NOUNS = frozenset(
    {"administration", "authority", "council", "governor", "mayor", "government", "official"}
    # "Kherson's Russian-installed head"
    | {"head"}
)
# Nouns that stand for the town an authority runs: "the town's mayor".
TOWN_WORDS = frozenset({"town", "city", "village", "region", "oblast"})


def titles_of(person: Token) -> list[Token]:
    """ "Luhansk governor Serhiy Haidai", "Haidai, the Luhansk governor": the title nouns
    told with a name."""
    # "Russian-installed official Vladimir Rogov": "official" tagged an adjective
    return [
        c
        for c in person.children
        if c.dep_ in {"compound", "appos", "nmod", "amod"} and c.lemma_.lower() in AUTHORITY_NOUNS
    ]


def person_name(person: Token) -> str:
    names = [c for c in person.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in sorted([*names, person], key=lambda t: t.i))


def of_a_town(owner: Token) -> bool:
    """ "the Zaporizhzhia governor", "Sumy's mayor", "the mayor of Irpin": the authority
    of a named town."""
    # "the town's mayor": the town the article is about
    return any(
        t.ent_type_ in {"GPE", "LOC"} or t.lemma_.lower() in TOWN_WORDS for t in title_words(owner)
    )


def title_words(owner: Token) -> list[Token]:
    """The words that name an authority's town: "Sumy's", "of Irpin", "in Kyiv"."""
    named = [c for c in owner.children if c.dep_ in {"compound", "poss", "nmod", "amod"}]
    named += [t for p in owner.children if p.lower_ in {"of", "in"} for t in p.children]
    return named


def town_country(owner: Token, ctx: ArticleContext) -> str | None:
    """The country of the town an authority's title names: "officials in Moscow" speak
    for Russia, "the Kharkiv governor" for Ukraine."""
    for token in title_words(owner):
        if token.ent_type_ not in {"GPE", "LOC"}:
            continue
        provenance = ctx.provenance(token.doc, token.idx, token.idx + len(token.text))
        place = ctx.gazetteer.resolve(token.text, ctx.focus_country, provenance)
        if place.resolved and place.country:
            return place.country
    return None


def governed_town(owner: Token | None) -> set[int]:
    """ "authorities in Kherson", "the mayor of Irpin": the town a local authority runs is
    where the truce it announces holds, though its name is part of the announcer's."""
    if owner is None or owner.lemma_.lower() not in AUTHORITY_NOUNS:
        return set()
    preps = [c for c in owner.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}]
    return {t.i for p in preps for c in p.children if c.dep_ == "pobj" for t in c.subtree}


def titled_town(
    owner: Token | None, places: tuple[Place, ...], ctx: ArticleContext
) -> tuple[Place, ...]:
    """ "Mariupol city council", "Sumy governor Dmytro Zhyvytskyi": the town named in an
    authority's title. A town's own council or mayor speaks for the town, so it is a place
    of the truce; a region's governor or administration only when the truce names no
    other town (his region's seat is not where a corridor from its villages runs)."""
    if owner is None:
        return ()
    titles = titles_of(owner) if owner.pos_ == "PROPN" else [owner]
    titles = [t for t in titles if t.lemma_.lower() in AUTHORITY_NOUNS]
    towns = tuple(p for title in titles for p in town_places(title, ctx))
    # a region's name is also its seat's: "the Kyiv regional governor" is no scope in Kyiv
    return towns if any(city_authority(t) for t in titles) else ()


def town_places(title: Token, ctx: ArticleContext) -> list[Place]:
    """The towns named before an authority's title: "Mariupol's", "Nova Kakhovka"."""
    found: list[Place] = []
    for child in title.children:
        if child.dep_ not in {"compound", "poss", "nmod", "amod"}:
            continue
        # "Mariupol city council", the town tagged an adjective of the council's name,
        # or hung on "city"
        named = child.pos_ == "PROPN" or child.ent_type_ in {"GPE", "LOC"} or child.is_title
        if not named and child.lower_ not in LEVEL_WORDS:
            continue
        # "Izium mayor Valeriy Marchenko", tagged as one person: the town comes first
        if child.ent_type_ in {"NORP", "DATE", "TIME"} or child.i > title.i:
            continue
        # "Avdiivka city military administration": the parser may hang the town on "city"
        words = [
            c
            for c in child.children
            if c.dep_ in {"compound", "nmod", "amod"}
            and (c.pos_ == "PROPN" or c.ent_type_ in {"GPE", "LOC"})
        ]
        if not named and not words:
            continue  # "the city council": no town named
        span = sorted([*words, child] if named else words, key=lambda t: t.i)
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        text = title.doc.text[start:end]
        provenance = ctx.provenance(title.doc, start, end)
        place = ctx.gazetteer.resolve(text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            found.append(place)
    return found


def regional_tellers(sentence: Span) -> set[int]:
    """The words of a regional authority who tells the sentence: "the Kyiv regional
    governor said", "Luhansk governor Serhiy Haidai said"."""
    found: set[int] = set()
    for cue in sentence:
        if cue.lemma_.lower() not in CUE_VERBS:
            continue
        for teller in (c for c in cue.children if c.dep_ == "nsubj"):
            titles = titles_of(teller) if teller.pos_ == "PROPN" else [teller]
            titles = [t for t in titles if t.lemma_.lower() in AUTHORITY_NOUNS]
            if titles and not any(city_authority(t) for t in titles):
                # "authorities in Kherson" run the town they are in: it stays a place
                kept = {i for t in titles for i in governed_town(t)}
                found |= {t.i for t in teller.subtree} - kept
    return found


# Words for the level of an authority that a town's name is hung on: "Mariupol city council".
LEVEL_WORDS = frozenset({"city", "town", "village", "municipal"})


def city_authority(title: Token) -> bool:
    """ "the mayor", "the city council": the authority of one town."""
    words = {c.lemma_.lower() for c in title.children} | {title.lemma_.lower()}
    return bool(words & (LEVEL_WORDS | {"mayor"}))


def speakers_towns(
    sentence: Span, ctx: ArticleContext, city_only: bool = True
) -> tuple[Place, ...]:
    """The towns in the titles of the sentence's authorities: of its mayors and city
    councils, or, short of any (``city_only`` false), of its governors too."""
    towns = [
        p
        for a in sentence
        if a.lemma_.lower() in AUTHORITY_NOUNS and (city_authority(a) or not city_only)
        for p in town_places(a, ctx)
    ]
    return tuple(towns)
