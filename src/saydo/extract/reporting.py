"""Who reports an event: the statement whose content holds its trigger, or whose cue
governs its clause.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from saydo.domain import TimeExpr
from saydo.extract.statements import Attribution


def said_not_done(time: TimeExpr | None, source: Attribution | None) -> bool:
    """A time outside the statement's content is the day it was said, not done."""
    if time is None or source is None or time.provenance is None:
        return False
    return not source.content_start <= time.provenance.start < source.content_end


def source_of(token: Token, statements: Sequence[Attribution]) -> Attribution | None:
    """The innermost statement that holds the token, unless its cue is an act rather
    than a saying: "Mizintsev said Kyiv had refused to use the corridors and that its
    units had fired on civilians" is Mizintsev's account of what Kyiv did."""
    inside = [a for a in statements if a.content_start <= token.idx < a.content_end]
    if not inside:
        return None
    inside.sort(key=lambda a: a.content_end - a.content_start)
    for attribution in inside[:-1]:
        cue = attribution.cue_token
        if cue is None or token.doc[cue].lemma_.lower() not in ACTING_CUES:
            return attribution
    return inside[-1]


# Cues that tell what someone did or meant, not said, when another's account holds them:
# "refused to use the corridors", "declined to open the route", "decided to resume".
ACTING_CUES = frozenset({"refuse", "decline", "decide", "intend", "aim", "prefer", "try"})


def cue_ancestor(token: Token, statements: list[Attribution]) -> Attribution | None:
    """ "saying "X" and they were bombed": the clause hangs on the cue, outside its quote.

    Only through the cue's complement: a phrase that merely modifies the cue ("After
    talks ..., Russia said") is not what the speaker said.
    """
    cues = {a.cue_token: a for a in statements if a.cue_token is not None and a.statement.speaker}
    previous = token
    for ancestor in token.ancestors:
        if ancestor.i in cues:
            return cues[ancestor.i] if previous.dep_ in {"ccomp", "xcomp", "conj"} else None
        previous = ancestor
    return None
