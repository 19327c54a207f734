"""Announced local ceasefires: truces, humanitarian corridors, evacuation pauses.

"The Defence Ministry announced a ceasefire from 10 a.m. to let civilians leave Mariupol",
"Russia's promise of safe passage", "the two sides agreed a humanitarian corridor": each is
a pledge to hold fire in a place for a while. The announcing side is the subject of the
announcing verb (or the owner of the promise); the scope is the places of the sentence
(the town and the route); the window is the times of the sentence, or a short default:
local truces of 2022 were announced for a day or a few.

This module puts a pledge together; the readers it draws on each have one job.
:mod:`truce_passage` reads a sentence by its words (a way out, told as to come, in a
place; :mod:`truce_guards` says what keeps it from being an announcement) and decides
whether the sentence announces a truce at all. :mod:`truce_announcing` reads the parse
for a truce noun or verb and who announces it, which refines the lexical reading;
:mod:`truce_sides` says which warring sides it binds, :mod:`truce_scope` which towns,
:mod:`truce_window` for how long.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import (
    Actor,
    Event,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    record_id,
)
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import cameo_code, quad_class
from saydo.extract.mentions import Salience
from saydo.extract.places import places_in
from saydo.extract.statements import Attribution
from saydo.extract.truce_announcing import (
    announced_move,
    names_a_truce,
)
from saydo.extract.truce_bulletin import (
    announcer_words,
    bulletin_teller,
    context_places,
    dateline_owner,
    dateline_places,
    earlier_teller,
    header_teller,
)
from saydo.extract.truce_gate import way_out_sentences
from saydo.extract.truce_passage import names_a_pause, passage_in, passage_mode
from saydo.extract.truce_scope import (
    addressed_places,
    described_after,
    listed_after,
    local_scope,
    owning_places,
    river_banks,
    route_towns,
)
from saydo.extract.truce_sides import (
    announced_sides,
    binding_sides,
    both_sides,
    header_speaker,
    settled_with,
    speaker_of,
)
from saydo.extract.truce_titles import (
    governed_town,
    regional_tellers,
    speakers_towns,
    titled_town,
)
from saydo.extract.truce_window import truce_window
from saydo.extract.truce_words import (
    COORDINATION_NOUNS,
    DEFINITE_WORDS,
    DESCRIBED_SENTENCES,
    EVACUATION_NOUNS,
    PERMIT_VERBS,
    TRUCE_NOUNS,
)


def truce_pledges(
    doc: Doc,
    ctx: ArticleContext,
    salience: Salience,
    attributions: Sequence[Attribution] = (),
    voice: Actor | None = None,
) -> Iterator[Pledge]:
    """Every announced truce, one pledge per side it binds.

    ``attributions`` say who speaks each quote ("We have agreed on a corridor", said by
    Vereshchuk, binds Ukraine); ``voice`` is the party an official outlet speaks for, who
    announces what its own release says with no speaker ("Nine corridors will open").
    """
    scoped: dict[str, Pledge] = {}
    latest: Pledge | None = None
    last: dict[str, int] = {}  # the sentence of each side's latest truce
    sents = list(doc.sents)
    readings = [
        _readings(sent, ctx, salience, attributions, voice) if may else []
        for sent, may in zip(sents, way_out_sentences(doc, sents), strict=True)
    ]
    moved: tuple[Place, ...] = ()  # the towns of moves told just before a truce
    made: list[tuple[int, Pledge]] = []  # each truce, with the sentence it is told in
    for at, reading in enumerate(readings):
        if reading and reading[0].detail and _truce_near(readings, at):
            # "Buses will try again to reach Mariupol on Thursday. The Russian side has
            # agreed to a corridor via Berdiansk": the move tells the truce beside it,
            # and its towns are that truce's
            first = reading[0]
            moved += _pledge(doc, first.anchor, first.actor, first.owner, ctx).scope_places
            continue
        before, moved = (moved, ()) if reading and not reading[0].detail else ((), moved)
        for found in reading:
            token, actor = found.anchor, found.actor
            prior = last.get(actor.side)
            own = (
                token.pos_ == "VERB" and prior is not None and 0 < at - prior <= DESCRIBED_SENTENCES
            )
            pledge = _pledge(doc, token, actor, found.owner, ctx, found.mode, found.around)
            if own or (found.detail and _told_just_before(made, at)):
                # "A corridor will open on Friday. Buses will leave at dawn", "... announced
                # an evacuation bus for Friday. The bus will take them to Pokrovsk": the
                # move tells the truce just announced, no other, and its towns are that
                # truce's
                made = _widened(made, at, pledge.scope_places)
                continue
            if before:
                # "A second attempt to evacuate Mariupol will be made on Sunday. A ceasefire
                # is to be in force from 10:00": the truce holds where the move goes
                towns = local_scope(tuple(p for p in before if p.kind != "country"))
                pledge = replace(pledge, scope_places=_union(towns, pledge.scope_places))
            earlier = scoped.get(actor.side) or latest
            if earlier is not None and not pledge.scope_places and _retold(token):
                # "the pause had been agreed ...": the truce named before, retold (the
                # side's own, else the last one named).
                pledge = replace(pledge, scope_places=earlier.scope_places)
            if all(p.kind == "country" for p in pledge.scope_places):
                # "we managed to establish 18 corridors. From Sumy, from Enerhodar ...".
                described = described_after(token.sent, ctx)
                pledge = replace(pledge, scope_places=described or pledge.scope_places)
            if _retelling(pledge, token, prior, at):
                # "Russia announced corridors out of Kyiv, Kharkiv, Sumy and Mariupol ...
                # 'Humanitarian corridors are opened,' the ministry said": told again.
                continue
            last[actor.side] = at
            if pledge.scope_places:
                scoped.setdefault(actor.side, pledge)
                latest = pledge
            made.append((at, pledge))
    yield from (pledge for _, pledge in made)


def _told_just_before(made: list[tuple[int, Pledge]], at: int) -> bool:
    return bool(made) and 0 < at - made[-1][0] <= DESCRIBED_SENTENCES


def _widened(
    made: list[tuple[int, Pledge]], at: int, towns: tuple[Place, ...]
) -> list[tuple[int, Pledge]]:
    """The truces of the latest sentence before ``at`` that told one, with ``towns`` added
    to their scope (the towns of a move that details them)."""
    if not _told_just_before(made, at):
        return made
    towns = tuple(p for p in towns if p.kind != "country")
    latest = made[-1][0]
    return [
        (n, replace(p, scope_places=local_scope(_union(p.scope_places, towns))))
        if n == latest and towns
        else (n, p)
        for n, p in made
    ]


def _partners(sentence: Span) -> set[int]:
    """ "in coordination with Kyiv and Moscow": the capitals named are the sides the
    truce is worked out with, not its places."""
    return {
        t.i
        for noun in sentence
        if noun.lemma_.lower() in COORDINATION_NOUNS
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for t in prep.subtree
    }


def _retelling(pledge: Pledge, anchor: Token, prior: int | None, at: int) -> bool:
    """A side's truce with no town of its own, just after that side's truce, and not
    counted as new ("six more corridors")."""
    if pledge.scope_places or prior is None or _counted_as_new(anchor):
        return False
    return 0 < at - prior <= DESCRIBED_SENTENCES


def _counted_as_new(noun: Token) -> bool:
    return any(c.dep_ == "nummod" or c.lower_ in NEW_WORDS for c in noun.children)


# Words that count truces as new ones: "six more corridors", "another corridor".
NEW_WORDS = frozenset({"more", "new", "another", "additional", "further", "second", "third"})


@dataclass(frozen=True)
class Reading:
    """A truce read in a sentence for one side: the word that names it, the side, the
    words of its announcer, its mode when the lexical reader says it, and whether it is
    only a move of people or vehicles (a detail of any truce told beside it)."""

    anchor: Token
    actor: Actor
    owner: Token | None
    mode: str | None = None
    detail: bool = False
    around: tuple[Place, ...] = ()


def _truce_near(readings: list[list[Reading]], at: int) -> bool:
    """A truce read in the next sentences: by the parse, or by its words as a pause of
    fire ("A local ceasefire is to be in force from 10:00")."""
    following = readings[at + 1 : at + 1 + DESCRIBED_SENTENCES]
    return any(r and not r[0].detail and r[0].mode in {None, "ceasefire"} for r in following)


def _union(first: tuple[Place, ...], second: tuple[Place, ...]) -> tuple[Place, ...]:
    names = {p.name for p in second}
    return tuple(p for p in first if p.name not in names) + second


def _readings(
    sentence: Span,
    ctx: ArticleContext,
    salience: Salience,
    attributions: Sequence[Attribution],
    voice: Actor | None,
) -> list[Reading]:
    """The truce a sentence announces, once per side it binds. The lexical reader
    decides whether the sentence announces a way out at all; the parse's reading of a
    truce noun or verb in it, when it finds one with its sides, refines who binds
    itself, else the lexical reading says."""
    passage = passage_in(sentence, ctx)
    if passage is None:
        return []
    header = header_teller(sentence)
    # "Russian MoD: 'safe passage will be ensured.'": the header's speaker says it
    heading = header_speaker(header, ctx, salience) if header is not None else None
    # "Mayor Orlov: A corridor is open today. Buses depart at 10:00": the header above
    # speaks for the bulletin's later sentences, after any speaker of their own
    bulletin = header or bulletin_teller(sentence)
    above = header_speaker(bulletin, ctx, salience) if bulletin is not None else None
    for token in sentence:
        if not names_a_truce(token):
            continue
        speaker = heading or speaker_of(token, attributions) or above or voice
        sides, owner = binding_sides(token, ctx, salience, speaker)
        if sides:
            around = dateline_places(sentence.doc, ctx)
            # "Mariupol city council: a regime of silence is agreed": the header announces
            owner = owner if owner is not None else header
            return [Reading(token, actor, owner, around=around) for actor in sides]
    anchor = passage.anchor
    speaker = heading or speaker_of(anchor, attributions) or above or voice
    owner = passage.owner
    if owner is None or _third_person(owner):
        # "Haidai: buses will try to go in", "..., the mayor said. Residents can cross
        # the river": the bulletin's header, or the teller just before, announces it
        owner = bulletin or earlier_teller(sentence) or owner
    elif dateline_owner(owner) is not None:
        owner = dateline_owner(owner)
    # "Kreminna. Luhansk military administration: ...": the dateline's towns are the
    # truce's too
    around = dateline_places(sentence.doc, ctx)
    if not passage.placed:
        # the lexical reader's own truce is one in a place the article names for it
        # "Eight corridors agreed for today. For Mariupol - private cars to Berdiansk":
        # else the towns the next sentences list for it
        around = around or context_places(sentence, owner, ctx) or listed_after(sentence, ctx)
        if not around:
            return []
    if passage.agreed:
        sides = both_sides(ctx, speaker)
    else:
        sides, owner = announced_sides(anchor, owner, ctx, salience, speaker)
        # "Police said an evacuation minibus would run", "Residents were told they could
        # leave": an announcer who speaks for no side leaves the way out to both to hold;
        # a way out nobody announces ("A corridor will open. Shelling went on.") is none.
        if not sides and (owner is not None or passage.called):
            sides = both_sides(ctx, speaker)
    mode, detail = passage_mode(anchor), not names_a_pause(anchor)
    return [Reading(anchor, actor, owner, mode, detail, around) for actor in sides]


def _third_person(owner: Token) -> bool:
    """ "he said", "she added": a teller named in a sentence before."""
    return owner.pos_ == "PRON" and owner.lower_ in {"he", "she"}


def _retold(noun: Token) -> bool:
    """ "the pause had been agreed": a truce named before; "we are preparing six
    corridors" names new ones, whose towns are not the earlier truce's."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_WORDS) or c.dep_ == "poss" for c in noun.children
    )


