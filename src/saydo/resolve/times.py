"""Temporal expressions normalised against an article's publication date.

``normalise_time("on Tuesday", date(2022, 3, 30), "past")`` is the Tuesday before a
Wednesday article. The result is a :class:`~saydo.domain.TimeExpr` whose ``value`` follows
the TIMEX3 conventions of TimeML / TempEval-3 (``2022-03-29``, ``2022-W12``, ``2022-03``,
``2022``, ``2022-Q1``, ``2022-SU``, ``P15Y``, ``PTXH``, ``2022-03-29TNI``, ``PAST_REF``)
and whose ``start``/``end`` bound the days it covers, both inclusive. Nothing here needs
spaCy: the caller finds the span and, if it can, the tense of the verb it hangs from.

How it reads: the text is folded (lower case, hyphens between words as spaces, month
abbreviations without their dot, trailing punctuation and possessive dropped) and matched
whole against a table of compiled patterns, each with a small handler. When no pattern
matches, one leading preposition, determiner or approximator ("on", "the", "more than") is
dropped and the table is tried again. Trying before dropping keeps the words that matter:
"the past" is PAST_REF before it would become "past", and "the last week" (the seven days
up to now) is told from "last week" (the calendar week before this one). A few handlers
compose with the same table: "Tuesday night", "mid-March", "earlier this month", "the end
of the year", "5 p.m. on Friday", "2014 to 2022".

Choices where news usage or TIMEX3 leave room:

* A weekday names a day within a week of the article. Past, present or no tense: the
  latest such day on or before the anchor; future: the first on or after it. The same
  weekday as the anchor is the anchor itself in every tense, because papers and wires use
  the weekday for the day of publication ("talks resume on Wednesday" in a Wednesday
  paper is today; a week later would be "next Wednesday"). "last"/"next" force a
  different day.
* A night is labelled, as in TIMEX3, by the day on which it begins: "last night" and
  "overnight" in a 2022-03-30 article are ``2022-03-29TNI`` spanning 03-29 to 03-30;
  "tonight" is ``2022-03-30TNI`` spanning 03-30 to 03-31. (Labelling the night by the
  anchor date instead would make the TempEval score wrong for every such night, and
  ``start``/``end`` already say which calendar days it touches.)
* A date without a year is the nearest one to the anchor, unless the tense says it lies
  on the other side by more than a week ("said it happened on 10 April" in a March paper
  is last April; within a week the tense is more likely that of a reporting verb than a
  year-old date). Month, season and quarter names follow the tense strictly: "in April"
  in a past-tense sentence of a March paper is last April. With no tense, news tells more
  of what happened than of what will: an occurrence ahead of the anchor wins only at
  under half the distance of the one behind ("December" in January is last December).
* A weekend, with no tense, is the latest one (the one under way on Saturday or Sunday).
* Plain durations ("five weeks", "the 34 days of the invasion") carry no start or end:
  nothing in the phrase says when they run. Those anchored by "past/last/next/coming"
  run from or to the anchor and have precision "interval".
* A range ("2014 to 2022", "29-30 March") has the ISO 8601 interval value
  ``2014/2022``: TIMEX3 has no single value for it, and TempEval marks each end apart.
* Sub-periods ("mid-March", "early next year", "earlier this week") keep the value of the
  period, narrow ``start``/``end`` (to a third of it, or to the side of the anchor) and
  have precision "vague", TIMEX3 expressing the rest with a ``mod`` saydo does not keep.
* Ambiguous slash dates are read month first (wire style), "29.03.2022" day first.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Final, Literal, NamedTuple, TypeAlias

from saydo.domain import TimeExpr

__all__ = ["MONTHS", "WEEKDAYS", "Tense", "looks_temporal", "normalise_time"]

Tense = Literal["past", "present", "future"]

WEEKDAYS: Final[tuple[str, ...]] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
MONTHS: Final[tuple[str, ...]] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

# Precisions, as TimeExpr.precision carries them.
DAY: Final = "day"
NIGHT: Final = "night"
WEEK: Final = "week"
MONTH: Final = "month"
YEAR: Final = "year"
INTERVAL: Final = "interval"
DURATION: Final = "duration"
VAGUE: Final = "vague"
SET: Final = "set"  # a recurring time: "every week", "annually"

# Real temporal expressions are short; the cap also bounds the work on arbitrary text.
_MAX_LEN: Final = 80
# How far a yearless date may lie on the "wrong" side of the anchor for its tense.
_DATE_SLACK: Final = timedelta(days=7)


class _Span(NamedTuple):
    value: str
    start: date
    end: date
    precision: str


class _Open(NamedTuple):
    """A result with no interval on the calendar: a duration or a *_REF."""

    value: str
    precision: str


_Found: TypeAlias = _Span | _Open


@dataclass(frozen=True, slots=True)
class _Ctx:
    anchor: date
    tense: Tense | None
    raw: str  # the text as given, for the few decisions that need its case
    ranges: bool = True  # off inside a range, so "a to b to c" is not split twice over
    # Compositions can reach one substring by several routes ("1 am 1 am 1 am" splits at
    # either end); remembering each answer keeps the work polynomial in the length.
    memo: dict[tuple[str, bool], _Found | None] = field(default_factory=dict, compare=False)

    @property
    def nested(self) -> _Ctx:
        return replace(self, ranges=False)


_Handler: TypeAlias = Callable[[re.Match[str], _Ctx], _Found | None]


# --- vocabulary -------------------------------------------------------------------------

_MONTH_NUMBERS: Final[dict[str, int]] = {
    **{name[:3]: i for i, name in enumerate(MONTHS, start=1)},
    **{name: i for i, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
# Lower-case "may" and "march" are far likelier a verb or a protest than a month.
_AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "mar"})

_SMALL_NUMBERS: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def _number_words() -> dict[str, float]:
    words: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL_NUMBERS)}
    for tens_word, tens in _TENS.items():
        words[tens_word] = tens
        for i, unit_word in enumerate(_SMALL_NUMBERS[1:10], start=1):
            words[f"{tens_word} {unit_word}"] = tens + i
    words.update(
        {
            "a": 1, "an": 1, "a single": 1, "one single": 1,
            "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2,
            "a dozen": 12, "dozen": 12, "a hundred": 100, "one hundred": 100,
            "half a": 0.5, "half an": 0.5, "a half": 0.5,
        }
    )  # fmt: skip
    return words


_NUMBER_WORDS: Final = _number_words()
_VAGUE_NUMBERS: Final = frozenset(
    {"several", "a few", "few", "some", "many", "a number of", "a handful of", "numerous",
     "dozens of", "hundreds of", "countless", "a couple more", "a few more"}
)  # fmt: skip

_ORDINAL_NAMES: Final = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
_ORDINALS: Final[dict[str, int]] = {
    **{w: i for i, w in enumerate(_ORDINAL_NAMES, start=1)},
    **{f"twenty {w}": 20 + i for i, w in enumerate(_ORDINAL_NAMES[:9], start=1)},
    "thirtieth": 30,
    "thirty first": 31,
}

# Each unit word: the unit it counts and how many of them.
_UNIT_WORDS: Final[dict[str, tuple[str, int]]] = {
    "second": ("second", 1), "sec": ("second", 1),
    "minute": ("minute", 1), "min": ("minute", 1),
    "hour": ("hour", 1), "hr": ("hour", 1),
    "day": ("day", 1), "night": ("day", 1),
    "week": ("week", 1), "fortnight": ("week", 2),
    "month": ("month", 1), "quarter": ("quarter", 1),
    "year": ("year", 1), "yr": ("year", 1),
    "decade": ("year", 10), "century": ("year", 100),
}  # fmt: skip
# TIMEX3 duration designators: (time part marker, letter).
_DESIGNATORS: Final[dict[str, tuple[str, str]]] = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"),
    "day": ("", "D"), "week": ("", "W"), "month": ("", "M"),
    "quarter": ("", "Q"), "year": ("", "Y"),
}  # fmt: skip
# Where a fraction can be said exactly in a smaller unit ("a year and a half" = P18M).
_FINER: Final[dict[str, tuple[str, int]]] = {
    "year": ("month", 12), "quarter": ("month", 3), "week": ("day", 7),
    "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60),
}  # fmt: skip
_SECONDS: Final = {"second": 1, "minute": 60, "hour": 3600}
_MONTHS_IN: Final = {"month": 1, "quarter": 3, "year": 12}
# The calendar period a count of each unit lands in ("two hours ago" is a day).
_GRANULE: Final = {
    "second": "day", "minute": "day", "hour": "day", "day": "day",
    "week": "week", "month": "month", "quarter": "quarter", "year": "year",
}  # fmt: skip
# Calendar periods "this/last/next" can name, as (unit to shift by, how many).
_CALENDAR_STEPS: Final[dict[str, tuple[str, int]]] = {
    "week": ("week", 1), "month": ("month", 1), "quarter": ("quarter", 1),
    "year": ("year", 1), "decade": ("year", 10), "century": ("year", 100),
}  # fmt: skip

_BACK_MODS: Final = frozenset({"last", "past", "previous", "this past"})
_AHEAD_MODS: Final = frozenset({"next", "coming", "this coming", "following"})
_OFFSETS: Final = {"last": -1, "previous": -1, "this past": -1, "this": 0, "current": 0,
                   "next": 1, "coming": 1, "this coming": 1}  # fmt: skip

# (day offset from the anchor, TIMEX3 part of day or None for the whole day)
_DEICTIC: Final[dict[str, tuple[int, str | None]]] = {
    "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None),
    "day before yesterday": (-2, None), "day after tomorrow": (2, None),
    "tonight": (0, "NI"), "overnight": (-1, "NI"), "last night": (-1, "NI"),
    "last evening": (-1, "EV"), "this morning": (0, "MO"),
    "this afternoon": (0, "AF"), "this evening": (0, "EV"),
}  # fmt: skip
_PARTS_OF_DAY: Final = {
    "morning": "MO", "dawn": "MO", "daybreak": "MO", "afternoon": "AF",
    "evening": "EV", "dusk": "EV", "nightfall": "EV", "night": "NI",
}  # fmt: skip

_REFS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("now", "right now", "currently", "current", "at present", "presently",
         "at the moment", "at this time", "at this point", "these days", "nowadays",
         "the present", "as of now", "for now", "for the time being", "to date", "so far",
         "thus far", "until now", "up to now"),
        "PRESENT_REF",
    ),
    **dict.fromkeys(
        ("recently", "recent", "lately", "previously", "earlier", "the past", "formerly",
         "the other day", "long ago", "not long ago", "a while ago", "some time ago",
         "recent times", "in recent times", "before now", "in the past", "until recently"),
        "PAST_REF",
    ),
    **dict.fromkeys(
        ("soon", "later", "shortly", "eventually", "the future", "in the future",
         "the near future", "in due course", "a later date", "at a later date", "someday",
         "sooner or later", "the long term", "in the long term", "the coming period", "future",
         "soon after"),
        "FUTURE_REF",
    ),
}  # fmt: skip

_SEASONS: Final = {
    "spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
    "winter": ("WI", 12),
}  # fmt: skip
_DECADE_WORDS: Final = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


# --- regex fragments --------------------------------------------------------------------


def _words(words: Iterable[str]) -> str:
    """Alternatives that try longer words first, so "a few" wins over "a"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alt(words: Iterable[str]) -> str:
    return f"(?:{_words(words)})"


