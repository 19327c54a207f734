"""Reported speech: the clause or phrase a cue reports, and how it merges with a quote
inside it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import Statement, StatementKind, record_id
from saydo.extract.attribution import Attribution, TextIndex
from saydo.extract.context import ArticleContext
from saydo.extract.cue_objects import governs_proposition, needs_proposition
from saydo.extract.cues import (
    ATTRIBUTION_VERBS,
    CLAUSE_CUE_VERBS,
    OBJECT_CUE_PREPS,
    OBJECT_CUE_VERBS,
    RAISING_LEMMAS,
    Cue,
    cue_lemma,
    is_thought,
    reports_sentence,
)
from saydo.extract.lexicon import BELIEF_VERBS, CUE_VERBS
from saydo.extract.quotes import QuoteSpan, inside_quote, overlaps_quote
from saydo.extract.speakers import SUBJECT_DEPS, can_speak, nearest_subject, subject_of

# Words between a cue and its content that belong to neither ("said on Wednesday that").
CONTENT_OPENERS = frozenset({"that", ","})

# Cues so common in "X said the ..." that a misparsed complement is still their content.
LOOSE_CUES = frozenset({"say", "tell", "add", "claim", "insist", "warn", "state", "believe"})

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl", "advcl"})

# How the parser hangs a sentence-final "she said" on what was said.
FRONTED_DEPS = frozenset({"advcl", "parataxis", "conj", "ccomp"})

# A reporting verb reports only its complement: "X reports as shelling continues" does not.
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})

# What a reported clause cut before a quote keeps: a few words, without the marks.
MIN_CUT_WORDS = 3

CUT_TAIL = frozenset({"that", "and", "but"})
# Words between a cue and the colon that opens what it says: "added in a statement:".
MAX_COLON_GAP = 6
# Adverbs that say a clause is somebody's report, without saying whose.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
# What a raising verb takes: "seemed to stall", "appears uneasy", "it appears that ...".
RAISED_DEPS = frozenset({"xcomp", "acomp", "ccomp", "attr", "oprd"})
# What a cue says of its object: "called Trump unhinged", "described him as a fraud".
OBJECT_PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp", "attr"})
# How a misattached "that" clause hangs below a cue: "said at a meeting that ...".
STRANDED_PATH = frozenset({"relcl", "acl", "pobj", "prep"})
# Verbs of perceiving whose passive with "as" is a view held by nobody named.
PERCEIVED_AS = frozenset({"see", "view", "regard", "perceive", "consider", "know", "portray"})
PASSIVE_THOUGHTS = BELIEF_VERBS | PERCEIVED_AS
# Cue clauses set off by commas beside what they report: "..., the Tribune reports."
FRONTED_CUES = CUE_VERBS | frozenset(
    {"report", "recall", "concede", "contend", "emphasize", "emphasise", "observe", "joke"}
    | {"quip", "boast", "lament", "complain", "testify", "acknowledge", "mention", "agree"}
    | {"find", "show"}
)
# Verbs whose "to" clause is what their subject sets out to do: "sought to energize".
INTENT_VERBS = frozenset(
    {"seek", "offer", "threaten", "aim", "intend", "vow", "pledge", "promise", "push"}
    | {"propose", "decline", "refuse", "want", "plan", "prefer", "decide", "agree"}
)
# Conjunctions that open a clause of time, cause or contrast beside a cue.
ADJUNCT_MARKS = frozenset(
    {"as", "after", "before", "while", "when", "because", "although", "though", "since"}
    | {"until", "whereas", "once", "whilst"}
)
# Cues whose "to" phrase is what they answer or mean: "responded to the charges".
TO_CUES = frozenset({"respond", "reply", "react", "refer", "point", "allude", "object"})
QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "enquire"})
# Nouns whose "to" clause is what their owner resolved on: "her decision to close".
RESOLVE_NOUNS = frozenset(
    {"decision", "plan", "plans", "refusal", "intention", "desire", "determination"}
    | {"willingness", "readiness", "choice", "wish", "resolve"}
)
# What a passive cue says its subject is blamed, praised or taken for.
PASSIVE_PREPS = frozenset({"for", "of", "as"})
# What an "as" clause holds when it is no attribution: "as he signed the bill".
AS_FILLED_DEPS = frozenset({"dobj", "ccomp", "attr", "acomp", "nsubjpass"})
ATTITUDE_PREPS = frozenset({"of", "about", "that"})
# Prepositions whose object is when, where or how a cue spoke far more often than what it
# said: "spoke on condition of anonymity", "posted on Facebook", "responded on Tuesday".
SETTING_PREPS = frozenset({"on"})
# Words that open another attribution closing a reported clause: ", according to X".
# (Closing relative clauses about a person and dashed appositions were tried: PolNeAR
# train's two halves disagreed on them.)
ASIDE_OPENERS = frozenset({"according"})
# Subjects that stand for the clause after them: "it appears that ...".
EXPLETIVES = frozenset({"it", "there"})


def indirect_statements(
    index: TextIndex, sent: Span, cues: list[Cue], quotes: list[QuoteSpan], ctx: ArticleContext
) -> Iterator[Attribution]:
    for cue in cues:
        if cue.speaker_text is None or inside_quote(cue.token.idx, quotes):
            continue
        spans = _content_spans(sent, cue.token)
        if not spans:
            # A quote after the colon is attributed as a quote, not as reported speech.
            colon = _after_colon(index.text, sent, cue.token)
            spans = [(s, e) for s, e in colon if not overlaps_quote(s, e, quotes)]
        else:
            listed = _listed_after(index.text, sent, cue.token)
            spans += [(s, e) for s, e in listed if not overlaps_quote(s, e, quotes)]
        for span in spans:
            start, end = _without_aside(sent.doc, *span)
            content = index.text[start:end]
            statement = Statement(
                id=record_id("st", ctx.article_id, start, end),
                speaker=cue.speaker,
                speaker_text=cue.speaker_text,
                kind=StatementKind.THOUGHT if is_thought(cue.token) else StatementKind.INDIRECT,
                cue=cue.token.text,
                content=content,
                provenance=index.provenance(ctx, start, end),
            )
            yield Attribution(statement, start, end, cue.token.i, cue.speaker_span)


def _without_aside(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A reported clause less another attribution that closes it.

    "He said little, according to an attendee": what follows the comma says who told the
    writer, and is no part of what was said.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return start, end
    last = words[-1]
    for mark in span:
        if mark.i + 1 > last.i or not _opens_aside(mark, doc[mark.i + 1], last):
            continue
        kept = [t for t in doc[span.start : mark.i] if not (t.is_punct or t.is_space)]
        if len(kept) >= MIN_CUT_WORDS:
            return start, kept[-1].idx + len(kept[-1].text)
        break
    return start, end


def _opens_aside(mark: Token, first: Token, last: Token) -> bool:
    """Whether ``mark`` sets off an "according to" phrase running from ``first`` to the
    end of the clause at ``last``."""
    if mark.text != "," or first.lower_ not in ASIDE_OPENERS:
        return False
    top = first
    while top.head.i != top.i and top.head.left_edge.i == first.i:
        top = top.head
    return top.right_edge.i >= last.i


def _listed_after(text: str, sent: Span, cue: Token) -> list[tuple[int, int]]:
    """ "Republicans offered their thoughts and prayers to the victims:" and the posts
    below: a main-clause cue whose sentence ends in a colon and a line break goes on into
    the next paragraph, which is what it offered, called for or said."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != ":" or cue.dep_ != "ROOT":
        return []
    after = text[last.idx + 1 : last.idx + 3]
    if "\n" not in after:
        return []
    return _rest_of_paragraph(text, last.idx + 1)


