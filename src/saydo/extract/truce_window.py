"""The days a local truce holds: those its announcement names, or a short default.

"a ceasefire from 9 a.m. on Saturday", "from Saturday to Monday", "from Sunday morning":
the window runs from the first day named to the last, or, with no end named, for as long
as the local truces of 2022 were announced for; a day's outcome is reported the morning
after, so the window ends a day later than the truce.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from saydo.extract.clause import has_aux
from saydo.extract.context import ArticleContext
from saydo.extract.lexicon import CUE_VERBS
from saydo.extract.times import TIME_LABELS
from saydo.resolve.times import normalise_time

# "Saturday to Monday", "March 8 through March 10": a truce's stated span.
RANGE_SPLIT = re.compile(r"\s+(?:to|through|till|until|-|–)\s+", re.IGNORECASE)
# Words that start a truce's time: "from Sunday morning" (an end is a time of its own).
OPENING_PREPS = frozenset({"from", "since"})
# Words that end a truce's time at the one they name: "before winter", "until Sunday".
DEADLINE_PREPS = frozenset({"before", "by", "until", "till"})
# Verbs that tell when a truce starts: "will start on Wednesday", "resumes on Monday".
STARTING_VERBS = frozenset({"start", "begin", "resume", "commence", "launch"})
# Modals that put the day they are told with in the future: "will go in on Monday".
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
# How far after a date a list of further days of its month may run: "May 5, 6 and 7".
LISTED_DAYS_REACH = 8
# How long a truce is watched when its announcement states no end.
DEFAULT_TRUCE_DAYS = 3
# A truce's day is reported the next morning, most often with no date of its own.
REPORT_LAG_DAYS = 1


def truce_window(noun: Token, ctx: ArticleContext) -> tuple[date | None, date | None]:
    """The truce's dates: those named in its sentence, else the article's date onwards."""
    anchor = ctx.anchor
    if anchor is None:
        return None, None
    days: list[date] = []
    opening = True
    for ent in noun.sent.ents:
        if ent.label_ in TIME_LABELS and not _dates_the_saying(ent) and not _how_long(ent):
            coming = _told_to_come(ent)
            read = _range_reading(ent.text, anchor) or _nearest_reading(ent.text, anchor, coming)
            days.extend(read)
            days.extend(_listed_days(ent, read))
            if read and _deadline(ent):
                # "register for departure before winter": from now until then
                days.append(anchor)
            opening = opening and _opens(ent)
    start = min(days) if days else anchor
    # "let through from Sunday morning": a start with no end runs as long as an unended one
    ended = len(days) > 1 and not opening
    end = max(days) if ended else start + timedelta(days=DEFAULT_TRUCE_DAYS)
    return start, end + timedelta(days=REPORT_LAG_DAYS)


def _listed_days(ent: Span, read: list[date]) -> list[date]:
    """ "on May 5, 6 and 7": the days listed after a date, of its month (the tagger
    takes the first for the date and the rest for numbers)."""
    if len(set(read)) != 1:
        return []
    doc, days = ent.doc, []
    for token in doc[ent.end : min(ent.sent.end, ent.end + LISTED_DAYS_REACH)]:
        if token.text in {",", "and"} or (token.ent_type_ == "DATE" and not token.like_num):
            continue
        if not (token.like_num and token.text.isdigit() and 1 <= int(token.text) <= 31):
            break
        try:
            days.append(read[0].replace(day=int(token.text)))
        except ValueError:
            break  # "February 28, 30": no such day
    return days


def _how_long(ent: Span) -> bool:
    """ "leave for the winter", "a pause for three hours": how long, not which days."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ == "for"


def _deadline(ent: Span) -> bool:
    """ "before winter", "by Friday", "until Sunday": the end of a time that starts now."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in DEADLINE_PREPS


def _opens(ent: Span) -> bool:
    """ "from Sunday morning", "would start on Wednesday": the time a truce starts."""
    head = ent.root.head
    opened = ent.root.dep_ == "pobj" and head.lower_ in OPENING_PREPS
    verb = head.head if ent.root.dep_ == "pobj" else head
    # "the operation would start on Wednesday": a start told with its day, no end
    opened = opened or (verb.lemma_.lower() in STARTING_VERBS and verb.pos_ == "VERB")
    return opened and RANGE_SPLIT.search(ent.text) is None


def _dates_the_saying(ent: Span) -> bool:
    """ "Vereshchuk said on Sunday that ...": the day of the statement, not of the truce."""
    head = ent.root.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in CUE_VERBS and any(c.dep_ == "ccomp" for c in head.children)


def _range_reading(text: str, anchor: date) -> list[date]:
    """ "from Saturday to Monday": the first day read as the nearest, the last as the
    first such day on or after it."""
    parts = RANGE_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        return []
    first = _nearest_reading(parts[0], anchor)
    if not first:
        return []
    start = min(first)
    time = normalise_time(parts[1], start - timedelta(days=1), "future")
    if time is None or time.start is None or time.start < start:
        return []
    return [start, time.end or time.start]


def _told_to_come(ent: Span) -> bool:
    """ "police will go in on Monday", "buses would leave on Friday": the day of a verb
    told with a modal of the future, which names a day to come."""
    head = ent.root.head
    verb = head.head if head.dep_ == "prep" else head
    return has_aux(verb, FUTURE_MODALS)


def _nearest_reading(text: str, anchor: date, coming: bool = False) -> list[date]:
    """The days a truce's time names, read as the nearest such day to the article.

    "Russia announced a truce on Thursday" in Wednesday's paper is tomorrow's truce, not
    last week's: a local truce is announced for the next days and reported the day
    after, so of the past and the future reading the one nearer the article is meant.
    """
    readings = []
    tenses: tuple[Literal["future", "past"], ...] = ("future",) if coming else ("future", "past")
    for tense in tenses:
        time = normalise_time(text, anchor, tense)
        if time is not None and time.start is not None:
            readings.append([d for d in (time.start, time.end) if d is not None])
    if not readings:
        return []
    return min(readings, key=lambda r: (abs((r[0] - anchor).days), readings.index(r)))
