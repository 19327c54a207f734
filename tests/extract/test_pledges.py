"""What makes a pledge a threat or an offer, on sentences written by the team."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.domain import Article, Pledge, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.nlp.pipeline import load_pipeline


def pledges(text: str) -> list[Pledge]:
    article = Article(content_hash(text), text, "test", published=date(2022, 4, 12))
    return list(extract_records(load_pipeline()(text), article).pledges)


def kinds(text: str) -> set[PledgeKind]:
    return {p.kind for p in pledges(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Russia's defence minister said Russian forces would strike command centres in Kyiv.",
        "The Kremlin vowed to hit Lviv with more missiles, its spokesman said.",
    ],
)
def test_a_hostile_act_the_speaker_commits_to_is_a_threat(text: str) -> None:
    threats = [p for p in pledges(text) if p.kind is PledgeKind.THREAT]
    assert threats
    assert all(p.actor is not None and p.actor.country == "RUS" for p in threats)


@pytest.mark.parametrize(
    "text",
    [
        # put up for discussion, not promised
        "The European Commission on Monday proposed a new package of sanctions against Moscow.",
        "EU foreign ministers discussed an embargo on Russian oil at a meeting in Luxembourg.",
        # an act told as done, inside a denied accusation
        "Moscow again rejected accusations that its soldiers had shot civilians in Irpin.",
        # a halt of fire is a truce, not a hostile act
        "The Russian command said it would halt fire around Kharkiv on Wednesday morning.",
    ],
)
def test_proposals_past_acts_and_halts_are_no_threats(text: str) -> None:
    assert PledgeKind.THREAT not in kinds(text)


def test_an_accused_act_inside_a_rejection_is_what_the_side_denies() -> None:
    text = "Moscow again rejected accusations that its soldiers had shot civilians in Irpin."
    [denial] = [p for p in pledges(text) if p.kind is PledgeKind.DENIAL]
    assert denial.actor is not None
    assert denial.actor.country == "RUS"
    assert denial.event.type.value == "ASSAULT"
    assert "Irpin" in {p.name for p in denial.scope_places}


@pytest.mark.parametrize("readiness", ["was prepared to accept", "was ready to accept"])
def test_readiness_to_concede_is_an_offer(readiness: str) -> None:
    text = f"Ukraine's negotiators said Kyiv {readiness} a neutral status."
    offers = [p for p in pledges(text) if p.kind is PledgeKind.OFFER]
    assert [p.actor.country for p in offers if p.actor] == ["UKR"]


@pytest.mark.parametrize(
    "text",
    [
        "Kharkiv shelled overnight hours after Moscow promised to ease off\n"
        "Residents said the shelling went on until dawn.\n",
        "The Kremlin said its forces would scale back military activity around Sumy.",
        "Moscow pledged to reduce military activity near Sumy, its negotiators said.",
    ],
)
def test_announced_easing_of_the_war_is_a_de_escalation_not_an_offer(text: str) -> None:
    found = [p for p in pledges(text) if p.actor is not None and p.actor.country == "RUS"]
    assert found
    assert {p.kind for p in found} == {PledgeKind.DE_ESCALATION}
    assert all(p.event.type.value == "RETREAT" for p in found)


def test_cutting_back_something_other_than_the_war_is_no_de_escalation() -> None:
    text = "Russia's finance ministry said it would cut back fuel subsidies next year."
    assert PledgeKind.DE_ESCALATION not in kinds(text)
