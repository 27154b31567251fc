"""The board report's appendix "Bilaga: Uppföljning Finsam": the figures the förbund
types into Försäkringskassan's follow-up system, a column per calendar year, as
core.finsam_followup lays them out (the same rows as the Excel sheet and
``summary --json``). Only formatting happens here."""

from __future__ import annotations

from app.core.finsam_followup import (
    LABEL_HEADER,
    FollowupRow,
    FollowupTable,
    followup_tables,
    part_of_year_note,
)
from app.core.money import kronor
from app.core.wording import thousands
from app.reports.board_blocks import Block, Heading, Paragraph, Table
from app.reports.pdf_content import PdfContent

HEADING = "Bilaga: Uppföljning Finsam"
INTRO = (
    "Försäkringskassans uppföljningssystem Uppföljning Finsam (som ersatt SUS) frågar "
    "förbundet per insats och kalenderår efter antal deltagare i strukturövergripande "
    "insatser, deltagare i individinriktade insatser per kön, budget och utfall. "
    "Tabellerna nedan ger siffrorna så som de förs in, en kolumn per kalenderår. "
    "Antal deltagare i den "
    "strukturövergripande insatsen är Totalt nådda (volym) ur Nådda personer; "
    "deltagarna i de individinriktade insatserna är nyttjade platser ur årets "
    "placeringar. Budget och utfall är årets budget och bokförda kostnader under "
    "Ekonomi."
)


def _cell(value: int | str, money: bool = False) -> str:
    if not isinstance(value, int):
        return value
    return kronor(value) if money else thousands(value)


def _row(row: FollowupRow) -> tuple[str, ...]:
    return (row.label, *(_cell(v, row.money) for v in row.shown()))


def _table(table: FollowupTable) -> Table:
    years = len(table.columns)
    # The labels as wide as the years leave room for: a tenth of the width per year.
    label_share = max(0.34, min(0.75, 1 - 0.1 * years))
    widths = (label_share, *((1 - label_share) / years for _ in table.columns))
    return Table(
        header=(LABEL_HEADER, *table.columns),
        rows=tuple(_row(r) for r in table.rows),
        numeric=(False, *(True for _ in table.columns)),
        widths=widths,
        note=table.note,
    )


def followup_blocks(content: PdfContent) -> list[Block]:
    """The appendix: the heading, what the form asks and where each figure comes from,
    one table per part of the form. Left out, as any section with nothing to say, when
    no one was reached and no placement registered in any year. No page break of its
    own: build_board_report puts one before the appendix (two would leave a blank page)."""
    years = content.followup
    if not any(
        y.reached or y.placements is not None or y.budget is not None or y.booked is not None
        for y in years
    ):
        return []
    blocks: list[Block] = [Heading(HEADING), Paragraph(INTRO)]
    if partial := part_of_year_note(years):
        blocks.append(Paragraph(partial, "note"))
    for table in followup_tables(years):
        blocks += [Heading(table.title, 2), _table(table)]
    return blocks
