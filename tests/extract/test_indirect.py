"""Reported speech: what a cue reports, on real parses."""

from __future__ import annotations

from saydo.domain import Article, StatementKind, content_hash
from saydo.extract.attribution import Attribution
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience
from saydo.extract.statements import extract_statements
from saydo.nlp.pipeline import load_pipeline


def statements(text: str) -> list[Attribution]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return extract_statements(doc, build_context(doc, article), Salience())


def contents(text: str) -> dict[str, Attribution]:
    return {text[a.content_start : a.content_end]: a for a in statements(text)}


def test_what_is_expected_with_nobody_expecting_it_is_a_thought_without_a_speaker() -> None:
    text = "Talks are expected to resume in Istanbul on Friday."
    found = statements(text)
    assert len(found) == 1
    assert found[0].statement.kind is StatementKind.THOUGHT
    assert found[0].statement.speaker is None
    assert found[0].speaker_span is None
    content = text[found[0].content_start : found[0].content_end]
    assert content.startswith("Talks")
    assert content.endswith("on Friday")


def test_what_seems_so_is_a_thought_and_an_expletive_is_no_part_of_it() -> None:
    seemed = statements("The ceasefire seemed to be holding in the south of the country.")
    assert [a.statement.kind for a in seemed] == [StatementKind.THOUGHT]
    text = "It appears that the convoy never reached the city."
    found = contents(text)
    assert list(found) == ["that the convoy never reached the city"]


def test_an_agent_makes_an_expectation_somebodys_and_appearing_is_not_seeming() -> None:
    agent = "Talks are expected by diplomats to resume in Istanbul on Friday."
    assert not any(a.speaker_span is None for a in statements(agent))
    assert statements("The president appeared at the rally in Kyiv on Friday.") == []


def test_a_named_hope_is_a_thought_and_a_named_belief_is_reported_speech() -> None:
    hope = statements("The minister hopes the talks will bring a lasting ceasefire.")
    assert [a.statement.kind for a in hope] == [StatementKind.THOUGHT]
    assert hope[0].speaker_span is not None
    belief = statements("Western officials believe the army is regrouping near the border.")
    assert [a.statement.kind for a in belief] == [StatementKind.INDIRECT]


def test_a_cue_clause_between_commas_reports_what_follows_it() -> None:
    text = "The museum, the director said, would open to visitors next spring."
    found = contents(text)
    assert any(c.endswith("next spring") for c in found)
    assert not any("director" in c for c in found)


def test_a_second_that_clause_hung_on_the_cue_is_reported_too() -> None:
    text = (
        "The governor said the state needs more money for schools, "
        "but that he would not raise taxes this year."
    )
    found = contents(text)
    assert "the state needs more money for schools" in found
    assert "that he would not raise taxes this year" in found


def test_a_that_clause_the_parser_hung_on_a_noun_is_still_the_cues() -> None:
    text = (
        "The mayor said during a news conference on Friday that the city would rebuild the bridge."
    )
    assert "that the city would rebuild the bridge" in contents(text)


def test_what_a_cue_calls_its_object_is_part_of_the_content() -> None:
    text = "The senator called the new sanctions a serious mistake."
    assert "the new sanctions a serious mistake" in contents(text)


def test_reportedly_makes_a_clause_hearsay_with_no_source() -> None:
    text = "Russian troops reportedly withdrew from the airport overnight."
    found = statements(text)
    assert len(found) == 1
    assert found[0].statement.kind is StatementKind.INDIRECT
    assert found[0].speaker_span is None


def test_an_opening_poll_phrase_is_the_source_of_the_rest_of_the_sentence() -> None:
    text = "In a new poll, most voters want the talks to continue."
    found = [a for a in statements(text) if a.statement.cue == "In"]
    assert len(found) == 1
    assert text[found[0].content_start : found[0].content_end].startswith("most voters")
    assert found[0].speaker_span is not None
    assert "poll" in text[found[0].speaker_span[0] : found[0].speaker_span[1]]


def test_reported_content_keeps_its_that_as_annotators_mark_it() -> None:
    text = "Senator Maria Lopez pointed out that the budget had doubled since March."
    found = contents(text)
    assert "that the budget had doubled since March" in found
    assert found["that the budget had doubled since March"].statement.speaker_text is not None


def test_what_a_poll_shows_keeps_the_with_phrase_of_its_object() -> None:
    text = "A new state poll shows Senator Maria Lopez with an eight-point lead over her rival."
    assert any("with an eight-point lead" in content for content in contents(text))


def test_a_conclusion_that_is_its_owners_statement() -> None:
    text = "The commission's conclusion that the strikes were illegal was rejected by Moscow."
    found = contents(text)
    assert "that the strikes were illegal" in found
    assert found["that the strikes were illegal"].statement.speaker_text == "commission's"
