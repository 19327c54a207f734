"""Temporal expressions normalised against an article's publication date.

``normalise_time("on Tuesday", date(2022, 3, 30), "past")`` is the Tuesday before a
Wednesday article. The result is a :class:`~saydo.domain.TimeExpr` whose ``value`` follows
the TIMEX3 conventions of TimeML / TempEval-3 (``2022-03-29``, ``2022-W12``, ``2022-03``,
``2022``, ``2022-Q1``, ``2022-SU``, ``P15Y``, ``PTXH``, ``2022-03-29TNI``, ``PAST_REF``)
and whose ``start``/``end`` bound the days it covers, both inclusive. Nothing here needs
spaCy: the caller finds the span and, if it can, the tense of the verb it hangs from.

How it reads (:mod:`.reader`): the text is folded (:mod:`.folding`: lower case, hyphens
between words as spaces, month abbreviations without their dot, trailing punctuation and
possessive dropped) and matched whole against a table of compiled patterns (:mod:`.rules`),
each with a small handler. When no pattern matches, one leading preposition, determiner or
approximator ("on", "the", "more than") is dropped and the table is tried again. A few
handlers (:mod:`.compose`) read their parts with the same table: "Tuesday night",
"mid-March", "earlier this month", "the end of the year", "5 p.m. on Friday", "2014 to
2022".

The modules, each one kind of knowledge:

* :mod:`.readings`: what a reading is (a calendar :class:`Period` or an :class:`Open`
  value) and the context it is read in;
* :mod:`.vocabulary` and :mod:`.patterns`: the words and the regex fragments made of them;
* :mod:`.periods`: calendar arithmetic, and which occurrence of a yearless name is meant;
* :mod:`.relative` ("on Tuesday", "two days ago", "the past eight years"), :mod:`.dates`
  ("29 March", "2014", "the nineties"), :mod:`.quarters` ("the year-ago quarter"),
  :mod:`.durations` ("five weeks", "every week") and :mod:`.compose`: the handlers;
* :mod:`.hints`: :func:`looks_temporal`, a cheap filter to run before the reader.

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

from saydo.resolve.times.hints import looks_temporal
from saydo.resolve.times.reader import normalise_time
from saydo.resolve.times.readings import Tense
from saydo.resolve.times.vocabulary import MONTHS, WEEKDAYS

__all__ = ["MONTHS", "WEEKDAYS", "Tense", "looks_temporal", "normalise_time"]
