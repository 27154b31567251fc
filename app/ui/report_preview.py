"""Arkiv → Rapport: the board report built in the background, then shown page by page.

From the preview the user prints the report (Qt's print dialog), saves it as a PDF, or
saves the same report as an editable Word file (report_word: written in the background).
The report is built once into a temporary file that is removed when the preview closes;
its pages are rendered with pdfium (pypdfium2), for the screen and for the printer alike.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPageSize, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.atomic_file import atomic_write, save_error
from app.core.errors import DomainError
from app.core.progress import Progress
from app.reports.export_content import ExportRequest
from app.ui.background import run_in_background
from app.ui.export_dialog import STATUS_MS, error_text
from app.ui.file_dialogs import save_file_name
from app.ui.form_widgets import run_modal
from app.ui.report_word import WriteWord, save_as_word
from app.ui.save_target import target_refused
from app.ui.screen_fit import fit_size

if TYPE_CHECKING:
    from app.reports.docx_result import DocxResult
    from app.reports.pdf_content import PdfResult
    from app.store.database import Store

TITLE = "Rapport till styrelsen"
FIT_WIDTH = 0.0  # the zoom combo's data for "Anpassa till bredd"
ZOOMS: tuple[tuple[str, float], ...] = (
    ("Anpassa till bredd", FIT_WIDTH),
    ("75 %", 0.75),
    ("100 %", 1.0),
    ("150 %", 1.5),
)
PAGE_GAP = 12
PREFERRED_SIZE = QSize(900, 1000)  # an A4 page at a readable width, where the screen allows
PRINT_DPI_MAX = 300  # pdfium renders a whole page in memory: 1 200 dpi would be 0.5 GB
POINTS_PER_INCH = 72.0


def render_page(page: pdfium.PdfPage, scale: float) -> QImage:
    """One page as an image, ``scale`` pixels per PDF point, on white."""
    bitmap = page.render(scale=scale, prefer_bgrx=True)
    try:
        # BGRx bytes are QImage's RGB32 on a little-endian machine (every PC we run on).
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB32,
        )
        return image.copy()  # own the pixels: the bytes above are temporary
    finally:
        bitmap.close()


def copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` so that ``target`` is either the old or the whole new
    file; DomainError (in Swedish) when it cannot be saved."""
    try:
        with atomic_write(target) as tmp:
            shutil.copyfile(source, tmp)
    except OSError as exc:
        raise save_error(target, exc) from exc


def preview_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """Where the preview goes on a screen whose free area (without panels) is ``available``:
    ``preferred`` but at most 90 % of the area each way, centred in it, so that the title
    bar and the buttons at the bottom are on the screen."""
    geometry = QRect(QPoint(0, 0), fit_size(preferred, available))
    geometry.moveCenter(available.center())
    return geometry


