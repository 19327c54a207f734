"""The parts event coding is built from, each on its own: triggers, the type a
construction decides, modality, the actor and the targets."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from saydo.domain import Article, Modality, PloverType, content_hash
from saydo.extract.clause import is_anaphoric
from saydo.extract.context import ArticleContext, build_context
from saydo.extract.mentions import Salience
from saydo.extract.modality import event_modality
from saydo.extract.participants import find_actor
from saydo.extract.retype import decided_trigger
from saydo.extract.targets import target_groups
from saydo.extract.triggers import find_candidates, merge_nominal_subjects, trigger_of
from saydo.nlp.pipeline import load_pipeline


def _parse(text: str) -> tuple[Doc, ArticleContext]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return doc, build_context(doc, article)


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_a_kind_of_group_named_by_an_act_is_no_trigger() -> None:
    doc, _ = _parse("Several aid groups left the city on Monday.")
    assert trigger_of(_word(doc, "aid")) is None
    doc, _ = _parse("Egypt sent aid to the city on Monday.")
    assert trigger_of(_word(doc, "sent")) is not None or trigger_of(_word(doc, "aid")) is not None


def test_a_nominal_subject_of_the_same_act_merges_into_its_verb() -> None:
    doc, _ = _parse("Russian airstrikes hit a hospital in Aleppo.")
    sent = next(iter(doc.sents))
    found = find_candidates(sent)
    merged = merge_nominal_subjects(found)
    assert len(merged) < len(found)
    assert [c.token.text for c in merged] == ["hit"]


@pytest.mark.parametrize(
    ("text", "verb", "wanted"),
    [
        ("The army lifted the siege of the city.", "lifted", PloverType.RETREAT),
        ("The government accepted the rebels' demands.", "accepted", PloverType.CONCEDE),
        ("Protesters blocked the main roads.", "blocked", PloverType.PROTEST),
    ],
)
def test_the_construction_decides_the_type(text: str, verb: str, wanted: PloverType) -> None:
    doc, ctx = _parse(text)
    token = _word(doc, verb)
    trigger = trigger_of(token)
    assert trigger is not None
    actor_token, _ = find_actor(token, ctx, Salience(), None)
    assert decided_trigger(token, trigger, actor_token).type is wanted


@pytest.mark.parametrize(
    ("text", "wanted", "negated"),
    [
        ("Russia withdrew its troops.", Modality.OCCURRED, False),
        ("Russia will withdraw its troops.", Modality.INTENDED, False),
        ("Russia may withdraw its troops.", Modality.HYPOTHETICAL, False),
        ("Russia did not withdraw its troops.", Modality.OCCURRED, True),
        ("Russia will withdraw its troops unless talks resume.", Modality.THREATENED, False),
    ],
)
def test_modality_comes_from_auxiliaries_and_conditions(
    text: str, wanted: Modality, negated: bool
) -> None:
    doc, _ = _parse(text)
    token = next(t for t in doc if t.lemma_ == "withdraw")
    assert event_modality(token) == (wanted, negated)


def test_the_actor_of_a_passive_is_its_agent_and_the_subject_its_target() -> None:
    doc, ctx = _parse("The convoy was attacked by Russian forces near Kharkiv.")
    token = _word(doc, "attacked")
    actor_token, actor = find_actor(token, ctx, Salience(), None)
    assert actor_token is not None
    assert actor_token.text == "forces"
    assert actor is not None
    assert actor.country == "RUS"
    targets = target_groups(token, ctx)
    assert [t.text for t, _ in targets if t is not None] == ["convoy"]
    assert any(p.name == "Kharkiv" for _, places in targets for p in places)


def test_an_event_told_again_is_anaphoric_and_a_new_one_is_not() -> None:
    doc, _ = _parse("The attacks continued. Attacks on Kyiv began at dawn.")
    first, second = (t for t in doc if t.lemma_ == "attack")
    assert is_anaphoric(first)
    assert not is_anaphoric(second)


def _coded(text: str, trigger: str) -> tuple[str | None, str | None]:
    """The actor's and recipient's countries of the event ``trigger`` sets off, as PLOVER
    codes them."""
    from saydo.extract.article import extract_records
    from saydo.extract.coding import plover_participants

    doc, _ = _parse(text)
    article = Article(id=content_hash(text), text=text, source="test")
    events = [e for e in extract_records(doc, article).events if e.trigger == trigger]
    assert events, f"no event for {trigger!r}"
    actor, recipient = plover_participants(events[0])
    return (actor.country if actor else None, recipient.country if recipient else None)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kenyan police detained opposition leader Daniel Mwangi on Monday.", "detained"),
        ("The Kenyan government lifted the curfew on the town of Kisumu.", "lifted"),
    ],
)
def test_an_unplaced_target_in_a_one_country_story_is_of_that_country(
    text: str, trigger: str
) -> None:
    assert _coded(text, trigger) == ("KEN", "KEN")


def test_an_attacker_named_by_a_demonym_is_not_taken_to_strike_at_home() -> None:
    assert _coded("Palestinian gunmen killed three people on Sunday.", "killed")[1] is None


def test_the_party_beside_a_thing_given_is_the_recipient() -> None:
    text = "The United Nations cut food aid to Sudanese refugees in Chad on Tuesday."
    assert _coded(text, "cut")[1] == "SDN"


def test_the_subject_of_a_stative_passive_holds_the_attitude() -> None:
    assert _coded("Israel is opposed to Egyptian mediation.", "opposed") == ("ISR", "EGY")


def test_a_protest_is_against_the_party_its_purpose_names() -> None:
    text = "Farmers blocked roads on Monday to protest Poland's grain policy."
    assert _coded(text, "blocked")[1] == "POL"


def test_a_mediation_is_between_the_parties_of_the_phrase_it_modifies() -> None:
    actor, recipient = _coded(
        "Qatar launched a mediation effort between Ethiopia and Eritrea.", "mediation"
    )
    assert actor == "QAT"
    assert recipient in {"ETH", "ERI"}


def test_a_name_beats_a_stance_adjective() -> None:
    text = "The pro-Syrian Hezbollah movement declared a truce on Friday."
    assert _coded(text, "truce")[0] == "LBN"


def test_an_instrument_does_not_act() -> None:
    doc, ctx = _parse("Kenyan riot police used tear gas to disperse the protesters.")
    actor_token, actor = find_actor(_word(doc, "disperse"), ctx, Salience(), None)
    assert actor_token is not None
    assert actor_token.text == "police"
    assert actor is not None
    assert actor.country == "KEN"
