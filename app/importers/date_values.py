"""Reading dates and clock times the way people type them: "15 mars 2018",
"2018-03-15 – 2018-03-16", an Excel serial number; "09.00–11.30", "9-11.30", "kl. 9".

Each reader returns the value or raises ValueProblem with a Swedish reason (without the
row number, which the caller adds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.core import limits
from app.core.clock_times import parse_times
from app.importers.table import Cell, clean_text, fold, is_blank
from app.importers.values import ValueProblem


class YearOutOfRange(ValueProblem):
    """A date that reads, but in a year outside FIRST_YEAR–LAST_YEAR (app/core/limits.py);
    the message names the field ('datumet 0001-01-01 ligger utanför …')."""


# --- dates ------------------------------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers from 1955 to 2119: anything else in a date column is not a date.
_SERIAL_RANGE = (20000, 80000)

MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(
        ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
         "september", "oktober", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        start=1)},
    "may": 5, "oct": 10, "sept": 9, "febr": 2,
}  # fmt: skip
_WEEKDAYS = {
    "mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag",
    "man", "tis", "ons", "tors", "tor", "fre", "lor", "son",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
}  # fmt: skip

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?::\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*|\s+)(\d{4}|\d{2})")
_D_MONTH_Y = re.compile(r"(\d{1,2})\.?\s+([a-zåäö]+)\.?,?\s+(\d{4})")
_MONTH_D_Y = re.compile(r"([a-zåäö]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_RANGE_DAYS = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})")
_TIME_SUFFIX = re.compile(
    r"(?:,|\s)\s*(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?$"
)


def _make(y: int, m: int, d: int, shown: str) -> date:
    """The date, the year as written: "0001-01-01" is year 1 (and refused for its year)."""
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueProblem(f"datumet {shown} finns inte") from None


def _month(name: str) -> int | None:
    return MONTHS.get(fold(name).rstrip("."))


def _strip_weekday(text: str) -> str:
    parts = text.split(None, 1)
    if len(parts) == 2 and fold(parts[0]).rstrip(".,") in _WEEKDAYS:
        return parts[1]
    return text


def _text_date(text: str) -> date | None:
    t = _strip_weekday(text.strip())
    t = _TIME_SUFFIX.sub("", t).strip()
    low = t.casefold()
    if m := _ISO.fullmatch(low):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _COMPACT.fullmatch(low):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _DMY.fullmatch(low):
        # "15/3 18": a year of two digits is this century's.
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _make(year, int(m[2]), int(m[1]), text)
    if (m := _D_MONTH_Y.fullmatch(low)) and (month := _month(m[2])):
        return _make(int(m[3]), month, int(m[1]), text)
    if (m := _MONTH_D_Y.fullmatch(low)) and (month := _month(m[1])):
        return _make(int(m[3]), month, int(m[2]), text)
    return None


def read_date_range(value: Cell, what: str = "datumet") -> tuple[date, date | None]:
    """A date cell, which may hold a span ("15–16 mars 2018", "2018-03-15 – 2018-03-16").

    A date in a year outside the range Insatslogg takes raises YearOutOfRange, naming
    ``what`` and the date as read."""
    start, end = _date_range(value)
    for day in (start, end):
        if day is not None and (problem := limits.date_problem(day, what)):
            raise YearOutOfRange(problem)
    return start, end


def _date_range(value: Cell) -> tuple[date, date | None]:
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool | time):
        raise ValueProblem(f"kan inte läsa datumet ”{clean_text(value)}”")
    if isinstance(value, int | float):
        return _serial(value), None
    text = clean_text(value)
    if not text:
        raise ValueProblem("datum saknas")
    single = _text_date(text)
    if single is not None:
        return single, None
    low = text.casefold()
    if (m := _RANGE_DAYS.fullmatch(low)) and (month := _month(m[3])):
        y = int(m[4])
        return _make(y, month, int(m[1]), text), _make(y, month, int(m[2]), text)
    for sep in ("–", " - ", "—", " till ", " to "):
        if sep in text:
            left, right = text.split(sep, 1)
            start, end = _text_date(left), _text_date(right)
            if start is not None and end is not None:
                return start, end
            # "15/3 – 16/3 2018": the year only once, at the end.
            if end is not None and re.fullmatch(r"\d{1,2}\s*[/.]\s*\d{1,2}", left.strip()):
                d, m2 = re.split(r"\s*[/.]\s*", left.strip())
                return _make(end.year, int(m2), int(d), text), end
    raise ValueProblem(f"kan inte läsa datumet ”{text}”")


def _serial(value: float) -> date:
    if value == int(value) and 19000101 <= value <= 21001231:
        s = str(int(value))
        return _make(int(s[:4]), int(s[4:6]), int(s[6:]), s)
    if not _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        raise ValueProblem(f"talet {clean_text(value)} är inget datum")
    return EXCEL_EPOCH + timedelta(days=int(value))


def read_date(value: Cell, what: str = "datumet") -> date:
    start, end = read_date_range(value, what)
    if end is not None:
        raise ValueProblem(f"”{clean_text(value)}” är en period, inte ett datum")
    return start


# --- clock times ------------------------------------------------------------------------------


def _problem(exc: ValueError) -> ValueProblem:
    """The core's sentence as a reason for a row ("klockslaget … kan inte läsas …")."""
    text = str(exc).rstrip(".")
    return ValueProblem(text[:1].lower() + text[1:])


