"""Ångra/Gör om over the change log, and the Ändringslogg window, on the demo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate

from app.core.changes import ACTIVITIES_TAB, ChangeSet
from app.store.database import Store
from app.ui.change_log_dialog import ChangeLogDialog
from app.ui.edit_history import EditHistory
from tests.store.test_change_log import data_dump
from tests.ui.unchanged_save import differences


def _rename(demo: Store, title: str) -> None:
    demo.activities.update(replace(demo.activities.get(5), title=title))


def test_undo_and_redo_say_what_they_do_and_write_back_every_row(demo: Store, qtbot: Any):
    errors: list[str] = []
    history = EditHistory(demo, errors.append)
    undo, redo = history.actions(history)
    reverted: list[ChangeSet | None] = []
    history.reverted.connect(reverted.append)
    before = data_dump(demo.path)
    _rename(demo, "Ny titel")
    assert history.record(ACTIVITIES_TAB) is not None
    after = data_dump(demo.path)

    assert undo.text() == "&Ångra: ändra aktivitet Ny titel 2017-10-16"
    assert not redo.isEnabled()
    history.stack.undo()
    assert differences(before, data_dump(demo.path)) == []
    assert redo.text() == "&Gör om: ändra aktivitet Ny titel 2017-10-16"
    assert reverted[-1] is not None and reverted[-1].tab == ACTIVITIES_TAB
    history.stack.redo()
    assert differences(after, data_dump(demo.path)) == []
    history.stack.undo()
    assert differences(before, data_dump(demo.path)) == []
    assert errors == []


def test_an_unchanged_save_is_no_step_of_undo(demo: Store, qtbot: Any):
    history = EditHistory(demo, lambda _m: None)
    demo.activities.update(demo.activities.get(5))

    assert history.record(ACTIVITIES_TAB) is None
    assert history.stack.count() == 0


def test_an_undo_refused_is_told_and_leaves_the_data(demo: Store, qtbot: Any):
    errors: list[str] = []
    history = EditHistory(demo, errors.append)
    _rename(demo, "Första")
    history.record(ACTIVITIES_TAB)
    _rename(demo, "Utanför ångra")  # a change made elsewhere, not on this stack
    demo.changes.collect()
    before = data_dump(demo.path)

    history.stack.undo()

    assert errors and "har ändrats efter den" in errors[0]
    assert differences(before, data_dump(demo.path)) == []
    assert history.stack.count() == 0  # the step that cannot be done is gone


def test_the_log_window_shows_filters_undoes_and_exports(
    demo: Store, qtbot: Any, qtmodeltester: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _rename(demo, "Ny titel")
    edit = demo.changes.collect(tab=ACTIVITIES_TAB)
    assert edit is not None
    demo.placements.delete(demo.placements.list(1)[0].id or 0)
    other = demo.changes.collect()
    assert other is not None
    dialog = ChangeLogDialog(demo)
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

    # One day: the day before the edit does not show it; the edit's day does. (The
    # demo's making may fall on the day before, when the suite runs across midnight.)
    def shown_ids() -> list[int | None]:
        return [dialog.sets_model.row_at(r).id for r in range(dialog.sets_model.rowCount())]

    dialog.all_days.setChecked(False)
    made = QDate(edit.at.year, edit.at.month, edit.at.day)  # the edit's own day
    dialog.day_edit.setDate(made.addDays(-1))
    assert edit.id not in shown_ids()
    dialog.day_edit.setDate(made)
    assert edit.id in shown_ids()
    dialog.day_edit.setDate(QDate(other.at.year, other.at.month, other.at.day))
    assert other.id in shown_ids()
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
    assert demo.activities.get(5).title == "Framtidens företagande"
    assert reverted and reverted[0].label.startswith("ångra ändra aktivitet")
    assert demo.changes.get(edit.id).undone_by == reverted[0].id
    assert dialog.sets_model.index(0, 0).data() == f"{reverted[0].at:%Y-%m-%d %H:%M}"


def test_undo_goes_on_after_a_restart(demo: Store, qtbot: Any):
    before = data_dump(demo.path)
    first = EditHistory(demo, lambda _m: None)
    _rename(demo, "Före omstarten")
    first.record(ACTIVITIES_TAB)
    _rename(demo, "Före omstarten 2")
    first.record(ACTIVITIES_TAB)

    again = EditHistory(demo, lambda _m: None)  # the next start
    assert again.restore() == 2
    assert again.stack.undoText() == "ändra aktivitet Före omstarten 2 2017-10-16"
    again.stack.undo()
    again.stack.undo()
    assert differences(before, data_dump(demo.path)) == []
    assert not again.stack.canUndo()  # the making of the database is no step of Ångra


def test_after_an_undo_a_restart_offers_no_older_steps(demo: Store, qtbot: Any):
    history = EditHistory(demo, lambda _m: None)
    _rename(demo, "Ett")
    history.record(ACTIVITIES_TAB)
    history.stack.undo()

    assert EditHistory(demo, lambda _m: None).restore() == 0
