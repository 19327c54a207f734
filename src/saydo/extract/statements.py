"""Statements: who said what, as direct, partial and indirect quotes.

A plain function over a parsed Doc. Quote spans come from the raw text
(:mod:`saydo.extract.quotes`), attribution from the parse: the cue verb or noun that
governs the quote or the reported clause, and its subject. Every quote is handled on its
own inside a ``try``: a quote that confuses the rules is dropped with its reason logged,
and the rest of the document goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, Statement, StatementKind, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_NOUNS, CUE_VERBS
from saydo.extract.mentions import Salience, noun_phrase, resolve_head
from saydo.extract.quotes import QuoteSpan, find_quotes

log = logging.getLogger(__name__)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "acl", "relcl", "conj", "advcl", "dobj"})
# Words between a cue and its content that belong to neither ("said on Wednesday that").
CONTENT_OPENERS = frozenset({"that", ","})
# Cues so common in "X said the ..." that a misparsed complement is still their content.
LOOSE_CUES = frozenset({"say", "tell", "add", "claim", "insist", "warn", "state", "believe"})
# A quote continues the previous speaker only this close to the previous statement.
CONTINUATION_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class Attribution:
    """A statement with the parse positions the event extractor needs."""

    statement: Statement
    content_start: int  # characters
    content_end: int
    cue_token: int | None  # token index of the cue, None for continuations


@dataclass(frozen=True, slots=True)
class Cue:
    token: Token
    speaker: Actor | None
    speaker_text: str | None


def extract_statements(doc: Doc, ctx: ArticleContext, salience: Salience) -> list[Attribution]:
    quotes = find_quotes(doc.text)
    quotes_by_sentence = _group_quotes(doc, quotes)
    found: list[Attribution] = []
    for sent in doc.sents:
        _note_subjects(sent, ctx, salience, quotes)
        cues = _cues(sent, ctx, salience)
        for quote in quotes_by_sentence.get(sent.start, []):
            try:
                attribution = _attribute_quote(doc, sent, quote, cues, found, ctx)
            except (IndexError, ValueError, AttributeError) as error:  # one quote, not the doc
                log.warning("quote at %d skipped: %s", quote.start, error)
                continue
            if attribution is not None:
                found.append(attribution)
                if attribution.statement.speaker is not None:
                    salience.speaker(quote.start, attribution.statement.speaker)
        for attribution in _indirect(doc, sent, cues, quotes, ctx):
            found.append(attribution)
    return _unique(found)


def _unique(found: list[Attribution]) -> list[Attribution]:
    seen: set[str] = set()
    unique: list[Attribution] = []
    for attribution in found:
        if attribution.statement.id not in seen:
            seen.add(attribution.statement.id)
            unique.append(attribution)
    return unique


def _group_quotes(doc: Doc, quotes: list[QuoteSpan]) -> dict[int, list[QuoteSpan]]:
    grouped: dict[int, list[QuoteSpan]] = {}
    for quote in quotes:
        span = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        grouped.setdefault(span[0].sent.start, []).append(quote)
    return grouped


def _note_subjects(
    sent: Span, ctx: ArticleContext, salience: Salience, quotes: list[QuoteSpan]
) -> None:
    """Record the actors named as subjects, so later pronouns can find them."""
    for token in sent:
        if (
            token.dep_ in SUBJECT_DEPS
            and token.pos_ != "PRON"
            and not _inside_quote(token.idx, quotes)
        ):
            actor = resolve_head(token, ctx, salience)
            if actor is not None:
                salience.add(token.idx, actor)


def _cues(sent: Span, ctx: ArticleContext, salience: Salience) -> list[Cue]:
    cues: list[Cue] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in CUE_VERBS:
            subject = _subject_of(token)
            if subject is None:
                subject = _according_to(sent)
        elif token.pos_ == "NOUN" and token.lower_ in CUE_NOUNS:
            subject = _noun_cue_owner(token)
            if subject is None:
                continue
        else:
            continue
        if subject is None:
            cues.append(Cue(token, None, None))
            continue
        actor = resolve_head(subject, ctx, salience)
        cues.append(Cue(token, actor, noun_phrase(subject).text))
    return cues


def _subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing from "saying"/"adding" to the clause they hang on."""
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "with Western officials believing ..."
    if verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        # "X met the pledge with scepticism, saying ...": a participle hangs on the main
        # clause, whatever the parser attached it to.
        root = verb.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj":
                return child
        if current.dep_ not in {"advcl", "conj", "xcomp"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def _according_to(sent: Span) -> Token | None:
    for token in sent:
        if token.lower_ == "according":
            for child in token.subtree:
                if child.dep_ == "pobj":
                    return child
    return None


def _noun_cue_owner(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _quote_tokens(doc: Doc, quote: QuoteSpan) -> Span | None:
    return doc.char_span(quote.start, quote.end, alignment_mode="expand")


def _governing_cue(span: Span, cues: list[Cue]) -> Cue | None:
    """The cue that the quote's tokens hang on in the parse, nearest first.

    A verb cue governs anything below it; a noun cue ("Russia's pledge to ...") only
    what lies in its own clause, so that a headline's "X dismisses Russia's pledge ...
    saying 'Y'" is X's.
    """
    by_index = {cue.token.i: cue for cue in cues}
    for token in span:
        for ancestor in token.ancestors:
            if ancestor.i not in by_index or span.start <= ancestor.i < span.end:
                continue
            if ancestor.pos_ == "NOUN" and not _in_noun_clause(token, ancestor):
                continue
            return by_index[ancestor.i]
    return None


def _in_noun_clause(token: Token, noun: Token) -> bool:
    clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}]
    return any(token.i in {t.i for t in clause.subtree} for clause in clauses)


