"""Attributions made by layout rather than by a cue verb: a sentence ending in a colon
before a quote, a headline "Name: ...", transcript lines "NAME: ...", and any verb whose
subject stands right beside a quote."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, Statement, StatementKind, record_id
from saydo.extract.attribution import Attribution, TextIndex
from saydo.extract.context import ArticleContext
from saydo.extract.cues import Cue
from saydo.extract.mentions import Salience, noun_phrase, resolve_head
from saydo.extract.quotes import QuoteSpan
from saydo.extract.speakers import FIRST_PERSON_SUBJECTS, SUBJECT_DEPS, can_speak, subject_of

# "PENCE: ..." or "JAKE TAPPER: ...": a transcript line, its speaker in capitals. Some
# sites open every transcript paragraph with a quote mark they never close.
TRANSCRIPT_LINE = re.compile(
    r"^[\"\u201c]?([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}): +(\S.*)$", re.MULTILINE
)

# A transcript alternates speakers; one capitalised line with a colon is a headline.
MIN_TRANSCRIPT_LINES = 2

# "Trump: 'We are going to win so much.'": a title that names a speaker before a colon.
# A colon between digits is a clock's ("UPDATE 09:40 - Haidai: ..."), not the label's.
HEADLINE = re.compile(r"\A\s*((?:[^:\n]|(?<=\d):(?=\d\d)){2,60}?): +(\S[^\n]*)")
# The stamp before a speaker's label on a live blog: "UPDATE 09:40 - ", "13:25 - ".
LABEL_STAMP = re.compile(r"\s*(?:[A-Za-z]+\s+)?\d{1,2}[:.]\d\d\s+[-\u2013\u2014]\s+")

MIN_HEADLINE_WORDS = 3
# A further label in a headline's line, opening a sentence: ". Russian MoD: ...".
NEXT_LABEL = re.compile(r"(?<=[.!?])[ \t]+([A-Z][^:.!?\n\"\u201c]{1,40}?): +(?=\S)")
# Words of the labels newsrooms put before a headline's colon; none names who speaks.
NEWSROOM_LABELS = frozenset(
    {"breaking", "exclusive", "live", "update", "updated", "updates", "watch", "analysis"}
    | {"opinion", "explainer", "factbox", "timeline", "video", "photos", "developing"}
)
MAX_HEADLINE_LABEL_WORDS = 4

# Tokens between a quote and the clause that frames it: a closing mark and a comma.
FRAME_GAP = 3

THIRD_PERSON_PRONOUNS = frozenset({"he", "she", "they"})
# How far up from a quote its governing verb may stand: "said, adding: '...'".
MAX_GOVERNING_CLIMB = 3
HEADLINE_TRAILERS = frozenset(".\u2019\u201d'\"")

# '"..." ― Sonya Herridge': a dash after a quote, then a name closing the line, signs
# the quote as an epigraph or a reader's line does. The name is short and capitalised.
DASH_SIGNATURE = re.compile(
    r"[ \t.,\u00a0\u201d\"]{0,3}(?:\u2014|\u2015|\u2013|--)[ \t\u00a0]*"
    r"([A-Z][\w'\u2019.-]*(?:[ \u00a0]+[A-Z][\w'\u2019.-]*){0,3})[ \t\u00a0.]*(?:\n|\Z)"
)


def colon_introduction(
    index: TextIndex,
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


def headline_statements(
    index: TextIndex, doc: Doc, ctx: ArticleContext, salience: Salience, found: list[Attribution]
) -> list[Attribution]:
    """A title "Kasich: We Are Going To Go All The Way" is what Kasich said; a line of
    such labels ("Vereshchuk: Russians did not let the buses through. Russian MoD: the
    Ukrainian side did not use the corridor") gives each label what follows it, up to the
    next."""
    line = HEADLINE.match(index.text)
    if line is None or any(
        a.content_start < line.end(2) and a.statement.speaker_text is not None for a in found
    ):
        return []
    stamp = LABEL_STAMP.match(index.text, line.start(1), line.end(1))
    labels = [(stamp.end() if stamp else line.start(1), line.end(1))]
    labels += [
        (m.start(1), m.end(1)) for m in NEXT_LABEL.finditer(index.text, line.start(2), line.end(2))
    ]
    ends = [start for start, _ in labels[1:]] + [line.end(2)]
    statements: list[Attribution] = []
    for (label_start, label_end), stop in zip(labels, ends, strict=True):
        made = _headline_part(index, doc, ctx, salience, (label_start, label_end), stop)
        if made is None:
            break  # a later "label" that names no source is part of what came before
        statements.append(made)
    return statements


def _headline_part(
    index: TextIndex,
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    label_at: tuple[int, int],
    stop: int,
) -> Attribution | None:
    label = doc.char_span(*label_at, alignment_mode="expand")
    colon = doc.char_span(label_at[1], label_at[1] + 1, alignment_mode="expand")
    start = label_at[1] + 1
    while start < stop and index.text[start].isspace():
        start += 1
    end = _rstrip_end(index.text, start, stop)
    while end > start and index.text[end - 1] in HEADLINE_TRAILERS:
        end -= 1
    if label is None or colon is None or not _names_a_source(label):
        return None
    if len(index.text[start:end].split()) < MIN_HEADLINE_WORDS:
        return None
    speaker = resolve_head(label.root, ctx, salience)
    statement = _labelled(index, ctx, label, speaker, start, end)
    return Attribution(statement, start, end, colon[0].i, label_at)


def _labelled(
    index: TextIndex, ctx: ArticleContext, label: Span, speaker: Actor | None, start: int, end: int
) -> Statement:
    """A direct statement whose speaker is named by a label before it, not by a cue."""
    return Statement(
        id=record_id("st", ctx.article_id, start, end),
        speaker=speaker,
        speaker_text=label.text,
        kind=StatementKind.DIRECT,
        cue=None,
        content=index.text[start:end],
        provenance=index.provenance(ctx, start, end),
    )


def _names_a_source(label: Span) -> bool:
    """ "Trump", "Poll", "Clinton camp": a short capitalised label, whatever the tagger made
    of a name standing alone before a colon; "FIX IS IN" is a clause, not a source."""
    words = [t for t in label if not t.is_punct]
    if not words or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    if any(t.lower_ in NEWSROOM_LABELS for t in words):
        return False  # "Breaking:", "Ukraine war live:": the newsroom's label, not a source
    short = len(words) <= MAX_HEADLINE_LABEL_WORDS and words[0].text[:1].isupper()
    return short or any(t.pos_ == "PROPN" for t in words)


def transcript_statements(
    index: TextIndex, doc: Doc, ctx: ArticleContext, salience: Salience
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
        statement = _labelled(index, ctx, label, speaker, start, end)
        found.append(Attribution(statement, start, end, None, (line.start(1), line.end(1))))
    return found


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def dash_signature(
    index: TextIndex, doc: Doc, quote: QuoteSpan, ctx: ArticleContext, salience: Salience
) -> Cue | None:
    """The name a dash signs a quote with at the end of its line; it outranks the speaker
    before, for a list of such lines is a list of speakers."""
    line = DASH_SIGNATURE.match(index.text, quote.end)
    if line is None:
        return None
    start, end = line.start(1), line.start(1) + len(line.group(1).rstrip("."))
    name = doc.char_span(start, end, alignment_mode="expand")
    if name is None or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
        return None
    dash = doc.char_span(start - 1, start, alignment_mode="expand")
    token = dash[0] if dash is not None and len(dash) else name[0]
    actor = resolve_head(name[-1], ctx, salience)
    return Cue(token, actor, name.text, (name.start_char, name.end_char))


def framing_cue(span: Span, ctx: ArticleContext, salience: Salience) -> Cue | None:
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


def governing_verb_cue(span: Span, ctx: ArticleContext, salience: Salience) -> Cue | None:
    """ "Trump barked: '...'", "Bozell answers, '...'": the verb the quote hangs on, with a
    subject of its own outside the quote, is its cue even when it is in no cue list. A
    quote that has one is somebody's words, not the previous speaker's going on."""
    verb = _governing_verb(span)
    subject = subject_of(verb) if verb is not None else None
    if verb is None or subject is None or not _may_speak(subject):
        return None
    if span.start <= subject.i < span.end:
        return None
    phrase = noun_phrase(subject)
    actor = resolve_head(subject, ctx, salience)
    return Cue(verb, actor, phrase.text, (phrase.start_char, phrase.end_char))


def _may_speak(subject: Token) -> bool:
    """Not "the ad" or "that": a verb outside the cue lists names a speaker only when its
    subject is somebody."""
    return subject.lower_ in THIRD_PERSON_PRONOUNS or can_speak(subject)


def _governing_verb(span: Span) -> Token | None:
    ancestor = span.root.head
    for _ in range(MAX_GOVERNING_CLIMB):
        if span.start <= ancestor.i < span.end:
            return None
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
        if ancestor.head.i == ancestor.i:
            return None
        ancestor = ancestor.head
    return None


def covers_transcript_line(attribution: Attribution, lines: list[Attribution]) -> bool:
    """A quote that opens on "PENCE: ..." is that transcript line, read without its label."""
    return any(
        line.speaker_span is not None
        and attribution.content_start <= line.speaker_span[0] < attribution.content_end
        for line in lines
    )


def speakerless_within(attribution: Attribution, outer: Attribution) -> bool:
    statement = attribution.statement
    return (
        statement.speaker is None
        and statement.speaker_text is None
        and outer.content_start <= attribution.content_start
        and attribution.content_end <= outer.content_end + 2
    )
