"""Clock times of an activity or a step ("kl. 9.00–11.30"): Swedish display, reading
what people write in sheets and dialogs, and the "HH:MM" text the store keeps."""

from __future__ import annotations

import re
from datetime import time

# "kl." or "klockan" first, then a time, optionally a dash and a second time.
_PREFIX = re.compile(r"^\s*(?:kl(?:ockan)?\.?\s*)?", re.IGNORECASE)
_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_SPAN = re.compile(rf"^{_CLOCK}(?:\s*[-–—]\s*(?:kl\.?\s*)?{_CLOCK})?\s*$", re.IGNORECASE)
EXAMPLE = "9.00–11.30"


def clock(t: time) -> str:
    """9.00, 13.05: hours without a leading zero, a point before the minutes."""
    return f"{t.hour}.{t.minute:02d}"


def format_times(start: time | None, end: time | None = None) -> str:
    """ "kl. 9.00–11.30", "kl. 9.00", or "" when there is no start time."""
    if start is None:
        return ""
    if end is None:
        return f"kl. {clock(start)}"
    return f"kl. {clock(start)}–{clock(end)}"


def _time(hours: str, minutes: str | None, text: str) -> time:
    h, m = int(hours), int(minutes or 0)
    if h > 23 or m > 59:
        raise ValueError(f"Klockslaget ”{text.strip()}” finns inte (timmar 0–23, minuter 0–59).")
    return time(h, m)


def parse_times(text: str, same_day: bool = True) -> tuple[time | None, time | None]:
    """(start, end) from "09.00–11.30", "9-11.30", "kl. 9–11.30", "09:00" or "9";
    (None, None) for an empty text. ValueError with a Swedish message otherwise (also
    for an end not after the start, unless the end is on a later day: not ``same_day``)."""
    if not text.strip():
        return None, None
    rest = _PREFIX.sub("", text, count=1)
    found = _SPAN.match(rest)
    if found is None:
        raise ValueError(
            f"Klockslaget ”{text.strip()}” kan inte läsas; skriv till exempel {EXAMPLE}."
        )
    start = _time(found[1], found[2], text)
    end = _time(found[3], found[4], text) if found[3] is not None else None
    problem = span_problem(start, end) if same_day else ""
    if problem:
        raise ValueError(problem)
    return start, end


def parse_time(text: str) -> time | None:
    """One clock time ("9.00", "09:00", "kl. 9"); None for an empty text."""
    start, end = parse_times(text)
    if end is not None:
        raise ValueError(f"Ange ett klockslag, inte ett intervall: ”{text.strip()}”.")
    return start


def span_problem(start: time | None, end: time | None, what: str = "") -> str:
    """The Swedish problem with a start and an end time on one day, or ""."""
    if end is None:
        return ""
    if start is None:
        return f"{what}Ange en starttid när en sluttid är angiven (sluttid kl. {clock(end)})."
    if end <= start:
        return (
            f"{what}Sluttiden (kl. {clock(end)}) måste vara efter starttiden (kl. {clock(start)})."
        )
    return ""


def minutes_only(t: time | None) -> time | None:
    """The time to the minute (what the store keeps)."""
    return None if t is None else time(t.hour, t.minute)


def stored_time(t: time | None) -> str | None:
    """ "09:30" as stored, or None."""
    return None if t is None else f"{t.hour:02d}:{t.minute:02d}"


def time_from_stored(text: str | None) -> time | None:
    return None if not text else time.fromisoformat(text)
