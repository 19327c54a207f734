"""Quote spans in raw text, found without a parser.

News text mixes straight and curly marks, closes a curly opener with a straight closer,
uses apostrophes inside quotes, and runs a quote over several paragraphs (a paragraph
opened with a quote mark and not closed continues in the next one, which opens with a
quote mark again). The scanner below copes with all of these and degrades per quote: an
unmatched mark ends its quote at the paragraph end and never disturbs other quotes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
QUOTE_CHARS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'")
# A quote shorter than this is a scare quote or a title ("civilian infrastructure"),
# not something anybody said.
MIN_QUOTE_WORDS = 3


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character of the content, after the opening mark
    end: int  # one past the last character of the content
    closed: bool  # False when the paragraph ended before a closing mark
    continues_previous: bool  # True when it continues the quote of the previous paragraph

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _single_straight_role(text: str, i: int) -> str | None:
    """'open', 'close' or None (an apostrophe) for a straight single quote at ``i``."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _is_word_char(before) and _is_word_char(after):
        return None  # don't, Russia's
    if not _is_word_char(before) and _is_word_char(after):
        return "open"
    if _is_word_char(before) or before in ".,!?;:":
        return "close" if not _is_word_char(after) else None
    return None


def _curly_single_role(text: str, i: int) -> str | None:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in SINGLE_OPEN:
        return "open"
    # ’ is far more often an apostrophe (Ukraine’s, don’t) than a closing mark.
    if _is_word_char(before) and _is_word_char(after):
        return None
    if ch in SINGLE_CLOSE and before == "s" and after in " ,.":
        return "maybe-close"  # plural possessive (officials’) or a closing mark
    return "close"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool, str]]:
    """Quote spans (content start, content end, closed, family) inside one paragraph."""
    found: list[tuple[int, int, bool, str]] = []
    open_at: int | None = None
    family = ""
    i = start
    while i < end:
        ch = text[i]
        if open_at is None:
            if ch in DOUBLE_OPEN or ch == STRAIGHT_DOUBLE or _misturned_opener(text, start, i):
                open_at, family = i + 1, "double"
            elif ch in SINGLE_OPEN or (
                ch == STRAIGHT_SINGLE and _single_straight_role(text, i) == "open"
            ):
                open_at, family = i + 1, "single"
        elif family == "double" and (ch in DOUBLE_CLOSE or ch == STRAIGHT_DOUBLE):
            found.append((open_at, i, True, family))
            open_at = None
        elif family == "double" and ch in DOUBLE_OPEN:
            # A second opener before a closer: the first quote was never closed.
            found.append((open_at, i, False, family))
            open_at = i + 1
        elif family == "single" and _closes_single(text, i):
            found.append((open_at, i, True, family))
            open_at = None
        i += 1
    if open_at is not None:
        found.append((open_at, _rstrip(text, open_at, end), False, family))
    return found


def _misturned_opener(text: str, start: int, i: int) -> bool:
    """A paragraph that opens with a closing mark before a word ("”Fear. I am ...") opens a
    quote: the typist's software turned the mark the wrong way."""
    return (
        text[i] in DOUBLE_CLOSE
        and not text[start:i].strip()
        and i + 1 < len(text)
        and text[i + 1].isalnum()
    )


def _closes_single(text: str, i: int) -> bool:
    ch = text[i]
    if ch == STRAIGHT_SINGLE:
        return _single_straight_role(text, i) == "close"
    if ch in SINGLE_CLOSE:
        return _curly_single_role(text, i) in {"close", "maybe-close"}
    return False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _starts_with_quote(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i] in DOUBLE_OPEN + STRAIGHT_DOUBLE


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quote in ``text``, in order, each a span of its content."""
    quotes: list[QuoteSpan] = []
    carried = False  # the previous paragraph ended inside an open double quote
    for p_start, p_end in _paragraphs(text):
        spans = _scan_paragraph(text, p_start, p_end)
        continues = carried and _starts_with_quote(text, p_start, p_end)
        carried = False
        for n, (q_start, q_end, closed, family) in enumerate(spans):
            content = text[q_start:q_end]
            if len(content.split()) < MIN_QUOTE_WORDS and closed:
                continue
            if family == "single" and not closed:
                continue  # an unmatched apostrophe, not a quote
            quotes.append(QuoteSpan(q_start, q_end, closed, continues and n == 0))
            if not closed and n == len(spans) - 1 and family == "double":
                carried = True
    return quotes


def inside_quote(char: int, quotes: list[QuoteSpan]) -> bool:
    """Whether ``char`` lies inside one of ``quotes``, which are in text order and do not
    overlap, as :func:`find_quotes` gives them: a binary search, for the extractors ask
    this of nearly every token."""
    n = bisect_right(quotes, char, key=_start)
    return n > 0 and char < quotes[n - 1].end


def _start(quote: QuoteSpan) -> int:
    return quote.start


def overlaps_quote(start: int, end: int, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < end and start < q.end for q in quotes)
