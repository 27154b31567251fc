"""The board report's blocks as reportlab flowables: headings, paragraphs, bullet lists,
tables (pdf_tables), charts (pdf_charts) and page breaks, and the cover.

Headings are never left alone at a page's foot: a heading goes with the start of what
follows it — a short table, a chart, or the first lines of a text — onto the same page
(a short table is kept whole with its heading and note; a long one starts only where
its header and three rows fit).
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Image, KeepTogether, ListFlowable, ListItem, Spacer
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph

from app.core.progress import Progress
from app.reports import pdf_style as st
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
from app.reports.pdf_charts import bar_chart
from app.reports.pdf_tables import KEEP_TOGETHER_ROWS, MIN_ROWS, board_table

LOGO_BOX = (70 * mm, 32 * mm)  # the largest the logo is drawn (width, height)
# Room a heading needs below it for the first lines of a text (three lines).
TEXT_START: float = 3 * st.PARA.leading
HEADINGS = {1: st.CHAPTER, 2: st.H2, 3: st.H3}
TEXT_STYLES = {"body": st.PARA, "quote": st.PARA, "note": st.NOTE, "meta": st.COVER_META}


def markup(text: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


class HeadingParagraph(PdfParagraph):  # type: ignore[misc]  # reportlab has no types
    """A heading, which the PDF's outline (the reader's bookmarks) lists."""

    def __init__(self, text: str, level: int) -> None:
        super().__init__(markup(text), HEADINGS.get(level, st.H3))
        self.outline_text = text
        self.outline_level = min(max(level, 1), 3) - 1


def _heading(block: Heading) -> PdfParagraph:
    return HeadingParagraph(block.text, block.level)


def _paragraph(block: Paragraph) -> PdfParagraph:
    return PdfParagraph(markup(block.text), TEXT_STYLES.get(block.style, st.PARA))


def _bullets(block: Bullets) -> ListFlowable:
    items = [ListItem(PdfParagraph(markup(t), st.PARA), leftIndent=12) for t in block.items]
    return ListFlowable(
        items,
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontName=st.FONT,
        bulletFontSize=10,
    )


def _table(block: Table) -> list[Any]:
    """The caption, the table, the note."""
    out: list[Any] = []
    if block.caption:
        out.append(PdfParagraph(markup(block.caption), st.CAPTION))
    out.append(board_table(block))
    if block.note:
        out.append(PdfParagraph(markup(block.note), st.NOTE))
    return out


def _chart(block: Chart) -> list[Any]:
    return [Spacer(1, 3 * mm), bar_chart(block.labels, block.values, block.title)]


def _content(block: Block) -> list[Any]:
    if isinstance(block, Heading):
        return [_heading(block)]
    if isinstance(block, Paragraph):
        return [_paragraph(block)]
    if isinstance(block, Bullets):
        return [_bullets(block)]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return _chart(block)
    return [PdfPageBreak()]


def _height(flowables: Sequence[Any]) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(st.WIDTH, st.FRAME_HEIGHT)
        total += float(h + f.getSpaceBefore() + f.getSpaceAfter())
    return total


def _start_height(block: Block) -> float:
    """The height of what must follow a heading on its page: a table's header and
    first rows, a chart whole, the first lines of a text."""
    if isinstance(block, Table):
        head = Table(
            block.header, block.rows[:MIN_ROWS], None, block.numeric, block.widths, block.caption
        )
        return _height(_table(head))
    if isinstance(block, Chart):
        return _height(_chart(block))
    return TEXT_START


def _kept(block: Block) -> bool:
    """A block kept whole with its heading: a short table, a chart."""
    if isinstance(block, Table):
        return len(block.rows) <= KEEP_TOGETHER_ROWS
    return isinstance(block, Chart)


def story(blocks: Sequence[Block], progress: Progress) -> list[Any]:
    """The blocks as flowables, each heading held to what follows it."""
    flow: list[Any] = []
    i = 0
    while i < len(blocks):
        progress.check()
        headings: list[Any] = []
        while i < len(blocks) and isinstance(blocks[i], Heading):
            headings += _content(blocks[i])
            i += 1
        nxt = blocks[i] if i < len(blocks) else None
        if nxt is None or isinstance(nxt, PageBreak):
            flow += headings
            if nxt is not None:
                flow.append(PdfPageBreak())
            i += 1
            continue
        content = _content(nxt)
        i += 1
        if _kept(nxt) and _height([*headings, *content]) < st.FRAME_HEIGHT * 0.9:
            flow.append(KeepTogether([*headings, *content]))
        elif headings:
            start = min(_start_height(nxt), st.FRAME_HEIGHT / 2)  # a giant first row splits
            flow.append(CondPageBreak(_height(headings) + start))
            flow += [*headings, *content]
        else:
            flow += content
    return flow


def _logo(data: bytes) -> Image | None:
    """The logo scaled to fit LOGO_BOX, or None when the bytes are not a picture."""
    try:
        width, height = ImageReader(BytesIO(data)).getSize()
    except Exception:  # a broken picture: the cover goes without it
        return None
    if width <= 0 or height <= 0:
        return None
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    logo = Image(BytesIO(data), width * scale, height * scale)
    logo.hAlign = "LEFT"
    return logo


def cover(c: Cover) -> list[Any]:
    """The cover page: the logo, the förbund, the title, the insats, the period, the date."""
    flow: list[Any] = [Spacer(1, 20 * mm)]
    logo = _logo(c.logo) if c.logo else None
    flow += [logo, Spacer(1, 12 * mm)] if logo is not None else [Spacer(1, 25 * mm)]
    flow += [
        PdfParagraph(markup(c.forbund), st.COVER_META),
        Spacer(1, 6 * mm),
        PdfParagraph(markup(c.title), st.COVER_TITLE),
        PdfParagraph(markup(c.insats), st.COVER_SUB),
        Spacer(1, 14 * mm),
    ]
    if c.period:
        flow.append(PdfParagraph(markup(f"Period: {c.period}"), st.COVER_META))
    flow.append(PdfParagraph(markup(f"Upprättad {st.swedish_date(c.made)}"), st.COVER_META))
    flow += [PdfParagraph(markup(line), st.COVER_META) for line in c.lines]
    flow.append(Spacer(1, 10 * mm))
    return flow