def _rest_of_paragraph(text: str, start: int) -> list[tuple[int, int]]:
    """From ``start`` (white space skipped) to the end of its paragraph, a closing full
    stop left out; nothing when that is too short to be what someone said."""
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    return [(start, end)] if len(text[start:end].split()) >= MIN_CUT_WORDS else []


def _after_colon(text: str, sent: Span, cue: Token) -> list[tuple[int, int]]:
    """ "The governor added: It is typical of her ...": what follows a cue's colon, to the
    end of its paragraph (the next one when the colon ends a line), is what was said."""
    if cue_lemma(cue) not in CUE_VERBS:
        return []
    colon = next((t for t in sent if t.i > cue.i and t.text == ":"), None)
    if colon is None or colon.i - cue.i > MAX_COLON_GAP:
        return []
    return _rest_of_paragraph(text, colon.idx + 1)


def impersonal_thoughts(
    index: TextIndex, sent: Span, quotes: list[QuoteSpan], ctx: ArticleContext
) -> Iterator[Attribution]:
    """What seems, is expected or is reported, with nobody named as its source.

    "The talks seemed to stall", "Talks are expected to resume", "it appears that ...",
    "troops reportedly withdrew": PolNeAR attributes these to no source; the whole clause
    is what is thought or said.
    """
    for token in sent:
        if inside_quote(token.idx, quotes):
            continue
        if token.pos_ in {"VERB", "AUX"}:
            span, kind = _impersonal_span(token), StatementKind.THOUGHT
        elif token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod":
            span, kind = _hearsay_span(token), StatementKind.INDIRECT
        else:
            continue
        if span is None:
            continue
        start, end = _without_aside(sent.doc, *span)
        statement = Statement(
            id=record_id("st", ctx.article_id, start, end),
            speaker=None,
            speaker_text=None,
            kind=kind,
            cue=token.text,
            content=index.text[start:end],
            provenance=index.provenance(ctx, start, end),
        )
        yield Attribution(statement, start, end, token.i, None)


