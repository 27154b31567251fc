"""Arkiv → Slå ihop offlinekopia…: shown for an offline copy only; the dialog lists the
plan and a choice per conflict, and the choice made is what the server gets."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.core.setup import gavleborg_defaults
from app.store.database import Store
from app.store.new_database import create_database
from app.store.offline_copy import take_offline_copy
from app.store.offline_merge import USE_MINE, apply_plan, merge_offline
from app.store.query import run
from app.ui.main_window import MainWindow
from app.ui.offline_dialog import OfflineMergeDialog
from tests.conftest import SETUP_DAY
from tests.offline_data import add_activity, server_with_basics
from tests.server_databases import ServerDatabases


@pytest.fixture
def server(server_databases: ServerDatabases) -> Iterator[Store]:
    with server_with_basics(server_databases) as store:
        yield store


def _window(store: Store, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_merge_menu_and_dialog(server: Store, tmp_path: Path, qtbot: QtBot, db_path: Path) -> None:
    c = add_activity(server, "C", date(2019, 5, 1))
    added = add_activity(server, "F", date(2019, 5, 2))
    target = tmp_path / "laptop.sqlite3"
    take_offline_copy(server, target)
    create_database(db_path, gavleborg_defaults(SETUP_DAY))
    plain = Store.open(db_path)
    copy = Store.open(target)
    try:
        window = _window(plain, tmp_path, qtbot)
        assert not window.act_offline_take.isVisible()
        assert not window.act_offline_merge.isVisible()
        window = _window(copy, tmp_path, qtbot)
        assert window.act_offline_merge.isVisible()
        assert not window.act_offline_take.isVisible()
        titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
        assert "Slå ihop offlinekopia…" in titles

        copy.activities.update(dataclasses.replace(copy.activities.get(c.id or 0), title="mine"))
        copy.activities.update(dataclasses.replace(copy.activities.get(added.id or 0), title="F2"))
        server.activities.update(dataclasses.replace(c, title="theirs"))
        plan = merge_offline(copy, server)
        dialog = OfflineMergeDialog(plan, None)
        qtbot.addWidget(dialog)
        text = dialog.summary.toPlainText()
        assert "Uppdateras på servern: 1 aktivitet" in text
        assert "Konflikter: 1" in text
        (combo,) = dialog.choices.values()
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "behåll serverns",
            "använd min",
        ]
        combo.setCurrentIndex(combo.findData(USE_MINE))
        dialog.merge_button.click()
        assert dialog.result() == dialog.DialogCode.Accepted
        apply_plan(copy, server, plan, dialog.decisions())
        with server.file.engine.connect() as conn:
            got = sorted(str(r[0]) for r in run(conn, "SELECT title FROM activity"))
        assert got == ["F2", "mine"]
    finally:
        copy.close()
        plain.close()
