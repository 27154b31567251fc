"""The board report as blocks: the sections of the final report a board reads, in its
order, built once from the report's content (app.operations.reports.gather_pdf) and
rendered by the PDF and the Word writers alike.

Uppdrag, Bakgrund, Individinriktade insatser, Strukturinriktade insatser, Milstolpar,
Nådda personer, Samverkansgrupper, Länsstatistik, Måluppfyllelse, Utvärderingar,
Ekonomi (what it cost, after what was reached), Analys, Slutsatser,
Avvikelser, then the appendix (Uppföljning Finsam). A section with neither data nor
text is left out; rows that are all 0 are left out with a note naming them. Every
figure is a cell of a core summary table or a value of core's records, never computed
here.
"""

from __future__ import annotations

from collections.abc import Callable

from app.reports import board_closing as closing
from app.reports import board_individ as individ
from app.reports import board_reach as reach
from app.reports import board_struktur as struktur
from app.reports import board_uppdrag as uppdrag
from app.reports.board_blocks import Block, BoardReport, PageBreak
from app.reports.board_economy import economy_blocks
from app.reports.board_evaluations import evaluation_blocks
from app.reports.board_followup import followup_blocks
from app.reports.board_format import swedish_date
from app.reports.board_goals import goal_blocks
from app.reports.pdf_content import PdfContent

Section = Callable[[PdfContent], list[Block]]


# The report's sections in the final report's order; the appendix last.
SECTIONS: tuple[Section, ...] = (
    uppdrag.uppdrag,
    uppdrag.bakgrund,
    individ.individ,
    struktur.struktur,
    struktur.milestones,
    reach.reached,
    closing.groups,
    closing.county,
    goal_blocks,
    evaluation_blocks,
    economy_blocks,
    closing.analysis,
    closing.conclusions,
    closing.findings,
)
APPENDIX: tuple[Section, ...] = (followup_blocks,)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def build_board_report(content: PdfContent) -> BoardReport:
    """The whole report: cover, sections, appendix (after a page break), properties."""
    blocks: list[Block] = []
    for section in SECTIONS:
        blocks += section(content)
    appendix: list[Block] = []
    for section in APPENDIX:
        appendix += section(content)
    if appendix:
        blocks += [PageBreak(), *appendix]
    cover = uppdrag.cover(content)
    return BoardReport(
        cover=cover,
        blocks=tuple(blocks),
        title=f"{cover.title} – {content.insats_name}",
        author=content.forbund_name,
        subject=f"{content.insats_name}, {cover.period}",
        header=_short(content.insats_name, 80),
        footer=_short(
            f"{content.forbund_name} · {cover.title} · upprättad {swedish_date(content.made)}", 110
        ),
    )
