"""A TIMEX3 tagger: the temporal expressions of a parsed text, normalised.

spaCy's DATE and TIME entities are the candidates; :func:`normalise_time` reads each
against the anchor (the document's creation or publication date) with the tense of the
verb it hangs from. An entity is first widened by a determiner the model left out ("This"
of "This year", "year-" of "year-earlier"), then cut into the readable pieces it is made
of: the model takes "the year ended Sept. 30" or "between 1985 and 1987" as one entity
where TimeML marks two expressions, and TimeML annotates only what has a value. What the
model leaves out is added by rule: single deictic words ("now", "currently", "overnight")
and short expressions hinging on a unit word ("third-quarter", "the latest period").
A clock time is joined to the day beside it ("noon" "Thursday"), uses of time words TimeML
leaves unmarked are dropped (discourse "Now,", "as soon as", ages, rates), and anaphoric
"that year" / "the same day" take the most recent date named before them. Last, in a text
that reports by quarter, references back to "the quarter" and to "a year earlier" take the
quarter the text reports on.
"""

from __future__ import annotations

from saydo.extract.timex.found import FoundTime
from saydo.extract.timex.tagger import find_times

__all__ = ["FoundTime", "find_times"]
