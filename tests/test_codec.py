"""saydo.codec: every record survives to_dict/from_dict and dumps/loads unchanged."""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saydo.codec import CodecError, dumps, from_dict, loads, to_dict
from saydo.domain import (
    Actor,
    ActorKind,
    Article,
    Event,
    Place,
    PloverType,
    Provenance,
    Quantity,
    TimeExpr,
)
from store.strategies import ANYTHING, RECORD_TYPES


def _names(types: tuple[type[Any], ...]) -> list[str]:
    return [t.__name__ for t in types]


def _is_json_safe(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float | str):
        return type(value) in (type(None), bool, int, float, str)  # no enums, no subclasses
    if isinstance(value, list):
        return all(_is_json_safe(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json_safe(v) for k, v in value.items())
    return False


def test_every_domain_record_is_covered() -> None:
    expected = {
        "Provenance", "Article", "Actor", "Place", "TimeExpr", "Quantity", "Statement",
        "Event", "Pledge", "Evidence", "Verdict", "Extraction", "IngestFailure",
    }  # fmt: skip
    assert expected <= set(_names(RECORD_TYPES))


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=_names(RECORD_TYPES))
@given(data=st.data())
def test_round_trip(cls: type[Any], data: st.DataObject) -> None:
    record = data.draw(ANYTHING.record(cls))
    as_dict = to_dict(record)
    assert _is_json_safe(as_dict)
    assert from_dict(cls, as_dict) == record
    text = dumps(record)
    assert json.loads(text) == as_dict
    assert loads(cls, text) == record


def _event() -> Event:
    return Event(
        id="ev_1",
        type=PloverType.ASSAULT,
        trigger="shelled",
        provenance=Provenance("a1", 3, 10, "They shelled Kharkiv."),
        actor=Actor("Russia", ActorKind.STATE, country="RUS", aliases=("RF", "Moscow")),
        places=(Place("Kharkiv", "Kharkiv", "city", country="UKR", lat=49.99, lon=36.23),),
        time=TimeExpr("on Monday", "2022-03-28", date(2022, 3, 28), date(2022, 3, 28)),
        quantities=(Quantity("killed", 3, "three people"),),
    )


def test_encoding_is_plain_json() -> None:
    as_dict = to_dict(_event())
    assert as_dict["type"] == "ASSAULT"
    assert as_dict["actor"]["kind"] == "state"
    assert as_dict["actor"]["aliases"] == ["RF", "Moscow"]
    assert as_dict["time"]["start"] == "2022-03-28"
    assert as_dict["places"][0]["precision"] == "unresolved"
    assert list(as_dict) == [
        "id", "type", "trigger", "provenance", "mode", "actor", "recipient", "places",
        "time", "modality", "negated", "reported_by", "statement_id", "self_reported",
        "quantities", "cameo", "quad_class",
    ]  # fmt: skip


def test_datetimes_keep_their_offset() -> None:
    kyiv = timezone(timedelta(hours=3))
    article = Article("a", "t", "s", published_at=datetime(2022, 3, 30, 10, 5, tzinfo=kyiv))
    assert to_dict(article)["published_at"] == "2022-03-30T10:05:00+03:00"
    back = loads(Article, dumps(article))
    assert back.published_at is not None
    assert back.published_at.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_non_finite_floats_stay_strict_json(value: float) -> None:
    place = Place("x", "x", "city", lat=value)
    text = dumps(place)
    json.loads(text, parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))
    lat = loads(Place, text).lat
    assert lat is not None
    assert (math.isnan(lat) and math.isnan(value)) or lat == value


@given(text=st.text())
def test_any_text_survives(text: str) -> None:
    # NULs, control characters, quotes and markup all come back as they went in.
    article = loads(Article, dumps(Article(id=text, text=text, source=text)))
    assert article.text == text


@pytest.mark.parametrize(
    ("cls", "data", "message"),
    [
        (Quantity, {"kind": "k", "value": 1}, "missing field 'text'"),
        (Quantity, {"kind": "k", "value": 1, "text": "t", "extra": 1}, "unknown field(s) extra"),
        (Quantity, {"kind": "k", "value": "1", "text": "t"}, "Quantity.value: expected int"),
        (Quantity, {"kind": "k", "value": True, "text": "t"}, "expected int, got bool"),
        (Actor, {"name": "n", "kind": "alien"}, "'alien' is not a ActorKind"),
        (Actor, {"name": "n", "kind": "state", "aliases": "RF"}, "Actor.aliases: expected"),
        (Actor, {"name": "n", "kind": "state", "aliases": [1]}, "Actor.aliases[0]: expected str"),
        (TimeExpr, {"text": "t", "value": None, "start": "30/03/2022"}, "not an ISO date"),
        (Place, {"text": "t", "name": "n", "kind": "k", "lat": "north"}, "expected a number"),
        (
            Event,
            {"id": "e", "type": "ASSAULT", "trigger": "t", "provenance": {"article_id": "a"}},
            "Event.provenance: missing field 'start'",
        ),
    ],
)
def test_bad_data_names_the_field(cls: type[Any], data: dict[str, Any], message: str) -> None:
    with pytest.raises(CodecError, match=re.escape(message)):
        from_dict(cls, data)


def test_loads_rejects_non_json() -> None:
    with pytest.raises(CodecError, match="not valid JSON"):
        loads(Quantity, "{kind:")


def test_to_dict_rejects_non_records() -> None:
    with pytest.raises(TypeError):
        to_dict(Article)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_dict({"id": 1})  # type: ignore[arg-type]


def test_ints_are_accepted_for_floats() -> None:
    place = from_dict(Place, {"text": "t", "name": "n", "kind": "k", "lat": 50, "lon": 30})
    assert place.lat == 50.0
    assert isinstance(place.lat, float)
