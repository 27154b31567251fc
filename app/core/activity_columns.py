"""The activity columns, once: what the activity table shows, how it sorts, and what
the Excel närvarologg holds, read by the Qt model (ui.activity_table_model), the
sorting (core.activity_filter) and the Excel export (reports.excel_export).

Adding a column to the table and the närvarologg is one ``Column`` in
``ACTIVITY_COLUMNS``. The tuple is in the table's order; the närvarologg keeps that
order too, except that the columns printed on every page (``print_title``: the dates
and the title) come first. The PDF report lists no activities, so it has no columns here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum
from typing import Any

from app.core.attendance import Attendance
from app.core.clock_times import format_times
from app.core.entities import ActivityRow, Step
from app.core.series_rows import series_order, series_text
from app.core.summary import GENDER_UNKNOWN, UNALLOCATED
from app.core.vocabulary import OrgCategory, Role
from app.core.wording import thousands


@dataclass(frozen=True)
class LoggedActivity(ActivityRow):
    """An activity as the närvarologg shows it: the table's values and the rest."""

    coorganisers: str = ""
    group: str = ""
    goal: str = ""
    notes: str = ""
    attendance: Attendance = field(default_factory=Attendance)


@dataclass(frozen=True)
class NamedParticipant:
    """A named participant of an activity, as the export lists them."""

    day: date
    activity: str
    name: str
    organisation: str | None
    email: str | None


@dataclass(frozen=True)
class LoggedStep:
    """One step of a training in steps, as the Excel sheet "Steg" lists it."""

    activity_id: int
    title: str
    number: int
    step: Step


class Align(Enum):
    LEFT = "left"
    RIGHT = "right"


class Kind(Enum):
    """What a närvarologg column holds, for its width and its heading."""

    DATE = "date"
    TEXT = "text"
    COUNT = "count"


# The table's rows are ActivityRow; a column shown only in the närvarologg may read the
# rest of a LoggedActivity (its value is never called with a plain ActivityRow).
Value = Callable[[Any], object]


def _display(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, int):
        return thousands(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "label", value))


def _sortable(value: object) -> object:
    if isinstance(value, str):
        return value.casefold()
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else value


@dataclass(frozen=True)
class Column:
    """One column of the activity table and/or the närvarologg.

    ``value`` is the plain value (the närvarologg's cell; None or "" is an empty cell);
    ``display`` the table's text (default: the value in Swedish: "1 275", a label);
    ``sort_key`` the table's order (default: the value, text case-insensitively); ties
    are always broken by date and id, so the order is stable and total.
    ``width`` is the table's width in pixels (None: the column takes the spare room).
    """

    key: str
    header: str
    value: Value
    display: Callable[[Any], str] | None = None
    sort_key: Callable[[Any], Any] | None = None
    align: Align = Align.LEFT
    width: int | None = 100
    excel_width: float | None = None  # characters; None: fitted to the header and texts
    tooltip: bool = False  # the table shows the whole text as a tooltip
    excel_header: str = ""  # default: the header
    kind: Kind = Kind.TEXT
    in_table: bool = True
    in_excel: bool = True
    print_title: bool = False  # the närvarologg prints it on every page, leftmost

    @property
    def log_header(self) -> str:
        return self.excel_header or self.header

    def text(self, row: ActivityRow) -> str:
        """What the table shows in the cell."""
        if self.display is not None:
            return self.display(row)
        return _display(self.value(row))

    def order(self, row: ActivityRow) -> tuple[Any, date, int]:
        """The table's sort key: the column's, then the date and id."""
        key = self.sort_key(row) if self.sort_key is not None else _sortable(self.value(row))
        return (key, row.start, row.id)


def _span(row: ActivityRow) -> str:
    """'2018-03-15', '2018-03-15 – 2018-03-16'; a training in steps: its steps,
    '3/3, 17/3, 7/4 2018' (the year after the last step of each year)."""
    if len(row.steps) > 1:
        days = [s.day for s in row.steps]
        ends = [d.year != after.year for d, after in zip(days, days[1:], strict=False)]
        return ", ".join(
            f"{d.day}/{d.month}" + (f" {d.year}" if last else "")
            for d, last in zip(days, [*ends, True], strict=True)
        )
    if row.end is None or row.end == row.start:
        return row.start.isoformat()
    return f"{row.start.isoformat()} – {row.end.isoformat()}"


