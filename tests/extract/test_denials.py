"""Denials, on sentences written by the team."""

from __future__ import annotations

from datetime import date

from saydo.domain import Article, Extraction, Pledge, PledgeKind, content_hash
from saydo.extract.article import extract_records
from saydo.link import link
from saydo.nlp.pipeline import load_pipeline


def test_denying_involvement_denies_the_act_the_article_accuses_the_side_of() -> None:
    text = (
        "Russian officials said Ukrainian drones struck an oil depot in Bryansk overnight.\n"
        "Kyiv denied any involvement in the attack.\n"
    )
    article = Article(content_hash(text), text, "test", published=date(2022, 4, 25))
    extraction = extract_records(load_pipeline()(text), article)
    [denial] = [p for p in extraction.pledges if p.kind is PledgeKind.DENIAL]
    assert denial.actor is not None
    assert denial.actor.country == "UKR"
    assert "Bryansk" in {p.name for p in denial.scope_places}
    [verdict] = link([denial], list(extraction.events), {article.id: article})
    # Only Russia, the adversary, reports the strike: word against word.
    assert verdict.label.value == "disputed"
    assert "RUS" in verdict.reason


def _extraction(text: str) -> tuple[Article, Extraction]:
    article = Article(content_hash(text), text, "test", published=date(2022, 4, 25))
    return article, extract_records(load_pipeline()(text), article)


def _denials(extraction: Extraction) -> list[Pledge]:
    return [p for p in extraction.pledges if p.kind is PledgeKind.DENIAL]


def test_a_denial_takes_the_place_its_antecedent_s_sentence_names() -> None:
    _, extraction = _extraction(
        "A fuel depot in the Russian city of Bryansk caught fire early on Friday after "
        "Ukrainian helicopters struck it, the regional governor said.\n"
        "He said two workers at the depot had been injured.\n"
        "Kyiv denied that Ukraine was responsible.\n"
    )
    [denial] = _denials(extraction)
    assert {p.name for p in denial.scope_places} == {"Bryansk"}
    assert denial.window_end is not None
    assert denial.made_on is not None
    assert (denial.window_end - denial.made_on).days < 30  # one act, not a month of deeds


def test_a_denial_of_an_act_with_no_place_binds_nothing() -> None:
    _, accused = _extraction(
        "Russian officials said Ukrainian helicopters had struck a fuel depot.\n"
        "Kyiv denied that Ukraine was responsible.\n"
    )
    [denial] = _denials(accused)
    assert denial.scope_places == ()
    elsewhere, strikes = _extraction(
        "Ukrainian artillery hit a Russian ammunition depot in Bryansk on Tuesday, "
        "the regional governor said.\n"
    )
    assert any(e.actor and e.actor.country == "UKR" for e in strikes.events)
    [verdict] = link([denial], list(strikes.events), {elsewhere.id: elsewhere})
    assert verdict.label.value == "pending"


def test_the_headline_and_the_body_deny_one_act() -> None:
    _, extraction = _extraction(
        "Missile strike on Kramatorsk station kills dozens; Moscow denies responsibility\n"
        "A Russian missile hit the railway station in Kramatorsk on Friday, killing more "
        "than 50 people, Ukrainian officials said.\n"
        "The Russian Defence Ministry denied any involvement.\n"
    )
    denials = _denials(extraction)
    assert len(denials) == 1
    assert "Kramatorsk" in {p.name for p in denials[0].scope_places}
