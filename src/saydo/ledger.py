"""The ledger as plain data: rows for every pledge, and one pledge with its timeline.

The CLI, the API and the web pages all read the ledger through these functions, so that
a filter means the same everywhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from saydo.codec import to_dict
from saydo.domain import Event, Pledge, Verdict
from saydo.extract.lexicon import SPEECH_ACT_TYPES
from saydo.link import DEEDS, event_date, in_scope
from saydo.store import Store
from saydo.store.ledger import LedgerQuery
from saydo.store.scope import pledge_scope

# How many days before a pledge its timeline shows, for contrast.
TIMELINE_DAYS_BEFORE = 7


@dataclass(frozen=True, slots=True)
class LedgerFilter:
    actor: str | None = None  # a country code or an actor's name
    place: str | None = None  # a place name in the pledge's scope
    since: date | None = None
    until: date | None = None
    verdict: str | None = None

    def admits(self, pledge: Pledge, label: str) -> bool:
        return (
            self._actor_ok(pledge)
            and self._place_ok(pledge)
            and self._dates_ok(pledge)
            and (self.verdict is None or label == self.verdict)
        )

    def _actor_ok(self, pledge: Pledge) -> bool:
        if not self.actor:
            return True
        who = pledge.actor
        names = {(who.country or "").casefold(), who.name.casefold()} if who else set()
        return self.actor.casefold() in names

    def _place_ok(self, pledge: Pledge) -> bool:
        if not self.place:
            return True
        wanted = self.place.casefold()
        return any(wanted in {p.name.casefold(), p.text.casefold()} for p in pledge.scope_places)

    def _dates_ok(self, pledge: Pledge) -> bool:
        made = pledge.made_on
        if made is None:
            return self.since is None and self.until is None
        return (self.since is None or made >= self.since) and (
            self.until is None or made <= self.until
        )


def ledger_rows(store: Store, filters: LedgerFilter | None = None) -> list[dict[str, Any]]:
    """One row per pledge (mentions of the same pledge in other articles folded in)."""
    filters = filters or LedgerFilter()
    query = LedgerQuery(filters.actor, filters.place, filters.since, filters.until, filters.verdict)
    rows = []
    for pledge, verdict in store.ledger(query):
        label = verdict.label.value if verdict else "pending"
        # The query narrows by ASCII case folding; the filter's own test is exact.
        if filters.admits(pledge, label):
            rows.append(pledge_row(pledge, verdict))
    rows.sort(key=lambda r: (r["made_on"] or "", r["pledge_id"]))  # as SQL, whatever its collation
    return rows


def pledge_row(pledge: Pledge, verdict: Verdict | None) -> dict[str, Any]:
    who = pledge.actor
    evidence = verdict.evidence if verdict else ()
    return {
        "pledge_id": pledge.id,
        "kind": pledge.kind.value,
        "type": pledge.event.type.value,
        "actor": who.name if who else None,
        "actor_country": who.country if who else None,
        "made_on": pledge.made_on.isoformat() if pledge.made_on else None,
        "scope_places": [p.name for p in pledge.scope_places],
        "sentence": pledge.event.provenance.sentence,
        "article_id": pledge.event.provenance.article_id,
        "verdict": verdict.label.value if verdict else "pending",
        "reason": verdict.reason if verdict else "not linked yet",
        "one_sided": verdict.one_sided if verdict else False,
        "incidents": verdict.incidents if verdict else 0,
        "sources": verdict.sources if verdict else 0,
        "mentions": list(verdict.mentions) if verdict else [],
        "sides": sorted({e.reporter_side for e in evidence}),
        "evidence": [to_dict(e) for e in evidence],
    }


def pledge_detail(store: Store, pledge_id: str) -> dict[str, Any] | None:
    """A pledge with its verdict, the history of that verdict, and its timeline."""
    pledge = store.pledge(pledge_id)
    if pledge is None:
        return None
    verdict = store.verdict(pledge_id)
    row = pledge_row(pledge, verdict)
    row["history"] = [_jsonable(change) for change in store.verdict_history(pledge_id)]
    row["timeline"] = timeline(store, pledge)
    return row


def _jsonable(change: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in change.items()}


def timeline(store: Store, pledge: Pledge) -> list[dict[str, Any]]:
    """Deeds in the pledge's scope by day and reporting side, before and after it."""
    made = pledge.made_on
    start = made - timedelta(days=TIMELINE_DAYS_BEFORE) if made else date.min
    end = pledge.window_end or date.max
    scope = pledge_scope(pledge, start if made else None, pledge.window_end)
    if scope is None:
        return []
    candidates = store.events_in_scope(scope)
    meta = store.article_meta({e.provenance.article_id for e in candidates})
    published = {article_id: m.published for article_id, m in meta.items()}
    counts: Counter[tuple[date, str, str]] = Counter()
    for event in candidates:
        when = event_date(event, published.get(event.provenance.article_id))
        if when is None or not start <= when <= end or not _bears_on(pledge, event):
            continue
        counts[(when, event.type.value, event.reporter_side)] += 1
    return [
        {"day": day.isoformat(), "type": kind, "reporter_side": side, "count": n}
        for (day, kind, side), n in sorted(counts.items())
    ]


def _bears_on(pledge: Pledge, event: Event) -> bool:
    if event.modality not in DEEDS or event.type in SPEECH_ACT_TYPES or not event.places:
        return False
    return in_scope(pledge, event)