APPROXIMATE_DATE = "ungefärligt"
APPROXIMATE_COUNT = "ca"


def _dates(row: ActivityRow) -> str:
    """The Datum column: the span, and "(ungefärligt)" when the source gives no exact
    date ("2016-04-15 (ungefärligt)")."""
    span = _span(row)
    return f"{span} ({APPROXIMATE_DATE})" if row.date_approximate else span


def approximate_count(n: int, approximate: bool) -> str:
    """'1 275', or 'ca 40' for a count the source does not give exactly (a no-break
    space after "ca", as between the thousands)."""
    return f"{APPROXIMATE_COUNT}\u00a0{thousands(n)}" if approximate else thousands(n)


def _yes(flag: bool) -> str | None:
    return "Ja" if flag else None


def _times(row: ActivityRow) -> str:
    """'kl. 9.00–11.30'; a training in steps: each step's times in the order of its
    dates ('kl. 9.00–12.00; –; 13.00–16.00'), once when every step has the same."""
    if len(row.steps) <= 1:
        return format_times(row.start_time, row.end_time)
    spans = [(s.start_time, s.end_time) for s in row.steps]
    if all(start is None for start, _end in spans):
        return ""
    if len(set(spans)) == 1:
        return format_times(*spans[0])
    return "kl. " + "; ".join(
        format_times(start, end).removeprefix("kl. ") or "–" for start, end in spans
    )


def _first_times(row: ActivityRow) -> tuple[bool, time, time]:
    """The Tid column's order: by the start time (a training's: its first timed step's),
    then the end time; activities without a time last."""
    start, end = row.start_time, row.end_time
    if len(row.steps) > 1:
        start, end = next(
            ((s.start_time, s.end_time) for s in row.steps if s.start_time), (None, None)
        )
    return (start is None, start or time.min, end or time.min)


def _or_none(text: str) -> str | None:
    return text or None


def _count(header: str, count: Callable[[Attendance], int]) -> Column:
    key = "antal_" + header.casefold().replace(" ", "_").replace(":", "")
    return Column(
        key,
        header,
        lambda r: count(r.attendance),
        kind=Kind.COUNT,
        in_table=False,
        align=Align.RIGHT,
    )


def _org_count(category: OrgCategory) -> Callable[[Attendance], int]:
    return lambda a: a.org(category)


