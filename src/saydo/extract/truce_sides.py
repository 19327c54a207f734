"""The warring sides an announced truce binds.

The announcer's side ("the Russian Defence Ministry said"), both sides when it is agreed
between them or brokered by a go-between ("the ICRC said its team would try again"), and
the side a described official speaks for ("the Russian-installed head of the region").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from saydo.domain import (
    Actor,
    ActorKind,
)
from saydo.extract.context import ArticleContext
from saydo.extract.mentions import FIRST_PERSON, GROUP_SECTORS, Salience, resolve_head
from saydo.extract.outcome_sides import occupier_countries
from saydo.extract.places import places_in
from saydo.extract.statements import Attribution
from saydo.extract.truce_announcing import (
    announcer,
    demanded,
    governing_verb,
    names_a_truce,
)
from saydo.extract.truce_grammar import (
    agreeing,
    clause_chain,
    is_agreement,
    is_refused,
    subject_up,
    teller,
)
from saydo.extract.truce_titles import (
    AUTHORITY_NOUNS,
    of_a_town,
    person_name,
    titles_of,
    town_country,
)
from saydo.extract.truce_words import (
    AGREEMENT_NOUNS,
    BOTH_SIDES_NOUNS,
    BROKERING_VERBS,
    CONSENT_NOUNS,
    COORDINATION_NOUNS,
    INSTALLED_WORDS,
    LOCAL_WORDS,
    MOUTHPIECE_NOUNS,
    OCCUPIER_WORDS,
    THIRD_PARTIES,
    TOWN_HEADS,
    TRUCE_NOUNS,
)


def binding_sides(
    noun: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> tuple[list[Actor], Token | None]:
    """The sides an announced truce binds, and the words that name its announcer."""
    announced, owner = announcer(noun)
    if not announced:
        return [], None
    return announced_sides(noun, owner, ctx, salience, speaker)


def announced_sides(
    noun: Token,
    owner: Token | None,
    ctx: ArticleContext,
    salience: Salience,
    speaker: Actor | None,
) -> tuple[list[Actor], Token | None]:
    """The sides a truce binds, told at ``noun`` by the words ``owner`` (None when the
    sentence names no announcer) or by ``speaker``; and the words of the announcer."""
    owner = _represented(owner)
    if (owner is not None and _names_both_sides(owner)) or settled_with(noun) is not None:
        return both_sides(ctx, speaker), owner
    if _agreed_just_before(noun):
        return both_sides(ctx, speaker), owner
    if _brokered(noun):
        return both_sides(ctx, None), owner
    if owner is not None and not _first_person(owner):
        sides = _sides(owner, ctx, salience) or _described_side(owner, ctx)
        if not sides and speaker is not None and speaker.country:
            # "..., Ukraine's deputy prime minister said": the title resolves to no one,
            # the quote's attribution to a side.
            sides = _speaker_sides(ctx, speaker)
        if not sides:
            # "The Red Cross is preparing to evacuate civilians, a spokesman said": whoever
            # is to carry out the evacuation, when the one who tells it names no side.
            sides = _operator_sides(noun, ctx, salience)
        if sides and all(side.country in THIRD_PARTIES for side in sides):
            # "the ICRC said its team would try again": a go-between's corridor binds the sides
            sides = both_sides(ctx, None)
        if sides or not (owner.pos_ == "PRON" or _possessed_by_pronoun(owner)):
            return sides, owner
    if owner is None and _agreed_by_nobody_named(noun):
        return both_sides(ctx, speaker), None
    # "we agreed on a corridor", "nine corridors will open": the one who says so.
    return (_speaker_sides(ctx, speaker) if speaker is not None else []), owner


def header_speaker(header: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """The side a bulletin's header names ("Russian MoD:", "Luhansk military
    administration:"): its speaker, whoever the quote below is otherwise put to."""
    sides = _sides(header, ctx, salience) or _described_side(header, ctx)
    return sides[0] if len(sides) == 1 else None


def _operator_sides(noun: Token, ctx: ArticleContext, salience: Salience) -> list[Actor]:
    """The sides bound by an evacuation told by who carries it out: its operator's, or
    both when the operator is a go-between."""
    if noun.pos_ != "VERB":
        return []
    operator = subject_up(noun, noun)
    if operator is None or operator.pos_ == "PRON":
        return []
    sides = _sides(operator, ctx, salience)
    if sides and all(side.country in THIRD_PARTIES for side in sides):
        return both_sides(ctx, None)
    return sides


def _speaker_sides(ctx: ArticleContext, speaker: Actor) -> list[Actor]:
    """The side a speaker's own announcement binds; "the Red Cross said its team would try
    again to bring civilians out": a go-between announces a corridor whose fire the two
    sides hold, not one it holds itself."""
    if speaker.country in THIRD_PARTIES:
        return both_sides(ctx, None)
    return [speaker] if speaker.country else []


