"""Activities dated outside their insats's period: a finding, never a correction.

A final report may tell of an activity before the insats's stated start ("Insatsen tog
sitt avstamp under våren med en temadag" in a report whose insatsperiod begins in
August): the activity is kept as logged, counted in its year, and shown as a finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.core.entities import Insats
from app.core.findings import Finding

WHAT_OUTSIDE = "Aktivitet utanför insatsens period"


@dataclass(frozen=True)
class DatedActivity:
    """An activity's first day and title, and whether the day is approximate."""

    day: date
    title: str
    date_approximate: bool = False


def insats_span(insats: Insats) -> str:
    """'2016-08-01 – 2020-12-31'."""
    return f"{insats.start.isoformat()} – {insats.end.isoformat()}"


def outside_insats(insats: Insats, activities: Iterable[DatedActivity]) -> list[Finding]:
    """A finding for each activity that starts before the insats's first day or after
    its last, by date."""
    found = []
    for a in sorted(activities, key=lambda a: (a.day, a.title)):
        if insats.start <= a.day <= insats.end:
            continue
        day = a.day.isoformat() + (" (datum ungefärligt)" if a.date_approximate else "")
        found.append(
            Finding(WHAT_OUTSIDE, f"Aktiviteter {a.day.year}: {a.title}", insats_span(insats), day)
        )
    return found
