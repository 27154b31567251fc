"""The window's side of data safety: the backups dialog, restoring, a damaged or busy file
at start, gallring at start, and unexpected errors shown as messages."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import app_log
from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.people import Person
from app.store import backups
from app.store.database import Store
from app.store.instance_lock import DatabaseInUse, InstanceLock
from app.store.opening import OpenDatabase, open_database
from app.ui import application, backup_dialog
from app.ui.application import Session, install_excepthook, offer_gallring, open_store
from app.ui.backup_dialog import BackupDialog
from tests.conftest import MakeActivity
from tests.store.damage import smash_pages


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "app.ui.application.QSettings",
        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )


def _cells(dialog: BackupDialog) -> list[list[str]]:
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_dialog_lists_backs_up_and_changes_folder(
    qtbot: QtBot, store: Store, db_path: Path, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    backups.make_backup(db_path, reason=backups.ON_CLOSE, now=datetime(2026, 11, 20, 16, 5))
    dialog = BackupDialog(db_path)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.folder_edit.text() == str(db_path.parent / "säkerhetskopior")
    [row] = _cells(dialog)
    assert dialog.empty_label.text() == "1 säkerhetskopia."
    assert row[0:2] == ["2026-11-20 16:05:00", "Vid stängning"]
    assert row[2].endswith(" kB") and row[3] == "test-2026-11-20_160500-stangning.sqlite3"

    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 2
    assert _cells(dialog)[0][1] == "Manuell"
    assert dialog.empty_label.text() == "2 säkerhetskopior."

    usb = tmp_path / "usb"
    usb.mkdir()
    dialog.set_folder(usb)
    assert dialog.folder_edit.text() == str(usb)
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.text() == "Inga säkerhetskopior i mappen ännu."
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert [p.parent for p in (b.path for b in backups.list_backups(db_path))] == [usb]
    qtbot.mouseClick(dialog.default_folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(db_path.parent / "säkerhetskopior")


def test_restoring_from_the_window_brings_back_the_data(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    add_activity: MakeActivity,
    monkeypatch: pytest.MonkeyPatch,
    settings_file: None,
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Första")
    early = backups.make_backup(db_path, now=datetime(2026, 11, 1, 9, 0))
    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Andra")
    store.close()
    session = Session(open_database(db_path))
    session.show()
    window = session.window
    assert window is not None
    qtbot.addWidget(window)

    def choose(parent: object, path: Path) -> Path:
        dialog = BackupDialog(path)
        qtbot.addWidget(dialog)
        row = next(
            r for r in range(dialog.model.rowCount()) if dialog.model.row_at(r).path == early.path
        )
        dialog.table.selectRow(row)
        monkeypatch.setattr(backup_dialog, "confirm_restore", lambda *a: True)
        dialog.restore_selected()
        assert dialog.result() == BackupDialog.DialogCode.Accepted
        return dialog.chosen  # type: ignore[return-value]

    monkeypatch.setattr(BackupDialog, "ask", staticmethod(choose))
    window.manage_backups()

    new_window = session.window
    assert new_window is not None and new_window is not window
    qtbot.addWidget(new_window)
    new_window.show_year(2018)
    model = new_window.activities.model
    titles = [model.index(r, 3).data() for r in range(model.rowCount())]  # Titel/tema
    assert titles == ["Första"]
    assert "Återställd från" in new_window.statusBar().currentMessage()
    assert backups.list_backups(db_path)[0].label == "Före återställning"
    session.close()


def test_a_damaged_database_at_start_offers_the_newest_good_backup(
    store: Store, db_path: Path, add_activity: MakeActivity, monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:  # fmt: skip
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Räddad")
    good = backups.make_backup(db_path)
    store.close()
    smash_pages(db_path)
    damaged = db_path.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(
        application, "ask_restore_damaged", lambda exc: asked.append(exc.question()) or True
    )

    opened = open_store(db_path)

    assert opened is not None
    assert "är skadad. Den har inte öppnats och inte ändrats." in asked[0]
    assert str(good.path) in asked[0] and "Vill du återställa den?" in asked[0]
    insats = opened.store.reference.current_insats()
    assert insats is not None and insats.id is not None
    assert [r.title for r in opened.store.activities.rows(insats.id, 2018)] == ["Räddad"]
    kept = list(db_path.parent.glob("test.skadad-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert "Den skadade filen finns kvar som" in messages[-1]
    opened.close()


def test_a_damaged_database_is_left_as_it_is_when_the_user_declines(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    backups.make_backup(db_path)
    store.close()
    smash_pages(db_path)
    damaged = db_path.read_bytes()
    monkeypatch.setattr(application, "ask_restore_damaged", lambda exc: False)
    assert open_store(db_path) is None
    assert db_path.read_bytes() == damaged


def test_a_second_start_on_the_same_file_says_so(
    store: Store, db_path: Path, messages: list[str]
) -> None:
    store.close()
    first = open_database(db_path)
    assert open_store(db_path) is None
    assert "är redan öppen i Insatslogg" in messages[0]
    assert first.store.reference.current_insats() is not None
    first.close()


def _with_names(store: Store, insats: Insats, add_activity: MakeActivity) -> list[str]:
    assert insats.forbund_id is not None
    old = store.people.save(Person(None, insats.forbund_id, "Greta Gammal", None, "g@x.se"))
    new = store.people.save(Person(None, insats.forbund_id, "Nora Ny", None, ""))
    assert old.id and new.id
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(20),
                 participant_ids=(old.id,))  # fmt: skip
    add_activity("Seminarium", "Gävle", date(2024, 3, 14), attendance=Attendance.build(20),
                 participant_ids=(new.id,))  # fmt: skip
    return [p.name for p in store.people.all(insats.forbund_id)]


def test_gallring_is_applied_at_start_after_a_yes(
    store: Store, insats: Insats, add_activity: MakeActivity, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _with_names(store, insats, add_activity) == ["Greta Gammal", "Nora Ny"]
    questions: list[str] = []
    monkeypatch.setattr(
        "app.ui.form_widgets.ask_yes_no", lambda parent, q: questions.append(q) or True
    )
    assert offer_gallring(store, today=date(2025, 1, 1)) == 1
    assert "1 person har inte varit med i någon aktivitet på 3 år" in questions[0]
    assert insats.forbund_id is not None
    assert [p.name for p in store.people.all(insats.forbund_id)] == ["Nora Ny"]
    # The counts stay: the 2018 activity still had 20 participants.
    assert insats.id is not None
    assert [r.participants for r in store.activities.rows(insats.id, 2018)] == [20]


def test_gallring_waits_when_the_user_says_no(
    store: Store, insats: Insats, add_activity: MakeActivity, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_names(store, insats, add_activity)
    monkeypatch.setattr("app.ui.form_widgets.ask_yes_no", lambda parent, q: False)
    assert offer_gallring(store, today=date(2025, 1, 1)) == 0
    assert insats.forbund_id is not None
    assert [p.name for p in store.people.all(insats.forbund_id)] == ["Greta Gammal", "Nora Ny"]
    monkeypatch.setattr(
        "app.ui.form_widgets.ask_yes_no", lambda parent, q: pytest.fail("nothing to ask")
    )
    assert offer_gallring(store, today=date(2020, 1, 1)) == 0


def test_an_unexpected_error_is_a_swedish_message_and_the_log_holds_no_names(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    app_log.start(window=True)
    _with_names(store, insats, add_activity)
    monkeypatch.setattr("app.ui.form_widgets.ask_yes_no", lambda parent, q: True)
    offer_gallring(store, today=date(2025, 1, 1))
    opened = OpenDatabase(store, None)
    opened.close()  # logs the backup on close
    previous = sys.excepthook
    install_excepthook()
    try:
        try:
            raise KeyError("Nora Ny")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert "Ett oväntat fel inträffade (KeyError)" in messages[-1]
    assert "Traceback" not in messages[-1]
    log = app_log.log_file().read_text(encoding="utf-8")
    app_log.stop()
    assert "Gallring vid start: 1 personer" in log
    assert "Säkerhetskopia vid stängning" in log and "KeyError" in log
    for private in ("Greta", "Gammal", "Nora", "g@x.se"):
        assert private not in log
    assert oct(app_log.log_file().stat().st_mode & 0o777) == "0o600"


def test_a_lock_held_elsewhere_in_this_process_is_refused_too(db_path: Path, store: Store) -> None:
    store.close()
    lock = InstanceLock.acquire(db_path)
    try:
        with pytest.raises(DatabaseInUse, match="redan öppen"):
            open_database(db_path)
    finally:
        lock.release()


def test_a_database_from_a_newer_version_is_refused_at_start(
    store: Store, db_path: Path, messages: list[str]
) -> None:
    from tests.conftest import stamp_revision

    store.close()
    stamp_revision(db_path, "9999")
    before = db_path.read_bytes()
    assert open_store(db_path) is None
    assert "skapad av en nyare version av Insatslogg" in messages[0]
    assert db_path.read_bytes() == before


def test_a_backup_that_fails_on_close_is_a_warning_and_the_data_stays(
    store: Store, db_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    from app.store import local_config

    store.close()
    session = Session(open_database(db_path))
    insats = session.store.reference.current_insats()
    assert insats is not None
    session.store.reference.save_insats(insats)  # something to back up
    local_config.set_backup_folder(db_path, tmp_path / "utdraget-usb" / "kopior")
    session.close()
    assert "Säkerhetskopian vid stängning kunde inte göras" in messages[0]
    assert "USB-minnet" in messages[0] and "sparat i databasen" in messages[0]
    assert session.opened.lock is not None and not session.opened.lock.held


def test_arkiv_sakerhetskopiera_nu(
    qtbot: QtBot, store: Store, db_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    from app.store import local_config
    from app.ui.main_window import MainWindow

    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.act_backup_now.trigger()
    [made] = backups.list_backups(db_path)
    assert made.label == "Manuell"
    assert f"Säkerhetskopian är sparad och kontrollerad: {made.path}" in (
        window.statusBar().currentMessage()
    )
    local_config.set_backup_folder(db_path, tmp_path / "usb-borta" / "kopior")
    window.act_backup_now.trigger()
    assert "Är USB-minnet" in messages[-1]
    assert [b.path for b in backups.list_backups(db_path, made.path.parent)] == [made.path]
