"""Small readings of a clause that every part of event coding shares: its subjects,
its objects, and whether a nominal event points back to one already told.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from saydo.extract.lexicon import ASPECTUAL_GO_ON

TEMPORAL_MARKERS = frozenset({"after", "before", "since", "until", "during", "following"})


RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Adjectival passives whose subject holds the attitude: "is committed to opening up".
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate", "resolve"})


def clause_subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECTUAL_GO_ON:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "amod" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return []
    return subjects


def has_aux(token: Token, forms: Collection[str]) -> bool:
    """Has the verb an auxiliary of one of these forms ("will", "must", the "to" of an
    infinitive)? Read on the word as written, lower-cased."""
    return any(c.dep_ == "aux" and c.lower_ in forms for c in token.children)


INFINITIVE_TO = frozenset({"to"})


def object_in(token: Token, lemmas: frozenset[str], dep: str = "dobj") -> bool:
    return any(c.dep_ == dep and c.lemma_.lower() in lemmas for c in token.children)


def object_lemmas(token: Token) -> set[str]:
    """The lemmas of the direct object and its compounds: "mediation efforts"."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            found.add(child.lemma_.lower())
            found.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    return found


OBLIGATION_MODALS = frozenset({"must", "should"})


def is_anaphoric(token: Token) -> bool:
    """A nominal mention that refers back to an event already told: "the continued attacks"."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(
        c.dep_ in {"prep", "acl", "relcl", "compound", "poss"} and c.pos_ != "PRON"
        for c in token.children
    ):
        return False  # "the shelling of our cities" says something new
    if any(
        c.dep_ == "det" and c.lower_ in {"the", "these", "this", "those"} for c in token.children
    ):
        return True
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return True
    for ancestor in [token, *token.ancestors]:
        if any(
            c.dep_ in {"mark", "prep"} and c.lower_ in TEMPORAL_MARKERS for c in ancestor.children
        ):
            return True
        if ancestor.dep_ == "pobj" and ancestor.head.lower_ in TEMPORAL_MARKERS:
            return True
        if ancestor.pos_ == "VERB":
            break
    return False
