"""Statements: who said what, as direct, partial and indirect quotes.

A plain function over a parsed Doc. Quote spans come from the raw text
(:mod:`saydo.extract.quotes`), attribution from the parse: the cue verb or noun that
governs the quote or the reported clause (:mod:`saydo.extract.cues`), its subject
(:mod:`saydo.extract.speakers`), layout that attributes without a cue
(:mod:`saydo.extract.framing`) and the content of reported speech
(:mod:`saydo.extract.indirect`). Every quote is handled on its own inside a ``try``: a
quote that confuses the rules is dropped with its reason logged, and the rest of the
document goes on.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, Statement, StatementKind, record_id
from saydo.extract.attribution import Attribution, TextIndex
from saydo.extract.context import ArticleContext
from saydo.extract.cues import Cue, find_cues, governing_cue, nearest_cue
from saydo.extract.framing import (
    colon_introduction,
    covers_transcript_line,
    dash_signature,
    framing_cue,
    governing_verb_cue,
    headline_statements,
    speakerless_within,
    transcript_statements,
)
from saydo.extract.indirect import add_indirect, impersonal_thoughts, indirect_statements
from saydo.extract.mentions import Salience
from saydo.extract.quotes import QuoteSpan, find_quotes, inside_quote
from saydo.extract.speaker_clause import (
    clause_speaker,
    outer_speech_cue,
    preceding_subject,
    trailing_frame,
    words_owner,
)
from saydo.extract.speakers import goes_on, last_speaker, note_subjects, same_person

__all__ = ["Attribution", "extract_statements"]

log = logging.getLogger(__name__)

# Shorter quotes with no speaker are titles, slogans and scare quotes.
MIN_UNATTRIBUTED_WORDS = 6
# How long a title in quote marks runs, and the small words title case leaves lower.
MAX_TITLE_WORDS = 8
TITLE_OPENER_POS = frozenset({"ADP", "DET", "PART"})
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by"}
)


def extract_statements(doc: Doc, ctx: ArticleContext, salience: Salience) -> list[Attribution]:
    index = TextIndex.of(doc)
    quotes = find_quotes(index.text)
    quotes_by_sentence = _group_quotes(index, quotes)
    cues_by_sentence: list[list[Cue]] = []
    found: list[Attribution] = []
    for n, sent in enumerate(index.sentences):
        note_subjects(sent, ctx, salience, quotes)
        cues = find_cues(sent, ctx, salience)
        cues_by_sentence.append(cues)
        for quote in quotes_by_sentence.get(n, []):
            first = index.sentence_number(quote.start)
            introduced = colon_introduction(index, first, quote, cues_by_sentence, ctx, salience)
            if introduced is not None:
                first -= 1
                candidates = [introduced]
            else:
                # A cue inside a quote is the quoted speaker's own words ("I said").
                candidates = [
                    c
                    for k in range(first, n + 1)
                    for c in cues_by_sentence[k]
                    if not inside_quote(c.token.idx, quotes)
                ]
            try:
                attribution = _attribute_quote(
                    index, index.sentences[first], quote, candidates, found, ctx, salience
                )
            except (IndexError, ValueError, AttributeError) as error:  # one quote, not the doc
                log.warning("quote at %d skipped: %s", quote.start, error)
                continue
            if attribution is not None:
                found.append(attribution)
                if attribution.statement.speaker is not None:
                    salience.speaker(quote.start, attribution.statement.speaker)
        for attribution in indirect_statements(index, sent, cues, quotes, ctx):
            add_indirect(index, sent.doc, found, attribution, quotes)
        for attribution in impersonal_thoughts(index, sent, quotes, ctx):
            add_indirect(index, sent.doc, found, attribution, quotes)
    transcript = transcript_statements(index, doc, ctx, salience)
    found = [a for a in found if not covers_transcript_line(a, transcript)] + transcript
    for headline in headline_statements(index, doc, ctx, salience, found):
        # The title's quote, kept without a speaker, is the headline's statement.
        found = [a for a in found if not speakerless_within(a, headline)] + [headline]
    return _unique(found)


def _unique(found: list[Attribution]) -> list[Attribution]:
    seen: set[str] = set()
    unique: list[Attribution] = []
    for attribution in found:
        if attribution.statement.id not in seen:
            seen.add(attribution.statement.id)
            unique.append(attribution)
    return unique


def _group_quotes(index: TextIndex, quotes: list[QuoteSpan]) -> dict[int, list[QuoteSpan]]:
    """Quotes by the sentence that closes them, where their cue is: a quote of several
    sentences is attributed after them ("... A pathetic figure!” he wrote.")."""
    grouped: dict[int, list[QuoteSpan]] = {}
    for quote in quotes:
        if index.sentence_number(quote.start) < 0:
            continue
        last = index.sentence_number(max(quote.start, quote.end - 1))
        if _cue_follows(index, last, quote.end):
            last += 1
        grouped.setdefault(last, []).append(quote)
    return grouped


def _cue_follows(index: TextIndex, n: int, quote_end: int) -> bool:
    """The parser often ends a sentence at ``!”`` or ``?”``, leaving "he wrote." alone."""
    if n + 1 >= len(index.sentences):
        return False
    rest = index.text[quote_end : index.sentences[n].end_char]
    if rest.strip(" \u201d\u2019\"'.,!?") != "":
        return False
    following = index.sentences[n + 1]
    return len(following) <= 8 and "\n" not in index.text[quote_end : following.start_char]


def _quote_tokens(doc: Doc, quote: QuoteSpan) -> Span | None:
    return doc.char_span(quote.start, quote.end, alignment_mode="expand")


def _attribute_quote(
    index: TextIndex,
    sent: Span,
    quote: QuoteSpan,
    cues: list[Cue],
    previous: list[Attribution],
    ctx: ArticleContext,
    salience: Salience,
) -> Attribution | None:
    span = _quote_tokens(sent.doc, quote)
    if span is None or len(span) == 0 or _names_a_work(span):
        return None
    cue = _quote_cue(index, span, quote, cues, ctx, salience)
    kind = _quote_kind(sent, span)
    before = last_speaker(previous, index, quote)
    if cue is not None and cue.speaker_text is not None:
        # A cue with a subject names the speaker even when no actor resolves ("Canova
        # said", "the ad says"): the mention is kept, and it is not the previous speaker.
        speaker = cue.speaker
        if speaker is None and before is not None and same_person(cue.speaker_text, before):
            speaker = before.statement.speaker
        return _make(
            index, ctx, quote, kind, speaker, cue.speaker_text, cue.token, None
        ).with_speaker_span(cue.speaker_span)
    introduced = (
        None if quote.continues_previous else preceding_subject(index, quote, ctx, salience)
    )
    if introduced is not None:
        # The sentence before names who speaks but does not frame the quote: no cue.
        return _make(
            index, ctx, quote, kind, introduced.speaker, introduced.speaker_text, None, None
        ).with_speaker_span(introduced.speaker_span)
    if before is not None and goes_on(before, index, quote):
        continued = _make(
            index, ctx, quote, kind, before.statement.speaker, None, None, before.statement.id
        )
        # '"X," Espinoza said. "Y."', or a quote running on over paragraphs: one speaker,
        # named once, for every part.
        return continued.with_speaker_span(before.speaker_span)
    if cue is not None:
        return _make(index, ctx, quote, kind, None, None, cue.token, None)
    if len(quote.text(index.text).split()) >= MIN_UNATTRIBUTED_WORDS:
        # A sentence or more in quote marks is somebody's words even when the text never
        # says whose: kept without a speaker rather than lost.
        return _make(index, ctx, quote, kind, None, None, None, None)
    return None  # a quote nobody said: a title, a slogan, a scare quote


def _names_a_work(span: Span) -> bool:
    """'said on NBC's "Meet the Press"', 'the "Make America Great Again" hat': a short
    quote in title case after a preposition, article or possessive names a programme, a
    book or a slogan as a noun of the sentence; nobody says it there."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > MAX_TITLE_WORDS or not words[0].text[0].isupper():
        return False
    before = _word_before(span)
    if before is None or not (before.pos_ in TITLE_OPENER_POS or before.tag_ == "POS"):
        return False
    return all(t.text[0].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words)


