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
    ActorKind,
    Provenance,
    Statement,
    StatementKind,
    record_id,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_NOUNS, CUE_VERBS
from saydo.extract.mentions import (
    BODY_ROLES,
    GROUP_SECTORS,
    PERSON_ROLES,
    Salience,
    noun_phrase,
    resolve_head,
)
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
# Verbs of speaking (not thinking, wanting or backing), which introduce quotes.
SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "tweet",
        "ask",
        "declare",
        "state",
        "continue",
        "reply",
        "respond",
        "explain",
        "note",
        "insist",
        "argue",
        "claim",
        "warn",
        "joke",
        "quip",
        "announce",
        "recall",
        "exclaim",
        "shout",
        "chant",
        "post",
        "conclude",
        "retort",
    ]
)
ATTRIBUTION_VERBS = CLAUSE_CUE_VERBS | OBJECT_CUE_VERBS
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl", "advcl"})
# From a cue up to the clause whose subject speaks: "saying", "and said", "likely to say".
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "acomp"})
# How the parser hangs a sentence-final "she said" on what was said.
FRONTED_DEPS = frozenset({"advcl", "parataxis", "conj", "ccomp"})
# A reporting verb reports only its complement: "X reports as shelling continues" does not.
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
# What a reported clause cut before a quote keeps: a few words, without the marks.
MIN_CUT_WORDS = 3
CUT_TAIL = frozenset({"that", "and", "but"})
# Shorter quotes with no speaker are titles, slogans and scare quotes.
MIN_UNATTRIBUTED_WORDS = 6
# A quote continues the previous speaker only this close to the previous statement.
CONTINUATION_PARAGRAPHS = 2


