"""One record per real-world deed and per real-world pledge, across articles.

Several articles report the same strike (same side, same type, same place, same day);
several articles retell the same pledge. The ledger counts each once, with all its
reports: a second-day article that repeats a first-day report adds a source to the same
incident instead of doubling the evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from saydo.domain import Event, Place, Pledge, PledgeKind, record_id
from saydo.geo import distance_km

# Two reports name the same place when their places lie this close.
SAME_PLACE_KM = 25.0
# Two mentions are the same pledge when made this many days apart at most.
SAME_PLEDGE_DAYS = 2
# Pledges whose retelling often drops the place ("hours after Moscow promised to ease
# off"): such a mention is the pledge of its side and kind made in those days, and takes
# its places. Other kinds with no place are scoped by their recipient, not retold.
RETOLD_WITHOUT_PLACE = frozenset({PledgeKind.DE_ESCALATION})


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    reports: tuple[Event, ...]
    day: date | None


def _close(a: Sequence[Place], b: Sequence[Place], km: float) -> bool:
    if not a and not b:
        return True
    return any(p.name == q.name or distance_km(p, q) <= km for p in a for q in b)


def _incident_key(event: Event) -> tuple[str, str | None]:
    return event.type.value, event.actor.country if event.actor else None


def incidents(
    dated: Iterable[tuple[Event, date | None]], story: Callable[[str], str] | None = None
) -> dict[str, Incident]:
    """Group reports into incidents: {event id: its incident}.

    A report with no place joins only reports of its own story: "Russian shelling hit
    homes" in two articles may be two deeds, but not in an article and its wire copy.
    ``story`` maps an article id to the article it copies (itself when none).
    """
    same_story = story or (lambda article_id: article_id)
    # Only reports of one type, side and day can share an incident: each is compared
    # with the groups of its own bucket, in the order they were opened.
    buckets: dict[tuple[str, str | None, date | None], list[list[tuple[Event, date | None]]]]
    buckets = {}
    for event, day in sorted(dated, key=lambda pair: (pair[1] or date.min, pair[0].id)):
        bucket = buckets.setdefault((*_incident_key(event), day), [])
        for group in bucket:
            if _same_where(group[0][0], event, same_story):
                group.append((event, day))
                break
        else:
            bucket.append([(event, day)])
    by_event: dict[str, Incident] = {}
    for group in (group for bucket in buckets.values() for group in bucket):
        day = group[0][1]
        incident = Incident(
            record_id("in", *sorted(e.id for e, _ in group)), tuple(e for e, _ in group), day
        )
        for event, _ in group:
            by_event[event.id] = incident
    return by_event


def _same_where(a: Event, b: Event, story: Callable[[str], str]) -> bool:
    if not a.places or not b.places:
        one_story = story(a.provenance.article_id) == story(b.provenance.article_id)
        return not a.places and not b.places and one_story
    return _close(a.places, b.places, SAME_PLACE_KM)


def pledge_groups(pledges: Iterable[Pledge], radius_km: float | None = None) -> list[list[Pledge]]:
    """Mentions of one pledge across articles, earliest first: the first is canonical.

    A retelling with no place of a pledge that has one joins it with its places; the
    canonical mention is then the earliest that names a place.
    """
    placed = sorted(pledges, key=lambda p: (_retold_placeless(p), *_when(p)))
    groups: list[list[Pledge]] = []
    index = _GroupIndex()
    for pledge in placed:
        for number in index.candidates(pledge):
            if _same_pledge(groups[number][0], pledge, radius_km):
                groups[number].append(pledge)
                break
        else:
            index.add(pledge, len(groups))
            groups.append([pledge])
    ordered = [_with_places(sorted(g, key=_when)) for g in groups]
    return sorted(ordered, key=lambda g: _when(g[0]))


class _GroupIndex:
    """Which groups a pledge could join, in the order they were opened.

    Only groups of the same kind, type and side, opened by a pledge within
    SAME_PLEDGE_DAYS (or undated, which no day rules out) can match: looking only at
    those keeps grouping near-linear in the number of pledges, with the same answer as
    trying every group in turn.
    """

    def __init__(self) -> None:
        self._by_day: dict[tuple[object, ...], dict[date | None, list[int]]] = {}

    @staticmethod
    def _key(pledge: Pledge) -> tuple[object, ...]:
        return pledge.kind, pledge.event.type, pledge.actor.country if pledge.actor else None

    def add(self, pledge: Pledge, number: int) -> None:
        days = self._by_day.setdefault(self._key(pledge), {})
        days.setdefault(pledge.made_on, []).append(number)

    def candidates(self, pledge: Pledge) -> list[int]:
        days = self._by_day.get(self._key(pledge), {})
        if pledge.made_on is None:
            found = [n for numbers in days.values() for n in numbers]
        else:
            window = range(-SAME_PLEDGE_DAYS, SAME_PLEDGE_DAYS + 1)
            near = (pledge.made_on + timedelta(days=shift) for shift in window)
            found = [n for day in (*near, None) for n in days.get(day, ())]
        return sorted(found)


def _when(pledge: Pledge) -> tuple[date, str]:
    return pledge.made_on or date.max, pledge.id


def _retold_placeless(pledge: Pledge) -> bool:
    return pledge.kind in RETOLD_WITHOUT_PLACE and not pledge.scope_places


def _with_places(group: list[Pledge]) -> list[Pledge]:
    """The group canonical first (the earliest mention with a place), each placeless
    retelling given the canonical's places."""
    canonical = next((p for p in group if p.scope_places), group[0])
    rest = [
        replace(p, scope_places=canonical.scope_places) if _retold_placeless(p) else p
        for p in group
        if p is not canonical
    ]
    return [canonical, *rest]


def _same_pledge(a: Pledge, b: Pledge, radius_km: float | None) -> bool:
    if a.kind is not b.kind or a.event.type is not b.event.type:
        return False
    if (a.actor.country if a.actor else None) != (b.actor.country if b.actor else None):
        return False
    if a.made_on and b.made_on and abs((a.made_on - b.made_on).days) > SAME_PLEDGE_DAYS:
        return False
    km = radius_km if radius_km is not None else a.scope_radius_km
    if _retold_placeless(b) and a.scope_places:
        return True
    if not a.scope_places or not b.scope_places:
        return not a.scope_places and not b.scope_places
    return _close(a.scope_places, b.scope_places, km)
