"""Statements: who said what, as direct, partial and indirect quotes.

A plain function over a parsed Doc. Quote spans come from the raw text
(:mod:`saydo.extract.quotes`), attribution from the parse: the cue verb or noun that
governs the quote or the reported clause, and its subject. Every quote is handled on its
own inside a ``try``: a quote that confuses the rules is dropped with its reason logged,
and the rest of the document goes on.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import (
    PIPELINE_VERSION,
    Actor,
    Provenance,
    Statement,
    StatementKind,
    record_id,
)
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
# Attribution verbs beyond the shared lexicon's speech and belief verbs: what polls show,
# reports find, sides want or plan. PolNeAR (and PARC) annotate these as attributions; they
# stay out of lexicon.CUE_VERBS because the event extractor reads that list for its own ends.
REPORTING_VERBS = frozenset(
    [
        "show",
        "find",
        "report",
        "cite",
        "agree",
        "ask",
        "want",
        "plan",
        "emphasize",
        "emphasise",
        "mention",
        "contend",
        "testify",
        "concede",
        "recall",
        "recognize",
        "propose",
        "complain",
        "charge",
        "question",
        "worry",
        "hint",
        "signal",
        "insist",
        "tell",
        "suggest",
        "imply",
        "conclude",
        "project",
        "forecast",
        "wonder",
        "accept",
        "announce",
        "joke",
        "quip",
        "boast",
        "brag",
        "lament",
        "concur",
        "speculate",
        "acknowledge",
        "assure",
        "inform",
        "reckon",
        "guess",
        "understand",
        "learn",
        "realize",
        "realise",
        "notice",
        "observe",
        "read",
        "hear",
        "see",
        "consider",
        "feel",
    ]
)
# Verbs whose object is what was said or stood for: PolNeAR marks "criticized Trump",
# "called for a ban", "accused Trump of lying" as attributions with a noun-phrase content.
OBJECT_CUE_VERBS = frozenset(
    [
        "criticize",
        "criticise",
        "accuse",
        "blame",
        "condemn",
        "denounce",
        "decry",
        "praise",
        "applaud",
        "support",
        "endorse",
        "back",
        "oppose",
        "reject",
        "dismiss",
        "deny",
        "call",
        "urge",
        "demand",
        "highlight",
        "list",
        "mention",
        "question",
        "propose",
        "announce",
        "welcome",
        "attack",
        "slam",
        "blast",
        "defend",
        "tout",
        "cite",
        "tweet",
        "push",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "express",
        "raise",
        "dispute",
        "challenge",
        "acknowledge",
        "admit",
        "predict",
        "recommend",
        "advocate",
        "champion",
        "favor",
        "favour",
        "discuss",
        "describe",
        "request",
        "seek",
        "ask",
        "argue",
        "complain",
        "warn",
        "talk",
        "speak",
        "write",
        "report",
        "suggest",
        "lament",
        "rebuke",
        "rail",
        "thank",
        "hail",
        "laud",
        "show",
        "find",
        "want",
        "like",
        "dislike",
        "note",
        "stress",
        "emphasize",
        "emphasise",
        "reprise",
    ]
)
# Prepositions that carry the content after an intransitive cue: "called for a ban",
# "warned of a crisis", "complained about the rules".
OBJECT_CUE_PREPS = frozenset({"for", "about", "of", "against", "on"})
CLAUSE_CUE_VERBS = CUE_VERBS | REPORTING_VERBS
ATTRIBUTION_VERBS = CLAUSE_CUE_VERBS | OBJECT_CUE_VERBS
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl", "advcl"})
# A reporting verb reports only its complement: "X reports as shelling continues" does not.
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
# A quote continues the previous speaker only this close to the previous statement.
CONTINUATION_PARAGRAPHS = 2


# "PENCE: ..." or "JAKE TAPPER: ...": a transcript line, its speaker in capitals.
TRANSCRIPT_LINE = re.compile(r"^([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}): +(\S.*)$", re.MULTILINE)
# A transcript alternates speakers; one capitalised line with a colon is a headline.
MIN_TRANSCRIPT_LINES = 2


@dataclass(frozen=True, slots=True)
class Attribution:
    """A statement with the parse positions the event extractor needs."""

    statement: Statement
    content_start: int  # characters
    content_end: int
    cue_token: int | None  # token index of the cue, None for continuations
    # Characters of the speaker's mention as written ("he", "a spokesperson for X");
    # None for continuations and speakerless quotes.
    speaker_span: tuple[int, int] | None = None

    def with_speaker_span(self, span: tuple[int, int] | None) -> Attribution:
        return replace(self, speaker_span=span)


@dataclass(frozen=True, slots=True)
class Cue:
    token: Token
    speaker: Actor | None
    speaker_text: str | None
    speaker_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class _Index:
    """The doc's text and sentences, computed once: ``Doc.text`` and ``Token.sent`` rebuild
    them on every access, which made them most of this module's cost."""

    text: str
    sentences: list[Span]
    starts: list[int]  # first character of each sentence

    @classmethod
    def of(cls, doc: Doc) -> _Index:
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


