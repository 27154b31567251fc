"""Series of activities (återkommande aktiviteter): the rule, its dates, its Swedish
description, and its iCalendar RRULE.

A rule repeats every ``interval`` weeks on ``weekday`` (0 = måndag), or every
``interval`` months on the ``nth`` ``weekday`` of the month (nth -1 = the last); a month
without a 5th such weekday is skipped. It ends on a date (``until``, inclusive) or after
``count`` occurrences. The same fields as app/store/plan_models.py SeriesModel.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Final, Literal

from app.core import limits
from app.core.errors import ValidationError
from app.core.wording import count_noun

Frequency = Literal["weekly", "monthly"]
WEEKLY: Final = "weekly"
MONTHLY: Final = "monthly"

# More occurrences than this is no series a processledare plans, but a typing error
# (every week for ten years is 520).
MAX_OCCURRENCES: Final = 500
LAST: Final = -1  # nth: the last such weekday of the month

WEEKDAYS: Final = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
# "tisdagar": the plural, for weekly rules.
WEEKDAYS_PLURAL: Final = tuple(f"{d}ar" for d in WEEKDAYS)
# "den andra tisdagen": the ordinal by nth (-1: "sista").
ORDINALS: Final = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", 5: "femte", LAST: "sista"}
NTH_VALUES: Final = (1, 2, 3, 4, 5, LAST)
MONTHS: Final = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_ICAL_DAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class SeriesRule:
    frequency: str
    interval: int
    weekday: int
    first_date: date
    nth: int | None = None  # monthly only
    until: date | None = None
    count: int | None = None

    @property
    def monthly(self) -> bool:
        return self.frequency == MONTHLY


@dataclass(frozen=True)
class Series:
    """A stored series: its rule, and its occurrences' activity ids by date."""

    id: int
    insats_id: int
    rule: SeriesRule
    occurrence_ids: tuple[int, ...] = ()

    @property
    def description(self) -> str:
        return describe(self.rule)

    def place(self, activity_id: int) -> str:
        """'Del av serie: Varje vecka på tisdagar, 12 tillfällen (tillfälle 3 av 12)'."""
        ids = self.occurrence_ids
        where = (
            f" (tillfälle {ids.index(activity_id) + 1} av {len(ids)})" if activity_id in ids else ""
        )
        return f"Del av serie: {self.description}{where}"


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The ``nth`` ``weekday`` of the month (nth -1: the last); None when the month has
    no such day (a 5th tuesday)."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if nth == LAST:
        return days[-1]
    return days[nth - 1] if 1 <= nth <= len(days) else None


def nth_of(day: date) -> int:
    """Which occurrence of its weekday in its month ``day`` is (1–5)."""
    return (day.day - 1) // 7 + 1


def _candidates(rule: SeriesRule) -> list[date]:
    """The rule's dates up to its end, at most MAX_OCCURRENCES + 1 (one more tells that
    there are too many), never past the last year Insatslogg takes."""
    out: list[date] = []
    limit = MAX_OCCURRENCES + 1
    if rule.count is not None:
        limit = min(limit, rule.count)
    last = date(limits.LAST_YEAR, 12, 31)
    if rule.until is not None:
        last = min(last, rule.until)
    step = max(1, rule.interval)
    if not rule.monthly:
        day = rule.first_date + timedelta(days=(rule.weekday - rule.first_date.weekday()) % 7)
        while day <= last and len(out) < limit:
            out.append(day)
            day += timedelta(weeks=step)
        return out
    nth = rule.nth if rule.nth is not None else nth_of(rule.first_date)
    months = rule.first_date.year * 12 + rule.first_date.month - 1
    while len(out) < limit:
        year, month = divmod(months, 12)
        if date(year, month + 1, 1) > last:
            break
        found = nth_weekday(year, month + 1, rule.weekday, nth)
        if found is not None and rule.first_date <= found <= last:
            out.append(found)
        months += step
    return out


def occurrences(rule: SeriesRule) -> list[date]:
    """The rule's dates, strictly increasing (at most MAX_OCCURRENCES)."""
    return _candidates(rule)[:MAX_OCCURRENCES]