def _role_count(role: Role) -> Callable[[Attendance], int]:
    return lambda a: a.role(role)


ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column(
        "datum",
        "Datum",
        lambda r: r.start,
        display=_dates,
        width=190,
        tooltip=True,
        in_excel=False,
    ),
    Column("start", "Datum", lambda r: r.start, kind=Kind.DATE, in_table=False, print_title=True),
    Column("slut", "Slutdatum", lambda r: r.end, kind=Kind.DATE, in_table=False, print_title=True),
    Column(
        "tid",
        "Tid",
        lambda r: _or_none(format_times(r.start_time, r.end_time)),
        display=_times,
        sort_key=_first_times,
        width=110,
        excel_width=16.0,
        tooltip=True,
        print_title=True,
    ),
    Column("typ", "Typ", lambda r: r.type_name, width=130),
    Column(
        "titel",
        "Titel/tema",
        lambda r: _or_none(r.title),
        display=lambda r: r.title,
        sort_key=lambda r: r.title.casefold(),
        width=None,
        tooltip=True,
        excel_header="Titel",
        print_title=True,
    ),
    Column("kommun", "Kommun", lambda r: r.place_label, width=130),
    Column(
        "plats",
        "Plats",
        lambda r: _or_none(r.place),
        display=lambda r: r.place,
        sort_key=lambda r: r.place.casefold(),
        width=140,
    ),
    Column("form", "Form", lambda r: r.format.label, width=80),
    Column("status", "Status", lambda r: r.status.label, width=90),
    Column("medarrangorer", "Medarrangörer", lambda r: _or_none(r.coorganisers), in_table=False),
    Column("samverkansgrupp", "Samverkansgrupp", lambda r: _or_none(r.group), in_table=False),
    Column("mal", "Mål i årsplanen", lambda r: _or_none(r.goal), in_table=False),
    Column("anteckningar", "Anteckningar", lambda r: _or_none(r.notes), in_table=False),
    Column(
        "datum_ungefarligt",
        "Datum ungefärligt",
        lambda r: _yes(r.date_approximate),
        in_table=False,
        excel_width=14.0,
    ),
    Column(
        "antal_uppskattade",
        "Antalen uppskattade (ca)",
        lambda r: _yes(r.counts_approximate),
        in_table=False,
        excel_width=14.0,
    ),
    Column(
        "deltagare",
        "Deltagare",
        lambda r: r.participants,
        display=lambda r: approximate_count(r.participants, r.counts_approximate),
        align=Align.RIGHT,
        width=80,
        kind=Kind.COUNT,
    ),
    Column(
        "serie",
        "Serie",
        series_text,
        sort_key=series_order,
        width=200,
        tooltip=True,
        in_excel=False,
    ),
    *(_count(f"Organisation: {c.label}", _org_count(c)) for c in OrgCategory),
    _count(f"Organisation: {UNALLOCATED}", lambda a: a.org_unallocated),
    *(_count(f"Roll: {r.label}", _role_count(r)) for r in Role),
    _count(f"Roll: {UNALLOCATED}", lambda a: a.role_unallocated),
    _count("Kvinnor", lambda a: a.women),
    _count("Män", lambda a: a.men),
    _count(f"Kön: {GENDER_UNKNOWN}", lambda a: a.gender_unknown),
)


def table_columns() -> tuple[Column, ...]:
    """The activity table's columns, in order (read when asked, so a column added to
    ACTIVITY_COLUMNS shows everywhere)."""
    return tuple(c for c in ACTIVITY_COLUMNS if c.in_table)


def log_columns() -> tuple[Column, ...]:
    """The närvarologg's columns, in order: the ones printed on every page first."""
    logged = [c for c in ACTIVITY_COLUMNS if c.in_excel]
    return (*(c for c in logged if c.print_title), *(c for c in logged if not c.print_title))


def log_values(columns: tuple[Column, ...], row: object) -> tuple[object, ...]:
    """One row of a log sheet: each column's value."""
    return tuple(c.value(row) for c in columns)


# The Excel sheet of named participants (only when names are exported).
PARTICIPANT_COLUMNS: tuple[Column, ...] = (
    Column("datum", "Datum", lambda p: p.day, kind=Kind.DATE, in_table=False, print_title=True),
    Column("titel", "Aktivitet", lambda p: p.activity, in_table=False, print_title=True),
    Column("namn", "Namn", lambda p: p.name, in_table=False, excel_width=30.0),
    Column(
        "organisation", "Organisation", lambda p: p.organisation, in_table=False, excel_width=30.0
    ),
    Column("epost", "E-post", lambda p: p.email, in_table=False, excel_width=32.0),
)


# The Excel sheet "Steg": one row per step of the trainings given in steps.
STEP_COLUMNS: tuple[Column, ...] = (
    Column("id", "Aktivitetens id", lambda s: s.activity_id, kind=Kind.COUNT, in_table=False),
    Column("titel", "Titel", lambda s: _or_none(s.title), in_table=False, print_title=True),
    Column("steg", "Steg", lambda s: s.number, kind=Kind.COUNT, in_table=False),
    Column("datum", "Datum", lambda s: s.step.day, kind=Kind.DATE, in_table=False),
    Column(
        "tid",
        "Tid",
        lambda s: _or_none(format_times(s.step.start_time, s.step.end_time)),
        in_table=False,
        excel_width=16.0,
    ),
)


def logged_steps(row: ActivityRow) -> list[LoggedStep]:
    """The rows of the sheet "Steg" for an activity (none unless it is given in steps)."""
    if len(row.steps) <= 1:
        return []
    return [LoggedStep(row.id, row.title, n, s) for n, s in enumerate(row.steps, start=1)]
