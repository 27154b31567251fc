"""The Samverkansgrupper page's table models: the groups of the year, the grid of the years
each group was active, and a group's meetings (its activities)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.core.activity_columns import approximate_count
from app.core.entities import ActivityRow
from app.core.groups import (
    Group,
    MeetingCount,
    counts_as_active,
    kommun_label,
    sorted_groups,
    status_in_year,
)
from app.core.summary import SummaryTable
from app.core.vocabulary import GroupStatus, Status
from app.ui.formatting import fmt_date, fmt_int, fmt_span
from app.ui.row_table_model import READ_ONLY_FLAGS, RowTableModel, is_cell
from app.ui.summary_table_model import SummaryTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
_CONTEXT = "GroupsPage"
ID_ROLE = Qt.ItemDataRole.UserRole
ACTIVE_BACKGROUND = QColor("#d5ecd4")
RESTING_BACKGROUND = QColor("#f6e6bf")
CELL_TEXT = QColor("#1b1b1b")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _status_label(status: GroupStatus | None) -> str:
    return "–" if status is None else status.label


def _right(col_is_number: bool) -> Any:
    if col_is_number:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


# --- the groups table ---------------------------------------------------------------------


@dataclass(frozen=True)
class GroupTableRow:
    group: Group
    kommun: str
    status_year: GroupStatus | None
    status_now: GroupStatus | None
    meetings: MeetingCount


class GroupTableModel(RowTableModel[GroupTableRow]):
    """One row per group: Kommun, Namn, Bildad, Status <år>, Status nu, Medlemmar,
    Möten <år> (held meetings of the shown year)."""

    KOMMUN, NAME, FORMED, STATUS_YEAR, STATUS_NOW, MEMBERS, MEETINGS = range(7)
    _NUMBERS = (MEMBERS, MEETINGS)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Kommun")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Namn")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Bildad")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Status {year}")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Status nu")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Medlemmar")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Möten {year}")),
    )
    CONTEXT = _CONTEXT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._year = date.today().year

    def set_rows(self, rows: Iterable[GroupTableRow], year: int | None = None) -> None:
        """Show ``rows``, with the status and meetings of ``year`` (None: the year shown)."""
        if year is not None:
            self._year = year
        super().set_rows(rows)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def group(self, row: int) -> Group:
        return self.row_at(row).group

    def row_of_id(self, group_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.group.id == group_id), None)

    def header(self, section: int) -> str:
        return super().header(section).format(year=self._year)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == self.MEETINGS
        ):
            return _tr("Genomförda möten {year}").format(year=self._year)
        return super().headerData(section, orientation, role)

    def cell(self, row: GroupTableRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME and row.group.notes:
            return row.group.notes
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _right(col in self._NUMBERS)
        if role == ID_ROLE:
            return row.group.id
        return None

    def _display(self, row: GroupTableRow, col: int) -> str:
        g = row.group
        match col:
            case self.KOMMUN:
                return row.kommun
            case self.NAME:
                return g.name
            case self.FORMED:
                return fmt_date(g.formed) if g.formed else "–"
            case self.STATUS_YEAR:
                return _status_label(row.status_year)
            case self.STATUS_NOW:
                return _status_label(row.status_now)
            case self.MEMBERS:
                return fmt_int(len(g.members))
            case _:
                return fmt_int(row.meetings.held)


# --- the grid -----------------------------------------------------------------------------


class GroupGridModel(SummaryTableModel):
    """The kommuner × years grid (core ``group_grid``), coloured: green where a group was
    active, yellow where the kommun's groups were only vilande; a tooltip names them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(None, parent)
        # (row, column) of a cell → the groups' names and statuses that year.
        self._details: dict[tuple[int, int], list[tuple[str, GroupStatus]]] = {}
        self._year: int | None = None

    def set_grid(
        self,
        table: SummaryTable,
        groups: Sequence[Group],
        kommun_names: Mapping[int, str],
        year: int | None = None,
    ) -> None:
        labels = [r.label for r in table.rows]
        years = [int(c) for c in table.columns]
        details: dict[tuple[int, int], list[tuple[str, GroupStatus]]] = {}
        for g in sorted_groups(groups, kommun_names):
            row = labels.index(kommun_label(kommun_names, g.kommun_id))
            for i, y in enumerate(years):
                status = status_in_year(g, y)
                if status is not None:
                    details.setdefault((row, i + 1), []).append((g.name, status))
        self._details = details
        self._year = year
        self.set_table(table)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        table = self.table
        if (
            role == Qt.ItemDataRole.FontRole
            and orientation == Qt.Orientation.Horizontal
            and table is not None
            and 1 <= section <= len(table.columns)
            and table.columns[section - 1] == str(self._year)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not is_cell(self, index):
            return None
        if index.column() > 0 and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            held = self._details.get((index.row(), index.column()), [])
            if not held:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(f"{name}: {status.label.lower()}" for name, status in held)
            active = any(counts_as_active(status) for _name, status in held)
            resting = any(status is GroupStatus.VILANDE for _name, status in held)
            if not (active or resting):
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(CELL_TEXT)
            return QBrush(ACTIVE_BACKGROUND if active else RESTING_BACKGROUND)
        return super().data(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return READ_ONLY_FLAGS if is_cell(self, index) else Qt.ItemFlag.NoItemFlags


# --- the meeting log ----------------------------------------------------------------------


class MeetingLogModel(RowTableModel[ActivityRow]):
    """The selected group's meetings, newest first."""

    DATE, TYPE, TITLE, STATUS, PARTICIPANTS = range(5)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Datum")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Typ")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Titel/tema")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Status")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Deltagare")),
    )
    CONTEXT = _CONTEXT

    def held_participants(self) -> int:
        return sum(r.participants for r in self._rows if r.status is Status.GENOMFORD)

    def held_count(self) -> int:
        return sum(1 for r in self._rows if r.status is Status.GENOMFORD)

    def cell(self, row: ActivityRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match col:
                case self.DATE:
                    span = fmt_span(row.start, row.end)
                    return f"{span} (ungefärligt)" if row.date_approximate else span
                case self.TYPE:
                    return row.type_name
                case self.TITLE:
                    return row.title
                case self.STATUS:
                    return row.status.label
                case _:
                    return approximate_count(row.participants, row.counts_approximate)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _right(col == self.PARTICIPANTS)
        if role == ID_ROLE:
            return row.id
        return None
