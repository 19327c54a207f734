"""Which sentences may announce a way out, decided on the document's arrays at once.

:func:`saydo.extract.truce_passage.passage_in` reads a sentence only through a word that
names a way out (its ``_way_out``): a corridor's noun, a vehicle, a word of quiet, or a
verb of halting, of (not) attacking, of leaving or of moving people. Each is tested as
the word's lowercased form or lemma, so a sentence holding none of these words announces
nothing, and is not read at all. Most sentences of ordinary news hold none, and reading
them cost a tenth of all extraction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from saydo.extract.truce_passage_words import (
    ATTACKING_WORDS,
    HALTING_WORDS,
    LEAVING_VERBS,
    MOVEMENT_NOUNS,
    MOVING_VERBS,
    QUIET_WORDS,
    VEHICLE_NOUNS,
    WAY_NOUNS,
)

WAY_OUT_WORDS = (
    WAY_NOUNS
    | VEHICLE_NOUNS
    | QUIET_WORDS
    | HALTING_WORDS
    | ATTACKING_WORDS
    | LEAVING_VERBS
    | MOVEMENT_NOUNS
    | MOVING_VERBS
)

# Whether each string (by its hash, the same in any vocabulary) is a way-out word.
_KNOWN: dict[int, bool] = {}
_KNOWN_LIMIT = 1 << 18


def way_out_sentences(doc: Doc, sents: Sequence[Span]) -> list[bool]:
    """For each of ``sents`` (of ``doc``), whether it holds a word that may name a way out."""
    if not sents:
        return []
    table = doc.to_array([LOWER, LEMMA])
    keys, where = np.unique(table.ravel(order="F"), return_inverse=True)
    hits = np.fromiter(
        (_is_way_out_word(key, doc.vocab.strings) for key in keys.tolist()),
        dtype=bool,
        count=len(keys),
    )
    length = len(doc)
    marked = hits[where[:length]] | hits[where[length:]]
    before = np.concatenate(([0], np.cumsum(marked)))
    return [bool(before[s.end] > before[s.start]) for s in sents]


def _is_way_out_word(key: int, strings: StringStore) -> bool:
    known = _KNOWN.get(key)
    if known is None:
        if len(_KNOWN) >= _KNOWN_LIMIT:
            _KNOWN.clear()  # months of feeds in one process: start afresh
        known = _KNOWN[key] = strings[key].lower() in WAY_OUT_WORDS
    return known
