"""What the tagger finds: an expression's characters in the text and its reading."""

from __future__ import annotations

from dataclasses import dataclass

from saydo.domain import TimeExpr


@dataclass(frozen=True, slots=True)
class FoundTime:
    """A tagged expression: its characters in the text and its normalised reading."""

    start: int
    end: int
    time: TimeExpr
