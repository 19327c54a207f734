"""Actor coding for events: country and sector of the phrase that names a participant.

The entity layer names a person ("Boris Yeltsin") without knowing whose side they are on;
the phrase around the name usually says it ("Russian President Boris Yeltsin", "leaders
of Romania's new government"). The country comes from, in order: a dictionary actor
among the phrase's entities, a country entity, a demonym or country name among its words.
The sector comes from the head noun or title ("President" → GOV, "rebels" → REB).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from saydo.domain import Actor, ActorKind, Event, Modality, PloverType
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import SPEECH_ACT_TYPES as SPEECH_TYPES
from saydo.extract.lexicon import WITNESS_VERBS

# Group nouns: a head noun that names an unnamed group of people, and the CAMEO sector
# that group is coded with. "Congolese rebels" are a rebel group of DR Congo (COD REB),
# not the Congolese state; a bare "the rebels" is still a rebel group, whose side a
# reader finds elsewhere (a "pro-" or nationality adjective, an "in X", the place of the
# deed, the story's one country). UAF is CAMEO's "unidentified armed forces": gunmen
# nobody has yet claimed. Bodies of a state ("army", "forces", "government") are not
# here: the dictionary and the state they belong to code them.
GROUP_NOUNS: dict[str, str] = {
    "rebel": "REB",
    "insurgent": "REB",
    "militant": "REB",
    "separatist": "REB",
    "secessionist": "REB",
    "guerrilla": "REB",
    "guerilla": "REB",
    "militia": "REB",
    "militiaman": "REB",
    "gunman": "UAF",
    "assailant": "UAF",
    "troop": "MIL",
    "soldier": "MIL",
    "police": "COP",
    "policeman": "COP",
    "protester": "CVL",
    "protestor": "CVL",
    "demonstrator": "CVL",
    "civilian": "CVL",
    "resident": "CVL",
    "villager": "CVL",
    "student": "EDU",
    "activist": "OPP",
    "dissident": "OPP",
    "refugee": "REF",
    "worker": "LAB",
}
# Sectors of groups that bear arms.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF"})
# Sectors of groups that fight inside their own country: a deed's place is their side.
INSURGENT_SECTORS = frozenset({"REB", "UAF"})

# Titles and heads that say which sector of a country an actor belongs to (CAMEO codes).
SECTOR_WORDS: dict[str, str] = {
    **GROUP_NOUNS,
    "president": "GOV",
    "minister": "GOV",
    "premier": "GOV",
    "chancellor": "GOV",
    "king": "GOV",
    "prince": "GOV",
    "government": "GOV",
    "state": "GOV",
    "official": "GOV",
    "leader": "GOV",
    "authority": "GOV",
    "ambassador": "GOV",
    "diplomat": "GOV",
    "envoy": "GOV",
    "spokesman": "GOV",
    "spokeswoman": "GOV",
    "ministry": "GOV",
    "cabinet": "GOV",
    "administration": "GOV",
    "parliament": "LEG",
    "lawmaker": "LEG",
    "legislator": "LEG",
    "deputy": "LEG",
    "assembly": "LEG",
    "senate": "LEG",
    "congress": "LEG",
    "army": "MIL",
    "military": "MIL",
    "troop": "MIL",
    "soldier": "MIL",
    "force": "MIL",
    "general": "MIL",
    "commander": "MIL",
    "navy": "MIL",
    "police": "COP",
    "policeman": "COP",
    "court": "JUD",
    "judge": "JUD",
    "prosecutor": "JUD",
    "rebel": "REB",
    "guerrilla": "REB",
    "insurgent": "REB",
    "militant": "REB",
    "militia": "REB",
    "opposition": "OPP",
    "party": "PTY",
    "student": "EDU",
    "protester": "CVL",
    "demonstrator": "CVL",
    "civilian": "CVL",
    "resident": "CVL",
    "villager": "CVL",
    "refugee": "REF",
    "worker": "LAB",
    "union": "LAB",
    "doctor": "MED",
    "journalist": "MED",
    "newspaper": "MED",
    "company": "BUS",
    "business": "BUS",
}
# Dependencies that stay inside the participant's own phrase (not its clause).
PHRASE_DEPS = frozenset({"amod", "compound", "nmod", "poss", "prep", "pobj", "appos", "det"})


def phrase_tokens(head: Token) -> list[Token]:
    """The head's own phrase: modifiers, possessors and "of"-phrases, not clauses."""
    out = [head]
    stack = [c for c in head.children if c.dep_ in PHRASE_DEPS]
    while stack:
        token = stack.pop()
        if token.dep_ == "prep" and token.lower_ not in {"of", "from", "for"}:
            continue
        out.append(token)
        stack.extend(c for c in token.children if _in_phrase(c))
    return sorted(out, key=lambda t: t.i)