def _agreed_just_before(noun: Token) -> bool:
    """ "We have an agreement. From 8 a.m. there will be silence": the sentence before
    says the sides agreed, and names no truce of its own, so this one is what they agreed."""
    sent = noun.sent
    if sent.start == 0:
        return False
    before = noun.doc[sent.start - 1].sent
    if any(names_a_truce(t) for t in before):
        return False
    root = before.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    holds = root.lemma_.lower() == "have" and any(
        c.dep_ == "dobj" and is_agreement(c) for c in root.children
    )
    return holds or agreeing(root)


def _brokered(noun: Token) -> bool:
    """ "The Red Cross said it had brokered a pause": a third party settled it."""
    verb = governing_verb(noun) if noun.pos_ != "VERB" else None
    return verb is not None and verb.lemma_.lower() in BROKERING_VERBS


def settled_with(noun: Token) -> Token | None:
    """ "a corridor had been agreed with the Russian side", "an operation would begin with
    the agreement of Moscow and Kyiv": settled between two sides, so it binds both. The
    "with" that says so; its sides are no places of the truce."""
    verb = governing_verb(noun)
    clauses = clause_chain(verb) if verb is not None else []
    if noun.pos_ == "VERB":
        # "children will be taken to Kyiv along a corridor agreed with Russian forces"
        clauses += [t for t in noun.subtree if t.dep_ == "acl" and t.head.lower_ in TRUCE_NOUNS]
    # "an operation is under way, carried out in coordination with both sides"
    clauses += [c for v in clauses for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
    for clause in clauses:
        coordinated = _coordinated_with_sides(clause)
        if coordinated is not None:
            return coordinated
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "with"):
            for other in (c for c in prep.children if c.dep_ == "pobj"):
                if other.lemma_.lower() in AGREEMENT_NOUNS | CONSENT_NOUNS:
                    return prep
                if agreeing(clause) and (other.pos_ == "PROPN" or _side_noun(other)):
                    return prep
    return None


def _coordinated_with_sides(clause: Token) -> Token | None:
    """ "in coordination with the Russian and Ukrainian sides", "in cooperation with
    Moscow and Kyiv": done with the sides named, so it binds them. The "with"."""
    for prep in (c for c in clause.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() not in COORDINATION_NOUNS:
                continue
            for with_ in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
                if any(_side_noun(t) or t.ent_type_ == "GPE" for t in with_.subtree):
                    return with_
    return None


def _side_noun(token: Token) -> bool:
    """ "the Russian side", "the parties", "Russian forces": a side named by its role or by
    the people it belongs to."""
    named = any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in token.children
    )
    return token.lemma_.lower() in BOTH_SIDES_NOUNS or named


def _represented(owner: Token | None) -> Token | None:
    """ "a spokesman for the occupation authorities": the body spoken for."""
    if owner is None or owner.lemma_.lower() not in MOUTHPIECE_NOUNS:
        return owner
    for prep in owner.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None:
                return body
    return owner


def speaker_of(noun: Token, attributions: Sequence[Attribution]) -> Actor | None:
    """The speaker of the innermost quote the truce is named in."""
    inside = [
        a
        for a in attributions
        if a.content_start <= noun.idx < a.content_end and a.statement.speaker is not None
    ]
    if not inside:
        return None
    return min(inside, key=lambda a: a.content_end - a.content_start).statement.speaker


def _first_person(owner: Token) -> bool:
    """ "we", "our military", "my government": the speaker's own side."""
    return owner.lower_ in FIRST_PERSON or any(
        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in owner.children
    )


