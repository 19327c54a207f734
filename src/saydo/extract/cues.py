"""Cues: the verbs and nouns that attribute what follows them, and, for a quote, the cue
that governs it in the parse or stands nearest."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from saydo.domain import Actor
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import BELIEF_VERBS, CUE_NOUNS, CUE_VERBS
from saydo.extract.mentions import Salience, noun_phrase, resolve_head
from saydo.extract.speakers import (
    according_source,
    according_to,
    can_speak,
    noun_cue_owner,
    subject_of,
)

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
        # "pointed out that ...", "declined to comment", "refused to say": PolNeAR marks
        # them; each adds 0.05-0.08 percentage points of overlap F1 on its train split.
        "point",
        "decline",
        "refuse",
        # Verbs of judging, remembering and resolving that take what is held as a
        # clause: "remembered that ...", "deemed it ...", "decided to ...".
        "remember",
        "forget",
        "remind",
        "assume",
        "posit",
        "deem",
        "figure",
        "underscore",
        "decide",
        "determine",
        "demonstrate",
        "intend",
        "aim",
        "prefer",
        # Ways of asserting or musing: "proclaimed that ...", "mused that ...".
        *("proclaim", "insinuate", "theorize", "surmise", "presume", "calculate", "affirm"),
        *("attest", "reaffirm", "swear", "counter", "retort", "rebut", "muse", "opine"),
        *("ponder", "sense", "gather"),
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
        "recall",
        "label",
        "brand",
        "dub",
        "point",  # "pointed to the polls"
        "offer",  # "offered condolences", "offered no details"
        # What somebody says of a thing or a person by naming it: "referred to X as",
        # "portrayed X as", "mocked X", "outlined a plan", "views X as".
        # Perceiving or holding a thing: "We have seen this kind of cover-up before",
        # "recognized the danger".
        "see",
        "know",
        "consider",
        "recognize",
        # Ways of attacking or praising somebody in words: "lambasted the plan".
        *("lambaste", "chide", "scold", "ridicule", "deride", "disparage", "belittle"),
        *("commend", "congratulate", "bemoan", "excoriate", "castigate", "assail"),
        *("berate", "taunt", "insult"),
        *("fault", "pan", "knock", "hammer", "rip", "bash", "lash", "skewer", "hype"),
        *("trumpet", "downplay", "minimize", "embrace"),
        "refer",
        "respond",
        "reply",
        "react",
        "allude",
        "portray",
        "characterize",
        "characterise",
        "paint",
        "cast",
        "frame",
        "term",
        "view",
        "regard",
        "mock",
        "outline",
        "reference",
        "address",
        "ignore",
        "credit",
        "publish",
        "post",
        "share",
        "issue",
        "underscore",
        "remember",
        "forget",
        "prefer",
    ]
)

# Prepositions that carry the content after an intransitive cue: "called for a ban",
# "warned of a crisis", "complained about the rules".
OBJECT_CUE_PREPS = frozenset({"for", "about", "of", "against", "on"})

CLAUSE_CUE_VERBS = CUE_VERBS | REPORTING_VERBS

# Nouns that attribute their "that" clause beyond the shared lexicon's: "the report's
# conclusion that ...", "Trump's argument that ...", "the senator's view that ...".
ATTRIBUTION_NOUNS = CUE_NOUNS | frozenset(
    [
        "conclusion",
        "argument",
        "contention",
        "finding",
        "findings",
        "suggestion",
        "prediction",
        "belief",
        "view",
        # What somebody resolved on: "her decision to close the embassy".
        *("decision", "plan", "plans", "refusal", "intention", "desire", "determination"),
        *("willingness", "readiness", "choice", "wish", "resolve"),
        # What somebody fears, hopes, assumes or holds: "her fear that ...".
        *("fear", "fears", "hope", "hopes", "concern", "concerns", "worry", "worries"),
        *("assumption", "complaint", "complaints", "criticism", "opinion", "theory"),
        *("expectation", "expectations", "insistence", "notion", "idea", "sense"),
        *("feeling", "hunch", "message", "point", "position", "prediction"),
        *("allegation", "allegations", "accusation", "accusations"),
    ]
)

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
# Cues of what a source expects, wants, perceives or what seems so, rather than what it
# says. PolNeAR annotates them as attributions; the ledger keeps them as thoughts, never
# as quotes. A named source's belief ("officials believe", "X thinks") is not among
# them: news reports a briefed position that way, and it is weighed like speech.
THOUGHT_LEMMAS = frozenset(
    [
        "expect",
        "hope",
        "fear",
        "seem",
        "appear",
        "want",
        "plan",
        "seek",
        "wish",
        "intend",
        "aim",
        "worry",
        "wonder",
        "notice",
        "observe",
        "see",
        "view",
        "regard",
        "imagine",
        "anticipate",
    ]
)
# What an opening "In a/the ..., " names as the source of the rest of the sentence. Not
# "In an interview, ...": a verb of speech in the sentence names the source then.
SOURCE_NOUNS = frozenset(
    [
        "poll",
        "survey",
        "view",
        "opinion",
        "study",
        "report",
        "estimate",
        "analysis",
        "assessment",
        "judgment",
        "estimation",
        "mind",
    ]
)
# Who "To ..., " opening a sentence names as holding the view that follows.
PERSPECTIVE_PRONOUNS = frozenset({"him", "her", "them", "others", "many", "some"})
PERSPECTIVE_NOUNS = frozenset(
    {"voter", "supporter", "critic", "observer", "analyst", "expert", "people", "many"}
)
# Adjectives of knowing, being sure, hoping or fearing: "X is confident that ...".
ATTITUDE_ADJECTIVES = frozenset(
    {"aware", "confident", "sure", "certain", "convinced", "skeptical", "sceptical"}
    | {"eager", "hopeful", "optimistic", "pessimistic", "worried", "concerned", "afraid"}
    | {"fearful", "adamant", "unsure", "uncertain", "doubtful", "determined", "keen"}
    | {"anxious", "insistent"}
)
# Verbs whose subject is what seems, not who thinks it: "the talks seemed to stall".
RAISING_LEMMAS = frozenset({"seem", "appear"})
# Cue lemmas the parser's lemmatiser gets wrong ("hopes" -> "hop"), found from the form.
KNOWN_LEMMAS = ATTRIBUTION_VERBS | THOUGHT_LEMMAS | BELIEF_VERBS
_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("es", "e"),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
)


def cue_lemma(token: Token) -> str:
    """The token's lemma, or the cue verb its form inflects when the lemmatiser missed it."""
    return _cue_lemma(token.lemma_.lower(), token.lower_, token.pos_)


