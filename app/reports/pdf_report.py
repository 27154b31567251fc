"""The board report as a PDF: its cover and blocks (app.reports.board_blocks) laid out
by reportlab on A4 pages with a running header, and a footer "Sida X av Y".

Nothing is computed here: every text and figure is in the blocks. The file appears only
when complete: written to a temporary file beside the target and renamed; on cancel or
error nothing is left behind. The document's title, author, subject and language
(sv-SE) are set; the fonts (DejaVu Sans) are embedded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import PageBreak, SimpleDocTemplate

from app.core.atomic_file import atomic_write, save_error
from app.core.progress import Progress
from app.reports import pdf_style as st
from app.reports.board_blocks import BoardReport
from app.reports.pdf_blocks import HeadingParagraph, cover, story

__all__ = ["write_board_pdf"]


# --- pages --------------------------------------------------------------------------------


class _NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]  # reportlab has no types
    """Holds the pages back until the end, then draws header and footer with
    'Sida X av Y' on each."""

    header = ""
    title = ""
    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Not Helvetica: every font in the file is embedded.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or st.FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()
        # The page is written at save(); a bookmark made on the next page must point to
        # the next page, so the document counts it now (and again from 1 at save()).
        self._doc.pageCounter += 1

    def save(self) -> None:
        count = len(self._pages)
        self._doc.pageCounter = 1
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(count)
            super().showPage()
        super().save()

    def _decorate(self, count: int) -> None:
        page = self._pageNumber
        w, h = st.PAGE
        self.saveState()
        self.setFillColor(st.MUTED)
        self.setStrokeColor(st.RULE)
        self.setLineWidth(0.5)
        if page > 1:
            self.setFont(st.FONT, 7.5)
            self.drawString(st.MARGIN_X, h - 13 * mm, self.header)
            self.drawRightString(w - st.MARGIN_X, h - 13 * mm, self.title)
            self.line(st.MARGIN_X, h - 15 * mm, w - st.MARGIN_X, h - 15 * mm)
        self.line(st.MARGIN_X, 13 * mm, w - st.MARGIN_X, 13 * mm)
        self.setFont(st.FONT, 7.5)
        self.drawString(st.MARGIN_X, 9 * mm, self.footer)
        self.drawRightString(w - st.MARGIN_X, 9 * mm, f"Sida {page} av {count}")
        self.restoreState()


class _Document(SimpleDocTemplate):  # type: ignore[misc]  # reportlab has no types
    """Lists every heading in the PDF's outline (the bookmarks a reader shows)."""

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, HeadingParagraph):
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            # A level deeper than the one before is not allowed: cap it.
            level = min(flowable.outline_level, self._outline_level + 1)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level > 0)
            self._outline_level = level

    _outline_level = -1


def _short(text: str, n: int = 95) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def write_board_pdf(path: Path | str, report: BoardReport, progress: Progress | None = None) -> int:
    """Write the report to ``path`` (atomically); returns the number of pages.

    On a cancel (Cancelled) or an error nothing is left behind and a file already at
    ``path`` is untouched; a file that cannot be saved raises DomainError (save_error).
    """
    checker: Progress = progress or Progress()
    st.register_fonts()
    path = Path(path)
    pages: list[int] = []

    class Canvas(_NumberedCanvas):
        header = _short(report.header, 80)
        title = report.cover.title
        footer = _short(report.footer)

        def save(self) -> None:
            pages.append(len(self._pages))
            checker.check()
            super().save()

    try:
        with atomic_write(path) as tmp:
            # reportlab leaves a file it opened itself open when writing fails
            with open(tmp, "wb") as fh:
                doc = _Document(
                    fh,
                    pagesize=st.PAGE,
                    leftMargin=st.MARGIN_X,
                    rightMargin=st.MARGIN_X,
                    topMargin=st.MARGIN_TOP,
                    bottomMargin=st.MARGIN_BOTTOM,
                    title=report.title,
                    author=report.author,
                    subject=report.subject,
                    creator="Insatslogg",
                    lang=report.language,
                    initialFontName=st.FONT,
                )
                flow = [*cover(report.cover), PageBreak(), *story(report.blocks, checker)]
                checker.report(1, 2)
                doc.build(flow, canvasmaker=Canvas)
            checker.check()
    except OSError as exc:
        raise save_error(path, exc) from exc
    checker.report(2, 2)
    return pages[0] if pages else 0
