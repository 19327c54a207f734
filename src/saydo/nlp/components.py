"""saydo's own spaCy components, registered as factories.

``saydo_paragraphs_v1`` makes every line break a sentence boundary: news text puts one
paragraph on a line, and the parser otherwise runs a headline into the lede. It also keeps
the parser from ending a sentence at a clock time ("from 10 a.m. Moscow time").

``saydo_headers_v1`` mends one parse after the parser: the speaker's label that opens a
bulletin line ("Haidai: from Hirske today 318 persons were taken out") is sometimes
made a second subject of the line's verb, which then reads as the one taken out.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

CLOCK_SUFFIXES = frozenset({"a.m.", "p.m.", "a.m", "p.m"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The longest speaker label read as one: "Luhansk regional military administration".
HEADER_TOKENS = 6
# What the cached parses went through beyond the model: a change here re-parses them.
PARSE_REPAIRS = "headers-1"


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


@Language.component(
    "saydo_headers_v1",
    requires=["token.dep", "token.is_sent_start"],
    assigns=["token.dep"],
)
def speaker_headers(doc: Doc) -> Doc:
    for sent in doc.sents:
        colon = next((t for t in sent[: HEADER_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            continue
        header = doc[sent.start : colon.i]
        root = header.root
        verb = root.head
        if root.dep_ not in SUBJECTS or verb.i <= colon.i:
            continue
        if any(c.dep_ in SUBJECTS and c.i > colon.i for c in verb.children):
            root.dep_ = "dep"
    return doc
