"""parse_date: the date formats feeds, CMSs and sidecars write."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saydo.errors import ErrorCode, SaydoError
from saydo.ingest import parse_date

KYIV_SUMMER = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-30", (date(2022, 3, 30), None)),
        ("  2022-03-30\n", (date(2022, 3, 30), None)),
        ("2022-06-24T17:30:00Z", (date(2022, 6, 24), datetime(2022, 6, 24, 17, 30, tzinfo=UTC))),
        (
            "2022-03-17 23:52:30+00:00",
            (date(2022, 3, 17), datetime(2022, 3, 17, 23, 52, 30, tzinfo=UTC)),
        ),
        (
            "Wed, 30 Mar 2022 10:00:00 GMT",
            (date(2022, 3, 30), datetime(2022, 3, 30, 10, 0, tzinfo=UTC)),
        ),
        (
            "Wed, 30 Mar 2022 23:30:00 +0300",
            (date(2022, 3, 30), datetime(2022, 3, 30, 23, 30, tzinfo=KYIV_SUMMER)),
        ),
        (
            "Wed, 30 Mar 2022 10:00:00 -0000",
            (date(2022, 3, 30), datetime(2022, 3, 30, 10, 0, tzinfo=UTC)),
        ),
        # A time with no zone is not an instant: the date stands, no datetime is made up.
        ("2022-03-30T10:00:00", (date(2022, 3, 30), None)),
    ],
)
def test_parses_iso_and_rfc2822(value: str, expected: tuple[date, datetime | None]) -> None:
    assert parse_date(value) == expected


def test_date_is_the_one_written_not_the_utc_one() -> None:
    day, moment = parse_date("2022-06-24T23:23:00-04:00")
    assert day == date(2022, 6, 24)
    assert moment is not None
    assert moment.astimezone(UTC).date() == date(2022, 6, 25)


def test_aware_datetime_keeps_its_offset() -> None:
    _, moment = parse_date("Wed, 30 Mar 2022 23:30:00 +0300")
    assert moment is not None
    assert moment.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "yesterday",
        "2022-03",
        "2022-02-30",
        "30/03/2022",
        "Wed, 31 Feb 2022 10:00:00 GMT",
    ],
)
def test_bad_dates_raise_bad_date(value: str) -> None:
    with pytest.raises(SaydoError) as caught:
        parse_date(value)
    assert caught.value.error is ErrorCode.BAD_DATE
    assert caught.value.code == "E005"
    assert repr(value) in caught.value.one_line()


@given(st.dates())
def test_any_iso_date_round_trips(day: date) -> None:
    assert parse_date(day.isoformat()) == (day, None)


# Fixed offsets in whole minutes, as feeds write them. (Named zones would make the
# test about datetime's own comparison rules in folds, not about parsing.)
OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@given(st.datetimes(timezones=OFFSETS))
def test_any_aware_iso_datetime_round_trips(moment: datetime) -> None:
    day, parsed = parse_date(moment.isoformat())
    assert day == moment.date()
    assert parsed == moment
    assert parsed is not None
    assert parsed.utcoffset() == moment.utcoffset()


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_bad_date(value: str) -> None:
    try:
        day, moment = parse_date(value)
    except SaydoError as exc:
        error = exc.error
    else:
        assert isinstance(day, date)
        assert moment is None or (moment.tzinfo is not None and moment.date() == day)
        return
    assert error is ErrorCode.BAD_DATE