def _in_phrase(token: Token) -> bool:
    # "Vietnamese-led forces" are Vietnam's, and "Russian-installed authorities" are
    # Russia's occupation administration; "Syrian-backed militia" are not Syria's.
    return token.dep_ in PHRASE_DEPS or (
        token.dep_ == "npadvmod" and token.head.lemma_.lower() in PLACING_VERBS
    )


# Verbs whose agent, written before them, owns the body: "Vietnamese-led", "Moscow-installed".
PLACING_VERBS = frozenset({"lead", "install", "instal", "appoint"})


def located_country(head: Token, ctx: ArticleContext) -> str | None:
    """The country of the place a phrase says its head is in: "security forces in Guinea"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "of", "from"}:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                country = place_country(pobj, ctx)
                if country:
                    return country
    return None


def place_country(token: Token, ctx: ArticleContext) -> str | None:
    """The country of a place name at ``token`` (or among its modifiers)."""
    for word in token.subtree:
        if word.ent_type_ not in {"GPE", "LOC"}:
            continue
        if word.ent_id_.startswith("place:country-"):
            return word.ent_id_.rsplit("-", 1)[1].upper()
        place = ctx.gazetteer.resolve(_entity_text(word))
        if place.country:
            return place.country
    return None


def _entity_text(token: Token) -> str:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def ethnic_group_country(head: Token, ctx: ArticleContext) -> str | None:
    """A people named by a demonym is coded by where it lives, as CAMEO does: "Bosnian
    Serbs" are Bosnia's, "ethnic Albanians in south Serbia" Serbia's."""
    if head.tag_ not in {"NNS", "NNPS"} or ctx.actors.country_of_demonym(head.text) is None:
        return None
    located = located_country(head, ctx)
    if located:
        return located
    for child in head.children:
        if child.dep_ in {"amod", "compound"} and child.i < head.i:
            country = ctx.actors.country_of_demonym(child.text)
            if country:
                return country
    ethnic = any(c.lower_ == "ethnic" for c in head.children)
    if ethnic and head.dep_ == "nsubj":
        return located_country(head.head, ctx)
    return None


def phrase_country(head: Token, ctx: ArticleContext) -> str | None:
    tokens = phrase_tokens(head)
    indices = {t.i for t in tokens}
    for ent in entities_over(head.doc, indices):
        if ent.root.i not in indices and ent.start not in indices:
            continue
        if _partisan(ent.root):
            continue
        country = _entity_country(ent.ent_id_, ent.text, ctx)
        if country:
            return country
    for token in tokens:
        if _partisan(token):
            continue
        country = ctx.actors.country_of_demonym(token.text)
        if country:
            return country
    return None


def entities_over(doc: Doc, indices: Iterable[int]) -> list[Span]:
    """The entities holding any of ``indices``, in document order, as ``Doc.ents`` gives
    them, read from the tokens: ``Doc.ents`` builds every entity of the document on each
    call, which made it most of event extraction's cost on long articles."""
    bounds: dict[int, int] = {}
    for i in sorted(indices):
        start = _entity_start(doc, i)
        if start is not None and start not in bounds:
            bounds[start] = _entity_end(doc, start)
    return [_entity_span(doc, start, end) for start, end in sorted(bounds.items())]


