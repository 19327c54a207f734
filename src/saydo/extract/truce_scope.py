"""The towns an announced truce covers, beyond the place reader's entities.

Route towns the tagger missed, the towns the next sentences list, owners of a district
("the Zaporizhzhia region's frontline districts"), river banks that are no towns, and the
rule that a country beside its towns is no scope.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from saydo.domain import (
    Place,
)
from saydo.extract.context import ArticleContext
from saydo.extract.places import places_in
from saydo.extract.truce_announcing import (
    names_a_truce,
)
from saydo.extract.truce_moves import (
    evacuation_to_come,
)
from saydo.extract.truce_titles import (
    AUTHORITY_NOUNS,
)
from saydo.extract.truce_words import (
    BANK_SIDES,
    DESCRIBED_SENTENCES,
    FIRING_VERBS,
    ROUTE_PREPS,
)


def route_towns(tokens: Sequence[Token], ctx: ArticleContext) -> tuple[Place, ...]:
    """Towns of the route the tagger did not take for places ("from Kherson to Mykolaiv"
    read as an organisation): proper nouns after a route preposition, or left, that the
    gazetteer knows as towns."""
    towns: list[Place] = []
    for token in tokens:
        if token.pos_ != "PROPN" or token.ent_type_ in {"PERSON", "NORP", "DATE", "TIME"}:
            continue
        routed = token.dep_ == "pobj" and token.head.lower_ in ROUTE_PREPS
        left = token.dep_ == "dobj" and token.head.lemma_.lower() in {"leave", "exit"}
        # "agreed to stop shelling Stoianka": the town the restraint is for
        left = left or (token.dep_ == "dobj" and token.head.lower_ in FIRING_VERBS)
        if not (routed or left or _dashed_route(token)):
            continue
        provenance = ctx.provenance(token.doc, token.idx, token.idx + len(token.text))
        place = ctx.gazetteer.resolve(token.text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            towns.append(place)
    return local_scope(tuple(towns)) if towns else ()


def _dashed_route(token: Token) -> bool:
    """ "the route Mariupol - Nikolske - Rozivka - Zaporizhzhia", "the corridor Sumy -
    Poltava": names joined by spaced dashes, which the tagger reads as one organisation."""
    doc = token.doc
    for step in (-1, 1):
        dash, other = token.i + step, token.i + 2 * step
        if not 0 <= other < len(doc):
            continue
        spaced = bool(doc[min(dash, token.i)].whitespace_) and bool(
            doc[min(dash, other)].whitespace_
        )
        if doc[dash].text in ROUTE_DASHES and spaced and doc[other].pos_ == "PROPN":
            return True
    return False


# Dashes that join the towns of a route: "Sumy - Poltava", "Mariupol – Zaporizhzhia".
ROUTE_DASHES = frozenset({"-", "\u2013", "\u2014"})


def described_after(sentence: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """The towns of the next sentences that tell where the corridors run: a sentence that
    names a truce ("26,477 residents were evacuated via the corridor") or one that only
    lists places ("From Sumy, from the Kyiv region and from Enerhodar.")."""
    doc = sentence.doc
    end = sentence.end
    for _ in range(DESCRIBED_SENTENCES):
        if end >= len(doc):
            break
        following = doc[end].sent
        end = following.end
        places = local_scope(tuple(p for p in places_in(list(following), ctx) if p.resolved))
        if not places or all(p.kind == "country" for p in places):
            continue
        # "... Civilians from Kharkiv will be taken to Belgorod.": the move tells the way
        told = any(names_a_truce(t) or evacuation_to_come(t) for t in following)
        if _verbless(following) or told:
            return places
        break
    return ()


def listed_after(sentence: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """The towns of a list that follows a truce with none of its own, as a bulletin
    writes it ("Eight corridors agreed for today. For Mariupol - private cars to
    Berdiansk."): the next sentence, when it is only a list."""
    doc = sentence.doc
    if sentence.end >= len(doc):
        return ()
    following = doc[sentence.end].sent
    if not _verbless(following):
        return ()
    places = local_scope(tuple(p for p in places_in(list(following), ctx) if p.resolved))
    return places if any(p.kind != "country" for p in places) else ()


def _verbless(sentence: Span) -> bool:
    """A list of places, with no clause of its own."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def owning_places(tokens: Sequence[Token], ctx: ArticleContext) -> tuple[Place, ...]:
    """ "the Zaporizhzhia region's frontline districts", "Kherson's river port": a town or
    region named as the owner of the part the truce is for, which the place reader
    leaves aside as a possessive. Authorities' titles ("Kherson's governor") are not."""
    found: list[Place] = []
    for owner in tokens:
        if owner.dep_ != "poss" or owner.head.lemma_.lower() in AUTHORITY_NOUNS:
            continue
        words = [t for t in owner.subtree if t.dep_ not in {"case", "det"} and t.pos_ != "PART"]
        if not any(t.ent_type_ in {"GPE", "LOC"} for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = owner.doc.text[start:end]
        place = ctx.gazetteer.resolve(
            text, ctx.focus_country, ctx.provenance(owner.doc, start, end)
        )
        if place.resolved:
            found.append(place)
    return tuple(found)


def river_banks(sentence: Span) -> set[int]:
    """ "the west bank of the Dnipro", "the left bank": a river's side, which names no
    town (and no West Bank, nor the city of Dnipro); its words are no places."""
    words: set[int] = set()
    for bank in sentence:
        if bank.lower_ != "bank" or bank.pos_ not in {"NOUN", "PROPN"}:
            continue
        if any(c.lower_ in BANK_SIDES for c in bank.children):
            words |= {t.i for t in bank.subtree}
    return words


def local_scope(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A truce binds its towns and route; the country named beside them is no scope."""
    local = tuple(p for p in places if p.kind != "country")
    # "Mariupol residents were evacuated from Mariupol": one town, named twice.
    first: dict[str, Place] = {}
    for place in local or places:
        first.setdefault(place.name, place)
    return tuple(first.values())


# Verbs whose "to" or "with" names who is talked to: "put the plan to both Moscow and Kyiv",
# "discussed it with Kyiv". Verbs of sending are not among them: "buses sent to Mariupol".
ADDRESSING_VERBS = frozenset(
    {"put", "propose", "present", "submit", "raise", "discuss", "talk", "negotiate"}
    | {"speak", "explain", "pitch", "suggest", "communicate"}
)


def addressed_places(sentence: Span) -> set[int]:
    """The words of capitals named as the governments a plan is put to: no town of the
    truce, whose route they are not."""
    words: set[int] = set()
    for prep in sentence:
        if prep.dep_ != "prep" or prep.lower_ not in {"to", "with"}:
            continue
        if prep.head.lemma_.lower() not in ADDRESSING_VERBS:
            continue
        for target in prep.children:
            if target.dep_ == "pobj":
                words |= {t.i for t in target.subtree}
    return words
