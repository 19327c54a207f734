"""From a noun phrase in the parse to the Actor it names.

Named actors come from the actor dictionary (through the entity layer's ids); unnamed
groups ("local officials", "Western leaders") become group actors with the side their
modifier names; proxies ("a spokesperson for Boris Johnson") resolve to whom they speak
for; pronouns resolve to the most salient compatible actor before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from saydo.domain import Actor, ActorKind
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import PROXY_NOUNS

GROUP_SECTORS: dict[str, str] = {
    "official": "GOV",
    "leader": "GOV",
    "authority": "GOV",
    "delegation": "GOV",
    "negotiator": "GOV",
    "diplomat": "GOV",
    "minister": "GOV",
    "government": "GOV",
    "lawmaker": "LEG",
    "governor": "GOV",
    "mayor": "GOV",
    "commander": "MIL",
    "soldier": "MIL",
    "troop": "MIL",
    "force": "MIL",
    "unit": "MIL",
    "military": "MIL",
    "army": "MIL",
    "intelligence": "SPY",
    "source": "GOV",
    "resident": "CVL",
    "witness": "CVL",
    "civilian": "CVL",
    "volunteer": "CVL",
    "analyst": "CVL",
    "expert": "CVL",
    "observer": "CVL",
    "monitor": "IGO",
    "report": "MED",
    "media": "MED",
    "journalist": "MED",
    "rescuer": "CVL",
    "medic": "MED",
    "police": "COP",
}
# Heads of unnamed groups that speak: kept as groups with their side, never merged
# into a named body the dictionary may describe the same way.
UNNAMED_GROUP_HEADS = frozenset(
    [
        "official",
        "leader",
        "authority",
        "source",
        "diplomat",
        "negotiator",
        "delegation",
        "analyst",
        "expert",
        "observer",
        "witness",
        "resident",
        "lawmaker",
        "commander",
        "report",
    ]
)
MILITARY_HEADS = frozenset({"force", "troop", "unit", "military", "army", "soldier"})
# A town's own authority, named by its town as owner: "Mariupol's city council".
TOWN_AUTHORITY_HEADS = frozenset({"council", "administration", "mayor", "authority"})
PERSON_TITLES = frozenset({"mayor"})
# Verbs whose agent, written before them, is the side a group speaks for.
BACKING_VERBS = frozenset({"install", "instal", "appoint", "back"})
# Words that say an authority was installed by the side holding the town.
INSTALLED_WORDS = frozenset(
    {
        "russian-installed",
        "installed",
        "occupation",
        "occupying",
        "pro-russian",
        "separatist",
        "puppet",
    }
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# The text's own word for a person's gender: an honorific before the name. No name lists:
# a gender is known only where the article states it.
HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# "his remark", "their chants": an owner stands for whom its pronoun would.
POSSESSIVE_PRONOUNS = {"his": "he", "their": "they", "its": "it"}
UNSETTLED = "?"
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Singular roles that, with "the", stand for a person or body the article has named.
PERSON_ROLES = frozenset(
    [
        "president",
        "nominee",
        "candidate",
        "senator",
        "congressman",
        "congresswoman",
        "governor",
        "businessman",
        "billionaire",
        "chancellor",
        "premier",
        "spokesman",
        "spokeswoman",
        "frontrunner",
        "front-runner",
        "contender",
        "mogul",
        "speaker",
        "secretary",
        "ambassador",
        "envoy",
        "general",
    ]
)
BODY_ROLES = frozenset(
    ["ministry", "campaign", "agency", "department", "committee", "company", "party", "group"]
)
LOCAL_MODIFIERS = frozenset({"local", "regional", "city", "municipal", "district"})
THIRD_PARTY_MODIFIERS = frozenset({"western", "international", "foreign", "european"})


@dataclass
class Salience:
    """Actors in the order the article names them, for pronoun resolution."""

    mentions: list[tuple[int, Actor]] = field(default_factory=list)
    last_speaker: tuple[int, Actor] | None = None
    # Where a plural noun named the actor ("its forces"): "it" never means them.
    plural: set[int] = field(default_factory=set)
    # Actor names the article gave an honorific ("Mrs. Clinton"): "he" never means them.
    genders: dict[str, str] = field(default_factory=dict)

    def add(self, char: int, actor: Actor, plural: bool = False) -> None:
        self.mentions.append((char, actor))
        if plural:
            self.plural.add(char)

    def note_gender(self, actor: Actor, phrase: Span) -> None:
        for token in phrase:
            gender = HONORIFICS.get(token.lower_)
            if gender is not None and actor.kind is ActorKind.PERSON:
                # "Mr. Clinton" and "Mrs. Clinton" resolved to one actor: two people the
                # dictionary merged, whose gender the text does not settle.
                known = self.genders.setdefault(actor.name, gender)
                if known != gender:
                    self.genders[actor.name] = UNSETTLED
                return

    def _fits(self, actor: Actor, pronoun: str) -> bool:
        wanted = PRONOUN_GENDERS.get(pronoun)
        known = self.genders.get(actor.name)
        return wanted is None or known in {None, UNSETTLED} or known == wanted

    def speaker(self, char: int, actor: Actor) -> None:
        self.last_speaker = (char, actor)
        self.add(char, actor)

    def latest(self, kinds: frozenset[ActorKind], before: int) -> Actor | None:
        """The last actor of one of ``kinds`` named before ``before``."""
        for char, actor in reversed(self.mentions):
            if char < before and actor.kind in kinds:
                return actor
        return None

    def by_surname(self, word: str, before: int) -> Actor | None:
        """The last person named in full whose surname is ``word`` ("Pence": Mike Pence)."""
        folded = word.casefold()
        for char, actor in reversed(self.mentions):
            if char >= before or actor.kind is not ActorKind.PERSON:
                continue
            names = actor.name.casefold().split()
            if len(names) > 1 and names[-1] == folded:
                return actor
        return None

    def resolve(self, pronoun: str, before: int) -> Actor | None:
        wanted = _pronoun_kinds(pronoun.lower())
        if wanted is None:
            return None
        lower = pronoun.lower()
        singular = lower in THING_PRONOUNS
        for char, actor in reversed(self.mentions):
            if (
                char < before
                and actor.kind in wanted
                and not (singular and char in self.plural)
                and self._fits(actor, lower)
            ):
                return actor
        if (
            self.last_speaker
            and self.last_speaker[0] < before
            and self.last_speaker[1].kind in wanted
            and self._fits(self.last_speaker[1], lower)
        ):
            return self.last_speaker[1]
        return None


def _pronoun_kinds(pronoun: str) -> frozenset[ActorKind] | None:
    pronoun = POSSESSIVE_PRONOUNS.get(pronoun, pronoun)
    if pronoun in PERSON_PRONOUNS:
        return frozenset({ActorKind.PERSON})
    if pronoun in THING_PRONOUNS:
        return frozenset({ActorKind.ORGANISATION, ActorKind.STATE, ActorKind.ARMED_GROUP})
    if pronoun in PLURAL_PRONOUNS:
        return frozenset({ActorKind.GROUP, ActorKind.ORGANISATION, ActorKind.ARMED_GROUP})
    return None


def noun_phrase(token: Token) -> Span:
    """The phrase a head token stands for, without relative clauses or trailing punctuation."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"}:
            break
        right = child.right_edge.i
    doc = token.doc
    while left < token.i and doc[left].dep_ in {"det", "punct", "cc", "advmod"}:
        left += 1
    return doc[left : right + 1]


