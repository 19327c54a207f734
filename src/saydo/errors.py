"""Catalogued errors: each names its condition, says why it happened and what to do.

Codes are stable so that scripts and the ``errors`` table can group failures.
"""

from __future__ import annotations

import re
from enum import Enum


class ErrorCode(Enum):
    # (code, message template, fix)
    EMPTY_INPUT = ("E001", "the input is empty", "give a file that holds article text")
    BINARY_INPUT = (
        "E002",
        "the input looks binary ({detail})",
        "give a text, HTML, JSON or CSV file",
    )
    BAD_ENCODING = (
        "E003",
        "the input is not valid UTF-8 ({detail})",
        "re-encode the file as UTF-8, or pass --encoding",
    )
    UNKNOWN_FORMAT = (
        "E004",
        "unknown format '{detail}'",
        "use .txt, .html, .json, .jsonl or .csv, or pass --format",
    )
    BAD_DATE = (
        "E005",
        "cannot read the date {detail!r}",
        "write dates as ISO 8601 (2022-03-30 or 2022-03-30T10:00:00Z)",
    )
    MALFORMED = ("E006", "malformed input ({detail})", "check the file; other records were kept")
    TOO_LARGE = (
        "E007",
        "the input is larger than the limit ({detail})",
        "raise the limit with --max-bytes, or split the file",
    )
    NO_TEXT = ("E008", "no article text found ({detail})", "check the column or field mapping")
    MISSING_COLUMN = (
        "E009",
        "column {detail!r} not found",
        "name the right column with --text-column / --date-column",
    )
    NOT_FOUND = ("E010", "no such file or directory", "check the path")
    PIPELINE_FAILED = (
        "E011",
        "the pipeline failed on this article ({detail})",
        "report it with the article; the rest of the batch went on",
    )
    BAD_GOLD = ("E012", "the gold file is malformed ({detail})", "see data/gold/README.md")
    UNKNOWN_RECORD = ("E013", "no record with id {detail!r}", "list ids with `saydo ledger`")
    UNREADABLE = (
        "E014",
        "the input cannot be read ({detail})",
        "check the path and its permissions",
    )
    ARTICLE_TOO_LONG = (
        "E015",
        "the article is longer than the limit ({detail})",
        "raise the limit with --max-article-chars, or split the article",
    )
    BAD_DICTIONARY = (
        "E016",
        "malformed dictionary entry ({detail})",
        "fix the line named: one JSON object a line, fields as in saydo/data/README.md",
    )
    NOT_ENGLISH = (
        "E017",
        "not English ({detail})",
        "nothing to fix: saydo reads English; pass --all-languages to keep it",
    )
    FETCH_FAILED = (
        "E018",
        "cannot fetch the URL ({detail})",
        "check the address and the network; the next poll tries again",
    )

    @property
    def code(self) -> str:
        return self.value[0]

    def message(self, detail: object = "") -> str:
        template: str = self.value[1]
        return template.format(detail=detail)

    @property
    def fix(self) -> str:
        return self.value[2]

    @property
    def label(self) -> str:
        """The message without its detail, to name a group of failures in a summary."""
        template: str = self.value[1]
        return re.sub(r"\s*\(?'?\{detail[^}]*\}'?\)?", "", template).strip()

    @classmethod
    def by_code(cls, code: str) -> ErrorCode | None:
        return next((error for error in cls if error.code == code), None)


class SaydoError(Exception):
    """An error with a catalogued cause, reported on one line naming the input."""

    def __init__(self, error: ErrorCode, source: str = "", detail: object = "") -> None:
        self.error = error
        self.source = source
        self.detail = detail
        super().__init__(self.one_line())

    @property
    def code(self) -> str:
        return self.error.code

    @property
    def reason(self) -> str:
        return self.error.message(self.detail)

    def one_line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.reason} [{self.code}] (fix: {self.error.fix})"


# Inputs set aside on purpose, not errors: recorded and counted, but they do not make a
# run partial.
SKIP_CODES = frozenset({ErrorCode.NOT_ENGLISH.code})
