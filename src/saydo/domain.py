"""The records saydo makes, as frozen dataclasses.

Every record that comes out of an article carries a :class:`Provenance`: the article it
came from, the character span it covers, the sentence around it and the version of the
pipeline that made it. Records never hold spaCy objects, so that storage, the web layer
and the CLI can use them without importing spaCy.

Identifiers are content-derived (see :func:`record_id`), so running the same pipeline on
the same article always yields the same ids: that is what makes re-ingesting a no-op and
a killed run resumable without duplicates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from saydo import __version__

PIPELINE_VERSION = f"saydo-{__version__}"


def content_hash(text: str) -> str:
    """The id of an article: a hash of its text with white space folded.

    Folding white space makes the same story re-saved with other line endings or
    trailing blanks the same article.
    """
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def record_id(prefix: str, *parts: object) -> str:
    """A stable id for a record made from the parts that identify it."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    ARMED_GROUP = "armed_group"
    GROUP = "group"  # an unnamed group: "local officials", "Western leaders"
    MEDIA = "media"


class StatementKind(StrEnum):
    DIRECT = "direct"  # the whole content in quote marks
    PARTIAL = "partial"  # a quoted fragment inside reported speech
    INDIRECT = "indirect"  # reported speech, no quote marks
    THOUGHT = "thought"  # what a source believes, expects, wants or seems: not speech


class Modality(StrEnum):
    OCCURRED = "occurred"
    CLAIMED = "claimed"  # asserted by a party to the event about its own act
    DENIED = "denied"
    INTENDED = "intended"  # promised, offered, announced
    DEMANDED = "demanded"
    THREATENED = "threatened"
    HYPOTHETICAL = "hypothetical"  # forecasts, conditionals, fears


class PloverType(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class PledgeKind(StrEnum):
    DE_ESCALATION = "de-escalation"  # reduce, scale back, withdraw
    CEASEFIRE = "ceasefire"  # truce, pause, humanitarian corridor
    OFFER = "offer"  # a concession or proposal
    AID = "aid"  # promised help
    THREAT = "threat"
    DENIAL = "denial"


class VerdictLabel(StrEnum):
    KEPT = "kept"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    PENDING = "pending"


class Relation(StrEnum):
    FULFILS = "fulfils"
    CONTRADICTS = "contradicts"


class Precision(StrEnum):
    EXACT = "exact"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    VAGUE = "vague"
    UNRESOLVED = "unresolved"


THIRD_PARTY = "third-party"


@dataclass(frozen=True, slots=True)
class Provenance:
    article_id: str
    start: int
    end: int
    sentence: str
    pipeline: str = PIPELINE_VERSION


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    source: str  # the path or URL it was read from, with a locator inside it if any
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None
    published_at: datetime | None = None  # when the time of day (and zone) is known
    url: str | None = None
    language: str | None = None
    duplicate_of: str | None = None


class ArticleInfo(Protocol):
    """What linking needs of an article, without its text: an Article or a store's
    metadata row both serve, so the linker never loads article bodies."""

    @property
    def published(self) -> date | None: ...

    @property
    def outlet(self) -> str | None: ...

    @property
    def duplicate_of(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Actor:
    """Who speaks or acts: a person, a body, a state, or an unnamed group.

    ``country`` is the side the actor belongs to (ISO 3166 alpha-3, or an IGO code);
    ``parent`` is the body a person or unit speaks for (Konashenkov → Russian Defence
    Ministry), so that a person resolves to a side.
    """

    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def side(self) -> str:
        return self.country or THIRD_PARTY


@dataclass(frozen=True, slots=True)
class Place:
    text: str  # as it stands in the article
    name: str  # the canonical name of what it resolves to (= text when unresolved)
    kind: str  # city, region, country, area
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    precision: Precision = Precision.UNRESOLVED
    provenance: Provenance | None = None

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression normalised against the publication date.

    ``value`` is a TIMEX3 value ("2022-03-29", "2022-W13", "P15Y", "PRESENT_REF");
    ``start``/``end`` bound the interval it denotes, both inclusive, when it has one.
    """

    text: str
    value: str | None
    start: date | None = None
    end: date | None = None
    precision: str = "day"
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # killed, injured, displaced, detained
    value: int | None  # lower bound when the text gives one
    text: str


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    speaker: Actor | None  # None: no speaker could be found, the content is still kept
    speaker_text: str | None  # the mention as written ("he", "a spokesperson for ...")
    kind: StatementKind
    cue: str | None
    content: str
    provenance: Provenance  # the span of the content
    continues: str | None = None  # id of the statement whose speaker this one inherits


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: PloverType
    trigger: str
    provenance: Provenance
    mode: str | None = None
    actor: Actor | None = None
    recipient: Actor | None = None
    places: tuple[Place, ...] = ()
    time: TimeExpr | None = None
    modality: Modality = Modality.OCCURRED
    negated: bool = False
    reported_by: Actor | None = None  # None: the outlet's own reporting
    statement_id: str | None = None
    self_reported: bool = False
    quantities: tuple[Quantity, ...] = ()
    cameo: str | None = None
    quad_class: int | None = None

    @property
    def reporter_side(self) -> str:
        return self.reported_by.side if self.reported_by else THIRD_PARTY


@dataclass(frozen=True, slots=True)
class Pledge:
    """An announced future act: a promise, offer, threat, truce, or a denial.

    The scope says which later deeds bear on it: the places (each with a radius), the
    recipients, and the window of dates after ``made_on``.
    """

    id: str
    kind: PledgeKind
    event: Event  # the promised act, with modality intended/threatened/denied
    made_on: date | None
    scope_places: tuple[Place, ...] = ()
    scope_radius_km: float = 50.0
    window_end: date | None = None

    @property
    def actor(self) -> Actor | None:
        return self.event.actor


@dataclass(frozen=True, slots=True)
class Evidence:
    """One report of a deed that bears on a pledge.

    Reports of the same deed in several articles share an ``incident_id``: the ledger
    counts the incident once and lists every report as a source.
    """

    incident_id: str
    pledge_id: str
    event_id: str
    relation: Relation
    provenance: Provenance  # the event's: article, span, sentence, pipeline
    event_type: PloverType
    event_date: date | None
    place: str | None
    reported_by: str | None  # the source's name; None: the outlet itself
    reporter_side: str
    self_reported: bool = False

    @property
    def source_article(self) -> str:
        return self.provenance.article_id


@dataclass(frozen=True, slots=True)
class Verdict:
    pledge_id: str
    label: VerdictLabel
    reason: str
    evidence: tuple[Evidence, ...] = field(default=())
    one_sided: bool = False  # all evidence comes from one side
    incidents: int = 0  # distinct deeds in the evidence
    sources: int = 0  # distinct sources reporting them
    mentions: tuple[str, ...] = ()  # ids of the same pledge retold in other articles
    pipeline: str = PIPELINE_VERSION

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(sorted({e.reporter_side for e in self.evidence}))


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the unit a store writes at once."""

    article_id: str
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    pledges: tuple[Pledge, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    actors: tuple[Actor, ...] = ()
    pipeline: str = PIPELINE_VERSION


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read, recorded instead of raised."""

    source: str
    reason: str
    code: str  # a catalogued error code, see saydo.errors
