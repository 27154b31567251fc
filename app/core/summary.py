"""The year's figures: computed here once, shown by the overview, the CLI and the reports.

Every table's total row is the sum of its rows, and every breakdown of
participants sums to the same total, because the part that was not broken down
is a row of its own ("Ej fördelat" / "Ej angivet").
Participants are counted from held (genomförda) activities only.

A year is compared with the year before only when the insats ran that year too
(``compared_year``): for the insats's first year the previous year's column and the
change have no figure, and every view shows them as "–" (``NO_FIGURE``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from app.core.attendance import Attendance, add_up
from app.core.findings import Finding
from app.core.table_keys import TableKey
from app.core.vocabulary import OrgCategory, Role, Scope, Status

if TYPE_CHECKING:
    from app.core.milestones import MilestoneEntry

CHANGE = "Förändring"
UNALLOCATED = "Ej fördelat"
GENDER_UNKNOWN = "Ej angivet"
NO_FIGURE = "–"


def compared_year(insats_years: range, year: int) -> int | None:
    """The year ``year`` is compared with: the year before, if it is one of the
    insats's years; None (no comparison) for the insats's first year and before."""
    return year - 1 if year - 1 in insats_years else None


@dataclass(frozen=True)
class ActivityFact:
    """The little the summary needs to know about an activity.

    A fact may stand for several activities of the same type, place and status
    (``activities``), with their attendance added up: the figures are the same
    as for the activities one by one, and the store can group them in SQL.
    """

    type_name: str
    place_label: str
    status: Status
    attendance: Attendance
    activities: int = 1


@dataclass(frozen=True)
class SummaryRow:
    label: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class SummaryTable:
    key: TableKey
    title: str
    columns: tuple[str, ...]
    rows: tuple[SummaryRow, ...]
    has_total: bool = True
    note: str = ""
    # Columns without a figure, shown as NO_FIGURE: the comparison with a year outside
    # the insats. Their values are 0 placeholders; read cells through ``shown``.
    no_figure: tuple[str, ...] = ()

    def shown(self, row: SummaryRow) -> tuple[int | str, ...]:
        """The row's cells as every view shows them: a figure, or NO_FIGURE."""
        return tuple(
            NO_FIGURE if column in self.no_figure else value
            for column, value in zip(self.columns, row.values, strict=True)
        )

    @cached_property
    def total(self) -> SummaryRow:
        sums = tuple(sum(row.values[i] for row in self.rows) for i in range(len(self.columns)))
        return SummaryRow("Totalt", sums)

    def value(self, label: str, column: str) -> int:
        """The figure in row ``label`` (or "Totalt") and column ``column``."""
        col = self.columns.index(column)
        if label == "Totalt" and self.has_total:
            return self.total.values[col]
        for row in self.rows:
            if row.label == label:
                return row.values[col]
        raise KeyError(label)

    def to_dict(self) -> dict[str, Any]:
        def row_dict(row: SummaryRow) -> dict[str, Any]:
            values = {
                c: None if c in self.no_figure else v
                for c, v in zip(self.columns, row.values, strict=True)
            }
            return {"label": row.label, "values": values}

        out: dict[str, Any] = {
            "key": self.key,
            "title": self.title,
            "columns": list(self.columns),
            "rows": [row_dict(r) for r in self.rows],
        }
        if self.has_total:
            out["total"] = row_dict(self.total)
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class YearSummary:
    year: int
    insats_name: str
    tables: tuple[SummaryTable, ...]
    findings: tuple[Finding, ...] = ()
    # The year's milestones in date order.
    milestones: tuple[MilestoneEntry, ...] = ()
    compared: bool = True  # False: the year before is outside the insats, no comparison
    # The exact dates summarised (None: the whole year) and the names of the summary's own
    # column and of the one compared with ("2024 (jan–apr)", "2023 (jan–apr)"; empty:
    # the years). A part of a year that does not cover its year leaves out what is kept
    # per year (registered reach, placements …): ``covers_year`` False, ``left_out`` says
    # what, in Swedish.
    first_day: date | None = None
    last_day: date | None = None
    column: str = ""
    previous_column: str = ""
    covers_year: bool = True
    left_out: str = ""

    @property
    def previous_year(self) -> int | None:
        """The year compared with, or None."""
        return self.year - 1 if self.compared else None

    @property
    def label(self) -> str:
        """The name of the summary's own column: '2018', or '2024 (jan–apr)'."""
        return self.column or str(self.year)

    @property
    def first(self) -> date:
        return self.first_day or date(self.year, 1, 1)

    @property
    def last(self) -> date:
        return self.last_day or date(self.year, 12, 31)

    def table(self, key: TableKey) -> SummaryTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "year": self.year,
            "previous_year": self.previous_year,
            "insats": self.insats_name,
            "label": self.label,
            "first_day": self.first.isoformat(),
            "last_day": self.last.isoformat(),
            "tables": [t.to_dict() for t in self.tables],
            "milestones": [m.to_dict() for m in self.milestones],
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.left_out:
            out["left_out"] = self.left_out
        return out