_MONTH_RE: Final = _alt(_MONTH_NUMBERS)
_WEEKDAY_RE: Final = _alt(WEEKDAYS)
_NUM_RE: Final = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_words(set(_NUMBER_WORDS) | _VAGUE_NUMBERS)})"
)
_HALF: Final = r"(?: and a half)?"
_SINGULAR_UNIT_RE: Final = _alt(_UNIT_WORDS)
_UNIT_RE: Final = "(?:centuries|" + "|".join(f"{w}s?" for w in _UNIT_WORDS) + ")"
_PLURAL_UNIT_RE: Final = (
    "(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"
)
_DAY_RE: Final = rf"(?:[0-3]?\d(?:st|nd|rd|th)?|{_words(_ORDINALS)})"
_YEAR_RE: Final = r"[12]\d\d\d"
_PART_RE: Final = _alt(_PARTS_OF_DAY)
_TENS_RE: Final = _alt(_TENS)
_ONES_RE: Final = _alt(_SMALL_NUMBERS[1:10])
# Years as read aloud in broadcast transcripts.
_SPOKEN_YEAR_RE: Final = (
    rf"(?:{_alt(_SMALL_NUMBERS[10:])}|twenty) (?:hundred|oh {_ONES_RE}|{_TENS_RE}(?: {_ONES_RE})?"
    rf"|{_alt(_SMALL_NUMBERS[10:])})"
    rf"|two thousand(?:(?: and)? (?:{_TENS_RE}(?: {_ONES_RE})?|{_alt(_SMALL_NUMBERS[1:])}))?"
)
_CLOCK_RE: Final = (
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))? ?(?P<ap>a\.?m\.?|p\.?m\.?)"
    r"|(?P<h24>\d{1,2})[:h](?P<mi24>\d\d)(?: ?hrs| ?h)?"
    r"|(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d) ?(?:hrs|h|gmt|utc)"
    r"|(?P<word>noon|midday|midnight))"
    r"(?: (?:gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|et|local time"
    r"|kyiv time|moscow time|local))?"
)
# Which third of a period each phrase means.
_PERIOD_PARTS: Final = {
    "early": "early", "mid": "mid", "late": "late",
    "start of": "early", "beginning of": "early", "middle of": "mid", "end of": "late",
    "close of": "late", "early hours of": "early", "small hours of": "early",
}  # fmt: skip

