"""Who tells a report that names no teller of its own: the speaker of its bulletin.

Live blogs and official channels write "Russian MoD: 'Nationalists' did not let residents
out", "Mariupol city council: the evacuation is postponed", "Kyrylenko: a missile hit the
station": the header before the colon tells every deed after it, as "..., the ministry
said" would. A teller the sentence names with no side ("Konashenkov said") speaks for the
header's side too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from saydo.domain import Actor
from saydo.extract.context import ArticleContext
from saydo.extract.mentions import Salience
from saydo.extract.truce_bulletin import bulletin_teller, header_of
from saydo.extract.truce_sides import header_speaker


def header_voice(sentence: Span, ctx: ArticleContext, salience: Salience) -> Actor | None:
    """The side the bulletin header over ``sentence`` names, if it names one."""
    header = bulletin_teller(sentence) or _after_a_stamp(sentence)
    return header_speaker(header, ctx, salience) if header is not None else None


# Marks between a live blog's time stamp and its speaker: "UPDATE 13:20 - Mariupol city
# council:".
STAMP_MARKS = frozenset({"-", "\u2014", "\u2013"})


def _after_a_stamp(sentence: Span) -> Token | None:
    """The speaker a stamped header names after its dash: "UPDATE 11:40 - Kyrylenko:"."""
    header = header_of(sentence)
    if header is None:
        return None
    dashes = [t.i for t in header if t.text in STAMP_MARKS]
    if not dashes:
        return None
    part = range(dashes[-1] + 1, header.end)
    doc = sentence.doc
    heads = [doc[i] for i in part if doc[i].head.i not in part or doc[i].head.i == i]
    return next((t for t in heads if t.pos_ in {"NOUN", "PROPN"}), None)


def with_header_voice(
    teller: Actor | None, sentence: Span, ctx: ArticleContext, salience: Salience
) -> Actor | None:
    """The teller, or when it has no side, the bulletin header's speaker."""
    if teller is not None and teller.country is not None:
        return teller
    return header_voice(sentence, ctx, salience) or teller
