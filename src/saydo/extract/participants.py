"""The actor of an event: the token that names who acts (subject, agent,
possessor, demonym) and the Actor it codes to, with the fallbacks a careful reader uses
when the trigger has no subject of its own.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from saydo.domain import Actor, ActorKind, Place
from saydo.extract.clause import (
    RELATIVE_PRONOUNS,
    STATIVE_PASSIVES,
    clause_subjects,
    is_anaphoric,
)
from saydo.extract.coding import (
    code_actor,
    controller,
    ethnic_group_country,
    located_country,
    partisan_named,
    phrase_country,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import (
    CUE_NOUNS,
    CUE_VERBS,
    NON_AGENT_NOUNS,
    NOUN_TRIGGERS,
    OWN_SIDE_NOUNS,
    WITNESS_VERBS,
)
from saydo.extract.mentions import FIRST_PERSON, Salience, noun_phrase, resolve_head
from saydo.extract.places import headline_target
from saydo.extract.triggers import is_hostile_trigger

# Nominal events whose participants, unnamed, are the clause's subject.
CLAUSE_INHERITING_NOUNS = frozenset({"talk", "negotiation", "meeting", "summit"})


def find_actor(
    token: Token, ctx: ArticleContext, salience: Salience, reporter: Actor | None
) -> tuple[Token | None, Actor | None]:
    """The trigger's actor and the token naming it.

    Its own subject, agent or possessor first; when that is missing or a pronoun no one
    can be found for ("their first meeting", "its invasion"), the one who controls the
    trigger, the subject of the clause that governs it, or the speaker who reports it.
    """
    first = _actor_token(token)
    actor = code_actor(_actor(token, first, ctx, salience, reporter), first, ctx)
    if actor is not None or (first is not None and first.pos_ != "PRON"):
        return first, actor
    finders = (controller, _governing_subject, _owner_subject, _party_to, _cue_subject)
    named = first
    for finder in finders:
        candidate = finder(token)
        if candidate is None or (first is not None and candidate.i == first.i):
            continue
        found = code_actor(_actor(token, candidate, ctx, salience, reporter), candidate, ctx)
        if found is not None:
            return candidate, found
        if candidate.pos_ != "PRON" and (named is None or named.pos_ == "PRON"):
            named = candidate
    return named, None


def non_agent_subject(token: Token) -> bool:
    """ "The lack of exports will hit many nations", "a treaty which will give it allies":
    the subject is a state of affairs or a document, and no one does the deed."""
    if token.pos_ != "VERB":
        return False
    subject = next((c for c in clause_subjects(token) if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
        subject = token.head  # the noun the relative clause describes
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in NON_AGENT_NOUNS


# Predicates whose subject is the doer of the act they take: "engaged in ethnic
# cleansing", "guilty of violating the ceasefire", "responsible for the attack".
PARTY_HEADS = frozenset({"engage", "involve", "guilty", "responsible", "behind", "complicit"})


def _party_to(token: Token) -> Token | None:
    if token.dep_ not in {"pobj", "pcomp"}:
        return None
    head = token.head.head
    if head.lemma_.lower() not in PARTY_HEADS:
        return None
    clause = head.head if head.dep_ in {"acomp", "amod"} else head
    for verb in (head, clause):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
    return None


def _owner_subject(token: Token) -> Token | None:
    """ "Israel mounted its invasion": an event its doer's pronoun owns is the doer's."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return None
    head = token.head
    if token.dep_ not in {"dobj", "attr"} or head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject


def _cue_subject(token: Token) -> Token | None:
    """ "The union announced that it has called off the strike", "leaders announced
    that they are willing to forgive": the pronoun is the speaker."""
    clause = token
    for _ in range(3):
        if clause.dep_ not in {"xcomp", "acomp"} or clause.head.i == clause.i:
            break
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PRON" or subject.lower_ in FIRST_PERSON:
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in CUE_VERBS:
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    if subject.lower_ in THIRD_PLURAL and (speaker.ent_type_ == "PERSON" or _in_quotes(subject)):
        return None  # a person, or anyone quoted, calls their own side "we"
    return speaker


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _in_quotes(token: Token) -> bool:
    marks = sum(1 for t in token.sent if t.i < token.i and t.text in QUOTE_MARKS)
    return marks % 2 == 1