def entity_actor(span: Span, ctx: ArticleContext, head: Token | None = None) -> Actor | None:
    """A named actor inside ``span``: the entity layer's id first, then the dictionary.

    The entity that holds the phrase's head wins: in "Russian Defence Ministry spokesman
    Igor Konashenkov" the speaker is Konashenkov, not the ministry.
    """
    ents = span_entities(span)
    if head is not None:
        for ent in ents:
            if ent.start <= head.i < ent.end:
                found = entity_actor(ent, ctx)
                if found is not None:
                    return _titled(found, span, ctx)
    for ent in ents:
        if ent.ent_id_.startswith("actor:"):
            actor = ctx.actors.by_name(ent.ent_id_.split(":", 1)[1])
            if actor is not None:
                return actor
    for ent in ents:
        if ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
            actor = ctx.actors.lookup(ent.text)
            if actor is not None:
                return actor
            if ent.label_ == "PERSON":
                return Actor(ent.text, ActorKind.PERSON, country=_country_in(span, ctx))
    return ctx.actors.lookup(span.text)


def _titled(person: Actor, phrase: Span, ctx: ArticleContext) -> Actor:
    """A person the dictionary does not know takes the country of the title before the
    name: "Russian deputy defence minister Alexander Fomin", "Ukraine's deputy prime
    minister Iryna Vereshchuk". The name alone says no side."""
    if person.kind is not ActorKind.PERSON or person.country is not None:
        return person
    if ctx.actors.lookup(person.name) is not None:
        return person
    country = _country_in(phrase, ctx)
    return replace(person, country=country) if country else person


