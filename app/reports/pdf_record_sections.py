"""The report's record beyond the activities: people reached (the total, what is kept
out of it, the breakdowns), samverkansgrupper, placements, the county's statistics,
milestones and the findings. Every figure is a value of a core summary table.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from app.core.findings import FINDING_COLUMNS, finding_cells
from app.core.summary import SummaryRow
from app.core.table_keys import TableKey
from app.core.wording import count_noun
from app.reports import pdf_style as st
from app.reports.pdf_content import PdfContent
from app.reports.pdf_tables import (
    grid,
    heading,
    para,
    table_section,
    tables_together,
    turned,
)

# The reach tables in the order they are printed, with the heading of their label column:
# the total and what is kept out of it on one page, then the breakdowns.
REACH_TOTALS = (
    (TableKey.NADDA_PERSONER, "Nådda personer"),
    (TableKey.NADDA_UTANFOR_TOTAL, "Utanför totalen"),
)
REACH_BREAKDOWNS = (
    (TableKey.NADDA_KOMMUN, "Kommun"),
    (TableKey.NADDA_ORGANISATION, "Organisation"),
    (TableKey.NADDA_ROLL, "Roll"),
    (TableKey.NADDA_KON, "Kön"),
)


def people_reached(c: PdfContent) -> list[Any]:
    """The reach total (volume), right under it what is kept out of the total (e.g.
    podcast listeners) and the unique individuals, then the total per kommun,
    organisation, role and gender."""
    totals = [(t, label) for key, label in REACH_TOTALS if (t := c.table(key)) is not None]
    flow: list[Any] = tables_together(totals, c.span) if totals else []
    for key, label in REACH_BREAKDOWNS:
        table = c.table(key)
        if table is not None:
            flow += table_section(table, c.span, label)
    return flow


def groups(c: PdfContent) -> list[Any]:
    flow: list[Any] = []
    active = c.table(TableKey.SAMVERKANSGRUPPER_AKTIVA)
    if active is not None:
        flow += table_section(active, c.span, "Kommun")
    last = c.year_summaries[-1]
    listing = next((t for t in last.tables if t.key == TableKey.SAMVERKANSGRUPPER), None)
    if listing is not None and c.period is None:
        empty = f"Ingen samverkansgrupp hade status eller möten under {last.year}."
        flow += table_section(listing, c.span, "Kommun – grupp (status)", empty)
    elif listing is not None and listing.rows:
        title = f"Samverkansgrupper och status {last.year}"
        flow += table_section(listing, c.span, "Kommun – grupp (status)", title=title)
    if not flow:
        flow = [
            *heading("Samverkansgrupper"),
            para("Inga samverkansgrupper registrerade.", st.BODY),
        ]
    return flow


def _none_or_left_out(c: PdfContent, text: str) -> str:
    """``text`` (nothing registered), or — when every piece is only part of its year —
    why what is kept per year is not in the report."""
    if c.year_summaries and all(not s.covers_year for s in c.year_summaries):
        return " ".join(c.left_out)
    return text


def placements(c: PdfContent) -> list[Any]:
    title = f"Individinriktade insatser (placeringar) {c.span}"
    table = c.table(TableKey.PLACERINGAR)
    if table is None or not table.rows:
        none = _none_or_left_out(c, f"Inga placeringar registrerade för {c.span}.")
        return [*heading(title), para(none, st.BODY)]
    if c.period:
        flow = table_section(table, c.span, "Mått")
        by = c.table(TableKey.PLACERINGAR_HUVUDMAN)
        if by is not None:
            flow += table_section(by, c.span, "Huvudman")
        return flow
    # A year: eleven measures do not fit across the page; the measures are the rows,
    # each huvudman a column, then the total.
    return table_section(turned(table), c.span, "Mått")


def county(c: PdfContent) -> list[Any]:
    """The county's statistics as the last year's summary holds them: a year's report
    shows every year up to it (as the overview and Excel do), a period its own years."""
    # The last piece that holds them (a part of a year at the end does not).
    table = next(
        (
            t
            for s in reversed(c.year_summaries)
            for t in s.tables
            if t.key == TableKey.LANSSTATISTIK
        ),
        None,
    )
    if table is None or not table.rows:
        return [
            *heading(f"ASF i länet (länsstatistik) {c.span}"),
            para(_none_or_left_out(c, "Ingen länsstatistik registrerad."), st.BODY),
        ]
    keep = [i for i, col in enumerate(table.columns) if col in {str(y) for y in c.years}]
    if c.period and keep and len(keep) < len(table.columns):
        table = replace(
            table,
            columns=tuple(table.columns[i] for i in keep),
            rows=tuple(SummaryRow(r.label, tuple(r.values[i] for i in keep)) for r in table.rows),
        )
    return table_section(table, c.span, "Mått")


def milestones(c: PdfContent) -> list[Any]:
    items = sorted(c.source.milestones, key=lambda m: m.day)
    flow = heading(f"Milstolpar {c.span}")
    if not items:
        return [*flow, para(f"Inga milstolpar registrerade för {c.span}.", st.BODY)]
    rows = []
    for m in items:
        where = ", ".join(x for x in (m.kommun, m.organisation) if x)
        rows.append((st.swedish_date(m.day), m.kind_label, where, m.text))
    widths = [28 * mm, 32 * mm, 32 * mm, st.WIDTH - 92 * mm]
    flow.append(
        grid(
            ("Datum", "Typ", "Var", "Beskrivning"),
            rows,
            widths=widths,
            numeric_from=-1,
            wrap=(1, 2, 3),
        )
    )
    return flow


def findings(c: PdfContent) -> list[Any]:
    items = c.findings()
    flow: list[Any] = [PageBreak(), Paragraph(f"Avvikelser {c.span}", st.H1)]
    if not items:
        return [*flow, para("Inga avvikelser hittades.", st.BODY)]
    flow.append(
        para(
            f"Kontrollerna hittade {count_noun(len(items), 'avvikelse', 'avvikelser')}. "
            "Uppgifterna är sparade som de angavs; avvikelserna visas här, inget har ändrats.",
            st.BODY,
        )
    )
    flow.append(Spacer(1, 3 * mm))
    rows = [finding_cells(f) for f in items]
    widths = [52 * mm, 64 * mm, 30 * mm, st.WIDTH - 146 * mm]
    flow.append(
        grid(
            tuple(header for header, _ in FINDING_COLUMNS),
            rows,
            widths=widths,
            numeric_from=-1,
            wrap=(0, 1, 2, 3),
            font_size=7.5,
        )
    )
    return flow