# "PENCE: ..." or "JAKE TAPPER: ...": a transcript line, its speaker in capitals.
TRANSCRIPT_LINE = re.compile(r"^([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}): +(\S.*)$", re.MULTILINE)
# A transcript alternates speakers; one capitalised line with a colon is a headline.
MIN_TRANSCRIPT_LINES = 2
# "Trump: 'We are going to win so much.'": a title that names a speaker before a colon.
HEADLINE = re.compile(r"\A\s*([^:\n]{2,60}?): +(\S[^\n]*)")
MIN_HEADLINE_WORDS = 3
# Tokens between a quote and the clause that frames it: a closing mark and a comma.
FRAME_GAP = 3
HEADLINE_TRAILERS = frozenset(".\u2019\u201d'\"")
FIRST_PERSON_SUBJECTS = frozenset({"i", "we", "you"})


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
            introduced = _introduction(index, first, quote, cues_by_sentence, ctx, salience)
            if introduced is not None:
                first -= 1
                candidates = [introduced]
            else:
                # A cue inside a quote is the quoted speaker's own words ("I said").
                candidates = [
                    c
                    for k in range(first, n + 1)
                    for c in cues_by_sentence[k]
                    if not _inside_quote(c.token.idx, quotes)
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
        for attribution in _indirect(index, sent, cues, quotes, ctx):
            _add_indirect(index, sent.doc, found, attribution, quotes)
    found.extend(_transcript(index, doc, ctx, salience))
    headline = _headline(index, doc, ctx, salience, found)
    if headline is not None:
        # The title's quote, kept without a speaker, is the headline's statement.
        found = [a for a in found if not _speakerless_within(a, headline)] + [headline]
    return _unique(found)


def _speakerless_within(attribution: Attribution, outer: Attribution) -> bool:
    statement = attribution.statement
    return (
        statement.speaker is None
        and statement.speaker_text is None
        and outer.content_start <= attribution.content_start
        and attribution.content_end <= outer.content_end + 2
    )


def _introduction(
    index: _Index,
    n: int,
    quote: QuoteSpan,
    cues_by_sentence: list[list[Cue]],
    ctx: ArticleContext,
    salience: Salience,
) -> Cue | None:
    """The cue of "X echoed:" or "Transcript as follows:" right before a quote.

    A sentence that ends with a colon just before a quote introduces it, whatever its
    verb: the colon, not the verb's meaning, makes the attribution.
    """
    if n <= 0 or quote.continues_previous:
        return None
    colon_sentence = index.sentences[n - 1]
    if not colon_sentence.text.rstrip().endswith(":"):
        return None
    between = index.text[colon_sentence.end_char : quote.start]
    if between.strip(" \n\t\"'\u201c\u2018") or colon_sentence.end_char > quote.start:
        return None
    named = [c for c in cues_by_sentence[n - 1] if c.speaker_text is not None]
    if named:
        return named[-1]
    return _colon_cue(colon_sentence, ctx, salience)


def _colon_cue(sent: Span, ctx: ArticleContext, salience: Salience) -> Cue | None:
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and root.pos_ in {"NOUN", "PROPN"}:
        subject = root  # "Transcript as follows:", "Obama's word:"
    if subject is None or subject.lower_ in FIRST_PERSON_SUBJECTS:
        return None
    colon = next((t for t in reversed(sent) if t.text == ":"), root)
    token = root if root.pos_ in {"VERB", "AUX"} else colon
    phrase = noun_phrase(subject)
    actor = resolve_head(subject, ctx, salience)
    return Cue(token, actor, phrase.text, (phrase.start_char, phrase.end_char))


def _headline(
    index: _Index, doc: Doc, ctx: ArticleContext, salience: Salience, found: list[Attribution]
) -> Attribution | None:
    """A title "Kasich: We Are Going To Go All The Way" is what Kasich said."""
    line = HEADLINE.match(index.text)
    if line is None or any(
        a.content_start < line.end(2) and a.statement.speaker_text is not None for a in found
    ):
        return None
    label = doc.char_span(line.start(1), line.end(1), alignment_mode="expand")
    colon = doc.char_span(line.end(1), line.end(1) + 1, alignment_mode="expand")
    start = line.start(2)
    end = _rstrip_end(index.text, start, line.end(2))
    while end > start and index.text[end - 1] in HEADLINE_TRAILERS:
        end -= 1
    if label is None or colon is None or not any(t.pos_ == "PROPN" for t in label):
        return None
    if len(index.text[start:end].split()) < MIN_HEADLINE_WORDS:
        return None
    speaker = resolve_head(label.root, ctx, salience)
    statement = Statement(
        id=record_id("st", ctx.article_id, start, end),
        speaker=speaker,
        speaker_text=label.text,
        kind=StatementKind.DIRECT,
        cue=None,
        content=index.text[start:end],
        provenance=index.provenance(ctx, start, end),
    )
    return Attribution(statement, start, end, colon[0].i, (line.start(1), line.end(1)))


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
    index: _Index,
    doc: Doc,
    found: list[Attribution],
    indirect: Attribution,
    quotes: list[QuoteSpan],
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
        # The quote belongs to someone else: keep the quote, and of the clause only what
        # comes before it.
        starts = [found[n].content_start for n in inner] or [
            q.start for q in quotes if q.start < end and start < q.end
        ]
        _add_before(index, doc, found, indirect, min(starts))
        return
    first = found[inner[0]]
    merged_start = min(start, *(found[n].content_start for n in inner))
    merged_end = max(end, *(found[n].content_end for n in inner))
    if (merged_start, merged_end) == (first.content_start, first.content_end):
        return
    for n in reversed(inner[1:]):
        del found[n]
    found[inner[0]] = _widened(index, first, merged_start, merged_end)


def _add_before(
    index: _Index, doc: Doc, found: list[Attribution], indirect: Attribution, cut: int
) -> None:
    """The clause up to ``cut``, if that much is a clause of its own ("he saw no need")."""
    start = indirect.content_start
    kept = doc.char_span(start, cut, alignment_mode="contract")
    if kept is None:
        return
    tokens = list(kept)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in CUT_TAIL):
        tokens.pop()
    if len(tokens) < MIN_CUT_WORDS or not _whole_clause(tokens):
        return
    end = tokens[-1].idx + len(tokens[-1].text)
    statement = replace(
        indirect.statement,
        id=record_id("st", indirect.statement.provenance.article_id, start, end),
        content=index.text[start:end],
        provenance=replace(indirect.statement.provenance, start=start, end=end),
    )
    found.append(replace(indirect, statement=statement, content_end=end))


