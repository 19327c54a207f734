"""The two sides of a report's war, when the report names only one of them.

A charge laid by an unnamed ministry, or a breach told by unnamed officials, is one
side's account against the other: which side speaks follows from whom it blames.
"""

from __future__ import annotations

from functools import cache

from saydo.extract.context import ArticleContext
from saydo.resolve.actors import ActorDictionary

# Words by which the actor dictionary describes an occupying force: "Russian occupiers".
OCCUPYING_WORDS = frozenset({"occupier", "invader", "occupant"})
# Speakers that are a party's own voice, never a third party's: "the ministry said",
# "officials said", "the military said".
PARTY_VOICES = frozenset(
    {"ministry", "official", "authority", "government", "military", "army", "command"}
    | {"headquarters", "spokesman", "spokesperson", "spokeswoman", "administration"}
)


def other_side(ctx: ArticleContext, country: str | None) -> str | None:
    """The other side of the article's war: of its dyad when it names two, else, when it
    names one, the side the actor dictionary calls occupiers facing the country the
    article is about (or that country facing them)."""
    named = ctx.adversary_of(country)
    if named is not None or country is None:
        return named
    occupiers = occupier_countries(ctx.actors)
    if country not in occupiers:
        return next(iter(occupiers)) if len(occupiers) == 1 else None
    focus = ctx.focus_country
    return focus if focus is not None and focus != country else None


@cache
def occupier_countries(actors: ActorDictionary) -> frozenset[str]:
    """Countries whose forces the dictionary describes as occupiers or invaders."""
    return frozenset(
        record.actor.country
        for record in actors.records()
        if record.actor.country is not None
        and any(
            word.lower().rstrip("s") in OCCUPYING_WORDS
            for descriptor in record.descriptors
            for word in descriptor.split()
        )
    )
