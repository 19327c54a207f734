"""Whom and where an event is done to: the objects of the trigger with their places
(one event per target with a place of its own), and the recipient each codes to.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from saydo.domain import Actor, Place, PloverType
from saydo.extract.clause import INFINITIVE_TO, RELATIVE_PRONOUNS, STATIVE_PASSIVES, has_aux
from saydo.extract.coding import code_actor
from saydo.extract.context import ArticleContext
from saydo.extract.implied_actors import country_actor
from saydo.extract.lexicon import HOSTILE_TYPES, SYMMETRIC_TYPES
from saydo.extract.mentions import Salience, resolve_head
from saydo.extract.places import headline_target, places_in

# Prepositions whose object is the other party: "talks with", "aid to", "war against".
COUNTERPART_PREPS = frozenset(
    {"with", "to", "against", "from", "into", "between", "toward", "towards"}
)


NOUN_TARGET_PREPS = frozenset({"of", "on", "against", "with", "between", "to", "into"})


def find_recipient(
    plover: PloverType,
    token: Token | None,
    places: tuple[Place, ...],
    actor: Actor | None,
    ctx: ArticleContext,
    salience: Salience,
) -> Actor | None:
    if token is not None:
        named = code_actor(resolve_head(token, ctx, salience), token, ctx)
        # A government's dealings with its own people are events ("Sudan lifted the
        # curfew in Sudan"); in combat, an own-side object is one's own unit, not a target.
        domestic = actor is not None and named is not None and named.country == actor.country
        if (
            named is not None
            and named.country is not None
            and not (domestic and plover in HOSTILE_TYPES)
        ):
            return named
        for child in token.subtree:
            country = ctx.actors.country_of_demonym(child.text)
            if country and (actor is None or country != actor.country):
                return country_actor(country)
        beside = _counterpart(token, ctx, salience)
        if beside is not None:
            return beside
    if plover in SYMMETRIC_TYPES:
        return None  # talks in Istanbul are not talks with Turkey
    hostile = plover in HOSTILE_TYPES
    for place in places:
        # Lifting a curfew in one's own province is done to one's own people; shelling
        # one's own town is the enemy's doing, told from the other side.
        if place.country and not (hostile and actor is not None and place.country == actor.country):
            return country_actor(place.country)
    return None


def _counterpart(obj: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """ "reduced food supplies to a Cambodian refugee camp", "prohibit all aid to Albanian
    rebels": when the direct object is the thing given or withheld, the party is the
    object of a counterpart preposition on it or on its verb."""
    for party in _parties_beside(obj):
        named = code_actor(resolve_head(party, ctx, salience), party, ctx)
        if named is not None and named.country is not None:
            return named
    return None


def _parties_beside(obj: Token) -> list[Token]:
    """The other party named beside a direct object: a counterpart preposition on it or
    its verb, "in defiance of X", or the purpose the verb serves ("blocked a road to show
    their disapproval of the United States' policies")."""
    heads = [obj, obj.head] if obj.dep_ == "dobj" else [obj]
    found: list[Token] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ in {"prep", "dative"} and prep.lower_ in COUNTERPART_PREPS:
                found.extend(
                    c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}
                )
            elif prep.dep_ == "prep" and prep.lower_ == "in":
                found.extend(_in_protest_of(prep))
    if obj.dep_ == "dobj":
        found.extend(_complement_objects(obj.head, purpose=True))
    return found


def target_groups(
    token: Token, ctx: ArticleContext
) -> list[tuple[Token | None, tuple[Place, ...]]]:
    """Targets with their places: one event per target that has a place of its own.

    "hit a headquarters in the Mykolaiv region along with depots in the Donetsk region"
    is two strikes in two regions; "struck areas around Kyiv and Chernihiv" is one.
    """
    head = token.head if token.dep_ == "amod" and token.pos_ == "VERB" else token
    objects = _objects(token) if head is token else [head]
    verb_places = places_in(_own_tokens(token, exclude=objects), ctx)
    groups: list[tuple[Token | None, tuple[Place, ...]]] = []
    for obj in objects:
        groups.append((obj, places_in(list(obj.subtree), ctx)))
    if not groups:
        return [(None, verb_places)] if verb_places else []
    first_obj, first_places = groups[0]
    groups[0] = (first_obj, _dedupe(first_places + verb_places))
    with_places = [g for g in groups if g[1]]
    if len(with_places) <= 1:
        merged = _dedupe(tuple(p for _, ps in groups for p in ps))
        return [(groups[0][0], merged)]
    return with_places


def _objects(token: Token) -> list[Token]:
    objects: list[Token] = []
    # "Israel is opposed to French mediation": the subject holds the attitude.
    stative = token.lemma_.lower() in STATIVE_PASSIVES
    for child in token.children:
        if child.dep_ == "nsubj" and headline_target(child):
            objects.append(child)
        if child.dep_ in {"dobj", "nsubjpass"} and child.lower_ in RELATIVE_PRONOUNS:
            if token.dep_ == "relcl":
                objects.append(token.head)  # "the Crimean Peninsula, which Russia annexed"
        elif child.dep_ == "dobj" or (child.dep_ == "nsubjpass" and not stative):
            objects.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"along", "as", "on", "against"}:
            objects.extend(
                t
                for t in child.subtree
                if t.dep_ == "pobj"
                and t.head.dep_ == "prep"
                and t.pos_ in {"NOUN", "PROPN"}
                and t.head.head.i in {child.i, token.i}
            )
    if token.pos_ in {"NOUN", "PROPN"}:
        # "a mediation mission between Syria and the PLO": the phrase the trigger
        # modifies carries its arguments.
        nouns = [token, token.head] if token.dep_ == "compound" else [token]
        for noun in nouns:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
                    objects.extend(c for c in child.children if c.dep_ == "pobj")
    # A date is no target ("demanded on Tuesday that ...").
    objects = [o for o in objects if o.ent_type_ not in {"DATE", "TIME"}]
    if not objects:
        objects = _oblique_objects(token)
    if not objects and token.pos_ == "VERB":
        objects = _complement_objects(token)
    # The direct object first: "rejected on Friday an ultimatum".
    return sorted(objects, key=lambda o: o.dep_ not in {"dobj", "nsubjpass"})


