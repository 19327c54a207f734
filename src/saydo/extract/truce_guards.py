"""What keeps a way out told in a sentence from being an announcement.

A way out negated, ended or attacked, asked of a party, hoped for, judged needed or hard,
talked of as a topic, inside a condition, in a question, told as a failure or as a past
report is no pledge. Urging or telling *people* to leave is no demand: it announces the
evacuation the teller runs (see :mod:`truce_passage`).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from saydo.extract.clause import has_aux
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.truce_grammar import took_effect, verb_forms
from saydo.extract.truce_passage_words import (
    ARRIVING_VERBS,
    ASKING_WORDS,
    ATTACKING_WORDS,
    CONDITION_MARKS,
    ENDING_WORDS,
    FAILING_WORDS,
    FORWARD_MODALS,
    HOPING_WORDS,
    LEAVING_VERBS,
    LISTING_VERBS,
    MOVING_VERBS,
    OBLIGING_MODALS,
    TELLING_WORDS,
    TOPIC_WORDS,
)
from saydo.extract.truce_reading import (
    committing,
    counted_words,
    dispatched,
    fire_word,
    in_force,
    lemma_of,
    names_people,
    nearest_verb,
    passive,
    past,
    planning,
)
from saydo.extract.truce_words import JUDGING_ADJECTIVES


def failure_told(sentence: Span) -> bool:
    """A sentence that tells a way out failing, with no modal of what is to come; a halt
    of fire ("was halting hostilities") is the truce itself, not a failure."""
    failing = any(
        t.pos_ == "VERB"
        and lemma_of(t) in FAILING_WORDS
        and not any(fire_word(c) for c in t.children)
        for t in sentence
    )
    return failing and not any(t.dep_ == "aux" and t.lower_ in FORWARD_MODALS for t in sentence)


def move_told_past(sentence: Span) -> bool:
    """A sentence that tells people or vehicles as having gone, with nothing to come and
    nothing committed in it: "About 160 cars left Mariupol on Monday along the corridor",
    "the train left Pokrovsk on schedule carrying 600 passengers"."""
    moved = any(
        t.tag_ == "VBD"
        and lemma_of(t) in LEAVING_VERBS | MOVING_VERBS | ARRIVING_VERBS
        and not _relative(t)  # "to collect families who left Melitopol"
        and not took_effect(t)  # "a ceasefire took effect at 9 a.m."
        for t in sentence
    )
    if not moved:
        return False
    to_come = any(
        (t.dep_ == "aux" and t.lower_ in FORWARD_MODALS) or dispatched(t) or in_force(t)
        for t in sentence
    )
    # "left on schedule" tells how it went: a plan is told by a verb or an adjective
    planned = any(planning(t) for t in sentence if t.pos_ in {"VERB", "AUX", "ADJ"})
    return not (to_come or planned or any(committing(t) for t in sentence))


def _relative(verb: Token) -> bool:
    """A clause that describes a noun by "who", "which" or "that"."""
    return verb.dep_ == "relcl" and any(c.tag_ in {"WP", "WDT"} for c in verb.children)


def question(sentence: Span) -> bool:
    return sentence.text.rstrip(" \"'”’)").endswith("?")


def guarded(token: Token, chain: list[Token]) -> bool:
    """The way out is negated, ended, asked of a party, hoped for, judged, conditioned,
    or reported as past."""
    restraint = lemma_of(token) in ATTACKING_WORDS and token.pos_ == "VERB"
    negated = chain[1:] if restraint else chain  # "not to fire" is the truce itself
    # "the train is cancelled today, but buses will take people out": the clause joined
    # with a subject of its own is not negated or ended by the one it is joined to
    joined = _joined_clauses(chain)
    own = [link for link in negated if link.i not in joined]
    if any(c.dep_ == "neg" for link in own for c in link.children):
        return True
    if any(_denied_subject(link) for link in chain):
        return True  # "no civilians could leave", "no buses will run"
    if any(c.dep_ == "det" and c.lower_ == "no" for link in own for c in link.children):
        return True  # "there is no agreement on a corridor"
    if _inside_condition(chain) or _judged(chain) or _past_report(chain):
        return True
    if any(_ended(link) for link in chain if link.i not in joined):
        return True
    return any(_asked_of_a_party(link) or _hoped(link) or _topic(link) for link in chain)


def _joined_clauses(chain: list[Token]) -> set[int]:
    """The clauses that a clause to come, with its own subject, is joined to by "and" or
    "but": "the train is cancelled, but buses will take people out"."""
    return {
        head.i
        for link, head in pairwise(chain)
        if link.dep_ == "conj"
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in link.children)
        and has_aux(link, FORWARD_MODALS)
    }


def _denied_subject(link: Token) -> bool:
    """A subject told as none: "no civilians could leave"."""
    subjects = [c for c in link.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(d.dep_ == "det" and d.lower_ == "no" for s in subjects for d in s.children)


def _topic(link: Token) -> bool:
    """ "will discuss corridors", "raised the issue of a corridor": talked of; talks under
    way about one ("Kyiv is holding talks with the UN about a corridor") work towards it,
    as negotiating does."""
    if lemma_of(link) not in TOPIC_WORDS:
        return False
    return not (link.pos_ == "NOUN" and link.tag_ == "NNS" and _under_way(link.head))


def _under_way(verb: Token) -> bool:
    """A present progressive: "is holding", "are conducting"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and bool(auxes & {"is", "are", "'s", "'re", "am"})


