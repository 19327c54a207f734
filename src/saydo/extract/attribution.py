"""The record a statement rule returns, and the document index every rule reads."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from saydo.domain import PIPELINE_VERSION, Provenance, Statement
from saydo.extract.context import ArticleContext


@dataclass(frozen=True, slots=True)
class Attribution:
    """A statement with the parse positions the event extractor needs."""

    statement: Statement
    content_start: int  # characters
    content_end: int
    cue_token: int | None  # token index of the cue, None for continuations
    # Characters of the speaker's mention as written ("he", "a spokesperson for X");
    # None for speakerless quotes; a continuation keeps the mention of its speaker.
    speaker_span: tuple[int, int] | None = None

    def with_speaker_span(self, span: tuple[int, int] | None) -> Attribution:
        return replace(self, speaker_span=span)


@dataclass(frozen=True, slots=True)
class TextIndex:
    """The doc's text and sentences, computed once: ``Doc.text`` and ``Token.sent`` rebuild
    them on every access, which made them most of this module's cost."""

    text: str
    sentences: list[Span]
    starts: list[int]  # first character of each sentence

    @classmethod
    def of(cls, doc: Doc) -> TextIndex:
        sentences = list(doc.sents)
        return cls(doc.text, sentences, [s.start_char for s in sentences])

    def sentence_at(self, char: int) -> Span | None:
        n = self.sentence_number(char)
        return self.sentences[n] if n >= 0 else None

    def sentence_number(self, char: int) -> int:
        return bisect_right(self.starts, char) - 1

    def provenance(self, ctx: ArticleContext, start: int, end: int) -> Provenance:
        sentence = self.sentence_at(start)
        text = sentence.text.strip() if sentence is not None else self.text.strip()
        return Provenance(ctx.article_id, start, end, text, PIPELINE_VERSION)
