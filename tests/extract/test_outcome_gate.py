"""The gate before the truce-outcome readers: it passes over only what they cannot read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from saydo.evaluation.pledges import load_truce_table
from saydo.extract.outcome_blame import charges
from saydo.extract.outcome_gate import (
    LEXICAL_RULES,
    PARSED_RULES,
    Readers,
    _KnownWords,
    _token_masks,
    _word_bits,
    sentence_readers,
)
from saydo.extract.outcome_lexical import READING_WORDS, lexical_readings
from saydo.extract.outcomes import _readings
from saydo.nlp.pipeline import load_pipeline

TABLES = sorted((Path(__file__).parent / "data").glob("truce_outcomes*.jsonl"))
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def readers_of(text: str) -> list[Readers]:
    doc = load_pipeline()(text)
    return sentence_readers(doc, list(doc.sents))


@pytest.fixture(scope="module")
def corpus() -> list[Doc]:
    """Every announcement and report of the truce table, and the example articles: the
    sentences the readers were written for, and ordinary news around them."""
    rows = [row for table in TABLES for row in load_truce_table(table)]
    texts = [text for row in rows for text, _ in row.outcomes]
    texts += [row.announcement for row in rows]
    texts += [path.read_text() for path in sorted(EXAMPLES.glob("*.txt"))]
    return list(load_pipeline().pipe(texts))


def test_no_reader_reads_a_sentence_the_gate_passes_over(corpus: list[Doc]) -> None:
    """Whatever a reader would give for a sentence the gate closes to it: nothing."""
    closed = {"lexical": 0, "parsed": 0, "charges": 0}
    for doc in corpus:
        sents = list(doc.sents)
        for sent, may in zip(sents, sentence_readers(doc, sents), strict=True):
            if not may.lexical:
                closed["lexical"] += 1
                assert lexical_readings(sent) == [], sent.text
            if not may.parsed:
                closed["parsed"] += 1
                assert list(_readings(sent)) == [], sent.text
            if not may.charges:
                closed["charges"] += 1
                assert charges(sent) == [], sent.text
    # the check is worth something only if the gate closed many sentences to each reader
    assert min(closed.values()) > 150, closed


@pytest.mark.parametrize(
    ("text", "lexical", "parsed", "charged"),
    [
        ("4,300 people were evacuated from Sumy on Tuesday.", True, True, False),
        ("Thousands fled Irpin.", True, False, False),  # a count with a verb after it
        ("Chernihiv came under heavy bombardment overnight.", False, True, False),
        ("Mortar shells landed near the checkpoint.", False, True, False),
        ("Moscow accused Kyiv of holding civilians as a human shield.", True, False, True),
        ("The ceasefire was not respected, the mayor said.", True, False, False),
        # ordinary news: no truce, no one moving, no town hit
        ("The President met the Prime Minister of Japan to discuss trade.", False, False, False),
        ("Inflation will be discussed at the summit next week.", False, False, False),
    ],
)
def test_which_readers_a_sentence_is_given_to(
    text: str, lexical: bool, parsed: bool, charged: bool
) -> None:
    assert readers_of(text) == [Readers(lexical, parsed, charged)]


def test_each_sentence_of_a_document_is_gated_on_its_own_words() -> None:
    found = readers_of(
        "The President met the Prime Minister of Japan. The convoy was turned back at a "
        "checkpoint near Vasylivka. Trade was discussed."
    )
    assert [may.any for may in found] == [False, True, False]


def test_token_classes_are_those_of_each_tokens_form_and_lemma() -> None:
    """The document-wide arrays give each token the classes of its own words, whatever
    documents came before (the hashes seen are kept across documents)."""
    nlp = load_pipeline()
    for text in ["Buses left Mariupol.", "Soldiers DETAINED the buses; Evacuees returned."]:
        doc = nlp(text)
        masks = _token_masks(doc)
        for token, mask in zip(doc, masks.tolist(), strict=True):
            words = _word_bits(token.lemma_) | _word_bits(token.lower_)
            assert mask & words == words, token.text
            marks = mask & ~words
            assert marks == 0 or token.like_num or token.ent_type_ or token.dep_ == "neg"


@pytest.mark.parametrize("limit", [5, 1 << 18])
def test_words_known_from_earlier_documents_keep_their_classes(limit: int) -> None:
    """Each word's classes, looked up by hash, are its own, however many words were
    learnt before and whether or not the table had to start afresh."""
    known = _KnownWords()
    known.limit = limit
    nlp = load_pipeline()
    for text in ["Buses left Mariupol.", "The convoy was shelled.", "Buses were shelled."]:
        doc = nlp(text)
        keys = np.unique(doc.to_array([LEMMA]).astype(np.uint64))
        wanted = [_word_bits(doc.vocab.strings[key]) for key in keys.tolist()]
        assert known.bits_of(keys, doc.vocab.strings).tolist() == wanted


def test_the_lexical_rules_cover_every_word_a_clause_reading_turns_on() -> None:
    covered = frozenset().union(*(rule.verbs for rule in LEXICAL_RULES))
    assert READING_WORDS | {"under"} <= covered


def test_every_rule_needs_words_a_sentence_can_have() -> None:
    """The readers compare lowercased words: a class with a capital would never match,
    and would close the gate on what the reader reads."""
    for rule in (*LEXICAL_RULES, *PARSED_RULES):
        for words in (rule.verbs, *rule.needs):
            assert all(word == word.lower() for word in words), sorted(words)[:5]
