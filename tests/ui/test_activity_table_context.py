"""Närvarolista (PDF)… for the chosen activity."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core.attendance import Attendance
from app.ui.activity_table_context import print_signin_sheet


def test_saves_the_sheet_under_the_suggested_name(
    qtbot, store, add_activity, tmp_path, monkeypatch
):
    activity = add_activity("Seminarium", "Gävle", date(2018, 3, 14), title="Seminarium om ASF")
    asked = []

    def get_save_file_name(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "lista"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)

    assert print_signin_sheet(None, store, activity.id) is True

    assert asked[0].endswith("Närvarolista Seminarium om ASF 2018-03-14.pdf")
    assert (tmp_path / "lista.pdf").read_bytes().startswith(b"%PDF")


def test_the_sheet_has_a_row_for_each_expected_participant(
    qtbot, store, add_activity, tmp_path, monkeypatch
):
    activity = add_activity(
        "Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(40), title="Stort"
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "lista.pdf"), a[-1])
    )

    assert print_signin_sheet(None, store, activity.id) is True

    lines = [
        line
        for page in PdfReader(tmp_path / "lista.pdf").pages
        for line in (page.extract_text() or "").splitlines()
    ]
    numbers = [int(line) for line in lines if line.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 40


def test_cancel_writes_nothing(qtbot, store, add_activity, tmp_path, monkeypatch):
    activity = add_activity()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert print_signin_sheet(None, store, activity.id) is False
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_failed_save_is_shown(qtbot, store, add_activity, tmp_path, monkeypatch):
    activity = add_activity()
    warnings = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "nej" / "x.pdf"), "")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: warnings.append(text))

    assert print_signin_sheet(None, store, activity.id) is False
    assert "Kunde inte spara" in warnings[0]
