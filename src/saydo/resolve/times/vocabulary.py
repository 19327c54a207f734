"""The words temporal expressions are made of, and what each one means.

Tables rather than code: the patterns (:mod:`.patterns`) are built from their keys and the
handlers look up their values, so a new word ("fortnight", "nightfall") is one entry here.
"""

from __future__ import annotations

from typing import Final

WEEKDAYS: Final[tuple[str, ...]] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
MONTHS: Final[tuple[str, ...]] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


MONTH_NUMBERS: Final[dict[str, int]] = {
    **{name[:3]: i for i, name in enumerate(MONTHS, start=1)},
    **{name: i for i, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
# Lower-case "may" and "march" are far likelier a verb or a protest than a month.
AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "mar"})

SMALL_NUMBERS: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def _number_words() -> dict[str, float]:
    words: dict[str, float] = {w: float(i) for i, w in enumerate(SMALL_NUMBERS)}
    for tens_word, tens in TENS.items():
        words[tens_word] = tens
        for i, unit_word in enumerate(SMALL_NUMBERS[1:10], start=1):
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


NUMBER_WORDS: Final = _number_words()
VAGUE_NUMBERS: Final = frozenset(
    {"several", "a few", "few", "some", "many", "a number of", "a handful of", "numerous",
     "dozens of", "hundreds of", "countless", "a couple more", "a few more"}
)  # fmt: skip

_ORDINAL_NAMES: Final = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
ORDINALS: Final[dict[str, int]] = {
    **{w: i for i, w in enumerate(_ORDINAL_NAMES, start=1)},
    **{f"twenty {w}": 20 + i for i, w in enumerate(_ORDINAL_NAMES[:9], start=1)},
    "thirtieth": 30,
    "thirty first": 31,
}

# Each unit word: the unit it counts and how many of them.
UNIT_WORDS: Final[dict[str, tuple[str, int]]] = {
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
DESIGNATORS: Final[dict[str, tuple[str, str]]] = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"),
    "day": ("", "D"), "week": ("", "W"), "month": ("", "M"),
    "quarter": ("", "Q"), "year": ("", "Y"),
}  # fmt: skip
# Where a fraction can be said exactly in a smaller unit ("a year and a half" = P18M).
FINER: Final[dict[str, tuple[str, int]]] = {
    "year": ("month", 12), "quarter": ("month", 3), "week": ("day", 7),
    "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60),
}  # fmt: skip
SECONDS: Final = {"second": 1, "minute": 60, "hour": 3600}
MONTHS_IN: Final = {"month": 1, "quarter": 3, "year": 12}
# The calendar period a count of each unit lands in ("two hours ago" is a day).
GRANULE: Final = {
    "second": "day", "minute": "day", "hour": "day", "day": "day",
    "week": "week", "month": "month", "quarter": "quarter", "year": "year",
}  # fmt: skip
# Calendar periods "this/last/next" can name, as (unit to shift by, how many).
CALENDAR_STEPS: Final[dict[str, tuple[str, int]]] = {
    "week": ("week", 1), "month": ("month", 1), "quarter": ("quarter", 1),
    "year": ("year", 1), "decade": ("year", 10), "century": ("year", 100),
}  # fmt: skip

BACK_MODS: Final = frozenset({"last", "past", "previous", "this past"})
AHEAD_MODS: Final = frozenset({"next", "coming", "this coming", "following"})
OFFSETS: Final = {"last": -1, "previous": -1, "this past": -1, "this": 0, "current": 0,
                   "next": 1, "coming": 1, "this coming": 1}  # fmt: skip

# (day offset from the anchor, TIMEX3 part of day or None for the whole day)
DEICTIC: Final[dict[str, tuple[int, str | None]]] = {
    "today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None),
    "day before yesterday": (-2, None), "day after tomorrow": (2, None),
    "tonight": (0, "NI"), "overnight": (-1, "NI"), "last night": (-1, "NI"),
    "last evening": (-1, "EV"), "this morning": (0, "MO"),
    "this afternoon": (0, "AF"), "this evening": (0, "EV"),
}  # fmt: skip
PARTS_OF_DAY: Final = {
    "morning": "MO", "dawn": "MO", "daybreak": "MO", "afternoon": "AF",
    "evening": "EV", "dusk": "EV", "nightfall": "EV", "night": "NI",
}  # fmt: skip

REFS: Final[dict[str, str]] = {
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

SEASONS: Final = {
    "spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
    "winter": ("WI", 12),
}  # fmt: skip
DECADE_WORDS: Final = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


# Which third of a period each phrase means.
PERIOD_PARTS: Final = {
    "early": "early", "mid": "mid", "late": "late",
    "start of": "early", "beginning of": "early", "middle of": "mid", "end of": "late",
    "close of": "late", "early hours of": "early", "small hours of": "early",
}  # fmt: skip
