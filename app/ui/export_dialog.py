"""Arkiv → Exportera till Excel… (and Arkiv → Rapport): the whole insats, a year, a
tertial, a half-year, a quarter, several years or any dates (app.ui.period_chooser),
named participants or not, and where to save; then the export runs off the UI thread
with a progress bar and Avbryt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.progress import Progress
from app.operations.exports import export_excel
from app.reports.export_content import ExportRequest, ExportResult
from app.store.database import Store
from app.ui.background import run_in_background
from app.ui.file_dialogs import save_file_name
from app.ui.form_fields import ERROR_STYLE, message_label
from app.ui.form_widgets import ok_cancel_buttons, run_modal
from app.ui.period_chooser import YEARS_BACKWARDS, PeriodChooser
from app.ui.save_target import target_refused

if TYPE_CHECKING:
    from app.reports.pdf_content import PdfResult

HINT_STYLE = "color: #555;"
STATUS_MS = 10_000


@dataclass(frozen=True)
class ExportFormat:
    """What differs between the Excel export and the PDF report in the dialog."""

    title: str
    intro: str
    save_title: str
    file_filter: str
    suffix: str
    names: bool  # offer "Ta med namngivna deltagare"
    choose_file: bool = True  # ask where to save on OK (the PDF is previewed first instead)
    ok_text: str = "Exportera…"


EXCEL = ExportFormat(
    "Exportera till Excel",
    "Närvarologgen (en rad per aktivitet) och sammanställningarna för {insats}.",
    "Spara Excel-arbetsbok",
    "Excel-arbetsbok (*.xlsx)",
    ".xlsx",
    True,
)
PDF = ExportFormat(
    "Rapport till styrelsen (PDF)",
    "Rapport till styrelsen för {insats}, uppställd som slutrapporten: uppdrag, "
    "bakgrund, individ- och strukturinriktade insatser, milstolpar, nådda personer, "
    "samverkansgrupper, länsstatistik, analys, slutsatser, avvikelser och Uppföljning "
    "Finsam. Visas först; spara sedan som PDF eller Word.",
    "Spara rapporten",
    "PDF-dokument (*.pdf)",
    ".pdf",
    False,
    choose_file=False,
    ok_text="Visa rapporten…",
)


@dataclass(frozen=True)
class ExportChoice:
    request: ExportRequest
    path: Path | None  # None for a format that does not ask for a file (the PDF preview)
    format: ExportFormat = EXCEL


def export_years(store: Store, insats: Insats) -> list[int]:
    """The years one can export: the insats's, and any other year with activities."""
    assert insats.id is not None
    return sorted(set(insats.years) | set(store.activities.years(insats.id)))


class ExportDialog(QDialog):
    def __init__(
        self,
        insats: Insats,
        years: Sequence[int],
        year: int,
        parent: QWidget | None = None,
        fmt: ExportFormat = EXCEL,
        database: Path | None = None,
    ) -> None:
        super().__init__(parent)
        assert insats.id is not None and years
        self._insats_id = insats.id
        self._format = fmt
        self._database = database  # its files are never chosen as the target
        self.result_choice: ExportChoice | None = None
        self.setWindowTitle(fmt.title)

        intro = QLabel(fmt.intro.format(insats=insats.name))
        intro.setWordWrap(True)
        self.chooser = PeriodChooser(insats, years, year, self)
        # The chooser's fields, by the names the dialog has always had.
        self.year_radio = self.chooser.year_radio
        self.period_radio = self.chooser.period_radio
        self.year_combo = self.chooser.year_combo
        self.from_combo = self.chooser.from_combo
        self.to_combo = self.chooser.to_combo
        self.names_check = QCheckBox(self.tr("Ta med namngivna deltagare (eget blad)"))
        self.names_check.setObjectName("includeNames")
        self.names_hint = QLabel(
            self.tr(
                "Namn och e-postadresser är personuppgifter. Skicka bara vidare arbetsboken "
                "till den som får se dem."
            )
        )
        self.names_hint.setObjectName("namesHint")
        self.names_hint.setWordWrap(True)
        self.names_hint.setStyleSheet(HINT_STYLE)
        self.problems = message_label("problems", ERROR_STYLE)
        self.problems.setText(self.tr(YEARS_BACKWARDS))
        # Room is kept for the hint and the problem, so that ticking the box or choosing
        # the years never moves the buttons under the pointer.
        for label in (self.names_hint, self.problems):
            label.hide()
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(label is self.problems or fmt.names)
            label.setSizePolicy(policy)
        self.buttons = ok_cancel_buttons(self, self.tr(fmt.ok_text), self.tr("Avbryt"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.chooser)
        layout.addSpacing(6)
        layout.addWidget(self.names_check)
        self.names_check.setVisible(fmt.names)
        layout.addWidget(self.names_hint)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.chooser.changed.connect(self._update)
        self.names_check.toggled.connect(self._update)
        self._update()

    def request(self) -> ExportRequest:
        return self.chooser.request(self.names_check.isChecked())

    def _update(self) -> None:
        self.names_hint.setVisible(self.names_check.isChecked())
        problem = self.chooser.problem()
        if problem:
            self.problems.setText(problem)
        self.problems.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        """Ask where to save; stay open if the user cancels the file chooser or chooses
        one of the database's own files (a message says why)."""
        if self.chooser.problem():
            return
        request = self.request()
        fmt = self._format
        if not fmt.choose_file:
            self.result_choice = ExportChoice(request, None, fmt)
            super().accept()
            return
        suggested = Path(request.suggested_filename).with_suffix(fmt.suffix)
        path = save_file_name(self, fmt.save_title, suggested.name, fmt.file_filter)
        if path is None:
            return
        if path.suffix.lower() != fmt.suffix:
            path = path.with_name(path.name + fmt.suffix)
        if target_refused(self, fmt.title, path, self._database):
            return
        self.result_choice = ExportChoice(request, path, fmt)
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        store: Store,
        insats: Insats,
        year: int,
        fmt: ExportFormat = EXCEL,
    ) -> ExportChoice | None:
        """Show the dialog; what to export and where, or None when cancelled."""
        dialog = cls(insats, export_years(store, insats), year, parent, fmt, store.path)
        return dialog.result_choice if run_modal(dialog) else None


def error_text(error: BaseException) -> str:
    if isinstance(error, DomainError):
        return str(error)
    return f"Exporten misslyckades: {error}"


def export_with_progress(parent: QWidget | None, store: Store, choice: ExportChoice) -> bool:
    """Run the export in the background with a progress bar and Avbryt.

    True when the file was written (the main window's status bar then says so); False
    when cancelled (no file is left) or failed (a Swedish message says why).
    """

    path = choice.path
    assert path is not None, "the format writes where the user chose"

    def job(progress: Progress) -> ExportResult | PdfResult:
        assert path is not None
        if choice.format is PDF:
            from app.operations.reports import export_pdf

            return export_pdf(store, choice.request, path, progress)
        return export_excel(store, choice.request, path, progress)

    title = choice.format.title
    outcome = run_in_background(parent, title, f"Skriver {path.name} …", job)
    if outcome.cancelled:
        return False
    if outcome.error is not None or outcome.result is None:
        QMessageBox.warning(parent, title, error_text(outcome.error or RuntimeError("?")))
        return False
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(outcome.result.message(), STATUS_MS)
    return True
