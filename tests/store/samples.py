"""Hand-made records for the store tests: one article about a truce, and its records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from saydo.domain import (
    Actor,
    ActorKind,
    Article,
    Event,
    Evidence,
    Extraction,
    Modality,
    Place,
    Pledge,
    PledgeKind,
    PloverType,
    Precision,
    Provenance,
    Quantity,
    Relation,
    Statement,
    StatementKind,
    TimeExpr,
    Verdict,
    VerdictLabel,
)

RUSSIA = Actor("Russian Defence Ministry", ActorKind.ORGANISATION, country="RUS", aliases=("MoD",))
UKRAINE = Actor("Volodymyr Zelenskyy", ActorKind.PERSON, country="UKR", role="president")
CHERNIHIV = Place(
    "Chernihiv", "Chernihiv", "city", country="UKR", lat=51.5, lon=31.3, precision=Precision.CITY
)
KYIV = Place("Kyiv", "Kyiv", "city", country="UKR", lat=50.45, lon=30.52, precision=Precision.CITY)


def article(article_id: str = "a1b2c3d4e5f60718", **changes: object) -> Article:
    base = Article(
        id=article_id,
        text='Russia said it would "drastically reduce" military activity near Kyiv.\n'
        "O'Brien wrote <script>alert(1)</script>; Київ was shelled.",
        source="examples/itv.txt",
        title="Russia pledges to scale back",
        outlet="ITV",
        byline="A. Reporter",
        dateline="KYIV",
        published=date(2022, 3, 30),
        published_at=datetime(2022, 3, 30, 9, 15, tzinfo=timezone(timedelta(hours=3))),
        url="https://example.org/news?id=1&x='y'",
        language="en",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _prov(article_id: str, start: int, end: int) -> Provenance:
    return Provenance(article_id, start, end, "A sentence with \"quotes\" and 'apostrophes'.")


def extraction(article_id: str = "a1b2c3d4e5f60718", tag: str = "") -> Extraction:
    """An extraction with several records of each kind; ``tag`` varies the ids."""
    statements = (
        Statement(
            f"st_{tag}01",
            RUSSIA,
            "the ministry",
            StatementKind.PARTIAL,
            "said",
            "drastically reduce",
            _prov(article_id, 20, 38),
        ),
        Statement(
            f"st_{tag}02",
            None,
            "he",
            StatementKind.INDIRECT,
            "added",
            "talks would go on",
            _prov(article_id, 40, 57),
            continues=f"st_{tag}01",
        ),
        Statement(
            f"st_{tag}03",
            UKRAINE,
            None,
            StatementKind.DIRECT,
            None,
            "We do not trust them",
            _prov(article_id, 60, 80),
        ),
    )
    reduce = Event(
        f"ev_{tag}01",
        PloverType.RETREAT,
        "reduce",
        _prov(article_id, 25, 31),
        actor=RUSSIA,
        recipient=UKRAINE,
        places=(CHERNIHIV, KYIV),
        time=TimeExpr("today", "2022-03-29", date(2022, 3, 29), date(2022, 3, 29)),
        modality=Modality.INTENDED,
        reported_by=RUSSIA,
        statement_id=f"st_{tag}01",
        self_reported=True,
    )
    shelling = Event(
        f"ev_{tag}02",
        PloverType.ASSAULT,
        "shelled",
        _prov(article_id, 90, 97),
        actor=RUSSIA,
        places=(replace(KYIV, lat=None, lon=None, precision=Precision.UNRESOLVED), CHERNIHIV),
        time=TimeExpr("on Wednesday", "2022-03-30", date(2022, 3, 30), date(2022, 3, 30)),
        quantities=(Quantity("killed", 2, "two people"),),
        cameo="190",
        quad_class=4,
    )
    talks = Event(f"ev_{tag}03", PloverType.CONSULT, "talks", _prov(article_id, 50, 55))
    pledges = (
        Pledge(
            f"pl_{tag}01",
            PledgeKind.DE_ESCALATION,
            reduce,
            date(2022, 3, 29),
            scope_places=(CHERNIHIV, KYIV),
            window_end=date(2022, 4, 28),
        ),
        Pledge(f"pl_{tag}02", PledgeKind.OFFER, talks, None, scope_radius_km=10.5),
    )
    return Extraction(
        article_id=article_id,
        statements=statements,
        events=(reduce, shelling, talks),
        pledges=pledges,
        places=(CHERNIHIV, KYIV),
        times=(reduce.time,) if reduce.time else (),
        actors=(RUSSIA, UKRAINE),
    )


def verdict(pledge_id: str, label: VerdictLabel, reason: str = "because") -> Verdict:
    evidence = Evidence(
        "in_01",
        pledge_id,
        "ev_02",
        Relation.CONTRADICTS,
        Provenance("a1b2c3d4e5f60718", 0, 17, "Kyiv was shelled."),
        PloverType.ASSAULT,
        date(2022, 3, 30),
        "Kyiv",
        None,
        "third-party",
    )
    return Verdict(pledge_id, label, reason, (evidence,), one_sided=True)
