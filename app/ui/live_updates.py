"""Colleagues' changes shown without a restart (issue 16).

On a server a timer asks the store every two seconds, while the window is shown,
whether another program has committed a write (``Database.outside_version``: the
server's notices, read without a query). When one has, the window reads the shown
tab again (its own writes re-read already), keeping the table's selection and scroll,
and says so in the status bar.

An open editor is never interrupted: while a dialog is open (every editor of the
window is one; they keep the user's edits) or a cell is being edited, the re-read
waits for the next tick.

On a file the timer is not started: only one program opens a database file (the
instance lock, app.store.instance_lock), so no change there is another's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QTableView

from app.store.database import Store
from app.ui.activity_table_model import ActivityTableModel

INTERVAL_MS = 2000


def message(at: datetime) -> str:
    return f"Uppdaterat med ändringar från en kollega ({at:%H:%M})"


class LiveUpdates(QObject):
    """The window's watch on the database; ``refresh`` re-reads what the window shows."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._refresh = refresh
        self._seen = store.file.outside_version()
        self.refreshes = 0
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        if window.isVisible():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.Show:
                self.timer.start()
            elif event.type() in (QEvent.Type.Hide, QEvent.Type.Close):
                self.timer.stop()
        return False

    def check(self) -> bool:
        """Re-read when a colleague has committed since the last look; True if it did."""
        version = self._store.file.outside_version()
        if version == self._seen or self.editing():
            return False
        self._seen = version
        self._refresh()
        self.refreshes += 1
        self._window.statusBar().showMessage(message(datetime.now()))
        return True

    def editing(self) -> bool:
        """A dialog is open or a cell is being edited: not now."""
        if QApplication.activeModalWidget() is not None:
            return True
        views = self._window.findChildren(QAbstractItemView)
        return any(view.state() == QAbstractItemView.State.EditingState for view in views)


class KeptView:
    """The activity table's selection, current row and scroll, put back after a re-read
    (rows are found again by id: a colleague's new row may come before them)."""

    def __init__(self, table: QTableView, model: ActivityTableModel) -> None:
        self._table = table
        self._model = model
        rows = table.selectionModel().selectedRows()
        self._selected = [model.activity_row(i.row()).id for i in rows]
        current = table.selectionModel().currentIndex()
        self._current = model.activity_row(current.row()).id if current.isValid() else None
        self._scroll = (
            table.verticalScrollBar().value(),
            table.horizontalScrollBar().value(),
        )

    def restore(self) -> None:
        model, selection_model = self._model, self._table.selectionModel()
        selection = QItemSelection()
        for activity_id in self._selected:
            row = model.row_of_id(activity_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
        if self._current is not None:
            row = model.row_of_id(self._current)
            if row is not None:
                selection_model.setCurrentIndex(model.index(row, 0), flags.NoUpdate)
        self._table.verticalScrollBar().setValue(self._scroll[0])
        self._table.horizontalScrollBar().setValue(self._scroll[1])
