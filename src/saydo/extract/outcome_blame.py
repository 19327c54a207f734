"""Who a report blames for what became of a truce.

"Moscow accused Kyiv of wrecking the corridors", "accusing Kyiv of holding them at the
plant as a human shield", "blamed the failure on Russian shelling": a charge is the
accuser's account of a breach by the accused side. When each side charges the other the
record is word against word, which the link reads as disputed; so each charge becomes an
event whose actor is the accused and whose teller is the accuser.

A charge is read from the verb of blame and its two parties, not from the phrasing of
what is charged: what is charged only says whether it was hostilities (FIRED) or
obstruction (BLOCKED), by the word classes of :mod:`saydo.extract.outcome_words`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, ActorKind, Event, Modality, Place, record_id
from saydo.extract.attribution import Attribution
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import cameo_code, quad_class
from saydo.extract.mentions import Salience, resolve_head
from saydo.extract.outcome_grammar import negated, told_as_deed
from saydo.extract.outcome_sides import other_side
from saydo.extract.outcome_tellers import with_header_voice
from saydo.extract.outcome_words import (
    BLAMING_VERBS,
    BLOCK_VERBS,
    FIRE_VERBS,
    HOSTILITY_NOUNS,
    MUNITION_NOUNS,
    OBSTRUCTING_VERBS,
    OUTCOME_TYPES,
    PEOPLE_WORDS,
    TRUCE_WORDS,
    Outcome,
)
from saydo.extract.times import clause_time

# Charges of keeping people from the truce: "holding them as a human shield", "wrecking
# the corridors", "using civilians as cover", besides the verbs that block or stop.
KEEPING_WORDS = frozenset(
    {"hold", "keep", "shield", "wreck", "undermine", "use", "refuse", "sabotage", "hostage"}
    # the failure charged by its noun: "blamed Moscow for the failure"
    | {"failure", "collapse", "breakdown", "disruption", "delay", "breach", "violation"}
)
OBSTRUCTION_WORDS = BLOCK_VERBS | OBSTRUCTING_VERBS | KEEPING_WORDS
HOSTILITY_WORDS = FIRE_VERBS | HOSTILITY_NOUNS | MUNITION_NOUNS
# The preposition that introduces what is charged: "accused X of", "blamed X for"; and the
# one that introduces whom when the charge is the object: "blamed the failure on X".
CHARGE_PREPOSITIONS = frozenset({"of", "for"})
ACCUSED_PREPOSITIONS = frozenset({"on"})
BLAMING_ON = frozenset({"blame"})
# Names one side gives the other's forces without naming their country: "nationalists",
# "neo-Nazis", "the city's defenders". Who is so named is the teller's adversary.
ADVERSARY_NAMES = frozenset(
    {"nationalist", "neo-nazi", "nazi", "neo", "militant", "radical", "defender"}
    | {"occupier", "invader", "orc", "regime", "formation", "battalion", "terrorist"}
)


@dataclass(frozen=True, slots=True)
class Charge:
    verb: Token  # the verb of blame
    accused: Token  # the head of who is blamed
    outcome: Outcome


def charges(sent: Span) -> list[Charge]:
    """The charges a sentence lays, told as laid (not denied, not to come)."""
    found: list[Charge] = []
    for verb in sent:
        if verb.lemma_.lower() not in BLAMING_VERBS or verb.pos_ != "VERB":
            continue
        if negated(verb) or not told_as_deed(verb):
            continue
        accused, charged = _parties(verb)
        if accused is None:
            continue
        outcome = _charged_outcome(charged, sent)
        if outcome is not None:
            found.append(Charge(verb, accused, outcome))
    return found


def _parties(verb: Token) -> tuple[Token | None, list[Token]]:
    """Who is blamed and the words of what for: "accused Kyiv of holding them" gives
    Kyiv and "holding them"; "blamed the failure on Kyiv" gives Kyiv and "the failure";
    "Kyiv was accused of ..." gives Kyiv from the passive subject."""
    accused: Token | None = None
    charged: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and accused is None:
            accused = child
        elif child.dep_ == "prep" and child.lower_ in CHARGE_PREPOSITIONS:
            charged += [t for t in child.subtree if t.i != child.i]

    if accused is not None and verb.lemma_.lower() in BLAMING_ON:
        # "blamed the collapse of the evacuation on Russia": the parser may hang "on"
        # anywhere in the phrase blamed
        ons = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ACCUSED_PREPOSITIONS]
        objects = [c for on in ons for c in on.children if c.dep_ == "pobj"]
        if objects:
            charged += [t for t in accused.subtree if t.i < objects[-1].i]
            accused = objects[-1]
    if accused is not None and not charged:
        # "accused the city's defenders of holding residents": the charge may hang on
        # the accused
        charged = [
            t
            for c in accused.children
            if c.dep_ == "prep" and c.lower_ in CHARGE_PREPOSITIONS
            for t in c.subtree
            if t.i != c.i
        ]
    return accused, charged


def _charged_outcome(charged: list[Token], sent: Span) -> Outcome | None:
    """Hostilities charged are FIRED, obstruction BLOCKED. A charge bears on a truce only
    when the sentence speaks of its day: obstruction of its people ("preventing civilians
    from leaving"), hostilities against its corridor, route or convoy ("shelling the
    evacuation route"), not hostilities of the war at large."""
    words = {t.lemma_.lower() for t in charged} | {t.lower_ for t in charged}
    truce = any(t.lemma_.lower() in TRUCE_WORDS for t in sent)
    day = truce or any(t.lemma_.lower() in PEOPLE_WORDS for t in sent)
    if not day:
        return None  # "accused of disrupting global food supplies": of no truce's day
    if words & HOSTILITY_WORDS:
        # "accused Russian forces of striking civilians" tells of the war, not a truce
        return Outcome.FIRED if truce else None
    if words & (OBSTRUCTION_WORDS | TRUCE_WORDS):
        return Outcome.BLOCKED
    return None


def charge_events(
    doc: Doc,
    charge: Charge,
    places: tuple[Place, ...],
    source: Attribution | None,
    ctx: ArticleContext,
    salience: Salience,
) -> list[Event]:
    """The charge as an event of the accused, told by the accuser; none when the
    accused is of no side or of the accuser's own. "The sides accused each other" is
    two charges, each side's against the other."""
    # "accusing Kyiv of ...": the capital named for its government is not where it was
    named = {t.idx for t in charge.accused.subtree}
    places = tuple(p for p in places if p.provenance is None or p.provenance.start not in named)
    if _reciprocal(charge.accused):
        sides = _two_sides(ctx)
        return (
            [
                _event(doc, charge, places, source, ctx, _sided(None, accused), _sided(None, by))
                for by, accused in (sides, sides[::-1])
            ]
            if sides
            else []
        )
    accuser = _accuser(charge.verb, source, ctx, salience)
    accuser = with_header_voice(accuser, charge.verb.sent, ctx, salience)
    accused = _accused(charge.accused, accuser, ctx, salience)
    if accused is None or accused.country is None:
        return []
    if accuser is None or accuser.country in {None, accused.country}:
        # "the ministry said ..., accusing Kyiv": an accuser the text gives no side
        # is the accused's adversary, who alone would lay that charge.
        side = other_side(ctx, accused.country)
        if side is None:
            return []
        accuser = _sided(accuser, side)
    return [_event(doc, charge, places, source, ctx, accused, accuser)]


def _reciprocal(accused: Token) -> bool:
    """ "each other", "one another"."""
    return accused.lower_ in {"other", "another"} and any(
        c.lower_ in {"each", "one"} for c in accused.children
    )


def _two_sides(ctx: ArticleContext) -> tuple[str, str] | None:
    first = ctx.dyad[0] if ctx.dyad else ctx.focus_country
    second = other_side(ctx, first)
    return (first, second) if first is not None and second is not None else None


def _event(
    doc: Doc,
    charge: Charge,
    places: tuple[Place, ...],
    source: Attribution | None,
    ctx: ArticleContext,
    accused: Actor,
    accuser: Actor,
) -> Event:
    plover, mode = OUTCOME_TYPES[charge.outcome]
    verb = charge.verb
    cameo = cameo_code(plover, mode)
    return Event(
        id=record_id("ev", ctx.article_id, verb.idx, "charge", accused.country or ""),
        type=plover,
        trigger=verb.text,
        provenance=ctx.provenance(doc, verb.idx, verb.idx + len(verb.text)),
        mode=mode,
        actor=accused,
        places=places,
        time=clause_time(verb, ctx),
        modality=Modality.OCCURRED,
        reported_by=accuser,
        statement_id=source.statement.id if source is not None else None,
        self_reported=False,
        cameo=cameo,
        quad_class=quad_class(cameo),
    )


def _accuser(
    verb: Token, source: Attribution | None, ctx: ArticleContext, salience: Salience
) -> Actor | None:
    """The subject of the verb of blame ("Moscow accused"), else whoever tells the
    sentence ("the ministry said ..., accusing Kyiv")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in {"advcl", "conj", "xcomp"}:
        # "Russia's ministry said ..., accusing Kyiv": the teller accuses
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ != "PRON":
        named = resolve_head(subject, ctx, salience)
        if named is not None:
            return named
    return source.statement.speaker if source is not None else None


def _accused(
    head: Token, accuser: Actor | None, ctx: ArticleContext, salience: Salience
) -> Actor | None:
    """Who is blamed; "nationalists", "the city's defenders" name the accuser's
    adversary's forces without their country."""
    named = resolve_head(head, ctx, salience)
    if named is not None and named.country is not None:
        return named
    if head.lemma_.lower() not in ADVERSARY_NAMES:
        return named
    side = other_side(ctx, accuser.country if accuser else None)
    if side is None:
        return named
    return Actor(head.text, ActorKind.ARMED_GROUP, country=side, sector="MIL")


def _sided(actor: Actor | None, country: str) -> Actor:
    if actor is None:
        return Actor(country, ActorKind.STATE, country=country, sector="GOV")
    return replace(actor, country=country)
