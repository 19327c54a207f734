"""Parse long texts in pieces, so that memory does not grow with an article's length.

The parser holds a whole text at once: one press release of a few hundred thousand
characters took an ingest past 1.5 GB. A text longer than the limit is cut after line
breaks (paragraphs, which saydo treats as sentence starts anyway), the pieces are parsed
a few at a time, and their Docs are joined back into one whose text, and so every
character offset, is the original's.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut after line breaks (else spaces) into pieces of at most ``limit``
    characters; joined, they are ``text``."""
    if len(text) <= limit:
        return [text]
    cut_at: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit - 1  # no break at all: cut inside the run
        cut_at.append(text[start : cut + 1])
        start = cut + 1
    cut_at.append(text[start:])
    return cut_at


def parse_texts(nlp: Language, texts: Iterable[str], limit: int) -> list[Doc]:
    """One Doc per text, in order; a text longer than ``limit`` is parsed piece by
    piece and joined, the others together in one batch as usual."""
    split = [pieces(text, limit) for text in texts]
    whole = iter(nlp.pipe(parts[0] for parts in split if len(parts) == 1))
    docs: list[Doc] = []
    for parts in split:
        if len(parts) == 1:
            docs.append(next(whole))
        else:
            # One piece at a time: a batch would hold them all again.
            parsed = [nlp(piece) for piece in parts]
            docs.append(Doc.from_docs(parsed, ensure_whitespace=False))
    return docs
