"""What each page shows, as JSON-safe data: the HTML page and its ``.json`` twin share it.

A view returns the page's data (what the twin serves) and, apart, what only the HTML
needs (drawings, highlighted segments), so the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine

from saydo.codec import to_dict
from saydo.domain import Event, Pledge, Statement, Verdict
from saydo.errors import ErrorCode, SaydoError
from saydo.store import Store, schema
from saydo.store.scope import pledge_scope
from saydo.store.search import KINDS, SearchHit
from saydo.web import queries
from saydo.web.highlight import segments, spans
from saydo.web.queries import Filters, Page, PledgeRow
from saydo.web.svg import Mark, map_svg, timeline_svg

# How far before a pledge, and after it when it has no window, the timeline looks.
_CONTEXT_DAYS = 14
# The timeline and map stay readable, and the page fast, however busy the scope.
_CONTEXT_LIMIT = 200


@dataclass
class View:
    data: dict[str, Any]
    extras: dict[str, Any] = field(default_factory=dict)


def ledger_row(row: PledgeRow) -> dict[str, Any]:
    pledge, verdict = row.pledge, row.verdict
    actor = pledge.actor
    return {
        "id": pledge.id,
        "kind": pledge.kind.value,
        "actor": actor.name if actor else None,
        "side": actor.side if actor else None,
        "made_on": pledge.made_on.isoformat() if pledge.made_on else None,
        "sentence": pledge.event.provenance.sentence,
        "article_id": pledge.event.provenance.article_id,
        "verdict": verdict.label.value if verdict else queries.NO_VERDICT,
        "reason": verdict.reason if verdict else None,
        "evidence_count": len(verdict.evidence) if verdict else 0,
        "sides": list(verdict.sides) if verdict else [],
        "one_sided": verdict.one_sided if verdict else False,
    }


def ledger(engine: Engine, filters: Filters, page: Page) -> View:
    result = queries.pledges(engine, filters, page)
    rows = [ledger_row(r) for r in result.items]
    return View({"pledges": rows, "total": result.total, "total_capped": result.more})


def pledge(store: Store, pledge_id: str) -> View:
    engine = store.engine
    row = queries.pledge(engine, pledge_id)
    if row is None:
        raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=pledge_id)
    verdict = row.verdict
    evidence_ids = [e.event_id for e in verdict.evidence] if verdict else []
    context = _context_events(store, row.pledge, set(evidence_ids))
    cited = [e.provenance.article_id for e in verdict.evidence] if verdict else []
    articles = queries.article_titles(engine, [row.pledge.event.provenance.article_id, *cited])
    data = {
        "pledge": to_dict(row.pledge),
        "ledger": ledger_row(row),
        "verdict": to_dict(verdict) if verdict else None,
        "history": [_jsonable(h) for h in store.verdict_history(pledge_id)],
        "context_events": [_event_summary(e) for e in context],
        "articles": {k: _jsonable(v) for k, v in articles.items()},
    }
    marks = _marks(row.pledge, verdict, queries.events_by_id(engine, evidence_ids), context)
    return View(data, {"timeline": timeline_svg(marks), "map": map_svg(marks)})


def _context_events(store: Store, pledge: Pledge, skip: set[str]) -> list[Event]:
    """Dated events by the pledging side in the pledge's scope around its dates, for
    the timeline and the map; read through the store's scope indexes."""
    if pledge.made_on is None:
        return []
    start = pledge.made_on - timedelta(days=_CONTEXT_DAYS)
    end = pledge.window_end or pledge.made_on + timedelta(days=_CONTEXT_DAYS)
    scope = pledge_scope(pledge, start, end)
    if scope is None:
        return []
    side = pledge.actor.country if pledge.actor else None
    scope = replace(scope, sides=[side] if side else None, undated=False)
    near = store.events_in_scope(scope, limit=_CONTEXT_LIMIT)
    return [e for e in near if e.id not in skip and e.id != pledge.event.id]


def _event_summary(event: Event) -> dict[str, Any]:
    place = event.places[0] if event.places else None
    return {
        "id": event.id,
        "type": event.type.value,
        "date": event.time.start.isoformat() if event.time and event.time.start else None,
        "actor": event.actor.name if event.actor else None,
        "place": place.name if place else None,
        "reported_by": event.reported_by.name if event.reported_by else None,
        "reporter_side": event.reporter_side,
        "sentence": event.provenance.sentence,
        "article_id": event.provenance.article_id,
    }


