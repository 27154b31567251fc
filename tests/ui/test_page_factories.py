"""Every tab of the main window is its page, built through its typed factory, and shows
the demo's year: the expected tables with their columns and rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.demo import build_demo
from app.store.database import Store
from app.ui import record_tabs
from app.ui.activities_page import ActivitiesPage
from app.ui.main_window import TAB_ACTIVITIES, TAB_OVERVIEW, MainWindow
from app.ui.overview_widget import OverviewWidget
from app.ui.record_tabs import PAGES, LazyPage, PageSpec

# Per tab: a table the page shows, its first columns and its rows in 2018 on the demo.
EXPECTED: dict[str, tuple[str, list[str], int]] = {
    "Aktiviteter": ("activityTable", ["Datum", "Tid", "Typ", "Titel/tema", "Kommun"], 16),
    "Samverkansgrupper": ("groupTable", ["Kommun", "Namn", "Bildad", "Status 2018"], 6),
    "Nådda personer": ("reachEntries", ["Orsak/forum", "Kommun", "I totalen"], 1),
    "Årsplan": ("planActivities", ["Datum", "Aktivitet", "Typ", "Status"], 16),
    "Uppföljning": ("placementsTable", ["Huvudman", "Målgrupp", "Beviljade"], 3),
    # The demo's activities have no evaluations.
    "Utvärderingar": ("evaluatedActivities", ["Datum", "Aktivitet", "Typ", "Deltagare"], 0),
    "Årsöversikt": ("summary_nyckeltal", ["", "2018", "2017", "Förändring"], 4),
    # Every active budget line of the list and Totalt (issue 15; after Årsöversikt).
    "Ekonomi": ("economyRows", ["Budgetrad", "Budget", "Utfall", "Planerat", "Prognos"], 9),
}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    build_demo(path)
    return path


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the pages the factories built, in order (each factory wrapped)."""
    names: list[str] = []

    def counted(spec: PageSpec) -> PageSpec:
        def factory(store: Store) -> QWidget:
            names.append(spec.name)
            return spec.factory(store)

        return replace(spec, factory=factory)

    monkeypatch.setattr("app.ui.main_window.PAGES", tuple(counted(s) for s in PAGES))
    return names


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, tmp_path: Path, built: list[str]) -> Iterator[MainWindow]:
    store = Store.open(demo_path)
    w = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w
    w.close()
    store.close()


def _headers(view: QTableView) -> list[str]:
    model = view.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def test_each_tab_shows_its_page_built_by_its_factory(
    qtbot: QtBot, window: MainWindow, built: list[str]
) -> None:
    assert built == []  # no record page is built at start
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == list(EXPECTED)
    for index, title in enumerate(titles):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.widget(index)
        if index == TAB_ACTIVITIES:
            assert isinstance(tab, ActivitiesPage) and tab is window.activities
            page: QWidget = tab
        elif index == TAB_OVERVIEW:
            assert isinstance(tab, OverviewWidget) and tab is window.overview
            page = tab
        else:
            assert isinstance(tab, LazyPage) and tab.page is not None
            assert built[-1] == tab.spec.name == tab.page.objectName()
            page = tab.page
        name, columns, rows = EXPECTED[title]
        view = page.findChild(QTableView, name)
        assert view is not None, (title, name)
        qtbot.waitUntil(lambda v=view: v.isVisibleTo(window))  # type: ignore[misc]
        assert _headers(view)[: len(columns)] == columns, title
        assert view.model().rowCount() == rows, title
    assert built == [spec.name for spec in PAGES]  # each once, when first shown
    window.tabs.setCurrentIndex(1)
    assert built == [spec.name for spec in PAGES]


def test_the_factories_build_pages_of_the_record(demo_path: Path, qtbot: QtBot) -> None:
    store = Store.open(demo_path)
    try:
        for spec in PAGES:
            page = spec.factory(store)
            qtbot.addWidget(page)
            assert isinstance(page, record_tabs.RecordPage), spec.name
            assert type(page).__name__ == spec.name
    finally:
        store.close()