# Dropped one at a time from the front when nothing matches with them.
_PREFIX_WORDS: Final = (
    "on", "in", "by", "the", "since", "until", "till", "during", "over", "for", "at",
    "from", "between", "within", "throughout", "through", "after", "before", "as of",
    "as early as", "as late as", "as recently as", "as long as", "as soon as",
    "about", "around", "approximately", "roughly", "some", "nearly", "almost",
    "more than", "less than", "fewer than", "at least", "at most", "no more than",
    "no less than", "no later than", "no earlier than", "not until", "not before",
    "up to", "under", "just", "only", "well", "sometime", "some time", "of", "to",
    "into", "ever since", "even", "already", "still", "starting", "effective",
    "an estimated", "a full", "a further", "another", "a total of", "barely", "its", "their",
    "a", "fiscal",
)  # fmt: skip
_PREFIX: Final = re.compile(_alt(_PREFIX_WORDS) + " ", re.ASCII)
_SUFFIX: Final = re.compile(
    r"(?: or so| or more| or longer| or less| or later| at least| and counting| onwards?"
    r"| and beyond| so far| to date)+$",
    re.ASCII,
)
_MONTH_ABBREVIATION_DOT: Final = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", re.ASCII
)
_WORD_HYPHEN: Final = re.compile(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", re.ASCII)


def _clean(text: str) -> str:
    s = " ".join(text.lower().split())
    s = s.translate({0x2019: "'", 0x2018: "'", 0x2013: "-", 0x2014: "-", 0x2010: "-"})
    s = _MONTH_ABBREVIATION_DOT.sub(r"\1", s)
    s = _WORD_HYPHEN.sub(" ", s)
    s = s.strip(" ,.;:!?\"'()[]")
    s = re.sub(r"'s$", "", s).replace(" or so", "")
    return _SUFFIX.sub("", s)


# --- calendar arithmetic ----------------------------------------------------------------


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    year, index = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, index + 1, min(d.day, calendar.monthrange(year, index + 1)[1]))


def _shift(d: date, unit: str, n: float) -> date:
    """``d`` moved by ``n`` units; a part of a day counts as a whole one."""
    if unit in _SECONDS:
        days = math.ceil(abs(n) * _SECONDS[unit] / 86400)
        return d + timedelta(days=days if n >= 0 else -days)
    if unit in ("day", "week"):
        return d + timedelta(days=round(n * (7 if unit == "week" else 1)))
    return _add_months(d, round(n * _MONTHS_IN[unit]))


def _day(d: date) -> _Span:
    return _Span(d.isoformat(), d, d, DAY)


def _week(d: date) -> _Span:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _Span(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(days=6), WEEK)


def _month(year: int, month: int) -> _Span:
    return _Span(f"{year:04d}-{month:02d}", date(year, month, 1), _last_day(year, month), MONTH)


def _quarter(year: int, q: int) -> _Span:
    first = 3 * q - 2
    return _Span(f"{year:04d}-Q{q}", date(year, first, 1), _last_day(year, first + 2), INTERVAL)


def _year(year: int) -> _Span:
    return _Span(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), YEAR)


def _decade(year: int) -> _Span:
    first = year - year % 10
    return _Span(f"{first // 10:03d}", date(first, 1, 1), date(first + 9, 12, 31), INTERVAL)


def _century(year: int) -> _Span:
    first = year - year % 100
    return _Span(f"{first // 100:02d}", date(first, 1, 1), date(first + 99, 12, 31), INTERVAL)


def _season(year: int, name: str) -> _Span:
    code, first_month = _SEASONS[name]
    last = _add_months(date(year, first_month, 1), 2)
    return _Span(
        f"{year:04d}-{code}", date(year, first_month, 1), _last_day(last.year, last.month), VAGUE
    )


