"""Who speaks: the subject of a cue, the source of "according to", the owner of a noun
cue, and the previous speaker a quote without a cue of its own continues."""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.domain import ActorKind
from saydo.extract.attribution import Attribution, TextIndex
from saydo.extract.context import ArticleContext
from saydo.extract.mentions import (
    BODY_ROLES,
    GROUP_SECTORS,
    PERSON_ROLES,
    Salience,
    resolve_head,
)
from saydo.extract.quotes import QuoteSpan, inside_quote

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

# From a cue up to the clause whose subject speaks: "saying", "and said", "likely to say".
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "acomp"})

FIRST_PERSON_SUBJECTS = frozenset({"i", "we", "you"})

PLURAL_TAGS = frozenset({"NNS", "NNPS"})

# A verb with a tense has a subject somewhere; a participle ("called", "saying") may not.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
STRANDED_BLOCKERS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# What may stand between a name and its verb: "Jane Doe, also said", "Doe — said".
SKIPPED_BEFORE_VERB = frozenset({",", "\u2014", "also", "later", "then", "again", "once"})
THIRD_PERSON = frozenset({"he", "she", "they"})
# "said a longtime Republican donor": the subject's head within a few words of its verb.
MAX_INVERTED_OFFSET = 5
# "told the boy" names whom a speaker addressed, never the speaker.
ADDRESSING_LEMMAS = frozenset({"tell", "inform", "assure", "thank"})

# A quote continues the previous speaker only this close to the previous statement.
CONTINUATION_PARAGRAPHS = 2


def note_subjects(
    sent: Span, ctx: ArticleContext, salience: Salience, quotes: list[QuoteSpan]
) -> None:
    """Record the actors named as subjects, so later pronouns can find them."""
    for token in sent:
        if (
            token.dep_ in SUBJECT_DEPS
            and token.pos_ != "PRON"
            and not inside_quote(token.idx, quotes)
        ):
            actor = resolve_head(token, ctx, salience)
            if actor is not None:
                salience.add(token.idx, actor, plural=token.tag_ in PLURAL_TAGS)
                salience.note_gender(actor, _with_honorific(token))


def _with_honorific(token: Token) -> Span:
    """The subject's phrase and the word before it: the parser often leaves "Mrs." out."""
    doc = token.doc
    start = token.left_edge.i
    return doc[max(start - 1, 0) : token.i + 1]


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing from "saying"/"adding" to the clause they hang on."""
    if verb.dep_ == "acl" and can_speak(verb.head):
        return verb.head  # "with Western officials believing ..."
    if verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        # "X met the pledge with scepticism, saying ...": a participle hangs on the main
        # clause, whatever the parser attached it to.
        subject = _clause_subject_above(verb)
        if subject is not None:
            return subject
    current = verb
    for _ in range(4):
        subject = nearest_subject(current)
        if subject is not None:
            return subject
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
    return stranded_subject(verb) or inverted_subject(verb)


def _clause_subject_above(verb: Token) -> Token | None:
    """The subject of the nearest clause above a participle that has one, up to the
    sentence root. Not the root's straight away: in 'X seemed unmoved, telling reporters,
    "Many people said ..."' the parser may root the sentence in the quote's verb."""
    head = verb
    while head.head.i != head.i:  # up to the sentence root, without Token.sent's cost
        head = head.head
        subject = next(
            (c for c in head.children if c.dep_ == "nsubj" and not _is_dateline(c)), None
        )
        if subject is not None:
            return subject
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The name right before a finite verb the parser gave no subject: in "In a statement
    to the paper, her adviser, Jane Doe, said: ..." it hangs the name on "the paper" as an
    apposition, yet the name beside the verb is who speaks."""
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in STRANDED_BLOCKERS for c in verb.children):
        return None
    n = verb.i - 1
    while n >= 0 and verb.doc[n].lower_ in SKIPPED_BEFORE_VERB:
        n -= 1
    if n < 0:
        return None
    token = verb.doc[n]
    if token.is_sent_start and token.pos_ != "PROPN":
        return None
    speaks = token.lower_ in THIRD_PERSON or (token.pos_ in {"PROPN", "NOUN"} and can_speak(token))
    return token if speaks and token.dep_ not in {"nsubj", "nsubjpass", "dobj"} else None