def _hearsay_span(adverb: Token) -> tuple[int, int] | None:
    """ "X reportedly considered a run": the clause the adverb modifies, without it."""
    verb = adverb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    tokens = [t for t in verb.subtree if t.i != adverb.i and not (t.is_punct or t.is_space)]
    if len(tokens) < MIN_CUT_WORDS:
        return None
    return _char_range(verb.doc, tokens)


def _impersonal_span(verb: Token) -> tuple[int, int] | None:
    lemma = cue_lemma(verb)
    children = list(verb.children)
    if lemma in RAISING_LEMMAS:
        # "There seems to be more interest in ...": the expletive stands for the clause.
        subjects = [c for c in children if c.dep_ in {"nsubj", "expl"}]
    elif lemma in PASSIVE_THOUGHTS and any(c.dep_ == "auxpass" for c in children):
        if any(c.dep_ == "agent" for c in children):
            return None  # "is expected by analysts to ...": the analysts' thought
        subjects = [c for c in children if c.dep_ in {"nsubjpass", "expl"}]
        if lemma in PERCEIVED_AS:
            # "Trump is widely seen as an outsider": how nobody in particular sees him.
            children = [c for c in children if c.dep_ == "prep" and c.lower_ == "as"]
    else:
        return None
    complements = [
        c for c in children if (c.dep_ in RAISED_DEPS or c.lower_ == "as") and c.i > verb.i
    ]
    if not subjects or not complements:
        return None
    subject, complement = subjects[0], complements[-1]
    if subject.i > verb.i or _described(lemma, subject, complement):
        return None
    tokens = list(complement.subtree)
    if subject.lower_ not in EXPLETIVES:
        tokens += list(subject.subtree)
    tokens = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(tokens) < MIN_CUT_WORDS:
        return None
    return _char_range(verb.doc, tokens)


def _described(lemma: str, subject: Token, complement: Token) -> bool:
    """ "It seems that the talks stalled": a raising verb takes a "that" clause only through
    an empty subject; under a real subject ("the deal appears, she said, ...") the clause
    the parser hung on it is some other clause. (Predicates such as "seemed weaker" were
    also tried as the writer's description: PolNeAR train's two halves disagreed.)"""
    return (
        lemma in RAISING_LEMMAS and complement.dep_ == "ccomp" and subject.lower_ not in EXPLETIVES
    )


