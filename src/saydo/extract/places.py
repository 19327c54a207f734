"""Places named around an event, resolved with the gazetteer.

A place name that is the subject of a verb is a metonym ("Moscow said") and names an
actor, not a place, as does one accused, urged or spoken with ("accusing Kyiv of ...");
a direction word or "region" next to a name belongs to it ("the southern Mykolaiv
region"); "Ukraine's capital" is the capital of Ukraine. Each name of a list that ends
in "regions" is a region ("the Kharkiv and Luhansk regions"), and the name after "the
village of" is the village, not the region of its name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import Place, Precision
from saydo.extract.coding import entities_over
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import HOSTILE_TYPES, VERB_TRIGGERS
from saydo.extract.outcome_words import REGION_TITLES
from saydo.resolve.actors import normalise
from saydo.resolve.capitals import capital_of
from saydo.resolve.places import DocumentPlaces

_DOCUMENT_KEY = "saydo.places.document"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
METONYM_DEPS = frozenset({"nsubj", "poss"})
# Verbs whose object is a party, never a place: "accusing Kyiv of ...", "urged Moscow".
ADDRESSED_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "urge",
        "warn",
        "condemn",
        "criticise",
        "criticize",
        "thank",
        "invite",
        "pressure",
        "persuade",
        "ask",
    }
)
# "talks with Kyiv", "agreed with Moscow", "called on Kyiv": the party spoken with.
PARTY_AFTER = {
    "with": frozenset(
        {"agree", "talk", "talks", "negotiate", "negotiation", "negotiations", "agreement"}
    ),
    "on": frozenset({"call"}),
}
DIRECTIONS = frozenset(
    [
        "central",
        "eastern",
        "western",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ]
)
AREA_NOUNS = frozenset({"region", "oblast", "province", "district", "area", "areas"})
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "port", "settlement"})
PLURAL_AREA_NOUNS = frozenset({"regions", "oblasts", "provinces"})
# Settlements a region's name may own: "the Luhansk towns", "Kherson villages".
PLURAL_SETTLEMENT_NOUNS = frozenset({"towns", "villages", "cities", "settlements", "communities"})
LIST_GLUE = frozenset({",", "and", "or", "&"})
LIST_REACH = 16  # tokens a list of names may run before its "regions"
REGION_KINDS = frozenset({"region"})
CITY_KINDS = frozenset({"city"})
# How many place names back "the city" may look for the town it means.
ANTECEDENT_TRIES = 6


def headline_target(subject: Token) -> bool:
    """Headline passives drop the auxiliary: a town "shelled", with no object, was shelled."""
    verb = subject.head
    trigger = VERB_TRIGGERS.get(verb.lemma_.lower())
    if subject.dep_ != "nsubj" or trigger is None or trigger.type not in HOSTILE_TYPES:
        return False
    if verb.tag_ not in {"VBN", "VBD"} or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return subject.ent_type_ in PLACE_LABELS and subject.ent_id_.startswith("place:")


def places_in(tokens: Iterable[Token], ctx: ArticleContext) -> tuple[Place, ...]:
    places: list[Place] = []
    seen: set[int] = set()
    token_list = sorted(tokens, key=lambda t: t.i)
    for token in token_list:
        if token.i in seen:
            continue
        if token.ent_iob_ == "B" and token.ent_type_ in PLACE_LABELS:
            span = _entity_of(token)
            seen.update(range(span.start, span.end))
            if span.root.dep_ in METONYM_DEPS and not headline_target(span.root):
                continue
            if _addressed(span.root) or _clock_zone(span):
                continue
            places.append(_resolve(span, ctx))
        elif token.lemma_.lower() == "capital":
            capital = _capital(token, ctx)
            if capital is not None:
                places.append(capital)
        elif _definite_place_noun(token):
            antecedent = _antecedent(token, ctx)
            if antecedent is not None:
                places.append(antecedent)
    return tuple(places)


def _addressed(root: Token) -> bool:
    """ "accusing Kyiv of using them as shields", "talks with Moscow": a capital named
    as the party accused, urged or spoken with stands for its government."""
    head = root.head
    if root.dep_ == "dobj":
        return head.lemma_.lower() in ADDRESSED_VERBS
    if root.dep_ != "pobj":
        return False
    verbs = PARTY_AFTER.get(head.lower_)
    return verbs is not None and head.head.lemma_.lower() in verbs


def _clock_zone(span: Span) -> bool:
    """ "10 a.m. Moscow time" names a clock, not a place."""
    root = span.root
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ == "time"


def _definite_place_noun(token: Token) -> bool:
    """ "the city", "the town", "the port": a place named before, with no name of its own."""
    if token.lower_ not in SETTLEMENT_NOUNS:
        return False
    children = list(token.children)
    has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in children)
    named = any(c.ent_type_ or c.dep_ in {"prep", "poss", "appos"} for c in children)
    return has_the and not named and token.ent_type_ == ""


def _antecedent(token: Token, ctx: ArticleContext) -> Place | None:
    """The last town named before ``token`` that resolves to a city (a few tries back)."""
    earlier = [e for e in token.doc.ents if e.end <= token.i and e.label_ in PLACE_LABELS]
    governed: list[Span] = []
    for span in reversed(earlier[-ANTECEDENT_TRIES:]):
        if _governed_region(span.root):
            governed.append(span)
            continue
        if span.root.dep_ in METONYM_DEPS or _clock_zone(span):
            continue
        place = _resolve(span, ctx)
        if place.resolved and place.kind == "city":
            return place
    # "Chernihiv governor Chaus: the city was shelled": with no other town named, the
    # city is his region's seat
    for span in governed:
        provenance = ctx.provenance(span.doc, span.start_char, span.end_char)
        town = ctx.gazetteer.resolve(span.text, ctx.focus_country, provenance, None, CITY_KINDS)
        place = governing_seat(town, ctx)
        if place.resolved and place.kind == "city":
            return place
    return None


def governing_seat(town: Place, ctx: ArticleContext) -> Place:
    """The city a region's administration sits in, for the region's namesake town:
    the town itself, save where the administration sat elsewhere in 2022."""
    namesake = town.admin1 is not None and town.admin1.split()[0] == town.name
    seat = SEATS_ELSEWHERE.get(town.admin1 or "") if town.resolved and namesake else None
    if seat is None:
        return town
    return ctx.gazetteer.resolve(seat, ctx.focus_country, town.provenance, None, CITY_KINDS)


# Regions whose Ukrainian administration sat in 2022 outside the city they are named
# after, held by Russia since 2014: "Luhansk governor Haidai ... the city" is not Luhansk.
SEATS_ELSEWHERE = {"Donetsk Oblast": "Kramatorsk", "Luhansk Oblast": "Sievierodonetsk"}


def _governed_region(root: Token) -> bool:
    """ "Luhansk governor Serhiy Haidai": a governor's region says who speaks; "the city"
    after it is a town of that region, not the region's namesake."""
    head = root.head
    if root.dep_ not in {"compound", "poss", "amod", "nmod"}:
        return False
    if head.lower_ in AREA_NOUNS | {"regional"} and head.head is not head:
        head = head.head
    if head.lemma_.lower() in REGION_TITLES:
        return True
    # "Zaporizhzhia regional authorities": a body titled as the region's
    regional = any(c.lower_ in AREA_NOUNS | {"regional"} for c in head.children)
    return regional and head.lemma_.lower() in REGIONAL_BODIES