class ReportPreviewDialog(QDialog):
    """The built report's pages, with zoom, "Sida X av Y", Skriv ut…, Spara som PDF…,
    Spara som Word… (when given a way to write it) and Stäng."""

    def __init__(
        self,
        pdf_path: Path,
        suggested_name: str,
        parent: QWidget | None = None,
        database: Path | None = None,
        word: WriteWord | None = None,
    ) -> None:
        super().__init__(parent)
        self._word = word
        self._path = pdf_path
        self._database = database  # its files are never saved over
        self._suggested_name = suggested_name
        self._document = pdfium.PdfDocument(str(pdf_path))
        self._count = len(self._document)
        self._widest = max((self._document[i].get_width() for i in range(self._count)), default=1)
        self._closed = False
        self._rendered_scale = -1.0
        self.setWindowTitle(self.tr(TITLE))

        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom")
        for text, factor in ZOOMS:
            self.zoom_combo.addItem(self.tr(text), factor)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet("color: #555;")
        self.print_button = QPushButton(self.tr("Skriv ut…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("Spara som PDF…"))
        self.save_button.setObjectName("saveButton")
        self.word_button = QPushButton(self.tr("Spara som Word…"))
        self.word_button.setObjectName("wordButton")
        self.word_button.setVisible(word is not None)
        self.close_button = QPushButton(self.tr("Stäng"))
        self.close_button.setObjectName("closeButton")

        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("pages")
        self.pages_widget.setStyleSheet("#pages { background: #8a8f95; }")
        pages_layout = QVBoxLayout(self.pages_widget)
        pages_layout.setSpacing(PAGE_GAP)
        pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.page_labels: list[QLabel] = []
        for number in range(1, self._count + 1):
            label = QLabel()
            label.setObjectName(f"page{number}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        pages_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.pages_widget)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Zoom:")))
        top.addWidget(self.zoom_combo)
        top.addStretch(1)
        top.addWidget(self.page_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.word_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        screen = (parent or self).screen()
        self.fit_to(screen.availableGeometry())

        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(80)
        self._refit.timeout.connect(self.render_pages)
        self.zoom_combo.currentIndexChanged.connect(self.render_pages)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._update_page_label)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.word_button.clicked.connect(self.save_as_word)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        self.render_pages()

    # --- showing -----------------------------------------------------------------------

    def fit_to(self, available: QRect) -> None:
        """Size and place the dialog on a screen whose free area is ``available``."""
        self.setGeometry(preview_geometry(available))

    @property
    def page_count(self) -> int:
        return self._count

    def current_page(self) -> int:
        """The page at the top of the view (1-based); the last one when scrolled to the end."""
        bar = self.scroll_area.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            return self.page_count
        top = bar.value() + self.scroll_area.viewport().height() // 3
        for number, label in enumerate(self.page_labels, start=1):
            if label.geometry().bottom() + PAGE_GAP >= top:
                return number
        return self.page_count

    def _update_page_label(self) -> None:
        self.page_label.setText(
            self.tr("Sida {0} av {1}").format(self.current_page(), self.page_count)
        )

    def _scale(self) -> float:
        """Device pixels per PDF point at the chosen zoom."""
        factor = float(self.zoom_combo.currentData())
        dpi = self.logicalDpiX() * self.devicePixelRatioF()
        if factor != FIT_WIDTH:
            return max(factor, 0.1) * dpi / POINTS_PER_INCH
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        room = self.scroll_area.viewport().width() - 2 * PAGE_GAP - bar
        return max(room, 100) * self.devicePixelRatioF() / self._widest

    def render_pages(self) -> None:
        """Render every page at the current zoom (again only if the size changed)."""
        if self._closed:
            return
        scale = self._scale()
        if abs(scale - self._rendered_scale) < 1e-3:
            return
        self._rendered_scale = scale
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.page_labels):
            pixmap = QPixmap.fromImage(render_page(self._document[index], scale))
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        self._update_page_label()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the viewport's real width, for "Anpassa till bredd"
        self.render_pages()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.zoom_combo.currentData() == FIT_WIDTH:
            self._refit.start()

    # --- printing ----------------------------------------------------------------------

    def print_report(self) -> bool:
        """Qt's print dialog, then every chosen page; True when something was printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the report's pages carry their own margins
        printer.setDocName(self._suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Skriv ut rapporten"))
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.paint_pages(printer, self._chosen_pages(printer))

    def _chosen_pages(self, printer: QPrinter) -> list[int]:
        """0-based indexes of the pages the print dialog asked for."""
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.CurrentPage:
            return [self.current_page() - 1]
        if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(printer.fromPage(), 1)
            last = min(printer.toPage() or self.page_count, self.page_count)
            return list(range(first - 1, last))
        return list(range(self.page_count))

    def paint_pages(self, printer: QPrinter, pages: list[int]) -> bool:
        """Paint ``pages`` on ``printer``, each rendered at the printer's resolution."""
        if not pages or self._closed:
            return False
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr(TITLE), self.tr("Skrivaren kunde inte startas."))
            return False
        try:
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                page = self._document[index]
                image = render_page(page, dpi / POINTS_PER_INCH)
                area = painter.viewport()
                # Keep the page's proportions inside the paper's printable area.
                scale = min(area.width() / image.width(), area.height() / image.height())
                width, height = round(image.width() * scale), round(image.height() * scale)
                painter.drawImage(QRect(area.x(), area.y(), width, height), image)
        finally:
            painter.end()
        return True

    # --- saving ------------------------------------------------------------------------

    def save_as_pdf(self) -> Path | None:
        """Ask where, then copy the built report there (atomically)."""
        target = save_file_name(
            self, self.tr("Spara rapporten"), self._suggested_name, self.tr("PDF-dokument (*.pdf)")
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if target_refused(self, self.tr(TITLE), target, self._database):
            return None
        try:
            copy_atomically(self._path, target)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr(TITLE), str(exc))
            return None
        message = self.tr("Sparade rapporten ({0} sidor) till {1}.").format(self.page_count, target)
        self._saved(message)
        return target

    def save_as_word(self) -> Path | None:
        """Ask where, then write the report as a Word file there (in the background)."""
        if self._word is None:
            return None
        result = save_as_word(self, self._suggested_name, self._database, self._word)
        if result is None:
            return None
        self._saved(result.message())
        return result.path

    def _saved(self, message: str) -> None:
        self.saved_label.setText(message)
        parent = self.parentWidget()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(message, STATUS_MS)

    def done(self, result: int) -> None:
        self._refit.stop()
        if not self._closed:
            self._closed = True
            self._document.close()  # let go of the file so it can be removed
        super().done(result)

    # --- the whole flow ----------------------------------------------------------------

    @classmethod
    def show_report(cls, parent: QWidget | None, store: Store, request: ExportRequest) -> bool:
        """Build the report in the background and preview it; False if cancelled or failed.

        The built file lives in a temporary folder that is removed when the preview closes.
        """
        from app.operations.reports import export_docx, export_pdf

        name = Path(request.suggested_filename).with_suffix(".pdf").name
        with tempfile.TemporaryDirectory(prefix="insatslogg-rapport-") as folder:
            path = Path(folder) / name

            def job(progress: Progress) -> PdfResult:
                return export_pdf(store, request, path, progress)

            outcome = run_in_background(parent, TITLE, f"Bygger rapporten {request.span} …", job)
            if outcome.cancelled:
                return False
            if outcome.error is not None or outcome.result is None:
                error = outcome.error or RuntimeError("?")
                QMessageBox.warning(parent, TITLE, error_text(error))
                return False

            def word(target: Path, progress: Progress) -> DocxResult:
                return export_docx(store, request, target, progress)

            dialog = cls(path, name, parent, store.path, word)
            run_modal(dialog)
            return True
