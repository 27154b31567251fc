"""A table of one editable list with buttons to add, remove and reorder its rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.vocabulary import OrgCategory
from app.ui.combo_data import find_data
from app.ui.list_models import ColumnKind, EntityListModel

AnyIndex = QModelIndex | QPersistentModelIndex


class ComboDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of (label, value) items; the model's EditRole is the value."""

    def __init__(self, items: Sequence[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = list(items)

    def make_combo(self, parent: QWidget | None = None) -> QComboBox:
        combo = QComboBox(parent)
        for label, value in self._items:
            combo.addItem(label, value)
        return combo

    def editor_width(self) -> int:
        """Wide enough for the open combo box, not just for the widest label."""
        probe = self.make_combo()
        try:
            return probe.sizeHint().width() + 8
        finally:
            probe.deleteLater()

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = self.make_combo(parent)
        combo.activated.connect(lambda _row: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(find_data(editor, index.data(Qt.ItemDataRole.EditRole)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class OrgCategoryDelegate(ComboDelegate):
    """Edits an organisation's category with a combo box of the Swedish labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([(c.label, c.value) for c in OrgCategory], parent)


class ListEditor(QWidget):
    """A QTableView on an EntityListModel, with "Lägg till", "Ta bort", "Flytta upp/ned"."""

    def __init__(
        self,
        model: EntityListModel[Any],
        parent: QWidget | None = None,
        *,
        movable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.model = model

        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 12  # room for an open combo box or line edit
        )
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for column, spec in enumerate(model.columns):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if spec.stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
            if spec.kind is ColumnKind.CATEGORY:
                delegate = OrgCategoryDelegate(self.view)
                self.view.setItemDelegateForColumn(column, delegate)
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, delegate.editor_width())
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 8)

        self.add_button = QPushButton(self.tr("Lägg till"))
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.up_button = QPushButton(self.tr("Flytta upp"))
        self.down_button = QPushButton(self.tr("Flytta ned"))
        self.up_button.setVisible(movable)
        self.down_button.setVisible(movable)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._update_buttons)
        self._update_buttons()

    # --- actions ----------------------------------------------------------------------
    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def select_row(self, row: int) -> None:
        column = max(self.view.currentIndex().column(), 0)
        self.view.setCurrentIndex(self.model.index(row, column))

    def add_row(self) -> None:
        """Insert an empty row below the current one (or last) and start editing its name."""
        self.commit_pending()
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        if not self.model.insertRows(row, 1):
            return
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if self.view.isVisible():
            self.view.setFocus()
            self.view.edit(index)

    def remove_row(self) -> None:
        self.commit_pending()
        row = self.current_row()
        if row < 0 or not self.model.removeRows(row, 1):
            return
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        self.commit_pending()
        row = self.current_row()
        if self.model.move_row(row, delta):
            self.select_row(row + delta)

    def commit_pending(self) -> None:
        """Write an open cell editor's text into the model, e.g. before the dialog saves."""
        index = self.view.currentIndex()
        editor = self.view.indexWidget(index) if index.isValid() else None
        if editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _update_buttons(self, *_args: object) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)
