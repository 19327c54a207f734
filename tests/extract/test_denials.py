"""Denials, on sentences written by the team."""

from __future__ import annotations

from datetime import date

from saydo.domain import Article, PledgeKind, content_hash
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
