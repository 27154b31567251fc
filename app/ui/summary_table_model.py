"""One table of the year summary (a core SummaryTable), with its total row in bold."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.core.summary import CHANGE, SummaryRow, SummaryTable
from app.ui.formatting import fmt_change, fmt_int

Index = QModelIndex | QPersistentModelIndex


class SummaryTableModel(QAbstractTableModel):
    def __init__(self, table: SummaryTable | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = table
        self._rows = self._rows_of(table)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: SummaryTable) -> None:
        self.beginResetModel()
        self._table = table
        self._rows = self._rows_of(table)
        self.endResetModel()

    @property
    def table(self) -> SummaryTable | None:
        return self._table

    @staticmethod
    def _rows_of(table: SummaryTable | None) -> list[SummaryRow]:
        """The table's rows, then its total row."""
        if table is None:
            return []
        rows = list(table.rows)
        if table.has_total:
            rows.append(table.total)
        return rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return 1 + len(self._table.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._table is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return ""
            if 1 <= section <= len(self._table.columns):
                return self._table.columns[section - 1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self._rows
        if not index.isValid() or self._table is None or not 0 <= index.row() < len(rows):
            return None
        row = rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.label
            value = self._table.shown(row)[col - 1]
            if isinstance(value, str):
                return value  # no figure ("–")
            if self._table.columns[col - 1] == CHANGE:
                return fmt_change(value)
            return fmt_int(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.FontRole
            and self._table.has_total
            and index.row() == len(rows) - 1
        ):
            return self._bold
        return None
