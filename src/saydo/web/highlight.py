"""Cut an article's text into segments, each tagged with what covers it.

Spans overlap (a place inside a quote inside a sentence that reports an event), so the
text is cut at every span boundary and each piece carries the set of kinds over it; the
template then writes each piece as one escaped ``<span>``, and nesting never matters.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from saydo.domain import Extraction

KINDS = ("statement", "event", "actor", "place", "time")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    ref: str  # the record id, or the name, that the span stands for


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...]
    refs: tuple[str, ...]


def spans(text: str, extraction: Extraction) -> list[Span]:
    found: list[Span] = []
    for statement in extraction.statements:
        found.append(
            Span(statement.provenance.start, statement.provenance.end, "statement", statement.id)
        )
    for event in extraction.events:
        found.append(Span(event.provenance.start, event.provenance.end, "event", event.id))
    for place in extraction.places:
        if place.provenance is not None:
            found.append(Span(place.provenance.start, place.provenance.end, "place", place.name))
    for time in extraction.times:
        if time.provenance is not None:
            found.append(
                Span(time.provenance.start, time.provenance.end, "time", time.value or time.text)
            )
    found.extend(_actor_spans(text, extraction))
    return [s for s in found if 0 <= s.start < s.end <= len(text)]


def _actor_spans(text: str, extraction: Extraction) -> list[Span]:
    # Actors carry no span of their own: mark where their name or an alias stands.
    found: list[Span] = []
    for actor in extraction.actors:
        for name in {actor.name, *actor.aliases}:
            if len(name) < 3:
                continue
            for match in re.finditer(rf"\b{re.escape(name)}\b", text):
                found.append(Span(match.start(), match.end(), "actor", actor.name))
    return found


def segments(text: str, marked: list[Span]) -> list[Segment]:
    cuts = sorted({0, len(text), *(s.start for s in marked), *(s.end for s in marked)})
    pieces: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        over = [s for s in marked if s.start <= start and end <= s.end]
        kinds = tuple(k for k in KINDS if any(s.kind == k for s in over))
        refs = tuple(dict.fromkeys(s.ref for s in over))
        pieces.append(Segment(text[start:end], kinds, refs))
    return pieces