def _nearest_cue(span: Span, cues: list[Cue]) -> Cue | None:
    outside = [
        c for c in cues if not (span.start <= c.token.i < span.end) and c.token.pos_ != "NOUN"
    ]
    if not outside:
        return None
    return min(outside, key=lambda c: min(abs(c.token.i - span.start), abs(c.token.i - span.end)))


def _attribute_quote(
    doc: Doc,
    sent: Span,
    quote: QuoteSpan,
    cues: list[Cue],
    previous: list[Attribution],
    ctx: ArticleContext,
) -> Attribution | None:
    span = _quote_tokens(doc, quote)
    if span is None or len(span) == 0:
        return None
    cue = (
        None
        if quote.continues_previous
        else (_governing_cue(span, cues) or _nearest_cue(span, cues))
    )
    kind = _quote_kind(sent, span)
    if cue is not None and cue.speaker is not None:
        return _make(doc, ctx, quote, kind, cue.speaker, cue.speaker_text, cue.token, None)
    before = _last_speaker(previous, doc, quote)
    if before is not None:
        return _make(
            doc, ctx, quote, kind, before.statement.speaker, None, None, before.statement.id
        )
    if cue is not None:
        return _make(doc, ctx, quote, kind, None, None, cue.token, None)
    return None  # a quote nobody said: a title, a slogan, a scare quote


def _quote_kind(sent: Span, span: Span) -> StatementKind:
    first_word = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    starts_sentence = first_word is not None and first_word.i >= span.start
    after_colon = (
        span.start > 0
        and span.doc[span.start - 1].text in {":", "“", '"'}
        and (span.start > 1 and span.doc[span.start - 2].text == ":")
    )
    return StatementKind.DIRECT if starts_sentence or after_colon else StatementKind.PARTIAL


def _last_speaker(previous: list[Attribution], doc: Doc, quote: QuoteSpan) -> Attribution | None:
    for attribution in reversed(previous):
        if attribution.statement.speaker is None:
            continue
        gap = doc.text.count("\n", attribution.content_end, quote.start)
        return attribution if gap <= CONTINUATION_PARAGRAPHS else None
    return None


def _make(
    doc: Doc,
    ctx: ArticleContext,
    quote: QuoteSpan,
    kind: StatementKind,
    speaker: Actor | None,
    speaker_text: str | None,
    cue: Token | None,
    continues: str | None,
) -> Attribution:
    start, end = quote.start, quote.end
    while end > start and doc.text[end - 1] in " ,":
        end -= 1
    content = doc.text[start:end]
    statement = Statement(
        id=record_id("st", ctx.article_id, start, end),
        speaker=speaker,
        speaker_text=speaker_text,
        kind=kind,
        cue=cue.text if cue is not None else None,
        content=content,
        provenance=ctx.provenance(doc, start, end),
        continues=continues,
    )
    return Attribution(statement, start, end, cue.i if cue is not None else None)


