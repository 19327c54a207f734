"""Which sentences any truce-outcome reader could read, decided before it reads them.

Ordinary news seldom speaks of a corridor, yet every reader walks every verb of every
sentence. Each reader only ever reads a sentence through a verb of its own classes
*and* some other word the reading needs: a mover ("buses", "1,526 people"), the truce
("corridor"), a town named, a munition. The rules below pair each reader's verbs with
the words it cannot read without; a sentence with no rule met gives that reader
nothing, and is not handed to it.

The rules are built from the very word classes the readers test, read as forms or as
lemmas, so they only ever let through more than a reader reads, never less. They are
checked on arrays of the whole document at once: a Token is never made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LIKE_NUM, LOWER, POS
from spacy.strings import StringStore
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from saydo.extract.outcome_lexicon import (
    BACK_WORDS,
    CARRYING_WORDS,
    CEASEFIRE_WORDS,
    DENYING_WORDS,
    EVACUATING,
    EXIT_VERBS,
    FIGHTING_VERBS,
    MOVER_WORDS,
    NEGATION_WORDS,
    OBSERVING_VERBS,
    ONGOING_VERBS,
    OUT_PARTICLES,
    OUT_VERBS,
    PASSING_VERBS,
    PLACE_NOUNS,
    RECEIVING_VERBS,
    SENT_IN,
    STAYING_VERBS,
    STOP_VERBS,
    WENT_VERBS,
)
from saydo.extract.outcome_words import (
    AGAINST_TRUCE_WORDS,
    ARRIVING_VERBS,
    ATTEMPT_NOUNS,
    BLAMING_VERBS,
    BLOCK_VERBS,
    BREAKING_VERBS,
    COUNTING_WORDS,
    EMPTY_LEAVING_VERBS,
    EMPTY_WORDS,
    EVACUATING_VERBS,
    FAILURE_STATES,
    FIRE_VERBS,
    FORCING_GOVERNORS,
    GOING_OUT_VERBS,
    GOING_VERBS,
    HOSTILITY_NOUNS,
    LANDING_VERBS,
    LEFT_PLACE_NOUNS,
    MUNITION_NOUNS,
    OBSTRUCTING_VERBS,
    ONSET_VERBS,
    PARTICLE_MOVES,
    PEOPLE_WORDS,
    PERMIT_VERBS,
    PHRASAL_FAILURES,
    PLACE_LABELS,
    REACHING_VERBS,
    RETURN_WORDS,
    RETURNING_VERBS,
    ROUTE_WORDS,
    SENDING_BACK_VERBS,
    STUCK_VERBS,
    TAKING_OUT_VERBS,
    TOWN_HOSTILITY_VERBS,
    TRAVELLER_WORDS,
    TRUCE_OR_ROUTE,
    TRUCE_WORDS,
    TURNED_BACK_WORDS,
    VEHICLE_WORDS,
    WENT_ON_VERBS,
)

# Marks a token carries besides its words, spelled so that no word can be one.
NUMBER = "<number>"  # "3,000 were evacuated": a count that moves or travels
COUNTED = "<counted>"  # "Thousands fled": a count with a verb after it
PLACE = "<place>"  # a named town, region or site
NEGATION = "<negation>"  # a word the parse takes for a negation

Words = frozenset[str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A reader reads a sentence only with a word of ``verbs`` and one of each ``needs``."""

    verbs: Words
    needs: tuple[Words, ...]


def _naming_truce(verbs: Words, *needs: Words) -> tuple[Rule, Rule]:
    """A reading that needs the truce named, as
    :func:`saydo.extract.outcome_grammar.names_truce` finds it: by a word of the truce or
    its route, or by an attempt told of people, a team or a way out."""
    return (
        Rule(verbs, (TRUCE_OR_ROUTE, *needs)),
        Rule(verbs, (ATTEMPT_NOUNS, ATTEMPT_TOLD, *needs)),
    )