def _inside_condition(chain: list[Token]) -> bool:
    """ "if a corridor is opened": the way out is the condition, not the news."""
    return any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for link in chain for c in link.children
    )


def _judged(chain: list[Token]) -> bool:
    """ "a corridor is necessary", "it is impossible to evacuate"."""
    return any(
        c.dep_ == "acomp" and lemma_of(c) in JUDGING_ADJECTIVES
        for link in chain
        for c in link.children
    )


def _past_report(chain: list[Token]) -> bool:
    """ "buses left Mariupol on Friday, officials announced": the way out's own verb is
    past, with no plan or commitment of its own."""
    nearest = nearest_verb(chain)
    if nearest is None or lemma_of(nearest) in CUE_VERBS | LISTING_VERBS | {"be"}:
        # "said a corridor was among the routes agreed", "listed a corridor among the
        # routes agreed": the saying's tense
        return False
    committed = committing(nearest) or planning(nearest) or took_effect(nearest)
    still = in_force(nearest) or dispatched(nearest)  # "has begun today", "have been sent to"
    return past(nearest) and not (committed or still)


def _ended(link: Token) -> bool:
    """ "halted the evacuation", "shelled the route": a way out stopped or attacked; a
    halt of fire, or a promise not to fire, is a truce, not its end."""
    if lemma_of(link) not in ENDING_WORDS or any(c.dep_ == "neg" for c in link.children):
        return False
    return not any(fire_word(c) for c in link.children)


def _asking(link: Token) -> bool:
    obliged = has_aux(link, OBLIGING_MODALS)
    return obliged or lemma_of(link) in ASKING_WORDS | TELLING_WORDS


def _addressed_to_people(link: Token) -> bool:
    """ "urged residents to evacuate", "called on civilians to leave", "people should go"."""
    addressed = [c for c in link.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
    addressed += [p for c in link.children if c.lower_ == "on" for p in c.children]
    return any(names_people(t) for a in addressed for t in counted_words(a))


def _asked_of_a_party(link: Token) -> bool:
    """ "urged Russia to open a corridor", "Kyiv must allow evacuations": asked of a
    party, not announced. "Told reporters" only says."""
    if lemma_of(link) in TELLING_WORDS:
        return False
    return _asking(link) and not _addressed_to_people(link)


def calls_people_out(link: Token) -> bool:
    """ "urged residents to evacuate", "told residents to make their way to the bridge":
    an authority calling people out announces the evacuation it runs."""
    return _asking(link) and _addressed_to_people(link)


def _hoped(link: Token) -> bool:
    """ "we hope the corridor will work": wished for; "hoped to lead a convoy" is an
    intention of its own, told as a plan."""
    if not verb_forms(link) & HOPING_WORDS or link.pos_ != "VERB" or passive(link):
        return False
    own = any(c.dep_ == "xcomp" for c in link.children)
    return not own or any(c.dep_ == "dobj" for c in link.children)
