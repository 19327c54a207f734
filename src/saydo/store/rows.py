"""Records to table rows and back.

The indexed columns are derived from the record; ``data`` holds the record itself, and
reading uses ``data`` alone (articles add their ``text`` column back).
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from saydo.codec import dumps, from_dict, loads, to_dict
from saydo.domain import Article, Event, Extraction, Place, Pledge, Statement, Verdict

Row = dict[str, Any]


def article_row(article: Article, now: datetime) -> Row:
    data = to_dict(article)
    del data["text"]  # stored once, in its own column
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "duplicate_of": article.duplicate_of,
        "text": article.text,
        "ingested_at": now,
        "data": json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False),
    }


def article_from_row(data: str, text: str) -> Article:
    fields: Mapping[str, Any] = json.loads(data)
    return from_dict(Article, {**fields, "text": text})


def extraction_row(extraction: Extraction, now: datetime) -> Row:
    # The records with tables of their own are left out of ``data``.
    rest = dataclasses.replace(extraction, statements=(), events=(), pledges=())
    return {
        "article_id": extraction.article_id,
        "pipeline": extraction.pipeline,
        "extracted_at": now,
        "data": dumps(rest),
    }


def extraction_from_rows(
    data: str, statements: list[Statement], events: list[Event], pledges: list[Pledge]
) -> Extraction:
    rest = loads(Extraction, data)
    return dataclasses.replace(
        rest, statements=tuple(statements), events=tuple(events), pledges=tuple(pledges)
    )


def statement_row(statement: Statement, article_id: str, seq: int) -> Row:
    speaker = statement.speaker
    return {
        "id": statement.id,
        "article_id": article_id,
        "seq": seq,
        "speaker_name": speaker.name if speaker else None,
        "speaker_country": speaker.country if speaker else None,
        "kind": statement.kind.value,
        "start": statement.provenance.start,
        "end_": statement.provenance.end,
        "data": dumps(statement),
    }


def event_row(event: Event, article_id: str, seq: int) -> Row:
    lat, lon = _coordinates(event)
    return {
        "id": event.id,
        "article_id": article_id,
        "seq": seq,
        "type": event.type.value,
        "actor_name": event.actor.name if event.actor else None,
        "actor_country": event.actor.country if event.actor else None,
        "recipient_country": event.recipient.country if event.recipient else None,
        "modality": event.modality.value,
        "reporter_side": event.reporter_side,
        "event_date": _event_date(event),
        "lat": lat,
        "lon": lon,
        "statement_id": event.statement_id,
        "data": dumps(event),
        "day": event_day(event),
    }


def event_day(event: Event) -> date | None:
    """The day the event counts for when pledges are judged: saydo.link.event_date
    without its fallback to the publication date, which queries join in instead."""
    if event.time is None:
        return None
    return event.time.end or event.time.start


def _event_date(event: Event) -> date | None:
    # The start of the interval the event's time denotes; undated events stay NULL
    # rather than borrowing the publication date, which is a different fact.
    return event.time.start if event.time else None


def _coordinates(event: Event) -> tuple[float | None, float | None]:
    """The first place with usable coordinates, for map queries."""
    for place in event.places:
        if _finite(place.lat) and _finite(place.lon):
            return place.lat, place.lon
    return None, None


def _finite(value: float | None) -> bool:
    # SQLite turns NaN into NULL while PostgreSQL keeps it; neither is a place.
    return value is not None and math.isfinite(value)


def event_place_rows(events: Sequence[Event], article_id: str, published: date | None) -> list[Row]:
    """The ``event_places`` rows of an article's events (see schema.event_places).

    Rows are a superset of what the linker can place an event at: every sentence
    sibling's places are lent to a place-less event, whatever its type, and the linker
    decides which of them count.
    """
    by_sentence: dict[str, list[Place]] = {}
    for event in events:
        by_sentence.setdefault(event.provenance.sentence, []).extend(event.places)
    found: list[Row] = []
    for event in events:
        day = event_day(event)
        if day is None and published is None:
            continue  # the linker cannot date it: it is never evidence
        own = bool(event.places)
        places = (
            event.places if own else tuple(dict.fromkeys(by_sentence[event.provenance.sentence]))
        )
        base = {
            "event_id": event.id,
            "article_id": article_id,
            "type": event.type.value,
            "side": event.actor.country if event.actor else None,
            "day": day or published,
            "dated": day is not None,
        }
        for n, place in enumerate(places):
            if _finite(place.lat) and _finite(place.lon):
                found.append(
                    {**base, "idx": n if own else -1 - n, "lat": place.lat, "lon": place.lon}
                )
    return found


def pledge_row(pledge: Pledge, article_id: str, seq: int) -> Row:
    actor = pledge.actor
    return {
        "id": pledge.id,
        "article_id": article_id,
        "seq": seq,
        "kind": pledge.kind.value,
        "actor_country": actor.country if actor else None,
        "made_on": pledge.made_on,
        "window_end": pledge.window_end,
        "event_id": pledge.event.id,
        "data": dumps(pledge),
    }


def article_search_row(article: Article) -> Row:
    return {
        "kind": "article",
        "record_id": article.id,
        "article_id": article.id,
        "title": article.title,
        "body": article.text,
    }


def statement_search_row(statement: Statement, article_id: str) -> Row:
    return {
        "kind": "statement",
        "record_id": statement.id,
        "article_id": article_id,
        "title": statement.speaker.name if statement.speaker else statement.speaker_text,
        "body": statement.content,
    }


def verdict_row(verdict: Verdict, now: datetime) -> Row:
    return {
        "pledge_id": verdict.pledge_id,
        "label": verdict.label.value,
        "reason": verdict.reason,
        "one_sided": verdict.one_sided,
        "updated_at": now,
        "data": dumps(verdict),
    }
