"""The report preview: pages rendered with pdfium, zoom, "Sida X av Y", printing, saving."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.operations.reports import export_pdf
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui.export_dialog import PDF, ExportChoice, ExportDialog
from app.ui.file_dialogs import remember_folder, remembered_folder
from app.ui.report_preview import PREFERRED_SIZE, ReportPreviewDialog, preview_geometry
from tests.conftest import MakeActivity


@pytest.fixture
def report(store: Store, insats: Insats, tmp_path: Path, add_activity: MakeActivity) -> Path:
    add_activity("Seminarium", "Gävle", date(2018, 3, 15), attendance=Attendance.build(1275))
    assert insats.id is not None
    path = tmp_path / "byggd.pdf"
    export_pdf(store, ExportRequest(insats.id, 2018, 2018), path)
    return path


@pytest.fixture
def preview(qtbot: QtBot, report: Path) -> ReportPreviewDialog:
    dialog = ReportPreviewDialog(report, "Insatslogg 2018.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_page_is_shown(preview: ReportPreviewDialog, report: Path) -> None:
    pages = len(PdfReader(report).pages)
    assert pages > 1 and preview.page_count == pages
    assert preview.page_label.text() == f"Sida 1 av {pages}"
    assert all(not label.pixmap().isNull() for label in preview.page_labels)
    first = preview.page_labels[0].pixmap().toImage()
    assert first.pixelColor(2, 2).name() == "#ffffff"  # paper, not an empty bitmap
    preview.grab().save("/tmp/shots/report_preview.png")


LAPTOP = QRect(0, 0, 1366, 768)


@pytest.mark.parametrize(
    "available",
    [LAPTOP, QRect(0, 32, 1366, 736), QRect(1366, 0, 1280, 800), QRect(0, 0, 1920, 1040)],
    ids=["1366x768", "with a top panel", "second screen", "1920x1080"],
)
def test_the_preview_fits_the_screen(available: QRect) -> None:
    geometry = preview_geometry(available)

    assert available.contains(geometry)
    assert geometry.width() <= 0.9 * available.width()
    assert geometry.height() <= 0.9 * available.height()
    assert geometry.center() == available.center()
    # Room left above it for the window's title bar.
    assert geometry.top() - available.top() >= 30
    assert geometry.size() == geometry.size().boundedTo(PREFERRED_SIZE)


def test_a_large_screen_gets_the_preferred_size() -> None:
    assert preview_geometry(QRect(0, 0, 2560, 1400)).size() == QSize(900, 1000)


def buttons_inside(dialog: ReportPreviewDialog) -> None:
    inside = dialog.rect()
    for button in (dialog.print_button, dialog.save_button, dialog.close_button):
        assert button.isVisible()
        rect = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert inside.contains(rect), f"{button.text()} at {rect} outside {inside}"


def test_on_a_laptop_the_buttons_are_on_the_screen(qtbot: QtBot, report: Path) -> None:
    dialog = ReportPreviewDialog(report, "Insatslogg 2018.pdf")
    qtbot.addWidget(dialog)
    dialog.fit_to(LAPTOP)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert LAPTOP.contains(dialog.frameGeometry())
    assert dialog.height() <= 0.9 * 768
    buttons_inside(dialog)


def test_the_preview_is_sized_from_its_own_screen(qtbot: QtBot, report: Path) -> None:
    dialog = ReportPreviewDialog(report, "Insatslogg 2018.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    available = dialog.screen().availableGeometry()
    assert available.contains(dialog.frameGeometry())
    buttons_inside(dialog)


def test_zoom_changes_the_page_size(qtbot: QtBot, preview: ReportPreviewDialog) -> None:
    assert preview.zoom_combo.currentText() == "Anpassa till bredd"
    fit = preview.page_labels[0].width()
    room = preview.scroll_area.viewport().width()
    assert room - 80 <= fit <= room  # fills the width, less the margins and the scroll bar
    preview.zoom_combo.setCurrentText("100 %")
    at_100 = preview.page_labels[0].width()
    assert at_100 == pytest.approx(595 * preview.logicalDpiX() / 72, abs=2)  # A4 is 595 pt
    preview.zoom_combo.setCurrentText("150 %")
    assert preview.page_labels[0].width() == pytest.approx(1.5 * at_100, abs=2)
    preview.zoom_combo.setCurrentText("75 %")
    assert preview.page_labels[0].width() == pytest.approx(0.75 * at_100, abs=2)


def test_scrolling_shows_the_page_number(qtbot: QtBot, preview: ReportPreviewDialog) -> None:
    preview.zoom_combo.setCurrentText("100 %")
    bar = preview.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert preview.page_label.text() == f"Sida {preview.page_count} av {preview.page_count}"


def printed_to(
    monkeypatch: pytest.MonkeyPatch, target: Path, pages: tuple[int, int] | None = None
) -> list[QPrinter]:
    """Make the print dialog answer OK, printing to a PDF file (optionally a page range)."""
    seen: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        assert printer.pageLayout().pageSize().id().name == "A4"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if pages is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        seen.append(printer)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return seen


def test_printing_paints_every_page(
    preview: ReportPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "utskrift.pdf"
    seen = printed_to(monkeypatch, target)

    assert preview.print_report()

    assert len(seen) == 1
    assert len(PdfReader(target).pages) == preview.page_count


def test_printing_honours_the_page_range(
    preview: ReportPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sida2.pdf"
    printed_to(monkeypatch, target, (2, 2))

    assert preview.print_report()

    assert len(PdfReader(target).pages) == 1


def test_a_cancelled_print_prints_nothing(
    preview: ReportPreviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    assert not preview.print_report()


def test_save_as_pdf_copies_the_report(
    preview: ReportPreviewDialog, report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def chooser(*args: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return str(tmp_path / "ut" / "styrelsen"), ""  # no suffix typed

    (tmp_path / "ut").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser)
    remember_folder(tmp_path)

    saved = preview.save_as_pdf()

    assert Path(offered[0]) == tmp_path / "Insatslogg 2018.pdf"
    assert saved == tmp_path / "ut" / "styrelsen.pdf"
    assert saved.read_bytes() == report.read_bytes()
    assert sorted(p.name for p in saved.parent.iterdir()) == ["styrelsen.pdf"]  # no temp left
    assert "styrelsen.pdf" in preview.saved_label.text()
    assert remembered_folder() == saved.parent


def test_cancelling_save_writes_nothing(
    preview: ReportPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert preview.save_as_pdf() is None
    assert preview.saved_label.text() == ""


def test_the_report_dialog_asks_no_file(
    qtbot: QtBot, store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_chooser(*args: object) -> tuple[str, str]:
        raise AssertionError("the report is previewed before it is saved")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_chooser)
    dialog = ExportDialog(insats, [2018, 2019, 2020, 2021], 2019, None, PDF)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "Visa rapporten…"
    assert not dialog.names_check.isVisible()
    dialog.period_radio.setChecked(True)
    dialog.grab().save("/tmp/shots/report_dialog.png")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert insats.id is not None
    assert dialog.result_choice == ExportChoice(ExportRequest(insats.id, 2018, 2021), None, PDF)
