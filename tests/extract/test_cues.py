"""Cue words: lemmas the tagger gets wrong, thoughts apart from speech, source phrases."""

from __future__ import annotations

from spacy.tokens import Token

from saydo.domain import Article, content_hash
from saydo.extract.context import build_context
from saydo.extract.cues import cue_lemma, find_cues, is_thought, reports_sentence
from saydo.extract.mentions import Salience
from saydo.nlp.pipeline import load_pipeline


def token(text: str, word: str) -> Token:
    return next(t for t in load_pipeline()(text) if t.text == word)


def test_an_inflected_cue_verb_is_found_from_its_form() -> None:
    hopes = token("In California, Clinton hopes to make a statement in the contest.", "hopes")
    assert cue_lemma(hopes) == "hope"
    assert is_thought(hopes)


def test_a_lemma_outside_the_cue_lists_is_left_alone() -> None:
    walked = token("The delegation walked out of the hall.", "walked")
    assert cue_lemma(walked) == walked.lemma_.lower()


def test_speech_and_belief_are_not_thoughts_but_wishes_are() -> None:
    assert not is_thought(token("The minister said the talks failed.", "said"))
    assert not is_thought(token("Officials believe the army is regrouping.", "believe"))
    assert is_thought(token("The minister wants the talks to resume.", "wants"))


def test_an_opening_poll_phrase_reports_its_sentence_but_an_interview_does_not() -> None:
    assert reports_sentence(token("In a new poll, most voters backed the deal.", "In"))
    assert not reports_sentence(token("In an interview, the mayor said no.", "In"))
    assert not reports_sentence(token("Shelling continued in the city, officials said.", "in"))


def cue_speakers(text: str) -> dict[str, str | None]:
    doc = load_pipeline()(text)
    ctx = build_context(doc, Article(id=content_hash(text), text=text, source="test"))
    return {
        cue.token.lower_: cue.speaker_text
        for sent in doc.sents
        for cue in find_cues(sent, ctx, Salience())
    }


def test_pointing_out_declining_and_refusing_are_cues_of_their_subject() -> None:
    found = cue_speakers(
        "Senator Maria Lopez pointed out that the budget had doubled. "
        "The ministry declined to comment on the strike. "
        "Governor Ivan Petrov refused to say whether troops would stay."
    )
    assert found.get("pointed") == "Senator Maria Lopez"
    assert found.get("declined") == "ministry"
    assert found.get("refused") == "Governor Ivan Petrov"


def test_putting_it_is_a_cue_but_putting_troops_is_not() -> None:
    found = cue_speakers(
        "As Governor Ivan Petrov put it, the city cannot wait for another winter. "
        "The army put troops on the border."
    )
    # A second "put" cue would overwrite the first with "army".
    assert found.get("put") == "Governor Ivan Petrov"


def test_a_passive_cue_speaks_through_its_agent_and_an_attitude_through_its_subject() -> None:
    found = cue_speakers(
        "The strike was described by Ukrainian officials as a war crime. "
        "Senator Maria Lopez is skeptical of the new plan."
    )
    assert found.get("described") == "Ukrainian officials"
    assert found.get("skeptical") == "Senator Maria Lopez"


def test_an_adjective_without_a_clause_or_object_is_no_cue() -> None:
    assert "sure" not in cue_speakers("The minister seemed sure.")