def _actor_token(token: Token) -> Token | None:
    """The token naming who acts: subject, passive agent, possessor or demonym."""
    if token.pos_ == "VERB":
        for child in token.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        subjects = clause_subjects(token)
        if token.lemma_.lower() in STATIVE_PASSIVES:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                return subjects[0]  # "Israel is opposed to French mediation"
        active = [s for s in subjects if s.dep_ == "nsubj"]
        if active and headline_target(active[0]):
            return None  # "Chernihiv shelled through the night": the town is the target
        if active:
            return _through_nominal(active[0])
        if subjects:  # passive without agent: the subject is the target
            return None
        return _inherited_subject(token)
    for child in token.children:
        if child.dep_ == "poss":
            return child
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in {
            "NORP",
            "GPE",
            "ORG",
            "PERSON",
        }:
            return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return _clause_subject(token)


def _governing_subject(token: Token) -> Token | None:
    """ "Turkey will allow refugees to return", "Iraq held talks": with no subject of its
    own, a trigger's deed belongs to the subject of the nearest clause that governs it.

    Not across a relative clause (its subject is another deed's) nor for a passive
    trigger (its subject is the target).
    """
    if token.pos_ in {"NOUN", "PROPN"} and is_hostile_trigger(token):
        return None  # "Kyiv condemned the shelling": the subject is its victim or witness
    if is_anaphoric(token) or any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        return None  # "the invasion" someone resists was told before, by its doer
    previous = token
    for ancestor in token.ancestors:
        if previous.dep_ in {"relcl", "acl", "appos"} and not _voiced_in(previous, ancestor):
            return None
        if ancestor.pos_ in {"VERB", "AUX"}:
            if ancestor.lemma_.lower() in WITNESS_VERBS:
                return None  # "local officials reported shelling": they report, not shell
            deps = {"nsubj", "nsubjpass"} if ancestor.lemma_ in STATIVE_PASSIVES else {"nsubj"}
            subject = next((c for c in ancestor.children if c.dep_ in deps), None)
            if subject is not None:
                return None if subject.lower_ in RELATIVE_PRONOUNS else subject
            if any(c.dep_ == "nsubjpass" for c in ancestor.children):
                return None
        previous = ancestor
    return None


# Documents that voice their issuer's act: "issued a declaration demanding that ...".
STATEMENT_NOUNS = CUE_NOUNS | frozenset({"declaration", "letter", "resolution", "communique"})


def _voiced_in(clause: Token, noun: Token) -> bool:
    return clause.dep_ == "acl" and noun.lemma_.lower() in STATEMENT_NOUNS


def _clause_subject(noun: Token) -> Token | None:
    """ "After talks in Istanbul, Russia said ...": who took part is the clause's subject."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in CLAUSE_INHERITING_NOUNS:
        return None
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _through_nominal(subject: Token) -> Token:
    """ "Russian shelling hit ...": the actor is the shelling's demonym, not "shelling"."""
    if subject.lemma_.lower() in NOUN_TRIGGERS:
        for child in subject.children:
            if child.dep_ in {"amod", "poss", "compound", "nsubj"} and (
                child.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} or child.pos_ == "PRON"
            ):
                return child
    return subject


# Verbs whose object is the means, not a doer: "police used tear gas to disperse".
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "deploy"})