def _possessed_by_pronoun(owner: Token) -> bool:
    """ "its forces would hold fire": the forces of whoever says so."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in owner.children)


def _names_both_sides(owner: Token) -> bool:
    """ "the parties", "both sides", "the two delegations" agreed: each is bound."""
    return owner.lemma_.lower() in BOTH_SIDES_NOUNS and owner.tag_ == "NNS"


def both_sides(ctx: ArticleContext, speaker: Actor | None) -> list[Actor]:
    """The speaker's side and its adversary; without a speaker who is one of the two
    (none, or the Red Cross telling of the sides' deal), the article's two sides."""
    sides = _dyad(ctx)
    own = speaker.country if speaker is not None else None
    if speaker is None or own not in {side.country for side in sides}:
        return sides
    return [speaker, *(side for side in sides if side.country != own)]


def _agreed_by_nobody_named(noun: Token) -> bool:
    """ "Ten humanitarian corridors have been agreed": agreed, so by both sides."""
    verb = governing_verb(noun)
    return (
        verb is not None
        and any(agreeing(v) for v in clause_chain(verb))
        and not is_refused(verb)
        and not demanded(verb)
        and subject_up(verb, noun) is None
        and teller(verb) is None
    )


def _dyad(ctx: ArticleContext) -> list[Actor]:
    """The article's two sides; short of two named, the country its places lie in and
    the side occupying it."""
    countries = list(ctx.dyad[:2])
    for country in (ctx.focus_country, _invader(ctx)):
        if len(countries) < 2 and country is not None and country not in countries:
            countries.append(country)
    return [Actor(c, ActorKind.STATE, country=c, sector="GOV") for c in countries]


def _invader(ctx: ArticleContext) -> str | None:
    """The side at war in the country the article's places lie in: the other side of
    its dyad, else the one side the actor dictionary calls occupiers or invaders."""
    focus = ctx.focus_country
    if focus is None:
        return None
    named = ctx.adversary_of(focus)
    if named is not None:
        return named
    occupiers = occupier_countries(ctx.actors) - {focus}
    return next(iter(occupiers)) if len(occupiers) == 1 else None


def _home_country(sentence: Span, ctx: ArticleContext) -> str | None:
    """The country the sentence's towns lie in, when the article gave none."""
    towns = Counter(p.country for p in places_in(list(sentence), ctx) if p.resolved and p.country)
    return towns.most_common(1)[0][0] if towns else None


def _described_side(owner: Token, ctx: ArticleContext) -> list[Actor]:
    """ "the occupation forces": the invading side; "the regional military
    administration": the state whose towns it runs (the article's places); "Sumy governor
    Dmytro Zhyvytskyi", "the town's mayor Dmytro Orlov": a person the dictionary does not
    know speaks for the side his title does."""
    if owner.pos_ == "PROPN" and owner.lemma_.lower() not in AUTHORITY_NOUNS:
        # "the City Council" may be tagged a name; its noun still tells whose it is
        for title in titles_of(owner):
            sides = _described_side(title, ctx)
            if sides:
                return [replace(sides[0], name=person_name(owner), kind=ActorKind.PERSON)]
        return []
    modifiers = [c for c in owner.children if c.dep_ in {"amod", "compound", "nmod"}]
    words = {w for t in [owner, *modifiers] for w in (t.lemma_.lower(), t.lower_)}
    country: str | None = None
    if words & OCCUPIER_WORDS or _installed(modifiers):
        country = _invader(ctx)
    elif owner.lemma_.lower() in AUTHORITY_NOUNS and (
        words & LOCAL_WORDS or of_a_town(owner) or owner.lemma_.lower() in TOWN_HEADS
    ):
        country = town_country(owner, ctx) or ctx.focus_country or _home_country(owner.sent, ctx)
    if country is None:
        return []
    name = " ".join(t.text for t in sorted([owner, *modifiers], key=lambda t: t.i))
    military = GROUP_SECTORS.get(owner.lemma_.lower()) == "MIL"
    kind = ActorKind.ARMED_GROUP if military else ActorKind.ORGANISATION
    return [Actor(name, kind, country=country, sector="MIL" if military else "GOV")]


def _installed(modifiers: Sequence[Token]) -> bool:
    """ "Russian-installed authorities", "Moscow-appointed officials": put in place by a
    side from outside, so they speak for the occupying side, not for their town."""
    return any(
        m.lemma_.lower() in INSTALLED_WORDS and any(c.dep_ == "npadvmod" for c in m.children)
        for m in modifiers
    )


def _sides(owner: Token, ctx: ArticleContext, salience: Salience) -> list[Actor]:
    """One actor per side that announces: "Kyiv and Moscow agreed a truce" binds both."""
    sides: dict[str, Actor] = {}
    for head in [owner, *(c for c in owner.conjuncts if c.i > owner.i)]:
        actor = resolve_head(head, ctx, salience) or _side_named(head, ctx, salience)
        if actor is not None and actor.country is None:
            actor = _affiliated(actor, head, ctx, salience)
        if actor is not None and actor.country is not None:
            sides.setdefault(actor.country, actor)
    # "Russian and Ukrainian officials agreed": the second nationality is a side too
    for adjective in _joined_nationalities(owner):
        actor = resolve_head(adjective, ctx, salience)
        if sides and actor is not None and actor.country is not None:
            sides.setdefault(actor.country, actor)
    return list(sides.values())


def _side_named(head: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """ "the Russian side", "the Ukrainian delegation": a side named by its nationality."""
    if head.lemma_.lower() not in BOTH_SIDES_NOUNS or head.tag_ == "NNS":
        return None
    named = [c for c in head.children if c.dep_ in {"amod", "compound"}]
    for token in named:
        if token.ent_type_ in {"NORP", "GPE"}:
            actor = resolve_head(token, ctx, salience)
            if actor is not None and actor.country is not None:
                return actor
    return None


def _joined_nationalities(owner: Token) -> list[Token]:
    """ "Russian and Ukrainian" before a noun: the adjectives joined to its first one."""
    return [
        conj
        for child in owner.children
        if child.dep_ == "amod"
        for conj in child.conjuncts
        if conj.i > child.i and conj.dep_ == "conj"
    ]


def _affiliated(actor: Actor, head: Token, ctx: ArticleContext, salience: Salience) -> Actor:
    """ "Mikhail Mizintsev, head of Russia's National Defence Control Centre": a person the
    dictionary does not know speaks for the country of the body his title names."""
    for role in (c for c in head.children if c.dep_ == "appos"):
        for token in role.subtree:
            if token.i == role.i or token.pos_ != "PROPN":
                continue
            body = resolve_head(token, ctx, salience)
            if body is not None and body.country is not None:
                return replace(actor, country=body.country)
    return actor