def add_indirect(
    index: TextIndex,
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
    if not overlaps_quote(start, end, quotes):
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
    index: TextIndex, doc: Doc, found: list[Attribution], indirect: Attribution, cut: int
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


def _widened(index: TextIndex, quote: Attribution, start: int, end: int) -> Attribution:
    # The quote's id is kept: a continuation in the same sentence may already point to it.
    statement = replace(
        quote.statement,
        kind=StatementKind.PARTIAL,
        content=index.text[start:end],
        provenance=replace(quote.statement.provenance, start=start, end=end),
    )
    return replace(quote, statement=statement, content_start=start, content_end=end)


def content_clauses(cue: Token) -> list[Token]:
    """The heads of the clauses a cue reports: its complement, split at "but that"."""
    deps = CLAUSE_DEPS if cue_lemma(cue) in CUE_VERBS else REPORTED_CLAUSE_DEPS
    if cue.pos_ == "NOUN":
        # Only a finite clause reports what was said ("Russia's claim that it will ...");
        # "Moscow's pledge to cut back" names a pledge made elsewhere.
        heads = [
            c
            for c in cue.children
            if c.dep_ in {"acl", "ccomp", "relcl"}
            and (_is_finite(c) or (cue.lower_ in RESOLVE_NOUNS and c.dep_ == "acl"))
        ] or _copular_clause(cue)
    else:
        heads = [
            _handed_back(c)
            for c in cue.children
            if ((c.dep_ in deps and _reports(c, cue)) or _asks_whether(c, cue))
            and not _across_semicolon(c, cue)
        ]
        # "said X, but that Y": the parser hangs the second clause on the cue itself.
        heads += [c for c in cue.children if c.dep_ == "conj" and _opens_with_that(c)]
        heads = sorted(heads, key=lambda h: h.i) or _stranded_that_clause(cue)
        if heads and cue_lemma(cue) in LOOSE_CUES:
            heads += _run_on_clauses(cue, heads[-1])
    split: list[Token] = []
    for head in heads:
        split.append(head)
        split.extend(c for c in head.children if c.dep_ == "conj" and _opens_with_that(c))
    return split


def _across_semicolon(clause: Token, cue: Token) -> bool:
    """ "Moscow said Ukrainian forces disrupted it; Kyiv said Russia shelled the route":
    the parser may hang the first report on the second "said". A clause before the cue,
    with a semicolon between them, was said by someone else."""
    if clause.i > cue.i:
        return False
    return any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1 : cue.i])


def _handed_back(clause: Token) -> Token:
    """The other half of :func:`_across_semicolon`: when what a cue reports is a second
    attribution ("...; Kyiv said ..."), the clause the parser hung on that second cue
    before its semicolon is what the first cue said."""
    if clause.pos_ != "VERB" or cue_lemma(clause) not in ATTRIBUTION_VERBS:
        return clause
    earlier = [c for c in clause.children if c.dep_ == "ccomp" and _across_semicolon(c, clause)]
    return earlier[0] if earlier else clause


def _copular_clause(noun: Token) -> list[Token]:
    """ "His argument is that the deal is dead": the "that" clause of the "be" the noun is
    subject of."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ != "be":
        return []
    return [c for c in verb.children if c.dep_ in {"ccomp", "attr"} and _opens_with_that(c)]


def _run_on_clauses(cue: Token, last: Token) -> list[Token]:
    """ "He said the time for talk is over, and the nation has to act": a clause with a
    subject of its own, joined after what was said, goes on saying it; the parser hangs
    it on the cue. A clause whose verb is itself a cue is an attribution of its own."""
    return [
        c
        for c in cue.children
        if c.dep_ == "conj"
        and c.i > last.i
        and _is_finite(c)
        and not _opens_with_that(c)
        and cue_lemma(c) not in ATTRIBUTION_VERBS
        and not any(s.dep_ in SUBJECT_DEPS and s.i < cue.i for s in c.children)
    ]


def _asks_whether(head: Token, cue: Token) -> bool:
    """ "asked the senator if he would run": the parser hangs the question on the cue as
    a condition."""
    return (
        head.dep_ == "advcl"
        and head.i > cue.i
        and cue_lemma(cue) in QUESTION_CUES
        and any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in head.children)
    )


def _reports(head: Token, cue: Token) -> bool:
    if head.dep_ == "advcl" and head.i < cue.i and not _is_finite(head):
        return False  # "Courted by donors, X said ...": a modifier of the speaker
    if head.dep_ == "advcl" and _is_adjunct(head):
        return False
    # "shows that several students dressed up": "that" makes a clause of a misparsed noun.
    return _is_clause(head) or (head.dep_ == "ccomp" and _opens_with_that(head))


def _is_adjunct(clause: Token) -> bool:
    """ "said in August after the plant closed", "said, referring to X": when, why or how
    the cue's subject spoke, not what it said."""
    marked = any(c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in clause.children)
    return marked or clause.tag_ == "VBG"


