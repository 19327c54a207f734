"""Store methods for near-duplicate signatures."""

from __future__ import annotations

from saydo.store import Store


def test_signatures_round_trip_and_bands_find_candidates(store: Store) -> None:
    minhash = (1, 2**32 - 1, 0, 77)
    assert store.signature("a") is None
    assert store.add_signature("a", minhash, ("0:x", "1:y"))
    assert not store.add_signature("a", (9, 9, 9, 9), ("0:z",))  # first kept
    assert store.signature("a") == (minhash, None)
    assert store.add_signature("b", (5, 5, 5, 5), ("1:y", "1:y", "2:w"), duplicate_of="a")
    assert store.add_signature("c", (6, 6, 6, 6), ("3:q",))
    assert store.find_similar(("1:y", "0:x")) == ["a", "b"]
    assert store.find_similar(("2:w",)) == ["b"]
    assert store.find_similar(()) == []
    assert store.find_similar(("nope",)) == []
    assert store.signature("b") == ((5, 5, 5, 5), "a")
    assert store.duplicate_groups() == {"a": ["b"]}
