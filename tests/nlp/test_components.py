"""saydo's own components on the real model's parses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saydo.nlp.components import PARSE_REPAIRS
from saydo.nlp.pipeline import load_pipeline

SUBJECTS = {"nsubj", "nsubjpass"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def test_the_headers_component_runs_after_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("parser") < names.index("saydo_headers_v1")


@pytest.mark.parametrize(
    "text",
    [
        "Haidai: from Hirske and Zolote today 318 persons were taken out.",
        "Kyrylenko: in Pokrovsk this morning 200 residents boarded the train.",
    ],
)
def test_a_speakers_label_is_no_second_subject_of_the_line(nlp: Language, text: str) -> None:
    doc = nlp(text)
    label = doc[0]
    verb_subjects = [t for t in doc if t.dep_ in SUBJECTS and t.i > 1]
    assert verb_subjects, "the line keeps its own subject"
    assert label.dep_ not in SUBJECTS


def test_a_label_that_is_the_only_subject_is_left_as_parsed(nlp: Language) -> None:
    doc = nlp("Breaking: Russian forces shelled the route on Saturday.")
    forces = next(t for t in doc if t.text == "forces")
    assert forces.dep_ == "nsubj"


def test_the_parse_cache_names_the_repairs_it_was_made_with() -> None:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from saydo.nlp.cache import ParseCache

    with TemporaryDirectory() as folder, ParseCache(Path(folder) / "p.db", "m") as cache:
        assert cache.key.endswith(PARSE_REPAIRS)
