"""What a calendar's dates and series mean for the import: dates outside the years
Insatslogg takes (that event's error, never the whole file's), and series that reach
beyond the period (the report says how many occurrences were left out, and why)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice, takewhile
from typing import Any

from app.core import limits
from app.core.series import SeriesRule, from_rrule

# Occurrences outside the period are counted up to this many (more is "fler än …").
MAX_COUNTED = 100_000


@dataclass(frozen=True)
class SeriesCut:
    """A recurring event whose occurrences are not all within the period."""

    title: str
    inside: int  # occurrences within the period (taken)
    before: int  # occurrences before the period (left out)
    after: int | None  # occurrences after the period (left out); None: the series never ends


def _day(value: Any, end: bool = False) -> date:
    """The date of a DTSTART/DTEND value as written (an all-day DTEND is exclusive)."""
    if isinstance(value, datetime):
        return value.date()
    if end and value > date.min:
        return value - timedelta(days=1)  # type: ignore[no-any-return]
    return value  # type: ignore[no-any-return]


def date_problem(component: Any) -> str | None:
    """Why the event's start or end lies outside the years Insatslogg takes, or None.
    DTSTART is readable (events without one are taken out before)."""
    value = component.get("DTSTART").dt
    if not isinstance(value, date):
        return None  # a period or a time: reported when the event is read
    start = _day(value)
    if problem := limits.date_problem(start, "datumet"):
        return problem
    end_prop = component.get("DTEND")
    try:
        end_value = end_prop.dt if end_prop is not None else None
    except (ValueError, TypeError, AttributeError):
        return None  # reported when the event is read, as before
    if not isinstance(end_value, date):
        return None
    end = _day(end_value, end=True)
    return limits.date_problem(end, "slutdatumet") if end > start else None


def _naive(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, time())


def _exdates(component: Any) -> Iterator[datetime]:
    found = component.get("EXDATE")
    for prop in found if isinstance(found, list) else [found] if found is not None else []:
        for d in getattr(prop, "dts", ()):
            yield _naive(d.dt)


def _rule(component: Any) -> Any:
    """The series' occurrences as a dateutil rruleset (times without their zones)."""
    from dateutil.rrule import rrulestr

    rule = component.get("RRULE")
    rules = rule if isinstance(rule, list) else [rule]
    start = _naive(component.get("DTSTART").dt)
    text = "\n".join(r.to_ical().decode("ascii") for r in rules)
    found = rrulestr(text, dtstart=start, forceset=True, ignoretz=True, unfold=True)
    for day in _exdates(component):
        found.exdate(day)
    return found


def _has_end(component: Any) -> bool:
    rule = component.get("RRULE")
    return all("COUNT" in r or "UNTIL" in r for r in (rule if isinstance(rule, list) else [rule]))


def _count(occurrences: Iterable[datetime]) -> int:
    return sum(1 for _ in islice(occurrences, MAX_COUNTED))


def series_cuts(
    masters: Iterable[Any], occurrences: Iterable[Any], first: date, last: date
) -> list[SeriesCut]:
    """The series (``masters``: VEVENTs with an RRULE) with occurrences outside
    ``first``–``last``, in file order; ``occurrences`` are those within the period."""
    inside = Counter(str(c.get("UID", "")) for c in occurrences)
    begin, after_end = datetime.combine(first, time()), datetime.combine(last, time.max)
    cuts: list[SeriesCut] = []
    for c in masters:
        title = " ".join(str(c.get("SUMMARY", "")).split()) or "utan titel"
        n = inside.get(str(c.get("UID", "")), 0)
        try:
            rule = _rule(c)
            before = _count(takewhile(lambda o: o < begin, rule))
            after = _count(rule.xafter(after_end)) if _has_end(c) else None
        except (ValueError, TypeError, OverflowError, AttributeError, KeyError):
            continue  # a rule dateutil cannot follow: the expansion said what it could
        if before or after is None or after:
            cuts.append(SeriesCut(title, n, before, after))
    return cuts


def series_rules(masters: Iterable[Any], local: Any) -> dict[str, tuple[int, SeriesRule]]:
    """By UID, each recurring event whose RRULE a series can hold (app.core.series):
    a key of its own for the import (-1, -2 …) and the rule, from the event's first day
    where the user lives. Other recurring events stay single activities."""
    from app.importers.calendar_zones import local_date

    found: dict[str, tuple[int, SeriesRule]] = {}
    for c in masters:
        rule_prop = c.get("RRULE")
        uid = str(c.get("UID", ""))
        if isinstance(rule_prop, list) or not uid or uid in found:
            continue
        try:
            first = local_date(c.get("DTSTART").dt, local)
            rule = from_rrule(rule_prop.to_ical().decode("ascii"), first)
        except (ValueError, TypeError, OverflowError, AttributeError, UnicodeError):
            continue
        if rule is not None:
            found[uid] = (-(len(found) + 1), rule)
    return found
