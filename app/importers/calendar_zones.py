"""When a calendar event is where the user lives: Outlook's and IANA time zones, and
the local date and clock time of a DTSTART/DTEND (Outlook's times kept, not dropped)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCAL_ZONE = "Europe/Stockholm"

# The Windows time zone names Outlook writes, and the IANA zone for each (CLDR's choice).
WINDOWS_ZONES: dict[str, str] = {
    "W. Europe Standard Time": "Europe/Berlin",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "Romance Standard Time": "Europe/Paris",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "FLE Standard Time": "Europe/Helsinki",
    "E. Europe Standard Time": "Europe/Chisinau",
    "GTB Standard Time": "Europe/Bucharest",
    "Russian Standard Time": "Europe/Moscow",
    "UTC": "UTC",
    "Coordinated Universal Time": "UTC",
    "Eastern Standard Time": "America/New_York",
    "Central Standard Time": "America/Chicago",
    "Mountain Standard Time": "America/Denver",
    "Pacific Standard Time": "America/Los_Angeles",
    "China Standard Time": "Asia/Shanghai",
    "Tokyo Standard Time": "Asia/Tokyo",
    "India Standard Time": "Asia/Kolkata",
    "AUS Eastern Standard Time": "Australia/Sydney",
}
# Outlook sometimes names the zone by its display name instead.
_DISPLAY_NAME_CITIES = {"stockholm": "Europe/Stockholm", "helsinki": "Europe/Helsinki"}


def zone_for(tzid: str) -> tzinfo | None:
    """An IANA zone for a Windows or Outlook zone name, or for an IANA name itself."""
    name = tzid.strip().strip('"')
    iana = WINDOWS_ZONES.get(name)
    if iana is None:
        low = name.casefold()
        iana = next((z for city, z in _DISPLAY_NAME_CITIES.items() if city in low), None)
    try:
        return ZoneInfo(iana or name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _tz_name(tz: tzinfo) -> str:
    return str(getattr(tz, "_tzid", None) or getattr(tz, "key", None) or "")


def local_date(value: date, local: tzinfo, end: bool = False) -> date:
    """The calendar date of a DTSTART/DTEND value where the user lives.

    A DTEND is exclusive: an all-day event ending 2018-03-17 ends on the 16th, and one
    ending at midnight ends the day before.
    """
    if not isinstance(value, datetime):
        return value - timedelta(days=1) if end else value
    dt = _local(value, local)
    if end:
        dt -= timedelta(microseconds=1)
    return dt.date()


def _local(dt: datetime, local: tzinfo) -> datetime:
    """A DTSTART/DTEND time where the user lives (a floating time is taken as it is)."""
    if dt.tzinfo is not None:
        known = WINDOWS_ZONES.get(_tz_name(dt.tzinfo))
        if known is not None:
            dt = dt.replace(tzinfo=ZoneInfo(known))
        dt = dt.astimezone(local)
    return dt


def local_time(value: date, local: tzinfo) -> time | None:
    """The clock time of a DTSTART/DTEND value where the user lives; None for a date (an
    all-day event) and for midnight at the end of the day."""
    if not isinstance(value, datetime):
        return None
    dt = _local(value, local)
    return time(dt.hour, dt.minute)


def event_times(
    start: Any, end: Any, local: tzinfo, one_day: bool
) -> tuple[time | None, time | None]:
    """The start and end times of a timed event where the user lives: an end at
    midnight, or (on one day) one not after the start, is no end time."""
    start_time = local_time(start, local)
    if start_time is None or end is None:
        return start_time, None
    end_time = local_time(end, local)
    if end_time == time(0) or (one_day and end_time is not None and end_time <= start_time):
        end_time = None
    return start_time, end_time
