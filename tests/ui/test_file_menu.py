"""Arkiv → Ny databas…, Öppna…, Senaste filer, Spara en kopia som… and the demo: each
database in a window of its own, the first window staying on its file (issue 12, item 6)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.setup import gavleborg_defaults
from app.core.setup_values import setup_from_values
from app.store.database import Store
from app.store.new_database import create_database
from app.store.opening import OpenDatabase
from app.ui import file_menu
from app.ui.application import Session
from app.ui.main_window import MainWindow
from app.ui.recent_files import MOST, add_recent, recent_files
from app.ui.setup_dialog import SetupDialog
from tests.conftest import SETUP_DAY, MakeActivity


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "installningar.ini"
    monkeypatch.setattr(
        "app.ui.application.QSettings",
        lambda: QSettings(str(path), QSettings.Format.IniFormat),
    )
    return path


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the program shows: its own boxes and QMessageBox's static ones."""
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a: shown.append(text))

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture
def first(store: Store, settings_file: Path, qtbot: QtBot) -> Iterator[Session]:
    """The user's own database open in its window, as after start."""
    session = Session(OpenDatabase(store, None))
    session.show()
    yield session
    for other in list(Session.open_sessions):
        if other.window is not None:
            other.window.on_closed = None
            other.window.close()
            other.window.deleteLater()
        other.close()


def window_of(session: Session) -> MainWindow:
    assert session.window is not None
    return session.window


def others(first: Session) -> list[Session]:
    return [s for s in Session.open_sessions if s is not first]


def choose_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def choose_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def titles(store: Store, year: int = 2018) -> list[str]:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return sorted(r.title for r in store.activities.rows(insats.id, year))