ATTEMPT_TOLD = TURNED_BACK_WORDS | PEOPLE_WORDS | GOING_OUT_VERBS | TAKING_OUT_VERBS
# Who travels, as :func:`saydo.extract.outcome_grammar.travels` finds the subject.
TRAVELS = TRAVELLER_WORDS | TRUCE_WORDS | {NUMBER}
# A turned-back subject: one that travels, or a team or vehicle sent in.
SENT_FOR = TRAVELS | TURNED_BACK_WORDS
# A clause told as failed or denied: "did not", "no buses", "unable to", "denied".
NEGATING = NEGATION_WORDS | DENYING_WORDS | FAILURE_STATES | {"fail", "refuse", NEGATION}
# Where people get out from or to.
PLACED = PLACE_NOUNS | {PLACE}

# What :func:`saydo.extract.outcome_lexical.lexical_readings` reads a clause by, a rule
# a reading; each needs what the reader asks of the whole sentence first, a truce or
# someone moving (its other movers count only where the truce is named, which is here).
DAY = TRUCE_WORDS | EVACUATING | MOVER_WORDS | SENT_IN | {"one", COUNTED}
STOPPING = FAILURE_STATES | set(PHRASAL_FAILURES) | {"hold", "turn", "send"} | DENYING_WORDS
GOING_BACK = RETURNING_VERBS | {"return", "go", "turn", "drive"}
LEXICAL_RULES = (
    Rule(STOPPING | STUCK_VERBS | STOP_VERBS, (DAY,)),  # _stops
    Rule(PASSING_VERBS | OUT_VERBS, (DAY, NEGATING)),  # _gets_through, failed
    # _exits: from or to a place, a passive arrival, "out", "to" a place
    Rule(EXIT_VERBS, (DAY, PLACED | TRUCE_WORDS | ROUTE_WORDS)),
    Rule(EXIT_VERBS, (DAY, CARRYING_WORDS, PEOPLE_WORDS)),  # _aboard
    Rule(RECEIVING_VERBS, (DAY,)),
    Rule(OUT_VERBS, (DAY, OUT_PARTICLES)),
    Rule(OUT_VERBS, (DAY, frozenset({"to", "into", "towards"}), PLACED)),
    # _returns: back, and empty, made to, negated or carrying
    Rule(GOING_BACK, (DAY, BACK_WORDS | {"return"}, EMPTY_WORDS | FORCING_GOVERNORS | NEGATING)),
    Rule(GOING_BACK, (DAY, BACK_WORDS | {"return"}, CARRYING_WORDS)),
    Rule(STAYING_VERBS, (VEHICLE_WORDS | SENT_IN,)),  # _stayed
    Rule(OBSERVING_VERBS, (CEASEFIRE_WORDS, DAY)),  # _truce_observed
    Rule(WENT_VERBS, (TRUCE_WORDS,)),  # _truce_went
    Rule(
        FIRE_VERBS | FIGHTING_VERBS | ONGOING_VERBS | {"open", "under"},
        (TRUCE_WORDS | EVACUATING | ROUTE_WORDS, DAY),
    ),  # _hostile
    Rule(frozenset({"use"}), (TRUCE_WORDS,)),  # _abused, _used
)

