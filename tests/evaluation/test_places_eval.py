"""The toponym-resolution scorer: reading the XML, the metrics, saydo against population."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from saydo.errors import SaydoError
from saydo.evaluation.places import (
    MAX_ERROR_KM,
    auc,
    evaluate_places,
    format_report,
    metrics,
    read_articles,
)

ARTICLE = "Police in Paris, Texas, said the man drove to Palestine overnight."


def _corpus(tmp_path: Path) -> Path:
    def toponym(name: str, lat: float, lon: float) -> str:
        start = ARTICLE.index(name)
        return (
            f"<toponym><start>{start}</start><end>{start + len(name)}</end>"
            f"<phrase>{name}</phrase><gaztag geonameid='1'><lat>{lat}</lat><lon>{lon}</lon>"
            "</gaztag></toponym>"
        )

    body = "".join(
        [
            toponym("Paris", 33.66, -95.56),
            toponym("Texas", 31.25, -99.25),
            toponym("Palestine", 31.76, -95.63),
        ]
    )
    path = tmp_path / "tiny.xml"
    path.write_text(
        f"<articles><article docid='1'><text>{ARTICLE}</text><toponyms>{body}"
        "<toponym><start>0</start><end>6</end><phrase>Police</phrase></toponym>"
        "</toponyms></article></articles>",
        encoding="utf-8",
    )
    return path


def test_gold_toponyms_without_coordinates_are_not_read(tmp_path: Path) -> None:
    (article,) = read_articles(_corpus(tmp_path))
    names = [article.text[t.start : t.end] for t in article.toponyms]
    assert names == ["Paris", "Texas", "Palestine"]


def test_context_beats_the_population_baseline(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    saydo = evaluate_places(path)
    baseline = evaluate_places(path, baseline="population")
    assert saydo["n"] == baseline["n"] == 3
    assert saydo["metrics"]["acc_161"] == 1.0
    assert baseline["metrics"]["acc_161"] < 1.0  # Paris, France is bigger
    report = format_report([saydo, baseline])
    assert "saydo" in report
    assert "population" in report
    assert "acc_161" in report


def test_an_unknown_baseline_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SaydoError):
        evaluate_places(_corpus(tmp_path), baseline="random")


def test_auc_runs_from_perfect_to_worst() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM] * 3) == pytest.approx(1.0, abs=1e-4)  # ln(1+e)/ln(e)
    half = auc([0.0, MAX_ERROR_KM])  # the trapezoid between the two
    assert half == pytest.approx(0.5, abs=1e-4)
    assert 0 < auc([5.0, 50.0, 500.0]) < auc([50.0, 500.0, 5000.0]) < 1


def test_accuracy_counts_errors_within_161_km() -> None:
    result = metrics([0.0, 160.9, 161.1, 1000.0])
    assert result["acc_161"] == 0.5
    assert result["mean_km"] == pytest.approx((160.9 + 161.1 + 1000.0) / 4)
    assert math.isfinite(result["auc"])


def test_lgl_scores_a_few_articles(shared_data: Path) -> None:
    result = evaluate_places(shared_data / "places" / "lgl.xml", limit=15)
    assert result["suite"] == "places"
    assert result["n"] > 30
    assert 0.0 <= result["metrics"]["acc_161"] <= 1.0


def test_the_halves_of_a_corpus_add_up_to_the_whole(tmp_path: Path) -> None:
    article = _corpus(tmp_path).read_text(encoding="utf-8")
    body = article.removeprefix("<articles>").removesuffix("</articles>")
    path = tmp_path / "three.xml"
    path.write_text(f"<articles>{body * 3}</articles>", encoding="utf-8")
    whole = evaluate_places(path)
    even = evaluate_places(path, part=(0, 2))
    odd = evaluate_places(path, part=(1, 2))
    assert (even["n"], odd["n"], whole["n"]) == (6, 3, 9)
    assert even["part"] == "0/2"
    assert "0/2" in format_report([even])


def test_a_part_past_the_count_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SaydoError):
        evaluate_places(_corpus(tmp_path), part=(2, 2))


def test_lgl_halves_beat_the_population_baseline(shared_data: Path) -> None:
    # Scored, not asserted against a floor: accuracy is measured by `saydo eval places`.
    path = shared_data / "places" / "lgl.xml"
    for part in [(0, 2), (1, 2)]:
        saydo = evaluate_places(path, part=part, limit=120)
        baseline = evaluate_places(path, baseline="population", part=part, limit=120)
        assert saydo["metrics"]["acc_161"] > baseline["metrics"]["acc_161"]


def _article(text: str, names: list[tuple[str, float, float]], domain: str) -> str:
    toponyms = "".join(
        f"<toponym><start>{text.index(n)}</start><end>{text.index(n) + len(n)}</end>"
        f"<gaztag geonameid='1'><lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>"
        for n, lat, lon in names
    )
    return (
        f"<article><domain>{domain}</domain><text>{text}</text>"
        f"<toponyms>{toponyms}</toponyms></article>"
    )


def _local_paper(tmp_path: Path) -> Path:
    newark = (40.06, -82.40)  # Newark, Ohio: the paper's town, named bare
    stories = [
        _article("Newark police made an arrest.", [("Newark", *newark)], "paper.example"),
        _article(
            "Zanesville, Ohio, opened a park.", [("Zanesville", 39.94, -82.01)], "paper.example"
        ),
        _article(
            "Columbus, Ohio, and Licking County.", [("Columbus", 39.96, -83.0)], "paper.example"
        ),
    ]
    path = tmp_path / "paper.xml"
    path.write_text(f"<articles>{''.join(stories)}</articles>", encoding="utf-8")
    return path


def test_the_outlet_of_an_article_is_read(tmp_path: Path) -> None:
    outlets = {a.outlet for a in read_articles(_local_paper(tmp_path))}
    assert outlets == {"paper.example"}
    assert {a.outlet for a in read_articles(_corpus(tmp_path))} == {None}


def test_an_outlets_other_articles_place_its_bare_town(tmp_path: Path) -> None:
    path = _local_paper(tmp_path)
    with_outlet = evaluate_places(path, outlets=True)
    text_only = evaluate_places(path)  # the default measures what ingest does: text only
    assert with_outlet["metrics"]["acc_161"] == 1.0
    assert text_only["metrics"]["acc_161"] < 1.0


def test_outlet_homes_stay_inside_a_part(tmp_path: Path) -> None:
    # Alone in its part, the bare town has no other story of its outlet to go by.
    alone = evaluate_places(_local_paper(tmp_path), part=(0, 3), outlets=True)
    assert alone["n"] == 1
    assert alone["metrics"]["acc_161"] < 1.0
    beside = evaluate_places(_local_paper(tmp_path), part=(0, 2), outlets=True)  # + Columbus
    assert beside["metrics"]["acc_161"] == 1.0
