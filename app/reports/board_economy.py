"""The board report's chapter "Ekonomi": one sentence of the dates' budget, utfall and
forecast, budget against outcome per budget line (and per year for a period), the cost
per activity and participant, and the costs the funding-rule check flagged, each with
the guidance's words and the user's note. Every figure is a value of core.economy's
EconomySummary, only formatted here. Left out when the dates have neither a budget
nor a cost.

The chapter stands after the results (Nådda personer … Måluppfyllelse, Utvärderingar)
and before Analys: the board first reads what was done and reached, then what it cost,
and the analysis may then weigh the one against the other.
"""

from __future__ import annotations

from app.core.economy import (
    COLUMNS,
    RATIOS_NOTE,
    RATIOS_TITLE,
    TITLE,
    TOTAL,
    YEAR_COLUMNS,
    EconomyRow,
    EconomySummary,
)
from app.core.funding_rules import FundingFinding
from app.core.money import kronor, kronor_kr
from app.core.summary import NO_FIGURE
from app.core.wording import count_noun, thousands
from app.reports.board_blocks import Block, Heading, Paragraph, Table
from app.reports.board_format import swedish_date
from app.reports.pdf_content import PdfContent

HEADING = "Ekonomi"
FINDINGS_HEADING = "Regelkontroll mot Nationella rådets vägledning"
USED_HEADER = "Förbrukat"
MONEY_NOTE = (
    "Belopp i kronor. Utfall är bokförda kostnader, planerat det som ännu väntas; "
    "prognos = utfall + planerat, kvar av budget = budget − prognos."
)
NO_FINDING = (
    "Regelkontrollen har inte flaggat någon kostnad: ingen kostnad ser ut som något "
    "vägledningen säger att ett samordningsförbund inte får finansiera."
)
FINDINGS_INTRO = (
    "{n} flaggats av regelkontrollen. Det är fynd att bedöma, inte beslut: "
    "anteckningen är förbundets bedömning."
)
NOT_NOTED = "Anteckning: ingen ännu."
WIDTHS = (0.25, 0.13, 0.13, 0.13, 0.13, 0.13, 0.1)
RATIO_WIDTHS = (0.6, 0.2, 0.2)


def percent(value: int | None) -> str:
    return NO_FIGURE if value is None else f"{value}\u00a0%"


def money_row(row: EconomyRow, label: str | None = None) -> tuple[str, ...]:
    """The row as the table shows it: kronor with öre, förbrukat in per cent."""
    return (label or row.label, *(kronor(v) for v in row.amounts), percent(row.used_percent))


def sentence(economy: EconomySummary) -> str:
    """'Budget 1 200 000 kr, utfall 1 034 512 kr (86 %), planerat …, prognos …, kvar …'."""
    t = economy.total

    def kr(ore: int) -> str:
        return kronor_kr(ore, ore_shown=False)

    used = "" if t.used_percent is None else f" ({percent(t.used_percent)} av budgeten)"
    start = f"Budget {kr(t.budget)}" if t.budget else "Ingen budget registrerad"
    text = f"{start}, utfall {kr(t.booked)}{used}"
    if t.planned:
        text += f", planerat {kr(t.planned)}, prognos {kr(t.forecast)}"
    if t.budget:
        text += f", kvar av budget {kr(t.remaining)}"
    return f"{economy.label}: {text}."


def _table(
    header: tuple[str, ...], rows: tuple[EconomyRow, ...], total: EconomyRow, note: str = ""
) -> Table:
    return Table(
        header=(*header[:-1], USED_HEADER),
        rows=tuple(money_row(r) for r in rows),
        total=money_row(total, TOTAL),
        numeric=(False, *(True for _ in header[1:])),
        widths=WIDTHS,
        note=note,
    )


def finding_blocks(finding: FundingFinding, lines: dict[int, str]) -> list[Block]:
    c = finding.cost
    line = lines.get(c.line_id, "")
    text = f": {c.text}" if c.text else ""
    what = f"{swedish_date(c.day)}, {kronor_kr(c.amount)}, {line}{text}"
    note = f"Anteckning: {finding.note.strip()}" if finding.noted else NOT_NOTED
    return [
        Paragraph(f"{finding.rule.title} – {what} (träff: {finding.matched})."),
        Paragraph(finding.rule.cited, "quote"),
        Paragraph(note, "note"),
    ]


def economy_blocks(content: PdfContent) -> list[Block]:
    economy = content.economy
    if economy is None:
        return []
    blocks: list[Block] = [Heading(HEADING), Paragraph(sentence(economy))]
    notes = " ".join(n for n in (MONEY_NOTE, economy.note) if n)
    blocks += [Heading(TITLE, 2), _table(COLUMNS, economy.rows, economy.total, notes)]
    if len(economy.years) > 1:
        years = _table(YEAR_COLUMNS, economy.years, economy.total, economy.note)
        blocks += [Heading(f"{TITLE} per år", 2), years]
    blocks += [
        Heading(RATIOS_TITLE, 2),
        Table(
            header=("Mått", "Kronor", "Delat med"),
            rows=tuple(
                (
                    label,
                    NO_FIGURE if value is None else thousands(value),
                    NO_FIGURE if divisor is None else thousands(divisor),
                )
                for label, value, divisor in economy.ratios.rows()
            ),
            numeric=(False, True, True),
            widths=RATIO_WIDTHS,
            note=RATIOS_NOTE,
        ),
        Heading(FINDINGS_HEADING, 2),
    ]
    if not economy.findings:
        return [*blocks, Paragraph(NO_FINDING)]
    n = count_noun(len(economy.findings), "kostnad har", "kostnader har")
    blocks.append(Paragraph(FINDINGS_INTRO.format(n=n)))
    lines = {r.line_id: r.label for r in economy.rows if r.line_id is not None}
    for finding in economy.findings:
        blocks += finding_blocks(finding, lines)
    return blocks
