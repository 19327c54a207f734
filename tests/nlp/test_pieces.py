"""Long texts parsed in pieces: the joined Doc is the original text, offsets and all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from saydo.nlp.pieces import parse_texts, pieces
from saydo.nlp.pipeline import load_pipeline

PARAGRAPH = (
    "Russian forces shelled Kharkiv overnight, regional officials said on Tuesday. "
    "The governor said two people were killed and a school was hit.\n"
)


@given(st.text(alphabet="ab \n", max_size=300), st.integers(min_value=2, max_value=60))
def test_pieces_join_back_to_the_text_and_respect_the_limit(text: str, limit: int) -> None:
    cut = pieces(text, limit)
    assert "".join(cut) == text
    assert all(len(piece) <= limit for piece in cut)


def test_a_long_text_parsed_in_pieces_keeps_every_character_offset() -> None:
    text = PARAGRAPH * 12 + "Kyiv was quiet."
    short = "Ukrainian officials said Russian troops left Bucha."
    nlp = load_pipeline()
    long_doc, short_doc = parse_texts(nlp, [text, short], limit=400)
    assert long_doc.text == text
    assert short_doc.text == short
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in long_doc)
    whole = nlp(text)
    assert [t.text for t in long_doc] == [t.text for t in whole]
    # Paragraphs start sentences either way, so the pieces lose no sentence.
    assert len(list(long_doc.sents)) == len(list(whole.sents))
    places = {e.text for e in long_doc.ents if e.label_ == "GPE"}
    assert {"Kharkiv", "Kyiv"} <= places
