"""The rule table: patterns matched against the whole folded text, each with its handler.

The first handler that gives a reading wins, so specific patterns come before general ones
and the compositions, which read their parts with this same table, come last.
"""

from __future__ import annotations

import re
from typing import Final

from saydo.resolve.times.compose import (
    read_clock,
    read_earlier_later,
    read_range,
    read_with_part_of_day,
    read_with_period_part,
    read_with_weekday,
)
from saydo.resolve.times.dates import (
    read_century_name,
    read_day_month,
    read_day_range,
    read_decade_name,
    read_iso_month,
    read_month_name,
    read_numeric_date,
    read_season_name,
    read_year_number,
)
from saydo.resolve.times.durations import read_duration, read_set, read_vague_span
from saydo.resolve.times.patterns import (
    CLOCK_RE,
    DAY_RE,
    HALF_RE,
    MONTH_RE,
    NUM_RE,
    PART_RE,
    PLURAL_UNIT_RE,
    SINGULAR_UNIT_RE,
    SPOKEN_YEAR_RE,
    UNIT_RE,
    WEEKDAY_RE,
    YEAR_RE,
    alternation,
    group_of,
)
from saydo.resolve.times.quarters import (
    read_quarter_name,
    read_reported_quarter,
    read_this_year,
    read_year_ago,
    read_year_quarter,
)
from saydo.resolve.times.readings import Handler
from saydo.resolve.times.relative import (
    read_ago,
    read_anchored,
    read_calendar,
    read_deictic,
    read_period_end,
    read_ref,
    read_vague_ago,
    read_weekday,
    read_weekend,
)
from saydo.resolve.times.vocabulary import DECADE_WORDS, DEICTIC, PERIOD_PARTS, REFS

_MOD_RE: Final = r"(?:(?P<mod>this past|this coming|last|this|next|past|coming|previous) )?"


def _rule(pattern: str, handler: Handler) -> tuple[re.Pattern[str], Handler]:
    return re.compile(pattern, re.ASCII), handler


