"""Records to JSON-safe dicts and back, driven by the dataclass fields and type hints.

The store keeps every record as JSON next to its indexed columns, the CLI prints them
and the web layer serves them, so the encoding must round-trip exactly: a record read
back compares equal to the one written. Decoding is strict (unknown keys, wrong types
and bad enum values raise :class:`CodecError` naming the field) because silently
dropping or coercing data would corrupt the ledger without anyone noticing.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")

# JSON has no NaN or infinities; strict JSON (as PostgreSQL's json type wants) rejects
# the bare tokens Python's json module would write, so they travel as strings.
_NON_FINITE = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


class CodecError(ValueError):
    """Data that does not fit the record type, with the path of the offending field."""


def to_dict(record: DataclassInstance) -> dict[str, Any]:
    """A JSON-safe dict of a dataclass record, fields in declaration order."""
    names = _field_names(type(record))
    if names is None:
        raise TypeError(f"expected a dataclass instance, got {type(record).__name__}")
    return {name: _encode(getattr(record, name)) for name in names}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass type, None for any other type. Cached by type: the
    store encodes every record of every article, and reading the fields anew for
    each was most of the cost of a write."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a ``cls`` record from :func:`to_dict` output."""
    return _decode_record(cls, data, cls.__name__)


def dumps(record: DataclassInstance) -> str:
    """A record as compact JSON; non-ASCII text is kept as is, which is smaller."""
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(cls: type[T], s: str) -> T:
    """Rebuild a ``cls`` record from :func:`dumps` output."""
    try:
        data = json.loads(s)
    except json.JSONDecodeError as exc:
        raise CodecError(f"{cls.__name__}: not valid JSON ({exc})") from exc
    return from_dict(cls, data)


_PLAIN = frozenset({str, int, bool, type(None)})


def _encode(value: Any) -> Any:
    # Exact types only: a StrEnum is also a str, and must go out as its value.
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Enum):
        return _encode(value.value)
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else _non_finite_name(value)
    if isinstance(value, date):  # datetime included: both speak ISO 8601
        return value.isoformat()
    if not isinstance(value, type) and _field_names(value.__class__) is not None:
        return to_dict(value)
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if isinstance(value, Mapping):
        return {_encode_key(key): _encode(item) for key, item in value.items()}
    raise TypeError(f"cannot encode a {type(value).__name__}")


def _non_finite_name(value: float) -> str:
    if math.isnan(value):
        return "nan"
    return "inf" if value > 0 else "-inf"


def _encode_key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"mapping keys must be str, got {type(key).__name__}")
    return key


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Resolved once per class: domain.py uses postponed annotations, so the raw
    # annotations are strings that only get_type_hints turns into types.
    return typing.get_type_hints(cls)


def _decode_record(cls: type[T], data: Any, path: str) -> T:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    if not isinstance(data, Mapping):
        raise CodecError(f"{path}: expected an object, got {type(data).__name__}")
    init_fields = [f for f in dataclasses.fields(cls) if f.init]
    unknown = set(data) - {f.name for f in init_fields}
    if unknown:
        raise CodecError(f"{path}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in init_fields:
        if f.name in data:
            kwargs[f.name] = _decode(hints[f.name], data[f.name], f"{path}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise CodecError(f"{path}: missing field {f.name!r}")
    return cls(**kwargs)


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if tp is Any:
        return value
    if origin is typing.Union or origin is types.UnionType:
        return _decode_union(typing.get_args(tp), value, path)
    if tp is type(None):
        return _expect(value, type(None), path)
    if origin is not None:
        return _decode_generic(origin, typing.get_args(tp), value, path)
    if isinstance(tp, type):
        return _decode_scalar(tp, value, path)
    raise TypeError(f"{path}: unsupported type {tp!r}")


def _decode_union(args: tuple[Any, ...], value: Any, path: str) -> Any:
    if value is None and type(None) in args:
        return None
    arms = [arm for arm in args if arm is not type(None)]
    errors: list[str] = []
    for arm in arms:
        try:
            return _decode(arm, value, path)
        except CodecError as exc:
            errors.append(str(exc))
    raise CodecError("; ".join(errors) or f"{path}: expected null")


def _decode_generic(origin: Any, args: tuple[Any, ...], value: Any, path: str) -> Any:
    if origin is tuple or origin is list:
        items = _expect(value, list | tuple, path)
        if origin is list:
            return [_decode(args[0], item, f"{path}[{i}]") for i, item in enumerate(items)]
        return _decode_tuple(args, items, path)
    if origin is dict:
        mapping = _expect(value, Mapping, path)
        return {
            _expect(key, str, path): _decode(args[1], item, f"{path}[{key!r}]")
            for key, item in mapping.items()
        }
    raise TypeError(f"{path}: unsupported generic {origin!r}")


def _decode_tuple(args: tuple[Any, ...], items: Any, path: str) -> tuple[Any, ...]:
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_decode(args[0], item, f"{path}[{i}]") for i, item in enumerate(items))
    if len(items) != len(args):
        raise CodecError(f"{path}: expected {len(args)} items, got {len(items)}")
    return tuple(
        _decode(arg, item, f"{path}[{i}]")
        for i, (arg, item) in enumerate(zip(args, items, strict=True))
    )


def _decode_scalar(tp: type, value: Any, path: str) -> Any:
    if issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError as exc:
            raise CodecError(f"{path}: {value!r} is not a {tp.__name__}") from exc
    if dataclasses.is_dataclass(tp):
        return _decode_record(tp, value, path)
    if tp is float:
        return _decode_float(value, path)
    if tp is int:
        # bool is an int to Python but not to the record: reject it.
        if isinstance(value, bool):
            raise CodecError(f"{path}: expected int, got bool")
        return _expect(value, int, path)
    if tp is datetime or tp is date:
        return _decode_iso(tp, value, path)
    if tp in (str, bool):
        return _expect(value, tp, path)
    raise TypeError(f"{path}: unsupported type {tp.__name__}")


def _decode_float(value: Any, path: str) -> float:
    if isinstance(value, str) and value in _NON_FINITE:
        return _NON_FINITE[value]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CodecError(f"{path}: expected a number, got {type(value).__name__}")
    try:
        return float(value)
    except OverflowError as exc:
        raise CodecError(f"{path}: {value} is too large for a float") from exc


def _decode_iso(tp: type[date], value: Any, path: str) -> date:
    text = _expect(value, str, path)
    try:
        return tp.fromisoformat(text)
    except ValueError as exc:
        raise CodecError(f"{path}: {text!r} is not an ISO {tp.__name__}") from exc


def _expect(value: Any, tp: Any, path: str) -> Any:
    if not isinstance(value, tp):
        raise CodecError(f"{path}: expected {_type_name(tp)}, got {type(value).__name__}")
    return value


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)
