"""Spara som Word… in the report preview: ask where, then write the same report as an
editable Word file in the background (with Avbryt), and say where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.progress import Progress
from app.ui.background import run_in_background
from app.ui.export_dialog import error_text
from app.ui.file_dialogs import save_file_name
from app.ui.save_target import target_refused

if TYPE_CHECKING:
    from app.reports.docx_result import DocxResult

WriteWord = Callable[[Path, Progress], "DocxResult"]
TITLE = "Spara rapporten som Word"


def save_as_word(
    parent: QWidget, suggested_name: str, database: Path | None, write: WriteWord
) -> DocxResult | None:
    """Ask for a .docx file and write the report there; None when cancelled or failed
    (a failure is said in a message box)."""
    name = Path(suggested_name).with_suffix(".docx").name
    target = save_file_name(parent, parent.tr(TITLE), name, parent.tr("Word-dokument (*.docx)"))
    if target is None:
        return None
    if target.suffix.lower() != ".docx":
        target = target.with_name(target.name + ".docx")
    if target_refused(parent, parent.tr(TITLE), target, database):
        return None

    def job(progress: Progress) -> DocxResult:
        return write(target, progress)

    outcome = run_in_background(parent, parent.tr(TITLE), "Skriver Word-dokumentet …", job)
    if outcome.cancelled:
        return None
    if outcome.error is not None or outcome.result is None:
        QMessageBox.warning(
            parent, parent.tr(TITLE), error_text(outcome.error or RuntimeError("?"))
        )
        return None
    return outcome.result