def inverted_subject(verb: Token) -> Token | None:
    """'"How big is it?" asked the boy', '"...," read the email': after a quote the
    subject follows its verb, and the parser takes it for the object. Whoever stands
    there speaks, a role the lexicon knows or not ("the boy", "the document")."""
    if verb.lemma_.lower() in ADDRESSING_LEMMAS or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if not (
        before.is_quote or (before.text == "," and verb.i > 1 and verb.doc[verb.i - 2].is_quote)
    ):
        return None
    return _noun_after(verb)


def _noun_after(verb: Token) -> Token | None:
    """The head of the noun phrase right after ``verb`` ("the woman, who ...", "a Trump
    supporter"), whatever the parser attached it to."""
    doc = verb.doc
    for n in range(verb.i + 1, min(verb.i + 1 + MAX_INVERTED_OFFSET, len(doc))):
        token = doc[n]
        if token.lower_ in THIRD_PERSON:
            return token
        if token.pos_ in {"NOUN", "PROPN"}:
            while token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i:
                token = token.head
            return token
        if token.pos_ not in {"DET", "ADJ", "NUM", "PUNCT"} and token.dep_ != "amod":
            return None
    return None


# People whose role in news is to speak for themselves or others, beyond the roles that
# stand for a named actor: officials, clergy, ranks, professions, the public's voices.
SPEAKING_ROLES = frozenset(
    {"official", "minister", "mayor", "lawmaker", "legislator", "diplomat", "spokesperson"}
    | {"representative", "aide", "adviser", "advisor", "leader", "chief", "commander"}
    | {"officer", "colonel", "captain", "lieutenant", "sergeant", "admiral", "major"}
    | {"pope", "cardinal", "bishop", "priest", "imam", "rabbi", "cleric", "pastor"}
    | {"judge", "prosecutor", "lawyer", "attorney", "analyst", "expert", "economist"}
    | {"scientist", "researcher", "professor", "doctor", "historian", "strategist"}
    | {"pollster", "activist", "organizer", "director", "executive", "founder", "chairman"}
    | {"chairwoman", "chair", "witness", "resident", "voter", "supporter", "critic"}
    | {"opponent", "observer", "source", "reporter", "journalist", "editor", "author"}
    | {"monitor", "negotiator", "mediator", "inspector", "investigator", "governor"}
    | {"people", "person", "man", "woman", "worker", "student", "farmer", "villager"}
)


def can_speak(noun: Token) -> bool:
    """A name, or a noun for people or bodies: "officials believing", not "a fracas calling"."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (
        lemma in GROUP_SECTORS
        or lemma in PERSON_ROLES
        or lemma in BODY_ROLES
        or lemma in SPEAKING_ROLES
    )


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two the parser gave it ("people ..., she said"), the nearer."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _is_dateline(c)]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _is_dateline(token: Token) -> bool:
    """ "WASHINGTON (AP) —" opens a story; the parser sometimes takes it for a subject."""
    return token.text.isupper() and len(token.text) > 2 and token.ent_type_ in {"GPE", "LOC"}


def according_to(sent: Span) -> Token | None:
    for token in sent:
        if token.lower_ == "according":
            for child in token.subtree:
                if child.dep_ == "pobj":
                    return child
    return None


def according_source(token: Token) -> Token | None:
    return next((t for t in token.subtree if t.dep_ == "pobj"), None)


def noun_cue_owner(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def same_person(speaker_text: str | None, before: Attribution) -> bool:
    """An unresolved "he" or surname after a quote by someone is, most likely, that one."""
    text = (speaker_text or "").lower()
    speaker = before.statement.speaker
    if speaker is None:
        return False
    if text in {"he", "she"}:
        return speaker.kind is ActorKind.PERSON
    return text.split()[-1:] == speaker.name.lower().split()[-1:]


def last_speaker(
    previous: list[Attribution], index: TextIndex, quote: QuoteSpan
) -> Attribution | None:
    for attribution in reversed(previous):
        statement = attribution.statement
        if statement.speaker is None and statement.speaker_text is None:
            continue
        gap = index.text.count("\n", attribution.content_end, quote.start)
        return attribution if gap <= CONTINUATION_PARAGRAPHS else None
    return None


def goes_on(before: Attribution, index: TextIndex, quote: QuoteSpan) -> bool:
    """Whether a quote with no speaker of its own is the previous speaker's going on: a
    quote running on over paragraphs, or one in the same paragraph. Across a paragraph
    break PolNeAR's annotators credit somebody else four times in five (train), so the
    quote is better left without a speaker than given the wrong one."""
    return quote.continues_previous or "\n" not in index.text[before.content_end : quote.start]
