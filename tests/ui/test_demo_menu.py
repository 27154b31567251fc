"""Hjälp → Öppna exempeldata: the demo is built in a new file and opened in a new window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.store.database import Store
from app.store.opening import OpenDatabase
from app.ui.application import Session
from app.ui.main_window import MainWindow


def test_the_demo_is_built_and_handed_to_the_application(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    target = tmp_path / "exempel.sqlite3"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    opened: list[Path] = []
    window.open_database = opened.append

    window.act_demo.trigger()

    assert opened == [target]
    demo = Store.open(target)
    try:
        insats = demo.reference.current_insats()
        assert insats is not None and insats.id is not None
        reached = demo.summaries.year_summary(insats.id, 2016).table("nadda_personer")
        assert reached.total.values[0] == 95
    finally:
        demo.close()


def test_the_session_opens_another_database_in_a_window_of_its_own(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.demo_gavleborg import build_demo

    monkeypatch.setattr(
        "app.ui.application.QSettings",
        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    other = tmp_path / "exempel.sqlite3"
    build_demo(other)
    session = Session(OpenDatabase(store, None))
    session.show()
    first = session.window
    assert first is not None
    qtbot.addWidget(first)

    second = session.open_database(other)

    assert second is not None and second is not session
    assert second.store.path == other
    assert second.window is not None and second.window is not first
    assert "arbetsintegrerat socialt företagande" in second.window.windowTitle()
    assert "exempel.sqlite3" in second.window.windowTitle()
    # The first window stays on its own file; the new file is locked by its own session.
    assert session.window is first and session.store.path == store.path
    assert first.isVisible() and "test.sqlite3" in first.windowTitle()
    assert second.opened.lock is not None and second.opened.lock.held
    second.window.close()  # closing the window closes its database and lets go of it
    assert not second.opened.lock.held and second.opened.closed
    assert session.window is first and not session.opened.closed
    session.close()


def test_the_demo_opens_on_its_last_year_with_data(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from app.demo_gavleborg import build_demo

    settings = tmp_path / "s.ini"
    monkeypatch.setattr(
        "app.ui.application.QSettings",
        lambda: QSettings(str(settings), QSettings.Format.IniFormat),
    )
    # The year the user last looked at in their own database: this year (outside the
    # demo's insats 2016–2020, and without data in the demo).
    remembered = QSettings(str(settings), QSettings.Format.IniFormat)
    remembered.setValue("main/year", date.today().year)
    remembered.sync()
    other = tmp_path / "exempel.sqlite3"
    build_demo(other)
    session = Session(OpenDatabase(store, None))
    session.show()
    assert session.window is not None
    qtbot.addWidget(session.window)

    demo = session.open_database(other)

    assert demo is not None
    window = demo.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.year == 2020
    assert window.year_combo.currentText() == "2020"
    assert "2020" in window.windowTitle()
    assert window.activities.model.rowCount() > 0  # the year has activities to show
    demo.close()
    session.close()