# What the parse-based readers of :mod:`saydo.extract.outcomes` need.
BACK = RETURN_WORDS | {"return"}
WENT_BACK = RETURNING_VERBS | GOING_OUT_VERBS | {"return"}
PARSED_RULES = (
    # _went_back: back empty, made to go back, back full
    Rule(WENT_BACK, (BACK, EMPTY_WORDS, TRAVELS)),
    Rule(WENT_BACK, (BACK, SENT_FOR, FORCING_GOVERNORS)),
    Rule(WENT_BACK, (BACK, VEHICLE_WORDS)),
    Rule(EMPTY_LEAVING_VERBS, (EMPTY_WORDS, TRAVELS)),  # _went_empty
    # _outcome: the truce's own verbs, read only when the sentence names it
    *_naming_truce(
        FIRE_VERBS | {"open", "come"} | BLOCK_VERBS | set(PHRASAL_FAILURES) | PERMIT_VERBS
    ),
    *_naming_truce(
        GOING_VERBS | ARRIVING_VERBS | GOING_OUT_VERBS | set(PARTICLE_MOVES) | EVACUATING_VERBS
    ),
    # _got_out: turned back; back empty or full; people got out of a town or to safety
    Rule(SENDING_BACK_VERBS, (RETURN_WORDS, SENT_FOR)),
    Rule(RETURNING_VERBS, (EMPTY_WORDS, TRAVELS)),
    Rule(RETURNING_VERBS, (VEHICLE_WORDS,)),
    Rule(
        TAKING_OUT_VERBS | GOING_OUT_VERBS | {"make"},
        (
            PEOPLE_WORDS | VEHICLE_WORDS | {"nobody", "one"},
            LEFT_PLACE_NOUNS | {PLACE, "safety", "safe"},
        ),
    ),
    Rule(OBSTRUCTING_VERBS | STUCK_VERBS, (TRAVELLER_WORDS | VEHICLE_WORDS,)),  # _obstructed
    Rule(TOWN_HOSTILITY_VERBS | {"come"}, (frozenset({PLACE}),)),  # _town_hit
    Rule(REACHING_VERBS | {"make"}, (TURNED_BACK_WORDS | {"bus"},)),  # _failed_to_reach
    Rule(ONSET_VERBS, (HOSTILITY_NOUNS,)),  # _fire_resumed
    *_naming_truce(BREAKING_VERBS, AGAINST_TRUCE_WORDS),  # _against_truce
    *_naming_truce(frozenset({"use"})),  # _used_truce
    Rule(LANDING_VERBS, (MUNITION_NOUNS,)),  # _shells_landed
    Rule(WENT_ON_VERBS, (BREAKING_VERBS,)),  # _kept_firing
)

# What :func:`saydo.extract.outcome_blame.charges` needs: blame, of a truce's day.
CHARGE_RULES = (Rule(BLAMING_VERBS, (TRUCE_WORDS | PEOPLE_WORDS,)),)


@dataclass(frozen=True, slots=True)
class Readers:
    """Which readers a sentence may give something to."""

    lexical: bool
    parsed: bool
    charges: bool

    @property
    def any(self) -> bool:
        return self.lexical or self.parsed or self.charges


def _classes() -> tuple[Words, ...]:
    """Every distinct word class the rules test, each to be one bit; and the counting
    words, which make a count of movers with a verb after them."""
    rules = (*LEXICAL_RULES, *PARSED_RULES, *CHARGE_RULES)
    found = dict.fromkeys(words for rule in rules for words in (rule.verbs, *rule.needs))
    return (*found, COUNTING_WORDS)


CLASSES = _classes()
BIT = {words: 1 << at for at, words in enumerate(CLASSES)}
if len(CLASSES) > 63:
    raise RuntimeError("the gate's word classes no longer fit one 64-bit mask")


def _word_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for words, bit in BIT.items():
        for word in words:
            table[word] = table.get(word, 0) | bit
    return table


_WORD_BITS = _word_table()


def _word_bits(word: str) -> int:
    """The classes a word is of, as the readers test it: lowercased, form or lemma."""
    return _WORD_BITS.get(word.lower(), 0)


Table = tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]


class _KnownWords:
    """The classes of every string hash seen so far, sorted by hash: a document's words
    are looked up all at once, and each word is read as a string only the first time (a
    hash is the same string's in any vocabulary). Hashes and classes are one tuple,
    replaced whole, so that a thread never reads one without the other."""

    limit = 1 << 18

    def __init__(self) -> None:
        empty = np.zeros(0, dtype=np.uint64)
        self.table: Table = (empty, empty)

    def bits_of(self, keys: npt.NDArray[np.uint64], strings: StringStore) -> npt.NDArray[np.uint64]:
        """The classes of each of ``keys`` (sorted, unique)."""
        table = self.table
        at, known = _find(table[0], keys)
        if known.all():
            return table[1][at]
        if len(table[0]) + len(keys) > self.limit:
            # start afresh from this document's words, all of which are then learnt
            table, known = (table[0][:0], table[1][:0]), np.zeros(len(keys), dtype=bool)
        table = self._learn(table, keys[~known], strings)
        at, _ = _find(table[0], keys)
        return table[1][at]

    def _learn(self, table: Table, keys: npt.NDArray[np.uint64], strings: StringStore) -> Table:
        bits = np.fromiter(
            (_word_bits(strings[key]) for key in keys.tolist()), dtype=np.uint64, count=len(keys)
        )
        # ``keys`` come sorted: each goes in at its place
        at = np.searchsorted(table[0], keys)
        self.table = (np.insert(table[0], at, keys), np.insert(table[1], at, bits))
        return self.table