def _held(facts: Iterable[ActivityFact]) -> list[ActivityFact]:
    return [f for f in facts if f.status is Status.GENOMFORD]


def _compare_rows(
    labels: Sequence[str], current: Counter[str], previous: Counter[str]
) -> tuple[SummaryRow, ...]:
    return tuple(
        SummaryRow(label, (current[label], previous[label], current[label] - previous[label]))
        for label in labels
    )


def _participants_by(
    facts: Iterable[ActivityFact], parts: Callable[[Attendance], Iterable[tuple[str, int]]]
) -> Counter[str]:
    # A breakdown of the sum is the sum of the breakdowns, "Ej fördelat" included.
    counter: Counter[str] = Counter()
    for label, n in parts(add_up(f.attendance for f in _held(facts))):
        counter[label] += n
    return counter


def _org_parts(a: Attendance) -> Iterable[tuple[str, int]]:
    yield from ((c.label, a.org(c)) for c in OrgCategory)
    yield UNALLOCATED, a.org_unallocated


def _role_parts(a: Attendance) -> Iterable[tuple[str, int]]:
    yield from ((r.label, a.role(r)) for r in Role)
    yield UNALLOCATED, a.role_unallocated


def _gender_parts(a: Attendance) -> Iterable[tuple[str, int]]:
    yield "Kvinnor", a.women
    yield "Män", a.men
    yield GENDER_UNKNOWN, a.gender_unknown


def _ordered_labels(preferred: Sequence[str], *counters: Counter[str]) -> list[str]:
    """The preferred labels in their order, then any other label seen, alphabetically."""
    seen = {label for c in counters for label, n in c.items() if n}
    extra = sorted(seen.difference(preferred), key=str.casefold)
    return [*preferred, *extra]


def _activities_table(
    key: TableKey,
    title: str,
    labels: Sequence[str],
    label_of: Callable[[ActivityFact], str],
    current: Sequence[ActivityFact],
    previous: Sequence[ActivityFact],
    year: int,
    compared: bool,
) -> SummaryTable:
    by_status: dict[Status, Counter[str]] = {s: Counter() for s in Status}
    for fact in current:
        by_status[fact.status][label_of(fact)] += fact.activities
    held_before: Counter[str] = Counter()
    for fact in _held(previous):
        held_before[label_of(fact)] += fact.activities
    held_now = by_status[Status.GENOMFORD]
    rows = tuple(
        SummaryRow(
            label,
            (
                held_now[label],
                by_status[Status.PLANERAD][label],
                by_status[Status.INSTALLD][label],
                held_before[label],
                held_now[label] - held_before[label],
            ),
        )
        for label in labels
    )
    before = f"Genomförda {year - 1}"
    columns = ("Genomförda", "Planerade", "Inställda", before, CHANGE)
    return SummaryTable(key, title, columns, rows, no_figure=() if compared else (before, CHANGE))


