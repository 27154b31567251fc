"""Calendar files (.ics from Outlook or Google Calendar) as activities.

Recurring series are expanded within a period (by default the insats's), times are
turned into dates and clock times in the calendar's own time zone (Windows names such as
"W. Europe Standard Time" included; calendar_zones), all-day events end the day before
their DTEND (which iCalendar makes exclusive), and cancelled events become inställda.
Every event's type is a guess from its title, for the user to confirm.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.series import SeriesRule
from app.importers.calendar_series import SeriesCut, date_problem, series_cuts, series_rules
from app.importers.calendar_zones import LOCAL_ZONE, event_times, local_date, zone_for
from app.importers.table import detail
from app.importers.values import (
    format_from_place,
)

# More occurrences than this within the period is no activity calendar (and would take
# minutes and gigabytes to expand); the file is refused with a message instead.
MAX_OCCURRENCES = 10_000
# Series are expanded a year at a time, so that a runaway calendar stops at the cap.
WINDOW = timedelta(days=366)
_SUB_DAILY = {"SECONDLY", "MINUTELY", "HOURLY"}

CANCELLED_PREFIXES = (
    "inställt", "inställd", "inställs", "canceled", "cancelled", "avbokat", "avbokad", "avlyst",
)  # fmt: skip
_PREFIX = re.compile(r"^\s*(?:" + "|".join(CANCELLED_PREFIXES) + r")\s*[:\-–!]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence of a calendar event, reduced to what an activity needs."""

    number: int  # 1 for the first event of the period, in date order
    title: str
    start: date
    end: date | None
    location: str
    cancelled: bool
    online: bool = False
    # The clock times of a timed event where the user lives (none for all-day events).
    start_time: time | None = None
    end_time: time | None = None
    # An occurrence of a recurring event whose rule a series can hold: the import's key
    # of that series (negative) and its rule (calendar_series.series_rules).
    series: tuple[int, SeriesRule] | None = None

    @property
    def label(self) -> str:
        return f"Händelse {self.number} ({self.start.isoformat()} {self.title})"


@dataclass(frozen=True)
class CalendarSource:
    name: str
    events: tuple[CalendarEvent, ...]
    period: tuple[date, date]
    outside: int = 0  # single events outside the period, left out
    # Events whose dates cannot be read: (what the event is called, why).
    unreadable: tuple[tuple[str, str], ...] = ()
    left_out: tuple[str, ...] = ()  # series not expanded, and why (for the report)
    # Series with occurrences before or after the period (left out, and counted).
    series: tuple[SeriesCut, ...] = ()


def _local_zone(cal: Any) -> tzinfo:
    wr = cal.get("X-WR-TIMEZONE")
    zone = zone_for(str(wr)) if wr else None
    return zone or ZoneInfo(LOCAL_ZONE)


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    return " ".join(str(value).split()) if value is not None else ""


def _is_online(component: Any, location: str) -> bool:
    if format_from_place(location) is not None:
        return True
    return any(
        component.get(p) is not None
        for p in ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK")
    )


EventFields = tuple[str, date, date | None, str, bool, bool, time | None, time | None]


def _event(component: Any, local: tzinfo) -> EventFields:
    title = _text(component, "SUMMARY")
    cancelled = _text(component, "STATUS").upper() == "CANCELLED"
    stripped = _PREFIX.sub("", title)
    if stripped != title:
        cancelled, title = True, stripped.strip()
    start_value = component.get("DTSTART").dt
    start = local_date(start_value, local)
    end: date | None = None
    end_value: Any = None
    end_prop = component.get("DTEND")
    if end_prop is not None:
        end_value = end_prop.dt
    elif component.get("DURATION") is not None:
        end_value = start_value + component.get("DURATION").dt
    if end_value is not None:
        end = local_date(end_value, local, end=True)
    if end is not None and end <= start:
        end = None
    start_time, end_time = event_times(start_value, end_value, local, end is None)
    location = _text(component, "LOCATION")
    online = _is_online(component, location)
    return title, start, end, location, cancelled, online, start_time, end_time


