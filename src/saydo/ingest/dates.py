"""Publication dates as feeds, CMSs and sidecars write them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from saydo.errors import ErrorCode, SaydoError


def parse_date(value: str) -> tuple[date, datetime | None]:
    """The date a string names, and the aware datetime when it also gives a time.

    Accepts ISO 8601 (``2022-03-30``, ``2022-06-24T17:30:00Z``,
    ``2022-03-17 23:52:30+00:00``) and RFC 2822 (``Wed, 30 Mar 2022 10:00:00 GMT``).
    The date is the one written, in the zone written: converting to UTC would move
    late-evening Kyiv statements to the next day. A time without a zone is not an
    instant, so it gives no datetime rather than a guessed one.

    Raises :class:`SaydoError` with :attr:`ErrorCode.BAD_DATE` for anything else.
    """
    text = value.strip()
    parsed = _iso_date(text) or _iso_datetime(text) or _rfc2822(text)
    if parsed is None:
        raise SaydoError(ErrorCode.BAD_DATE, detail=value)
    return parsed


def _iso_date(text: str) -> tuple[date, datetime | None] | None:
    try:
        return date.fromisoformat(text), None
    except ValueError:
        return None


def _iso_datetime(text: str) -> tuple[date, datetime | None] | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.date(), _aware_or_none(moment)


def _rfc2822(text: str) -> tuple[date, datetime | None] | None:
    # parsedate_to_datetime raises several types on garbage, depending on where the
    # parse gives up; all of them mean "not a date".
    try:
        moment = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None and text.endswith("-0000"):
        # RFC 2822: -0000 is UTC with no word on the writer's local zone, but the
        # stdlib returns it naive, like a missing zone.
        moment = moment.replace(tzinfo=UTC)
    return moment.date(), _aware_or_none(moment)


def _aware_or_none(moment: datetime) -> datetime | None:
    return moment if moment.tzinfo is not None else None
