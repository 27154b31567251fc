"""The board report's record and closing: Samverkansgrupper, Länsstatistik (the county's
ASF statistics), Analys, Slutsatser and Avvikelser (the checks' findings and the user's
text). Every figure is a cell of a core table; every finding is core's."""

from __future__ import annotations

from dataclasses import replace

from app.core.findings import FINDING_COLUMNS, finding_cells
from app.core.report_texts import SECTIONS
from app.core.summary import SummaryRow
from app.core.table_keys import TableKey
from app.core.wording import count_noun
from app.reports.board_blocks import Block, Heading, Paragraph, Table
from app.reports.board_format import summary_block, text_section, user_text
from app.reports.pdf_content import PdfContent


def groups(c: PdfContent) -> list[Block]:
    blocks: list[Block] = []
    active = c.table(TableKey.SAMVERKANSGRUPPER_AKTIVA)
    if active is not None:
        years = [str(y) for y in c.years if str(y) in active.columns]
        columns = [*years, *(["Totalt"] if "Totalt" in active.columns else [])]
        block = summary_block(
            active,
            "Kommun",
            columns=columns or None,
            caption=f"Aktiva samverkansgrupper per kommun och år {c.span}",
            zero_note="Kommuner utan aktiv samverkansgrupp visas inte",
        )
        if block is not None:
            blocks.append(block)
    last = c.year_summaries[-1]
    listing = next((t for t in last.tables if t.key == TableKey.SAMVERKANSGRUPPER), None)
    if listing is not None and listing.rows:
        block = summary_block(
            listing, "Kommun – grupp (status)", caption=f"Samverkansgrupper {last.label}"
        )
        if block is not None:
            blocks.append(block)
    return [Heading("Samverkansgrupper"), *blocks] if blocks else []


def county(c: PdfContent) -> list[Block]:
    """The county's statistics as the last year's summary holds them, its columns the
    report's years."""
    table = next((t for t in c.year_summaries[-1].tables if t.key == TableKey.LANSSTATISTIK), None)
    if table is None or not table.rows:
        return []
    keep = [i for i, col in enumerate(table.columns) if col in {str(y) for y in c.years}]
    if keep and len(keep) < len(table.columns):
        table = replace(
            table,
            columns=tuple(table.columns[i] for i in keep),
            rows=tuple(SummaryRow(r.label, tuple(r.values[i] for i in keep)) for r in table.rows),
        )
    block = summary_block(
        table,
        "Mått",
        caption=f"ASF i länet {c.span}",
        zero_note="Mått utan uppgift visas inte",
    )
    return [Heading("Länsstatistik"), block] if block is not None else []


def analysis(c: PdfContent) -> list[Block]:
    return text_section(SECTIONS["analys"], c.text("analys"))


def conclusions(c: PdfContent) -> list[Block]:
    return text_section(SECTIONS["slutsatser"], c.text("slutsatser"))


FINDING_WIDTHS = (0.27, 0.3, 0.25, 0.18)


def findings(c: PdfContent) -> list[Block]:
    """The checks' findings (always: "none found" is itself worth telling the board)
    and the user's own text on deviations."""
    items = c.findings()
    blocks: list[Block] = [Heading(SECTIONS["avvikelser"]), *user_text(c.text("avvikelser"))]
    if not items:
        return [*blocks, Paragraph("Kontrollerna hittade inga avvikelser i underlaget.")]
    blocks.append(
        Paragraph(
            f"Kontrollerna hittade {count_noun(len(items), 'avvikelse', 'avvikelser')}. "
            "Uppgifterna är sparade som de angavs; avvikelserna visas här, inget har ändrats."
        )
    )
    blocks.append(
        Table(
            tuple(header for header, _ in FINDING_COLUMNS),
            tuple(finding_cells(f) for f in items),
            numeric=(False, False, False, False),
            widths=FINDING_WIDTHS,
        )
    )
    return blocks