def _components(cal: Any) -> Iterator[tuple[Any, Any]]:
    """Every (parent, component) below ``cal``, without recursion (files may nest deeply)."""
    stack = [cal]
    while stack:
        parent = stack.pop()
        for child in parent.subcomponents:
            yield parent, child
            stack.append(child)


def _unusable_rule(rule: Any) -> str | None:
    """Why an RRULE cannot be expanded safely, or None. It repeats more than once a day (by
    its FREQ or BYHOUR/BYMINUTE/BYSECOND: no activity does, and it would expand into
    hundreds of thousands of events), or its INTERVAL is not positive (it never moves on)."""
    for r in rule if isinstance(rule, list) else [rule]:
        if not isinstance(r, dict):
            continue  # a broken rule: the expansion skips its series
        freqs = {str(f).upper() for f in r.get("FREQ", ())}
        per_day = 1
        for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            values = r.get(part)
            per_day *= len(values) if isinstance(values, list) and values else 1
        if freqs & _SUB_DAILY or per_day > 1:
            return "upprepas flera gånger om dagen (så tätt upprepas ingen aktivitet)"
        intervals = r.get("INTERVAL") or [1]
        if any(not isinstance(i, int) or i < 1 for i in intervals):
            return "har en upprepningsregel som inte går att följa (INTERVAL)"
    return None


def _drop_unusable_series(cal: Any) -> list[str]:
    """Take out the series whose rule cannot be expanded, with their moved occurrences.
    Returns what the report says about each."""
    masters = [
        (parent, c, why)
        for parent, c in _components(cal)
        if c.name == "VEVENT"
        and c.get("RRULE") is not None
        and (why := _unusable_rule(c.get("RRULE"))) is not None
    ]
    if not masters:
        return []
    uids = {str(c.get("UID")) for _, c, _ in masters if c.get("UID") is not None}
    dropped = [
        (parent, c)
        for parent, c in _components(cal)
        if c.name == "VEVENT" and c.get("UID") is not None and str(c.get("UID")) in uids
    ]
    every = [*((parent, c) for parent, c, _ in masters), *dropped]
    for parent, c in {id(c): (parent, c) for parent, c in every}.values():
        parent.subcomponents.remove(c)
    return [
        f"Serien ”{_text(c, 'SUMMARY') or 'utan titel'}” {why} och togs inte med"
        for _, c, why in masters
    ]


def _drop_undated_events(cal: Any) -> list[tuple[str, str]]:
    """Take out the events without a readable DTSTART, or dated outside the years
    Insatslogg takes (the expansion would stop on them: year 9999 has no next day).
    Returns what each is called and why it cannot be taken."""
    found: list[tuple[Any, Any, str]] = []
    for parent, c in _components(cal):
        if c.name != "VEVENT":
            continue
        start = c.get("DTSTART")
        if start is None:
            found.append((parent, c, "startdatum saknas"))
            continue
        try:
            start.dt  # noqa: B018 - reading it is the test
        except _UNREADABLE as exc:
            found.append((parent, c, _why(exc)))
            continue
        if (why := date_problem(c)) is not None:
            found.append((parent, c, why))
    for parent, c, _ in found:
        parent.subcomponents.remove(c)
    return [(_what(c), why) for _, c, why in found]