def _indirect(
    doc: Doc, sent: Span, cues: list[Cue], quotes: list[QuoteSpan], ctx: ArticleContext
) -> Iterator[Attribution]:
    for cue in cues:
        if cue.speaker is None or _inside_quote(cue.token.idx, quotes):
            continue
        for start, end in _content_spans(sent, cue.token):
            if _overlaps_quote(start, end, quotes):
                continue
            content = doc.text[start:end]
            statement = Statement(
                id=record_id("st", ctx.article_id, start, end),
                speaker=cue.speaker,
                speaker_text=cue.speaker_text,
                kind=StatementKind.INDIRECT,
                cue=cue.token.text,
                content=content,
                provenance=ctx.provenance(doc, start, end),
            )
            yield Attribution(statement, start, end, cue.token.i)


def _inside_quote(char: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start <= char < q.end for q in quotes)


def _overlaps_quote(start: int, end: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < end and start < q.end for q in quotes)


def content_clauses(cue: Token) -> list[Token]:
    """The heads of the clauses a cue reports: its complement, split at "but that"."""
    heads = [
        c for c in cue.children if c.dep_ in {"ccomp", "xcomp", "acl", "advcl"} and _is_clause(c)
    ]
    if cue.pos_ == "NOUN":
        # Only a finite clause reports what was said ("Russia's claim that it will ...");
        # "Moscow's pledge to cut back" names a pledge made elsewhere.
        heads = [c for c in cue.children if c.dep_ in {"acl", "ccomp", "relcl"} and _is_finite(c)]
    split: list[Token] = []
    for head in heads:
        split.append(head)
        split.extend(
            c
            for c in head.children
            if c.dep_ == "conj" and any(m.lower_ == "that" for m in c.children)
        )
    return split


def _is_finite(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _is_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _content_spans(sent: Span, cue: Token) -> list[tuple[int, int]]:
    doc = sent.doc
    heads = content_clauses(cue)
    spans: list[tuple[int, int]] = []
    for n, head in enumerate(heads):
        tokens = _clause_tokens(head, heads[n + 1 :])
        if len(tokens) < 3:
            continue
        spans.append(_char_range(doc, tokens))
    if not spans and cue.pos_ == "VERB" and cue.lemma_.lower() in LOOSE_CUES:
        fallback = _tokens_after(sent, cue)
        if len(fallback) >= 4 and any(t.pos_ in {"VERB", "AUX"} for t in fallback):
            spans.append(_char_range(doc, fallback))
    return spans


def _clause_tokens(head: Token, exclude_heads: list[Token]) -> list[Token]:
    excluded: set[int] = set()
    for other in exclude_heads:
        excluded.update(t.i for t in other.subtree)
    tokens = [t for t in head.subtree if t.i not in excluded]
    while tokens and (
        tokens[0].is_punct or tokens[0].lower_ in {"that", "but", "and"} or _leading_time(tokens[0])
    ):
        tokens.pop(0)
    while tokens and (
        tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in {"but", "and"}
    ):
        tokens.pop()
    return tokens


def _leading_time(token: Token) -> bool:
    """ "said on Tuesday it would ...": the day is when it was said, not part of what."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (
        token.dep_ == "prep" and following is not None and following.ent_type_ in {"DATE", "TIME"}
    )


def _tokens_after(sent: Span, cue: Token) -> list[Token]:
    """What follows "said" when the parser failed to attach it: "said on Wednesday the ..."."""
    tokens = [t for t in sent if t.i > cue.i]
    while tokens and (
        tokens[0].lower_ in CONTENT_OPENERS
        or tokens[0].ent_type_ in {"DATE", "TIME"}
        or (
            tokens[0].dep_ == "prep"
            and tokens[0].i + 1 < len(sent.doc)
            and tokens[0].nbor().ent_type_ in {"DATE", "TIME"}
        )
    ):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _char_range(doc: Doc, tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)
