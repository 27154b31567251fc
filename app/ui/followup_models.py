"""The Uppföljning page's tables: funded placements, the county's ASF statistics and
milestones — read-only models, a contradiction marked in red with the expected sum in
the tooltip, never corrected."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.core.county_stats import (
    ROW_COMPANIES,
    ROW_EMPLOYEES,
    ROW_PLACED,
    CountyStats,
    measure_rows,
    total_checks,
)
from app.core.findings import Finding
from app.core.milestones import Milestone
from app.core.placements import (
    COL_GENDER_UNKNOWN,
    WHAT_GENDER,
    WHAT_OUTCOMES,
    WHAT_OVER_GRANTED,
    WHAT_UNIQUE,
    Placement,
    check_placement,
    huvudman_label,
)
from app.core.vocabulary import Outcome
from app.ui.formatting import fmt_date, fmt_int
from app.ui.row_table_model import RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
BREACH_BACKGROUND = QColor("#fde7e9")
BREACH_FOREGROUND = QColor("#b3261e")
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
R = TypeVar("R")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _breach_role(role: int, tip: str) -> Any:
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(BREACH_BACKGROUND)
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(BREACH_FOREGROUND)
    if role == TOOLTIP:
        return tip
    return None


class _ReadOnlyTable(RowTableModel[R]):
    """The page's tables: column headers as they are (not translated), no row numbers."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == DISPLAY
            and 0 <= section < len(self._headers)
        ):
            return self.header(section)
        return None


# --- placements ------------------------------------------------------------------------

_BREACH_COLUMNS = {
    WHAT_OVER_GRANTED: ("used",),
    WHAT_GENDER: ("women", "men"),
    WHAT_OUTCOMES: ("outcomes",),
    WHAT_UNIQUE: ("unique",),
}


PlacementRow = tuple[Placement, str, dict[str, Finding]]  # the placement, huvudman, breaches


def outcome_summary(p: Placement) -> str:
    """'1 arbete, 5 åter i offentlig försörjning' (empty when no outcome is given)."""
    return ", ".join(f"{p.outcome(o)} {o.label.lower()}" for o in Outcome if p.outcome(o))


class PlacementTableModel(_ReadOnlyTable[PlacementRow]):
    FIELDS = (
        "huvudman",
        "target",
        "granted",
        "used",
        "women",
        "men",
        "gender_unknown",
        "unique",
        "length",
        "outcomes",
    )
    HEADERS = (
        "Huvudman",
        "Målgrupp",
        "Beviljade",
        "Nyttjade",
        "Kvinnor",
        "Män",
        COL_GENDER_UNKNOWN,
        "Unika individer",
        "Längd (mån)",
        "Utfall",
    )

    def set_placements(self, placements: Sequence[Placement], names: dict[int, str]) -> None:
        rows: list[PlacementRow] = []
        for p in placements:
            label = huvudman_label(p, names)
            breaches = {
                field: f
                for f in check_placement(p, label)
                for field in _BREACH_COLUMNS.get(f.what, ())
            }
            rows.append((p, label, breaches))
        self.set_rows(rows)

    def placement(self, row: int) -> Placement:
        return self.row_at(row)[0]

    def cell(self, item: PlacementRow, column: int, role: int) -> Any:
        p, label, breaches = item
        field = self.FIELDS[column]
        if role == ID_ROLE:
            return p.id
        if field in breaches:
            f = breaches[field]
            styled = _breach_role(role, f"{f.what}: väntat {f.expected}, angivet {f.found}.")
            if styled is not None:
                return styled
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 8:
            return RIGHT
        if role == TOOLTIP and field in ("target", "outcomes"):
            return self._text(p, label, field) or None
        if role == DISPLAY:
            return self._text(p, label, field)
        return None

    @staticmethod
    def _text(p: Placement, label: str, field: str) -> str:
        numbers = {
            "granted": p.granted,
            "used": p.used,
            "women": p.women,
            "men": p.men,
            "gender_unknown": p.gender_unknown,
            "unique": p.unique_individuals,
        }
        if field == "unique" and p.unique_individuals == 0 and p.used > 0:
            return "–"  # not reported
        if field in numbers:
            return fmt_int(numbers[field])
        if field == "huvudman":
            return label
        if field == "target":
            return p.target_group
        if field == "length":
            return "–" if p.length_months is None else fmt_int(p.length_months)
        if p.outcomes_total == 0 and p.used > 0:
            return "(inget utfall angivet)"
        return outcome_summary(p)


