"""The board report as a document: a sequence of plain blocks (headings, paragraphs,
bullet lists, tables, charts, page breaks) that the PDF writer (reportlab) and the Word
writer (python-docx) both render. The sections are built once, as blocks, from the
report's content, so the PDF and the Word file cannot differ in what they say: only in
how it is drawn.

Every text here is final: figures are already formatted in Swedish ("1 275"), labels
already chosen. A writer never computes or rewords; it lays out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

TextStyle = Literal["body", "note", "quote", "meta"]


@dataclass(frozen=True)
class Heading:
    """A section heading: level 1 (a chapter such as "Bakgrund"), 2 (a year under it),
    3 (a sub-heading). The Word writer maps the levels to Word's Heading 1–3 styles."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text. ``note`` is small and muted (a table's note,
    what was left out); ``quote`` is the user's own text as typed (kept as written);
    ``meta`` is a line of the cover."""

    text: str
    style: TextStyle = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row repeated on every page. ``rows`` are the body rows,
    ``total`` the bold total row (or None). ``numeric[i]`` says column i holds figures
    (right-aligned); ``widths`` are the columns' shares of the text width (summing to
    1), or empty for the writer's default. ``note`` is printed under the table.
    ``emphasis`` lists body rows printed bold."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    numeric: tuple[bool, ...] = ()
    widths: tuple[float, ...] = ()
    caption: str = ""
    note: str = ""
    # Body rows (by index) printed bold: a sum inside the table that is not its last row
    # (e.g. "Totalt nådda (volym)" above what is kept out of the total).
    emphasis: tuple[int, ...] = ()

    def is_numeric(self, column: int) -> bool:
        if self.numeric:
            return self.numeric[column]
        return column > 0


@dataclass(frozen=True)
class Chart:
    """Horizontal bars, one per label, top to bottom in the given order; integer values
    (the axis shows whole numbers only)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | Chart | PageBreak


@dataclass(frozen=True)
class Cover:
    """The cover page: who, what, the exact period, the date, the logo."""

    forbund: str
    insats: str
    title: str  # "Slutrapport", "Årsrapport 2018", "Rapport januari–april 2024"
    period: str  # "augusti 2016 – december 2020"
    made: dt.date
    logo: bytes | None = None  # PNG or JPEG, as chosen in Inställningar
    lines: tuple[str, ...] = ()  # further lines under the period (e.g. "Upprättad …")


@dataclass(frozen=True)
class BoardReport:
    """The whole report: its cover, its blocks in order, and the document's
    properties (title, author, language) that both writers set."""

    cover: Cover
    blocks: tuple[Block, ...] = ()
    title: str = ""
    author: str = ""
    subject: str = ""
    language: str = "sv-SE"
    # Running header and footer texts of the pages after the cover.
    header: str = ""
    footer: str = ""

    def headings(self, level: int = 1) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Heading) and b.level == level]
