"""The speaker of a quote with no cue of its own: whoever the sentence around it is about.

A quote inside someone else's clause is theirs: 'Cruz named "Game of Thrones" as his
favourite', 'her comment that "we will win"', 'Clinton, who wants "people together"'. The
quote's ancestors in the parse are climbed up to the sentence root; the first of them
with a subject (or, for a noun, an owner) that can be somebody names the speaker. This
comes before crediting the previous speaker, which is right only when nobody else is
named in between.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.extract.attribution import TextIndex
from saydo.extract.context import ArticleContext
from saydo.extract.cues import SPEECH_LEMMAS, Cue, cue_lemma
from saydo.extract.lexicon import CUE_NOUNS
from saydo.extract.mentions import Salience, noun_phrase, resolve_head
from saydo.extract.quotes import QuoteSpan
from saydo.extract.speakers import can_speak, subject_of

# "who" and "which" stand for the noun their clause hangs on; the mention as written is
# the pronoun itself.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PERSONAL_SUBJECTS = frozenset({"he", "she", "they"})
OWNER_PRONOUNS = frozenset({"his", "her", "their", "its"})
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj"})
# A quote far down a long sentence still belongs to its main subject; the bound only
# guards against a malformed parse.
MAX_CLIMB = 12
MAX_NOUN_CLIMB = 4
# Nouns for what somebody said or wrote, whose owner ("her", "Clinton's") said it.
WORDS_NOUNS = CUE_NOUNS | frozenset(
    {
        "remark",
        "comment",
        "slogan",
        "motto",
        "dictum",
        "rejection",
        "description",
        "characterization",
        "assessment",
        "words",
        "word",
        "line",
        "phrase",
        "chant",
        "message",
        "tweet",
        "call",
        "question",
        "argument",
        "contention",
        "suggestion",
        "prediction",
        "accusation",
        "charge",
        "criticism",
        "response",
        "answer",
        "reply",
    }
)
# A frame after a quote opens its sentence: "Hannity pressed", "asked the boy", "Brent
# Bozell, founder of the Media Research Center, tells Breitbart".
MAX_FRAME_OFFSET = 12
OPENING_CHARS = " \u00a0\n\u201c\u2018\"'"
QUOTE_MARKS = frozenset('\u201c\u201d"')
FRAME_GAP_CHARS = " \u00a0\u201d\u2019\"',.!?"


def clause_speaker(span: Span, ctx: ArticleContext, salience: Salience) -> Cue | None:
    """The subject or owner of the nearest clause or noun above the quote ``span``.

    A subject the lexicon knows as a speaker anywhere up the parse wins over a nearer
    noun it does not know: in 'Guns are "a crisis," Dean proclaimed' the quote is Dean's,
    though "guns" is the subject nearer to it. Any noun will do when nobody else is there
    ("the crowd chanted")."""
    above = _ancestors_outside(span)
    for strict in (True, False):
        for token in above:
            found = _speaker_at(token, strict)
            if found is not None:
                return _cue(token, found, ctx, salience)
    return None


def _ancestors_outside(span: Span) -> list[Token]:
    found: list[Token] = []
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.head.i == token.i:
            break
        token = token.head
        if not span.start <= token.i < span.end:
            found.append(token)
    return found


def _speaker_at(token: Token, strict: bool) -> Token | None:
    if token.pos_ in {"NOUN", "PROPN"}:
        return next(
            (c for c in token.children if c.dep_ == "poss" and _may_own(c)),
            None,
        )
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    return next(
        (c for c in token.children if c.dep_ in CLAUSE_SUBJECT_DEPS and _may_speak(c, strict)),
        None,
    )


def _may_speak(subject: Token, strict: bool = False) -> bool:
    """A subject that can have said the quote its clause holds: a person, a pronoun for
    one, or any noun ("the crowd chanted", "a footnote makes it clear"). A sentence that
    only comes before the quote (``strict``) must name a speaker the lexicon knows."""
    lower = subject.lower_
    if lower in PERSONAL_SUBJECTS:
        return True
    if lower in RELATIVE_PRONOUNS:
        return _antecedent(subject) is not None
    if strict:
        return subject.pos_ != "PRON" and can_speak(subject)
    return subject.pos_ in {"NOUN", "PROPN"}


def _may_own(owner: Token) -> bool:
    return owner.lower_ in OWNER_PRONOUNS or (owner.pos_ != "PRON" and can_speak(owner))


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative clause hangs on, when that noun can be somebody."""
    clause = relative.head
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} and can_speak(noun) else None


def _cue(token: Token, subject: Token, ctx: ArticleContext, salience: Salience) -> Cue:
    referent = _antecedent(subject) if subject.lower_ in RELATIVE_PRONOUNS else None
    actor = resolve_head(referent if referent is not None else subject, ctx, salience)
    phrase = noun_phrase(subject)
    return Cue(token, actor, phrase.text, (phrase.start_char, phrase.end_char))


