"""Spara som Word… in the report preview: the same report written as a Word file in the
background, the file chooser's name given the .docx suffix, the database refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui import report_preview
from app.ui.report_preview import ReportPreviewDialog
from tests.conftest import MakeActivity

OFFERED: list[tuple[str, str]] = []  # what the chooser was opened with: name, filter


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file chooser's answers, one per time it is opened ("" is Avbryt)."""
    queue: list[str] = []
    OFFERED.clear()

    def get_save_file_name(*args: object) -> tuple[str, str]:
        assert queue, "the chooser was opened more often than expected"
        OFFERED.append((Path(str(args[2])).name, str(args[3])))
        return queue.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return queue


def _preview_and(
    store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, act: object
) -> None:
    def drive(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReportPreviewDialog)
        qtbot.addWidget(dialog)
        assert callable(act)
        act(dialog)
        dialog.reject()
        return False

    monkeypatch.setattr(report_preview, "run_modal", drive)
    assert insats.id is not None
    assert ReportPreviewDialog.show_report(None, store, ExportRequest(insats.id, 2018, 2018))


def test_save_as_word_writes_the_same_report(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    chooser: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_activity("Seminarium", "Gävle", date(2018, 3, 15), attendance=Attendance.build(1275))
    (tmp_path / "ut").mkdir()
    chooser.append(str(tmp_path / "ut" / "styrelsen"))  # no suffix typed
    seen: list[tuple[Path | None, str, bool]] = []

    def act(dialog: ReportPreviewDialog) -> None:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.word_button.isVisible() and dialog.word_button.text() == "Spara som Word…"
        seen.append((dialog.save_as_word(), dialog.saved_label.text(), True))

    _preview_and(store, insats, monkeypatch, qtbot, act)

    saved = tmp_path / "ut" / "styrelsen.docx"
    assert seen == [(saved, f"Skrev rapporten 2018 som Word-dokument till {saved}.", True)]
    assert OFFERED == [("Insatslogg 2018.docx", "Word-dokument (*.docx)")]
    assert sorted(p.name for p in saved.parent.iterdir()) == ["styrelsen.docx"]  # no temp left
    document = docx.Document(str(saved))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Årsrapport 2018" in text
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "1\u00a0275" in cells  # the participants, as the PDF shows them


def test_a_cancelled_chooser_writes_nothing(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    chooser: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chooser.append("")
    seen: list[Path | None] = []
    _preview_and(store, insats, monkeypatch, qtbot, lambda d: seen.append(d.save_as_word()))
    assert seen == [None]


def test_the_database_is_refused(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    db_path: Path,
    chooser: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: boxes.append(text))
    link = db_path.with_suffix(".docx")  # a link to the database, under a report's name
    link.symlink_to(db_path)
    chooser.append(str(link))
    before = db_path.read_bytes()
    seen: list[Path | None] = []
    _preview_and(store, insats, monkeypatch, qtbot, lambda d: seen.append(d.save_as_word()))
    assert seen == [None]
    assert len(boxes) == 1 and "databas" in boxes[0] and "Ingenting har sparats" in boxes[0]
    assert db_path.read_bytes() == before


def test_the_buttons_fit_a_laptop_screen(
    qtbot: QtBot, store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def act(dialog: ReportPreviewDialog) -> None:
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        for button in (
            dialog.print_button,
            dialog.save_button,
            dialog.word_button,
            dialog.close_button,
        ):
            corner = button.mapTo(dialog, button.rect().bottomRight())
            assert button.isVisible() and dialog.rect().contains(corner)
        assert dialog.frameGeometry().height() <= screen.height() + 1
        Path("/tmp/shots").mkdir(exist_ok=True)
        dialog.grab().save("/tmp/shots/report_preview_word.png")
        (tmp_path / "size.json").write_text(json.dumps([dialog.width(), dialog.height()]))

    _preview_and(store, insats, monkeypatch, qtbot, act)
    assert json.loads((tmp_path / "size.json").read_text())[0] > 0
