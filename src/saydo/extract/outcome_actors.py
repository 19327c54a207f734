"""Who an outcome is told by and who is blamed for it, and the event it becomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from saydo.domain import Actor, ActorKind, Event, Modality, Place, record_id
from saydo.extract.context import ArticleContext
from saydo.extract.implied_actors import framed_actor, party_voice
from saydo.extract.lexicon import cameo_code, quad_class
from saydo.extract.mentions import FIRST_PERSON, Salience, backer_country, resolve_head
from saydo.extract.outcome_tellers import with_header_voice
from saydo.extract.outcome_words import (
    BACKED_WORDS,
    BLAMING_VERBS,
    OUTCOME_TYPES,
    PERMIT_VERBS,
    TRUCE_WORDS,
    VEHICLE_WORDS,
    Outcome,
    Reading,
)
from saydo.extract.statements import Attribution
from saydo.extract.times import clause_time


def outcome_event(
    doc: Doc,
    reading: Reading,
    places: tuple[Place, ...],
    source: Attribution | None,
    ctx: ArticleContext,
    salience: Salience,
) -> Event:
    verb = reading.verb
    plover, mode = OUTCOME_TYPES[reading.outcome]
    speaker = source.statement.speaker if source is not None else None
    if speaker is not None and speaker.country is None and source is not None:
        speaker = _backed_speaker(doc, source, speaker, ctx, salience)
    if speaker is None and _blamed(verb) is not None:
        speaker = _blamer(verb, ctx, salience)
    speaker = with_header_voice(speaker, verb.sent, ctx, salience)
    actor = None if reading.outcome is Outcome.KEPT else _actor(verb, ctx, salience, speaker)
    if actor is not None and (speaker is None or speaker.country is None):
        speaker = party_voice(doc, source, actor, ctx) or speaker
    cameo = cameo_code(plover, mode)
    own = actor is not None and speaker is not None and actor.country == speaker.country
    return Event(
        id=record_id("ev", ctx.article_id, verb.idx, "outcome", reading.outcome.value),
        type=plover,
        trigger=verb.text,
        provenance=ctx.provenance(doc, verb.idx, verb.idx + len(verb.text)),
        mode=mode,
        actor=actor,
        places=places,
        time=clause_time(verb, ctx),
        modality=Modality.CLAIMED if own else Modality.OCCURRED,
        reported_by=speaker,
        statement_id=source.statement.id if source is not None else None,
        self_reported=own,
        cameo=cameo,
        quad_class=quad_class(cameo),
    )


def _backed_speaker(
    doc: Doc, source: Attribution, speaker: Actor, ctx: ArticleContext, salience: Salience
) -> Actor:
    """ "Russian-backed officials in Donetsk said ...": officials no one names speak for the
    side that backs or installed them, whose account it is."""
    if source.speaker_span is None:
        return speaker
    mention = doc.char_span(*source.speaker_span, alignment_mode="expand")
    country = _backer(list(mention), ctx) if mention is not None else None
    return replace(speaker, country=country) if country else speaker


def _backer(words: Sequence[Token], ctx: ArticleContext) -> str | None:
    """The country in "Russian-backed", "Moscow-installed" among ``words``."""
    for word in words:
        if word.lemma_.lower() in BACKED_WORDS or word.lower_ in BACKED_WORDS:
            country = backer_country(word, ctx)
            if country is not None:
                return country
    return None


def _blamer(verb: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """ "officials said buses had been ready and blamed Kyiv for failing to ...": the
    failure is told by whoever lays the blame."""
    subject = _blaming_subject(verb.head.head)
    if subject is None:
        return None
    actor = resolve_head(subject, ctx, salience)
    if actor is not None and actor.country is not None:
        return actor
    country = _backer(list(subject.subtree), ctx)
    if country is None:
        return None
    return Actor(subject.text, ActorKind.ORGANISATION, country=country, sector="GOV")


def _actor(
    verb: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> Actor | None:
    """Who blocked or fired: the subject, or the agent of a passive; else whom the teller
    blames ("blamed Kyiv for failing to organise the evacuation") or the cause given
    ("did not work because Russian forces failed to hold their fire"). Whoever did not
    let people leave blocked them: "nationalists did not let civilians leave", not the
    civilians."""
    if verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in PERMIT_VERBS:
        verb = verb.head
    named = _named_actor(verb, ctx, salience, speaker)
    if named is not None:
        return named
    blamed = _blamed(verb)
    if blamed is not None:
        return resolve_head(blamed, ctx, salience)
    for cause in (c for c in verb.children if c.dep_ == "advcl" and _because(c)):
        named = _named_actor(cause, ctx, salience, speaker)
        if named is not None:
            return named
    return None


def _blaming_subject(blaming: Token) -> Token | None:
    """Who blames: the subject of the blaming verb or of the clause it is joined to. The
    parser may join "and blamed" to the clause said ("said buses had been ready and
    blamed Kyiv"), whose subject is no one who could blame: the teller above is."""
    clause = blaming
    for _ in range(4):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() not in TRUCE_WORDS | VEHICLE_WORDS:
            return subject
        if clause.dep_ not in {"conj", "ccomp"} or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _blamed(verb: Token) -> Token | None:
    """ "blamed Kyiv for failing to ...": the object of the blame the failure is told in."""
    prep = verb.head
    if (
        verb.dep_ != "pcomp"
        or prep.lower_ != "for"
        or prep.head.lemma_.lower() not in BLAMING_VERBS
    ):
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def _because(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"because", "as", "since"} for c in clause.children)


def _named_actor(
    verb: Token, ctx: ArticleContext, salience: Salience, speaker: Actor | None
) -> Actor | None:
    for child in verb.children:
        head = child if child.dep_ == "nsubj" else None
        if child.dep_ == "agent":
            head = next((c for c in child.children if c.dep_ == "pobj"), None)
        if head is None or head.lemma_.lower() in TRUCE_WORDS:
            continue
        if head.lower_ in FIRST_PERSON:
            return speaker
        # "nationalists", "radicals": the men so named fight where the towns are
        return framed_actor(resolve_head(head, ctx, salience), head, ctx)
    return None
