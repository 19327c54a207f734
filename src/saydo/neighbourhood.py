"""One pledge's verdict from the store, reading only the events that can bear on it.

Relinking the whole store pledge by pledge keeps memory to one pledge's neighbourhood.
Neighbouring pledges share most of what they read (the reports of one day and type, the
articles of a place-less deed), so a relink reads through a :class:`Neighbourhood`,
which keeps the most recent of those answers for as long as the relink runs and no
write comes between.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from saydo.domain import Event, Pledge, Verdict
from saydo.store import Store
from saydo.store.scope import ArticleMeta, IncidentKey, Scope, pledge_scope

K = TypeVar("K")

# Answers kept per kind of question: enough for the neighbourhoods of a few hundred
# pledges, small enough that memory does not grow with the store.
KEPT_ANSWERS = 2048


class _Recent(OrderedDict[K, list[Event]]):
    """The last ``size`` answers, the oldest dropped first."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: K, events: list[Event]) -> list[Event]:
        self[key] = events
        if len(self) > self.size:
            self.popitem(last=False)
        return events

    def recall(self, key: K) -> list[Event] | None:
        events = self.get(key)
        if events is not None:
            self.move_to_end(key)
        return events


class Neighbourhood:
    """The store's event reads that linking one pledge makes, remembered across pledges.

    Valid while the store is not written to: make one per relink.
    """

    def __init__(self, store: Store, size: int = KEPT_ANSWERS) -> None:
        self.store = store
        self._by_key: _Recent[IncidentKey] = _Recent(size)
        self._by_article: _Recent[str] = _Recent(size)

    def in_scope(self, scope: Scope) -> list[Event]:
        return self.store.events_in_scope(scope)

    def with_keys(self, keys: Iterable[IncidentKey]) -> list[Event]:
        """As ``Store.events_with_keys``: each event once, keys in the store's order."""
        found: dict[str, Event] = {}
        for key in sorted(set(keys), key=lambda k: (k[0], k[1] or "", k[2])):
            events = self._by_key.recall(key)
            if events is None:
                events = self._by_key.keep(key, self.store.events_with_keys([key]))
            for event in events:
                found.setdefault(event.id, event)
        return list(found.values())

    def of_articles(self, article_ids: Iterable[str]) -> list[Event]:
        """As ``Store.events_of_articles``: by article, then position."""
        ids = sorted(set(article_ids))
        kept = {aid: self._by_article.recall(aid) for aid in ids}
        missing = [aid for aid, events in kept.items() if events is None]
        if missing:
            read: dict[str, list[Event]] = {aid: [] for aid in missing}
            for event in self.store.events_of_articles(missing):
                read[event.provenance.article_id].append(event)
            for aid, events in read.items():
                kept[aid] = self._by_article.keep(aid, events)
        return [event for aid in ids for event in kept[aid] or ()]

    def meta_with_originals(self, article_ids: set[str]) -> dict[str, ArticleMeta]:
        """The articles' metadata, and that of the originals their copies point at."""
        meta = self.store.article_meta(article_ids)
        wanted = {m.duplicate_of for m in meta.values() if m.duplicate_of} - meta.keys()
        while wanted:
            more = self.store.article_meta(wanted)
            meta.update(more)
            wanted = {m.duplicate_of for m in more.values() if m.duplicate_of} - meta.keys()
        return meta


def link_group(reads: Neighbourhood, group: list[Pledge]) -> list[Verdict]:
    """The verdict of one pledge (``group``: its mentions, canonical first), exactly as
    saydo.link.link gives it over the whole store.

    Beside the events in scope it reads what the linker looks at around them: the
    sentence siblings of place-less deeds (which take their sentence's places), and
    every report of the same type, side and day as a piece of evidence (they may share
    its incident, whose id names all its reports).
    """
    from saydo.link import link

    scope = group_scope(group[0])
    if scope is None:
        return link(group, [], {})
    found: dict[str, Event] = {}
    _add_with_siblings(reads, found, reads.in_scope(scope))
    covered: set[IncidentKey] = set()
    while True:
        meta = reads.meta_with_originals({e.provenance.article_id for e in found.values()})
        verdicts = link(group, found.values(), meta)
        keys = {
            _key(found[e.event_id], e.event_date)
            for v in verdicts
            for e in v.evidence
            if e.event_date is not None  # evidence is always dated: in_window needs it
        } - covered
        if not keys:
            return verdicts
        covered |= keys
        known = len(found)
        _add_with_siblings(reads, found, reads.with_keys(keys))
        if len(found) == known:
            return verdicts  # the same events give the same verdicts


def group_scope(pledge: Pledge) -> Scope | None:
    """Where and when the deeds that bear on ``pledge`` can be: its window, its places
    (or recipient), and its side when only its own side's deeds count; None when no
    event can bear on it."""
    from saydo.link import RULES

    if pledge.made_on is None:
        return None
    rule = RULES[pledge.kind]
    if rule.needs_place and not pledge.scope_places:
        return None
    scope = pledge_scope(pledge, pledge.made_on, pledge.window_end)
    if scope is None:
        return None
    bearing = rule.contradicted_by | rule.kept_by
    if rule.pledged_act is not None:
        bearing = bearing | {pledge.event.type}
    scope = replace(scope, borrowed=True, types=sorted(t.value for t in bearing))
    if not rule.same_side:
        return scope
    if pledge.actor is None:
        return None  # the linker needs a pledging side to match
    side = pledge.actor.country
    # Without a country, the linker matches events whose actor has none either; the
    # index cannot name that side, so look at every side.
    return replace(scope, sides=[side]) if side is not None else scope


def _add_with_siblings(
    reads: Neighbourhood, found: dict[str, Event], events: Iterable[Event]
) -> None:
    """Add ``events``, and the other events of the articles where one of them is a deed
    told without a place, which the linker places at its sentence's other deeds."""
    from saydo.link import DEEDS, PLACED_BY_SENTENCE

    events = list(events)
    _add(found, events)
    placeless = {
        e.provenance.article_id
        for e in events
        if not e.places and e.modality in DEEDS and e.type in PLACED_BY_SENTENCE
    }
    if placeless:
        _add(found, reads.of_articles(placeless))


def _add(found: dict[str, Event], events: Iterable[Event]) -> None:
    for event in events:
        found.setdefault(event.id, event)


def _key(event: Event, day: date) -> IncidentKey:
    return event.type.value, event.actor.country if event.actor else None, day