_PERIODS: Final[dict[str, Callable[[date], _Span]]] = {
    "day": _day,
    "week": _week,
    "month": lambda d: _month(d.year, d.month),
    "quarter": lambda d: _quarter(d.year, (d.month + 2) // 3),
    "year": lambda d: _year(d.year),
    "decade": lambda d: _decade(d.year),
    "century": lambda d: _century(d.year),
}


def _part_of_day(d: date, part: str) -> _Span:
    if part == "NI":
        return _Span(f"{d.isoformat()}TNI", d, d + timedelta(days=1), NIGHT)
    return _Span(f"{d.isoformat()}T{part}", d, d, DAY)


def _third(span: _Span, part: str) -> _Span:
    """The early, middle or late third of a period, for "mid-March" or "early 2022"."""
    if span.precision in (DAY, NIGHT):
        return span  # "late Tuesday" is still Tuesday: TIMEX3 only adds a mod
    size = ((span.end - span.start).days + 1) // 3
    if size == 0:
        return span._replace(precision=VAGUE)
    index = {"early": 0, "mid": 1, "late": 2}[part]
    start = span.start + timedelta(days=index * size)
    end = span.end if index == 2 else start + timedelta(days=size - 1)
    return _Span(span.value, start, end, VAGUE)


def _distance(span: _Span, anchor: date, ahead_weight: int = 1) -> int:
    if span.start > anchor:
        return (span.start - anchor).days * ahead_weight
    return max(0, (anchor - span.end).days)


def _pick(candidates: list[_Span], ctx: _Ctx, slack: timedelta = timedelta(0)) -> _Span | None:
    """The candidate nearest the anchor on the side its tense allows.

    Without a past or future tense, news reports far more of what has happened than of
    what will, so an occurrence ahead of the anchor wins only at under half the distance
    of the one behind it.
    """
    anchor = ctx.anchor
    weight = 1
    if ctx.tense == "past":
        candidates = [c for c in candidates if c.start <= anchor + slack]
    elif ctx.tense == "future":
        candidates = [c for c in candidates if c.end >= anchor - slack]
    else:
        weight = 2
    if not candidates:
        return None
    return min(candidates, key=lambda c: (_distance(c, anchor, weight), c.start))


def _around(anchor: date, build: Callable[[int], _Span]) -> list[_Span]:
    """``build`` for the anchor's year and those either side, skipping impossible ones."""
    spans = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            spans.append(build(year))
        except ValueError:  # 29 February, or a year outside the calendar
            continue
    return spans


def _latest_before(spans: list[_Span], anchor: date) -> _Span | None:
    before = [s for s in spans if s.end < anchor]
    return max(before, key=lambda s: s.start) if before else None


def _earliest_after(spans: list[_Span], anchor: date) -> _Span | None:
    after = [s for s in spans if s.start > anchor]
    return min(after, key=lambda s: s.start) if after else None


def _choose(spans: list[_Span], mod: str | None, ctx: _Ctx) -> _Span | None:
    """One of a name's occurrences ("summer", "the third quarter") by modifier or tense."""
    if mod in _BACK_MODS:
        return _latest_before(spans, ctx.anchor)
    if mod in _AHEAD_MODS:
        return _earliest_after(spans, ctx.anchor)
    return _pick(spans, ctx)


# --- numbers and durations --------------------------------------------------------------


def _number(text: str, half: str | None = None) -> float | None:
    """The count a number phrase gives, or None for "several", "a few" and the like."""
    if text in _VAGUE_NUMBERS:
        return None
    n = float(_NUMBER_WORDS[text] if text in _NUMBER_WORDS else text.replace(",", ""))
    return n + 0.5 if half else n


def _unit(word: str) -> tuple[str, int]:
    singular = "century" if word == "centuries" else word.removesuffix("s")
    return _UNIT_WORDS[singular]


def _format_number(n: float) -> str:
    return str(int(n)) if n.is_integer() else f"{n:g}"


def _duration_value(n: float | None, unit: str) -> str:
    if n is None:
        marker, letter = _DESIGNATORS[unit]
        return f"P{marker}X{letter}"
    while not n.is_integer() and unit in _FINER:
        unit, factor = _FINER[unit]
        n *= factor
    marker, letter = _DESIGNATORS[unit]
    return f"P{marker}{_format_number(n)}{letter}"


def _count(m: re.Match[str]) -> tuple[float | None, str]:
    """The (count, unit) of a match with groups n, unit and optionally half/half2."""
    unit, multiple = _unit(m["unit"])
    groups = m.groupdict()
    n = _number(m["n"], groups.get("half") or groups.get("half2"))
    return (None if n is None else n * multiple), unit


# --- handlers ---------------------------------------------------------------------------


def _ref(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _Open(_REFS[m[0]], VAGUE)


def _deictic(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    offset, part = _DEICTIC[m[0]]
    d = ctx.anchor + timedelta(days=offset)
    return _day(d) if part is None else _part_of_day(d, part)


_SET_ADVERBS: Final = {
    "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
    "quarterly": "quarter", "yearly": "year", "annually": "year",
}  # fmt: skip


def _set(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """A recurring time (TIMEX3 type SET): "every week" is P1W, "every Tuesday" XXXX-WXX-2."""
    groups = m.groupdict()
    if groups.get("weekday"):
        return _Open(f"XXXX-WXX-{WEEKDAYS.index(m['weekday']) + 1}", SET)
    if groups.get("adverb"):
        return _Open(_duration_value(1.0, _SET_ADVERBS[m["adverb"]]), SET)
    unit, multiple = _unit(m["unit"])
    return _Open(_duration_value(float(multiple), unit), SET)


def _full_year(text: str, anchor: date) -> int:
    if len(text) == 4:
        return int(text)
    # A two-digit year is the one nearest the anchor ("89" in 2022 is 1989).
    base = anchor.year - anchor.year % 100 + int(text)
    return min((base - 100, base, base + 100), key=lambda y: abs(y - anchor.year))


def _numeric_date(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    groups = m.groupdict()
    year = _full_year(m["y"], ctx.anchor)
    if groups.get("m"):
        month, day = int(m["m"]), int(m["d"])
    elif groups.get("dot"):
        day, month = int(m["a"]), int(m["b"])
    else:
        month, day = int(m["a"]), int(m["b"])
        if month > 12:  # 29/03/2022 can only be day first
            month, day = day, month
    return _day(date(year, month, day))


def _iso_month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _month(int(m["y"]), int(m["m"]))


def _day_number(text: str) -> int:
    if text in _ORDINALS:
        return _ORDINALS[text]
    return int(re.sub(r"\D", "", text))


def _yearless(month: int, day: int, ctx: _Ctx) -> _Span | None:
    return _pick(_around(ctx.anchor, lambda y: _day(date(y, month, day))), ctx, _DATE_SLACK)


def _day_month(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    month, day = _MONTH_NUMBERS[m["month"]], _day_number(m["day"])
    if m["year"]:
        return _day(date(int(m["year"]), month, day))
    return _yearless(month, day, ctx)


def _day_range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    month = _MONTH_NUMBERS[m["month"]]
    first, last = _day_number(m["d1"]), _day_number(m["d2"])
    if last <= first:
        return None
    if m["year"]:
        start = date(int(m["year"]), month, first)
    else:
        found = _yearless(month, first, ctx)
        if found is None:
            return None
        start = found.start
    end = date(start.year, month, last)
    return _Span(f"{start.isoformat()}/{end.isoformat()}", start, end, INTERVAL)


def _month_name(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    word, mod, anchor = m["month"], m["mod"], ctx.anchor
    month = _MONTH_NUMBERS[word]
    if m["year"]:
        return _month(int(m["year"]), month)
    if m["rel"]:
        return _month(anchor.year + _OFFSETS[m["rel"]], month)
    if mod is None and word in _AMBIGUOUS_MONTHS and re.search(rf"\b{word}\b", ctx.raw):
        return None
    if mod == "this":
        return _month(anchor.year, month)
    return _choose(_around(anchor, lambda y: _month(y, month)), mod, ctx)


def _spoken_year(text: str) -> int:
    """ "nineteen ninety four" or "two thousand and fourteen" as a number."""
    words = text.split()
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(w for w in words[2:] if w != "and")
        return 2000 + (int(_NUMBER_WORDS[rest]) if rest else 0)
    century = int(_NUMBER_WORDS[words[0]])
    rest = " ".join(words[1:])
    if rest == "hundred":
        return century * 100
    return century * 100 + int(_NUMBER_WORDS[rest.removeprefix("oh ")])


def _year_number(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if m.groupdict().get("spoken"):
        return _year(_spoken_year(m["spoken"]))
    return _year(int(m["year"]))


def _decade_name(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    groups = m.groupdict()
    if groups.get("full"):
        return _decade(int(m["full"]))
    tens = _DECADE_WORDS[m["word"]] if groups.get("word") else int(m["tens"])
    # "the nineties" is the latest such decade that has begun by the anchor.
    year = ctx.anchor.year - ctx.anchor.year % 100 + 10 * tens
    return _decade(year - 100 if year > ctx.anchor.year else year)


def _century_name(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    n = _day_number(m["ord"])
    return _century(100 * (n - 1)) if n > 0 else None


def _reported_quarter(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "the quarter", "the latest period": in earnings news the last quarter that has
    ended by the anchor; "the year-ago quarter" is the same quarter a year before."""
    latest = _reported_quarter_of(ctx.anchor)
    return _quarter(latest.start.year - (1 if m["ago"] else 0), (latest.start.month + 2) // 3)


def _reported_quarter_of(anchor: date) -> _Span:
    """The latest quarter that has ended by the anchor."""
    done = _quarter(anchor.year, (anchor.month + 2) // 3).start - timedelta(days=1)
    return _quarter(done.year, (done.month + 2) // 3)


def _quarter_name(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    groups = m.groupdict()
    q = int(m["q"]) if groups.get("q") else _day_number(m["ord"])
    if not 1 <= q <= 4:
        return None
    if groups.get("year"):
        return _quarter(int(m["year"]), q)
    mod = groups.get("mod")
    if mod is not None and mod != "this":
        return _choose(_around(ctx.anchor, lambda y: _quarter(y, q)), mod, ctx)
    # Quarters are counted within a (fiscal) year: "the first quarter" is this year's,
    # over or not, unless the tense puts it on the other side of the anchor.
    quarter = _quarter(ctx.anchor.year, q)
    if ctx.tense == "past" and quarter.start > ctx.anchor:
        return _quarter(ctx.anchor.year - 1, q)
    if ctx.tense == "future" and quarter.end < ctx.anchor:
        return _quarter(ctx.anchor.year + 1, q)
    return quarter


def _year_quarter(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """ "this year's third quarter", "last year's quarter", "the year-ago period"."""
    year = ctx.anchor.year + (_OFFSETS[m["rel"]] if m["rel"] else -1)
    if m["ord"]:
        return _quarter(year, _day_number(m["ord"]))
    latest = _reported_quarter_of(ctx.anchor)
    return _quarter(year, (latest.start.month + 2) // 3)


def _year_ago(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """The adjective "year-ago" ("year-ago results"): the year before the anchor's."""
    return _year(ctx.anchor.year - 1)


def _this_year(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _year(ctx.anchor.year)


def _season_name(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    name, mod = m["season"], m["mod"]
    if m["year"]:
        return _season(int(m["year"]), name)
    if name == "fall" and mod is None:
        return None  # bare "fall" is a verb far more often than a season
    return _choose(_around(ctx.anchor, lambda y: _season(y, name)), mod, ctx)


def _weekend(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    anchor, mod = ctx.anchor, m["mod"]
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)  # latest, maybe today
    within = anchor <= saturday + timedelta(days=1)  # the anchor is that Saturday or Sunday
    if mod in _BACK_MODS and within:
        saturday -= timedelta(days=7)
    elif mod in _AHEAD_MODS or (ctx.tense == "future" and not within):
        saturday += timedelta(days=7)
    iso = saturday.isocalendar()
    return _Span(
        f"{iso.year:04d}-W{iso.week:02d}-WE", saturday, saturday + timedelta(days=1), INTERVAL
    )


def _weekday_date(anchor: date, weekday: int, mod: str | None, tense: Tense | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if mod in _BACK_MODS:
        return anchor - timedelta(days=back or 7)
    if mod in _AHEAD_MODS:
        return anchor + timedelta(days=ahead or 7)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    weekday = WEEKDAYS.index(m["weekday"])
    if m["week"]:
        monday = _week(ctx.anchor + timedelta(weeks=_OFFSETS[m["week"]])).start
        return _day(monday + timedelta(days=weekday))
    return _day(_weekday_date(ctx.anchor, weekday, m["mod"], ctx.tense))


def _calendar(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    unit, step = _CALENDAR_STEPS[m["unit"]]
    shifted = _shift(ctx.anchor, unit, step * _OFFSETS[m["mod"]])
    return _PERIODS[m["unit"]](shifted)


def _period_end(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _third(_PERIODS[m["unit"]](ctx.anchor), "late")


def _ago(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    n, unit = _count(m)
    future = m["dir"] not in {"ago", "earlier"}
    if n is None:
        return _Open("FUTURE_REF" if future else "PAST_REF", VAGUE)
    shifted = _shift(ctx.anchor, unit, n if future else -n)
    return _PERIODS[_GRANULE[unit]](shifted)


def _vague_ago(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _Open("PAST_REF" if m["dir"] == "ago" else "FUTURE_REF", VAGUE)


def _anchored(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """A count running up to or from now: "the past eight years", "the next 15 years"."""
    groups = m.groupdict()
    if groups.get("n") is None:
        unit, multiple = _unit(m["unit"])
        if unit == "day" and m["dir"] != "past":
            return None  # "the next day", "the last day" point into the story, not at now
        n: float | None = float(multiple)
    else:
        n, unit = _count(m)
    value = _duration_value(n, unit)
    direction = m["dir"]
    if n is None:
        return _Open(value, VAGUE)
    if direction in ("past", "last", "recent", "latest"):
        return _Span(value, _shift(ctx.anchor, unit, -n), ctx.anchor, INTERVAL)
    if direction in ("next", "coming"):
        return _Span(value, ctx.anchor, _shift(ctx.anchor, unit, n), INTERVAL)
    return _Open(value, DURATION)  # "the following three days" runs from a story's event


def _vague_span(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    return _Open(_duration_value(None, _unit(m["unit"])[0]), VAGUE)


def _duration(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    n, unit = _count(m)
    if n is not None and n >= 1000 and not m["unit"].endswith("s"):
        return None  # a singular unit is adjectival ("a five-year plan"): "the 1988 quarter"
    return _Open(_duration_value(n, unit), VAGUE if n is None else DURATION)


def _clock_value(m: re.Match[str]) -> str | None:
    """The THH:MM of a clock time, None when it is no time of day."""
    groups = m.groupdict()
    word = groups.get("word")
    if word:
        return "T24:00" if word == "midnight" else "T12:00"
    if groups.get("ap"):
        hour = int(m["h"])
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ap"].startswith("p") else 0)
        minute = m["mi"]
    elif groups.get("h24"):
        hour, minute = int(m["h24"]), m["mi24"]
    else:
        hour, minute = int(m["hm"]), m["mm"]
    if hour > 23 or (minute is not None and int(minute) > 59):
        return None
    # TIMEX3 writes a clock time with its minutes: "10 p.m." is T22:00, not T22.
    return f"T{hour:02d}:{minute or '00'}"


def _inner_day(text: str | None, ctx: _Ctx) -> date | None:
    """The day a composed phrase hangs from: "Friday" in "5 p.m. Friday"."""
    if text is None:
        return ctx.anchor
    found = _parse(text, ctx.nested)
    if isinstance(found, _Span) and found.precision == DAY and len(found.value) == 10:
        return found.start
    return None


def _clock(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    value = _clock_value(m)
    day = _inner_day(m.groupdict().get("rest"), ctx)
    if value is None or day is None:
        return None
    return _Span(day.isoformat() + value, day, day, DAY)


def _with_weekday(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    day = _inner_day(m["rest"], ctx)
    return None if day is None else _day(day)


def _with_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    part, rest = _PARTS_OF_DAY[m["part"]], m["rest"]
    if rest == "last" and part in ("EV", "NI"):
        day: date | None = ctx.anchor - timedelta(days=1)
    elif rest == "this":
        day = ctx.anchor
    else:
        day = _inner_day(rest, ctx)
    return None if day is None else _part_of_day(day, part)


_THE_PERIOD: Final = re.compile(r"(?:in )?the (week|month|quarter|year|decade|century)")


def _current(text: str) -> str:
    # "the end of the year", "earlier in the month": in news these mean the current one,
    # though "the year" on its own points back into the story.
    return _THE_PERIOD.sub(r"this \1", text) if _THE_PERIOD.fullmatch(text) else text


def _with_period_part(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    inner = _parse(_current(m["rest"]), ctx.nested)
    return _third(inner, _PERIOD_PARTS[m["part"]]) if isinstance(inner, _Span) else None


def _earlier_later(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    """The part of a period before (or after) the anchor: "earlier this month"."""
    inner = _parse(_current(m["rest"]), ctx.nested)
    if not isinstance(inner, _Span) or inner.precision in (DAY, NIGHT):
        return inner
    anchor = ctx.anchor
    if not inner.start <= anchor <= inner.end:
        return inner._replace(precision=VAGUE)
    if m["dir"] == "earlier":
        return _Span(inner.value, inner.start, anchor, VAGUE)
    return _Span(inner.value, anchor, inner.end, VAGUE)


_RANGE_SEPARATOR: Final = re.compile(r" ?- ?| (?:to|until|till|through|thru|and) ", re.ASCII)


def _range(m: re.Match[str], ctx: _Ctx) -> _Found | None:
    if not ctx.ranges:
        return None
    text = m[0]
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[: separator.start()], text[separator.end() :]
        if not left or not right:
            continue
        first, last = _parse(left, ctx.nested), _parse(right, ctx.nested)
        if isinstance(first, _Span) and isinstance(last, _Span) and first.start <= last.end:
            return _Span(f"{first.value}/{last.value}", first.start, last.end, INTERVAL)
    return None


# --- the table --------------------------------------------------------------------------

_MOD_RE: Final = r"(?:(?P<mod>this past|this coming|last|this|next|past|coming|previous) )?"


def _rule(pattern: str, handler: _Handler) -> tuple[re.Pattern[str], _Handler]:
    return re.compile(pattern, re.ASCII), handler


_RULES: Final[tuple[tuple[re.Pattern[str], _Handler], ...]] = (
    _rule(_alt(_REFS), _ref),
    _rule(_alt(_DEICTIC), _deictic),
    _rule(r"(?P<adverb>daily|nightly|weekly|monthly|quarterly|yearly|annually)", _set),
    _rule(rf"(?:every|each|per) (?P<unit>{_SINGULAR_UNIT_RE})", _set),
    _rule(rf"(?:every|each) (?P<weekday>{_WEEKDAY_RE})", _set),
    # numeric dates
    _rule(r"(?P<y>\d\d\d\d)([-/.])(?P<m>\d\d?)\2(?P<d>\d\d?)", _numeric_date),
    _rule(r"(?P<y>[12]\d\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)", _numeric_date),
    _rule(r"(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>\d\d(?:\d\d)?)", _numeric_date),
    _rule(r"(?P<a>\d\d?)(?P<dot>\.)(?P<b>\d\d?)\.(?P<y>\d\d\d\d)", _numeric_date),
    _rule(r"(?P<y>[12]\d\d\d)-(?P<m>0[1-9]|1[0-2])", _iso_month),
    # day and month names
    _rule(
        rf"(?P<d1>{_DAY_RE}) ?(?:-|to|and) ?(?P<d2>{_DAY_RE}) (?:of )?(?P<month>{_MONTH_RE})"
        rf"(?:,? (?P<year>{_YEAR_RE}))?",
        _day_range,
    ),
    _rule(
        rf"(?P<month>{_MONTH_RE}) (?P<d1>{_DAY_RE}) ?(?:-|to|and) ?(?P<d2>{_DAY_RE})"
        rf"(?:,? (?P<year>{_YEAR_RE}))?",
        _day_range,
    ),
    _rule(
        rf"(?:the )?(?P<day>{_DAY_RE}) (?:of )?(?P<month>{_MONTH_RE})(?:,? (?P<year>{_YEAR_RE}))?",
        _day_month,
    ),
    _rule(
        rf"(?P<month>{_MONTH_RE}) (?:the )?(?P<day>{_DAY_RE})(?:,? (?P<year>{_YEAR_RE}))?",
        _day_month,
    ),
    _rule(
        rf"{_MOD_RE}(?P<month>{_MONTH_RE})"
        rf"(?:(?:,| of)? (?P<year>{_YEAR_RE})| (?P<rel>last|this|next) year)?",
        _month_name,
    ),
    # years and longer
    _rule(rf"(?:(?:fiscal|calendar) )?(?:year )?(?P<year>{_YEAR_RE})", _year_number),
    _rule(rf"(?:(?:fiscal|calendar) )?(?:year )?(?P<spoken>{_SPOKEN_YEAR_RE})", _year_number),
    _rule(r"(?P<full>[12]\d\d0) ?'?s", _decade_name),
    _rule(r"'?(?P<tens>[1-9])0 ?'?s", _decade_name),
    _rule(rf"(?P<word>{_alt(_DECADE_WORDS)})", _decade_name),
    _rule(rf"(?P<ord>{_DAY_RE}) century", _century_name),
    _rule(
        rf"{_MOD_RE}(?:fiscal )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
        rf"(?: (?:of )?(?P<year>{_YEAR_RE}))?",
        _quarter_name,
    ),
    _rule(rf"q(?P<q>[1-4])(?: (?P<year>{_YEAR_RE}))?", _quarter_name),
    _rule(
        r"(?:the )?(?:(?P<rel>this|last|next) year'?s?|(?P<ago>year ago|year earlier))"
        r"(?: fiscal)?(?: (?P<ord>first|second|third|fourth))? (?:quarter|period)",
        _year_quarter,
    ),
    _rule(r"(?:the )?year (?:ago|earlier)", _year_ago),
    _rule(r"the (?:full|whole|entire) year", _this_year),
    _rule(
        r"(?:the )?(?P<ago>year ago |year earlier |year-ago |year-earlier )?"
        r"(?:(?:(?:latest|last|most recent|recent|just ended|fiscal|same) )?quarter"
        r"|(?(ago)|(?:latest|most recent|just ended|same) )period)",
        _reported_quarter,
    ),
    _rule(
        rf"(?P<year>{_YEAR_RE}) (?:q(?P<q>[1-4])|(?P<ord>first|second|third|fourth) quarter)",
        _quarter_name,
    ),
    _rule(
        rf"{_MOD_RE}(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?(?P<year>{_YEAR_RE}))?",
        _season_name,
    ),
    # weeks and days
    _rule(rf"{_MOD_RE}weekend", _weekend),
    _rule(rf"{_MOD_RE}(?P<weekday>{_WEEKDAY_RE})(?: (?P<week>last|this|next) week)?", _weekday),
    _rule(
        r"(?P<mod>last|this|next|current|previous|this past|this coming|coming) "
        r"(?P<unit>week|month|quarter|year|decade|century)",
        _calendar,
    ),
    _rule(r"(?P<unit>week|month|quarter|year)(?:'s)? end", _period_end),
    # counts of units
    _rule(
        rf"(?P<n>{_NUM_RE})(?P<half>{_HALF}) (?P<unit>{_UNIT_RE})(?P<half2>{_HALF})"
        r" (?P<dir>ago|earlier)",
        _ago,
    ),
    _rule(
        rf"(?P<n>{_NUM_RE})(?P<half>{_HALF}) (?P<unit>{_UNIT_RE})(?P<half2>{_HALF})"
        r"(?:'? time| (?P<dir>from now|hence))",
        _ago,
    ),
    _rule(rf"(?P<unit>{_PLURAL_UNIT_RE}) (?P<dir>ago|from now|hence)", _vague_ago),
    _rule(_CLOCK_RE, _clock),
    _rule(
        r"(?:the )?(?P<dir>past|last|next|coming|previous|following|first|final|recent|latest)"
        rf" (?P<n>{_NUM_RE})(?P<half>{_HALF}) (?P<unit>{_UNIT_RE})(?P<half2>{_HALF})"
        r"(?: of .+)?",
        _anchored,
    ),
    _rule(rf"the (?P<dir>past|last|next|coming) (?P<unit>{_SINGULAR_UNIT_RE})", _anchored),
    _rule(rf"(?P<dir>past) (?P<unit>{_SINGULAR_UNIT_RE})", _anchored),
    _rule(
        r"(?:the )?(?:past|last|next|coming|recent|following|previous) "
        rf"(?P<unit>{_PLURAL_UNIT_RE})(?: of .+)?",
        _vague_span,
    ),
    _rule(
        rf"(?P<n>{_NUM_RE})(?P<half>{_HALF}) (?P<unit>{_UNIT_RE})(?P<half2>{_HALF})"
        r"(?: (?:of .+|long|old|later|after|before|earlier|running|in a row|straight|on"
        r"|at a time|since|in))?",
        _duration,
    ),
    _rule(
        rf"(?P<unit>{_PLURAL_UNIT_RE})(?: (?:of .+|later|after|before|earlier|on|since))?",
        _vague_span,
    ),
    # compositions
    _rule(rf"(?P<weekday>{_WEEKDAY_RE}),? (?P<rest>(?!{_WEEKDAY_RE}).+)", _with_weekday),
    _rule(rf"(?P<rest>.+?),? (?P<part>{_PART_RE})", _with_part_of_day),
    _rule(rf"(?P<part>{_PART_RE}) (?:of )?(?P<rest>.+)", _with_part_of_day),
    _rule(rf"{_CLOCK_RE},? (?:on )?(?P<rest>.+)", _clock),
    _rule(rf"(?P<rest>.+?),? (?:at )?{_CLOCK_RE}", _clock),
    _rule(rf"(?:the )?(?P<part>{_words(_PERIOD_PARTS)}) (?P<rest>.+)", _with_period_part),
    _rule(r"(?P<dir>earlier|later) (?P<rest>.+)", _earlier_later),
    _rule(r".+", _range),
)


def _parse(text: str, ctx: _Ctx) -> _Found | None:
    key = (text, ctx.ranges)
    if key not in ctx.memo:
        ctx.memo[key] = _parse_afresh(text, ctx)
    return ctx.memo[key]


def _parse_afresh(text: str, ctx: _Ctx) -> _Found | None:
    while True:
        for pattern, handler in _RULES:
            match = pattern.fullmatch(text)
            if match is not None and (found := handler(match, ctx)) is not None:
                return found
        shorter = _PREFIX.sub("", text, count=1)
        if shorter == text or not shorter:
            return None
        text = shorter


# --- public -----------------------------------------------------------------------------


def normalise_time(text: str, anchor: date, tense: Tense | None = None) -> TimeExpr | None:
    """``text`` as a TIMEX3-valued :class:`TimeExpr` relative to ``anchor``, the article's
    publication date; None when it is not a temporal expression saydo understands.

    ``tense`` is that of the clause the expression belongs to; it decides which Tuesday,
    which March or which weekend is meant (see the module notes).
    """
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > _MAX_LEN:
        return None
    try:
        found = _parse(cleaned, _Ctx(anchor, tense, text))
    except (ValueError, OverflowError):
        # Calendar arithmetic past year 1 or 9999, or a date like 31 June: no answer.
        return None
    if found is None:
        return None
    if isinstance(found, _Span):
        return TimeExpr(text, found.value, found.start, found.end, found.precision)
    return TimeExpr(text, found.value, precision=found.precision)


_TEMPORAL_HINT: Final = re.compile(
    r"\b(?:"
    + "|".join(
        (
            _words(set(WEEKDAYS) | (set(MONTHS) - _AMBIGUOUS_MONTHS)),
            r"(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\.",
            r"(?:to|yester)day|tonight|tomorrow|overnight|now|currently|recent(?:ly)?",
            r"lately|ago|weekends?|mornings?|afternoons?|evenings?|nights?|dawn|dusk",
            r"days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|hours?",
            r"minutes?|spring|summer|autumn|winter|(?:1[89]|20)\d\d(?:s)?",
            r"\d{4}-\d\d-\d\d|\d\d?/\d\d?/\d\d(?:\d\d)?",
        )
    )
    + r")\b",
    re.IGNORECASE | re.ASCII,
)
_CAPITALISED_MONTH: Final = re.compile(r"\b(?:May|March|MAY|MARCH)\b")


def looks_temporal(text: str) -> bool:
    """Whether ``text`` holds a word or pattern that usually marks a time.

    A cheap filter for spans and sentences, erring towards True; :func:`normalise_time`
    is the exact test. "May" and "March" count only capitalised.
    """
    return bool(_TEMPORAL_HINT.search(text) or _CAPITALISED_MONTH.search(text))