def _whole_clause(tokens: list[Token]) -> bool:
    """A subject and its verb inside, and no word left hanging at the end ("it will")."""
    inside = {t.i for t in tokens}
    has_clause = any(t.dep_ in SUBJECT_DEPS and t.head.i in inside for t in tokens)
    last = tokens[-1]
    dangling = last.pos_ in {"AUX", "ADP", "DET", "CCONJ", "SCONJ", "PART"} or last.tag_ == "VBG"
    return has_clause and not dangling


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
    if verb.dep_ == "acl" and _can_speak(verb.head):
        return verb.head  # "with Western officials believing ..."
    if verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        # "X met the pledge with scepticism, saying ...": a participle hangs on the main
        # clause, whatever the parser attached it to.
        root = verb
        while root.head.i != root.i:  # the sentence root, without Token.sent's cost
            root = root.head
        subject = next(
            (c for c in root.children if c.dep_ == "nsubj" and not _is_dateline(c)), None
        )
        if subject is not None:
            return subject
    current = verb
    for _ in range(4):
        subject = _nearest_subject(current)
        if subject is not None:
            return subject
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _can_speak(noun: Token) -> bool:
    """A name, or a noun for people or bodies: "officials believing", not "a fracas calling"."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (
        lemma in GROUP_SECTORS or lemma in PERSON_ROLES or lemma in BODY_ROLES
    )


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two the parser gave it ("people ..., she said"), the nearer."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _is_dateline(c)]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _is_dateline(token: Token) -> bool:
    """ "WASHINGTON (AP) —" opens a story; the parser sometimes takes it for a subject."""
    return token.text.isupper() and len(token.text) > 2 and token.ent_type_ in {"GPE", "LOC"}


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
    # A quote is speech: "said" beside it outranks a nearer "know" or "support".
    return min(
        outside,
        key=lambda c: (
            c.token.lemma_.lower() not in SPEECH_LEMMAS or c.speaker_text is None,
            min(abs(c.token.i - span.start), abs(c.token.i - span.end)),
        ),
    )


def _attribute_quote(
    index: _Index,
    sent: Span,
    quote: QuoteSpan,
    cues: list[Cue],
    previous: list[Attribution],
    ctx: ArticleContext,
    salience: Salience,
) -> Attribution | None:
    span = _quote_tokens(sent.doc, quote)
    if span is None or len(span) == 0:
        return None
    cue = (
        None
        if quote.continues_previous
        else (
            _governing_cue(span, cues)
            or _framing_cue(span, ctx, salience)
            or _nearest_cue(span, cues)
        )
    )
    kind = _quote_kind(sent, span)
    before = _last_speaker(previous, index, quote)
    if cue is not None and cue.speaker_text is not None:
        # A cue with a subject names the speaker even when no actor resolves ("Canova
        # said", "the ad says"): the mention is kept, and it is not the previous speaker.
        speaker = cue.speaker
        if speaker is None and before is not None and _same_person(cue, before):
            speaker = before.statement.speaker
        return _make(
            index, ctx, quote, kind, speaker, cue.speaker_text, cue.token, None
        ).with_speaker_span(cue.speaker_span)
    if before is not None:
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


def _framing_cue(span: Span, ctx: ArticleContext, salience: Salience) -> Cue | None:
    """'"...," the judge exclaimed' or 'Potts retorted, "..."': the verb a quote hangs on,
    with its subject right beside the quote, frames it as speech whatever the verb."""
    for token in span:
        head = token.head
        if span.start <= head.i < span.end or head.i == token.i or head.pos_ != "VERB":
            continue
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.lower_ in FIRST_PERSON_SUBJECTS:
            continue
        first = min(head.i, subject.left_edge.i)
        last = max(head.i, subject.i)
        after = 0 <= first - span.end <= FRAME_GAP
        before = 0 < span.start - last <= FRAME_GAP
        if not (after or before):
            continue
        phrase = noun_phrase(subject)
        actor = resolve_head(subject, ctx, salience)
        return Cue(head, actor, phrase.text, (phrase.start_char, phrase.end_char))
    return None


def _same_person(cue: Cue, before: Attribution) -> bool:
    """An unresolved "he" or surname after a quote by someone is, most likely, that one."""
    text = (cue.speaker_text or "").lower()
    speaker = before.statement.speaker
    if speaker is None:
        return False
    if text in {"he", "she"}:
        return speaker.kind is ActorKind.PERSON
    return text.split()[-1:] == speaker.name.lower().split()[-1:]


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
        statement = attribution.statement
        if statement.speaker is None and statement.speaker_text is None:
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
    fronted = _fronted_content(cue)
    if fronted:
        return [_char_range(doc, fronted)]
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


def _fronted_content(cue: Token) -> list[Token]:
    """ "The Internet made it possible ..., she said.": a cue clause after a comma at the end
    of a sentence, which the parser hangs on what was said, reports all before it."""
    head = cue.head
    if cue.lemma_.lower() not in CUE_VERBS or cue.dep_ not in FRONTED_DEPS or head.i >= cue.i:
        return []
    subject = _nearest_subject(cue)
    if subject is None:
        return []
    clause_start = min(subject.left_edge.i, cue.i)
    comma = cue.doc[clause_start - 1] if clause_start > 0 else None
    if comma is None or comma.text not in {",", "\u201d", '"'}:
        return []
    tokens = [t for t in head.subtree if t.i < clause_start]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens if len(tokens) >= MIN_CUT_WORDS else []


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
    for other in exclude_heads + _nested_participle_cues(head):
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


def _nested_participle_cues(head: Token) -> list[Token]:
    """ "said he saw no need, telling X that ...": the participle is an attribution of its
    own, not part of what was said first."""
    return [
        t
        for t in head.subtree
        if t.i != head.i
        and t.dep_ == "advcl"
        and t.tag_ == "VBG"
        and t.lemma_.lower() in ATTRIBUTION_VERBS
    ]


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