def trailing_frame(
    index: TextIndex, quote: QuoteSpan, ctx: ArticleContext, salience: Salience
) -> Cue | None:
    """'"Would it work?" Hannity pressed.': the parser often ends the sentence at the
    quote's "?" or "!", leaving its frame, a verb and its subject, as a sentence of its own."""
    following = _sentence_after(index, quote.end)
    if following is None:
        return None
    root = following.root
    if root.pos_ in {"NOUN", "PROPN"} and _may_speak(root):
        # "the nominee, Donald Trump, tweeted Sunday": the parser made the verb a modifier.
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.pos_ == "VERB"), None)
        return _cue(verb, root, ctx, salience) if verb is not None else None
    if root.pos_ not in {"VERB", "AUX"} or root.i - following.start > MAX_FRAME_OFFSET:
        return None
    if any(c.dep_ in {"ccomp", "xcomp"} for c in root.children):
        return None  # "Trump said he would win" reports a clause of its own
    subject = subject_of(root)
    if subject is None or not _may_speak(subject) or subject.lower_ == "it":
        return None
    return _cue(root, subject, ctx, salience)


def _sentence_after(index: TextIndex, end: int) -> Span | None:
    n = index.sentence_number(end)
    if n < 0:
        return None
    for candidate in index.sentences[n : n + 2]:
        if candidate.start_char < end:
            continue
        gap = index.text[end : candidate.start_char]
        if "\n" in gap or gap.strip(FRAME_GAP_CHARS):
            return None
        return candidate
    return None


def preceding_subject(
    index: TextIndex, quote: QuoteSpan, ctx: ArticleContext, salience: Salience
) -> Cue | None:
    """'Bystrom agreed. "Mainstream Republicans are out of time."': a quote that opens a
    sentence with no frame of its own is the words of the subject of the sentence right
    before it ('"Meh," wrote a voter. "What does he know?"'), so long as that subject is
    not itself inside quote marks. The sentence may end the paragraph before: unlike an
    earlier speaker going on, the sentence that leads into a quote names its speaker more
    often than not across a paragraph break (train)."""
    n = index.sentence_number(max(quote.start - 1, 0))
    if n < 0:
        return None
    sentence = index.sentences[n]
    if index.text[sentence.start_char : quote.start].strip(OPENING_CHARS):
        previous = sentence  # the parser kept the opening mark with the sentence before
    elif n > 0:
        previous = index.sentences[n - 1]
    else:
        return None
    if "\n" in index.text[previous.start_char : quote.start].rstrip(OPENING_CHARS):
        return None  # the parser ran the sentence before over a paragraph break
    root = previous.root
    if root.pos_ not in {"VERB", "AUX"} or _quoted(index, root.idx, quote):
        return None
    subject = subject_of(root)
    # A verb of speech makes anybody its subject names a speaker ("wrote a shop owner");
    # any other verb needs a subject the lexicon knows as one ("Bystrom agreed").
    speech = cue_lemma(root) in SPEECH_LEMMAS
    if subject is None or not _may_speak(subject, strict=not speech):
        return None
    if _quoted(index, subject.idx, quote):
        return None
    return _cue(root, subject, ctx, salience)


def _quoted(index: TextIndex, char: int, quote: QuoteSpan) -> bool:
    """Inside quote marks before ``quote`` in its paragraph: an odd count of marks."""
    start = index.text.rfind("\n", 0, char) + 1
    marks = sum(index.text.count(m, start, char) for m in QUOTE_MARKS)
    return marks % 2 == 1 and char < quote.start


def words_owner(span: Span, ctx: ArticleContext, salience: Salience) -> Cue | None:
    """ "Fitton called Clinton's assertion of a 'claim of right' baseless": a quote inside
    a noun for words ("assertion", "slogan", "remark") is the words' owner's, not the
    speaker of the clause around it. Only nouns and prepositions are climbed: the first
    verb above ends the noun phrase."""
    token = span.root
    for _ in range(MAX_NOUN_CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        if span.start <= token.i < span.end:
            continue
        if token.pos_ in {"VERB", "AUX"}:
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in WORDS_NOUNS:
            owner = next((c for c in token.children if c.dep_ == "poss" and _may_own(c)), None)
            return _cue(token, owner, ctx, salience) if owner is not None else None
    return None


def outer_speech_cue(cue: Cue, cues: list[Cue]) -> Cue:
    """'Trump said Fox executives were calling "every 15 minutes"': a quote inside the
    clause a verb of speech reports is the words of that verb's subject, though a cue of
    another kind ("calling", "see", "accepted") governs it more closely."""
    if cue_lemma(cue.token) in SPEECH_LEMMAS:
        return cue
    speech = {c.token.i: c for c in cues if c.speaker_text and cue_lemma(c.token) in SPEECH_LEMMAS}
    for ancestor in cue.token.ancestors:
        found = speech.get(ancestor.i)
        if found is not None:
            return found
    return cue