def _word_before(span: Span) -> Token | None:
    """The word before a quote in its own sentence (None when the quote opens it)."""
    doc, sent_start = span.doc, span.sent.start
    for i in range(span.start - 1, sent_start - 1, -1):
        if not (doc[i].is_punct or doc[i].is_space):
            return doc[i]
    return None


def _quote_cue(
    index: TextIndex,
    span: Span,
    quote: QuoteSpan,
    cues: list[Cue],
    ctx: ArticleContext,
    salience: Salience,
) -> Cue | None:
    """The cue of a quote, with the speaker it names when the sentence names one."""
    cue = dash_signature(index, span.doc, quote, ctx, salience)
    if cue is not None or quote.continues_previous:
        return cue
    cue = (
        words_owner(span, ctx, salience)
        or _governing(span, cues)
        or framing_cue(span, ctx, salience)
        or nearest_cue(span, cues)
    )
    if cue is not None and _speaks_inside(cue, quote):
        # "..., saying he is 'weak, you know that'": a subject inside the quote is a word
        # of the quote, never whoever says it.
        cue = Cue(cue.token, None, None)
    if cue is not None and cue.speaker_text is not None:
        return cue
    # No cue names a speaker: whoever the clause around the quote, or a frame the
    # parser cut off after it, is about.
    return (
        governing_verb_cue(span, ctx, salience)
        or clause_speaker(span, ctx, salience)
        or trailing_frame(index, quote, ctx, salience)
        or cue
    )


def _governing(span: Span, cues: list[Cue]) -> Cue | None:
    cue = governing_cue(span, cues)
    return outer_speech_cue(cue, cues) if cue is not None else None


def _speaks_inside(cue: Cue, quote: QuoteSpan) -> bool:
    return cue.speaker_span is not None and quote.start <= cue.speaker_span[0] < quote.end


def _quote_kind(sent: Span, span: Span) -> StatementKind:
    first_word = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    starts_sentence = first_word is not None and first_word.i >= span.start
    after_colon = (
        span.start > 0
        and span.doc[span.start - 1].text in {":", "“", '"'}
        and (span.start > 1 and span.doc[span.start - 2].text == ":")
    )
    return StatementKind.DIRECT if starts_sentence or after_colon else StatementKind.PARTIAL


def _make(
    index: TextIndex,
    ctx: ArticleContext,
    quote: QuoteSpan,
    kind: StatementKind,
    speaker: Actor | None,
    speaker_text: str | None,
    cue: Token | None,
    continues: str | None,
) -> Attribution:
    start, end = quote.start, quote.end
    while end > start and index.text[end - 1] in " ,":
        end -= 1
    content = index.text[start:end]
    statement = Statement(
        id=record_id("st", ctx.article_id, start, end),
        speaker=speaker,
        speaker_text=speaker_text,
        kind=kind,
        cue=cue.text if cue is not None else None,
        content=content,
        provenance=index.provenance(ctx, start, end),
        continues=continues,
    )
    return Attribution(statement, start, end, cue.i if cue is not None else None)