def build_year_summary(
    year: int,
    insats_name: str,
    current: Sequence[ActivityFact],
    previous: Sequence[ActivityFact] | None,
    kommun_names: Sequence[str] = (),
    type_names: Sequence[str] = (),
) -> YearSummary:
    """Compute the year's figures from the year's and the previous year's activities.

    ``previous`` None means no comparison (see ``compared_year``): the previous year's
    columns and the changes are NO_FIGURE. ``kommun_names`` and ``type_names`` give the
    order of rows; kommuner are always listed (a kommun not reached is worth seeing),
    types only when used in either year.
    """
    compared = previous is not None
    previous = previous if previous is not None else ()
    compare_cols = (str(year), str(year - 1), CHANGE)
    no_figure = () if compared else compare_cols[1:]

    def count(facts: Sequence[ActivityFact], status: Status) -> int:
        return sum(f.activities for f in facts if f.status is status)

    def volume(facts: Sequence[ActivityFact]) -> int:
        return sum(f.attendance.total for f in _held(facts))

    g, p, i = Status.GENOMFORD, Status.PLANERAD, Status.INSTALLD
    key_rows = tuple(
        SummaryRow(label, (now, before, now - before))
        for label, now, before in (
            ("Genomförda aktiviteter", count(current, g), count(previous, g)),
            ("Planerade aktiviteter", count(current, p), count(previous, p)),
            ("Inställda aktiviteter", count(current, i), count(previous, i)),
            ("Deltagare (volym)", volume(current), volume(previous)),
        )
    )
    key_figures = SummaryTable(
        TableKey.NYCKELTAL,
        "Nyckeltal",
        compare_cols,
        key_rows,
        has_total=False,
        no_figure=no_figure,
        note=(
            "Deltagare räknas från genomförda aktiviteter. "
            "Volym: samma person räknas en gång per aktivitet."
        ),
    )

    used_types = {f.type_name for f in (*current, *previous)}
    type_labels = [t for t in type_names if t in used_types]
    type_labels += sorted(used_types.difference(type_labels), key=str.casefold)
    per_type = _activities_table(
        TableKey.AKTIVITETER_TYP,
        "Aktiviteter per typ",
        type_labels,
        lambda f: f.type_name,
        current,
        previous,
        year,
        compared,
    )

    place_counts = Counter(f.place_label for f in (*current, *previous))
    place_labels = _ordered_labels(list(kommun_names), place_counts)
    for scope in (Scope.LANSOVERGRIPANDE, Scope.NATIONELLT):
        if scope.label in place_labels:
            place_labels.remove(scope.label)
            place_labels.append(scope.label)
    per_kommun = _activities_table(
        TableKey.AKTIVITETER_KOMMUN,
        "Aktiviteter per kommun",
        place_labels,
        lambda f: f.place_label,
        current,
        previous,
        year,
        compared,
    )

    def participants_table(
        key: TableKey,
        title: str,
        preferred: Sequence[str],
        parts: Callable[[Attendance], Iterable[tuple[str, int]]],
    ) -> SummaryTable:
        now = _participants_by(current, parts)
        before = _participants_by(previous, parts)
        return SummaryTable(
            key, title, compare_cols, _compare_rows(preferred, now, before), no_figure=no_figure
        )

    def participants_per_place() -> SummaryTable:
        now: Counter[str] = Counter()
        before: Counter[str] = Counter()
        for facts, counter in ((current, now), (previous, before)):
            for f in _held(facts):
                counter[f.place_label] += f.attendance.total
        return SummaryTable(
            TableKey.DELTAGARE_KOMMUN,
            "Deltagare per kommun",
            compare_cols,
            _compare_rows(place_labels, now, before),
            no_figure=no_figure,
        )

    tables = (
        key_figures,
        per_type,
        per_kommun,
        participants_per_place(),
        participants_table(
            TableKey.DELTAGARE_ORGANISATION,
            "Deltagare per organisation",
            [c.label for c in OrgCategory] + [UNALLOCATED],
            _org_parts,
        ),
        participants_table(
            TableKey.DELTAGARE_ROLL,
            "Deltagare per roll (målgrupp)",
            [r.label for r in Role] + [UNALLOCATED],
            _role_parts,
        ),
        participants_table(
            TableKey.DELTAGARE_KON,
            "Deltagare per kön",
            ["Kvinnor", "Män", GENDER_UNKNOWN],
            _gender_parts,
        ),
    )
    return YearSummary(year, insats_name, tables, compared=compared)
