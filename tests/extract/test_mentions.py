"""Mentions to actors on real parses: surnames, definite descriptions, groups."""

from __future__ import annotations

from saydo.domain import Actor, ActorKind, Article, content_hash
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience, resolve_head
from saydo.extract.statements import extract_statements
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


def test_it_skips_an_actor_a_plural_noun_named() -> None:
    ministry = Actor("Defence Ministry", ActorKind.ORGANISATION)
    forces = Actor("Defence Ministry's forces", ActorKind.ARMED_GROUP)
    salience = Salience()
    salience.add(0, ministry)
    salience.add(20, forces, plural=True)
    assert salience.resolve("It", 40) == ministry
    assert salience.resolve("they", 40) == forces


def test_it_after_a_body_and_its_forces_is_the_body() -> None:
    text = (
        "The Ukrainian Defence Ministry denied that its soldiers had shelled the village. "
        "It said that all the soldiers had left the area on Friday."
    )
    doc = load_pipeline()(text)
    ctx = build_context(doc, Article(id=content_hash(text), text=text, source="test"))
    found = extract_statements(doc, ctx, Salience())
    said = [a for a in found if "left the area" in a.statement.content]
    assert said
    assert said[0].statement.speaker_text == "It"
    speaker = said[0].statement.speaker
    assert speaker is not None
    assert speaker.kind is ActorKind.ORGANISATION
    assert "soldier" not in speaker.name.lower()


def test_a_role_with_a_named_apposition_is_the_person() -> None:
    text = (
        "Russia's deputy ambassador to the United Nations, Dmitry Polyanskiy, "
        "said Moscow had asked for a meeting."
    )
    doc = load_pipeline()(text)
    ctx = build_context(doc, Article(id=content_hash(text), text=text, source="test"))
    role = next(t for t in doc if t.text == "ambassador")
    actor = resolve_head(role, ctx, Salience())
    assert actor is not None
    assert actor.kind is ActorKind.PERSON
    assert "United Nations" not in actor.name


def pronoun_speaker(text: str) -> str | None:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    found = extract_statements(doc, build_context(doc, article), Salience())
    pronouns = [a for a in found if (a.statement.speaker_text or "").lower() in {"he", "she"}]
    assert len(pronouns) == 1
    speaker = pronouns[0].statement.speaker
    return speaker.name if speaker is not None else None


def test_she_skips_a_man_the_text_calls_mister() -> None:
    text = (
        "Mrs. Maria Lopez spoke first at the summit. Mr. Ivan Petrov arrived later. "
        "She said the talks had failed."
    )
    assert pronoun_speaker(text) == "Maria Lopez"


def test_without_an_honorific_the_latest_person_is_meant() -> None:
    text = (
        "Mrs. Maria Lopez spoke first at the summit. Ivan Petrov arrived later. "
        "He said the talks had failed."
    )
    assert pronoun_speaker(text) == "Ivan Petrov"


def test_one_actor_called_both_mister_and_missus_keeps_no_gender() -> None:
    doc = load_pipeline()("Mr. Lopez and Mrs. Lopez")
    salience = Salience()
    actor = Actor(name="Lopez", kind=ActorKind.PERSON)
    salience.add(0, actor)
    salience.note_gender(actor, doc[0:2])
    assert salience.resolve("she", 100) is None
    salience.note_gender(actor, doc[3:5])
    assert salience.resolve("she", 100) == actor
    assert salience.resolve("he", 100) == actor


def test_a_relative_pronoun_resolves_to_the_noun_its_clause_describes() -> None:
    text = "Reporters waited for Governor Lena Marsh, who said the budget was late."
    doc = load_pipeline()(text)
    ctx = build_context(doc, Article(id=content_hash(text), text=text, source="test"))
    who = next(t for t in doc if t.lower_ == "who")
    actor = resolve_head(who, ctx, Salience())
    assert actor is not None
    assert "Marsh" in actor.name


def test_a_possessive_pronoun_resolves_like_its_subject_form() -> None:
    salience = Salience()
    salience.add(0, Actor("Lena Marsh", ActorKind.PERSON))
    salience.add(20, Actor("Valley Water Board", ActorKind.ORGANISATION))
    assert salience.resolve("his", 50) == Actor("Lena Marsh", ActorKind.PERSON)
    assert salience.resolve("its", 50) == Actor("Valley Water Board", ActorKind.ORGANISATION)


def test_a_person_the_dictionary_does_not_know_takes_the_country_of_the_title() -> None:
    nlp = load_pipeline()
    cases = {
        "Russian deputy defence minister Alexandr Fomenkov said the talks would go on.": "RUS",
        "Ukraine's deputy prime minister Irina Vereshova said the route was agreed.": "UKR",
        "Alderwoman Jona Quimbly said the vote was rigged.": None,
    }
    for text, country in cases.items():
        doc = nlp(text)
        ctx = build_context(doc, Article(id=content_hash(text), text=text, source="test"))
        subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
        actor = resolve_head(subject, ctx, Salience())
        assert actor is not None
        assert actor.kind is ActorKind.PERSON
        assert actor.country == country, text
