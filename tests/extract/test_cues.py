"""Cue words: lemmas the tagger gets wrong, thoughts apart from speech, source phrases."""

from __future__ import annotations

from spacy.tokens import Token

from saydo.extract.cues import cue_lemma, is_thought, reports_sentence
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
