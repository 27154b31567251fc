"""Strukturinriktade insatser and Milstolpar: per year the user's account of the year,
the year's highlights, its figures and its held activities by type; the summary of the
structural work with the activities per type and per kommun; the milestones per year.
Every figure is a cell of a core summary table."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.clock_times import format_times
from app.core.milestones import MilestoneEntry
from app.core.period import TOTAL
from app.core.report_texts import SECTIONS, Highlight
from app.core.summary import SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.core.wording import thousands
from app.reports.board_blocks import Block, Bullets, Chart, Heading, Paragraph, Table
from app.reports.board_format import (
    APPROXIMATE_DATE,
    during,
    listing,
    shown_date,
    summary_block,
    user_text,
    year_column,
)
from app.reports.pdf_content import PdfContent

APPROXIMATE_NOTE = f"ca: {APPROXIMATE_DATE} (källan anger inte exakt datum)."


def _table(summary: YearSummary, key: TableKey) -> SummaryTable | None:
    return next((t for t in summary.tables if t.key == key), None)


def _held(summary: YearSummary) -> int:
    table = _table(summary, TableKey.AKTIVITETER_TYP)
    column = year_column(table, summary.label) if table is not None else None
    if table is None or column is None:
        return 0
    return table.total.values[table.columns.index(column)]


def year_figures(summary: YearSummary) -> str:
    """'Genomförda aktiviteter: 16. Deltagare på aktiviteter (volym): 152. Totalt nådda
    (volym): 235.' — the year's own cells of its core tables, with their labels."""
    parts = [f"Genomförda aktiviteter: {thousands(_held(summary))}"]
    reach = _table(summary, TableKey.NADDA_PERSONER)
    column = year_column(reach, summary.label) if reach is not None else None
    if reach is not None and column is not None:
        i = reach.columns.index(column)
        parts += [f"{r.label}: {thousands(r.values[i])}" for r in reach.rows if r.values[i]]
        parts.append(f"{reach.total.label}: {thousands(reach.total.values[i])}")
    return ". ".join(parts) + "."


def highlight_line(h: Highlight) -> str:
    """'3 mars 2018 kl. 9.00–12.00 – Utbildning i steg: …' (its clock times when known)."""
    when = " ".join(
        p
        for p in (shown_date(h.day, h.date_approximate), format_times(h.start_time, h.end_time))
        if p
    )
    return f"{when} – {h.title}: {h.sentence}"


def _activities_of_year(summary: YearSummary) -> Table | None:
    table = _table(summary, TableKey.AKTIVITETER_TYP)
    column = year_column(table, summary.label) if table is not None else None
    if table is None or column is None:
        return None
    return summary_block(
        table,
        "Typ",
        columns=[column],
        caption=f"Genomförda aktiviteter per typ {summary.year}",
        zero_note="Typer utan genomförda aktiviteter under året visas inte",
    )


def _year(c: PdfContent, summary: YearSummary, highlights: Sequence[Highlight]) -> list[Block]:
    text = c.year_text(summary.year, "struktur")
    if not text and not highlights and not _held(summary):
        return []
    blocks: list[Block] = [Heading(summary.label, 2), *user_text(text)]
    blocks.append(Paragraph(year_figures(summary), "note"))
    if highlights:
        blocks += [Heading(f"Höjdpunkter {summary.year}", 3)]
        blocks.append(Bullets(tuple(highlight_line(h) for h in highlights)))
        if any(h.date_approximate for h in highlights):
            blocks.append(Paragraph(APPROXIMATE_NOTE, "note"))
    if c.period is not None:  # a year's report shows the table in the summary below
        table = _activities_of_year(summary)
        if table is not None:
            blocks.append(table)
    return blocks


def _chart(table: SummaryTable, c: PdfContent, title: str) -> Chart | None:
    """Bars of the period's total column (a year: its held activities), the rows with
    a figure only; None when there is nothing to draw."""
    column = TOTAL if c.period is not None else year_column(table, c.year_summaries[0].label)
    if column not in table.columns:
        return None
    i = table.columns.index(column)
    rows = [r for r in table.rows if r.values[i]]
    if not rows:
        return None
    return Chart(title, tuple(r.label for r in rows), tuple(r.values[i] for r in rows))


def _overview(c: PdfContent) -> list[Block]:
    blocks: list[Block] = []
    for key, label, what in (
        (TableKey.AKTIVITETER_TYP, "Typ", "Typer"),
        (TableKey.AKTIVITETER_KOMMUN, "Kommun", "Kommuner"),
    ):
        table = c.table(key)
        if table is None:
            continue
        block = summary_block(
            table,
            label,
            caption=f"{table.title} {c.span}",
            zero_note=f"{what} utan aktiviteter {during(c.period is not None)} visas inte",
        )
        if block is None:
            continue
        blocks.append(block)
        chart = _chart(table, c, f"{table.title} {c.span}")
        if chart is not None:
            blocks.append(chart)
    return blocks


def struktur(c: PdfContent) -> list[Block]:
    """Left out when no year has a text, a highlight or a held activity, and there is no
    text for the structural work as a whole."""
    by_year: dict[int, list[Highlight]] = {}
    for h in c.highlights:
        by_year.setdefault(h.day.year, []).append(h)
    years: list[Block] = []
    left_out: list[str] = []
    for summary in c.year_summaries:
        part = _year(c, summary, by_year.get(summary.year, []))
        if part:
            years += part
        else:
            left_out.append(str(summary.year))
    intro = c.text("struktur")
    summary_text = c.text("struktur_sammanfattning")
    if not years and not intro and not summary_text:
        return []
    blocks: list[Block] = [Heading(SECTIONS["struktur"]), *user_text(intro), *years]
    if years and left_out:
        blocks.append(
            Paragraph(f"År utan registrerad verksamhet visas inte: {listing(left_out)}.", "note")
        )
    overview = _overview(c) if years else []
    if summary_text or overview:
        blocks.append(Heading(f"{SECTIONS['struktur_sammanfattning']} {c.span}", 2))
        blocks += [*user_text(summary_text), *overview]
    return blocks


MILESTONE_HEADER = ("Datum", "Typ", "Var", "Beskrivning")
# "15 september 2017" and "Reserverat kontrakt" each fit on one line.
MILESTONE_WIDTHS = (0.2, 0.19, 0.19, 0.42)


def milestone_row(m: MilestoneEntry) -> tuple[str, ...]:
    where = ", ".join(x for x in (m.kommun, m.organisation) if x)
    return (shown_date(m.day, m.date_approximate), m.kind_label, where, m.text)


def milestones(c: PdfContent) -> list[Block]:
    items = sorted(c.source.milestones, key=lambda m: m.day)
    if c.period is None:
        items = [m for m in items if m.day.year == c.years[0]]
    if not items:
        return []
    blocks: list[Block] = [Heading("Milstolpar")]
    for year in sorted({m.day.year for m in items}):
        of_year = [m for m in items if m.day.year == year]
        blocks.append(Heading(str(year), 2))
        blocks.append(
            Table(
                MILESTONE_HEADER,
                tuple(milestone_row(m) for m in of_year),
                numeric=(False, False, False, False),
                widths=MILESTONE_WIDTHS,
                note=APPROXIMATE_NOTE if any(m.date_approximate for m in of_year) else "",
            )
        )
    return blocks
