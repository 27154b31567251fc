"""The board report's blocks in a Word document (python-docx): the cover, headings in
Word's Heading 1–3, paragraphs in Normal (notes in the small "Anteckning"), bullet
lists in List Bullet, tables as Word tables (the header row repeated on every page,
figures right-aligned, the total row bold, the PDF's column widths), charts as
pictures of the same drawing the PDF shows, page breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from app.core.progress import Progress
from app.reports import docx_style as ds
from app.reports.board_blocks import (
    Block,
    Bullets,
    Chart,
    Cover,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from app.reports.docx_pictures import chart_png
from app.reports.pdf_style import swedish_date
from app.reports.pdf_tables import KEEP_TOGETHER_ROWS, cell_padding, layout

if TYPE_CHECKING:
    from docx.document import Document

LOGO_BOX = (Mm(70), Mm(32))
# Room for fonts wider than the PDF's DejaVu Sans in which the columns are measured (what
# Word or LibreOffice shows the theme's font in): every word still fits its column.
WORD_SLACK = 1.15
TEXT_STYLES = {"body": "Normal", "quote": "Normal", "note": ds.NOTE, "meta": ds.COVER_LINE}


def _picture_size(data: bytes) -> tuple[int, int] | None:
    """The logo's size in the document (EMU) within LOGO_BOX, or None if not a picture."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if width <= 0 or height <= 0:
        return None
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    return int(width * scale), int(height * scale)


def _page_break(document: Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def cover(document: Document, c: Cover) -> None:
    size = _picture_size(c.logo) if c.logo else None
    if c.logo and size is not None:
        document.add_paragraph().add_run().add_picture(
            BytesIO(c.logo), width=size[0], height=size[1]
        )
    document.add_paragraph(c.forbund, ds.COVER_LINE).paragraph_format.space_before = Pt(60)
    document.add_paragraph(c.title, "Title")
    document.add_paragraph(c.insats, "Subtitle")
    if c.period:
        document.add_paragraph(f"Period: {c.period}", ds.COVER_LINE)
    document.add_paragraph(f"Upprättad {swedish_date(c.made)}", ds.COVER_LINE)
    for line in c.lines:
        document.add_paragraph(line, ds.COVER_LINE)
    _page_break(document)


def _text(document: Document, text: str, style: str) -> None:
    """One paragraph; a line break typed in the text stays a line break."""
    paragraph = document.add_paragraph(style=style)
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if i:
            run.add_break()
        run.add_text(line)


def table(document: Document, block: Table) -> None:
    """A Word table with the PDF's widths (each column as wide as its longest word
    needs), the header repeated, a short table kept on one page."""
    if block.caption:
        document.add_paragraph(block.caption, "Caption").paragraph_format.keep_with_next = True
    widths, size, _ = layout(block, WORD_SLACK)
    values = [block.header, *block.rows, *([block.total] if block.total is not None else [])]
    grid = document.add_table(rows=len(values), cols=len(block.header))
    grid.style = document.styles[ds.TABLE_STYLE]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    ds.cell_margins(grid, Pt(cell_padding(size)))
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Pt(width)
    keep = len(block.rows) <= KEEP_TOGETHER_ROWS
    look = ds.CellLook(
        style_id=document.styles[ds.TABLE_TEXT].style_id,
        half_points=round(size * 2) if size != ds.TABLE_TEXT_SIZE else None,
    )
    right = [block.is_numeric(i) for i in range(len(block.header))]
    twips = [round(w * 20) for w in widths]
    last = len(values) - 1
    # Written straight into the XML: python-docx's cell objects take a second for the
    # thousands of cells of a ten-year report.
    for n, (row, texts) in enumerate(zip(grid.rows, values, strict=True)):
        bold = n == 0 or (block.total is not None and n == last)
        ds.cant_split(row)
        if n == 0:
            ds.repeat_as_header(row)
        for i, (tc, text) in enumerate(zip(row._tr.tc_lst, texts, strict=True)):
            ds.fill_cell(tc, text, look, twips[i], right[i], bold, keep and n < last, n == 0)
    if block.note:
        document.add_paragraph(block.note, ds.NOTE)
    else:
        document.add_paragraph().paragraph_format.space_after = Pt(2)


def chart(document: Document, block: Chart) -> None:
    png, width = chart_png(block)
    paragraph = document.add_paragraph()
    paragraph.add_run().add_picture(BytesIO(png), width=Pt(width))


def block(document: Document, b: Block) -> None:
    if isinstance(b, Heading):
        document.add_heading(b.text, min(max(b.level, 1), 3))
    elif isinstance(b, Paragraph):
        _text(document, b.text, TEXT_STYLES.get(b.style, "Normal"))
    elif isinstance(b, Bullets):
        for item in b.items:
            document.add_paragraph(item, "List Bullet")
    elif isinstance(b, Table):
        table(document, b)
    elif isinstance(b, Chart):
        chart(document, b)
    elif isinstance(b, PageBreak):
        _page_break(document)


def blocks(document: Document, items: Sequence[Block], progress: Progress) -> None:
    for n, b in enumerate(items):
        progress.check()
        block(document, b)
        progress.report(n + 1, len(items) + 1)
