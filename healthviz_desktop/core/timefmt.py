"""Timestamps as text: ISO-8601 with the UTC offset the person lived, plus a sortable UTC form."""

from __future__ import annotations

from datetime import UTC, date, datetime


def to_iso(value: datetime) -> str:
    return value.isoformat()


def from_iso(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return value


def to_utc_key(value: datetime) -> str:
    """Fixed-width UTC text: sorts the same as the instants it names."""
    offset = value.utcoffset()
    assert offset is not None
    # Same text as astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), several times faster (bulk imports).
    return (value.replace(tzinfo=None) - offset).isoformat(timespec="microseconds") + "Z"


def offset_minutes(value: datetime) -> int:
    offset = value.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


def now_local() -> datetime:
    """Now, in the computer's current time zone, as an aware datetime."""
    return datetime.now().astimezone()


def now_utc_iso() -> str:
    return to_iso(datetime.now(UTC))


def parse_day(text: str) -> date:
    return date.fromisoformat(text)
