"""Table models of the import preview: the column mapping, the rows to import, the messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.core.entities import ActivityType
from app.core.vocabulary import Scope
from app.importers import AcceptedRow, ColumnMapping, Field, ImportContext, MappedColumn
from app.ui.combo_data import find_data
from app.ui.formatting import fmt_date, fmt_int
from app.ui.row_table_model import AnyIndex, RowTableModel, is_cell

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)


class MappingModel(RowTableModel[MappedColumn]):
    """One row per column of the file; the "Fält" column is edited with a combo box.

    The rows are the mapping's own MappedColumn objects: a change here changes the
    mapping, and ``field_changed`` tells the dialog to read the rows again.
    """

    HEADERS = ("Kolumn", "Rubrik i filen", "Exempel", "Fält")
    FIELD_COLUMN = 3
    field_changed = Signal(int, str)  # column index in the file, Field value

    def __init__(self, mapping: ColumnMapping | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)
        self.set_mapping(mapping)

    def set_mapping(self, mapping: ColumnMapping | None) -> None:
        self.set_rows(mapping.columns if mapping is not None else [])

    def cell(self, item: MappedColumn, column: int, role: int) -> Any:
        if role == DISPLAY:
            return (
                item.letter,
                item.header or "(ingen rubrik)",
                " · ".join(item.samples),
                item.field_label,
            )[column]
        if column != self.FIELD_COLUMN:
            return None
        if role == EDIT:
            return item.field.value
        if role == Qt.ItemDataRole.FontRole and item.recognised:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.field is Field.EXTRA:
                return f"Värdena sparas i anteckningarna som ”{item.name}: värde”."
            return "Dubbelklicka för att välja vilket fält kolumnen hör till."
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if is_cell(self, index) and index.column() == self.FIELD_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        if not is_cell(self, index) or role != EDIT or index.column() != self.FIELD_COLUMN:
            return False
        try:
            new = Field(value)
        except ValueError:
            return False
        column = self.row_at(index.row())
        if column.field is new:
            return False
        column.field = new
        column.recognised = True
        column.organisation = column.note = ""  # the user's choice, not the header's
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.FIELD_COLUMN)
        )
        self.field_changed.emit(column.index, new.value)
        return True


class RowsModel(RowTableModel[AcceptedRow]):
    """The activities an import will add.

    The first column's check box says whether the row is imported (all are, to begin
    with); a guessed type can be changed with a combo box.
    """

    HEADERS = ("Rad", "Datum", "Typ", "Titel/tema", "Kommun", "Plats", "Status", "Deltagare", "Obs")
    TYPE_COLUMN = 2
    type_changed = Signal(int, int)  # source row, type id
    inclusion_changed = Signal()

    def __init__(
        self,
        context: ImportContext | None = None,
        parent: QObject | None = None,
        first_header: str = "Rad",
    ) -> None:
        super().__init__(parent)
        self._headers = (first_header, *self.HEADERS[1:])
        self._context = context
        self._duplicates: set[int] = set()
        self._excluded: set[int] = set()  # source rows the user unticked
        self._italic = QFont()
        self._italic.setItalic(True)

    def show(
        self, context: ImportContext, rows: Sequence[AcceptedRow], duplicates: set[int]
    ) -> None:
        """Show ``rows``; the rows unticked before stay unticked."""
        self._context = context
        self._duplicates = set(duplicates)
        self.set_rows(rows)

    @property
    def excluded(self) -> set[int]:
        """The source rows the user has unticked (kept across new readings of the file)."""
        return set(self._excluded)

    def included(self) -> list[AcceptedRow]:
        return [r for r in self._rows if r.row not in self._excluded]

    def include_all(self, on: bool) -> None:
        self._excluded = set() if on else {r.row for r in self._rows}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.inclusion_changed.emit()

    def _where(self, r: AcceptedRow) -> str:
        a = r.activity
        if a.scope is Scope.KOMMUN and self._context is not None:
            return self._context.kommun_name(a.kommun_id)
        return a.scope.label

    def cell(self, item: AcceptedRow, column: int, role: int) -> Any:
        if self._context is None:
            return None
        a = item.activity
        if role == DISPLAY:
            if column == 0:
                return str(item.row)
            if column == 1:
                return fmt_date(a.start) + (f" – {fmt_date(a.end)}" if a.end else "")
            if column == 2:
                return self._context.type_name(a.type_id)
            if column == 3:
                return a.title
            if column == 4:
                return self._where(item)
            if column == 5:
                return a.place
            if column == 6:
                return a.status.label
            if column == 7:
                return fmt_int(a.attendance.total)
            notes = []
            if item.row in self._duplicates:
                notes.append("dubblett")
            if item.type_guessed:
                notes.append("typen gissad")
            return "; ".join([", ".join(notes), *item.warnings] if notes else item.warnings)
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self.HEADERS) - 1:
            return "\n".join(item.warnings) or None
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            excluded = item.row in self._excluded
            return Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked
        if column == self.TYPE_COLUMN:
            if role == EDIT:
                return a.type_id
            if role == Qt.ItemDataRole.FontRole and item.type_guessed:
                return self._italic
            if role == Qt.ItemDataRole.ToolTipRole and item.type_guessed:
                return "Gissad från titeln. Dubbelklicka för att välja en annan typ."
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 7):
            return RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not is_cell(self, index):
            return flags
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.TYPE_COLUMN and self.row_at(index.row()).type_guessed:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        if not is_cell(self, index):
            return False
        r = self.row_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            if _checked(value):
                self._excluded.discard(r.row)
            else:
                self._excluded.add(r.row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.inclusion_changed.emit()
            return True
        if role != EDIT or index.column() != self.TYPE_COLUMN:
            return False
        if not r.type_guessed or self._context is None:
            return False
        try:
            type_id = int(value)
        except (TypeError, ValueError):
            return False
        if type_id == r.activity.type_id or type_id not in {t.id for t in self._context.types}:
            return False
        self._rows[index.row()] = replace(r, activity=replace(r.activity, type_id=type_id))
        self.dataChanged.emit(index, index)
        self.type_changed.emit(r.row, type_id)
        return True


class TextRowsModel(RowTableModel[tuple[str, ...]]):
    """Read-only rows of text (rejected rows, duplicates, warnings); tooltips show it all."""

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self.set_rows(tuple(r) for r in rows)

    def cell(self, item: tuple[str, ...], column: int, role: int) -> Any:
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return item[column] if column < len(item) else ""
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of (label, value) choices; EditRole holds the value."""

    def __init__(
        self, choices: Callable[[], Sequence[tuple[str, Any]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setMaxVisibleItems(30)
        for label, value in self._choices():
            combo.addItem(label, value)
        combo.activated.connect(lambda _row: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            at = find_data(editor, index.data(EDIT))
            editor.setCurrentIndex(max(at, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), EDIT)
        else:
            super().setModelData(editor, model, index)


def field_choices() -> list[tuple[str, str]]:
    return [(f.label, f.value) for f in Field]


def type_choices(types: Sequence[ActivityType]) -> list[tuple[str, int | None]]:
    return [(t.name, t.id) for t in types if t.active]