@lru_cache(maxsize=4096)
def _cue_lemma(lemma: str, form: str, pos: str) -> str:
    if lemma in KNOWN_LEMMAS or pos not in {"VERB", "AUX"}:
        return lemma
    for suffix, ending in _INFLECTIONS:
        if form.endswith(suffix) and form[: -len(suffix)] + ending in KNOWN_LEMMAS:
            return form[: -len(suffix)] + ending
    # "stopped", "planning": a doubled consonant before the suffix.
    for suffix in ("ed", "ing"):
        stem = form.removesuffix(suffix)
        if stem != form and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in KNOWN_LEMMAS:
            return stem[:-1]
    return lemma


def is_thought(token: Token) -> bool:
    """A cue of thinking, expecting, wanting or seeming, unless it is also speech."""
    lemma = cue_lemma(token)
    return lemma in THOUGHT_LEMMAS and lemma not in SPEECH_LEMMAS


@dataclass(frozen=True, slots=True)
class Cue:
    token: Token
    speaker: Actor | None
    speaker_text: str | None
    speaker_span: tuple[int, int] | None = None


def find_cues(sent: Span, ctx: ArticleContext, salience: Salience) -> list[Cue]:
    cues: list[Cue] = []
    for token in sent:
        lemma = cue_lemma(token)
        if is_according(token):
            subject = according_source(token)
            if subject is None:
                continue
        elif is_source_phrase(token):
            subject = _source_phrase_owner(token)
        elif token.pos_ in {"VERB", "AUX"} and (lemma in ATTRIBUTION_VERBS or puts_it(token)):
            subject = agent_of(token) or subject_of(token)
            if subject is None:
                subject = according_to(sent)
        elif is_attitude(token):
            subject = subject_of(token)
            if subject is None:
                continue
        elif token.pos_ == "NOUN" and token.lower_ in ATTRIBUTION_NOUNS:
            subject = noun_cue_owner(token)
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


