"""saydo's own spaCy components, registered as factories.

``saydo_paragraphs_v1`` makes every line break a sentence boundary: news text puts one
paragraph on a line, and the parser otherwise runs a headline into the lede. It also keeps
the parser from ending a sentence at a clock time ("from 10 a.m. Moscow time").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

CLOCK_SUFFIXES = frozenset({"a.m.", "p.m.", "a.m", "p.m"})


@Language.component(
    "saydo_paragraphs_v1",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif previous.lower_ in CLOCK_SUFFIXES:
            token.is_sent_start = False
    return doc
