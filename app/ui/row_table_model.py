"""A read-only table over a list of rows: what the pages' and dialogs' tables have in common.

A subclass names its columns in ``HEADERS`` and says in ``cell`` what one row shows in
one column for one role; the base keeps the rows and answers Qt's questions about shape,
headers, flags and indexes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
R = TypeVar("R")

READ_ONLY_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


def is_cell(model: QAbstractItemModel, index: AnyIndex) -> bool:
    """Whether ``index`` points at a cell of ``model`` (without Qt's checkIndex warnings)."""
    return (
        index.isValid()
        and index.model() is model
        and 0 <= index.row() < model.rowCount()
        and 0 <= index.column() < model.columnCount()
    )


class RowTableModel(QAbstractTableModel, Generic[R]):
    """One row per item, under column headers; read-only.

    ``HEADERS`` are source texts, translated in ``CONTEXT`` when they are shown (as they
    are when ``CONTEXT`` is empty). A subclass that keeps more than the rows (names looked
    up by id, the year shown) sets that first, then calls ``set_rows``; one whose columns
    change with the content sets ``_headers`` and ``_rows`` between begin/endResetModel.
    """

    HEADERS: tuple[str, ...] = ()
    CONTEXT = ""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._headers: tuple[str, ...] = self.HEADERS

    # --- the rows -----------------------------------------------------------------------
    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    # --- what subclasses define ---------------------------------------------------------
    def cell(self, item: R, column: int, role: int) -> Any:
        """What ``item`` shows in ``column`` for ``role`` (None for nothing)."""
        return None

    def header(self, section: int) -> str:
        """The text over column ``section``."""
        text = self._headers[section]
        return QCoreApplication.translate(self.CONTEXT, text) if self.CONTEXT else text

    # --- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self.header(section)
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not is_cell(self, index):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return READ_ONLY_FLAGS if is_cell(self, index) else Qt.ItemFlag.NoItemFlags