def _marks(
    pledge: Pledge, verdict: Verdict | None, evidence: dict[str, Event], context: list[Event]
) -> list[Mark]:
    first_place = pledge.scope_places[0] if pledge.scope_places else None
    marks = [
        Mark(
            f"pledge: {pledge.event.provenance.sentence}",
            "pledge",
            pledge.made_on,
            first_place.lat if first_place else None,
            first_place.lon if first_place else None,
        )
    ]
    for item in verdict.evidence if verdict else ():
        event = evidence.get(item.event_id)
        place = next((p for p in event.places if p.resolved), None) if event else None
        marks.append(
            Mark(
                f"{item.event_type.value} ({item.relation.value}): {item.provenance.sentence}",
                item.relation.value,
                item.event_date,
                place.lat if place else None,
                place.lon if place else None,
                f"/articles/{item.provenance.article_id}",
            )
        )
    for event in context:
        place = next((p for p in event.places if p.resolved), None)
        when = event.time.start if event.time else None
        before = when is not None and pledge.made_on is not None and when < pledge.made_on
        marks.append(
            Mark(
                f"{event.type.value}: {event.provenance.sentence}",
                "before" if before else "after",
                when,
                place.lat if place else None,
                place.lon if place else None,
                f"/articles/{event.provenance.article_id}",
            )
        )
    return marks


def article(store: Store, article_id: str) -> View:
    found = store.article(article_id)
    if found is None:
        raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=article_id)
    extraction = store.extraction(article_id)
    pledge_rows = [queries.pledge(store.engine, p.id) for p in extraction.pledges]
    data = {
        "article": to_dict(found),
        "extraction": to_dict(extraction),
        "pledges": [ledger_row(r) for r in pledge_rows if r is not None],
    }
    pieces = segments(found.text, spans(found.text, extraction))
    return View(data, {"segments": pieces})


def actor(engine: Engine, name: str, page: Page) -> View:
    filters = Filters(actor=name)
    said = queries.statements(engine, filters, page)
    did = queries.events(engine, filters, page)
    pledged = queries.pledges(engine, filters, page)
    if said.total + did.total + pledged.total == 0:
        raise SaydoError(ErrorCode.UNKNOWN_RECORD, detail=name)
    data = {
        "name": name,
        "statements": [_statement_summary(s) for s in said.items],
        "statements_total": said.total,
        "events": [_event_summary(e) for e in did.items],
        "events_total": did.total,
        "pledges": [ledger_row(r) for r in pledged.items],
        "pledges_total": pledged.total,
        "verdicts": _tally(r.verdict.label.value if r.verdict else "none" for r in pledged.items),
    }
    return View(data)


def _statement_summary(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "speaker": statement.speaker.name if statement.speaker else statement.speaker_text,
        "side": statement.speaker.side if statement.speaker else None,
        "kind": statement.kind.value,
        "cue": statement.cue,
        "content": statement.content,
        "article_id": statement.provenance.article_id,
    }


def _tally(labels: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return counts


def search(store: Store, q: str, page: Page, kind: str | None = None) -> View:
    """Articles and statements matching ``q`` (of one ``kind`` when given), each list
    paged by ``page``, best first, with the matches marked in their snippets."""
    wanted = (kind,) if kind else KINDS
    found = {k: store.search(q, kind=k, limit=page.limit, offset=page.offset) for k in wanted}
    totals = {k: store.search_count(q, kind=k) for k in wanted}
    data = {
        "q": q,
        "kind": kind,
        "articles": _article_hits(store, found.get("article", [])),
        "articles_total": totals.get("article", 0),
        "statements": _statement_hits(store.engine, found.get("statement", [])),
        "statements_total": totals.get("statement", 0),
    }
    return View(data)


def _hit_fields(hit: SearchHit) -> dict[str, Any]:
    return {
        "snippet": hit.snippet,
        "segments": [[text, matched] for text, matched in hit.segments],
        "score": hit.score,
    }


def _article_hits(store: Store, hits: list[SearchHit]) -> list[dict[str, Any]]:
    meta = store.article_meta(h.article_id for h in hits)
    found = []
    for hit in hits:
        about = meta.get(hit.record_id)
        found.append(
            {
                "id": hit.record_id,
                "title": about.title if about else None,
                "outlet": about.outlet if about else None,
                "published": about.published.isoformat() if about and about.published else None,
                **_hit_fields(hit),
            }
        )
    return found


def _statement_hits(engine: Engine, hits: list[SearchHit]) -> list[dict[str, Any]]:
    records = queries.records_by_id(
        engine, schema.statements, Statement, [h.record_id for h in hits]
    )
    return [
        {**_statement_summary(records[h.record_id]), **_hit_fields(h)}
        for h in hits
        if h.record_id in records  # gone since the search, by a reprocess in between
    ]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def record_count(engine: Engine) -> dict[str, int]:
    """How many of each record the store holds, for the page footer."""
    import sqlalchemy as sa

    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for table in (schema.articles, schema.statements, schema.events, schema.pledges):
            counts[table.name] = conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0
    return counts
