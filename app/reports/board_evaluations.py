"""The board report's section "Utvärderingar": per activity type, how many answered of
how many participants (tillfrågade), the mean and the share answering 4–5, the total of
the period in bold; then the quotes the user kept. Left out when no held activity of
the period has an evaluation. The figures are core.evaluation's, as on the tab and in
Excel; only formatting happens here."""

from __future__ import annotations

from app.core.evaluation import EvaluationTables, Figures, decimal_text, percent_text
from app.core.wording import count_noun, thousands
from app.reports.board_blocks import Block, Bullets, Heading, Paragraph, Table
from app.reports.pdf_content import PdfContent

HEADING = "Utvärderingar"
HEADER = ("Typ", "Utvärderade", "Svar", "Deltagare", "Tillfrågade", "Medel", "Andel 4–5")
WIDTHS = (0.28, 0.12, 0.1, 0.12, 0.13, 0.11, 0.14)
SCALE_NOTE = (
    "Svaren ges på en skala 1–5 (5 = instämmer helt). Medel och andel 4–5 räknas över alla "
    "svar på alla frågor; varje svar väger lika."
)


def _row(f: Figures) -> tuple[str, ...]:
    return (
        f.label,
        thousands(f.evaluations),
        thousands(f.answered),
        thousands(f.participants),
        thousands(f.asked),
        decimal_text(f.mean),
        percent_text(f.share_high),
    )


def intro(tables: EvaluationTables) -> str:
    t = tables.total
    rate, mean, share = t.texts()
    evaluated = count_noun(t.evaluations, "aktivitet", "aktiviteter")
    return (
        f"{evaluated} utvärderades med en enkät under {tables.span}: {t.answered_text()} "
        f"(svarsfrekvens {rate}). Medelvärdet var {mean} och {share} av svaren var 4 eller 5."
    )


def evaluation_blocks(content: PdfContent) -> list[Block]:
    tables = content.evaluations
    if tables is None or tables.is_empty:
        return []
    table = Table(
        header=HEADER,
        rows=tuple(_row(f) for f in tables.per_type),
        total=_row(tables.total),
        numeric=(False, *(True for _ in HEADER[1:])),
        widths=WIDTHS,
        caption=f"Utvärderingar per aktivitetstyp {tables.span}",
        note=" ".join(n for n in (SCALE_NOTE, tables.note()) if n),
    )
    blocks: list[Block] = [Heading(HEADING), Paragraph(intro(tables)), table]
    quotes = tables.quotes()
    if quotes:
        blocks.append(Heading("Röster ur utvärderingarna", 2))
        blocks.append(
            Bullets(tuple(f"”{q.text}” ({a.title}, {a.day.isoformat()})" for a, q in quotes))
        )
    return blocks
