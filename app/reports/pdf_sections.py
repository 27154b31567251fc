"""The report's opening and its activities: the cover, the user's texts, the key
figures, the activities per type and per kommun (with charts), the year plan and the
highlights. Every figure is a value of a core summary table (pdf_tables prints them).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer

from app.core.clock_times import format_times
from app.core.report_texts import SECTIONS
from app.core.table_keys import TableKey
from app.reports import pdf_style as st
from app.reports.pdf_charts import bar_chart
from app.reports.pdf_content import PdfContent
from app.reports.pdf_tables import heading, para, summary_grid, table_section, value_column


def cover(c: PdfContent) -> list[Any]:
    flow: list[Any] = [
        Spacer(1, 45 * mm),
        para(c.forbund_name, st.COVER_META),
        Spacer(1, 6 * mm),
        Paragraph(c.title, st.COVER_TITLE),
        para(c.insats_name, st.COVER_SUB),
        Spacer(1, 14 * mm),
    ]
    flow.append(Paragraph(f"Period: {c.span}", st.COVER_META))
    flow.append(Paragraph(f"Upprättad {st.swedish_date(c.made)}", st.COVER_META))
    if c.insats_goals.strip():
        flow += [Spacer(1, 14 * mm), Paragraph("Insatsens mål", st.H2)]
        flow += [para(line, st.BODY) for line in c.insats_goals.splitlines() if line.strip()]
    flow.append(Spacer(1, 12 * mm))
    flow.append(
        para(
            "Sammanställd med Insatslogg ur förbundets registrerade uppgifter. "
            "Alla summor är beräknade ur delarna; avvikelser i underlaget listas sist.",
            st.NOTE,
        )
    )
    flow.append(PageBreak())
    return flow


def _text_section(c: PdfContent, section: str, level: Any = st.H1) -> list[Any]:
    text = c.text(section)
    if not text:
        return []
    flow: list[Any] = [CondPageBreak(40 * mm), Paragraph(SECTIONS[section], level)]
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            flow.append(para(paragraph.strip().replace("\n", " "), st.BODY))
            flow.append(Spacer(1, 2 * mm))
    return flow


def background(c: PdfContent) -> list[Any]:
    return _text_section(c, "bakgrund")


def analysis(c: PdfContent) -> list[Any]:
    return _text_section(c, "analys")


def conclusions(c: PdfContent) -> list[Any]:
    return _text_section(c, "slutsatser")


def key_figures(c: PdfContent) -> list[Any]:
    table = c.table(TableKey.NYCKELTAL)
    if table is None:
        return []
    flow: list[Any] = [para(f"Nyckeltal {c.span}", st.H1), *summary_grid(table, "Nyckeltal")]
    return flow + [para(note, st.NOTE) for note in c.left_out]


def activities(c: PdfContent) -> list[Any]:
    flow: list[Any] = []
    for key, label in ((TableKey.AKTIVITETER_TYP, "Typ"), (TableKey.AKTIVITETER_KOMMUN, "Kommun")):
        table = c.table(key)
        if table is None:
            continue
        flow += table_section(table, c.span, label)
        col = value_column(table)
        caption = f"Genomförda aktiviteter {c.span}"
        chart = bar_chart(
            [r.label for r in table.rows], [r.values[col] for r in table.rows], caption
        )
        flow += [Spacer(1, 4 * mm), KeepTogether([chart])]
    return flow


def year_plan(c: PdfContent) -> list[Any]:
    """The year's goals: planned and held under each (a year's report only; the
    period summary has no year plan)."""
    table = c.table(TableKey.ARSPLAN)
    if table is None or c.period:
        return []
    return table_section(table, c.span, "Mål")


def highlights(c: PdfContent) -> list[Any]:
    if not c.highlights:
        return []
    flow = heading(f"Höjdpunkter {c.span}")
    for h in c.highlights:
        when = " ".join(
            p for p in (st.swedish_date(h.day), format_times(h.start_time, h.end_time)) if p
        )
        sentence = f"{when} – {h.title}: {h.sentence}"
        flow.append(para(sentence, st.BODY))
        flow.append(Spacer(1, 1.5 * mm))
    return flow
