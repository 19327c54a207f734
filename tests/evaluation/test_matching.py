from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from saydo.evaluation.matching import max_matching

Sets = st.lists(st.frozensets(st.integers(0, 12), min_size=1, max_size=6), max_size=6)


def _overlap(p: frozenset[int], g: frozenset[int]) -> bool:
    return bool(p & g)


def _jaccard(p: frozenset[int], g: frozenset[int]) -> float:
    return len(p & g) / len(p | g)


def test_the_preferred_pairs_are_the_closest_ones() -> None:
    predictions = [frozenset({1, 2, 3, 4})]
    gold = [frozenset({4, 5, 6}), frozenset({1, 2, 3, 4, 5})]
    assert max_matching(predictions, gold, _overlap) == {0: 0}
    assert max_matching(predictions, gold, _overlap, prefer=_jaccard) == {0: 1}


def test_a_close_pair_is_not_taken_by_a_looser_earlier_one() -> None:
    predictions = [frozenset({1, 2, 3, 9}), frozenset({1, 2, 3})]
    gold = [frozenset({1, 2, 3})]
    assert max_matching(predictions, gold, _overlap, prefer=_jaccard) == {1: 0}


@given(Sets, Sets)
def test_preferring_never_costs_a_pair(
    predictions: list[frozenset[int]], gold: list[frozenset[int]]
) -> None:
    plain = max_matching(predictions, gold, _overlap)
    preferred = max_matching(predictions, gold, _overlap, prefer=_jaccard)
    assert len(preferred) == len(plain)
    assert len(set(preferred.values())) == len(preferred)
    assert all(_overlap(predictions[p], gold[g]) for p, g in preferred.items())