def _cell_time(value: Cell) -> time | None:
    """A time an Excel cell holds as a time or as a fraction of a day; None otherwise."""
    if isinstance(value, time):
        return time(value.hour, value.minute)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return time(minutes // 60 % 24, minutes % 60)
    return None


def read_times(value: Cell, same_day: bool = True) -> tuple[time | None, time | None]:
    """A "Tid" cell: "09.00–11.30", "9-11.30", "kl. 9", an Excel time; (None, None)
    when it is empty. Not ``same_day``: the end time is on a later day than the start."""
    if is_blank(value):
        return None, None
    found = _cell_time(value)
    if found is not None:
        return found, None
    if isinstance(value, datetime) and value.time() != time(0):
        return time(value.hour, value.minute), None
    if isinstance(value, bool | date | datetime):
        raise ValueProblem(f"”{clean_text(value)}” är inget klockslag")
    text = clean_text(value)
    if isinstance(value, int):
        text = str(value)  # 9: nine o'clock
    elif isinstance(value, float) and 1 <= value < 24:
        text = f"{value:.2f}"  # 9.3: "9.30" as typed, which the sheet took for a number
    try:
        return parse_times(text, same_day)
    except ValueError as exc:
        raise _problem(exc) from None


def read_time(value: Cell, what: str) -> time | None:
    """A single time ("Starttid", "Sluttid"); ``what`` names it in a problem."""
    start, end = read_times(value)
    if end is not None:
        raise ValueProblem(f"{what} ”{clean_text(value)}” är ett intervall, inte ett klockslag")
    return start


def times_in_date(value: Cell) -> tuple[time | None, time | None]:
    """The clock times a date cell carries ("2018-03-15 kl. 9.00–11.30", a datetime
    with a time of day); (None, None) when it has none."""
    if isinstance(value, datetime):
        return (time(value.hour, value.minute), None) if value.time() != time(0) else (None, None)
    if not isinstance(value, str):
        return None, None
    found = _TIME_SUFFIX.search(_strip_weekday(clean_text(value)))
    if found is None:
        return None, None
    try:
        return parse_times(found[0].lstrip(", "))
    except ValueError:
        return None, None


@dataclass(frozen=True)
class RowDates:
    """When a spreadsheet row says its activity is, and what could not be read."""

    start: date | None
    end: date | None
    start_time: time | None
    end_time: time | None
    problems: tuple[str, ...]


def read_row_dates(
    date_cell: Cell,
    end_cell: Cell,
    times_cell: Cell,
    start_time_cell: Cell = None,
    end_time_cell: Cell = None,
) -> RowDates:
    """The dates of a row (a span in its date cell, or a Slutdatum column) and its clock
    times: from its Tid column ("9-11.30"), its Starttid and Sluttid columns, or else as
    written in its date cell ("2018-03-15 kl. 9.00")."""
    problems: list[str] = []
    start = end = None
    try:
        start, end = read_date_range(date_cell)
    except ValueProblem as exc:
        problems.append(str(exc))
    if not is_blank(end_cell):
        try:
            end = read_date(end_cell, "slutdatumet")
        except YearOutOfRange as exc:
            problems.append(str(exc))
        except ValueProblem as exc:
            problems.append(f"slutdatum: {exc}")
    start_time = end_time = None
    try:
        # Over several days the end time is on the last day: "kl. 13.00–12.00" reads.
        start_time, end_time = read_times(times_cell, end is None or end == start)
        if start_time is None:
            start_time = read_time(start_time_cell, "starttiden")
        if end_time is None:
            end_time = read_time(end_time_cell, "sluttiden")
        if start_time is None and end_time is None:
            start_time, end_time = times_in_date(date_cell)
    except ValueProblem as exc:
        problems.append(str(exc))
    return RowDates(start, end, start_time, end_time, tuple(problems))
