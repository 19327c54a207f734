"""The text of an HTML fragment, as feeds put in their item descriptions.

A description is a paragraph or two, not a page: trafilatura would look for a main
column that is not there, so this only drops the tags, turns block ends into line
breaks and resolves character references. The stdlib parser never raises on bad
markup, which suits input from anywhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_TAG = re.compile(r"<[A-Za-z!/][^>]*>")
# Elements whose end is a line break in the text; the rest run on inline.
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
    ]
)
# Elements whose content is not text a reader sees.
_HIDDEN = frozenset(("script", "style", "template", "noscript"))
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_SPACES = re.compile(r"[ \t\u00a0]+")


def looks_like_html(text: str) -> bool:
    return _TAG.search(text) is not None


def html_text(fragment: str) -> str:
    """The visible text of an HTML fragment, paragraphs apart by a blank line."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