def _opens_with_that(head: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)


def _stranded_that_clause(cue: Token) -> list[Token]:
    """ "said during a news conference that he may wait": the parser hangs the clause on
    the nearest noun; a "that" clause below the cue's prepositions is still its content."""
    for token in cue.subtree:
        head = token.head
        if not (token.dep_ == "mark" and token.lower_ == "that" and head.i > cue.i):
            continue
        step = head
        while step.i != cue.i and step.dep_ in STRANDED_PATH:
            step = step.head
        if step.i == cue.i and head.pos_ in {"VERB", "AUX"}:
            return [head]
    return []


def _is_finite(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _is_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _content_spans(sent: Span, cue: Token) -> list[tuple[int, int]]:
    doc = sent.doc
    if reports_sentence(cue):
        tokens = _according_content(sent, cue)
        return [_char_range(doc, tokens)] if len(tokens) >= 3 else []
    aside = _as_clause_content(cue)
    if aside:
        return [_char_range(doc, aside)]
    lemma = cue_lemma(cue)
    if cue.pos_ == "ADJ":
        return _attitude_content(cue)
    if cue.pos_ == "VERB" and lemma in OBJECT_CUE_VERBS and lemma not in CLAUSE_CUE_VERBS:
        # "as Moscow has demanded, not to join NATO": what these verbs govern as a clause
        # is too often the parser's guess; only their object is safe content.
        return _object_content(cue)
    fronted = _fronted_content(cue)
    if fronted:
        return [_char_range(doc, part) for part in fronted]
    heads = content_clauses(cue)
    spans: list[tuple[int, int]] = []
    for n, head in enumerate(heads):
        tokens = _clause_tokens(head, heads[n + 1 :])
        if len(tokens) < 3:
            continue
        spans.append(_char_range(doc, tokens))
    if not spans and cue.pos_ == "VERB" and (lemma in OBJECT_CUE_VERBS or _object_as(cue)):
        spans.extend(_object_content(cue))
    if not spans:
        before = _inverted_content(sent, cue)
        if len(before) >= MIN_CUT_WORDS:
            spans.append(_char_range(doc, before))
    if not spans and cue.pos_ == "VERB" and cue_lemma(cue) in LOOSE_CUES and _falls_back(cue):
        fallback = _tokens_after(sent, cue)
        if len(fallback) >= 4 and any(t.pos_ in {"VERB", "AUX"} for t in fallback):
            spans.append(_char_range(doc, fallback))
    return spans


def _falls_back(cue: Token) -> bool:
    """Whether the words after a cue can be what it said when the parser gave it no
    complement. Not when they are its speaker ('"...," said Cruz, who ...'), whom it told
    ("told Holder, who ..."), or when a preposition or particle right after it gives the
    verb another sense ("added to the drama", "adds up to $1.5 trillion"); "said on
    Tuesday the ..." is still a cue with its content after the day."""
    return not any(
        (c.dep_ in SUBJECT_DEPS and c.i > cue.i)
        or (c.dep_ in {"dobj", "dative"} and c.i == cue.i + 1 and _is_person_like(c))
        or (c.dep_ in {"prep", "prt"} and c.i == cue.i + 1 and not _leading_time(c))
        for c in cue.children
    )


def _is_person_like(token: Token) -> bool:
    return token.pos_ == "PRON" or can_speak(token)


def _as_clause_content(cue: Token) -> list[Token]:
    """ "as Comey noted, people could still face sanctions", "..., as the Times reported":
    a cue clause opened by "as" with no complement of its own reports the clause it
    modifies, less the "as" clause."""
    head = cue.head
    if cue.dep_ != "advcl" or head.i == cue.i or head.pos_ not in {"VERB", "AUX"}:
        return []
    if cue_lemma(cue) not in FRONTED_CUES or head.dep_ in REPORTED_CLAUSE_DEPS:
        # "as Moscow has demanded": a demand is no report; "said X, as Y noted": X is
        # already what the first cue reports.
        return []
    if not _opens_with_as(cue):
        return []
    if head.dep_ in {"aux", "auxpass"}:
        head = head.head  # the parser hangs the clause on "was" of "was closed"
    if any(c.dep_ in AS_FILLED_DEPS for c in cue.children):
        return []  # "as he signed the bill": a time, not a source
    aside = {t.i for t in cue.subtree}
    tokens = _trimmed([t for t in head.subtree if t.i not in aside])
    while tokens and tokens[0].lower_ in {"but", "and"}:
        tokens.pop(0)
    return tokens if len(tokens) >= MIN_CUT_WORDS else []


def _opens_with_as(cue: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)


def _attitude_content(cue: Token) -> list[tuple[int, int]]:
    """ "is confident that ...", "was eager to ...", "remains skeptical of the deal": the
    clause an attitude adjective takes, or the object of its preposition."""
    doc = cue.doc
    spans = []
    for head in content_clauses(cue):
        tokens = _clause_tokens(head, [])
        if len(tokens) >= MIN_CUT_WORDS:
            spans.append(_char_range(doc, tokens))
    if spans:
        return spans
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in ATTITUDE_PREPS:
            pobj = [t for c in prep.children if c.dep_ in {"pobj", "pcomp"} for t in c.subtree]
            if pobj:
                return [_char_range(doc, pobj)]
    return []


def _inverted_content(sent: Span, cue: Token) -> list[Token]:
    """ "The promise ... appeals to older voters, said Alan Miller, a demographer": a cue
    right after a comma with its speaker after it reports what comes before, whatever
    the parser made of that (it often takes its noun for a second subject)."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "," or cue_lemma(cue) not in FRONTED_CUES:
        return []
    subject = nearest_subject(cue)
    if subject is None or subject.i < cue.i:
        return []
    return _trimmed([t for t in sent if t.i < cue.i - 1])


def _according_content(sent: Span, cue: Token) -> list[Token]:
    """ "X happened, according to Y": the sentence without the attribution is what Y says."""
    attribution = {t.i for t in cue.subtree} | {cue.i, cue.i + 1}
    head = cue.head
    scope: list[Token] = list(sent)
    if cue.lower_ == "according" and head.dep_ in {"relcl", "acl"}:
        # "voters, 82 percent of whom view him unfavorably according to the poll, ...":
        # the poll says only what the clause it hangs on says.
        scope = list(head.subtree)
    tokens = [t for t in scope if t.i not in attribution]
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].pos_ == "CCONJ"):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _fronted_content(cue: Token) -> list[list[Token]]:
    """ "The Internet made it possible ..., she said." or "The museum, Mr. Obama said, would
    ...": a cue clause set off by commas, which the parser hangs on what was said, reports
    the rest of that sentence, before it and after it (each part a content of its own)."""
    head = cue.head
    if cue_lemma(cue) not in FRONTED_CUES or cue.dep_ not in FRONTED_DEPS or head.i == cue.i:
        return []
    subject = nearest_subject(cue)
    if subject is None:
        return []
    clause_start = min(subject.left_edge.i, cue.i)
    clause_end = max(t.i for t in cue.subtree)
    doc = cue.doc
    comma = doc[clause_start - 1] if clause_start > 0 else None
    if comma is None or comma.text not in {",", "\u201d", '"'}:
        return []
    # The closing comma hangs on the cue or, as often, on what was said after it.
    closed = clause_end + 1 < len(doc) and "," in {doc[clause_end].text, doc[clause_end + 1].text}
    if head.i > cue.i and not closed:
        return []  # "..., officials said the strikes ...": not a parenthesis
    before = _trimmed([t for t in head.subtree if t.i < clause_start])
    after = _trimmed([t for t in head.subtree if t.i > clause_end]) if closed else []
    if len(after) >= MIN_CUT_WORDS and before:
        return [before, after]  # "The museum, he said, would ...": the subject is said too
    return [part for part in (before, after) if len(part) >= MIN_CUT_WORDS]


def _trimmed(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _object_content(cue: Token) -> list[tuple[int, int]]:
    """The noun phrase a cue verb takes: its object, with "of ..." after "accused X";
    or the object of its preposition ("called for X")."""
    doc = cue.doc
    # "called it a sham": a pronoun object counts when the cue says what it is.
    says_what = any(c.dep_ == "oprd" for c in cue.children)
    objects = [
        c
        for c in cue.children
        if c.dep_ == "dobj"
        and (says_what or c.lower_ not in {"it", "that", "this", "what", "which"})
    ]
    literal = objects and needs_proposition(cue_lemma(cue))
    if literal and not governs_proposition(cue, objects[0], subject_of(cue)):
        return []  # "raised money for ...": a thing given or lifted, not words
    if objects:
        tokens = list(objects[0].subtree)
        tokens += [
            t
            for c in cue.children
            if (c.dep_ == "prep" and c.lower_ in {"of", "for", "with", "as"})
            or c.dep_ in OBJECT_PREDICATE_DEPS
            if c.i > objects[0].i
            for t in c.subtree
        ]
        return [_char_range(doc, tokens)]
    named = _named_as(cue)
    if named:
        return [_char_range(doc, named)]
    preps = (OBJECT_CUE_PREPS | {"to"} if cue_lemma(cue) in TO_CUES else OBJECT_CUE_PREPS) - (
        SETTING_PREPS
    )
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            pobj = [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree]
            if pobj:
                return [_char_range(doc, pobj)]
    # "sought to energize the base", "offered to debate": what the subject sets out to do.
    # Not "as Moscow has demanded, not to join": a request's clause is another's deed.
    if cue_lemma(cue) not in INTENT_VERBS or _opens_with_as(cue):
        return []
    for clause in cue.children:
        if clause.dep_ == "xcomp" and clause.pos_ in {"VERB", "AUX"}:
            tokens = _clause_tokens(clause, [])
            if len(tokens) >= MIN_CUT_WORDS:
                return [_char_range(doc, tokens)]
    return []


def _object_as(cue: Token) -> bool:
    """ "sees the treaty as a betrayal": an object and what it is taken as."""
    children = list(cue.children)
    return any(c.dep_ == "dobj" for c in children) and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in children
    )


def _named_as(cue: Token) -> list[Token]:
    """What a cue says of a thing with no object in the parse: "called both X and Y
    'crazy'" (two predicates), or what a passive with an agent blames or praises its
    subject for: "was criticized by rivals for failing to ..."."""
    children = list(cue.children)
    predicates = [c for c in children if c.dep_ == "oprd"]
    if len(predicates) > 1:
        return [t for c in predicates for t in c.subtree]
    if not any(c.dep_ == "agent" for c in children):
        return []
    # One span cannot skip the cue and its agent: the "for ..." part is the longer one.
    parts = [
        c for c in children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in PASSIVE_PREPS)
    ]
    if not any(c.dep_ == "nsubjpass" for c in children):
        return []
    return [t for c in parts for t in c.subtree if c.i > cue.i]


def _clause_tokens(head: Token, exclude_heads: list[Token]) -> list[Token]:
    excluded: set[int] = set()
    for other in exclude_heads + _nested_participle_cues(head):
        excluded.update(t.i for t in other.subtree)
    tokens = [t for t in head.subtree if t.i not in excluded]
    while tokens and (
        tokens[0].is_punct or tokens[0].lower_ in {"but", "and"} or _leading_time(tokens[0])
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
        and cue_lemma(t) in ATTRIBUTION_VERBS
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