def _entity_start(doc: Doc, i: int) -> int | None:
    while doc[i].ent_iob_ == "I" and i > 0:
        i -= 1
    token = doc[i]
    return i if token.ent_iob_ == "B" and token.ent_type else None


def _entity_end(doc: Doc, start: int) -> int:
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _entity_span(doc: Doc, start: int, end: int) -> Span:
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def partisan_named(actor: Actor | None, head: Token, ctx: ArticleContext) -> Actor | None:
    """ "The pro-Iranian Hizbollah group": the name the phrase gives beats a stance
    adjective ("pro-Iranian") that the entity layer read as a nationality."""
    if actor is None:
        return None
    entities = entities_over(head.doc, (t.i for t in phrase_tokens(head)))
    stance = [e for e in entities if _partisan(e.root) and _names(e, actor, ctx)]
    if not stance:
        return actor
    for ent in entities:
        if ent.ent_id_.startswith("actor:") and not _partisan(ent.root):
            named = ctx.actors.by_name(ent.ent_id_.split(":", 1)[1])
            if named is not None:
                return named
    return actor


def _names(ent: Span, actor: Actor, ctx: ArticleContext) -> bool:
    return ent.ent_id_ == f"actor:{actor.name}" or ctx.actors.lookup(ent.text) == actor


def _partisan(token: Token) -> bool:
    """ "pro-Iranian", "anti-Syrian": a stance towards a country, not its nationality."""
    doc = token.doc
    words = [doc[i].lower_ for i in range(max(0, token.i - 2), token.i + 1)]
    return any(w in {"pro", "anti"} or w.startswith(("pro-", "anti-")) for w in words)


def _entity_country(ident: str, text: str, ctx: ArticleContext) -> str | None:
    if ident.startswith("actor:"):
        actor = ctx.actors.by_name(ident.split(":", 1)[1])
        if actor is not None and actor.country:
            return actor.country
    if ident.startswith("place:country-"):
        return ident.rsplit("-", 1)[1].upper()
    actor = ctx.actors.lookup(text)
    return actor.country if actor is not None else None


def phrase_sector(head: Token) -> str | None:
    for token in (head, *sorted(phrase_tokens(head), key=lambda t: abs(t.i - head.i))):
        sector = SECTOR_WORDS.get(token.lemma_.lower()) or SECTOR_WORDS.get(token.lower_)
        if sector:
            return sector
    return None


def code_actor(actor: Actor | None, head: Token | None, ctx: ArticleContext) -> Actor | None:
    """Fill in the country and sector a participant's phrase gives it.

    An unresolved phrase that still names a side ("Ibo traditional elders" no, "Rwandan
    rebels" yes) becomes a group of that side.
    """
    if head is None or head.pos_ == "PRON":
        return actor
    grouped = group_actor(actor, head, ctx)
    if grouped is not None:
        return grouped
    if actor is not None and actor.country and actor.sector:
        return actor
    country = (
        (actor.country if actor else None)
        or phrase_country(head, ctx)
        or located_country(head, ctx)
    )
    sector = (actor.sector if actor else None) or phrase_sector(head)
    if actor is not None:
        return replace(actor, country=country, sector=sector)
    if country is None:
        return None
    kind = ActorKind.ARMED_GROUP if sector in ARMED_SECTORS else ActorKind.GROUP
    return Actor(_phrase_text(head), kind, country=country, sector=sector)


def group_sector(head: Token | None) -> str | None:
    """The sector of a group noun heading a phrase ("rebels" → REB), or None."""
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return GROUP_NOUNS.get(head.lemma_.lower()) or GROUP_NOUNS.get(head.lower_)


