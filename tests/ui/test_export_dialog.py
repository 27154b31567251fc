"""Arkiv → Exportera till Excel…: the dialog, driven through its widgets, and the export
run in the background."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.reports.export_content import ExportRequest
from app.ui import export_dialog
from app.ui.export_dialog import ExportChoice, ExportDialog, export_with_progress, export_years
from app.ui.file_dialogs import remembered_folder


@pytest.fixture
def chooser(monkeypatch, tmp_path):
    """The file chooser answers with ``answer`` and remembers what it was offered."""

    class Chooser:
        answer: str = str(tmp_path / "vald.xlsx")
        offered: list[str] = []

    def get_save_file_name(parent, caption, suggested, filters):
        Chooser.offered.append(suggested)
        assert "*.xlsx" in filters
        return Chooser.answer, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return Chooser


@pytest.fixture
def dialog(qtbot: QtBot, store, insats, add_activity) -> ExportDialog:
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30))
    add_activity("Workshop", "Hofors", date(2019, 4, 2), attendance=Attendance.build(12))
    d = ExportDialog(insats, export_years(store, insats), 2019)
    qtbot.addWidget(d)
    d.show()
    return d


def click_ok(qtbot: QtBot, d: ExportDialog) -> None:
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)


def test_a_year_is_the_default(qtbot, dialog, insats, chooser, tmp_path):
    assert dialog.ok_button.text() == "Exportera…"
    assert [dialog.year_combo.itemText(i) for i in range(dialog.year_combo.count())] == [
        "2018",
        "2019",
        "2020",
        "2021",
    ]
    assert dialog.year_combo.currentText() == "2019"
    assert not dialog.from_combo.isEnabled()
    dialog.grab().save("/tmp/shots/export_dialog.png")

    click_ok(qtbot, dialog)

    assert Path(chooser.offered[0]).name == "Insatslogg 2019.xlsx"
    assert dialog.result_choice == ExportChoice(
        ExportRequest(insats.id, 2019, 2019, False), tmp_path / "vald.xlsx"
    )


def test_a_period_with_names(qtbot, dialog, insats, chooser, tmp_path):
    chooser.answer = str(tmp_path / "period")  # no suffix typed
    dialog.period_radio.setChecked(True)
    dialog.from_combo.setCurrentText("2018")
    dialog.to_combo.setCurrentText("2020")
    qtbot.mouseClick(dialog.names_check, Qt.MouseButton.LeftButton)

    assert dialog.names_hint.isVisible()
    assert not dialog.year_combo.isEnabled()
    dialog.grab().save("/tmp/shots/export_dialog_period.png")
    click_ok(qtbot, dialog)

    assert Path(chooser.offered[0]).name == "Insatslogg 2018–2020.xlsx"
    assert dialog.result_choice == ExportChoice(
        ExportRequest(insats.id, 2018, 2020, True), tmp_path / "period.xlsx"
    )
    assert remembered_folder() == tmp_path  # the next chooser starts there


def test_a_backwards_period_cannot_be_exported(qtbot, dialog, chooser):
    dialog.period_radio.setChecked(True)
    dialog.from_combo.setCurrentText("2021")
    dialog.to_combo.setCurrentText("2018")

    assert dialog.problems.isVisible()
    assert dialog.problems.text() == "Periodens första år kommer efter det sista."
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert chooser.offered == [] and dialog.result_choice is None


def button_places(d: ExportDialog) -> list[QRect]:
    """Where the buttons are in the dialog, and the dialog's size."""
    QApplication.processEvents()
    buttons = [QRect(b.mapTo(d, QPoint(0, 0)), b.size()) for b in d.buttons.buttons()]
    return [*buttons, d.rect()]


def test_ticking_names_does_not_move_the_buttons(qtbot, dialog):
    before = button_places(dialog)
    assert not dialog.names_hint.isVisible()

    qtbot.mouseClick(dialog.names_check, Qt.MouseButton.LeftButton)

    assert dialog.names_hint.isVisible()
    assert button_places(dialog) == before
    qtbot.mouseClick(dialog.names_check, Qt.MouseButton.LeftButton)
    assert not dialog.names_hint.isVisible()
    assert button_places(dialog) == before


def test_a_backwards_period_does_not_move_the_buttons(qtbot, dialog):
    qtbot.mouseClick(dialog.names_check, Qt.MouseButton.LeftButton)
    before = button_places(dialog)

    dialog.period_radio.setChecked(True)
    dialog.from_combo.setCurrentText("2021")
    dialog.to_combo.setCurrentText("2018")

    assert dialog.problems.isVisible()
    assert button_places(dialog) == before


def test_cancelling_the_file_chooser_keeps_the_dialog_open(qtbot, dialog, chooser):
    chooser.answer = ""

    click_ok(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.result_choice is None


def test_ask_returns_none_when_cancelled(qtbot, store, insats):
    def cancel() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ExportDialog) and w.isVisible():
                w.reject()
                return
        QTimer.singleShot(20, cancel)

    QTimer.singleShot(0, cancel)
    assert ExportDialog.ask(None, store, insats, 2018) is None


