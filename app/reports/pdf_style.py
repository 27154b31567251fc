"""The look of the PDF reports: fonts (DejaVu Sans, embedded), paragraph and table
styles, and Swedish numbers and dates ("1 275", "15 mars 2018")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.core.period import MONTHS

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
WIDTH = PAGE[0] - 2 * MARGIN_X
# SimpleDocTemplate's frame has 6 pt padding on every side.
FRAME_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM - 12

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#2f5d7c")
HEADER_BG = colors.HexColor("#e4ecf2")
STRIPE = colors.HexColor("#f5f7f9")
RULE = colors.HexColor("#bcccdc")
WARN = colors.HexColor("#8a4b08")

NBSP = "\u00a0"
MINUS = "\u2212"


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) from resources/fonts, once."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def number(n: int, signed: bool = False) -> str:
    """'1 275' (no-break space between thousands); signed: '+4', '−12', '0'."""
    text = f"{abs(n):,}".replace(",", NBSP)
    if n < 0:
        return MINUS + text
    if signed and n > 0:
        return "+" + text
    return text


def swedish_date(day: dt.date) -> str:
    """'15 mars 2018'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": FONT,
        "fontSize": 10,
        "leading": 14,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


BODY = _style("body")
NOTE = _style("note", fontSize=8, leading=11, textColor=MUTED, spaceBefore=3)
H1 = _style("h1", fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT, spaceAfter=8)
# The board report's chapter heading: air above it when it follows text on a page.
CHAPTER = ParagraphStyle("chapter", parent=H1, spaceBefore=12)
H2 = _style(
    "h2", fontName=BOLD, fontSize=12, leading=16, textColor=INK, spaceBefore=14, spaceAfter=6
)
H3 = _style(
    "h3", fontName=BOLD, fontSize=10.5, leading=14, textColor=INK, spaceBefore=10, spaceAfter=4
)
# Running text of the board report: a little air between paragraphs.
PARA = _style("para", spaceAfter=5)
CAPTION = _style("caption", fontName=BOLD, fontSize=9, leading=12, textColor=MUTED, spaceAfter=3)
CELL = _style("cell", fontSize=8.5, leading=11)
CELL_BOLD = _style("cellbold", fontName=BOLD, fontSize=8.5, leading=11)
CELL_BOLD_RIGHT = _style("cellboldright", fontName=BOLD, fontSize=8.5, leading=11, alignment=2)
COVER_TITLE = _style("covertitle", fontName=BOLD, fontSize=26, leading=32, textColor=ACCENT)
COVER_SUB = _style("coversub", fontSize=15, leading=21, textColor=INK, spaceBefore=10)
COVER_META = _style("covermeta", fontSize=11, leading=16, textColor=MUTED)


_SIZED: dict[tuple[str, float], ParagraphStyle] = {}
_CELLS: dict[tuple[float, bool, bool, bool], ParagraphStyle] = {}


def cell_style(
    size: float, bold: bool = False, right: bool = False, split: bool = False
) -> ParagraphStyle:
    """A table cell's paragraph at ``size`` points. Words are never split across lines
    (the table's widths are chosen so that every word fits) unless ``split``: the last
    resort when no font size lets the longest words fit."""
    key = (size, bold, right, split)
    if key not in _CELLS:
        _CELLS[key] = ParagraphStyle(
            f"cell-{size}-{int(bold)}{int(right)}{int(split)}",
            fontName=BOLD if bold else FONT,
            fontSize=size,
            leading=size + 2.5,
            textColor=INK,
            alignment=TA_RIGHT if right else TA_LEFT,
            splitLongWords=int(split),
            hyphenationLang="",
        )
    return _CELLS[key]


def sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """``style`` at another font size (cached)."""
    key = (style.name, size)
    if key not in _SIZED:
        _SIZED[key] = ParagraphStyle(
            f"{style.name}-{size}", parent=style, fontSize=size, leading=size + 2.5
        )
    return _SIZED[key]


def table_style(
    rows: int, numeric_from: int, has_total: bool, font_size: float = 8.5
) -> list[tuple[Any, ...]]:
    """Header row shaded, figures right-aligned, thin rules, stripes, a bold total row."""
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, font_size),
        ("FONT", (0, 0), (-1, 0), BOLD, font_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 if font_size > 7 else 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 if font_size > 7 else 2),
    ]
    if numeric_from >= 0:
        cmds.append(("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"))
    last_body = rows - (2 if has_total else 1)
    for r in range(2, last_body + 1, 2):
        cmds.append(("BACKGROUND", (0, r), (-1, r), STRIPE))
    cmds.append(("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE))
    if has_total:
        cmds += [
            ("FONT", (0, -1), (-1, -1), BOLD, font_size),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
        ]
    return cmds
