"""Two windows on one server database edit the same activity (issue 16): A opens it, B
saves a change while A's editor is open, A saves. A's save is refused: the dialog shows
both versions (the fields that differ, A's and B's), and "Läs in deras version" shows
B's in A's table; "Avbryt" takes A back to the editor with A's own text. Nothing of A's
refused save is written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.core.setup import gavleborg_defaults
from app.store.database import Store
from app.ui.activity_dialog import ActivityDialog
from app.ui.main_window import MainWindow
from app.ui.stale_record_dialog import StaleRecordDialog
from tests.conftest import SETUP_DAY
from tests.server_databases import ServerDatabases

Handler = Callable[[QDialog], bool]


@pytest.fixture
def store(server_databases: ServerDatabases) -> Iterator[Store]:
    """A's Store: a database of the tests' own server, set up as the program does."""
    with server_databases.store("setup", gavleborg_defaults(SETUP_DAY)) as a:
        yield a


@pytest.fixture
def colleague(store: Store) -> Iterator[Store]:
    """B's Store on A's database."""
    assert store.server is not None
    b = Store(store.server)
    yield b
    b.close()


def _window(store: Store, tmp_path: Path, name: str, qtbot: Any) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show_year(2019)
    return w


def _titles(w: MainWindow) -> set[str]:
    model = w.activities.model
    return {
        str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }


def _script(monkeypatch: pytest.MonkeyPatch, handlers: list[Handler]) -> list[QDialog]:
    """Each dialog shown is handled by the next of ``handlers`` (True: accepted)."""
    shown: list[QDialog] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog)
        assert handlers, f"oväntad dialog: {dialog.windowTitle()}"
        accepted = handlers.pop(0)(dialog)
        (dialog.accept if accepted else dialog.reject)()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", exec_)
    return shown


def _retitle(title: str, then: Callable[[], None] = lambda: None) -> Handler:
    def handle(dialog: QDialog) -> bool:
        assert isinstance(dialog, ActivityDialog)
        then()
        dialog.title_edit.setText(title)
        return True

    return handle


@pytest.mark.parametrize("answer", ["reload", "keep editing"])
def test_a_save_over_a_colleagues_change_shows_both_versions(
    store, colleague, tmp_path, qtbot, monkeypatch, make_activity, answer
):
    a, b = store, colleague
    stored = a.activities.add(make_activity("Seminarium", "Gävle", date(2019, 3, 4)))
    wa, wb = _window(a, tmp_path, "a", qtbot), _window(b, tmp_path, "b", qtbot)
    compared: list[list[tuple[str, str, str]]] = []

    def b_saves() -> None:  # while A's editor is open
        wb.activities.select_activity(stored.id)
        wb.activities.edit_activity()

    def stale(dialog: QDialog) -> bool:
        assert isinstance(dialog, StaleRecordDialog)
        compared.append(dialog.rows())
        message = dialog.findChild(QLabel, "staleMessage").text()
        assert "Din version: 1. Deras version: 2." in message
        # B's save is a change set of the log: the message names who saved it, on a
        # server the database user.
        with b.file.read() as con:
            (who,) = con.execute("SELECT current_user").fetchone()
        assert message.startswith(f"Aktiviteten ”A:s titel” har ändrats av {who} ")
        return answer == "reload"

    reopened: list[str] = []

    def back_in_editor(dialog: QDialog) -> bool:
        assert isinstance(dialog, ActivityDialog)
        reopened.append(dialog.title_edit.text())
        return False  # A closes the editor

    handlers = [_retitle("A:s titel", b_saves), _retitle("B:s titel"), stale]
    if answer == "keep editing":
        handlers.append(back_in_editor)
    shown = _script(monkeypatch, handlers)
    wa.activities.select_activity(stored.id)
    wa.activities.edit_activity()

    assert not handlers, [d.windowTitle() for d in shown]
    assert compared == [[("Titel", "A:s titel", "B:s titel")]]
    assert a.activities.get(stored.id).title == "B:s titel"
    assert a.activities.get(stored.id).version == 2
    assert "B:s titel" in _titles(wa) and "A:s titel" not in _titles(wa)
    assert "B:s titel" in _titles(wb)
    if answer == "keep editing":
        assert reopened == ["A:s titel"]


@pytest.mark.parametrize("answer", ["reload", "keep editing"])
def test_the_group_editor_refuses_a_stale_save_with_the_same_dialog(
    store, colleague, insats, kommun_ids, qtbot, monkeypatch, answer
):
    """Editors that save themselves (here Samverkansgrupp) show the same dialog:
    reload closes the editor with their group, Avbryt keeps mine in the form."""
    from app.core.groups import Group
    from app.ui.group_dialog import GroupDialog

    stored = store.groups.save(Group(None, insats.id, kommun_ids["Hofors"], "Grupp Hofors"))
    dialog = GroupDialog(store, insats, stored)
    qtbot.addWidget(dialog)
    theirs = colleague.groups.save(replace(stored, notes="B:s anteckning"))
    compared: list[list[tuple[str, str, str]]] = []

    def stale(shown: QDialog) -> bool:
        assert isinstance(shown, StaleRecordDialog)
        compared.append(shown.rows())
        return answer == "reload"

    _script(monkeypatch, [stale])
    dialog.name_edit.setText("Min grupp")
    dialog.accept()

    assert compared == [
        [("Namn", "Min grupp", "Grupp Hofors"), ("Anteckningar", "–", "B:s anteckning")]
    ]
    assert store.groups.get(stored.id) == theirs
    if answer == "reload":
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.result_group == theirs
    else:
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.name_edit.text() == "Min grupp"
        assert "Din version: 1. Deras version: 2." in dialog.error_label.text()
