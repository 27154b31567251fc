"""Redigera → Sök i alla år… driven as a user would: typing (å ä ö too), the table's
cells, Return and double-click on a hit from another year, Escape."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.activity_search import SearchQuery, highlight_spans
from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.vocabulary import Scope, Status
from app.store.database import Store
from app.ui.activity_dialog import ActivityDialog
from app.ui.main_window import MainWindow
from app.ui.search_actions import show_search
from app.ui.search_dialog import SearchDialog
from app.ui.search_highlight import segments
from app.ui.search_model import SearchHitModel
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w


@pytest.fixture
def seeded(add_activity: MakeActivity) -> dict[str, Activity]:
    return {
        "old": add_activity(
            "Frukostmöte",
            "Söderhamn",
            date(2018, 3, 14),
            attendance=Attendance.build(12),
            title="Frukostmöte om återbruk",
        ),
        "new": add_activity(
            "Seminarium",
            Scope.LANSOVERGRIPANDE,
            date(2020, 9, 2),
            attendance=Attendance.build(40),
            title="Seminarium: ÅTERBRUK i länet",
            notes="Många frågor om reserverade kontrakt.",
        ),
        "other": add_activity("Workshop", "Gävle", date(2019, 5, 5), title="Workshop om ASF"),
        "planned": add_activity(
            "Workshop",
            "Gävle",
            date(2021, 2, 1),
            Status.PLANERAD,
            title="Workshop",
            notes="Fortsättning på återbruket",
        ),
    }


def cells(dialog: SearchDialog) -> list[list[str]]:
    m = dialog.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def typed(qtbot: QtBot, dialog: SearchDialog, text: str) -> None:
    """Type ``text`` and wait for the search that starts when the typing pauses."""
    retype(qtbot, dialog.text_edit, text)
    assert dialog.searched != dialog.query()  # not yet: the typing has not paused
    qtbot.waitUntil(lambda: dialog.searched == dialog.query(), timeout=3000)


def test_typing_searches_every_year_and_the_cells_show_the_hits(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, Activity]
) -> None:
    window.act_search_all.trigger()
    dialog = window.search_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, SearchDialog) and dialog.isVisible()
    assert dialog.summary_label.text().startswith("Skriv något att söka efter")
    typed(qtbot, dialog, "ÅterBruk")
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "Datum",
        "År",
        "Aktivitet",
        "Typ",
        "Kommun",
        "Status",
        "Deltagare",
        "Träff i",
    ]
    assert cells(dialog) == [
        [
            "2021-02-01",
            "2021",
            "Workshop",
            "Workshop",
            "Gävle",
            "Planerad",
            "0",
            "Anteckningar: ”Fortsättning på återbruket”",
        ],
        [
            "2020-09-02",
            "2020",
            "Seminarium: ÅTERBRUK i länet",
            "Seminarium",
            "Länsövergripande",
            "Genomförd",
            "40",
            "Titel",
        ],
        ["2018-03-14", "2018", "Frukostmöte om återbruk", "Frukostmöte", "Söderhamn"]
        + ["Genomförd", "12", "Titel"],
    ]
    assert dialog.summary_label.text() == "3 träffar"
    # The text found is in bold in Aktivitet and Träff i, as it is written there.
    assert dialog.highlight.terms == ("återbruk",)
    title = dialog.model.data(dialog.model.index(1, 2))
    assert [title[a:b] for a, b in highlight_spans(dialog.highlight.terms, title)] == ["ÅTERBRUK"]
    assert segments(title, highlight_spans(dialog.highlight.terms, title)) == [
        ("Seminarium: ", False),
        ("ÅTERBRUK", True),
        (" i länet", False),
    ]
    dialog.table.selectRow(1)
    assert not dialog.table.grab().isNull()  # painted, the selected row too
    # The same hits as the store's search, which the command line prints too.
    assert window.insats.id is not None
    stored = window.store.search.search(window.insats.id, SearchQuery("återbruk"))
    assert [dialog.model.data(dialog.model.index(r, 2)) for r in range(3)] == [
        h.title for h in stored.hits
    ]
    # Type and kommun narrow it; a phrase must be found as it is written.
    dialog.kommun_combo.setCurrentText("Gävle")
    assert [row[2] for row in cells(dialog)] == ["Workshop"]
    dialog.kommun_combo.setCurrentIndex(0)
    dialog.type_combo.setCurrentText("Seminarium")
    assert [row[2] for row in cells(dialog)] == ["Seminarium: ÅTERBRUK i länet"]
    dialog.type_combo.setCurrentIndex(0)
    typed(qtbot, dialog, '"om återbruk"')
    assert [row[2] for row in cells(dialog)] == ["Frukostmöte om återbruk"]
    typed(qtbot, dialog, "återbruk zzz")
    assert cells(dialog) == [] and dialog.summary_label.text() == "Inga träffar"


def test_return_on_a_hit_from_another_year_shows_selects_and_edits_it(
    qtbot: QtBot,
    window: MainWindow,
    seeded: dict[str, Activity],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edited: list[Activity | None] = []

    def ask(cls: type, parent: object, choices: object, activity: Activity | None = None,
            default_date: date | None = None) -> Activity | None:  # fmt: skip
        edited.append(activity)
        # What the main window shows while its editor is open.
        shown.append((window.year, window.activities.selected_ids(), window.tabs.currentIndex()))
        assert activity is not None
        return replace(activity, title="Seminarium om återbruk och upphandling")

    shown: list[tuple[int, list[int], int]] = []
    monkeypatch.setattr(ActivityDialog, "ask", classmethod(ask))
    window.tabs.setCurrentIndex(3)
    window.activities.filter_bar.search.setText("frukost")  # the year's filter hides it
    dialog = show_search(window)
    typed(qtbot, dialog, "återbruk")
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    window.history.record()  # the activities added above: a step of their own
    steps = window.undo_stack.count()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    target = seeded["new"]
    assert [a.id for a in edited if a] == [target.id]
    assert shown == [(2020, [target.id], 0)]
    assert window.activities.filter_bar.current().is_empty
    # The edit is one step of Ångra, and the search shows the title saved.
    assert window.undo_stack.count() == steps + 1
    assert window.store.activities.get(target.id or 0).title.endswith("upphandling")
    assert "Seminarium om återbruk och upphandling" in [row[2] for row in cells(dialog)]
    assert dialog.current_id() == target.id  # the hit stays selected


def test_double_click_and_return_in_the_field_open_a_hit(
    qtbot: QtBot,
    window: MainWindow,
    seeded: dict[str, Activity],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[int | None] = []
    monkeypatch.setattr(
        ActivityDialog,
        "ask",
        classmethod(lambda cls, parent, choices, activity=None, default_date=None: opened.append(
            activity.id if activity else None
        )),
    )  # fmt: skip
    dialog = show_search(window)
    typed(qtbot, dialog, "asf")
    rect = dialog.table.visualRect(dialog.model.index(0, 2))
    viewport = dialog.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # one click selects
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [seeded["other"].id]
    assert window.year == 2019
    retype(qtbot, dialog.text_edit, "länet")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # searches at once, opens the first
    assert opened == [seeded["other"].id, seeded["new"].id]
    assert window.year == 2020 and window.activities.selected_ids() == [seeded["new"].id]


def test_escape_closes_and_the_menu_names_a_shortcut_of_its_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = show_search(window)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Redigera")
    entry = next(a for a in menu.actions() if a.text() == "Sök i &alla år…")
    assert entry.shortcut().toString() == "Ctrl+Alt+F"
    shortcuts = [s.toString() for a in window.findChildren(QAction) for s in a.shortcuts()]
    assert shortcuts.count("Ctrl+Alt+F") == 1


def test_a_capped_search_says_so_and_the_model_passes_the_tester(
    qtmodeltester: object, qtbot: QtBot, window: MainWindow, add_activity: MakeActivity
) -> None:
    for i in range(503):
        add_activity(
            "Processtöd", "Bollnäs", date(2018 + i % 4, 1 + i % 12, 1 + i % 28), title=f"Stöd {i}"
        )
    dialog = show_search(window)
    typed(qtbot, dialog, "STÖD")
    assert dialog.model.rowCount() == 500
    assert dialog.summary_label.text() == "503 träffar (visar de 500 senaste)"
    years = [int(dialog.model.data(dialog.model.index(r, 1))) for r in range(500)]
    assert years == sorted(years, reverse=True)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    qtmodeltester.check(SearchHitModel())  # type: ignore[attr-defined]
    QApplication.processEvents()


def test_a_kommun_renamed_meanwhile_is_offered_and_shown_by_its_new_name(
    qtbot: QtBot, window: MainWindow, seeded: dict[str, Activity]
) -> None:
    dialog = show_search(window)
    typed(qtbot, dialog, "återbruk")
    assert "Söderhamn" in [row[4] for row in cells(dialog)]
    forbund_id = window.insats.forbund_id
    assert forbund_id is not None
    kommuner = window.store.reference.kommuner(forbund_id)
    window.store.reference.save_kommuner(
        forbund_id,
        [replace(k, name="Söderhamns kommun") if k.name == "Söderhamn" else k for k in kommuner],
    )
    window._after_reference_change()  # as Inställningar → Kommuner… does after a save
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.WindowActivate))  # back to the dialog
    offered = [dialog.kommun_combo.itemText(i) for i in range(dialog.kommun_combo.count())]
    assert "Söderhamns kommun" in offered and "Söderhamn" not in offered
    assert "Söderhamns kommun" in [row[4] for row in cells(dialog)]


def test_the_window_starts_without_loading_the_search(store: Store, tmp_path: Path) -> None:
    """Start-up does not grow: the search's modules load when it is first opened."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from app.store.database import Store\n"
        "from app.ui.main_window import MainWindow\n"
        f"store = Store(Path({str(store.path)!r}))\n"
        f"settings = QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)\n"
        "w = MainWindow(store, settings)\n"
        "w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if 'search' in m and m.startswith('app.')))\n"
        "w.act_search_all.trigger(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if 'search' in m and m.startswith('app.')))\n"
        "store.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    at_start, after = done.stdout.splitlines()[-2:]
    assert at_start == "[]"
    assert "app.ui.search_dialog" in after and "app.store.activity_search" in after
