"""Arkiv → Rapport till styrelsen (PDF): the chosen year's report is written in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui.export_dialog import PDF, ExportChoice, ExportDialog
from app.ui.main_window import MainWindow
from tests.conftest import MakeActivity


def test_the_report_menu_writes_the_years_pdf(
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
        return ExportChoice(ExportRequest(window.insats.id or 0, 2018, 2018), target, PDF)

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    window.act_report.trigger()

    assert asked == [PDF]
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "2018" in text and "1 275" in text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Sida 1 av" in text
