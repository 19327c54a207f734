"""saydo's own spaCy components, registered as factories.

``saydo_paragraphs_v1`` makes every line break a sentence boundary: news text puts one
paragraph on a line, and the parser otherwise runs a headline into the lede.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "saydo_paragraphs_v1",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