def extract_statements(doc: Doc, ctx: ArticleContext, salience: Salience) -> list[Attribution]:
    index = _Index.of(doc)
    quotes = find_quotes(index.text)
    quotes_by_sentence = _group_quotes(index, quotes)
    cues_by_sentence: list[list[Cue]] = []
    found: list[Attribution] = []
    for n, sent in enumerate(index.sentences):
        _note_subjects(sent, ctx, salience, quotes)
        cues = _cues(sent, ctx, salience)
        cues_by_sentence.append(cues)
        for quote in quotes_by_sentence.get(n, []):
            first = index.sentence_number(quote.start)
            if first > 0 and index.sentences[first - 1].text.rstrip().endswith(":"):
                first -= 1  # "He said:" and the quote in the next paragraph
            candidates = [c for k in range(first, n + 1) for c in cues_by_sentence[k]]
            try:
                attribution = _attribute_quote(
                    index, index.sentences[first], quote, candidates, found, ctx
                )
            except (IndexError, ValueError, AttributeError) as error:  # one quote, not the doc
                log.warning("quote at %d skipped: %s", quote.start, error)
                continue
            if attribution is not None:
                found.append(attribution)
                if attribution.statement.speaker is not None:
                    salience.speaker(quote.start, attribution.statement.speaker)
        for attribution in _indirect(index, sent, cues, quotes, ctx):
            _add_indirect(index, found, attribution, quotes)
    found.extend(_transcript(index, doc, ctx, salience))
    return _unique(found)


def _transcript(
    index: _Index, doc: Doc, ctx: ArticleContext, salience: Salience
) -> list[Attribution]:
    lines = list(TRANSCRIPT_LINE.finditer(index.text))
    if len(lines) < MIN_TRANSCRIPT_LINES:
        return []
    found: list[Attribution] = []
    for line in lines:
        label = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
        start, end = line.start(2), _rstrip_end(index.text, line.start(2), line.end(2))
        if label is None or end - start < 2:
            continue
        speaker = resolve_head(label[-1], ctx, salience)
        statement = Statement(
            id=record_id("st", ctx.article_id, start, end),
            speaker=speaker,
            speaker_text=label.text,
            kind=StatementKind.DIRECT,
            cue=None,
            content=index.text[start:end],
            provenance=index.provenance(ctx, start, end),
        )
        found.append(Attribution(statement, start, end, None, (line.start(1), line.end(1))))
    return found


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _add_indirect(
    index: _Index, found: list[Attribution], indirect: Attribution, quotes: list[QuoteSpan]
) -> None:
    """Add reported speech; a quote inside it from the same cue widens it into one statement.

    "said that, “Of course he will defend himself” against what ..." is one thing said,
    partly in the speaker's words: the quote alone would lose the rest of the clause.
    """
    start, end = indirect.content_start, indirect.content_end
    if not _overlaps_quote(start, end, quotes):
        found.append(indirect)
        return
    inner = [
        n
        for n, a in enumerate(found)
        if a.content_start < end and start < a.content_end and a.cue_token is not None
    ]
    if not inner or any(found[n].cue_token != indirect.cue_token for n in inner):
        return  # the quote belongs to someone else: keep the quote, drop the clause
    first = found[inner[0]]
    merged_start = min(start, *(found[n].content_start for n in inner))
    merged_end = max(end, *(found[n].content_end for n in inner))
    if (merged_start, merged_end) == (first.content_start, first.content_end):
        return
    for n in reversed(inner[1:]):
        del found[n]
    found[inner[0]] = _widened(index, first, merged_start, merged_end)