# --- the export in the background ---------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_export_writes_the_file(qtbot, window, store, insats, add_activity, tmp_path):
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30))
    path = tmp_path / "Insatslogg 2018.xlsx"

    ok = export_with_progress(
        window, store, ExportChoice(ExportRequest(insats.id, 2018, 2018), path)
    )

    assert ok
    assert load_workbook(path)["Närvarologg"]["E2"].value == "Seminarium"  # after the title
    assert window.statusBar().currentMessage() == f"Exporterade 1 aktivitet (2018) till {path}."


def test_a_failed_export_says_why_in_swedish(qtbot, window, store, insats, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    path = tmp_path / "saknas" / "x.xlsx"

    ok = export_with_progress(
        window, store, ExportChoice(ExportRequest(insats.id, 2018, 2018), path)
    )

    assert not ok
    assert shown == [f"Kunde inte spara {path}: mappen finns inte."]


def test_cancel_leaves_no_file_and_no_message(qtbot, window, store, insats, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    real_export = export_dialog.export_excel

    def slow_export(store, request, path, progress):
        for i in range(2000):  # the user has time to press Avbryt
            progress.step(i, 2000)
            time.sleep(0.002)
        return real_export(store, request, path, progress)

    monkeypatch.setattr(export_dialog, "export_excel", slow_export)

    def press_cancel() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                w.cancel()
                return
        QTimer.singleShot(30, press_cancel)

    QTimer.singleShot(200, press_cancel)
    folder = tmp_path / "ut"
    folder.mkdir()
    path = folder / "x.xlsx"
    ok = export_with_progress(
        window, store, ExportChoice(ExportRequest(insats.id, 2018, 2018), path)
    )

    assert not ok
    assert shown == []
    assert list(folder.iterdir()) == []


# --- any period (issue 13, point 2) ----------------------------------------------------------


def test_tertial_1_of_the_chosen_year(qtbot, dialog, insats, store, chooser, tmp_path):
    from app.core.report_period import ReportPeriod
    from app.reports.excel_export import ACTIVITY_SHEET

    qtbot.mouseClick(dialog.chooser.tertial_radio, Qt.MouseButton.LeftButton)
    dialog.chooser.tertial_combo.setCurrentIndex(0)
    assert dialog.chooser.tertial_combo.currentText() == "1: januari–april"
    assert dialog.year_combo.isEnabled() and dialog.year_combo.currentText() == "2019"
    assert not dialog.chooser.half_combo.isEnabled()
    assert dialog.chooser.shown_label.text() == "Rapporten gäller januari–april 2019."
    dialog.grab().save("/tmp/shots/export_dialog_tertial.png")

    click_ok(qtbot, dialog)

    assert Path(chooser.offered[0]).name == "Insatslogg januari–april 2019.xlsx"
    assert dialog.result_choice is not None
    request = dialog.result_choice.request
    assert request == ExportRequest.for_period(insats.id, ReportPeriod.tertial(2019, 1))
    # The workbook holds the tertial's one activity (2 April 2019), not 2018's.
    export_dialog.export_excel(store, request, tmp_path / "t1.xlsx")
    wb = load_workbook(tmp_path / "t1.xlsx", read_only=True)
    rows = [r for r in list(wb[ACTIVITY_SHEET].iter_rows(values_only=True))[1:] if r[0]]
    wb.close()
    assert [r[0].date() for r in rows] == [date(2019, 4, 2)]


def test_the_whole_insats_and_own_dates(qtbot, dialog, insats):
    from PySide6.QtCore import QDate

    from app.core.report_period import ReportPeriod

    dialog.chooser.insats_radio.setChecked(True)
    assert not dialog.year_combo.isEnabled()
    assert dialog.request() == ExportRequest.for_period(
        insats.id, ReportPeriod.whole_insats(insats.start, insats.end)
    )
    assert (
        dialog.chooser.shown_label.text()
        == f"Rapporten gäller {insats.start.year}–{insats.end.year}."
    )

    dialog.chooser.days_radio.setChecked(True)
    dialog.chooser.from_date.setDate(QDate(2019, 3, 1))
    dialog.chooser.to_date.setDate(QDate(2019, 5, 15))
    assert dialog.chooser.shown_label.text() == "Rapporten gäller 1 mars – 15 maj 2019."
    assert dialog.request().period == ReportPeriod.own(date(2019, 3, 1), date(2019, 5, 15))
    assert dialog.ok_button.isEnabled()

    dialog.chooser.to_date.setDate(QDate(2019, 2, 28))
    assert dialog.problems.isVisible()
    assert dialog.problems.text() == "Periodens sista dag kommer före den första."
    assert not dialog.ok_button.isEnabled()
