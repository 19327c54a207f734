"""Statements on real parses: attribution forms, speaker spans, and no input that breaks it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saydo.domain import Article, content_hash
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience, span_entities
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


def contents(found: list[Attribution], text: str) -> list[str]:
    return [text[a.content_start : a.content_end] for a in found]


def test_a_quote_of_several_sentences_takes_the_cue_after_it() -> None:
    text = "“The talks have failed. We will keep fighting for every village,” Ivan Petrov said."
    found = statements(text)
    assert len(found) == 1
    assert found[0].cue_token is not None
    assert found[0].speaker_span is not None
    assert text[found[0].speaker_span[0] : found[0].speaker_span[1]] == "Ivan Petrov"


def test_the_object_of_a_cue_verb_is_what_was_said() -> None:
    text = "The foreign minister sharply criticized the new sanctions on Monday."
    assert any("the new sanctions" in c for c in contents(statements(text), text))


def test_the_object_of_called_for_is_what_was_said() -> None:
    text = "The senator called for a complete ban on arms sales to the region."
    assert any(c.startswith("a complete ban") for c in contents(statements(text), text))


def test_an_object_only_cue_does_not_report_a_clause() -> None:
    text = "Ukraine is prepared, as Moscow has demanded, not to join the alliance in future."
    assert not any("join" in c for c in contents(statements(text), text))


def test_both_halves_of_a_split_quote_name_the_speaker() -> None:
    text = "“We are ready to talk,” Ivan Petrov said. “But nobody has called us yet.”"
    found = statements(text)
    assert len(found) == 2
    assert found[1].speaker_span is not None
    assert found[1].speaker_span == found[0].speaker_span


def test_a_cue_ending_in_a_colon_attributes_the_next_paragraph() -> None:
    text = "Ivan Petrov spoke to reporters. He said:\n\n“We will never give this land away.”"
    found = statements(text)
    quoted = [a for a in found if "never give" in text[a.content_start : a.content_end]]
    assert quoted
    assert quoted[0].cue_token is not None


def test_transcript_lines_are_attributed_to_their_labels() -> None:
    text = (
        "TAPPER: What do you make of the plan for the border?\n"
        "FALLIN: Well, I think the whole nation needs to work together on it.\n"
    )
    found = statements(text)
    labelled = {text[a.speaker_span[0] : a.speaker_span[1]] for a in found if a.speaker_span}
    assert {"TAPPER", "FALLIN"} <= labelled


def test_a_single_capitalised_headline_is_not_a_transcript() -> None:
    text = "FIX IS IN: Moderators ignore the scandal at the debate.\nThe debate went on."
    assert not any(a.speaker_span and text[a.speaker_span[0]] == "F" for a in statements(text))


def test_a_definite_description_names_the_last_person_named() -> None:
    text = (
        "Ivan Petrov arrived in Geneva on Monday. "
        "The president said the talks would resume next week in Istanbul."
    )
    found = statements(text)
    assert found
    speaker = found[-1].statement.speaker
    assert speaker is not None
    assert speaker.name == "Ivan Petrov"


def test_a_definite_description_with_its_own_name_is_not_replaced() -> None:
    text = (
        "Ivan Petrov arrived in Geneva on Monday. "
        "The president of France said the talks would resume next week in Istanbul."
    )
    speaker = statements(text)[-1].statement.speaker
    assert speaker is None or speaker.name != "Ivan Petrov"


def test_span_entities_match_spacys_span_ents() -> None:
    doc = load_pipeline()(
        "Vladimir Putin met Volodymyr Zelenskyy in Istanbul. NATO and the United Nations "
        "watched, and the European Union said on Monday it would send aid to Kyiv."
    )
    for span in [*doc.sents, doc[:], doc[2:9]]:
        expected = [(e.start, e.end, e.label_, e.ent_id_) for e in span.ents]
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in span_entities(span)] == expected


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


def _content(text: str, found: Attribution) -> str:
    return text[found.content_start : found.content_end]


def test_a_sentence_ending_in_a_colon_introduces_the_next_quote_whatever_its_verb() -> None:
    text = (
        "The crowd cheered loudly.\n\n"
        "Jared Potts, a local student, echoed:\n\n"
        "\u201cHe speaks his mind, and I think that might be what the country needs.\u201d"
    )
    found = [a for a in statements(text) if "speaks his mind" in _content(text, a)]
    assert len(found) == 1
    assert found[0].speaker_span is not None
    start, end = found[0].speaker_span
    assert "Potts" in text[start:end]


def test_a_headline_names_its_speaker_before_a_colon() -> None:
    text = (
        "Kasich: We Are Going To Win The Nomination.\n\n"
        "Ohio Governor John Kasich spoke to supporters in Cleveland on Tuesday night."
    )
    found = [a for a in statements(text) if _content(text, a).startswith("We Are Going")]
    assert len(found) == 1
    assert not _content(text, found[0]).endswith(".")
    assert found[0].speaker_span == (0, len("Kasich"))


def test_a_speaker_no_actor_resolves_to_still_keeps_its_mention() -> None:
    text = (
        "Joe Smith, a farmer, said the harvest was poor.\n\n"
        "\u201cIn some ways it feels like we have won the lottery,\u201d the old ad says."
    )
    found = [a for a in statements(text) if "lottery" in _content(text, a)]
    assert len(found) == 1
    assert found[0].speaker_span is not None
    start, end = found[0].speaker_span
    assert text[start:end].endswith("ad")
    assert found[0].statement.continues is None


def test_a_surname_after_a_quote_is_the_person_named_in_full_before() -> None:
    text = (
        "Republican nominee Mike Pence said the report was damning.\n\n"
        "\u201cNo one is above the law in this country,\u201d Pence said in the statement."
    )
    found = [a for a in statements(text) if "above the law" in _content(text, a)]
    assert len(found) == 1
    speaker = found[0].statement.speaker
    assert speaker is not None
    assert speaker.name == "Mike Pence"


def test_a_long_quote_nobody_is_named_for_is_kept_without_a_speaker() -> None:
    long_quote = "We will rebuild every school and every hospital in this city"
    text = f"The rally ended late.\n\n\u201c{long_quote}.\u201d\n\n\u201cNo way out.\u201d"
    found = statements(text)
    kept = [a for a in found if long_quote in _content(text, a)]
    assert len(kept) == 1
    assert kept[0].statement.speaker is None
    assert not any("No way out" in _content(text, a) for a in found)


def test_a_quote_framed_by_any_verb_beside_it_is_its_subjects() -> None:
    text = (
        "The hearing went on for hours.\n\n"
        "\u201cEverything that you have said has totally overlapped,\u201d the judge exclaimed."
    )
    found = [a for a in statements(text) if "totally overlapped" in _content(text, a)]
    assert len(found) == 1
    assert found[0].speaker_span is not None
    start, end = found[0].speaker_span
    assert text[start:end].endswith("judge")
    assert found[0].cue_token is not None


def test_reported_speech_before_someone_elses_quote_keeps_its_own_clause() -> None:
    text = (
        "Carson said he saw no need to change anything about his campaign, telling "
        "reporters that \u201cwe tell the truth, we deal with the issues\u201d every day."
    )
    contents = [_content(text, a) for a in statements(text)]
    assert any(c.startswith("he saw no need") and "telling" not in c for c in contents)
    assert any("we tell the truth" in c for c in contents)


def test_a_sentence_final_she_said_reports_everything_before_it() -> None:
    text = (
        "The Internet has also made it possible for people with like-minded, if bogus, ideas "
        "and theories to organize into communities and reach others, she said."
    )
    found = statements(text)
    assert len(found) == 1
    content = _content(text, found[0])
    assert content.startswith("The Internet")
    assert content.endswith("reach others")
    assert found[0].speaker_span is not None
    start, end = found[0].speaker_span
    assert text[start:end] == "she"


def test_a_participle_outside_a_quote_speaks_for_the_nearest_clause_above_it() -> None:
    # The parser may root the sentence in the quote's own verb: its subject is a word of
    # the quote, not who tells the reporters.
    text = (
        "The envoy seemed unmoved on Tuesday, telling reporters, "
        "\u201cMany people said the truce would collapse.\u201d"
    )
    quoted = [a for a in statements(text) if "truce would collapse" in a.statement.content]
    assert quoted
    assert all(a.statement.speaker_text == "envoy" for a in quoted)


def test_a_title_in_quote_marks_after_a_preposition_is_nobodys_statement() -> None:
    text = 'The foreign minister appeared on "Face the Nation" and said the talks would resume.'
    found = statements(text)
    assert not any("Face the Nation" in a.statement.content for a in found)
    assert any(a.statement.content == "the talks would resume" for a in found)


def test_a_sentence_in_quote_marks_after_a_preposition_is_still_said() -> None:
    text = 'The minister ended on "we will not give up an inch of our land," to loud applause.'
    found = statements(text)
    assert any("give up an inch" in a.statement.content for a in found)