def _widened(index: _Index, quote: Attribution, start: int, end: int) -> Attribution:
    # The quote's id is kept: a continuation in the same sentence may already point to it.
    statement = replace(
        quote.statement,
        kind=StatementKind.PARTIAL,
        content=index.text[start:end],
        provenance=replace(quote.statement.provenance, start=start, end=end),
    )
    return replace(quote, statement=statement, content_start=start, content_end=end)


def _unique(found: list[Attribution]) -> list[Attribution]:
    seen: set[str] = set()
    unique: list[Attribution] = []
    for attribution in found:
        if attribution.statement.id not in seen:
            seen.add(attribution.statement.id)
            unique.append(attribution)
    return unique


def _group_quotes(index: _Index, quotes: list[QuoteSpan]) -> dict[int, list[QuoteSpan]]:
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


def _cue_follows(index: _Index, n: int, quote_end: int) -> bool:
    """The parser often ends a sentence at ``!”`` or ``?”``, leaving "he wrote." alone."""
    if n + 1 >= len(index.sentences):
        return False
    rest = index.text[quote_end : index.sentences[n].end_char]
    if rest.strip(" \u201d\u2019\"'.,!?") != "":
        return False
    following = index.sentences[n + 1]
    return len(following) <= 8 and "\n" not in index.text[quote_end : following.start_char]


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
        if _is_according(token):
            subject = _according_source(token)
            if subject is None:
                continue
        elif token.pos_ in {"VERB", "AUX"} and lemma in ATTRIBUTION_VERBS:
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
        phrase = noun_phrase(subject)
        cues.append(Cue(token, actor, phrase.text, (phrase.start_char, phrase.end_char)))
    return cues


