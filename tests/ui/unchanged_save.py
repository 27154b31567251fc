"""Pressing Spara on a record without touching anything must change nothing.

The helpers here open every stored record in its real editor, the way the user does
(select it on its page, press Redigera), and accept the editor as it was filled in:
every dialog is accepted as if Spara were pressed, and every cell of every in-place list
(members, status history, goals, kommuner …) is opened in its delegate's editor and
committed unchanged. ``EDITORS`` lists every editor; a new one joins with one line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QMessageBox,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.ui.main_window import MainWindow

# Tables whose every row is compared; sqlite_sequence is compared too, so that an
# unchanged save that deletes and re-inserts rows (new ids) is caught.
Dump = dict[str, list[tuple[Any, ...]]]
LOG_TABLES = ("change_set", "change_row", "change_current")


def dump(path: Path) -> Dump:
    """Every row of every table, in rowid order (a read-only connection beside the app's)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        out = {n: con.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
        # The change log's rows are held to "nothing to record" by the test itself; a
        # set begun and dropped still moves the log's own sequence.
        for table in LOG_TABLES:
            out.pop(table, None)
        if "sqlite_sequence" in out:
            out["sqlite_sequence"] = [r for r in out["sqlite_sequence"] if r[0] not in LOG_TABLES]
        return out
    finally:
        con.close()


def differences(before: Dump, after: Dump) -> list[str]:
    out: list[str] = []
    for table in sorted(set(before) | set(after)):
        old, new = set(before.get(table, [])), set(after.get(table, []))
        out += [f"{table}: borta {row}" for row in sorted(old - new, key=repr)]
        out += [f"{table}: ny {row}" for row in sorted(new - old, key=repr)]
        if not out and before.get(table) != after.get(table):
            out.append(f"{table}: raderna i annan ordning")
    return out


def round_trip_cells(view: QAbstractItemView) -> int:
    """Open every editable cell of ``view`` in its delegate's editor and commit it unchanged,
    as a user does who opens a cell and presses Enter. The number of cells opened."""
    model = view.model()
    opened = 0
    root = QModelIndex()
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(root)):
            index = model.index(row, column)
            if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue
            delegate = view.itemDelegateForColumn(column) or view.itemDelegate()
            editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
            if editor is None:
                continue
            delegate.setEditorData(editor, index)
            delegate.setModelData(editor, model, index)
            editor.deleteLater()
            opened += 1
    return opened


def round_trip_lists(widget: QWidget) -> int:
    """``round_trip_cells`` for every editable item view inside ``widget``."""
    opened = 0
    for view in widget.findChildren(QTableView):
        if view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
            opened += round_trip_cells(view)
    return opened


@contextmanager
def spara_unchanged(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, int]]]:
    """Every dialog shown is accepted at once, after its lists' cells were opened and
    committed unchanged; yields (title, cells opened) of each dialog accepted. A dialog that
    refuses (stays open: its form does not validate) or a question box fails the test."""
    accepted: list[tuple[str, int]] = []

    def exec_(dialog: QDialog) -> int:
        cells = round_trip_lists(dialog)
        dialog.accept()
        if dialog.result() != QDialog.DialogCode.Accepted:
            problems = " / ".join(
                w.text()
                for w in dialog.findChildren(QWidget)
                if hasattr(w, "text")
                and w.isVisibleTo(dialog)
                and w.objectName() in {"problems", "errorLabel"}
            )
            raise AssertionError(f"{dialog.windowTitle()} sparades inte: {problems}")
        accepted.append((dialog.windowTitle(), cells))
        return int(QDialog.DialogCode.Accepted)

    def question(*args: Any, **_: Any) -> Any:
        raise AssertionError(f"oväntad fråga vid oförändrad sparning: {args[2:3]}")

    monkeypatch.setattr(QDialog, "exec", exec_)
    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(question))
    yield accepted


@dataclass(frozen=True)
class Editor:
    """One editor: the records it edits, and how the user opens one of them and saves."""

    name: str
    records: Callable[[MainWindow], list[Any]]
    open_and_save: Callable[[MainWindow, Any], None]
    # The editor holds lists edited in their cells (members, kommuner …): every cell of
    # them must have been opened and committed.
    cells: bool = False


def page(window: MainWindow, cls: str) -> Any:
    """The record page ``cls`` (e.g. "GroupsPage"), shown as its tab."""
    for index in range(window.tabs.count()):
        lazy = window.tabs.widget(index)
        if getattr(getattr(lazy, "spec", None), "name", None) == cls:
            window.tabs.setCurrentIndex(index)
            return lazy.page  # type: ignore[attr-defined]
    raise AssertionError(f"ingen flik {cls}")


def select_in(view: QAbstractItemView, row: int, column: int = 0) -> None:
    view.setCurrentIndex(view.model().index(row, column))


def rows_with(model: Any, role: int, value: Any) -> int:
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0), role) == value:
            return row
    raise AssertionError(f"raden {value} syns inte")
