"""What an invitation to an activity says, said once: the Swedish text to paste into a
mail ("tisdag 14 mars 2025, kl. 9.00–11.30"), the place as a calendar shows it, the
occasions a calendar file holds (one per step of a training), and the checks of the
invitation's fields (the digital link, the description, how to register).

Pure: the .ics writer (app.reports.ics_export) and the dialogs read it from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.core import limits
from app.core.clock_times import format_times
from app.core.entities import Activity, Step
from app.core.vocabulary import Format, Scope, Status

WEEKDAYS: tuple[str, ...] = (
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
)
# http:// or https://, then a host: what Teams, Zoom and Google Meet links look like.
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
LINK_PROBLEM = (
    "Länken ska vara en webbadress som börjar med http:// eller https:// "
    "(t.ex. https://teams.microsoft.com/…), eller lämnas tom."
)


@dataclass(frozen=True)
class InvitedActivity:
    """An activity with the name of its kommun (empty unless it belongs to one)."""

    activity: Activity
    kommun: str = ""


# --- checks ----------------------------------------------------------------------------------


def link_problem(link: str) -> str | None:
    """The Swedish problem with a digital link, or None (an empty link is fine)."""
    link = link.strip()
    if not link:
        return None
    return None if _URL.match(link) else LINK_PROBLEM


def invitation_problems(activity: Activity) -> list[str]:
    """Every problem with the invitation's fields: their lengths and the link."""
    problems = limits.text_problems(
        (
            (activity.link, limits.ACTIVITY_LINK, "Länken"),
            (activity.description, limits.LONG_TEXT, "Beskrivningen"),
            (activity.registration, limits.LONG_TEXT, "Anmälan"),
        )
    )
    problem = link_problem(activity.link)
    if problem:
        problems.append(problem)
    return problems


# --- dates and places ------------------------------------------------------------------------


def day_in_words(day: date, year: bool = True) -> str:
    """'tisdag 14 mars 2025' (without the year: 'tisdag 14 mars')."""
    from app.core.period import MONTHS  # not at start-up: validation imports this module

    text = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def span_in_words(first: date, last: date | None) -> str:
    """'tisdag 14 mars 2025', or 'tisdag 14 mars – torsdag 16 mars 2025' for days in a
    row (each with its year when they are in different years)."""
    if last is None or last == first:
        return day_in_words(first)
    same_year = first.year == last.year
    return f"{day_in_words(first, year=not same_year)} – {day_in_words(last)}"


def names_kommun(place: str, kommun: str) -> bool:
    """Whether ``place`` names ``kommun`` as words ('Stadshuset, Gävle' names Gävle)."""
    wanted = set(_WORD.findall(kommun.casefold()))
    return bool(wanted) and wanted <= set(_WORD.findall(place.casefold()))


def location(invited: InvitedActivity) -> str:
    """Where the activity is, as a calendar's place shows it: the place and its kommun
    ('Stadshuset, Ockelbo'), the place alone when it names the kommun already, the kommun
    alone when there is no place; '' for a place-less activity of the county or country."""
    place = invited.activity.place.strip()
    kommun = invited.kommun.strip() if invited.activity.scope is Scope.KOMMUN else ""
    if not place or place.casefold() == kommun.casefold():
        return kommun
    if kommun and not names_kommun(place, kommun):
        return f"{place}, {kommun}"
    return place


def occasions(activity: Activity) -> tuple[Step, ...]:
    """The occasions a calendar shows: each step of a training in steps (with its own
    clock times), else the activity itself (a Step of its first day; its last day is
    ``activity.end``)."""
    if activity.steps:
        return activity.timed_steps
    return (Step(activity.start, activity.start_time, activity.end_time),)


def is_digital(activity: Activity) -> bool:
    return activity.format in (Format.DIGITALT, Format.HYBRID)


def when_text(activity: Activity) -> str:
    """'tisdag 14 mars 2025, kl. 9.00–11.30'; for days in a row 'tisdag 14 mars kl. 9.00
    – torsdag 16 mars 2025 kl. 16.00' (the end time is on the last day); for a training
    in steps one line per step."""
    a = activity
    if a.steps:
        lines = []
        for n, step in enumerate(a.timed_steps, start=1):
            times = format_times(step.start_time, step.end_time)
            lines.append(f"Steg {n}: {day_in_words(step.day)}" + (f", {times}" if times else ""))
        return "\n".join(lines)
    if a.end is not None and a.end != a.start and a.start_time is not None:
        first = day_in_words(a.start, year=a.start.year != a.end.year)
        last = day_in_words(a.end)
        end = f" {format_times(a.end_time)}" if a.end_time is not None else ""
        return f"{first} {format_times(a.start_time)} – {last}{end}"
    days = span_in_words(a.start, a.end)
    times = format_times(a.start_time, a.end_time)
    return f"{days}, {times}" if times else days


def where_lines(invited: InvitedActivity) -> list[str]:
    """'Plats: Stadshuset, Ockelbo' for a physical meeting, 'Digitalt: <länk>' for a
    digital one, both for a hybrid."""
    a = invited.activity
    lines: list[str] = []
    place = location(invited)
    if a.format is not Format.DIGITALT and place:
        lines.append(f"Plats: {place}")
    if is_digital(a):
        link = a.link.strip()
        lines.append(f"Digitalt: {link}" if link else "Digitalt (länken skickas ut före mötet)")
    return lines


def invitation_text(invited: InvitedActivity) -> str:
    """The Swedish invitation text of one activity, to paste into a mail."""
    a = invited.activity
    title = a.title.strip()
    parts = [f"Inställt: {title}" if a.status is Status.INSTALLD else title]
    parts.append(f"När: {when_text(a)}" if not a.steps else f"När:\n{when_text(a)}")
    parts.extend(where_lines(invited))
    blocks = ["\n".join(parts)]
    if a.description.strip():
        blocks.append(a.description.strip())
    if a.registration.strip():
        blocks.append(f"Anmälan: {a.registration.strip()}")
    return "\n\n".join(blocks) + "\n"


def calendar_description(invited: InvitedActivity) -> str:
    """The DESCRIPTION of the activity's calendar event: the description, how to
    register, and the digital link."""
    a = invited.activity
    blocks = [a.description.strip()]
    if a.registration.strip():
        blocks.append(f"Anmälan: {a.registration.strip()}")
    if a.link.strip():
        blocks.append(f"Länk: {a.link.strip()}")
    return "\n\n".join(b for b in blocks if b)