def _subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing from "saying"/"adding" to the clause they hang on."""
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "with Western officials believing ..."
    if verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        # "X met the pledge with scepticism, saying ...": a participle hangs on the main
        # clause, whatever the parser attached it to.
        root = verb
        while root.head.i != root.i:  # the sentence root, without Token.sent's cost
            root = root.head
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


def _is_according(token: Token) -> bool:
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and following is not None and following.lower_ == "to"


def _according_source(token: Token) -> Token | None:
    return next((t for t in token.subtree if t.dep_ == "pobj"), None)


def _according_content(sent: Span, cue: Token) -> list[Token]:
    """ "X happened, according to Y": the sentence without the attribution is what Y says."""
    attribution = {t.i for t in cue.subtree} | {cue.i, cue.i + 1}
    tokens = [t for t in sent if t.i not in attribution]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


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
    index: _Index,
    sent: Span,
    quote: QuoteSpan,
    cues: list[Cue],
    previous: list[Attribution],
    ctx: ArticleContext,
) -> Attribution | None:
    span = _quote_tokens(sent.doc, quote)
    if span is None or len(span) == 0:
        return None
    cue = (
        None
        if quote.continues_previous
        else (_governing_cue(span, cues) or _nearest_cue(span, cues))
    )
    kind = _quote_kind(sent, span)
    if cue is not None and cue.speaker is not None:
        return _make(
            index, ctx, quote, kind, cue.speaker, cue.speaker_text, cue.token, None
        ).with_speaker_span(cue.speaker_span)
    before = _last_speaker(previous, index, quote)
    if before is not None:
        continued = _make(
            index, ctx, quote, kind, before.statement.speaker, None, None, before.statement.id
        )
        if "\n" in index.text[before.content_end : quote.start]:
            return continued
        # '"X," Espinoza said. "Y."': one speaker, named once, for both halves.
        return continued.with_speaker_span(before.speaker_span)
    if cue is not None:
        return _make(index, ctx, quote, kind, None, None, cue.token, None)
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


def _last_speaker(
    previous: list[Attribution], index: _Index, quote: QuoteSpan
) -> Attribution | None:
    for attribution in reversed(previous):
        if attribution.statement.speaker is None:
            continue
        gap = index.text.count("\n", attribution.content_end, quote.start)
        return attribution if gap <= CONTINUATION_PARAGRAPHS else None
    return None


def _make(
    index: _Index,
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


def _indirect(
    index: _Index, sent: Span, cues: list[Cue], quotes: list[QuoteSpan], ctx: ArticleContext
) -> Iterator[Attribution]:
    for cue in cues:
        if cue.speaker_text is None or _inside_quote(cue.token.idx, quotes):
            continue
        for start, end in _content_spans(sent, cue.token):
            content = index.text[start:end]
            statement = Statement(
                id=record_id("st", ctx.article_id, start, end),
                speaker=cue.speaker,
                speaker_text=cue.speaker_text,
                kind=StatementKind.INDIRECT,
                cue=cue.token.text,
                content=content,
                provenance=index.provenance(ctx, start, end),
            )
            yield Attribution(statement, start, end, cue.token.i, cue.speaker_span)


def _inside_quote(char: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start <= char < q.end for q in quotes)


def _overlaps_quote(start: int, end: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < end and start < q.end for q in quotes)


def content_clauses(cue: Token) -> list[Token]:
    """The heads of the clauses a cue reports: its complement, split at "but that"."""
    deps = CLAUSE_DEPS if cue.lemma_.lower() in CUE_VERBS else REPORTED_CLAUSE_DEPS
    heads = [c for c in cue.children if c.dep_ in deps and _is_clause(c)]
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
    if _is_according(cue):
        tokens = _according_content(sent, cue)
        return [_char_range(doc, tokens)] if len(tokens) >= 3 else []
    lemma = cue.lemma_.lower()
    if cue.pos_ == "VERB" and lemma in OBJECT_CUE_VERBS and lemma not in CLAUSE_CUE_VERBS:
        # "as Moscow has demanded, not to join NATO": what these verbs govern as a clause
        # is too often the parser's guess; only their object is safe content.
        return _object_content(cue)
    heads = content_clauses(cue)
    spans: list[tuple[int, int]] = []
    for n, head in enumerate(heads):
        tokens = _clause_tokens(head, heads[n + 1 :])
        if len(tokens) < 3:
            continue
        spans.append(_char_range(doc, tokens))
    if not spans and cue.pos_ == "VERB" and cue.lemma_.lower() in OBJECT_CUE_VERBS:
        spans.extend(_object_content(cue))
    if not spans and cue.pos_ == "VERB" and cue.lemma_.lower() in LOOSE_CUES:
        fallback = _tokens_after(sent, cue)
        if len(fallback) >= 4 and any(t.pos_ in {"VERB", "AUX"} for t in fallback):
            spans.append(_char_range(doc, fallback))
    return spans


def _object_content(cue: Token) -> list[tuple[int, int]]:
    """The noun phrase a cue verb takes: its object, with "of ..." after "accused X";
    or the object of its preposition ("called for X")."""
    doc = cue.doc
    objects = [
        c
        for c in cue.children
        if c.dep_ == "dobj" and c.lower_ not in {"it", "that", "this", "what", "which"}
    ]
    if objects:
        tokens = list(objects[0].subtree)
        tokens += [
            t
            for c in cue.children
            if c.dep_ == "prep" and c.i > objects[0].i and c.lower_ in {"of", "for"}
            for t in c.subtree
        ]
        return [_char_range(doc, tokens)]
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_CUE_PREPS:
            pobj = [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
            if pobj:
                return [_char_range(doc, pobj)]
    return []


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