def _oblique_objects(token: Token) -> list[Token]:
    """ "met with Obama", "gave Ivory Coast aid", "lodged a protest with Albania".

    Without a direct object the other party is the indirect object or the object of a
    preposition that names a counterpart; a nominal trigger of a light verb also takes
    the verb's.
    """
    heads = [token]
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "attr"}:
        heads.append(token.head)
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "dative" and child.pos_ in {"NOUN", "PROPN"}:
                found.append(child)
            elif child.dep_ in {"prep", "dative"} and child.lower_ in COUNTERPART_PREPS:
                found.extend(
                    c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}
                )
            elif child.dep_ == "prep" and child.lower_ == "in":
                found.extend(_in_protest_of(child))
    if not found and len(heads) > 1:
        # "staged a hunger strike to protest Sweden's decision": the purpose names it.
        found = _complement_objects(heads[1], purpose=True)
    return found


# "in protest against", "in defiance of", "in response to": whom an act answers.
GRIEVANCE_NOUNS = frozenset({"protest", "defiance", "response", "retaliation", "solidarity"})


def _in_protest_of(prep: Token) -> list[Token]:
    """ "in protest against the arrests": whom the protest is against."""
    return [
        target
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in GRIEVANCE_NOUNS
        for inner in pobj.children
        if inner.dep_ == "prep" and inner.lower_ in {"of", "against", "at", "to", "for", "with"}
        for target in inner.children
        if target.dep_ == "pobj"
    ]


# Entities that name a party: "to protest President Assad's failure".
PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _complement_objects(token: Token, purpose: bool = False) -> list[Token]:
    """ "demanded that the US cancel ...": the one asked is the complement's subject;
    "agreed to provide aid for Romania", "refused to deploy peacekeepers in Iraq": the
    other party is the one the complement's act is done to.
    """
    for child in token.children:
        if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                return [subject]
        complement = child.dep_ == "xcomp" or (purpose and _purpose_clause(child))
        if complement and child.pos_ == "VERB":
            inner = [
                o
                for o in _objects(child) + _oblique_objects(child)
                if o.ent_type_ in PARTY_ENTITIES
                or any(t.ent_type_ in PARTY_ENTITIES for t in o.subtree)
            ]
            if inner:
                return inner[:1]
    return []


def _purpose_clause(clause: Token) -> bool:
    """ "to protest ...", "in order to show ...": an infinitive adverbial clause, not one
    that tells what else happened ("as authorities cracked down on ...")."""
    return clause.dep_ == "advcl" and has_aux(clause, INFINITIVE_TO)


def _own_tokens(token: Token, exclude: Iterable[Token]) -> list[Token]:
    excluded = {t.i for obj in exclude for t in obj.subtree}
    return [t for t in token.subtree if t.i not in excluded and not _in_other_clause(t, token)]


def _in_other_clause(token: Token, trigger: Token) -> bool:
    current = token
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ in {"ccomp", "advcl", "relcl", "conj"} and current.pos_ in {"VERB", "AUX"}:
            return True
        current = current.head
    return False


def _dedupe(places: tuple[Place, ...]) -> tuple[Place, ...]:
    seen: set[tuple[str, str | None]] = set()
    unique: list[Place] = []
    for place in places:
        key = (place.name, place.country)
        if key not in seen:
            seen.add(key)
            unique.append(place)
    return tuple(unique)


# Modifiers that make a party many unnamed others: "many foreign leaders".
GENERIC_MODIFIERS = frozenset({"foreign", "other", "many", "several", "various", "numerous"})


def is_generic_party(token: Token | None) -> bool:
    """ "negotiations with many foreign leaders": no one side, and not the enemy."""
    if token is None or token.pos_ != "NOUN":
        return False
    return any(c.dep_ in {"amod", "det"} and c.lower_ in GENERIC_MODIFIERS for c in token.children)


# Clauses that place a deed beside another one: "caught fire after an air strike".
SEQUENCE_MARKERS = frozenset({"after", "before", "following"})

Targets = list[tuple[Token | None, tuple[Place, ...]]]


def with_host_places(targets: Targets, token: Token, ctx: ArticleContext) -> Targets:
    """ "A depot in Belgorod caught fire after what the governor said was an air strike":
    a deed told in a clause of sequence, with no place of its own, happened where the
    deed of the clause it hangs from did."""
    if any(places for _, places in targets):
        return targets
    host = _host_clause(token)
    if host is None:
        return targets
    places = _dedupe(places_in(_own_tokens(host, exclude=()), ctx))
    if not places:
        return targets
    if not targets:
        return [(None, places)]
    return [(targets[0][0], places), *targets[1:]]


def _host_clause(token: Token) -> Token | None:
    """The verb a clause of sequence holding the trigger hangs from."""
    clause = token.head if token.dep_ == "attr" else token  # "what ... said was a strike"
    if token.dep_ == "pobj" and token.head.lower_ in SEQUENCE_MARKERS:
        host = token.head.head
    elif clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKERS for c in clause.children
    ):
        host = clause.head
    else:
        return None
    return host if host.pos_ in {"VERB", "AUX"} and host.i != token.i else None