# --- county statistics -----------------------------------------------------------------

_TOTAL_ROWS = (ROW_COMPANIES, ROW_EMPLOYEES, ROW_PLACED)
MeasureRow = tuple[str, list[int | None]]  # a measure and its value in each year


class CountyStatsTableModel(_ReadOnlyTable[MeasureRow]):
    """The measures (rows) for every year with statistics (columns), side by side.

    A total that differs from its reported parts is red, with the sum of the parts in
    its tooltip. The column of the year shown elsewhere in the window is bold.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stats: list[CountyStats] = []
        self._breaches: dict[tuple[str, int], str] = {}
        self._year: int | None = None

    def set_stats(
        self, stats: Sequence[CountyStats], delregioner: Sequence[str], year: int | None
    ) -> None:
        self.beginResetModel()
        self._stats = sorted(stats, key=lambda s: s.year)
        self._year = year
        self._headers = ("", *(str(s.year) for s in self._stats))
        self._rows = measure_rows(self._stats, delregioner)
        self._breaches = {}
        for col, s in enumerate(self._stats, start=1):
            for check in total_checks(s):
                if check.contradicts:
                    self._breaches[(check.total_row, col)] = (
                        f"Summan av delarna är {check.expected}; rapporterat {check.total}."
                    )
        self.endResetModel()

    def stats_of_column(self, column: int) -> CountyStats | None:
        return self._stats[column - 1] if 1 <= column <= len(self._stats) else None

    def column_of_year(self, year: int) -> int | None:
        for col, s in enumerate(self._stats, start=1):
            if s.year == year:
                return col
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.FontRole
            and self._year is not None
            and section == self.column_of_year(self._year)
        ):
            return _bold()
        return super().headerData(section, orientation, role)

    def cell(self, item: MeasureRow, col: int, role: int) -> Any:
        label, values = item
        if role == ID_ROLE:
            stats = self.stats_of_column(col)
            return None if stats is None else stats.id
        if role == Qt.ItemDataRole.FontRole and label in _TOTAL_ROWS:
            return _bold()
        if col == 0:
            return label if role == DISPLAY else None
        breach = self._breaches.get((label, col))
        if breach is not None:
            styled = _breach_role(role, breach)
            if styled is not None:
                return styled
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        value = values[col - 1]
        if role == DISPLAY:
            return "–" if value is None else fmt_int(value)
        if role == TOOLTIP and value is None:
            return "Ej rapporterat"
        return None


# --- milestones ------------------------------------------------------------------------


class MilestoneTableModel(_ReadOnlyTable[Milestone]):
    HEADERS = ("Datum", "Typ", "Kommun", "Organisation", "Beskrivning", "Länk eller fil")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kommuner: dict[int, str] = {}
        self._orgs: dict[int, str] = {}

    def set_milestones(
        self, milestones: Sequence[Milestone], kommuner: dict[int, str], orgs: dict[int, str]
    ) -> None:
        self._kommuner, self._orgs = kommuner, orgs
        self.set_rows(milestones)

    def milestone(self, row: int) -> Milestone:
        return self.row_at(row)

    def cell(self, m: Milestone, col: int, role: int) -> Any:
        if role == ID_ROLE:
            return m.id
        if role not in (DISPLAY, TOOLTIP):
            return None
        if role == TOOLTIP and col not in (4, 5):
            return None
        if col == 0:
            return fmt_date(m.day) + (" (ungefärligt)" if m.date_approximate else "")
        if col == 1:
            return m.kind.label
        if col == 2:
            return "" if m.kommun_id is None else self._kommuner.get(m.kommun_id, "?")
        if col == 3:
            return "" if m.organisation_id is None else self._orgs.get(m.organisation_id, "?")
        if col == 4:
            return m.text
        return m.link or (None if role == TOOLTIP else "")
