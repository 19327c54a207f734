"""Actors a careful reader supplies from context when the text names none,
or names one without a side: the enemy of the reporting side, the state an arrest happens
in, the one country a story is about.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from saydo.domain import Actor, ActorKind, Place, PloverType
from saydo.extract.coding import (
    ARMED_SECTORS,
    GROUP_NOUNS,
    INSURGENT_SECTORS,
    located_country,
    phrase_sector,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import ARREST_VERBS, HOSTILE_TYPES
from saydo.extract.mentions import noun_phrase
from saydo.extract.outcome_sides import PARTY_VOICES, occupier_countries, other_side
from saydo.extract.statements import Attribution


def local_actor(
    actor: Actor | None, head: Token, places: tuple[Place, ...], target: Token | None = None
) -> Actor | None:
    """ "Prisoners rioted at a jail in Dili", "Islamic fundamentalists staged a strike in
    Algiers": a group the text names by no side is of the country it acts in. Not for
    attacks, which are mostly carried into another's country, nor when the place is the
    target ("mediation between the Emirates and Saudi Arabia"): that is not where the
    actor is from.
    """
    if actor is not None and actor.country is not None:
        return actor
    if head.pos_ == "PRON" or (target is not None and target.ent_type_ in PLACE_ENTITIES):
        return actor
    country = next((p.country for p in places if p.country), None)
    if country is None:
        return actor
    if actor is not None:
        return replace(actor, country=country)
    return Actor(head.text, ActorKind.GROUP, country=country, sector=phrase_sector(head))


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
GROUP_SECTORS = frozenset(GROUP_NOUNS.values())


def unsided_group(actor: Actor) -> bool:
    """ "The rebels", "police": an unnamed group whose side the phrase did not say."""
    return (
        actor.kind in {ActorKind.GROUP, ActorKind.ARMED_GROUP}
        and actor.country is None
        and actor.sector in GROUP_SECTORS
    )


def side_group(group: Actor, found: Actor | None, places: tuple[Place, ...]) -> Actor:
    """The side of an unnamed group, keeping its sector: rebels and gunmen fight at home,
    so "militants attacked a post near Kandahar" are Afghanistan's; others take the side
    the context gives the deed (the arresting state, the enemy of the one who reports)."""
    country = None
    if group.sector in INSURGENT_SECTORS:
        country = next((p.country for p in places if p.country), None)
    country = country or (found.country if found is not None else None)
    return replace(group, country=country) if country else group


def arresting_state(token: Token, ctx: ArticleContext) -> Actor | None:
    """ "was arrested in Lebanon": only the state where it happens arrests."""
    if token.lemma_.lower() not in ARREST_VERBS:
        return None
    return country_actor(located_country(token, ctx))


def actor_from_context(
    actor: Actor | None, head: Token | None, ctx: ArticleContext
) -> Actor | None:
    """ "Judge Alejandro Rivera opened investigations", "Islamic fundamentalists continued
    their hunger strike" in a story that names one country only: a reader takes the
    unplaced actor to be of that country."""
    framed = framed_actor(actor, head, ctx)
    if framed is not actor:
        return framed
    if len(ctx.dyad) != 1 or (actor is not None and actor.country is not None):
        return actor
    if actor is not None:
        return replace(actor, country=ctx.dyad[0])
    if head is None or head.pos_ == "PRON" or head.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
        return None
    kind = ActorKind.ARMED_GROUP if phrase_sector(head) in ARMED_SECTORS else ActorKind.GROUP
    return Actor(noun_phrase(head).text, kind, country=ctx.dyad[0], sector=phrase_sector(head))


# Names one side gives the other's armed men without naming their country: "nationalists
# prevented civilians from leaving", "radicals fired on the convoy". Such men are named
# where they fight, not by who speaks of them.
FRAMING_NOUNS = frozenset({"nationalist", "neo-nazi", "nazi", "neonazi", "radical"})


def framed_actor(actor: Actor | None, head: Token | None, ctx: ArticleContext) -> Actor | None:
    """ "Nationalists prevented civilians from leaving Mariupol", told by Moscow: the
    men so named are of the country of the towns the sentence names (Ukraine), not of the
    one country the story names (Russia, whose ministry speaks)."""
    if head is None or head.lemma_.lower() not in FRAMING_NOUNS:
        return actor
    if actor is not None and actor.country is not None:
        return actor
    country = _town_country(head, ctx) or _enemy_of_the_one_side(ctx)
    if country is None:
        return actor
    if actor is not None:
        return replace(actor, country=country)
    return Actor(noun_phrase(head).text, ActorKind.ARMED_GROUP, country=country, sector="MIL")


def _enemy_of_the_one_side(ctx: ArticleContext) -> str | None:
    """ "Russian MoD: 'Nationalists' did not let residents out": with no town named, the
    men so named are the enemy of the one side the story names, whose voice names them
    so; never that side itself."""
    return other_side(ctx, ctx.dyad[0]) if len(ctx.dyad) == 1 else None


def _town_country(head: Token, ctx: ArticleContext) -> str | None:
    """The country of the first town (not country) the sentence names."""
    for token in head.sent:
        if token.ent_type_ not in PLACE_ENTITIES or token.ent_id_.startswith("place:country-"):
            continue
        place = ctx.gazetteer.resolve(token.text)
        if place.resolved and place.kind != "country" and place.country:
            return place.country
    return None


def recipient_from_context(
    plover: PloverType,
    recipient: Actor | None,
    head: Token | None,
    actor: Actor | None,
    ctx: ArticleContext,
) -> Actor | None:
    """ "Sudan's government accused Darfur rebels", "Iraq said it would impose martial law
    in central Baghdad": a target the text names without a side, in a story that names
    one country only, is of that country, as for actors (:func:`actor_from_context`).

    Only for a named target and an actor of that same country: a story's one country
    says nothing of a foreign actor's target; nor, in an attack, an actor that often
    strikes abroad (:func:`_acts_at_home`).
    """
    if recipient is not None and recipient.country is not None:
        return recipient
    if len(ctx.dyad) != 1 or actor is None or actor.country != ctx.dyad[0]:
        return recipient
    if plover in HOSTILE_TYPES and not _acts_at_home(plover, actor):
        return recipient
    if plover is PloverType.SANCTION:
        return recipient  # expelling, cutting ties: done to another, never presumed home
    if head is None or head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in UNPLACED:
        return recipient
    if recipient is not None:
        return replace(recipient, country=ctx.dyad[0])
    kind = ActorKind.ARMED_GROUP if phrase_sector(head) in ARMED_SECTORS else ActorKind.GROUP
    return Actor(noun_phrase(head).text, kind, country=ctx.dyad[0], sector=phrase_sector(head))


def _acts_at_home(plover: PloverType, actor: Actor) -> bool:
    """Curfews, bans and martial law are imposed at home (CAMEO codes repression X→X), and
    governments, their police and insurgents use force at home; an army, a state as a
    whole or a group named by a demonym ("Palestinian suicide bombers", "US drones")
    often strikes abroad."""
    if actor.sector in HOME_FORCES:
        return True
    return plover is PloverType.COERCE and actor.kind is ActorKind.STATE


# Who uses force at home: governments, their police, insurgents.
HOME_FORCES = frozenset({"GOV", "COP", "REB"})
# Entities that name no one: a date, a sum, a count.
UNPLACED = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def country_actor(country: str | None) -> Actor | None:
    if country is None:
        return None
    return Actor(country, ActorKind.STATE, country=country, sector="GOV")


def implicit_actor(
    plover: PloverType,
    recipient: Actor | None,
    places: tuple[Place, ...],
    reporter: Actor | None,
    ctx: ArticleContext,
) -> Actor | None:
    """ "Mariupol is blocked", said by Ukraine's president: the blockade is the enemy's."""
    if plover not in HOSTILE_TYPES:
        return None
    victim = (
        (recipient.country if recipient else None)
        or next((p.country for p in places if p.country), None)
        or (reporter.country if reporter else None)
    )
    return country_actor(ctx.adversary_of(victim))


# Entities by which a speaker's own words name whose voice it is.
SIDE_NAMING_ENTITIES = frozenset({"NORP", "GPE", "LOC"})
# Words that place a voice outside the war's two sides, which the tagger may not name.
OUTSIDE_WORDS = frozenset({"western", "international", "independent", "european", "allied"})


def party_voice(
    doc: Doc, source: Attribution | None, actor: Actor, ctx: ArticleContext
) -> Actor | None:
    """ "..., the ministry said", "officials said" with no side named: a ministry or
    officials telling of a deed by one side speak for the other, as no third party's
    ministry would; a named third party (the UN, the Red Cross) has its side already."""
    if source is None or source.speaker_span is None or actor.country is None:
        return None
    mention = doc.char_span(*source.speaker_span, alignment_mode="expand")
    if mention is None or mention.root.lemma_.lower() not in PARTY_VOICES:
        return None
    if any(t.ent_type_ in SIDE_NAMING_ENTITIES or t.lower_ in OUTSIDE_WORDS for t in mention):
        return None  # "Western officials", "US officials": a side is named, not the other's
    side = other_side(ctx, actor.country)
    if side is None:
        return None
    return Actor(mention.text, ActorKind.ORGANISATION, country=side, sector="GOV")


# Words by which a group is named as breaking away from the state it fights in.
BREAKAWAY_WORDS = frozenset({"separatist", "separatists", "secessionist", "secessionists"})
BREAKAWAY_WORDS |= frozenset({"breakaway", "self-proclaimed"})


def breakaway_side(actor: Actor | None, ctx: ArticleContext) -> Actor | None:
    """ "The Luhansk separatist 'people's militia' denied firing": separatists fighting
    a state the actor dictionary says one power occupies fight on that power's side; the
    town in their name says where they are, not whose side they are on."""
    if actor is None or actor.country is None:
        return actor
    words = {w.strip("'\"").lower() for w in actor.name.split()}
    if not words & BREAKAWAY_WORDS:
        return actor
    occupiers = occupier_countries(ctx.actors)
    if len(occupiers) != 1 or actor.country in occupiers:
        return actor
    return replace(actor, country=next(iter(occupiers)))