def _find(
    known: npt.NDArray[np.uint64], keys: npt.NDArray[np.uint64]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.bool_]]:
    """Where each of ``keys`` is in ``known`` (sorted), and whether it is there."""
    if not len(known):
        return np.zeros(len(keys), dtype=np.intp), np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return at, known[at] == keys


_KNOWN = _KnownWords()
_MARK_BITS = {mark: np.uint64(_word_bits(mark)) for mark in (NUMBER, COUNTED, PLACE, NEGATION)}
_COUNTING_BIT = np.uint64(BIT[COUNTING_WORDS])


def sentence_readers(doc: Doc, sents: Sequence[Span]) -> list[Readers]:
    """For each of ``sents`` (in order, of ``doc``), the readers it may tell anything."""
    if not sents:
        return []
    masks = _token_masks(doc)
    starts = np.fromiter((s.start for s in sents), dtype=np.intp, count=len(sents))
    found = np.bitwise_or.reduceat(masks, starts)
    return [_readers(mask) for mask in found.tolist()]


# Each rule as the bit of its verbs and the bits of what it needs.
Compiled = tuple[tuple[int, tuple[int, ...]], ...]


def _compiled(rules: Sequence[Rule]) -> Compiled:
    return tuple((BIT[rule.verbs], tuple(BIT[needed] for needed in rule.needs)) for rule in rules)


_LEXICAL, _PARSED, _CHARGES = (_compiled(r) for r in (LEXICAL_RULES, PARSED_RULES, CHARGE_RULES))


@lru_cache(maxsize=1 << 12)
def _readers(mask: int) -> Readers:
    return Readers(
        lexical=_meets(mask, _LEXICAL), parsed=_meets(mask, _PARSED), charges=_meets(mask, _CHARGES)
    )


def _meets(mask: int, rules: Compiled) -> bool:
    return any(mask & verbs and all(mask & needed for needed in needs) for verbs, needs in rules)


def _token_masks(doc: Doc) -> npt.NDArray[np.uint64]:
    """Each token's classes: of its form and its lemma, and of its marks."""
    table = doc.to_array([LOWER, LEMMA, LIKE_NUM, ENT_TYPE, POS, DEP])
    length = len(doc)
    keys, where = np.unique(table[:, :2].ravel(order="F"), return_inverse=True)
    strings = doc.vocab.strings
    key_bits = _KNOWN.bits_of(keys.astype(np.uint64, copy=False), strings)
    masks: npt.NDArray[np.uint64] = key_bits[where[:length]] | key_bits[where[length:]]
    number = table[:, 2] == 1
    places = np.zeros(length, dtype=bool)
    for label in PLACE_LABELS:
        places |= table[:, 3] == strings[label]
    # "Thousands fled", "some 300 got out": a count with a verb after it
    verb_next = np.zeros(length, dtype=bool)
    verb_next[:-1] = (table[1:, 4] == VERB) | (table[1:, 4] == AUX)
    counting = (masks & _COUNTING_BIT) != 0
    masks[number] |= _MARK_BITS[NUMBER]
    masks[(number | counting) & verb_next] |= _MARK_BITS[COUNTED]
    masks[places] |= _MARK_BITS[PLACE]
    masks[table[:, 5] == strings["neg"]] |= _MARK_BITS[NEGATION]
    return masks
