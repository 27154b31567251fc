"""The main window driven as a user would: the real dialog, the table, the overview, undo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.vocabulary import OrgCategory, Role, Scope, Status
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.main_window import MainWindow
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype

Fill = Callable[[ActivityDialog], None]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, store: Store, settings: QSettings) -> Iterator[MainWindow]:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w


def answer_dialog(monkeypatch: pytest.MonkeyPatch, fill: Fill) -> list[ActivityDialog]:
    """Replace ActivityDialog.ask: build the real dialog, let ``fill`` type into it, press Spara."""
    shown: list[ActivityDialog] = []

    def ask(
        cls: type[ActivityDialog],
        parent: object,
        choices: ActivityChoices,
        activity: Activity | None = None,
        default_date: date | None = None,
    ) -> Activity | None:
        dialog = ActivityDialog(choices, activity, default_date)
        shown.append(dialog)
        fill(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        if dialog.result() == QDialog.DialogCode.Accepted:
            return dialog.result_activity
        return None

    monkeypatch.setattr(ActivityDialog, "ask", classmethod(ask))
    return shown


def table_rows(w: MainWindow) -> list[dict[str, str]]:
    m = w.activities.model
    return [
        {m.columns[c].header: m.data(m.index(r, c)) for c in range(m.columnCount())}
        for r in range(m.rowCount())
    ]


def overview_cell(w: MainWindow, key: str, label: str, column: str) -> str:
    """A cell of the year overview, as the user sees it on the Årsöversikt tab."""
    w.act_show_overview.trigger()
    model = w.overview.models[key]
    cols = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0)) == label:
            return str(model.data(model.index(r, cols.index(column))))
    raise AssertionError(f"{label} not in {key}")


def fill_seminar(qtbot: QtBot) -> Fill:
    def fill(d: ActivityDialog) -> None:
        d.type_combo.setCurrentText("Seminarium")
        qtbot.keyClicks(d.title_edit, "Seminarium om reserverade kontrakt")
        d.start_edit.setDate(QDate(2018, 5, 16))
        d.where_combo.setCurrentText("Söderhamn")
        qtbot.keyClicks(d.place_edit, "Stadshuset")
        d.attendance.total.setValue(40)
        d.attendance.org_spins[OrgCategory.KOMMUN].setValue(25)
        d.attendance.org_spins[OrgCategory.ARBETSFORMEDLINGEN].setValue(10)
        d.attendance.role_spins[Role.FORTROENDEVALD].setValue(6)
        d.attendance.women.setValue(22)
        d.attendance.men.setValue(18)

    return fill


def test_title_names_the_app(window: MainWindow) -> None:
    # en dashes; the file's name, so two windows on two files can be told apart
    assert window.windowTitle() == f"{window.insats.name} – 2018 – test.sqlite3 – Insatslogg"


def test_add_through_dialog_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_dialog(monkeypatch, fill_seminar(qtbot))
    assert window.activities.model.rowCount() == 0

    window.act_new.trigger()

    rows = table_rows(window)
    assert rows == [
        {
            "Datum": "2018-05-16",
            "Tid": "",
            "Typ": "Seminarium",
            "Titel/tema": "Seminarium om reserverade kontrakt",
            "Serie": "",
            "Kommun": "Söderhamn",
            "Plats": "Stadshuset",
            "Form": "Fysiskt",
            "Status": "Genomförd",
            "Deltagare": "40",
        }
    ]
    assert overview_cell(window, "aktiviteter_typ", "Seminarium", "Genomförda") == "1"
    assert overview_cell(window, "deltagare_kommun", "Söderhamn", "2018") == "40"
    assert overview_cell(window, "deltagare_organisation", "Kommun", "2018") == "25"
    assert overview_cell(window, "deltagare_organisation", "Ej fördelat", "2018") == "5"
    assert overview_cell(window, "deltagare_roll", "Förtroendevald", "2018") == "6"
    assert overview_cell(window, "deltagare_kon", "Kvinnor", "2018") == "22"
    # 2018 is the insats's first year: there is nothing to compare with.
    assert overview_cell(window, "nyckeltal", "Deltagare (volym)", "Förändring") == "–"
    assert overview_cell(window, "nyckeltal", "Deltagare (volym)", "2017") == "–"
    assert overview_cell(window, "aktiviteter_typ", "Seminarium", "Genomförda 2017") == "–"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.activities.model.rowCount() == 0
    assert overview_cell(window, "deltagare_kommun", "Söderhamn", "2018") == "0"
    assert window.store.activities.rows(window.insats.id or 0, 2018) == []

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [r["Titel/tema"] for r in table_rows(window)] == ["Seminarium om reserverade kontrakt"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.activities.model.rowCount() == 1
    assert overview_cell(window, "deltagare_kommun", "Söderhamn", "2018") == "40"


def test_the_redigera_menu_names_what_undo_and_redo_do(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Redigera")
    undo, redo = menu.actions()[:2]
    assert (undo.text(), undo.isEnabled(), redo.text(), redo.isEnabled()) == (
        "&Ångra",
        False,
        "&Gör om",
        False,
    )

    answer_dialog(monkeypatch, fill_seminar(qtbot))
    window.act_new.trigger()
    assert window.activities.count_label.text() == "1 aktivitet 2018 · 40 deltagare (volym)"
    added = "lägg till aktivitet Seminarium om reserverade kontrakt 2018-05-16"
    assert (undo.text(), undo.isEnabled()) == (f"&Ångra: {added}", True)
    assert redo.text() == "&Gör om"

    undo.trigger()
    assert window.activities.model.rowCount() == 0
    assert (undo.text(), undo.isEnabled()) == ("&Ångra", False)
    assert (redo.text(), redo.isEnabled()) == (f"&Gör om: {added}", True)
    redo.trigger()
    assert window.activities.model.rowCount() == 1

    window.activities.table.selectRow(0)
    window.act_delete.trigger()
    assert undo.text() == "&Ångra: ta bort aktivitet Seminarium om reserverade kontrakt 2018-05-16"
    assert window.statusBar().currentMessage() == "1 aktivitet borttagen. Ångra med Ctrl+Z."
    assert window.activities.count_label.text() == "0 aktiviteter 2018 · 0 deltagare (volym)"


def test_contradicting_counts_keep_the_dialog_open(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(d: ActivityDialog) -> None:
        retype(qtbot, d.title_edit, "Frukostmöte")
        d.start_edit.setDate(QDate(2018, 2, 1))
        d.attendance.total.setValue(10)
        d.attendance.role_spins[Role.CHEF].setValue(12)

    shown = answer_dialog(monkeypatch, fill)
    window.act_new.trigger()

    dialog = shown[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Deltagarna per roll (12) är fler än totalt antal deltagare (10)." in (
        dialog.problems.text()
    )
    assert window.activities.model.rowCount() == 0


def test_only_a_total_is_enough(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(d: ActivityDialog) -> None:
        retype(qtbot, d.title_edit, "Informationsmöte på AF")
        d.start_edit.setDate(QDate(2018, 9, 3))
        d.where_combo.setCurrentText(Scope.LANSOVERGRIPANDE.label)
        d.attendance.total.setValue(17)

    answer_dialog(monkeypatch, fill)
    window.act_new.trigger()
    assert table_rows(window)[0]["Kommun"] == "Länsövergripande"
    assert overview_cell(window, "deltagare_kon", "Ej angivet", "2018") == "17"
    assert overview_cell(window, "deltagare_roll", "Ej fördelat", "2018") == "17"


def test_training_in_steps_is_one_activity_over_its_dates(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(d: ActivityDialog) -> None:
        d.type_combo.setCurrentText("Utbildning")
        retype(qtbot, d.title_edit, "Processutbildning för Arbetsförmedlingen")
        d.start_edit.setDate(QDate(2018, 1, 17))
        d.in_steps.setChecked(True)
        for day in (QDate(2018, 2, 14), QDate(2018, 3, 14), QDate(2018, 4, 11)):
            d.step_date_edit.setDate(day)
            d.add_step.click()
        d.attendance.total.setValue(15)

    answer_dialog(monkeypatch, fill)
    window.act_new.trigger()
    assert table_rows(window)[0]["Datum"] == "17/1, 14/2, 14/3, 11/4 2018"  # its steps
    stored = window.store.activities.get(window.activities.selected_ids()[0])
    assert stored.steps == (
        date(2018, 1, 17),
        date(2018, 2, 14),
        date(2018, 3, 14),
        date(2018, 4, 11),
    )


def test_double_click_edits_and_undo_restores(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    add_activity: MakeActivity,
) -> None:
    add_activity("Workshop", "Bollnäs", date(2018, 4, 5), attendance=Attendance.build(12))
    window.reload()

    def fill(d: ActivityDialog) -> None:
        assert d.title_edit.text() == "Workshop 2018-04-05"
        d.title_edit.setText("Workshop om samverkan")
        d.attendance.total.setValue(14)

    answer_dialog(monkeypatch, fill)
    view = window.activities.table
    rect = view.visualRect(window.activities.model.index(0, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert table_rows(window)[0]["Titel/tema"] == "Workshop om samverkan"
    assert table_rows(window)[0]["Deltagare"] == "14"
    window.act_undo.trigger()
    assert table_rows(window)[0]["Titel/tema"] == "Workshop 2018-04-05"
    assert table_rows(window)[0]["Deltagare"] == "12"


def test_duplicate_delete_and_undo_delete(window: MainWindow, add_activity: MakeActivity) -> None:
    original = add_activity(
        "Frukostmöte",
        "Ockelbo",
        date(2018, 11, 8),
        attendance=Attendance.build(30, women=20, men=10),
    )
    window.reload(original.id)
    window.act_duplicate.trigger()
    rows = table_rows(window)
    assert len(rows) == 2 and rows[0] == rows[1]

    window.activities.table.selectAll()
    window.act_delete.trigger()
    assert window.activities.model.rowCount() == 0
    assert overview_cell(window, "nyckeltal", "Genomförda aktiviteter", "2018") == "0"

    window.act_undo.trigger()
    assert window.activities.model.rowCount() == 2
    assert overview_cell(window, "deltagare_kon", "Kvinnor", "2018") == "40"
    assert original.id in {
        a.id
        for a in window.store.activities.get_many(
            [window.activities.model.activity_row(r).id for r in range(2)]
        )
    }


def test_filter_and_sort(window: MainWindow, add_activity: MakeActivity) -> None:
    add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 1),
        attendance=Attendance.build(50),
        title="ASF och upphandling",
    )
    add_activity("Frukostmöte", "Gävle", date(2018, 2, 1), attendance=Attendance.build(8))
    add_activity("Frukostmöte", "Hofors", date(2018, 6, 1), status=Status.PLANERAD)
    add_activity("Konferens", Scope.NATIONELLT, date(2018, 10, 1), attendance=Attendance.build(120))
    window.reload()
    bar = window.activities.filter_bar

    bar.type_combo.setCurrentText("Frukostmöte")
    assert [r["Kommun"] for r in table_rows(window)] == ["Gävle", "Hofors"]
    bar.status_combo.setCurrentText("Planerad")
    assert [r["Kommun"] for r in table_rows(window)] == ["Hofors"]
    bar.clear()
    bar.kommun_combo.setCurrentText("Gävle")
    assert len(table_rows(window)) == 2
    bar.clear()
    bar.search.setText("upphandling")
    assert [r["Typ"] for r in table_rows(window)] == ["Seminarium"]
    assert "1 av 4 aktiviteter 2018" in window.activities.count_label.text()
    bar.clear()

    window.activities.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
    assert [r["Deltagare"] for r in table_rows(window)] == ["120", "50", "8", "0"]
    window.activities.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r["Datum"][:7] for r in table_rows(window)] == [
        "2018-02",
        "2018-03",
        "2018-06",
        "2018-10",
    ]


def test_years_are_shown_one_at_a_time(window: MainWindow, add_activity: MakeActivity) -> None:
    add_activity("Temadag", "Ljusdal", date(2018, 5, 1), attendance=Attendance.build(60))
    add_activity("Temadag", "Ljusdal", date(2019, 5, 1), attendance=Attendance.build(45))
    window._fill_years(2019)
    window.reload()
    assert overview_cell(window, "deltagare_kommun", "Ljusdal", "2018") == "60"
    assert overview_cell(window, "deltagare_kommun", "Ljusdal", "Förändring") == "−15"
    window.act_prev_year.trigger()
    assert window.year == 2018
    assert [r["Deltagare"] for r in table_rows(window)] == ["60"]
    assert "2018" in window.windowTitle()


def test_edits_and_layout_survive_a_restart(
    qtbot: QtBot,
    db_path: Path,
    store: Store,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = MainWindow(store, settings)
    qtbot.addWidget(first)
    first.show_year(2018)
    first.show()
    answer_dialog(monkeypatch, fill_seminar(qtbot))
    first.act_new.trigger()
    first.resize(760, 540)  # the offscreen screen is 800×600
    first.tabs.setCurrentIndex(1)
    first.close()
    store.close()

    reopened = Store.open(db_path)
    try:
        second = MainWindow(reopened, settings)
        qtbot.addWidget(second)
        second.show()
        assert second.year == 2018
        assert second.tabs.currentIndex() == 1
        assert (second.width(), second.height()) == (760, 540)
        assert [r["Titel/tema"] for r in table_rows(second)] == [
            "Seminarium om reserverade kontrakt"
        ]
    finally:
        reopened.close()


def test_models_pass_the_model_tester(
    qtmodeltester: object, window: MainWindow, add_activity: MakeActivity
) -> None:
    for i in range(5):
        add_activity("Workshop", "Gävle", date(2018, 1 + i, 3), attendance=Attendance.build(i))
    window.reload()
    qtmodeltester.check(window.activities.model)  # type: ignore[attr-defined]
    window.activities.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(window.activities.model)  # type: ignore[attr-defined]
    for model in window.overview.models.values():
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_ctrl_1_to_8_reach_every_tab(qtbot: QtBot, window: MainWindow) -> None:
    assert window.tabs.count() == 8
    keys = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 9)]
    window.activateWindow()
    for index in (7, 6, 5, 1, 2, 3, 4, 0):
        qtbot.keyClick(window, keys[index], Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index, index
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Visa")
    shown = [(a.text(), a.shortcut().toString()) for a in menu.actions()[:8]]
    assert shown == [
        ("&Aktiviteter", "Ctrl+1"),
        ("&Samverkansgrupper", "Ctrl+2"),
        ("Nå&dda personer", "Ctrl+3"),
        ("Års&plan", "Ctrl+4"),
        ("&Uppföljning", "Ctrl+5"),
        ("Utvärderin&gar", "Ctrl+6"),
        ("Års&översikt", "Ctrl+7"),
        ("&Ekonomi", "Ctrl+8"),  # issue 15: after Årsöversikt, whose Ctrl+7 stays
    ]
    assert [window.tabs.tabText(i) for i in range(8)] == [
        text.replace("&", "") for text, _ in shown
    ]
