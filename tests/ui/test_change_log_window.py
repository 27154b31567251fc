"""Ångra/Gör om over the change log, and the Ändringslogg window, on the demo."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.core.changes import ACTIVITIES_TAB, ChangeSet
from app.demo.gavleborg import build_demo
from app.store.database import Store
from app.ui.change_log_dialog import ChangeLogDialog
from app.ui.edit_history import EditHistory
from tests.store.test_change_log import data_dump
from tests.ui.unchanged_save import differences


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    build_demo(path)
    return path


@pytest.fixture
def store(demo_file: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    s = Store.open(path)
    s.changes.collect()
    yield s
    s.close()


def _rename(store: Store, title: str) -> None:
    store.activities.update(replace(store.activities.get(5), title=title))


def test_undo_and_redo_say_what_they_do_and_write_back_every_row(store: Store, qtbot: Any):
    errors: list[str] = []
    history = EditHistory(store, errors.append)
    undo, redo = history.actions(history)
    reverted: list[ChangeSet | None] = []
    history.reverted.connect(reverted.append)
    before = data_dump(store.path)
    _rename(store, "Ny titel")
    assert history.record(ACTIVITIES_TAB) is not None
    after = data_dump(store.path)

    assert undo.text() == "&Ångra: ändra aktivitet Ny titel 2017-10-16"
    assert not redo.isEnabled()
    history.stack.undo()
    assert differences(before, data_dump(store.path)) == []
    assert redo.text() == "&Gör om: ändra aktivitet Ny titel 2017-10-16"
    assert reverted[-1] is not None and reverted[-1].tab == ACTIVITIES_TAB
    history.stack.redo()
    assert differences(after, data_dump(store.path)) == []
    history.stack.undo()
    assert differences(before, data_dump(store.path)) == []
    assert errors == []


def test_an_unchanged_save_is_no_step_of_undo(store: Store, qtbot: Any):
    history = EditHistory(store, lambda _m: None)
    store.activities.update(store.activities.get(5))

    assert history.record(ACTIVITIES_TAB) is None
    assert history.stack.count() == 0


def test_an_undo_refused_is_told_and_leaves_the_data(store: Store, qtbot: Any):
    errors: list[str] = []
    history = EditHistory(store, errors.append)
    _rename(store, "Första")
    history.record(ACTIVITIES_TAB)
    _rename(store, "Utanför ångra")  # a change made elsewhere, not on this stack
    store.changes.collect()
    before = data_dump(store.path)

    history.stack.undo()

    assert errors and "har ändrats efter den" in errors[0]
    assert differences(before, data_dump(store.path)) == []
    assert history.stack.count() == 0  # the step that cannot be done is gone


def test_the_log_window_shows_filters_undoes_and_exports(
    store: Store, qtbot: Any, qtmodeltester: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _rename(store, "Ny titel")
    edit = store.changes.collect(tab=ACTIVITIES_TAB)
    assert edit is not None
    store.placements.delete(store.placements.list(1)[0].id or 0)
    other = store.changes.collect()
    assert other is not None
    dialog = ChangeLogDialog(store)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.sets_model)
    qtmodeltester.check(dialog.lines_model)

    assert dialog.sets_model.index(0, 2).data().startswith("ta bort placering")
    dialog.sets_view.selectRow(1)
    first = dialog.sets_model.index(1, 2).data()
    assert first == "ändra aktivitet Ny titel 2017-10-16"
    assert dialog.sets_model.index(1, 3).data() == "Aktiviteter"
    lines = [
        tuple(dialog.lines_model.index(r, c).data() for c in range(5))
        for r in range(dialog.lines_model.rowCount())
    ]
    assert (
        "aktivitet Ny titel 2017-10-16",
        "Ändrad",
        "Titel",
        "Framtidens företagande",
        "Ny titel",
    ) in lines

    # One day: an earlier day shows nothing; today shows the edit.
    dialog.all_days.setChecked(False)
    dialog.day_edit.setDate(dialog.day_edit.date().addDays(-1))
    assert dialog.sets_model.rowCount() == 0
    dialog.day_edit.setDate(dialog.day_edit.date().addDays(1))
    assert dialog.sets_model.rowCount() >= 1
    dialog.all_days.setChecked(True)

    # One record: the activity's changes only (the edit, and the demo's making of it).
    dialog.sets_view.selectRow(1)
    dialog.record_check.setChecked(True)
    shown = [dialog.sets_model.row_at(r).id for r in range(dialog.sets_model.rowCount())]
    assert shown[0] == edit.id and other.id not in shown

    # Export what is shown, read back.
    target = tmp_path / "logg.xlsx"
    monkeypatch.setattr("app.ui.file_dialogs.save_file_name", lambda *a, **k: target)
    dialog.export()
    ws = load_workbook(target).active
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    assert rows[0] == (
        "Tid",
        "Användare",
        "Ändring",
        "Flik",
        "Post",
        "Händelse",
        "Fält",
        "Före",
        "Efter",
    )
    assert any(r[6:] == ("Titel", "Framtidens företagande", "Ny titel") for r in rows[1:])
    assert {r[2] for r in rows[1:]} <= {first, "skapa exempeldatabasen (kan inte ångras)"}

    # Undo from the log.
    reverted: list[Any] = []
    dialog.reverted.connect(reverted.append)
    dialog.sets_view.selectRow(0)
    dialog.undo_selected()
    assert store.activities.get(5).title == "Framtidens företagande"
    assert reverted and reverted[0].label.startswith("ångra ändra aktivitet")
    assert store.changes.get(edit.id).undone_by == reverted[0].id
    assert date.today().isoformat() in dialog.sets_model.index(0, 0).data()


def test_undo_goes_on_after_a_restart(store: Store, qtbot: Any):
    before = data_dump(store.path)
    first = EditHistory(store, lambda _m: None)
    _rename(store, "Före omstarten")
    first.record(ACTIVITIES_TAB)
    _rename(store, "Före omstarten 2")
    first.record(ACTIVITIES_TAB)

    again = EditHistory(store, lambda _m: None)  # the next start
    assert again.restore() == 2
    assert again.stack.undoText() == "ändra aktivitet Före omstarten 2 2017-10-16"
    again.stack.undo()
    again.stack.undo()
    assert differences(before, data_dump(store.path)) == []
    assert not again.stack.canUndo()  # the making of the database is no step of Ångra


def test_after_an_undo_a_restart_offers_no_older_steps(store: Store, qtbot: Any):
    history = EditHistory(store, lambda _m: None)
    _rename(store, "Ett")
    history.record(ACTIVITIES_TAB)
    history.stack.undo()

    assert EditHistory(store, lambda _m: None).restore() == 0
