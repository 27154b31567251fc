"""The look of the Word report: the page (A4, the PDF's margins), the language (sv-SE
on the document defaults and on Normal, so Word checks the spelling in Swedish), the
styles the blocks use, the running header and the footer "Sida X av Y" (PAGE and
NUMPAGES fields), and the table details Word keeps in XML (a header row repeated on
every page, a row never split, a cell written straight into the XML).

The headings are Word's own "Heading 1–3", the text "Normal", the lists "List Bullet"
and the tables "Table Grid": a secretary restyles the whole report by changing those.
Only the small muted note ("Anteckning"), the cover's lines ("Omslagsrad") and the
tables' text ("Tabelltext") are the report's own styles, built on Normal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor
from lxml import etree

from app.reports.board_blocks import BoardReport

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.table import CT_Tc
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN = Mm(20)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
NOTE = "Anteckning"
COVER_LINE = "Omslagsrad"
TABLE_TEXT = "Tabelltext"
TABLE_TEXT_SIZE = 8.5
MUTED = RGBColor(0x61, 0x6E, 0x7C)
ACCENT = RGBColor(0x2F, 0x5D, 0x7C)
HEADER_FILL = "E4ECF2"
TABLE_STYLE = "Table Grid"


def setup(document: Document, report: BoardReport) -> None:
    """Page, language, properties, styles, header and footer."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin, section.bottom_margin = Mm(24), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)
    props = document.core_properties
    props.title = report.title
    props.author = report.author
    props.subject = report.subject
    props.language = report.language
    props.comments = "Skriven av Insatslogg"
    _language(document, report.language)
    _styles(document)
    _header_footer(document, report)


def _language(document: Document, language: str) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for target in (rpr, document.styles["Normal"].element.get_or_add_rPr()):
        lang = target.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            target.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)


def _styles(document: Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    for name, size, color in (
        (NOTE, 8, MUTED),
        (COVER_LINE, 11, MUTED),
        (TABLE_TEXT, TABLE_TEXT_SIZE, None),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        if color is not None:
            style.font.color.rgb = color
    styles[TABLE_TEXT].paragraph_format.space_after = Pt(0)
    for level in (1, 2, 3):
        styles[f"Heading {level}"].paragraph_format.keep_with_next = True
    for name in ("Header", "Footer"):
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        styles[name].font.size = Pt(7.5)
        styles[name].font.color.rgb = MUTED


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word fills in (PAGE, NUMPAGES), showing "1" until it does."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _header_footer(document: Document, report: BoardReport) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True  # the cover has no running header
    header = section.header.paragraphs[0]
    header.text = f"{report.header}\t{report.cover.title}"
    for footer in (section.footer, section.first_page_footer):
        line = footer.paragraphs[0]
        line.text = f"{report.footer}\tSida "
        _field(line, "PAGE")
        line.add_run(" av ")
        _field(line, "NUMPAGES")


def repeat_as_header(row: _Row) -> None:
    """The row is repeated at the top of every page the table runs onto (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    tr_pr.append(mark)


def cant_split(row: _Row) -> None:
    """The row is never split over two pages."""
    mark = OxmlElement("w:cantSplit")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def cell_margins(table: Table, side: Length) -> None:
    """The space left and right of the text in every cell (the PDF's padding)."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(round(side.pt * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)


@dataclass(frozen=True)
class CellLook:
    style_id: str  # the paragraph style of the table's text
    half_points: int | None = None  # a font size other than the style's, in half points


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"


def fill_cell(
    tc: CT_Tc,
    text: str,
    look: CellLook,
    twips: int,
    right: bool,
    bold: bool,
    keep_with_next: bool,
    shaded: bool,
) -> None:
    """Write one cell of a new table: its width, shading, the paragraph (style, keep
    with next, alignment) and the run (bold, size) with the text, in the schema's order."""
    tc_pr = tc.get_or_add_tcPr()
    width = tc_pr.find(f"{_W}tcW")
    if width is None:
        width = etree.SubElement(tc_pr, f"{_W}tcW")
    width.set(f"{_W}w", str(twips))
    width.set(f"{_W}type", "dxa")
    if shaded:
        etree.SubElement(
            tc_pr, f"{_W}shd", {_VAL: "clear", f"{_W}color": "auto", f"{_W}fill": HEADER_FILL}
        )
    p = tc.find(f"{_W}p")
    p_pr = etree.SubElement(p, f"{_W}pPr")
    etree.SubElement(p_pr, f"{_W}pStyle", {_VAL: look.style_id})
    if keep_with_next:
        etree.SubElement(p_pr, f"{_W}keepNext")
    if right:
        etree.SubElement(p_pr, f"{_W}jc", {_VAL: "right"})
    r = etree.SubElement(p, f"{_W}r")
    if bold or look.half_points is not None:
        r_pr = etree.SubElement(r, f"{_W}rPr")
        if bold:
            etree.SubElement(r_pr, f"{_W}b")
        if look.half_points is not None:
            etree.SubElement(r_pr, f"{_W}sz", {_VAL: str(look.half_points)})
    t = etree.SubElement(r, f"{_W}t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
