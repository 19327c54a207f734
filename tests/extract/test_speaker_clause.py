"""Speakers of quotes with no cue of their own, on real parses of sentences written here."""

from __future__ import annotations

from spacy.tokens import Doc

from saydo.domain import Article, content_hash
from saydo.extract.attribution import Attribution
from saydo.extract.context import build_context
from saydo.extract.mentions import Salience
from saydo.extract.speakers import can_speak, subject_of
from saydo.extract.statements import extract_statements
from saydo.nlp.pipeline import load_pipeline


def quoted(text: str, words: str) -> Attribution:
    doc = load_pipeline()(text)
    article = Article(id=content_hash(text), text=text, source="test")
    found = [
        a
        for a in extract_statements(doc, build_context(doc, article), Salience())
        if words in text[a.content_start : a.content_end]
    ]
    assert len(found) == 1, found
    return found[0]


def speaker_mention(text: str, words: str) -> str:
    span = quoted(text, words).speaker_span
    assert span is not None
    return text[span[0] : span[1]]


def test_a_possessors_remark_is_theirs() -> None:
    text = (
        "Rita Okafor spoke first at the rally.\n\n"
        "Mayor Daniel Ferris mocked Okafor's promise of \u201ca park in every street\u201d "
        "for weeks afterwards."
    )
    assert speaker_mention(text, "a park in every street") == "Okafor's"


def test_a_quote_in_a_relative_clause_is_the_speaker_the_clause_hangs_on() -> None:
    text = (
        "Teachers cheered Marta Lindqvist, who wants \u201cevery village school open again\u201d "
        "before the winter."
    )
    found = quoted(text, "every village school")
    assert found.speaker_span is not None
    assert text[found.speaker_span[0] : found.speaker_span[1]] == "who"
    assert found.statement.speaker is not None
    assert "Lindqvist" in found.statement.speaker.name


def test_a_frame_the_parser_cut_off_after_a_question_names_the_speaker() -> None:
    text = (
        "The minister left the stage.\n\n"
        "\u201cWill the bridge be open before the winter?\u201d Reporter Dana Cole pressed.\n\n"
        "Nobody answered her."
    )
    assert "Cole" in speaker_mention(text, "bridge be open")


def test_a_subject_after_its_verb_is_the_speaker_not_the_object() -> None:
    text = (
        "The market closed early on Friday.\n\n"
        "\u201cWhere will the money for the new roof come from?\u201d asked the shopkeeper."
    )
    assert speaker_mention(text, "money for the new roof").endswith("shopkeeper")


def test_the_sentence_before_a_bare_quote_names_its_speaker() -> None:
    text = (
        "\u201cThe reform is overdue,\u201d said Paul Brennan, a union leader.\n\n"
        "Finance minister Olga Brandt disagreed. "
        "\u201cThe budget leaves nothing at all for the schools in the north.\u201d"
    )
    found = quoted(text, "leaves nothing at all")
    assert found.speaker_span is not None
    assert "Brandt" in text[found.speaker_span[0] : found.speaker_span[1]]
    assert found.statement.continues is None


def test_a_bare_quote_after_the_speakers_own_quote_still_continues_it() -> None:
    text = (
        "\u201cThe reform is overdue,\u201d said Paul Brennan, a union leader. "
        "\u201cWe have waited for ten long years already.\u201d"
    )
    found = quoted(text, "ten long years")
    assert found.speaker_span is not None
    assert "Brennan" in text[found.speaker_span[0] : found.speaker_span[1]]


