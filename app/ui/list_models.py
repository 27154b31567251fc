"""Table models for the förbund's lists: kommuner, organisations, activity types and insatser.

The editable models hold plain core entities (frozen dataclasses). A row keeps the id it
was loaded with, so the store can tell a renamed kommun from a removed one plus a new one;
rows added in the editor have id ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.core.economy_entities import BudgetLine
from app.core.entities import ActivityType, Insats, Kommun, Organisation
from app.core.vocabulary import OrgCategory
from app.ui.formatting import fmt_span
from app.ui.row_table_model import READ_ONLY_FLAGS, RowTableModel, is_cell

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_CONTEXT = "ListModels"

E = TypeVar("E", Kommun, Organisation, ActivityType, BudgetLine)


class ColumnKind(Enum):
    TEXT = "text"
    CATEGORY = "category"  # an OrgCategory, shown by its label, edited with a combo box
    CHECK = "check"  # a bool, shown and edited as a check box


@dataclass(frozen=True)
class Column:
    header: str  # source text, translated in headerData()
    field: str  # the entity attribute the column shows
    kind: ColumnKind = ColumnKind.TEXT
    stretch: bool = False  # whether the view gives this column the spare width


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)


class EntityListModel(QAbstractTableModel, Generic[E]):
    """An editable, reorderable list of entities of one kind."""

    columns: tuple[Column, ...] = ()

    def __init__(self, rows: Iterable[E] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[E] = list(rows)

    # --- what subclasses define -------------------------------------------------------
    def new_entity(self) -> E:
        """The entity a freshly inserted row holds."""
        raise NotImplementedError

    # --- plain access -----------------------------------------------------------------
    def entities(self) -> list[E]:
        """The rows as they stand now, in order (new rows have id None)."""
        return list(self._rows)

    def entity(self, row: int) -> E:
        return self._rows[row]

    def set_entities(self, rows: Iterable[E]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    # --- reading ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate(_CONTEXT, self.columns[section].header)
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not is_cell(self, index):
            return None
        column = self.columns[index.column()]
        value = getattr(self._rows[index.row()], column.field)
        if column.kind is ColumnKind.CHECK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if column.kind is ColumnKind.CATEGORY:
            if role == Qt.ItemDataRole.DisplayRole:
                return OrgCategory(value).label
            if role == Qt.ItemDataRole.EditRole:
                return OrgCategory(value).value
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(value)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not is_cell(self, index):
            return Qt.ItemFlag.NoItemFlags
        if self.columns[index.column()].kind is ColumnKind.CHECK:
            return READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsUserCheckable
        return READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable

    # --- editing ----------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not is_cell(self, index):
            return False
        column = self.columns[index.column()]
        new: Any
        if column.kind is ColumnKind.CHECK:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new = _is_checked(value)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column.kind is ColumnKind.CATEGORY:
            try:
                new = OrgCategory(value)
            except ValueError:
                return False
        else:
            new = "" if value is None else str(value).strip()
        entity = replace(self._rows[index.row()], **{column.field: new})
        return self.replace_row(index, entity, role)

    def replace_row(self, index: AnyIndex, entity: E, role: int) -> bool:
        """Put ``entity`` in the row of ``index`` (a cell edited for ``role``); True."""
        self._rows[index.row()] = entity
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, role])
        return True

    def insertRows(self, row: int, count: int, parent: AnyIndex = _ROOT) -> bool:
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(_ROOT, row, row + count - 1)
        self._rows[row:row] = [self.new_entity() for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = _ROOT) -> bool:
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(_ROOT, row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    def moveRows(
        self,
        sourceParent: AnyIndex,
        sourceRow: int,
        count: int,
        destinationParent: AnyIndex,
        destinationChild: int,
    ) -> bool:
        if sourceParent.isValid() or destinationParent.isValid() or count < 1:
            return False
        if sourceRow < 0 or sourceRow + count > len(self._rows):
            return False
        if not 0 <= destinationChild <= len(self._rows):
            return False
        if sourceRow <= destinationChild <= sourceRow + count:
            return False  # the rows would stay where they are
        if not self.beginMoveRows(_ROOT, sourceRow, sourceRow + count - 1, _ROOT, destinationChild):
            return False
        moving = self._rows[sourceRow : sourceRow + count]
        del self._rows[sourceRow : sourceRow + count]
        at = destinationChild - count if destinationChild > sourceRow else destinationChild
        self._rows[at:at] = moving
        self.endMoveRows()
        return True

    def move_row(self, row: int, delta: int) -> bool:
        """Move one row ``delta`` places (-1 is up, 1 is down)."""
        target = row + delta
        if delta == 0 or not 0 <= row < len(self._rows) or not 0 <= target < len(self._rows):
            return False
        destination = target if delta < 0 else target + 1
        return self.moveRows(_ROOT, row, 1, _ROOT, destination)


class KommunListModel(EntityListModel[Kommun]):
    columns = (
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Kommun")), "name", stretch=True),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Delregion/landskap")), "delregion", stretch=True),
    )

    def new_entity(self) -> Kommun:
        return Kommun(None, "", "")


class OrganisationListModel(EntityListModel[Organisation]):
    columns = (
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Organisation")), "name", stretch=True),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Kategori")), "category", ColumnKind.CATEGORY),
    )

    def new_entity(self) -> Organisation:
        return Organisation(None, "", OrgCategory.ANNAN)


class ActivityTypeListModel(EntityListModel[ActivityType]):
    columns = (
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Aktivitetstyp")), "name", stretch=True),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Aktiv")), "active", ColumnKind.CHECK),
    )

    def new_entity(self) -> ActivityType:
        return ActivityType(None, "", True)


class InsatserModel(RowTableModel[Insats]):
    """Read-only list of all insatser; the current one is marked and shown in bold."""

    NAME, PERIOD, CURRENT = range(3)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Insats")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Period")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Aktuell")),
    )
    CONTEXT = _CONTEXT

    def __init__(self, insatser: Iterable[Insats] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(insatser)

    def set_insatser(self, insatser: Iterable[Insats]) -> None:
        self.set_rows(insatser)

    def insats(self, row: int) -> Insats:
        return self.row_at(row)

    def current_row(self) -> int:
        """The row of the current insats, -1 if none is marked current."""
        return next((i for i, ins in enumerate(self._rows) if ins.is_current), -1)

    def cell(self, ins: Insats, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and ins.is_current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return ins.name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return ins.name
        if column == self.PERIOD:
            return fmt_span(ins.start, ins.end)
        return QCoreApplication.translate(_CONTEXT, "Aktuell") if ins.is_current else ""
