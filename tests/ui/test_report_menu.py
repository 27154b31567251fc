"""Arkiv → Rapport till styrelsen (PDF): the chosen year's report is built in the background
and shown in the preview, from which the user saves (or prints) it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui import report_preview
from app.ui.export_dialog import PDF, ExportChoice, ExportDialog
from app.ui.main_window import MainWindow
from app.ui.report_preview import ReportPreviewDialog
from tests.conftest import MakeActivity


def test_the_report_menu_previews_and_saves_the_years_pdf(
    qtbot: QtBot,
    store: Store,
    tmp_path: Path,
    add_activity: MakeActivity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_activity("Seminarium", "Gävle", date(2018, 3, 1), attendance=Attendance.build(1275))
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_year(2018)
    target = tmp_path / "Rapport 2018.pdf"
    asked: list[object] = []

    def ask(
        cls: type[ExportDialog],
        parent: object,
        st: Store,
        insats: object,
        year: int,
        fmt: object = None,
    ) -> ExportChoice:
        asked.append(fmt)
        assert insats is not None and year == 2018
        return ExportChoice(ExportRequest(window.insats.id or 0, 2018, 2018), None, PDF)

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    built: list[Path] = []
    labels: list[str] = []

    def drive(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReportPreviewDialog)
        built.append(dialog._path)
        assert dialog._path.is_file()
        labels.append(dialog.page_label.text())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        dialog.deleteLater()
        return False

    monkeypatch.setattr(report_preview, "run_modal", drive)
    window.act_report.trigger()

    assert asked == [PDF]
    reader = PdfReader(target)
    assert labels == [f"Sida 1 av {len(reader.pages)}"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "2018" in text and "1 275" in text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Sida 1 av" in text
    assert "Sparade rapporten" in window.statusBar().currentMessage()
    assert not built[0].exists() and not built[0].parent.exists()  # the built file is gone
