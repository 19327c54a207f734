"""The store's near-duplicate index as an ingest uses it: read a batch at a time,
written with the batch's articles.

Deduplication asks three things of the index for every article: has it a signature
already, which articles share one of its bands, and what are their signatures. Asked
of the store, that was a few queries an article, all on the one process that also
writes; :meth:`PendingSignatures.prefetch` asks them once for a whole batch.
"""

from __future__ import annotations

from collections.abc import Sequence

from saydo.dedup import MinHash, Signature
from saydo.store import Store
from saydo.store.store import Batch

Held = tuple[MinHash, str | None]


class PendingSignatures:
    """The store's near-duplicate index, with the signatures of articles read but not
    yet written kept in memory until their batch is, so that deduplication costs no
    commit of its own. Signatures held here are newer than any in the store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pending: dict[str, tuple[MinHash, tuple[str, ...], str | None]] = {}
        # What the store held when the batch began: bands asked for, their members
        # (order seen, id), and the signatures of those members and of the batch.
        self._bands: dict[str, list[tuple[int, str]]] = {}
        self._asked_bands: set[str] = set()
        self._stored: dict[str, Held] = {}
        self._asked_ids: set[str] = set()

    def prefetch(self, signed: Sequence[tuple[str, Signature | None]]) -> None:
        """Read, in a query or two, what deduplicating these articles will ask."""
        bands = sorted({band for _, sig in signed if sig is not None for band in sig.bands})
        self._bands = self._store.band_members(bands)
        self._asked_bands = set(bands)
        members = {article_id for held in self._bands.values() for _, article_id in held}
        ids = sorted(members | {article_id for article_id, _ in signed})
        self._stored = self._store.signatures(ids)
        self._asked_ids = set(ids)

    def find_similar(self, bands: tuple[str, ...]) -> list[str]:
        stored = self._stored_similar(bands)
        wanted = set(bands)
        known = set(stored)
        pending = [
            article_id
            for article_id, (_, its_bands, _) in self._pending.items()
            if wanted.intersection(its_bands) and article_id not in known
        ]
        return stored + pending  # dicts keep insertion order: first seen first

    def _stored_similar(self, bands: tuple[str, ...]) -> list[str]:
        if not self._asked_bands.issuperset(bands):
            return self._store.find_similar(bands)
        seen = {member for band in bands for member in self._bands.get(band, [])}
        return [article_id for _, article_id in sorted(seen)]

    def signature(self, article_id: str) -> Held | None:
        held = self._pending.get(article_id)
        if held is not None:
            return held[0], held[2]
        if article_id in self._asked_ids:
            return self._stored.get(article_id)
        return self._store.signature(article_id)

    def add_signature(
        self,
        article_id: str,
        minhash: MinHash,
        bands: tuple[str, ...],
        duplicate_of: str | None,
    ) -> bool:
        if self.signature(article_id) is not None:
            return False
        self._pending[article_id] = (minhash, bands, duplicate_of)
        return True

    def flush(self, batch: Batch) -> None:
        """Write every pending signature in ``batch``'s transaction."""
        batch.add_signatures(
            [
                (article_id, minhash, bands, original)
                for article_id, (minhash, bands, original) in self._pending.items()
            ]
        )

    def clear(self) -> None:
        """Forget what :meth:`flush` wrote, once its transaction is committed, and
        what was read for the batch: the store has moved on."""
        self._pending.clear()
        self._bands, self._asked_bands = {}, set()
        self._stored, self._asked_ids = {}, set()