def problems(rule: SeriesRule, years: range | None = None) -> list[str]:
    """Everything wrong with the rule, in Swedish (empty: it can be saved); ``years``:
    the insats's (Insats.years), which every date must lie within."""
    found: list[str] = []
    if rule.frequency not in (WEEKLY, MONTHLY):
        found.append("Välj om serien upprepas varje vecka eller varje månad.")
    if rule.interval < 1:
        found.append("Serien måste upprepas minst var 1:a vecka eller månad.")
    elif rule.interval > 52:
        found.append("Ett uppehåll på mer än 52 veckor eller månader blir ingen serie.")
    if not 0 <= rule.weekday <= 6:
        found.append("Välj en veckodag.")
    if rule.monthly and rule.nth not in NTH_VALUES:
        found.append("Välj vilken veckodag i månaden: första till femte, eller sista.")
    if rule.until is None and rule.count is None:
        found.append("Ange när serien slutar: ett datum eller ett antal tillfällen.")
    if rule.until is not None and rule.count is not None:
        found.append("Ange antingen ett slutdatum eller ett antal tillfällen, inte båda.")
    if rule.count is not None and not 1 <= rule.count <= MAX_OCCURRENCES:
        found.append(f"En serie har 1–{MAX_OCCURRENCES} tillfällen.")
    if rule.until is not None and rule.until < rule.first_date:
        found.append("Slutdatumet ligger före seriens första datum.")
    found += limits.date_problems(
        [(rule.first_date, "Första datumet"), (rule.until, "Slutdatumet")]
    )
    if found:
        return found
    days = _candidates(rule)
    if not days:
        found.append("Serien får inga tillfällen före slutdatumet.")
    elif len(days) > MAX_OCCURRENCES:
        found.append(
            f"Serien får fler än {MAX_OCCURRENCES} tillfällen; välj ett tidigare slutdatum."
        )
    elif rule.count is not None and len(days) < rule.count:
        found.append(
            f"Serien når bara {len(days)} av {rule.count} tillfällen före år "
            f"{limits.LAST_YEAR + 1}."
        )
    if years is not None and days:
        outside = [d for d in days if d.year not in years]
        if outside:
            found.append(
                f"{count_noun(len(outside), 'tillfälle', 'tillfällen')} (först "
                f"{outside[0].isoformat()}) ligger utanför insatsens år "
                f"{years.start}–{years.stop - 1}."
            )
    return found


def checked(rule: SeriesRule, years: range | None = None) -> list[date]:
    """The rule's dates; ValidationError listing every problem when it has any."""
    found = problems(rule, years)
    if found:
        raise ValidationError(found)
    return occurrences(rule)


def ordinal(n: int) -> str:
    """'3:e', '21:a', '12:e' (Swedish ordinal numbers in digits)."""
    return f"{n}:a" if n % 10 in (1, 2) and n % 100 not in (11, 12) else f"{n}:e"


def long_date(day: date) -> str:
    """'15 juni 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _every(interval: int, unit: str) -> str:
    if interval == 1:
        return f"Varje {unit}"
    if interval == 2:
        return f"Varannan {unit}"
    return f"Var {ordinal(interval)} {unit}"


def describe(rule: SeriesRule) -> str:
    """'Varje vecka på tisdagar, 12 tillfällen', 'Var 4:e vecka på måndagar till 1 juni
    2025', 'Varje månad den andra tisdagen till 15 juni 2025'."""
    weekday = rule.weekday % 7
    if rule.monthly:
        nth = rule.nth if rule.nth is not None else nth_of(rule.first_date)
        text = f"{_every(rule.interval, 'månad')} den {ORDINALS.get(nth, '?')} "
        text += f"{WEEKDAYS[weekday]}en"
    else:
        text = f"{_every(rule.interval, 'vecka')} på {WEEKDAYS_PLURAL[weekday]}"
    if rule.count is not None:
        text += f", {count_noun(rule.count, 'tillfälle', 'tillfällen')}"
    if rule.until is not None:
        text += f" till {long_date(rule.until)}"
    return text


# --- iCalendar (RFC 5545) -------------------------------------------------------------------


