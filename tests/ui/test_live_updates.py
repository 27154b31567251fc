"""Colleagues' changes shown without a restart (issue 16): two programs on one server
database, the window's and a colleague's Store writing; within 5 s the window shows
what the colleague saved, its selection kept; nothing is re-read when nothing changed,
nor for the window's own writes, nor under an open dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.store.database import Store
from app.ui.live_updates import INTERVAL_MS
from app.ui.main_window import MainWindow
from tests.live_stores import an_activity, colleague_of, set_up_store


@pytest.fixture
def server_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with set_up_store(request, "postgresql", tmp_path) as store:
        yield store


@pytest.fixture
def colleague(server_store: Store) -> Iterator[Store]:
    other = colleague_of(server_store)
    yield other
    other.close()


def open_window(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot: QtBot, server_store: Store, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, server_store, tmp_path)


def titles(w: MainWindow) -> list[str]:
    model = w.activities.model
    return [model.activity_row(r).title for r in range(model.rowCount())]


def selected_titles(w: MainWindow) -> list[str]:
    model = w.activities.model
    rows = w.activities.table.selectionModel().selectedRows()
    return sorted(model.activity_row(i.row()).title for i in rows)


def test_a_colleagues_activity_appears_within_5_s(
    qtbot: QtBot, window: MainWindow, server_store: Store, colleague: Store
) -> None:
    mine = server_store.activities.add(an_activity(server_store, "Mitt seminarium"))
    assert mine.id is not None
    window.reload(mine.id)  # as after the window's own save: shown and selected
    assert selected_titles(window) == ["Mitt seminarium"]
    assert window.live is not None and window.live.timer.isActive()

    colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
    qtbot.waitUntil(lambda: "Kollegans seminarium" in titles(window), timeout=5000)

    assert sorted(titles(window)) == ["Kollegans seminarium", "Mitt seminarium"]
    assert selected_titles(window) == ["Mitt seminarium"]  # the selection kept
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Uppdaterat med ändringar från en kollega (")
    assert window.live.refreshes == 1


def test_the_scroll_and_the_current_row_are_kept(
    qtbot: QtBot, window: MainWindow, server_store: Store, colleague: Store
) -> None:
    for n in range(60):
        day = date(2018, 1 + n % 12, 1 + n % 28)
        server_store.activities.add(an_activity(server_store, f"Mitt möte {n:02}", day))
    window.reload()
    table = window.activities.table
    last = window.activities.model.activity_row(window.activities.model.rowCount() - 1)
    assert last.id is not None
    window.activities.select_activity(last.id)  # the last row, scrolled to
    bar = table.verticalScrollBar()
    assert bar.value() > 0
    scrolled = bar.value()

    colleague.activities.add(an_activity(colleague, "Kollegans seminarium", date(2018, 12, 30)))
    qtbot.waitUntil(lambda: "Kollegans seminarium" in titles(window), timeout=5000)

    assert bar.value() == scrolled
    current = table.selectionModel().currentIndex()
    assert window.activities.model.activity_row(current.row()).id == last.id
    assert selected_titles(window) == [last.title]


def test_the_users_search_is_kept(
    qtbot: QtBot, window: MainWindow, server_store: Store, colleague: Store
) -> None:
    server_store.activities.add(an_activity(server_store, "Mitt seminarium"))
    window.reload()
    window.activities.filter_bar.search.setText("kollega")
    qtbot.waitUntil(lambda: titles(window) == [], timeout=2000)
    colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
    qtbot.waitUntil(lambda: titles(window) == ["Kollegans seminarium"], timeout=5000)
    assert window.activities.filter_bar.search.text() == "kollega"


def held_seminars(w: MainWindow) -> str:
    """Genomförda seminars in the year overview, as the Årsöversikt tab shows them."""
    model = w.overview.models["aktiviteter_typ"]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0)) == "Seminarium":
            return str(model.data(model.index(r, columns.index("Genomförda"))))
    return "0"


def test_the_shown_overview_is_brought_up_to_date(
    qtbot: QtBot, window: MainWindow, colleague: Store
) -> None:
    window.act_show_overview.trigger()
    before = held_seminars(window)
    colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
    qtbot.waitUntil(lambda: held_seminars(window) != before, timeout=5000)
    assert int(held_seminars(window)) == int(before or 0) + 1
    assert window.tabs.currentWidget() is window.overview  # the user stays where they were


def test_nothing_is_reread_when_nothing_changed(
    qtbot: QtBot, window: MainWindow, server_store: Store
) -> None:
    resets: list[int] = []
    window.activities.model.modelReset.connect(lambda: resets.append(1))
    assert window.live is not None
    qtbot.wait(2 * INTERVAL_MS + 500)  # two ticks of the timer
    # The window's own write is re-read by the window itself, not as a colleague's.
    server_store.activities.add(an_activity(server_store, "Mitt seminarium"))
    qtbot.wait(INTERVAL_MS + 500)
    assert window.live.check() is False
    assert resets == []
    assert window.live.refreshes == 0
    assert "Mitt seminarium" not in titles(window)  # nothing re-read behind its back


def test_an_open_dialog_holds_the_reread_until_it_closes(
    qtbot: QtBot, window: MainWindow, colleague: Store
) -> None:
    assert window.live is not None
    window.live.timer.stop()  # ticks made by hand below
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
    assert window.live.check() is False  # the dialog keeps the user's edits
    assert "Kollegans seminarium" not in titles(window)
    dialog.reject()
    assert window.live.check() is True
    assert titles(window) == ["Kollegans seminarium"]


def test_a_file_has_no_timer(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    with set_up_store(request, "sqlite", tmp_path) as store:
        w = open_window(qtbot, store, tmp_path)
        assert w.live is None  # one program per file: no other writer to watch
        w.close()
