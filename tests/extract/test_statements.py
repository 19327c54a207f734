"""Statements on real parses: attribution forms, speaker spans, and no input that breaks it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.domain import Article, content_hash
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience
from saydo.extract.statements import Attribution, extract_statements
from saydo.nlp.pipeline import load_pipeline


def statements(text: str) -> list[Attribution]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return extract_statements(doc, build_context(doc, article), Salience())


def test_according_to_attributes_the_rest_of_the_sentence() -> None:
    text = "Prices rose sharply in March, according to the central bank."
    found = statements(text)
    assert len(found) == 1
    content = text[found[0].content_start : found[0].content_end]
    assert content.startswith("Prices rose sharply")
    assert "according" not in content
    assert found[0].speaker_span is not None
    start, end = found[0].speaker_span
    assert "central bank" in text[start:end]


def test_a_partial_quote_widens_into_its_reported_clause() -> None:
    text = 'The minister said that the plan was "a complete disaster" for farmers in the north.'
    found = statements(text)
    assert len(found) == 1
    content = text[found[0].content_start : found[0].content_end]
    assert "a complete disaster" in content
    assert "farmers in the north" in content


def test_the_speaker_span_is_the_mention_as_written() -> None:
    text = 'Maria Zakharova said on Monday: "We will never accept these terms at all."'
    found = statements(text)
    assert found
    assert found[0].speaker_span is not None
    start, end = found[0].speaker_span
    assert text[start:end] == "Maria Zakharova"
    assert found[0].cue_token is not None


BASE = [
    "The minister said the talks would resume next week in Istanbul.",
    "We will not give up, he told reporters after the meeting.",
    "According to officials, the convoy was hit twice near the border.",
    "In a statement, the ministry denied that its troops had fired first.",
]
MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "'", "\n", "\n\n", "«", "»", ":"])


@st.composite
def damaged_text(draw: st.DrawFn) -> str:
    words = " ".join(draw(st.lists(st.sampled_from(BASE), min_size=1, max_size=3))).split(" ")
    for _ in range(draw(st.integers(0, 8))):
        words.insert(draw(st.integers(0, len(words))), draw(MARKS))
    return " ".join(words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_text())
def test_random_marks_and_breaks_never_break_the_extractor(text: str) -> None:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="fuzz")
    for found in extract_statements(doc, build_context(doc, article), Salience()):
        assert 0 <= found.content_start <= found.content_end <= len(text)
        assert found.statement.content == text[found.content_start : found.content_end]
        if found.speaker_span is not None:
            assert 0 <= found.speaker_span[0] < found.speaker_span[1] <= len(text)
        if found.cue_token is not None:
            assert 0 <= found.cue_token < len(doc)
