"""Hypothesis strategies for every saydo record, built from the dataclass type hints.

Walking the hints (rather than listing fields by hand) means a field added to
domain.py is generated, and round-trip tested, without touching this file.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

from hypothesis import strategies as st

from saydo import domain
from saydo.domain import Article, Event, Extraction, Pledge, Statement

T = TypeVar("T")

# Text that has broken stores and web pages before: quotes, markup, SQL, escapes,
# wildcards, bidi controls and astral-plane characters.
HOSTILE = (
    '"',
    "'",
    'O\'Brien said "no"',
    "<script>alert('x')</script>",
    "'); DROP TABLE articles; --",
    "\\",
    "%_",
    "Київ",
    "🇺🇦",
    "\u202e",
    "a\r\nb",
)

_MAX_OFFSET = timedelta(hours=23, minutes=59)

RECORD_TYPES: tuple[type[Any], ...] = tuple(
    obj
    for obj in vars(domain).values()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == domain.__name__
)


class Records:
    """Strategies for records; ``sql_safe`` keeps values every SQL backend stores.

    PostgreSQL text cannot hold NUL and its INTEGER is 32-bit, so the store tests use
    ``sql_safe=True``; the codec, which only makes JSON, is tested with anything.
    """

    def __init__(self, *, sql_safe: bool) -> None:
        self.sql_safe = sql_safe

    def text(self, min_size: int = 0) -> st.SearchStrategy[str]:
        # Lone surrogates (which UTF-8 cannot encode) are fine in JSON but not in a
        # database; NUL is fine in SQLite but not in PostgreSQL text.
        if self.sql_safe:
            chars = st.characters(codec="utf-8", exclude_characters="\x00")
        else:
            chars = st.characters()
        return st.one_of(st.text(chars, min_size=min_size, max_size=40), st.sampled_from(HOSTILE))

    def integers(self) -> st.SearchStrategy[int]:
        return st.integers(0, 2**31 - 1) if self.sql_safe else st.integers()

    def datetimes(self) -> st.SearchStrategy[datetime]:
        # Whole minutes, as every real zone and ISO 8601 offset is: Python 3.11's
        # fromisoformat reads "+00:00:00.000001" back as UTC, losing a sub-second
        # offset no source writes.
        minutes = _MAX_OFFSET // timedelta(minutes=1)
        offsets = st.integers(-minutes, minutes).map(lambda m: timezone(timedelta(minutes=m)))
        return st.datetimes(timezones=st.none() | offsets)

    def of_type(self, tp: Any) -> st.SearchStrategy[Any]:
        """A strategy for a resolved type hint."""
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is typing.Union or origin is types.UnionType:
            return st.one_of(*(self.of_type(arg) for arg in args))
        if origin is tuple:
            return st.lists(self.of_type(args[0]), max_size=2).map(tuple)
        return self._scalar(tp)

    def _scalar(self, tp: Any) -> st.SearchStrategy[Any]:
        scalars: dict[Any, st.SearchStrategy[Any]] = {
            type(None): st.none(),
            bool: st.booleans(),
            int: self.integers(),
            # NaN is not equal to itself; test_codec checks it separately.
            float: st.floats(allow_nan=False),
            str: self.text(),
            datetime: self.datetimes(),
            date: st.dates(),
        }
        if tp in scalars:
            return scalars[tp]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return st.sampled_from(tp)
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return self.record(tp)
        raise TypeError(f"no strategy for {tp!r}")

    def record(self, cls: type[T], **overrides: st.SearchStrategy[Any]) -> st.SearchStrategy[T]:
        hints = typing.get_type_hints(cls)
        kwargs = {
            f.name: overrides.get(f.name, self.of_type(hints[f.name]))
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        }
        return st.builds(cls, **kwargs)

    def _unique(self, cls: type[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
        # Record ids are primary keys: one extraction never repeats one.
        records = self.record(cls, id=self.text(min_size=1))
        return st.lists(records, max_size=max_size, unique_by=lambda r: r.id).map(tuple)  # type: ignore[attr-defined]

    def article(self) -> st.SearchStrategy[Article]:
        return self.record(Article, id=self.text(min_size=1))

    def extraction(self, article_id: str) -> st.SearchStrategy[Extraction]:
        return self.record(
            Extraction,
            article_id=st.just(article_id),
            statements=self._unique(Statement),
            events=self._unique(Event),
            pledges=self._unique(Pledge),
        )

    def article_with_extraction(self) -> st.SearchStrategy[tuple[Article, Extraction]]:
        return self.article().flatmap(lambda a: st.tuples(st.just(a), self.extraction(a.id)))


SQL_SAFE = Records(sql_safe=True)
ANYTHING = Records(sql_safe=False)