def _until_date(text: str) -> date | None:
    try:
        if "T" in text:
            return datetime.strptime(text.rstrip("Z")[:15], "%Y%m%dT%H%M%S").date()
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def _byday(text: str) -> tuple[int | None, int] | None:
    """'2TU' → (2, 1), '-1FR' → (-1, 4), 'WE' → (None, 2); None when unreadable."""
    code = text[-2:]
    if code not in _ICAL_DAYS:
        return None
    prefix = text[:-2].lstrip("+")
    if not prefix:
        return None, _ICAL_DAYS.index(code)
    try:
        return int(prefix), _ICAL_DAYS.index(code)
    except ValueError:
        return None


def from_rrule(text: str, first: date) -> SeriesRule | None:
    """The SeriesRule of an RRULE value starting on ``first`` (the event's DTSTART):
    weekly on one day, or monthly on the nth weekday (BYDAY=2TU, or BYDAY=TU;BYSETPOS=2),
    with INTERVAL and COUNT or UNTIL. None when the rule says something a SeriesRule
    cannot (several days, a day of the month, no end, daily …)."""
    parts: dict[str, str] = {}
    for part in text.strip().removeprefix("RRULE:").split(";"):
        key, sep, value = part.partition("=")
        if not sep or key.upper() in parts:
            return None
        parts[key.strip().upper()] = value.strip().upper()
    freq = parts.pop("FREQ", "")
    parts.pop("WKST", None)  # one day a week: the week's first day changes nothing
    try:
        interval = int(parts.pop("INTERVAL", "1"))
        count = int(parts.pop("COUNT")) if "COUNT" in parts else None
    except ValueError:
        return None
    until = None
    if "UNTIL" in parts:
        until = _until_date(parts.pop("UNTIL"))
        if until is None:
            return None
    days = parts.pop("BYDAY", "")
    setpos = parts.pop("BYSETPOS", None)
    if parts or (until is None) == (count is None) or interval < 1 or "," in days:
        return None
    by = _byday(days) if days else (None, first.weekday())
    if by is None:
        return None
    nth, weekday = by
    if freq == "WEEKLY":
        if nth is not None or setpos is not None:
            return None
        if interval > 1 and weekday != first.weekday():
            return None  # which week the first one falls in depends on WKST
        rule = SeriesRule(WEEKLY, interval, weekday, first, until=until, count=count)
    elif freq == "MONTHLY" and days:
        if setpos is not None:
            if nth is not None:
                return None
            try:
                nth = int(setpos.lstrip("+"))
            except ValueError:
                return None
        if nth not in NTH_VALUES:
            return None
        rule = SeriesRule(MONTHLY, interval, weekday, first, nth=nth, until=until, count=count)
    else:
        return None
    days_found = _candidates(rule)
    if not days_found or days_found[0] != first or len(days_found) > MAX_OCCURRENCES:
        return None  # DTSTART is not an occurrence of its own rule, or too many
    return rule


def fit_rule(rule: SeriesRule, days: list[date]) -> SeriesRule:
    """The rule as it holds for ``days`` (an import's occurrences, by date): itself when
    they are its dates, else from the first of them until the last (a calendar series cut
    by the period, or with occurrences taken out or moved)."""
    if not days or occurrences(rule) == days:
        return rule
    return replace(rule, first_date=days[0], until=max(days[-1], days[0]), count=None)


def to_rrule(rule: SeriesRule, *, timed: bool = False) -> str:
    """The RRULE value ('FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU;UNTIL=20250615'). ``timed``:
    the event has clock times, so UNTIL is the end of that day in UTC (RFC 5545)."""
    day = _ICAL_DAYS[rule.weekday % 7]
    if rule.monthly:
        nth = rule.nth if rule.nth is not None else nth_of(rule.first_date)
        text = f"FREQ=MONTHLY;INTERVAL={rule.interval};BYDAY={nth}{day}"
    else:
        text = f"FREQ=WEEKLY;INTERVAL={rule.interval};BYDAY={day}"
    if rule.count is not None:
        text += f";COUNT={rule.count}"
    elif rule.until is not None:
        text += f";UNTIL={rule.until:%Y%m%d}" + ("T235959Z" if timed else "")
    return text
