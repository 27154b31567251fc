"""Redigera → Ändringslogg: every change, newest first, with the fields before → after.

Filter by day or by the record of the chosen change; undo any change (also one from
an earlier day, when nothing later builds on it); export what is shown to Excel.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import TAB_TITLES, ChangeSet
from app.core.errors import DomainError
from app.operations.change_log import LogLine, lines_of, status_text
from app.store.database import Store
from app.ui.row_table_model import RowTableModel
from app.ui.screen_fit import resize_to_fit

SHOWN_AT_MOST = 2000
LINES_AT_MOST = 1000


class ChangeSetModel(RowTableModel[ChangeSet]):
    HEADERS = ("Tid", "Användare", "Ändring", "Flik", "Status")

    def cell(self, item: ChangeSet, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            item.at.strftime("%Y-%m-%d %H:%M"),
            item.user,
            item.label,
            TAB_TITLES.get(item.tab or "", ""),
            status_text(item),
        )[column]


class ChangeLineModel(RowTableModel[LogLine]):
    HEADERS = ("Post", "Händelse", "Fält", "Före", "Efter")

    def cell(self, item: LogLine, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (item.record, item.event, item.field, item.before, item.after)[column]


def _table(model: RowTableModel[Any], name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


class ChangeLogDialog(QDialog):
    # A change undone from the log: the window refreshes what shows it.
    reverted = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._record: tuple[str, tuple[Any, ...]] | None = None
        self.setWindowTitle(self.tr("Ändringslogg"))
        self.sets_model = ChangeSetModel(self)
        self.lines_model = ChangeLineModel(self)

        self.all_days = QCheckBox(self.tr("&Alla dagar"))
        self.all_days.setChecked(True)
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setObjectName("changeLogDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setEnabled(False)
        self.day_edit.setAccessibleName(self.tr("Dag"))
        self.record_check = QCheckBox(self.tr("&Bara den valda ändringens post"))
        self.record_check.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("changeLogCount")

        self.sets_view = _table(self.sets_model, "changeSets")
        self.sets_view.setAccessibleName(self.tr("Ändringar"))
        self.lines_view = _table(self.lines_model, "changeLines")
        self.lines_view.setAccessibleName(self.tr("Fält före och efter"))
        self.lines_note = QLabel(
            self.tr(f"Visar de första {LINES_AT_MOST} fälten; exportera för att se alla.")
        )
        self.lines_note.setObjectName("changeLinesNote")
        self.lines_note.hide()

        self.undo_button = QPushButton(self.tr("Å&ngra ändringen"))
        self.undo_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("&Exportera till Excel…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(self.all_days)
        filters.addWidget(QLabel(self.tr("Dag:")))
        filters.addWidget(self.day_edit)
        filters.addSpacing(16)
        filters.addWidget(self.record_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sets_view)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.lines_view, 1)
        details_layout.addWidget(self.lines_note)
        splitter.addWidget(details)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.all_days.toggled.connect(self._days_toggled)
        self.day_edit.dateChanged.connect(lambda _d: self.reload())
        self.record_check.toggled.connect(self._record_toggled)
        self.sets_view.selectionModel().selectionChanged.connect(self._selected)
        self.undo_button.clicked.connect(self.undo_selected)
        self.export_button.clicked.connect(self.export)
        self.reload()
        resize_to_fit(self, 1000, 640)
        for column, width in enumerate((130, 110, 420, 130)):
            self.sets_view.setColumnWidth(column, width)
        for column, width in enumerate((260, 90, 140, 200)):
            self.lines_view.setColumnWidth(column, width)

    # --- what is shown ------------------------------------------------------------
    def day(self) -> date | None:
        if self.all_days.isChecked():
            return None
        d = self.day_edit.date()
        return date(d.year(), d.month(), d.day())

    def reload(self, select: int | None = None) -> None:
        sets = self._store.changes.sets(record=self._record, day=self.day(), limit=SHOWN_AT_MOST)
        self.sets_model.set_rows(sets)
        n = len(sets)
        more = " (de senaste)" if n == SHOWN_AT_MOST else ""
        self.count_label.setText(f"{n} {'ändring' if n == 1 else 'ändringar'}{more}")
        row = next((i for i, s in enumerate(sets) if s.id == select), 0 if sets else None)
        if row is not None:
            self.sets_view.selectRow(row)
        else:
            self._show(None)

    def selected(self) -> ChangeSet | None:
        rows = self.sets_view.selectionModel().selectedRows()
        return self.sets_model.row_at(rows[0].row()) if rows else None

    def _selected(self, *_: QItemSelection) -> None:
        self._show(self.selected())

    def _show(self, change_set: ChangeSet | None) -> None:
        lines = lines_of(self._store, change_set, limit=LINES_AT_MOST) if change_set else []
        self.lines_model.set_rows(lines)
        self.lines_note.setVisible(len(lines) == LINES_AT_MOST)
        self.undo_button.setEnabled(
            change_set is not None and not change_set.locked and change_set.undone_by is None
        )
        self.record_check.setEnabled(
            self.record_check.isChecked()
            or (change_set is not None and change_set.record_table is not None)
        )

    def _days_toggled(self, all_days: bool) -> None:
        self.day_edit.setEnabled(not all_days)
        self.reload()

    def _record_toggled(self, only: bool) -> None:
        chosen = self.selected()
        if only and chosen is not None and chosen.record_table and chosen.record_key:
            self._record = (chosen.record_table, chosen.record_key)
        else:
            self._record = None
        self.reload(chosen.id if chosen else None)

    def show_record(self, table: str, key: tuple[Any, ...]) -> None:
        """Open on one record's changes (from its page)."""
        self._record = (table, key)
        self.record_check.blockSignals(True)
        self.record_check.setChecked(True)
        self.record_check.setEnabled(True)
        self.record_check.blockSignals(False)
        self.reload()

    # --- actions ------------------------------------------------------------------
    def undo_selected(self) -> None:
        from app.operations.change_log import undo_set
        from app.ui.form_widgets import warn

        chosen = self.selected()
        if chosen is None:
            return
        try:
            done = undo_set(self._store, chosen.id)
        except DomainError as exc:
            warn(self, str(exc))
            return
        self.reverted.emit(done)
        self.reload(done.id)

    def export(self) -> None:
        from app.operations.change_log import export_log
        from app.ui.file_dialogs import save_file_name
        from app.ui.form_widgets import warn

        suggested = f"andringslogg-{date.today().isoformat()}.xlsx"
        path = save_file_name(
            self, self.tr("Exportera ändringsloggen"), suggested, "Excel-arbetsbok (*.xlsx)"
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            n = export_log(self._store, path, record=self._record, day=self.day())
        except DomainError as exc:
            warn(self, str(exc))
            return
        self.count_label.setText(f"{n} rader exporterade till {path.name}")