def _occurrences(cal: Any, name: str, first: date, last: date) -> list[Any]:
    """The occurrences from ``first`` to ``last``, a year at a time, at most MAX_OCCURRENCES."""
    import recurring_ical_events

    query = recurring_ical_events.of(cal, skip_bad_series=True)
    found: dict[tuple[str, str, str], Any] = {}
    at, end = first, last + timedelta(days=1)
    while at < end:
        stop = min(at + WINDOW, end)
        for component in query.between(at, stop):
            # An event across the turn of a window comes back twice: keep it once.
            found.setdefault(
                (
                    str(component.get("UID", "")),
                    _raw(component.get("DTSTART")),
                    str(component.get("SUMMARY", "")),
                ),
                component,
            )
        if len(found) > MAX_OCCURRENCES:
            busiest = Counter(_text(c, "SUMMARY") for c in found.values()).most_common(1)[0][0]
            cap = f"{MAX_OCCURRENCES:,}".replace(",", " ")
            raise DomainError(
                f"{name} har fler än {cap} händelser mellan {first.isoformat()} och "
                f"{last.isoformat()} (flest heter ”{busiest}”). Så många är inga aktiviteter: "
                "ta bort serien ur kalendern, eller välj en kortare period."
            )
        at = stop
    return list(found.values())


def _raw(prop: Any) -> str:
    try:
        return prop.to_ical().decode("utf-8", "replace") if prop is not None else ""
    except (ValueError, TypeError, AttributeError):
        return repr(prop)


def read_calendar(
    path: Path, period: tuple[date, date], progress: Progress | None = None
) -> CalendarSource:
    """The events of an .ics file that fall in ``period`` (both days included)."""
    import icalendar

    data = path.read_bytes()
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError and friends
        raise DomainError(
            f"{path.name} kan inte läsas som en kalenderfil (.ics): filen är skadad eller är "
            f"ingen kalender ({detail(exc)})."
        ) from exc
    if progress is not None:
        progress.step(0, 0)
    local = _local_zone(cal)
    first, last = period
    unreadable = dict.fromkeys(_drop_undated_events(cal))
    left_out = _drop_unusable_series(cal)
    try:
        occurrences = _occurrences(cal, path.name, first, last)
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError(
            f"Händelserna i {path.name} kan inte läsas: kalendern är skadad eller har en "
            f"upprepning som inte går att följa ({detail(exc)})."
        ) from exc
    events: list[tuple[EventFields, str]] = []
    for n, component in enumerate(occurrences):
        if progress is not None and n % 200 == 0:
            progress.step(n, len(occurrences))
        if component.get("DTSTART") is None:
            continue
        try:
            event = _event(component, local)
        except _UNREADABLE as exc:
            unreadable[_what(component), _why(exc)] = None
            continue
        if first <= event[1] <= last:
            events.append((event, str(component.get("UID", ""))))
    events.sort(key=lambda e: (e[0][1], e[0][0].casefold()))
    masters = [
        c
        for _, c in _components(cal)
        if c.name == "VEVENT" and c.get("RRULE") is not None and c.get("RECURRENCE-ID") is None
    ]
    series = series_cuts(masters, occurrences, first, last)
    rules = series_rules(masters, local)
    outside = 0
    for _, component in _components(cal):
        if component.name != "VEVENT":
            continue
        if component.get("RRULE") is None and component.get("DTSTART") is not None:
            try:
                day = local_date(component.get("DTSTART").dt, local)
            except _UNREADABLE as exc:
                unreadable[_what(component), _why(exc)] = None
                continue
            if not first <= day <= last:
                outside += 1
    return CalendarSource(
        path.name,
        tuple(
            CalendarEvent(i, *e, series=rules.get(uid))
            for i, (e, uid) in enumerate(events, start=1)
        ),
        period,
        outside,
        tuple(unreadable),
        tuple(left_out),
        tuple(series),
    )


# What reading one event's dates may raise: a broken DTSTART/DTEND/DURATION (icalendar's
# BrokenCalendarProperty is a ValueError), a date beyond year 9999 once moved to our time
# zone, a time or a period where a date belongs.
_UNREADABLE = (ValueError, TypeError, OverflowError, AttributeError)


def _what(component: Any) -> str:
    title = _text(component, "SUMMARY")
    return f"Händelsen ”{title}”" if title else "En händelse utan titel"


def _why(exc: BaseException) -> str:
    if isinstance(exc, OverflowError):
        return "datumet ligger utanför de år som går att räkna med"
    return f"start- eller slutdatumet kan inte läsas ({detail(exc)})"