def span_entities(span: Span) -> list[Span]:
    """The entities inside ``span``, as ``Span.ents`` gives them, read from the tokens:
    ``Span.ents`` rebuilds every entity of the whole doc on each call, which made it most
    of statement extraction's cost on long articles."""
    doc = span.doc
    found: list[Span] = []
    n = span.start
    while n < span.end:
        token = doc[n]
        if token.ent_iob_ != "B":
            n += 1
            continue
        end = n + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:
            found.append(Span(doc, n, end, label=token.ent_type, span_id=token.ent_id))
        n = end
    return found


def _country_in(span: Span, ctx: ArticleContext) -> str | None:
    for token in span:
        country = ctx.actors.country_of_demonym(token.text)
        if country:
            return country
    return None


def resolve_head(token: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """The actor a subject or object head token names, or None if it names none."""
    lower = token.lower_
    antecedent = relative_antecedent(token)
    if antecedent is not None:
        return resolve_head(antecedent, ctx, salience)
    if token.pos_ == "PRON":
        if lower in FIRST_PERSON:
            return None  # resolved by the caller from the quote's speaker
        return salience.resolve(lower, token.idx)
    named_apposition = _person_apposition(token)
    if named_apposition is not None and token.pos_ == "NOUN":
        # "Russia's deputy ambassador to the United Nations, Dmitry Polyanskiy": the role
        # is the person the apposition names, not a body in the role's phrase; the
        # role's phrase still tells the side of a person the dictionary does not know.
        person = resolve_head(named_apposition, ctx, salience)
        return _titled(person, noun_phrase(token), ctx) if person is not None else None
    if token.lemma_.lower() in PROXY_NOUNS:
        principal = _principal(token, ctx, salience)
        if principal is not None:
            return principal
    span = noun_phrase(token)
    named = _named_in_phrase(token, span, ctx)
    if token.pos_ == "PROPN" and (named is None or _bare_name(named)):
        # A surname alone ("Pence said") is the person named in full before it, whatever
        # the entity layer made of it.
        named = salience.by_surname(token.text, token.idx) or named
    if named is not None:
        return named
    described = _definite_description(token, salience)
    if described is not None:
        return described
    local = _town_authority(token, ctx)
    if local is not None:
        return local
    return group_actor(token, span, ctx, salience)


def backer_country(verb: Token, ctx: ArticleContext) -> str | None:
    """The country written before "-installed", "-backed": "Russian", "Moscow"."""
    for backer in (c for c in verb.children if c.dep_ in {"npadvmod", "amod", "compound"}):
        country = ctx.actors.country_of_demonym(backer.text)
        if country is None:
            actor = ctx.actors.lookup(backer.text)
            country = actor.country if actor is not None else None
        if country is not None:
            return country
    return None


def _town_authority(token: Token, ctx: ArticleContext) -> Actor | None:
    """ "Mariupol's city council", "the city council of Mariupol", "Kharkiv's mayor": the
    town's own authority, as the dictionary knows it under "Mariupol city council", else
    an unnamed one of the town's country. One installed by the other side says so in the
    phrase ("the Russian-installed administration of Melitopol") and is left to the
    other readers."""
    if token.lemma_.lower() not in TOWN_AUTHORITY_HEADS:
        return None
    town = _town_owning(token)
    if town is None or any(c.lower_ in INSTALLED_WORDS for c in token.subtree):
        return None
    title = [c.text for c in token.lefts if c.dep_ in {"compound", "amod"}] + [token.text]
    name = f"{town} {' '.join(title)}"
    known = ctx.actors.lookup(name)
    if known is not None:
        return known
    place = ctx.gazetteer.resolve(town, ctx.focus_country)
    if not place.resolved or place.kind == "country" or place.country is None:
        return None
    kind = ActorKind.PERSON if token.lemma_.lower() in PERSON_TITLES else ActorKind.ORGANISATION
    return Actor(name, kind, country=place.country, sector="GOV")


def _town_owning(token: Token) -> str | None:
    """The town named as the owner: "Mariupol's", "of Mariupol"."""
    for child in token.children:
        owner = None
        if child.dep_ == "poss":
            owner = child
        elif child.dep_ == "prep" and child.lower_ == "of":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        if owner is not None and owner.ent_type_ == "GPE":
            return " ".join(t.text for t in noun_phrase(owner) if t.dep_ != "case")
    return None


def relative_antecedent(token: Token) -> Token | None:
    """The noun "who" or "which" stands for: "Trump, who said ..." is Trump."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.head.dep_ != "relcl":
        return None
    noun = token.head.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} and noun.i != token.i else None


def _person_apposition(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _bare_name(actor: Actor) -> bool:
    """A person known only by the one word the text gave, not from the dictionary."""
    return actor.kind is ActorKind.PERSON and " " not in actor.name and actor.country is None


def _definite_description(token: Token, salience: Salience) -> Actor | None:
    """ "the president", "the Republican nominee", "the ministry": the last person or body
    named before, as a reader takes them. Only a singular head with "the" and no name of
    its own, so that "the president of France" or "officials" keep their own reading."""
    role = token.lemma_.lower()
    if token.tag_ != "NN" or not any(c.lower_ == "the" and c.dep_ == "det" for c in token.children):
        return None
    if any(c.dep_ in {"prep", "poss"} for c in token.children):
        return None
    if role in PERSON_ROLES:
        wanted = frozenset({ActorKind.PERSON})
    elif role in BODY_ROLES:
        wanted = frozenset({ActorKind.ORGANISATION})
    else:
        return None
    return salience.latest(wanted, token.idx)


def _named_in_phrase(token: Token, span: Span, ctx: ArticleContext) -> Actor | None:
    """A name in the phrase, but not one that only modifies a group ("Russian units")."""
    if token.lemma_.lower() in GROUP_SECTORS and token.tag_ in {"NNS", "NN"}:
        poss = [c for c in token.children if c.dep_ == "poss"]
        if poss:
            owner = entity_actor(noun_phrase(poss[0]), ctx)
            if owner is not None:
                return _forces_of(owner, token) if _is_military(token) else owner
        if token.lemma_.lower() in UNNAMED_GROUP_HEADS:
            return None  # "Ukrainian officials" stay a group: see group_actor
        return ctx.actors.lookup(span.text)
    return entity_actor(span, ctx, token)


def _is_military(token: Token) -> bool:
    return token.lemma_.lower() in MILITARY_HEADS


def _forces_of(owner: Actor, head: Token) -> Actor:
    return Actor(
        f"{owner.name}'s {head.text}",
        ActorKind.ARMED_GROUP,
        country=owner.country,
        sector="MIL",
        parent=owner.name,
    )


def _principal(token: Token, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """Whom a spokesperson speaks for: "for X", "of X", "X's spokesperson"."""
    for child in token.children:
        if child.dep_ == "poss":
            return resolve_head(child, ctx, salience)
        if child.dep_ == "prep" and child.lower_ in {"for", "of"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return resolve_head(objects[0], ctx, salience)
    # "Russian Defence Ministry spokesman Igor Konashenkov" is handled by the name.
    for child in token.children:
        if child.dep_ == "compound":
            actor = entity_actor(noun_phrase(child), ctx)
            if actor is not None:
                return actor
    return None


def group_actor(token: Token, span: Span, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """An unnamed group: "local officials", "Ukrainian officials", "Western leaders"."""
    lemma = token.lemma_.lower()
    if lemma not in GROUP_SECTORS:
        return None
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}]
    country: str | None = None
    words: list[str] = []
    for modifier in sorted(modifiers, key=lambda t: t.i):
        mod_lower = modifier.lower_
        demonym = ctx.actors.country_of_demonym(modifier.text)
        if demonym:
            country = demonym
            words.append(modifier.text)
        elif mod_lower in LOCAL_MODIFIERS:
            country = country or ctx.focus_country
            words.append(mod_lower)
        elif mod_lower in THIRD_PARTY_MODIFIERS:
            words.append(modifier.text)
        elif modifier.ent_type_ in {"GPE", "ORG", "NORP"}:
            actor = ctx.actors.lookup(modifier.text)
            if actor is not None:
                country = actor.country
                words.append(modifier.text)
        elif modifier.lemma_.lower() in BACKING_VERBS:
            # "Russian-installed authorities", "Moscow-backed officials": the backer's
            backer = backer_country(modifier, ctx)
            if backer is not None:
                country = backer
                words.append(modifier.text)
    words.append(token.text)
    if country is None:
        described = ctx.actors.lookup(span.text)
        country = described.country if described else None
    kind = ActorKind.ARMED_GROUP if _is_military(token) else ActorKind.GROUP
    return Actor(" ".join(words), kind, country=country, sector=GROUP_SECTORS[lemma])