def _pledge(
    doc: Doc,
    noun: Token,
    actor: Actor,
    owner: Token | None,
    ctx: ArticleContext,
    mode: str | None = None,
    around: tuple[Place, ...] = (),
) -> Pledge:
    sentence = noun.sent
    # The announcers' own names ("Kyiv and Moscow agreed") are no places of the truce; a
    # truce's noun misread as the teller ("CORRIDORS TO OPEN FROM KHARKIV ... said") names
    # no announcer
    announcing = owner is not None and owner.lower_ not in TRUCE_NOUNS
    named = announcer_words(owner) if owner is not None and announcing else set()
    named -= governed_town(owner)
    settled = settled_with(noun)
    named |= {t.i for t in settled.subtree} if settled is not None else set()
    named |= river_banks(sentence) | addressed_places(sentence) | _partners(sentence)
    tokens = [t for t in sentence if t.i not in named]
    places = local_scope(tuple(p for p in places_in(tokens, ctx) if p.resolved))
    # "Shelling of Stoianka stopped, the Kyiv regional governor said": a region's name in
    # its governor's title is no town of the truce when the sentence names others.
    regional = regional_tellers(sentence)
    told = [t for t in tokens if t.i not in regional]
    places = local_scope(tuple(p for p in places_in(told, ctx) if p.resolved)) or places
    places = local_scope(places + titled_town(owner, places, ctx))
    # Towns named as owners ("Kharkiv's main station", "the Zaporizhzhia region's
    # frontline districts") are origins and destinations too.
    places = local_scope(places + owning_places(tokens, ctx))
    if all(p.kind == "country" for p in places):
        # towns of the route the tagger did not take for places ("from Kherson to
        # Mykolaiv" read as an organisation): only when it found none, since "put the plan
        # to Moscow and Kyiv" names governments the same way
        places = route_towns(told, ctx) or places
    if all(p.kind == "country" for p in places):
        # "Mariupol's mayor said Russia had approved a pause": the town of whoever tells
        # it, when the truce names none of its own.
        places = local_scope(speakers_towns(sentence, ctx)) or places
    if all(p.kind == "country" for p in places):
        # "A silence regime has been agreed, Luhansk governor Haidai wrote. Buses will
        # collect residents of Rubizhne": the move told next names the truce's towns
        places = described_after(sentence, ctx) or places
    if all(p.kind == "country" for p in places):
        # "the Sumy governor said a third corridor would operate": his region, at least
        places = local_scope(speakers_towns(sentence, ctx, city_only=False)) or places
    # the dateline's towns, or the announcer's when the sentence names none
    places = local_scope(tuple(p for p in places if p.kind != "country") + around) or places
    start, end = truce_window(noun, ctx)
    letting = noun.lemma_.lower() in PERMIT_VERBS or (
        noun.pos_ == "VERB" and announced_move(noun) is not None
    )
    mode = mode or ("evacuate" if noun.lower_ in EVACUATION_NOUNS or letting else "ceasefire")
    cameo = cameo_code(PloverType.RETREAT, mode)
    event = Event(
        id=record_id("ev", ctx.article_id, noun.idx, "truce", actor.side),
        type=PloverType.RETREAT,
        trigger=noun.text,
        provenance=ctx.provenance(doc, noun.idx, noun.idx + len(noun.text)),
        mode=mode,
        actor=actor,
        places=places,
        modality=Modality.INTENDED,
        reported_by=actor,
        cameo=cameo,
        quad_class=quad_class(cameo),
    )
    return Pledge(
        id=record_id("pl", ctx.article_id, noun.idx, PledgeKind.CEASEFIRE.value, actor.side),
        kind=PledgeKind.CEASEFIRE,
        event=event,
        made_on=start,
        scope_places=places,
        scope_radius_km=25.0,
        window_end=end,
    )
