"""Mentions to actors on real parses: surnames, definite descriptions, groups."""

from __future__ import annotations

from saydo.domain import Actor, ActorKind, Article, content_hash
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience, resolve_head
from saydo.nlp.pipeline import load_pipeline


def test_by_surname_finds_the_last_person_named_in_full_before() -> None:
    salience = Salience()
    salience.add(0, Actor("Mike Pence", ActorKind.PERSON))
    salience.add(10, Actor("Pence Group", ActorKind.ORGANISATION))
    assert salience.by_surname("Pence", 50) == Actor("Mike Pence", ActorKind.PERSON)
    assert salience.by_surname("pence", 50) is not None
    assert salience.by_surname("Pence", 0) is None  # only mentions before
    assert salience.by_surname("Mike", 50) is None  # a first name is no surname


def test_a_surname_subject_resolves_to_the_salient_full_name() -> None:
    text = "Alderman Jonas Quimby spoke first. Later Quimby said the vote was rigged."
    doc = load_pipeline()(text)
    ctx = build_context(doc, Article(id=content_hash(text), text=text, source="test"))
    salience = Salience()
    first = next(t for t in doc if t.text == "Quimby")
    full = resolve_head(first, ctx, salience)
    assert full is not None
    salience.add(first.idx, full)
    second = [t for t in doc if t.text == "Quimby"][1]
    resolved = resolve_head(second, ctx, salience)
    assert resolved is not None
    assert resolved.name == full.name
    assert " " in resolved.name
