"""The way-out gate never closes a sentence the truce reader would read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

from saydo.domain import Article, content_hash
from saydo.evaluation.pledges import load_truce_table
from saydo.extract.context import build_context
from saydo.extract.truce_gate import way_out_sentences
from saydo.extract.truce_passage import passage_in
from saydo.nlp.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[2]
TABLES = sorted((ROOT / "tests" / "extract" / "data").glob("truce_outcomes*.jsonl"))


def _texts() -> list[str]:
    rows = [row for table in TABLES for row in load_truce_table(table)]
    texts = [row.announcement for row in rows]
    texts += [text for row in rows for text, _ in row.outcomes]
    texts += [
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples").glob("*.txt"))
    ]
    return texts


def test_no_sentence_the_reader_reads_is_closed() -> None:
    nlp = load_pipeline()
    read = closed = 0
    for text in _texts():
        doc: Doc = nlp(text)
        ctx = build_context(
            doc, Article(content_hash(text), text, "test", published=date(2022, 3, 10))
        )
        sents = list(doc.sents)
        for sent, open_ in zip(sents, way_out_sentences(doc, sents), strict=True):
            if passage_in(sent, ctx) is not None:
                read += 1
                assert open_, sent.text
            closed += not open_
    assert read > 200  # the table's announcements, at least
    assert closed > 100  # and the gate does close sentences


@pytest.mark.parametrize(
    ("text", "opened"),
    [
        ("The ministry said the talks would resume on Monday.", False),
        ("Prices of grain rose sharply in March.", False),
        ("Buses will leave Sumy for Poltava at 10:00.", True),
        ("A corridor from Irpin opens tomorrow.", True),
        ("Russian forces promised not to shell the road.", True),
        # a noun of people moving out is a way-out word of its own
        ("Departure from Okhtyrka is at 09:00 today.", True),
    ],
)
def test_a_sentence_opens_only_with_a_way_out_word(text: str, opened: bool) -> None:
    doc = load_pipeline()(text)
    assert way_out_sentences(doc, list(doc.sents)) == [opened]


def test_an_empty_document_has_no_sentences_to_open() -> None:
    doc = load_pipeline()("")
    assert way_out_sentences(doc, list(doc.sents)) == []