# Bodies that govern a region when titled as its own: "the Sumy regional administration".
REGIONAL_BODIES = frozenset({"administration", "authority", "council", "government"})


def _entity_of(token: Token) -> Span:
    # Only the entity over this token: Doc.ents would build every entity on each call.
    for ent in entities_over(token.doc, [token.i]):
        if ent.start == token.i:
            return ent
    return token.doc[token.i : token.i + 1]


def _resolve(span: Span, ctx: ArticleContext) -> Place:
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].lower_ in DIRECTIONS:
        start -= 1
    if (
        end < len(doc)
        and doc[end].lower_ in AREA_NOUNS
        and not span.text.lower().endswith(tuple(AREA_NOUNS))
    ):
        end += 1
    extended = doc[start:end]
    provenance = ctx.provenance(doc, extended.start_char, extended.end_char)
    # The mention's own vote is left out: it would back its own likeliest reading.
    around = _document(doc, ctx).context_for(normalise(span.text), _following(doc, extended.end))
    resolve = ctx.gazetteer.resolve
    if _in_region_list(span):
        place = resolve(f"{span.text} region", ctx.focus_country, provenance, around, REGION_KINDS)
        if place.resolved:
            return replace(place, text=span.text)
        return resolve(span.text, ctx.focus_country, provenance, around, REGION_KINDS)
    place = resolve(extended.text, ctx.focus_country, provenance, around)
    if not place.resolved and extended.text != span.text:
        place = resolve(span.text, ctx.focus_country, provenance, around)
    if place.kind not in {"city", "country"} and _after_settlement_word(span):
        # "the village of Oskil" is the village; "the Hero City of Ukraine" stays Ukraine.
        town = resolve(span.text, ctx.focus_country, provenance, around, CITY_KINDS)
        place = town if town.kind == "city" else place
    if _facility_abroad(span, place, ctx):
        # "the Port City mall", "the Drama theatre" in a story of Mariupol: the name of
        # a building, which no gazetteer town abroad that shares it is
        return Place(
            span.text, span.text, "area", precision=Precision.UNRESOLVED, provenance=provenance
        )
    return place