def test_a_name_the_parser_left_without_its_verb_still_speaks() -> None:
    # The parse the model gives such sentences at times: the name hangs on "the Herald"
    # as an apposition, and "said" has no subject.
    words = ["In", "a", "letter", "to", "the", "Herald", ",", "his", "aide", ",", "Mark"]
    words += ["Ode", ",", "said", ":"]
    heads = [13, 2, 0, 2, 5, 3, 5, 8, 5, 8, 11, 8, 13, 13, 13]
    deps = ["prep", "det", "pobj", "prep", "det", "pobj", "punct", "poss", "appos", "punct"]
    deps += ["compound", "appos", "punct", "ROOT", "punct"]
    tags = ["IN", "DT", "NN", "IN", "DT", "NNP", ",", "PRP$", "NN", ",", "NNP", "NNP", ","]
    tags += ["VBD", ":"]
    pos = ["ADP", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "PRON", "NOUN", "PUNCT"]
    pos += ["PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subject = subject_of(doc[13])
    assert subject is not None
    assert subject.text == "Ode"


def test_a_verb_with_its_own_subject_takes_no_stranded_name() -> None:
    doc = load_pipeline()("Her aide, Mark Ode, said the talks had failed.")
    verb = next(t for t in doc if t.lemma_ == "say")
    subject = subject_of(verb)
    assert subject is not None
    assert subject.dep_ == "nsubj"


def test_a_noun_subject_outside_the_lexicon_speaks_its_own_chant() -> None:
    text = (
        "The mayor promised new housing for the district.\n\n"
        "The crowd answered him again and again, \u201cHomes not excuses,\u201d until dusk."
    )
    assert speaker_mention(text, "Homes not excuses").endswith("crowd")


def test_a_known_speaker_up_the_parse_outranks_a_nearer_noun() -> None:
    text = (
        "Taxes are \u201ca burden on every family in this valley,\u201d "
        "Governor Lena Marsh declared at the fair."
    )
    assert "Marsh" in speaker_mention(text, "a burden on every family")


def test_a_quote_on_a_named_words_noun_is_the_owners_whatever_verb_governs() -> None:
    text = (
        "Senator Ruth Vance ridiculed the governor's promise of "
        "\u201ca summer without a single pothole\u201d on Monday."
    )
    assert speaker_mention(text, "without a single pothole").endswith("governor's")


def test_a_bare_quote_keeps_no_speaker_when_nobody_is_named_near_it() -> None:
    text = (
        "The storm closed the port for a week.\n\n"
        "\u201cWe will rebuild every pier and every warehouse on this coast.\u201d"
    )
    found = quoted(text, "rebuild every pier")
    assert found.statement.speaker is None
    assert found.speaker_span is None


def test_a_subject_after_its_verb_with_a_clause_of_its_own_still_speaks() -> None:
    text = (
        "The shop reopened in May.\n\n"
        "\u201cWe lost everything in the flood and nobody came to help,\u201d said the owner, "
        "who did not want her name printed because of her family."
    )
    assert speaker_mention(text, "lost everything in the flood").endswith("owner")


def test_a_speaker_named_with_a_short_quote_goes_on_into_the_next_quote() -> None:
    text = (
        "The council approved the new tax on Monday.\n\n"
        "\u201cNever,\u201d wrote a local shop owner on the town forum. "
        "\u201cWho will pay for all of these promises in the end?\u201d"
    )
    assert "shop owner" in speaker_mention(text, "Who will pay")


def test_a_word_inside_the_quote_never_speaks_it() -> None:
    text = (
        "Councillor Ada Brook attacked the plan on Tuesday, saying it was "
        "\u201ca waste of money, you know that, and a waste of time.\u201d"
    )
    found = quoted(text, "a waste of money")
    span = found.speaker_span
    assert span is None or not (found.content_start <= span[0] < found.content_end)


def test_a_quote_in_a_reported_clause_is_the_reporters_not_the_clauses() -> None:
    text = (
        "Mayor Ellen Park said the bankers were calling the plan "
        "\u201ca reckless gamble with our savings\u201d all week."
    )
    found = quoted(text, "a reckless gamble")
    assert found.speaker_span is not None
    assert "Park" in text[found.speaker_span[0] : found.speaker_span[1]]


def test_an_earlier_speaker_does_not_go_on_past_a_paragraph_break() -> None:
    text = (
        "\u201cThe reform is overdue,\u201d said Paul Brennan, a union leader.\n\n"
        "The talks went on until late at night.\n\n"
        "\u201cWe have waited for ten long years already and we are tired of waiting.\u201d"
    )
    found = quoted(text, "ten long years")
    assert found.statement.speaker is None
    assert found.statement.continues is None


def test_a_quote_running_on_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Paul Brennan, a union leader, said: \u201cThe reform is overdue.\n\n"
        "\u201cWe have waited for ten long years already and we are tired of waiting.\u201d"
    )
    found = quoted(text, "ten long years")
    assert found.speaker_span is not None
    assert "Brennan" in text[found.speaker_span[0] : found.speaker_span[1]]


def test_roles_of_people_who_speak_in_the_news_can_speak_and_things_cannot() -> None:
    doc = load_pipeline()("The rabbi and the prosecutor met the colonel near the fence.")
    by_word = {t.text: t for t in doc}
    assert all(can_speak(by_word[w]) for w in ("rabbi", "prosecutor", "colonel"))
    assert not can_speak(by_word["fence"])