def group_actor(actor: Actor | None, head: Token, ctx: ArticleContext) -> Actor | None:
    """An unnamed group a group noun heads: "Congolese rebels", "pro-Russian separatists",
    "insurgents in Iraq", a bare "the militants".

    Only when the phrase names no one (or only a state, through a demonym): a named
    group ("Hamas militants") or a dictionary body ("Russian troops") keeps its own
    coding. The side may stay unknown here; the event's place or the story fills it.
    """
    sector = group_sector(head)
    if sector is None or (actor is not None and actor.kind is not ActorKind.STATE):
        return None
    country = group_country(head, sector, ctx)
    kind = ActorKind.ARMED_GROUP if sector in ARMED_SECTORS else ActorKind.GROUP
    return Actor(_group_name(head), kind, country=country, sector=sector)


def _group_name(head: Token) -> str:
    # As written ("pro-Russian separatists"), without a leading article.
    tokens = [t for t in phrase_tokens(head) if t.dep_ != "det"]
    return "".join(t.text_with_ws for t in tokens).strip()


def group_country(head: Token, sector: str, ctx: ArticleContext) -> str | None:
    """The side of a group: "pro-X" rebels are X's side (the convention the dictionary
    keeps for the Donbas republics: RUS REB on Ukrainian territory); otherwise a
    nationality in the phrase, then the place it is said to be in. "Anti-Russian
    protesters" are not Russia's, so any other stance names no side."""
    if sector == "REB":
        backer = _backer(head, ctx)
        if backer is not None:
            return backer
    return phrase_country(head, ctx) or located_country(head, ctx)


def _backer(head: Token, ctx: ArticleContext) -> str | None:
    for token in phrase_tokens(head):
        if token.i >= head.i or not _partisan(token) or _against(token):
            continue
        country = ctx.actors.country_of_demonym(_stance_target(token))
        if country:
            return country
    return None


def _against(token: Token) -> bool:
    doc = token.doc
    words = [doc[i].lower_ for i in range(max(0, token.i - 2), token.i + 1)]
    return any(w == "anti" or w.startswith("anti-") for w in words)


def _stance_target(token: Token) -> str:
    """ "pro-Russian" (one token or three) → "Russian"."""
    text = token.text
    return text.split("-", 1)[1] if text.lower().startswith("pro-") else text


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "IGO"})


def crowd_phrase(head: Token | None) -> bool:
    """ "Young Algerians", "angry workers", "rebels": people acting as a crowd or group,
    not a state's forces or officials (whose title or head noun says so)."""
    if head is None or head.pos_ == "PRON":
        return False
    own = SECTOR_WORDS.get(head.lemma_.lower())
    if own is None and head.tag_ in {"NNS", "NNPS"}:
        return True  # "supporters of the former president": the head says who they are
    sector = phrase_sector(head)
    if sector in STATE_SECTORS:
        return False
    return sector is not None or head.tag_ in {"NNS", "NNPS"}


def _phrase_text(head: Token) -> str:
    tokens = [t for t in phrase_tokens(head) if t.dep_ != "det"]
    return " ".join(t.text for t in tokens)


# Acts whose announcement PLOVER codes as a threat; announcing any other act is an
# agreement (a promise or offer).
CONFLICT_TYPES = frozenset(
    {
        PloverType.ASSAULT,
        PloverType.COERCE,
        PloverType.SANCTION,
        PloverType.MOBILIZE,
        PloverType.PROTEST,
        PloverType.REJECT,
        PloverType.THREATEN,
    }
)


# Types whose refusal PLOVER codes as REJECT.
YIELDING_TYPES = frozenset({PloverType.AGREE, PloverType.CONCEDE, PloverType.SUPPORT})


def plover_type(event: Event) -> PloverType:
    """The PLOVER type of an event as the ontology codes it.

    saydo keeps the act on the record (``type``: what would be done) and how it stands
    in ``modality``; PLOVER codes the speech act when the act is only announced: a
    threatened strike is THREATEN, a demanded withdrawal REQUEST, a denied one REJECT,
    a promised aid AGREE. Deeds, claims and hypotheticals keep their type.
    """
    if event.modality is Modality.THREATENED:
        return PloverType.THREATEN
    if event.type is PloverType.SANCTION and _domestic(event):
        # PLOVER's SANCTION cuts ties with another; a ban at home is repression, COERCE.
        return _speech_coded(replace(event, type=PloverType.COERCE))
    return _speech_coded(event)