def _facility_abroad(span: Span, place: Place, ctx: ArticleContext) -> bool:
    """A name before a building's noun that resolves outside the story's country."""
    root = span.root
    if root.dep_ != "compound" or root.head.lemma_.lower() not in FACILITY_NOUNS:
        return False
    return ctx.focus_country is not None and place.country not in {None, ctx.focus_country}


# Buildings a name may be given: "the Port City mall", "the Drama theatre".
FACILITY_NOUNS = frozenset(
    {"mall", "theatre", "theater", "centre", "center", "station", "hospital", "school"}
    | {"plant", "factory", "hotel", "market", "stadium", "church", "cinema", "shop"}
)


def _in_region_list(span: Span) -> bool:
    """A name in a list closed by a plural area noun: "Sumy, Donetsk and Kharkiv regions";
    or a name that owns towns: "the Luhansk towns", "Donetsk villages" lie in the region."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in PLURAL_SETTLEMENT_NOUNS:
        return True
    for token in doc[span.end : span.end + LIST_REACH]:
        if token.lower_ in PLURAL_AREA_NOUNS:
            return True
        if token.lower_ not in LIST_GLUE and token.ent_type_ not in PLACE_LABELS:
            return False
    return False


def _after_settlement_word(span: Span) -> bool:
    """ "the village of Oskil", "the town of Izium": a town, whatever else bears its name."""
    doc = span.doc
    start = span.start
    return (
        start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SETTLEMENT_NOUNS
    )


def _following(doc: Doc, end: int) -> str:
    # A few tokens' text, not doc.text: that joins the whole document on every call.
    return doc[end : end + 8].text


def _document(doc: Doc, ctx: ArticleContext) -> DocumentPlaces:
    """The document's place names as context for each other, read once per document.

    Every name votes here; each mention is then resolved with the others' votes.
    """
    document = doc.user_data.get(_DOCUMENT_KEY)
    if not isinstance(document, DocumentPlaces):
        ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        following = [_following(doc, e.end) for e in ents]
        document = ctx.gazetteer.document([e.text for e in ents], ctx.focus_country, following)
        doc.user_data[_DOCUMENT_KEY] = document
    return document


def _capital(token: Token, ctx: ArticleContext) -> Place | None:
    """ "Ukraine's capital", "the Ukrainian capital", "the capital of Ukraine"."""
    country: str | None = None
    for child in token.children:
        if child.dep_ == "poss" or child.dep_ == "amod":
            actor = ctx.actors.lookup(child.text)
            country = (actor.country if actor else None) or ctx.actors.country_of_demonym(
                child.text
            )
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                actor = ctx.actors.lookup(obj.text)
                country = actor.country if actor else None
        if country:
            break
    name = capital_of(country) if country else None
    if name is None:
        return None
    provenance = ctx.provenance(token.doc, token.idx, token.idx + len(token.text))
    return ctx.gazetteer.resolve(name, country, provenance)