def test_new_database_asks_the_first_start_set_up_and_opens_it_in_a_new_window(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    target = tmp_path / "Andra insatsen"  # typed without .sqlite3
    choose_save(monkeypatch, target)
    asked: list[str] = []

    def ask(parent: object, defaults: object) -> object:
        asked.append("setup")
        return setup_from_values(
            "Samordningsförbundet Väst", "Nya vägar", date(2025, 1, 1), date(2026, 12, 31),
            ["Borås", "Vara"], [],
        )  # fmt: skip

    monkeypatch.setattr(SetupDialog, "ask", staticmethod(ask))

    window_of(first).act_new_database.trigger()

    assert asked == ["setup"] and messages == []
    [new] = others(first)
    assert new.store.path == tmp_path / "Andra insatsen.sqlite3"
    insats = new.store.reference.current_insats()
    assert insats is not None and insats.name == "Nya vägar" and insats.forbund_id is not None
    assert [k.name for k in new.store.reference.kommuner(insats.forbund_id)] == ["Borås", "Vara"]
    assert "Andra insatsen.sqlite3" in window_of(new).windowTitle()
    assert "Nya vägar" in window_of(new).windowTitle()
    assert window_of(first).store is first.store and window_of(first).isVisible()


def test_new_database_refuses_an_existing_file_before_asking_anything(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    target = tmp_path / "finns.sqlite3"
    target.write_bytes(b"someone's file")
    choose_save(monkeypatch, target)
    monkeypatch.setattr(SetupDialog, "ask", staticmethod(lambda *a: pytest.fail("ska inte fråga")))

    window_of(first).act_new_database.trigger()

    assert len(messages) == 1 and f"Filen {target} finns redan" in messages[0]
    assert "inte ändrats" in messages[0]
    assert target.read_bytes() == b"someone's file"
    assert others(first) == []


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_open_shows_the_file_in_a_second_window_and_once_only(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    other = tmp_path / "annan.sqlite3"
    create_database(other, gavleborg_defaults(SETUP_DAY))
    choose_open(monkeypatch, other)

    window_of(first).act_open_database.trigger()
    [second] = others(first)
    window_of(first).act_open_database.trigger()  # already open: its window comes forward

    assert others(first) == [second] and messages == []
    assert second.store.path == other
    assert "annan.sqlite3" in window_of(second).windowTitle()
    assert "test.sqlite3" in window_of(first).windowTitle()
    assert second.opened.lock is not None and second.opened.lock.held


def test_open_refuses_a_damaged_file_with_the_message_and_leaves_it_unchanged(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    damaged = tmp_path / "trasig.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    before = damaged.read_bytes()
    choose_open(monkeypatch, damaged)

    window_of(first).act_open_database.trigger()

    assert others(first) == []
    assert messages and f"Databasen {damaged} är skadad" in messages[0]
    assert "Den har inte öppnats och inte ändrats." in messages[0]
    assert damaged.read_bytes() == before
    assert window_of(first).isVisible() and not first.opened.closed


def test_open_tells_a_missing_file_and_creates_nothing(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    missing = tmp_path / "borta.sqlite3"
    choose_open(monkeypatch, missing)

    window_of(first).act_open_database.trigger()

    assert messages == [f"Filen {missing} finns inte. Ingenting har öppnats."]
    assert not missing.exists() and others(first) == []


def test_the_recent_list_keeps_eight_most_recent_first(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    files = [tmp_path / f"db{i}.sqlite3" for i in range(10)]
    for path in files:
        add_recent(settings, path)
    add_recent(settings, files[5])  # opened again: first, and only once

    listed = recent_files(settings)

    assert len(listed) == MOST == 8
    assert listed == [
        files[5],
        files[9],
        files[8],
        files[7],
        files[6],
        files[4],
        files[3],
        files[2],
    ]


def test_the_recent_menu_greys_gone_files_opens_the_others_and_clears(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str],
    qtbot: QtBot,
) -> None:  # fmt: skip
    window = window_of(first)
    qtbot.waitUntil(lambda: recent_files(window.settings) == [first.store.path.resolve()])
    gone = tmp_path / "borttagen.sqlite3"
    other = tmp_path / "annan.sqlite3"
    create_database(other, gavleborg_defaults(SETUP_DAY))
    add_recent(window.settings, gone)
    add_recent(window.settings, other)

    file_menu.fill_recent_menu(window)
    actions = [a for a in window.recent_menu.actions() if not a.isSeparator()]

    assert [a.text() for a in actions] == [
        "&1 annan.sqlite3",
        "&2 borttagen.sqlite3",
        "&3 test.sqlite3",
        "&Rensa listan",
    ]
    assert [a.isEnabled() for a in actions] == [True, False, True, True]
    actions[0].trigger()
    [second] = others(first)
    assert second.store.path == other
    actions[-1].trigger()
    assert recent_files(window.settings) == []
    file_menu.fill_recent_menu(window)
    texts = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert texts == ["(inga filer ännu)", "&Rensa listan"]


def test_save_a_copy_holds_the_same_rows_and_the_window_stays_on_its_file(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str],
    add_activity: MakeActivity,
) -> None:  # fmt: skip
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Kopieras")
    add_activity("Workshop", "Sandviken", date(2018, 9, 3), title="Också")
    copy = tmp_path / "kopior" / "kopia.sqlite3"
    copy.parent.mkdir()
    choose_save(monkeypatch, copy)
    window = window_of(first)

    window.act_save_copy.trigger()

    assert messages == []
    assert copy.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in copy.parent.iterdir()) == ["kopia.sqlite3"]
    assert "kopia.sqlite3" in window.statusBar().currentMessage()
    assert window.store.path == first.store.path and "test.sqlite3" in window.windowTitle()
    choose_open(monkeypatch, copy)
    window.act_open_database.trigger()
    [opened] = others(first)
    assert titles(opened.store) == ["Kopieras", "Också"] == titles(first.store)


def test_save_a_copy_refuses_an_existing_file(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    target = tmp_path / "finns.sqlite3"
    target.write_bytes(b"keep me")
    choose_save(monkeypatch, target)

    window_of(first).act_save_copy.trigger()

    assert len(messages) == 1 and "finns redan" in messages[0]
    assert target.read_bytes() == b"keep me"


def test_the_demo_opens_in_its_own_window_and_the_first_stays_on_its_file(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str],
    add_activity: MakeActivity,
) -> None:  # fmt: skip
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Min egen")
    demo_path = tmp_path / "exempel.sqlite3"
    choose_save(monkeypatch, demo_path)
    window = window_of(first)

    window.act_demo.trigger()

    [demo] = others(first)
    assert demo.store.path == demo_path
    assert "exempel.sqlite3" in window_of(demo).windowTitle()
    assert window.isVisible() and window.store is first.store and not first.opened.closed
    assert titles(first.store) == ["Min egen"]
    assert "test.sqlite3" in window.windowTitle()


def test_the_demo_is_not_built_over_a_database_open_here(
    first: Session, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    before = first.store.path.read_bytes()
    choose_save(monkeypatch, first.store.path)

    window_of(first).act_demo.trigger()

    assert messages == ["Välj en annan fil än en databas som är öppen nu."]
    assert first.store.path.read_bytes() == before and others(first) == []


def test_closing_one_window_closes_its_database_and_leaves_the_other(
    first: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    other = tmp_path / "annan.sqlite3"
    create_database(other, gavleborg_defaults(SETUP_DAY))
    choose_open(monkeypatch, other)
    window_of(first).act_open_database.trigger()
    [second] = others(first)
    assert QApplication.quitOnLastWindowClosed()

    window_of(second).close()

    assert second.opened.closed and second.opened.lock is not None and not second.opened.lock.held
    assert second not in Session.open_sessions and first in Session.open_sessions
    assert window_of(first).isVisible() and not first.opened.closed


def test_arkiv_starts_with_the_file_commands(first: Session) -> None:
    window = window_of(first)
    [arkiv] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Arkiv"]
    texts = [a.text() for a in arkiv.actions()[:5]]

    assert texts == [
        "Ny &databas…",
        "Ö&ppna…",
        "Senaste &filer",
        "Spara en k&opia som…",
        "",  # the separator before the activity commands
    ]
    assert window.act_open_database.shortcut().toString() == "Ctrl+O"
    # Each of Arkiv's entries has a letter of its own (Alt+letter reaches one entry).
    keys = [a.text().split("&")[1][0].casefold() for a in arkiv.actions() if "&" in a.text()]
    assert len(keys) == len(set(keys))
