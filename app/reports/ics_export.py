"""A calendar file (.ics, iCalendar RFC 5545) of activities, for Outlook and Google
Calendar to import: an invitation in the receivers' calendars.

One VEVENT per activity, and per step of a training given in steps. An activity with
clock times is given them in Europe/Stockholm (with the zone's VTIMEZONE, so that every
calendar places it right); one without is an all-day event whose DTEND is the day after
its last day (iCalendar's DTEND is exclusive). Each event's UID is the same every time
the activity is exported from the same database, so that importing the file again
updates the events instead of doubling them; a cancelled activity is STATUS:CANCELLED.

Fed plain data (app.core.invitation); written atomically (app.core.atomic_file).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core.atomic_file import atomic_write, save_error
from app.core.entities import Step
from app.core.invitation import (
    InvitedActivity,
    calendar_description,
    location,
    occasions,
)
from app.core.progress import Progress
from app.core.vocabulary import Status

ZONE = "Europe/Stockholm"
PRODID = "-//Insatslogg//Insatslogg//SV"


@dataclass(frozen=True)
class CalendarFile:
    """What one .ics file holds: the förbund (for the UIDs), a name, the activities."""

    forbund_name: str
    name: str
    activities: Sequence[InvitedActivity]


def slug(text: str) -> str:
    """'Samordningsförbundet Gävleborg' → 'samordningsforbundet-gavleborg'."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "insatslogg"


def uid(invited: InvitedActivity, forbund_name: str, step: int | None = None) -> str:
    """insatslogg-<insats>-<activity>[-steg<n>]@<förbund>: the same at every export."""
    a = invited.activity
    part = f"-steg{step}" if step is not None else ""
    return f"insatslogg-{a.insats_id}-{a.id}{part}@{slug(forbund_name)}"


def _timezone() -> Any:
    """Europe/Stockholm as a VTIMEZONE: CET, and CEST from the last Sunday of March
    02.00 to the last Sunday of October 03.00 (the EU rule since 1996)."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("TZID", ZONE)
    tz.add("X-LIC-LOCATION", ZONE)
    for part, start, month, offsets, name in (
        (TimezoneDaylight(), datetime(1970, 3, 29, 2), 3, ("+0100", "+0200"), "CEST"),
        (TimezoneStandard(), datetime(1970, 10, 25, 3), 10, ("+0200", "+0100"), "CET"),
    ):
        part.add("TZNAME", name)
        part.add("DTSTART", start)
        part.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        part["TZOFFSETFROM"], part["TZOFFSETTO"] = (_offset(o) for o in offsets)
        tz.add_component(part)
    return tz


def _offset(text: str) -> Any:
    from icalendar import vUTCOffset

    sign = -1 if text.startswith("-") else 1
    return vUTCOffset(sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5])))


def _times(step: Step, last_day: date) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND of one occasion from ``step.day`` to ``last_day``: local times
    when the occasion has a start time (no DTEND for one without an end on one day),
    else whole days."""
    zone = ZoneInfo(ZONE)
    if step.start_time is None:
        return step.day, last_day + timedelta(days=1)
    start = datetime.combine(step.day, step.start_time, zone)
    if step.end_time is not None:
        return start, datetime.combine(last_day, step.end_time, zone)
    if last_day > step.day:  # the end at midnight after the last day: no end time
        return start, datetime.combine(last_day + timedelta(days=1), time(0), zone)
    return start, None


def events(invited: InvitedActivity, forbund_name: str, stamp: datetime) -> list[Any]:
    """The VEVENTs of one activity: one, or one per step of a training in steps."""
    from icalendar import Event

    a = invited.activity
    found: list[Any] = []
    steps = occasions(a)
    place = location(invited)
    description = calendar_description(invited)
    for n, step in enumerate(steps, start=1):
        event = Event()
        event.add("UID", uid(invited, forbund_name, n if a.steps else None))
        event.add("DTSTAMP", stamp)
        # The title as it is (an import gives it back); the step is said in the text.
        event.add("SUMMARY", a.title)
        text = description
        if a.steps:
            text = f"Steg {n} av {len(steps)}." + (f"\n\n{description}" if description else "")
        last_day = a.end if (not a.steps and a.end is not None) else step.day
        start, end = _times(step, last_day)
        event.add("DTSTART", start)
        if end is not None:
            event.add("DTEND", end)
        if place:
            event.add("LOCATION", place)
        if text:
            event.add("DESCRIPTION", text)
        if a.link.strip():
            event.add("URL", a.link.strip())
        event.add("STATUS", "CANCELLED" if a.status is Status.INSTALLD else "CONFIRMED")
        event.add("TRANSP", "OPAQUE")
        found.append(event)
    return found


def calendar_bytes(
    content: CalendarFile, stamp: datetime | None = None, progress: Progress | None = None
) -> bytes:
    """The whole file: CRLF line ends, lines folded at 75 octets (icalendar's writer).
    ``progress`` is told how far it got, and may cancel (Cancelled) between activities."""
    from icalendar import Calendar

    progress = progress or Progress()
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("X-WR-CALNAME", content.name)
    cal.add("X-WR-TIMEZONE", ZONE)
    cal.add_component(_timezone())
    total = len(content.activities)
    for n, invited in enumerate(content.activities):
        if n % 100 == 0:
            progress.step(n, total)
        for event in events(invited, content.forbund_name, stamp):
            cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def write_calendar(
    path: Path,
    content: CalendarFile,
    stamp: datetime | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the file atomically; the number of events. DomainError in Swedish when the
    file cannot be saved (nothing is written when cancelled)."""
    data = calendar_bytes(content, stamp, progress)
    try:
        with atomic_write(path) as tmp:
            tmp.write_bytes(data)
    except OSError as exc:
        raise save_error(path, exc) from exc
    return data.count(b"BEGIN:VEVENT")