def plover_participants(event: Event) -> tuple[Actor | None, Actor | None]:
    """Source and target as PLOVER codes the event.

    A demanded act is coded as the demand: its source is the one who demands it (the
    statement's source) and its target the one asked to act, not the would-be doer.
    """
    demander = event.reported_by
    if event.modality is Modality.DEMANDED and demander is not None:
        asked = event.actor or event.recipient
        if asked is None or asked.name != demander.name:
            return demander, asked
    return event.actor, event.recipient


def _domestic(event: Event) -> bool:
    actor, recipient = event.actor, event.recipient
    return bool(
        actor
        and recipient
        and actor.country
        and actor.country == recipient.country
        and actor.country not in {"IGO", "NGO"}
    )


def _speech_coded(event: Event) -> PloverType:
    if event.modality is Modality.DEMANDED:
        return PloverType.REQUEST
    if event.modality is Modality.DENIED:
        return PloverType.REJECT
    if event.negated and event.type in YIELDING_TYPES:
        return PloverType.REJECT  # "will not accept refugees", "would not meet demands"
    if event.modality is Modality.INTENDED and event.type is PloverType.SUPPORT:
        return PloverType.AGREE  # a promise of support
    if event.modality is Modality.INTENDED and event.type not in SPEECH_TYPES:
        return PloverType.THREATEN if event.type in CONFLICT_TYPES else PloverType.AGREE
    return event.type


# Verbs that only carry a nominal event: "held talks", "launched an investigation".
LIGHT_VERBS = frozenset(
    {
        "hold",
        "give",
        "launch",
        "undertake",
        "open",
        "stage",
        "issue",
        "make",
        "conduct",
        "reach",
        "carry",
        "complete",
        "impose",
        "begin",
        "start",
        "lodge",
        "file",
        "announce",
        "declare",
        "sign",
        "mount",
        "wage",
        "reimpose",
        "enforce",
        "tighten",
        "extend",
        "maintain",
    }
)
# Verbs whose complement is done by someone else than their subject.
OBJECT_CONTROL = frozenset(
    {"demand", "urge", "ask", "call", "order", "press", "request", "tell", "force", "persuade"}
)
CONTROL_DEPS = frozenset({"xcomp", "conj", "acomp", "dobj"})


def controller(trigger: Token) -> Token | None:
    """Who acts when the trigger has no subject of its own.

    "France is ready to contribute troops": the subject of the clause the trigger's
    verb chain hangs from; "Iraq held talks": the subject of the light verb whose
    object the nominal trigger is. A passive trigger's subject is its target, so a
    passive never inherits one.
    """
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in trigger.children):
        return None
    current = trigger
    light = trigger.dep_ in {"dobj", "attr"} and trigger.head.lemma_.lower() in LIGHT_VERBS
    if trigger.pos_ in {"NOUN", "PROPN"} and not light:
        return None
    if light:
        # "Italy announced a suspension", "declared a ceasefire": the announcer acts.
        subject = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in {"which", "that", "who"}:
            return subject
    for _ in range(4):
        if current.dep_ not in CONTROL_DEPS or current.head.i == current.i:
            return None
        came_from, current = current, current.head
        if current.lemma_.lower() in WITNESS_VERBS:
            return None  # "officials reported shelling": they report it, not do it
        if current.lemma_.lower() in OBJECT_CONTROL:
            # "urged Iraq to cooperate": Iraq acts; "demanded not to join": not the demander.
            obj = next((c for c in current.children if c.dep_ == "dobj"), None)
            return obj if obj is not None and obj.i != came_from.i else None
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return None if subject.lower_ in {"which", "that", "who"} else subject
    return None
