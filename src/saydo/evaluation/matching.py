"""Matching predictions to gold items: text folding and maximum bipartite matching."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")

_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"}
)


def fold(text: str) -> str:
    """Case, quote marks, apostrophes and white space made equal."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()


def max_matching(
    predictions: Sequence[P],
    gold: Sequence[G],
    fits: Callable[[P, G], bool],
    prefer: Callable[[P, G], float] | None = None,
) -> dict[int, int]:
    """A maximum one-to-one matching {prediction index: gold index} (augmenting paths).

    With ``prefer``, each prediction tries its closest gold items first, and the
    predictions with the closest fits claim theirs first: of the maximum matchings,
    one that pairs like with like, not whichever the file order gives.
    """
    edges = [[g for g, item in enumerate(gold) if fits(p, item)] for p in predictions]
    order = list(range(len(predictions)))
    if prefer is not None:
        weight = {(p, g): prefer(predictions[p], gold[g]) for p in order for g in edges[p]}
        for p in order:
            edges[p].sort(key=functools.partial(_negated, weight, p))
        order.sort(key=lambda p: -max((weight[p, g] for g in edges[p]), default=0.0))
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in order:
        augment(p, set())
    return {p: g for g, p in owner.items()}


def _negated(weight: dict[tuple[int, int], float], p: int, g: int) -> float:
    return -weight[p, g]


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    predicted: int
    required: int
    found_required: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.predicted + other.predicted,
            self.required + other.required,
            self.found_required + other.found_required,
        )


def score_groups(
    matching: dict[int, int], predicted: int, gold: Sequence[dict[str, object]]
) -> Score:
    """Precision over predictions; recall over required groups (``same_as`` joins a group)."""
    group_of = {n: str(item.get("same_as") or item.get("id") or n) for n, item in enumerate(gold)}
    required = {
        group_of[n]
        for n, item in enumerate(gold)
        if not item.get("optional") and not item.get("same_as")
    }
    found = {group_of[g] for g in matching.values()}
    return Score(len(matching), predicted, len(required), len(required & found))
