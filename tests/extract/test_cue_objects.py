"""Object-taking cues with a literal sense attribute only a propositional object."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from saydo.domain import Article, content_hash
from saydo.extract.context import build_context
from saydo.extract.cue_objects import governs_proposition, needs_proposition
from saydo.extract.mentions import Salience
from saydo.extract.speakers import subject_of
from saydo.extract.statements import extract_statements
from saydo.nlp.pipeline import load_pipeline


def reported(text: str) -> list[str]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    found = extract_statements(doc, build_context(doc, article), Salience())
    return [text[a.content_start : a.content_end] for a in found]


def verb_and_object(text: str, verb: str) -> tuple[Token, Token]:
    doc = load_pipeline()(text)
    cue = next(t for t in doc if t.lower_ == verb)
    obj = next(c for c in cue.children if c.dep_ == "dobj")
    return cue, obj


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The minister offered condolences to the families of the victims.", "condolences"),
        ("The envoy offered his assessment of the talks to reporters.", "his assessment"),
        ("The senator raised concerns about the new border rules.", "concerns"),
        ("Aid groups raised questions about whether the convoy would pass.", "questions"),
        ("Investigators found evidence that the depot had been shelled.", "evidence"),
        ("The survey found broad support for the truce among residents.", "broad support"),
        ("The monitors found the ceasefire largely intact.", "the ceasefire"),
    ],
)
def test_a_propositional_object_is_reported(text: str, start: str) -> None:
    assert any(content.startswith(start) for content in reported(text))


@pytest.mark.parametrize(
    "text",
    [
        "The minister offered a job to her former aide.",
        "The hotel offers free parking to its guests.",
        "The party raised money for its candidates in the north.",
        "The farmers raised cattle on the hills above the valley.",
        "The refugees found shelter in a school near the border.",
        "The general found himself at the center of the dispute.",
    ],
)
def test_a_thing_given_lifted_or_found_is_not_reported(text: str) -> None:
    assert reported(text) == []


def test_only_verbs_with_a_common_literal_sense_need_a_proposition() -> None:
    assert needs_proposition("offer")
    assert needs_proposition("raise")
    assert not needs_proposition("criticize")
    assert not needs_proposition("say")


def test_what_a_source_of_findings_finds_is_its_finding_whatever_it_is() -> None:
    cue, obj = verb_and_object("The audit found gaps in the ledger of the ministry.", "found")
    assert governs_proposition(cue, obj, subject_of(cue))
    cue, obj = verb_and_object("The soldiers found gaps in the fence of the base.", "found")
    assert not governs_proposition(cue, obj, subject_of(cue))


def test_a_clause_on_the_object_is_a_proposition_but_a_purpose_clause_is_not() -> None:
    cue, obj = verb_and_object("The mediators found a way to reopen the crossing.", "found")
    assert not governs_proposition(cue, obj, subject_of(cue))
    text = "The delegates raised the matter of whether the army would withdraw."
    cue, obj = verb_and_object(text, "raised")
    assert governs_proposition(cue, obj, subject_of(cue))