def _inherited_subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(3):
        if current.dep_ == "xcomp" and current.head.lemma_.lower() not in INSTRUMENT_VERBS:
            objects = [c for c in current.head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        if current.dep_ in {"acl", "xcomp"} and current.head.pos_ == "NOUN":
            # "Russia's pledge to scale back": the owner of the pledge acts.
            owner = [c for c in current.head.children if c.dep_ == "poss"]
            if owner:
                return owner[0]
        if current.dep_ == "amod" and current.head.pos_ in {"NOUN", "PROPN"}:
            left = [
                c
                for c in current.head.children
                if c.i < current.i and c.dep_ in {"amod", "compound", "det"}
            ]
            named = [c for c in left if c.lemma_.lower() in OWN_SIDE_NOUNS or c.ent_type_]
            return named[0] if named else None
        if current.dep_ not in {"conj", "xcomp", "advcl"} or current.head.i == current.i:
            return None
        current = current.head
        for child in current.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _actor(
    token: Token,
    actor_token: Token | None,
    ctx: ArticleContext,
    salience: Salience,
    reporter: Actor | None,
) -> Actor | None:
    if actor_token is None:
        return None
    if actor_token.pos_ == "PRON" and actor_token.lower_ in FIRST_PERSON:
        return reporter  # "US" is a country, "us" a speaker
    if (
        actor_token.pos_ == "PRON"
        and reporter is not None
        and _pronoun_fits(actor_token.lower_, reporter)
    ):
        return reporter  # "Russia said it would ...": "it" is the speaker
    ethnic = ethnic_group_country(actor_token, ctx)
    if ethnic is not None:
        return Actor(noun_phrase(actor_token).text, ActorKind.GROUP, country=ethnic)
    actor = partisan_named(resolve_head(actor_token, ctx, salience), actor_token, ctx)
    # A person speaks of their own side as "we": "they" is the other party.
    speaks_of_others = actor_token.lower_ in THIRD_PLURAL
    if actor is None and speaks_of_others and reporter and reporter.kind is ActorKind.PERSON:
        return None
    if actor is None and actor_token.pos_ == "PRON" and reporter is not None:
        return reporter  # no one else it could be: the one who says it
    if actor is None:
        country = ctx.actors.country_of_demonym(actor_token.text)
        if country:
            return _forces(country, ctx)
    if actor is not None and actor.country is None:
        # "Vietnamese-led forces", "security forces in Guinea": the phrase names the side.
        named = phrase_country(actor_token, ctx) or located_country(actor_token, ctx)
        if named:
            return replace(actor, country=named)
    own_side = actor_token.lemma_.lower() in OWN_SIDE_NOUNS
    own_side = own_side or actor_token.lower_ in OWN_SIDE_NOUNS or _has_own_possessive(actor_token)
    # "the military government of President Avril" says whose it is; only a bare
    # "the military" or "our forces" is the speaker's own.
    own_side = own_side and not any(c.dep_ in {"prep", "compound"} for c in actor_token.children)
    if actor is not None and actor.country is None and own_side and reporter and reporter.country:
        return replace(actor, country=reporter.country, name=f"{reporter.country} {actor.name}")
    return actor


THIRD_PLURAL = frozenset({"they", "them", "their", "theirs"})


def _has_own_possessive(token: Token) -> bool:
    """ "its forces", "our troops" in a statement: the speaker's own."""
    return any(c.dep_ == "poss" and c.lower_ in {"its", "our", "their"} for c in token.children)


def _pronoun_fits(pronoun: str, actor: Actor) -> bool:
    if pronoun in {"he", "she", "him", "her"}:
        return actor.kind is ActorKind.PERSON
    if pronoun in {"it", "its"}:
        return actor.kind in {ActorKind.STATE, ActorKind.ORGANISATION, ActorKind.ARMED_GROUP}
    return actor.kind is not ActorKind.PERSON


def _forces(country: str, ctx: ArticleContext) -> Actor:
    return Actor(f"{country} forces", ActorKind.ARMED_GROUP, country=country, sector="MIL")


def turns_on_own_side(
    actor_token: Token | None,
    actor: Actor | None,
    reporter: Actor | None,
    recipient: Actor | None,
    places: tuple[Place, ...],
) -> bool:
    """ "The Ukrainian mayor said they were shelling the city": a "they" read as the
    speaker's side that strikes the speaker's side is the other party, not the speaker.

    The side struck is the recipient's, or, with none, that of the deed's place; the
    caller asks only of hostile deeds.
    """
    if actor_token is None or actor_token.lower_ not in THIRD_PLURAL:
        return False
    if actor is None or reporter is None or reporter.country is None:
        return False
    if actor.country != reporter.country or _fights(reporter):
        return False  # "commanders said they had shelled the town": their own strike
    struck = recipient.country if recipient is not None else None
    struck = struck or next((p.country for p in places if p.country), None)
    return struck == reporter.country


def _fights(actor: Actor) -> bool:
    return actor.kind is ActorKind.ARMED_GROUP or actor.sector in {"MIL", "REB"}
