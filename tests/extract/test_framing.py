"""Attribution by layout: headlines, and verbs outside the cue lists that frame a quote."""

from __future__ import annotations

from saydo.domain import Article, content_hash
from saydo.extract.attribution import Attribution
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience
from saydo.extract.statements import extract_statements
from saydo.nlp.pipeline import load_pipeline


def statements(text: str) -> list[Attribution]:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    return extract_statements(doc, build_context(doc, article), Salience())


def spoken_by(text: str, words: str) -> str | None:
    found = [a for a in statements(text) if words in text[a.content_start : a.content_end]]
    assert len(found) == 1
    span = found[0].speaker_span
    return text[span[0] : span[1]] if span is not None else None


def test_a_headline_label_the_tagger_misses_as_a_name_still_speaks() -> None:
    text = "Poll: Clinton And Trump In Dead Heat Before First Debate.\n\nThe survey ran in May."
    assert spoken_by(text, "Dead Heat") == "Poll"


def test_a_lowercase_headline_opening_is_no_speaker() -> None:
    text = "the day after: Clinton And Trump In Dead Heat Before First Debate.\n\nIt ran in May."
    assert not any(a.speaker_span == (0, len("the day after")) for a in statements(text))


def test_a_quote_hung_on_any_verb_with_a_subject_is_that_subjects_not_a_continuation() -> None:
    text = (
        "\u201cWe will never leave this city,\u201d Ivan Petrov said.\n\n"
        "The hearing ended late. Maria Lopez then addressed the crowd again: "
        "\u201cWe will win this fight in the courts and in the streets.\u201d"
    )
    assert spoken_by(text, "win this fight") == "Maria Lopez"


def test_a_verb_whose_subject_is_no_speaker_does_not_take_the_quote() -> None:
    text = (
        "\u201cWe will never leave this city,\u201d Ivan Petrov said.\n\n"
        "The banner carried the words \u201cWe will win this fight in the courts and in the "
        "streets.\u201d"
    )
    assert spoken_by(text, "win this fight") != "banner"


def test_transcript_lines_opened_by_a_quote_mark_speak_for_their_label() -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"HOST: Will the minister attend the debate tomorrow night in the city?\n\n'
        '"GUEST: The minister will not be attending the debate tomorrow night.\n\n'
        '"HOST: Do you really see those two things as equivalent tonight?\n'
    )
    found = statements(text)
    for words, label in (("not be attending", "GUEST"), ("two things", "HOST")):
        holding = [a for a in found if words in text[a.content_start : a.content_end]]
        assert len(holding) == 1
        span = holding[0].speaker_span
        assert span is not None
        assert text[span[0] : span[1]] == label
        assert not text[holding[0].content_start :].startswith(label)


def test_a_dash_after_a_quote_signs_it_with_a_name_not_the_previous_speaker() -> None:
    text = (
        "\u201cThe debate showed us nothing new about the economy,\u201d Maria Lopez said.\n"
        "\u201cHe has no plan for jobs and no plan for our schools.\u201d \u2015 Carlos Ruiz\n"
        "\u201cI will vote for the first time this year, and I am proud.\u201d\u2014 Ana Torres."
    )
    assert spoken_by(text, "no plan for jobs") == "Carlos Ruiz"
    assert spoken_by(text, "vote for the first time") == "Ana Torres"
    assert spoken_by(text, "showed us nothing") == "Maria Lopez"


def test_a_dash_into_more_text_signs_nothing() -> None:
    text = (
        "\u201cWe will rebuild every bridge in this region,\u201d Maria Lopez said \u2014 "
        "Carlos Ruiz nodded beside her."
    )
    assert spoken_by(text, "rebuild every bridge") == "Maria Lopez"


def test_a_newsroom_label_before_a_headline_colon_is_no_speaker() -> None:
    text = "Breaking: Russia and Ukraine agree to a ceasefire in the east.\n\nMore follows."
    assert all(a.statement.speaker_text != "Breaking" for a in statements(text))
    assert spoken_by("Kasich: We Are Going To Go All The Way", "Go All The Way") == "Kasich"


def test_each_label_of_a_bulletin_line_speaks_to_the_next_label() -> None:
    text = (
        "Haidai: the buses could not get into Hirske this morning. Russian MoD: the "
        "Ukrainian side did not use the route."
    )
    found = {
        text[a.content_start : a.content_end]: text[a.speaker_span[0] : a.speaker_span[1]]
        for a in statements(text)
        if a.speaker_span is not None
    }
    assert found == {
        "the buses could not get into Hirske this morning": "Haidai",
        "the Ukrainian side did not use the route": "Russian MoD",
    }


def test_a_live_blogs_time_stamp_is_no_part_of_the_speakers_label() -> None:
    text = "UPDATE 14:10 - Kharkiv governor Oleh Syniehubov: buses left Izium at noon."
    assert spoken_by(text, "buses left Izium") == "Kharkiv governor Oleh Syniehubov"
