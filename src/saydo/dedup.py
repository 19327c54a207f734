"""Near-duplicate articles: the same wire story republished with small edits.

Each article gets a MinHash signature over its word 3-shingles; locality-sensitive
hashing cuts the signature into bands, and articles sharing a band are candidates,
confirmed when their signatures agree closely enough (an estimate of the Jaccard
similarity of their shingle sets). A duplicate points at the first-seen copy of its
story, so that its events are not counted as an independent report.

Signatures are kept in the store, so a story seen last week is still recognised;
:class:`MemoryIndex` keeps them in memory instead, for one-off counts.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from saydo.domain import Article

PERMUTATIONS = 128
# The lead (headline and first words) gets a signature of its own, over single
# words: channels and press offices repeat a long footer under every item, so two
# different items can share most of their text and still differ in what they lead on.
LEAD_WORDS = 16
LEAD_PERMUTATIONS = 32
ROWS_PER_BAND = 4  # 32 bands: pairs above ~0.45 similarity meet in some band
SHINGLE_WORDS = 3
# Below this many words a text is a headline or a caption; two of them share most
# of their shingles by chance, and are not a story to deduplicate.
MIN_WORDS = 12
# Share of agreeing MinHash values (≈ Jaccard of the shingle sets) that makes a
# duplicate: a story with a sentence rewritten stays well above it, two stories on
# the same event from different desks well below.
THRESHOLD = 0.75
LEAD_THRESHOLD = 0.75

_WORD = re.compile(r"\w+")
# Links and handles are footers ("Subscribe: http://…"), not the story.
_LINK = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|ly)/\S*|@\w+", re.IGNORECASE)
# Multiply-shift hashing: h(x) = (a·x + b) mod 2^64, top 32 bits; a odd. Fixed seeds,
# so that signatures stored by one run match those of the next.
_rng = np.random.default_rng(20220330)
_SIZE = PERMUTATIONS + LEAD_PERMUTATIONS
_A = _rng.integers(1, 2**63, size=_SIZE, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=_SIZE, dtype=np.uint64)
_SHIFT = np.uint64(32)

MinHash = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Signature:
    minhash: MinHash
    bands: tuple[str, ...]


class SignatureIndex(Protocol):
    """Where signatures are kept: :class:`saydo.store.Store`, or a MemoryIndex."""

    def find_similar(self, bands: tuple[str, ...]) -> list[str]: ...

    def signature(self, article_id: str) -> tuple[MinHash, str | None] | None: ...

    def add_signature(
        self, article_id: str, minhash: MinHash, bands: tuple[str, ...], duplicate_of: str | None
    ) -> bool: ...


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text, None when it is too short to compare.

    Its first PERMUTATIONS values are the text's, over word 3-shingles; the rest,
    the lead's, over its first LEAD_WORDS words.
    """
    words = _WORD.findall(_LINK.sub(" ", text).casefold())
    if len(words) < MIN_WORDS:
        return None
    last = len(words) - SHINGLE_WORDS + 1
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(last)}
    body = _minhash(shingles, slice(0, PERMUTATIONS))
    lead = _minhash(set(words[:LEAD_WORDS]), slice(PERMUTATIONS, _SIZE))
    return Signature(body + lead, _bands(body))


def _minhash(items: set[str], seeds: slice) -> MinHash:
    hashes = np.fromiter((_hash64(s) for s in items), dtype=np.uint64, count=len(items))
    # (items × permutations), then the least per permutation.
    permuted: npt.NDArray[np.uint64] = (np.outer(hashes, _A[seeds]) + _B[seeds]) >> _SHIFT
    return tuple(int(v) for v in permuted.min(axis=0))


def similarity(first: MinHash, second: MinHash) -> float:
    """The estimated Jaccard similarity of two texts' shingle sets."""
    return _agreement(first[:PERMUTATIONS], second[:PERMUTATIONS])


def lead_similarity(first: MinHash, second: MinHash) -> float:
    """The estimated Jaccard similarity of the words of two texts' leads."""
    return _agreement(first[PERMUTATIONS:], second[PERMUTATIONS:])


def is_duplicate(first: MinHash, second: MinHash) -> bool:
    return (
        similarity(first, second) >= THRESHOLD and lead_similarity(first, second) >= LEAD_THRESHOLD
    )


def _agreement(first: MinHash, second: MinHash) -> float:
    if len(first) != len(second) or not first:
        return 0.0
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def find_duplicate(index: SignatureIndex, article: Article) -> str | None:
    """The id of the first-seen article ``article`` near-duplicates, else None.

    Records the article's signature as a side effect, so call it once per article,
    in the order articles arrive; calling it again for the same article returns the
    same answer. An article too short to compare is never a duplicate.
    """
    known = index.signature(article.id)
    if known is not None:
        return known[1]
    return _record(index, article.id, signature(article.text))


def find_duplicate_signed(
    index: SignatureIndex, article_id: str, sig: Signature | None
) -> str | None:
    """As :func:`find_duplicate`, with the article's signature already computed (by
    the worker that parsed it: the text is there, and the writer's time is not)."""
    known = index.signature(article_id)
    if known is not None:
        return known[1]
    return _record(index, article_id, sig)


def _record(index: SignatureIndex, article_id: str, sig: Signature | None) -> str | None:
    if sig is None:
        return None
    original = _first_similar(index, article_id, sig)
    index.add_signature(article_id, sig.minhash, sig.bands, original)
    return original


def _first_similar(index: SignatureIndex, article_id: str, sig: Signature) -> str | None:
    for candidate in index.find_similar(sig.bands):
        if candidate == article_id:
            continue
        stored = index.signature(candidate)
        if stored is None:
            continue
        minhash, its_original = stored
        if is_duplicate(sig.minhash, minhash):
            # Point at the story's first copy, not at a copy of it: groups stay stars.
            return its_original or candidate
    return None


def _hash64(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def _bands(minhash: MinHash) -> tuple[str, ...]:
    bands = []
    for start in range(0, len(minhash), ROWS_PER_BAND):
        rows = minhash[start : start + ROWS_PER_BAND]
        digest = hashlib.blake2b(repr(rows).encode("ascii"), digest_size=8).hexdigest()
        bands.append(f"{start // ROWS_PER_BAND}:{digest}")
    return tuple(bands)


@dataclass
class MemoryIndex:
    """Signatures in memory, in the order they were added."""

    _signatures: dict[str, tuple[MinHash, str | None]] = field(default_factory=dict)
    _bands: dict[str, list[str]] = field(default_factory=dict)

    def find_similar(self, bands: tuple[str, ...]) -> list[str]:
        found = {article_id for band in bands for article_id in self._bands.get(band, [])}
        order = {article_id: n for n, article_id in enumerate(self._signatures)}
        return sorted(found, key=order.__getitem__)

    def signature(self, article_id: str) -> tuple[MinHash, str | None] | None:
        return self._signatures.get(article_id)

    def add_signature(
        self, article_id: str, minhash: MinHash, bands: tuple[str, ...], duplicate_of: str | None
    ) -> bool:
        if article_id in self._signatures:
            return False
        self._signatures[article_id] = (minhash, duplicate_of)
        for band in bands:
            self._bands.setdefault(band, []).append(article_id)
        return True

    def groups(self) -> dict[str, list[str]]:
        """Each first-seen article that has duplicates, with their ids."""
        groups: dict[str, list[str]] = {}
        for article_id, (_, original) in self._signatures.items():
            if original is not None:
                groups.setdefault(original, []).append(article_id)
        return groups
