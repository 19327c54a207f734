"""Quote spans from raw text: marks of every kind, and no input that breaks the scanner."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from saydo.extract.quotes import find_quotes, inside_quote, overlaps_quote


def contents(text: str) -> list[str]:
    return [q.text(text) for q in find_quotes(text)]


def test_curly_and_straight_marks_pair_up() -> None:
    text = 'He said “we will not give up here” and “nor will they" today.'
    assert contents(text) == ["we will not give up here", "nor will they"]


def test_apostrophes_inside_a_quote_do_not_close_it() -> None:
    text = "She said “we don’t see any basis for it” on Monday."
    assert contents(text) == ["we don’t see any basis for it"]


def test_single_quoted_headline_fragment() -> None:
    text = "Minister rejects the offer saying 'nothing has changed at all'"
    assert contents(text) == ["nothing has changed at all"]


def test_possessive_apostrophe_is_not_a_quote() -> None:
    assert contents("The ministry's officials' statement was short.") == []


def test_two_word_scare_quotes_are_not_statements() -> None:
    assert contents("Shelling hit “civilian infrastructure” in the city.") == []


def test_quote_running_over_paragraphs_is_marked_as_continuing() -> None:
    text = "“First part of the quote goes on.\n“Second part ends here now.”"
    quotes = find_quotes(text)
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[1].continues_previous
    assert quotes[0].text(text) == "First part of the quote goes on."


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "He said “this never closes at all\nA new paragraph with no quote."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert not quotes[0].closed
    assert "\n" not in quotes[0].text(text)


MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "'", "\n", "\n\n", " ", "«", "»"])
WORDS = st.sampled_from(["Kyiv", "said", "we", "don't", "the", "talks", ".", ","])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKS, WORDS), max_size=80))
def test_random_marks_never_break_the_scanner(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert "\n" not in quote.text(text)


def test_inside_and_overlapping_a_quote() -> None:
    text = "He said “we will not give up here” on Monday."
    quotes = find_quotes(text)
    assert inside_quote(text.index("give"), quotes)
    assert not inside_quote(text.index("Monday"), quotes)
    assert overlaps_quote(0, text.index("we") + 1, quotes)
    assert not overlaps_quote(0, text.index("“"), quotes)


def test_a_paragraph_opened_with_a_misturned_mark_is_a_quote() -> None:
    text = "Intro line.\n\u201dWe are afraid of what comes next, and so are our children.\u201d"
    assert contents(text) == ["We are afraid of what comes next, and so are our children."]


def test_a_closing_mark_after_a_word_opens_nothing() -> None:
    text = "He spoke.\u201d Then the meeting ended without any vote at all."
    assert contents(text) == []


def test_inside_quote_agrees_with_a_scan_of_every_quote() -> None:
    text = (
        'He said "one two three" and then \u201cfour five six\u201d.\n"Seven eight nine," she said.'
    )
    quotes = find_quotes(text)
    assert len(quotes) == 3
    for char in range(len(text)):
        expected = any(q.start <= char < q.end for q in quotes)
        assert inside_quote(char, quotes) is expected


@given(st.lists(st.one_of(MARKS, WORDS), max_size=80))
@settings(max_examples=200, deadline=None)
def test_quotes_come_in_order_without_overlap(pieces: list[str]) -> None:
    # inside_quote's binary search relies on this.
    text = " ".join(pieces)
    quotes = find_quotes(text)
    for first, second in pairwise(quotes):
        assert first.end <= second.start
    for char in range(len(text)):
        assert inside_quote(char, quotes) is any(q.start <= char < q.end for q in quotes)
