"""Where an outcome happened: the towns a sentence names, the town a part or an attack
belongs to, and the destination that is not where the truce was."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from saydo.domain import Place
from saydo.extract.context import ArticleContext
from saydo.extract.outcome_grammar import under_fire
from saydo.extract.outcome_words import (
    ARRIVAL_VERBS,
    DESTINATION_WORDS,
    PEOPLE_WORDS,
    REGION_TITLES,
    TOWN_AUTHORITY_NOUNS,
    TOWN_HOSTILITY_VERBS,
    TOWN_NOUNS,
    TOWN_PART_NOUNS,
    TRUCE_WORDS,
    VEHICLE_WORDS,
)
from saydo.extract.places import governing_seat, places_in

# Words of being sent or bound in, whose destination is the truce's town: "buses heading
# to Mariupol", "a team on its way to Polohy", "sent to Kupiansk".
INBOUND_WORDS = frozenset({"head", "send", "dispatch", "bind", "bound", "way", "sail", "set"})


# Roads named by the town they lead into: "the road into Vuhledar" ("routes toward Russia"
# name where people would be taken).
ROAD_NOUNS = frozenset({"road", "highway", "approach", "entrance", "bridge"})
# Who or what a "to" phrase may name that is no destination: the convoy, the people.
BOUND_FOR_NOUNS = TRUCE_WORDS | VEHICLE_WORDS | PEOPLE_WORDS


def destination(place: Place, doc: Doc) -> bool:
    """ "nobody was taken to Zaporizhzhia": where people were bound is not where the
    operation was, and a failure told there is not of that town's truce."""
    if place.provenance is None:
        return False
    span = doc.char_span(place.provenance.start, place.provenance.end, alignment_mode="expand")
    if span is None:
        return False
    # up the chain of phrases to the verb: "pulled into a reception centre in Zaporizhzhia"
    for token in [span.root, *span.root.ancestors]:
        if token.pos_ in {"VERB", "AUX"} or token.lemma_.lower() in BOUND_FOR_NOUNS:
            # "denied passage to the evacuation convoy near Tokmak": the convoy is where
            # the truce's day was, not where anyone was bound
            return False
        if token.dep_ == "pobj" and token.head.lower_ in DESTINATION_WORDS:
            # "buses heading to Mariupol": where those sent in were bound is the truce's;
            # "the road into Vuhledar came under fire": the road is the town's way out
            bound = token.head.head.lemma_.lower()
            return bound not in INBOUND_WORDS and bound not in ROAD_NOUNS
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in ARRIVAL_VERBS:
            return True  # "arrived in Zaporizhzhia"
    return False


def sentence_places(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """The sentence's towns and routes; the country beside them is no place of the day."""
    titles = {t.idx for t in sent if _region_title(t)}
    places = tuple(
        p
        for p in places_in(list(sent), ctx)
        if p.resolved and (p.provenance is None or p.provenance.start not in titles)
    )
    places += _owning_towns(sent, ctx)
    # "The Donetsk military administration said the road into Vuhledar came under fire":
    # a teller's town is where the deed was only when the sentence names no other
    tellers = {t.idx for t in sent if _titled_authority(t) is not None}
    named = tuple(p for p in places if p.provenance is None or p.provenance.start not in tellers)
    places = named if any(p.kind != "country" for p in named) else places
    local = tuple(p for p in places if p.kind != "country")
    return local or places


def _region_title(town: Token) -> bool:
    """ "Luhansk governor Serhiy Haidai", "the governor of Sumy": a governor governs a
    region, so the region in the title says who speaks, not where the day's deeds were.
    A mayor's or council's town is where they speak of, and is kept."""
    authority = _titled_authority(town)
    return authority is not None and authority.lemma_.lower() in REGION_TITLES


def _titled_authority(town: Token) -> Token | None:
    """The authority a town's name titles: "Sumy's governor", "the mayor of Sumy",
    "the Donetsk military administration", "Luhansk governor Haidai"."""
    authority = _authority_named_by(town)
    if authority is None and town.i + 1 < len(town.doc):
        following = town.doc[town.i + 1]
        authority = following if following.lower_ in TOWN_AUTHORITY_NOUNS else None
    return authority


def _part_owner(town: Token) -> bool:
    return town.dep_ == "poss" and town.head.lemma_.lower() in TOWN_PART_NOUNS


def _hit(town: Token) -> bool:
    """ "Chernihiv came under heavy bombardment", "Irpin was shelled": the town attacked,
    told as the subject, which the place reader may take for a speaking body."""
    verb = town.head
    if town.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    shelled = town.dep_ == "nsubjpass" and verb.lemma_.lower() in TOWN_HOSTILITY_VERBS
    return shelled or (verb.lemma_.lower() == "come" and under_fire(verb))


def _owning_towns(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """ "stormed Sievierodonetsk's outskirts", "Chernihiv came under bombardment": a town
    named as the owner of a part attacked, or as the subject attacked, which the place
    reader leaves aside as a possessive or a speaking body."""
    return _towns(
        sent,
        ctx,
        lambda t: t.ent_type_ in {"GPE", "LOC"} and (_part_owner(t) or _hit(t)),
    )


def _towns(sent: Span, ctx: ArticleContext, named: Callable[[Token], bool]) -> tuple[Place, ...]:
    """The towns (not countries) the gazetteer finds for the tokens ``named`` picks."""
    towns: list[Place] = []
    for token in sent:
        if not named(token):
            continue
        provenance = ctx.provenance(sent.doc, token.idx, token.idx + len(token.text))
        place = ctx.gazetteer.resolve(token.text, ctx.focus_country, provenance)
        if place.resolved and place.kind != "country":
            towns.append(place)
    return tuple(towns)


def authority_towns(sent: Span, ctx: ArticleContext) -> tuple[Place, ...]:
    """ "Sumy's governor said 7,000 people were taken out of the city": with no other
    place named, the town is the one whose governor or mayor tells it. A governor's region
    is the place only when the sentence speaks of a town ("the city") it stands for."""
    back = any(t.lemma_.lower() in TOWN_NOUNS for t in sent)
    towns = _towns(
        sent,
        ctx,
        lambda t: (
            t.ent_type_ == "GPE"
            and _authority_named_by(t) is not None
            and (back or not _region_title(t))
        ),
    )
    # "Luhansk governor Haidai said ... the city": the seat his administration sits in
    return tuple(governing_seat(t, ctx) for t in towns)


def _authority_named_by(town: Token) -> Token | None:
    """The governor or council a town name belongs to: "Sumy's governor", "the Sumy
    administration", "the mayor of Sumy"."""
    head = town.head
    if town.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif town.dep_ not in {"poss", "compound", "nmod"}:
        return None
    return head if head.lemma_.lower() in TOWN_AUTHORITY_NOUNS else None
