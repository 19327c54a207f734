"""Expressions that refer back: "that year", "the same day", and in earnings news "the
quarter" and "a year earlier".

Their value is not in their words but in what the text named before them, so they are
valued after the whole text has been read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from saydo.domain import TimeExpr
from saydo.extract.timex.found import FoundTime

_QUARTER = re.compile(r"\d{4}-Q[1-4]")
_YEAR_AGO = re.compile(
    r"(?:(?:a|one) year (?:ago|earlier)|(?:the )?year[- ](?:ago|earlier)(?: (?:quarter|period))?"
    r"|last year'?s quarter|the (?:corresponding|same) (?:period|quarter) (?:a year ago|last year))"
)
_SAME_QUARTER = re.compile(
    r"(?:the |its )?(?:latest |most recent |same |just ended |fiscal )?(?:quarter|period)"
)
_QUARTER_NAME = re.compile(r"\b(?:first|second|third|fourth|[1-4](?:st|nd|rd|th)|q[1-4])\b")


def in_reporting_quarters(found: list[FoundTime], anchor: date) -> list[FoundTime]:
    """In a text that reports by quarter, "the quarter" is the one it reports on.

    Earnings news names a quarter ("the third quarter"), then refers back to it ("the
    latest period") and compares it with its namesake of the year before ("a year ago",
    "the year-earlier quarter"); TimeML values those as that quarter (``1988-Q3``), not as
    the latest quarter ended or a year. The quarter meant is the last one named before,
    or else the first one named in the text.
    """
    named = [f.time.value or "" for f in found if _is_named_quarter(f, anchor)]
    if not named:
        named = [f.time.value or "" for f in found if _QUARTER.fullmatch(f.time.value or "")]
    if not named:
        return found
    current = named[0]
    out = []
    for f in found:
        if _is_named_quarter(f, anchor):
            current = f.time.value or current
        text = f.time.text.lower()
        if _YEAR_AGO.fullmatch(text):
            f = _revalued(f, f"{int(current[:4]) - 1}{current[4:]}")
        elif _SAME_QUARTER.fullmatch(text):
            f = _revalued(f, current)
        out.append(f)
    return out


def _is_named_quarter(f: FoundTime, anchor: date) -> bool:
    """A quarter named by its number that is over by the anchor: one reported on."""
    ended = f.time.end is not None and f.time.end < anchor
    return (
        ended
        and bool(_QUARTER.fullmatch(f.time.value or ""))
        and bool(_QUARTER_NAME.search(f.time.text.lower()))
    )


def _revalued(f: FoundTime, value: str) -> FoundTime:
    return FoundTime(f.start, f.end, replace(f.time, value=value))


_ANAPHOR = re.compile(
    r"\b(?:(?P<that>that|the same) (?P<unit>year|month|week|day)"
    r"|(?P<the>the (?:fiscal |calendar )?year)(?![-\w]| (?:ended|ending|earlier|ago|before"
    r"|after|two|nineteen|\d)))\b",
    re.IGNORECASE,
)
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
# How much of a calendar value each unit keeps: "that year" of 1988-11-02 is 1988.
_UNIT_LENGTH = {"year": 4, "month": 7, "day": 10}


def with_anaphora(text: str, found: list[FoundTime], anchor: date) -> list[FoundTime]:
    """ "that year", "the same day", "the year" valued from the story's reference time.

    As in HeidelTime's news setting, "that year" and "the same day" take the most recent
    explicit date before them in the text (``1988`` after "in 1988"); "the year" on its
    own, as in "for the year" or "a high for the year", is the current one, and with
    nothing to refer back to, "that year" is left unmarked.
    """
    added: list[FoundTime] = []
    for m in _ANAPHOR.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        value = _anaphor_value(m, found, anchor)
        if value is not None:
            added.append(FoundTime(m.start(), m.end(), TimeExpr(m[0], value, precision="vague")))
    return sorted(found + added, key=lambda f: f.start) if added else found


def _anaphor_value(m: re.Match[str], found: list[FoundTime], anchor: date) -> str | None:
    if m["the"]:
        return f"{anchor.year:04d}"
    unit = m["unit"].lower()
    for f in reversed(found):
        value = f.time.value or ""
        if f.end <= m.start() and _CALENDAR_VALUE.match(value):
            return _cut(value, unit)
    return None


def _cut(value: str, unit: str) -> str | None:
    """A calendar value to the precision of ``unit``, None when it has less."""
    if unit == "week":
        if len(value) < 10 or not value[:10].replace("-", "").isdigit():
            return None
        iso = date.fromisoformat(value[:10]).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    size = _UNIT_LENGTH[unit]
    head = value[:size]
    return head if len(head) == size and head.replace("-", "").isdigit() else None
