"""The activity table: one row per activity of the shown year.

Sorting and filtering work on the model's own Python list (see core.activity_filter),
never through a proxy calling data() per comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from app.core.activity_columns import Align, Column, table_columns
from app.core.activity_filter import ActivityFilter, RowIndex
from app.core.entities import ActivityRow

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole
_ALIGNMENT = {
    Align.LEFT: None,
    Align.RIGHT: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
}


def apply_column_widths(view: QTableView) -> None:
    """The widths of the columns (core.activity_columns) on the view showing the
    activity table: each its own width, a column without one takes the spare room."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    for i, column in enumerate(table_columns()):
        if column.width is None:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        else:
            header.resizeSection(i, column.width)


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = table_columns()
        self._index = RowIndex([], self._columns)
        self._all = self._index  # every row; _index: the rows shown (merged or not)
        self._rows: list[ActivityRow] = []
        self._visible: list[int] = []
        self._filter = ActivityFilter()
        self._sort_column = 0
        self._descending = False

    # --- content ------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ActivityRow]) -> None:
        self.beginResetModel()
        self._all = RowIndex(rows, self._columns)
        self._apply()
        self.endResetModel()

    def set_filter(self, flt: ActivityFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._apply()
        self.endResetModel()

    @property
    def filter(self) -> ActivityFilter:
        return self._filter

    def _apply(self) -> None:
        indices = self._all.filter(self._filter)
        if self._filter.merged:
            from app.core.series_rows import merge_series

            self._index = RowIndex(
                merge_series([self._all.rows[i] for i in indices]), self._columns
            )
            indices = list(range(len(self._index)))
        else:
            self._index = self._all
        self._rows = self._index.rows
        self._visible = self._index.sort(indices, self._sort_column, self._descending)

    def row_of_id(self, activity_id: int) -> int | None:
        for pos, i in enumerate(self._visible):
            if self._rows[i].id == activity_id:
                return pos
        return None

    def activity_row(self, row: int) -> ActivityRow:
        return self._rows[self._visible[row]]

    @property
    def total_count(self) -> int:
        """Every activity of the year (a merged row stands for several)."""
        return len(self._all)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def visible_activities(self) -> int:
        """The activities shown (a merged series row counts each of its occurrences)."""
        rows = (self._rows[i] for i in self._visible)
        return sum(r.merged[0] if r.merged else 1 for r in rows)

    def visible_participants(self) -> int:
        return sum(self._rows[i].participants for i in self._visible)

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
                return self._columns[section].header
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._visible)):
            return None
        row = self._rows[self._visible[index.row()]]
        col = index.column()
        if not 0 <= col < len(self._columns):
            return None
        column = self._columns[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENT[column.align]
        if role == ID_ROLE:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[self._visible[i.row()]].id for i in old]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._visible = self._index.sort(self._visible, column, self._descending)
        new_pos = {self._rows[i].id: pos for pos, i in enumerate(self._visible)}
        for idx, aid in zip(old, old_ids, strict=True):
            self.changePersistentIndex(idx, self.index(new_pos[aid], idx.column()))
        self.layoutChanged.emit()