RULES: Final[tuple[tuple[re.Pattern[str], Handler], ...]] = (
    _rule(group_of(REFS), read_ref),
    _rule(group_of(DEICTIC), read_deictic),
    _rule(r"(?P<adverb>daily|nightly|weekly|monthly|quarterly|yearly|annually)", read_set),
    _rule(rf"(?:every|each|per) (?P<unit>{SINGULAR_UNIT_RE})", read_set),
    _rule(rf"(?:every|each) (?P<weekday>{WEEKDAY_RE})", read_set),
    # numeric dates
    _rule(r"(?P<y>\d\d\d\d)([-/.])(?P<m>\d\d?)\2(?P<d>\d\d?)", read_numeric_date),
    _rule(r"(?P<y>[12]\d\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)", read_numeric_date),
    _rule(r"(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>\d\d(?:\d\d)?)", read_numeric_date),
    _rule(r"(?P<a>\d\d?)(?P<dot>\.)(?P<b>\d\d?)\.(?P<y>\d\d\d\d)", read_numeric_date),
    _rule(r"(?P<y>[12]\d\d\d)-(?P<m>0[1-9]|1[0-2])", read_iso_month),
    # day and month names
    _rule(
        rf"(?P<d1>{DAY_RE}) ?(?:-|to|and) ?(?P<d2>{DAY_RE}) (?:of )?(?P<month>{MONTH_RE})"
        rf"(?:,? (?P<year>{YEAR_RE}))?",
        read_day_range,
    ),
    _rule(
        rf"(?P<month>{MONTH_RE}) (?P<d1>{DAY_RE}) ?(?:-|to|and) ?(?P<d2>{DAY_RE})"
        rf"(?:,? (?P<year>{YEAR_RE}))?",
        read_day_range,
    ),
    _rule(
        rf"(?:the )?(?P<day>{DAY_RE}) (?:of )?(?P<month>{MONTH_RE})(?:,? (?P<year>{YEAR_RE}))?",
        read_day_month,
    ),
    _rule(
        rf"(?P<month>{MONTH_RE}) (?:the )?(?P<day>{DAY_RE})(?:,? (?P<year>{YEAR_RE}))?",
        read_day_month,
    ),
    _rule(
        rf"{_MOD_RE}(?P<month>{MONTH_RE})"
        rf"(?:(?:,| of)? (?P<year>{YEAR_RE})| (?P<rel>last|this|next) year)?",
        read_month_name,
    ),
    # years and longer
    _rule(rf"(?:(?:fiscal|calendar) )?(?:year )?(?P<year>{YEAR_RE})", read_year_number),
    _rule(rf"(?:(?:fiscal|calendar) )?(?:year )?(?P<spoken>{SPOKEN_YEAR_RE})", read_year_number),
    _rule(r"(?P<full>[12]\d\d0) ?'?s", read_decade_name),
    _rule(r"'?(?P<tens>[1-9])0 ?'?s", read_decade_name),
    _rule(rf"(?P<word>{group_of(DECADE_WORDS)})", read_decade_name),
    _rule(rf"(?P<ord>{DAY_RE}) century", read_century_name),
    _rule(
        rf"{_MOD_RE}(?:fiscal )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
        rf"(?: (?:of )?(?P<year>{YEAR_RE}))?",
        read_quarter_name,
    ),
    _rule(rf"q(?P<q>[1-4])(?: (?P<year>{YEAR_RE}))?", read_quarter_name),
    _rule(
        r"(?:the )?(?:(?P<rel>this|last|next) year'?s?|(?P<ago>year ago|year earlier))"
        r"(?: fiscal)?(?: (?P<ord>first|second|third|fourth))? (?:quarter|period)",
        read_year_quarter,
    ),
    _rule(r"(?:the )?year (?:ago|earlier)", read_year_ago),
    _rule(r"the (?:full|whole|entire) year", read_this_year),
    _rule(
        r"(?:the )?(?P<ago>year ago |year earlier |year-ago |year-earlier )?"
        r"(?:(?:(?:latest|last|most recent|recent|just ended|fiscal|same) )?quarter"
        r"|(?(ago)|(?:latest|most recent|just ended|same) )period)",
        read_reported_quarter,
    ),
    _rule(
        rf"(?P<year>{YEAR_RE}) (?:q(?P<q>[1-4])|(?P<ord>first|second|third|fourth) quarter)",
        read_quarter_name,
    ),
    _rule(
        rf"{_MOD_RE}(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?(?P<year>{YEAR_RE}))?",
        read_season_name,
    ),
    # weeks and days
    _rule(rf"{_MOD_RE}weekend", read_weekend),
    _rule(rf"{_MOD_RE}(?P<weekday>{WEEKDAY_RE})(?: (?P<week>last|this|next) week)?", read_weekday),
    _rule(
        r"(?P<mod>last|this|next|current|previous|this past|this coming|coming) "
        r"(?P<unit>week|month|quarter|year|decade|century)",
        read_calendar,
    ),
    _rule(r"(?P<unit>week|month|quarter|year)(?:'s)? end", read_period_end),
    # counts of units
    _rule(
        rf"(?P<n>{NUM_RE})(?P<half>{HALF_RE}) (?P<unit>{UNIT_RE})(?P<half2>{HALF_RE})"
        r" (?P<dir>ago|earlier)",
        read_ago,
    ),
    _rule(
        rf"(?P<n>{NUM_RE})(?P<half>{HALF_RE}) (?P<unit>{UNIT_RE})(?P<half2>{HALF_RE})"
        r"(?:'? time| (?P<dir>from now|hence))",
        read_ago,
    ),
    _rule(rf"(?P<unit>{PLURAL_UNIT_RE}) (?P<dir>ago|from now|hence)", read_vague_ago),
    _rule(CLOCK_RE, read_clock),
    _rule(
        r"(?:the )?(?P<dir>past|last|next|coming|previous|following|first|final|recent|latest)"
        rf" (?P<n>{NUM_RE})(?P<half>{HALF_RE}) (?P<unit>{UNIT_RE})(?P<half2>{HALF_RE})"
        r"(?: of .+)?",
        read_anchored,
    ),
    _rule(rf"the (?P<dir>past|last|next|coming) (?P<unit>{SINGULAR_UNIT_RE})", read_anchored),
    _rule(rf"(?P<dir>past) (?P<unit>{SINGULAR_UNIT_RE})", read_anchored),
    _rule(
        r"(?:the )?(?:past|last|next|coming|recent|following|previous) "
        rf"(?P<unit>{PLURAL_UNIT_RE})(?: of .+)?",
        read_vague_span,
    ),
    _rule(
        rf"(?P<n>{NUM_RE})(?P<half>{HALF_RE}) (?P<unit>{UNIT_RE})(?P<half2>{HALF_RE})"
        r"(?: (?:of .+|long|old|later|after|before|earlier|running|in a row|straight|on"
        r"|at a time|since|in))?",
        read_duration,
    ),
    _rule(
        rf"(?P<unit>{PLURAL_UNIT_RE})(?: (?:of .+|later|after|before|earlier|on|since))?",
        read_vague_span,
    ),
    # compositions
    _rule(rf"(?P<weekday>{WEEKDAY_RE}),? (?P<rest>(?!{WEEKDAY_RE}).+)", read_with_weekday),
    _rule(rf"(?P<rest>.+?),? (?P<part>{PART_RE})", read_with_part_of_day),
    _rule(rf"(?P<part>{PART_RE}) (?:of )?(?P<rest>.+)", read_with_part_of_day),
    _rule(rf"{CLOCK_RE},? (?:on )?(?P<rest>.+)", read_clock),
    _rule(rf"(?P<rest>.+?),? (?:at )?{CLOCK_RE}", read_clock),
    _rule(rf"(?:the )?(?P<part>{alternation(PERIOD_PARTS)}) (?P<rest>.+)", read_with_period_part),
    _rule(r"(?P<dir>earlier|later) (?P<rest>.+)", read_earlier_later),
    _rule(r".+", read_range),
)