def is_attitude(token: Token) -> bool:
    """ "X is confident that ...", "X was eager to ...": an adjective of knowing, feeling
    sure or wanting, said of somebody, with a clause or an "of"/"about" phrase."""
    if token.pos_ != "ADJ" or token.lower_ not in ATTITUDE_ADJECTIVES or token.dep_ != "acomp":
        return False
    return any(
        c.dep_ in {"ccomp", "xcomp"} or (c.dep_ == "prep" and c.lower_ in {"of", "about"})
        for c in token.children
    )


def puts_it(token: Token) -> bool:
    """ "As Ms. Simonyan put it, ...": a speech cue whatever "put" means elsewhere."""
    return token.lemma_ == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in token.children
    )


def is_according(token: Token) -> bool:
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return False  # the cheap test first: this runs on every token
    return token.nbor().lower_ == "to"


def agent_of(verb: Token) -> Token | None:
    """ "as reported by The Times", "was described by aides as": the passive's agent is
    who speaks, not the subject of the clause the participle hangs on."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_source_phrase(token: Token) -> bool:
    """ "In a new poll, ...", "In Professor Knittel's view, ...", "To her, ...": a phrase
    opening the sentence that names where the rest of it comes from, as "according to"
    does."""
    if token.dep_ != "prep" or token.lower_ not in {"in", "to"}:
        return False
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None:
        return False
    if not _opens_sentence(token):
        return False
    if token.lower_ == "to" and not _holds_a_view(noun):
        return False
    if token.lower_ == "in" and noun.lemma_.lower() not in SOURCE_NOUNS:
        return False
    after = max(t.i for t in token.subtree) + 1
    return after < len(token.doc) and token.doc[after].text == ","


def _opens_sentence(token: Token) -> bool:
    """First in its sentence, or after a conjunction only: "But to others, ..."."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start].is_sent_start and doc[start - 1].pos_ == "CCONJ":
        start -= 1
    return bool(doc[start].is_sent_start)


def _holds_a_view(noun: Token) -> bool:
    """ "To Ms. Gil", "to them", "To many voters": somebody, not "To that end"."""
    if noun.pos_ == "PRON":
        return noun.lower_ in PERSPECTIVE_PRONOUNS
    return can_speak(noun) or noun.lemma_.lower() in PERSPECTIVE_NOUNS


def _source_phrase_owner(token: Token) -> Token:
    noun = next(c for c in token.children if c.dep_ == "pobj")
    if token.lower_ == "to":
        return noun
    return noun_cue_owner(noun) or noun


def reports_sentence(token: Token) -> bool:
    """A cue whose content is the rest of its sentence: "according to", "In a poll, ..."."""
    return is_according(token) or is_source_phrase(token)


def governing_cue(span: Span, cues: list[Cue]) -> Cue | None:
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


def nearest_cue(span: Span, cues: list[Cue]) -> Cue | None:
    outside = [
        c for c in cues if not (span.start <= c.token.i < span.end) and c.token.pos_ != "NOUN"
    ]
    if not outside:
        return None
    # A quote is speech: "said" beside it outranks a nearer "know" or "support".
    return min(
        outside,
        key=lambda c: (
            cue_lemma(c.token) not in SPEECH_LEMMAS or c.speaker_text is None,
            min(abs(c.token.i - span.start), abs(c.token.i - span.end)),
        ),
    )
