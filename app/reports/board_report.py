"""The board report's blocks from its content: a stand-in for the sections (helper
"structure" builds the real ones). It carries today's sections unchanged — the cover,
the texts, the key figures, the activities with their charts, the year plan, the
highlights, the people reached, the groups, the placements, the county, the milestones
and the findings — so that both writers can be tested end to end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.core.clock_times import format_times
from app.core.findings import FINDING_COLUMNS, finding_cells
from app.core.period import MONTHS
from app.core.report_texts import SECTIONS
from app.core.summary import CHANGE, SummaryRow, SummaryTable
from app.core.table_keys import TableKey
from app.core.wording import count_noun, thousands
from app.reports.board_blocks import (
    Block,
    BoardReport,
    Chart,
    Cover,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from app.reports.pdf_content import PdfContent
from app.reports.pdf_tables import EMPTY, table_title, turned, value_column


def build_board_report(content: PdfContent) -> BoardReport:
    c = content
    blocks: list[Block] = []
    for section in (
        _goals,
        _background,
        _key_figures,
        _activities,
        _year_plan,
        _highlights,
        _people_reached,
        _groups,
        _placements,
        _county,
        _milestones,
        _analysis,
        _conclusions,
        _findings,
    ):
        blocks += section(c)
    what = "Periodrapport" if c.period else "Årsrapport"
    period = c.period_label or (f"{c.years[0]}–{c.years[-1]}" if c.period else str(c.years[0]))
    cover = Cover(
        forbund=c.forbund_name,
        insats=c.insats_name,
        title=f"{what} {c.span}",
        period=period,
        made=c.made,
    )
    return BoardReport(
        cover=cover,
        blocks=tuple(blocks),
        title=f"{c.title} – {c.insats_name}",
        author=c.forbund_name,
        subject=c.insats_name,
        header=c.insats_name,
        footer=f"{c.forbund_name} · upprättad {_date(c.made)}",
    )


def _date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _fmt(value: int | str, column: str) -> str:
    if isinstance(value, int):
        if column == CHANGE and value > 0:
            return "+" + thousands(value)
        return thousands(value)
    return value


def _table(table: SummaryTable, label_header: str, empty: str = EMPTY) -> Table:
    n = len(table.columns)
    rows = tuple(
        (r.label, *(_fmt(v, col) for v, col in zip(table.shown(r), table.columns, strict=True)))
        for r in table.rows
    ) or ((empty, *([""] * n)),)
    total = None
    if table.has_total:
        shown = table.shown(table.total)
        total = (
            table.total.label,
            *(_fmt(v, c) for v, c in zip(shown, table.columns, strict=True)),
        )
    return Table(
        header=(label_header, *table.columns),
        rows=rows,
        total=total,
        numeric=(False, *([True] * n)),
        note=table.note,
    )


def _section(
    table: SummaryTable, span: str, label: str, empty: str = EMPTY, title: str | None = None
) -> list[Block]:
    return [Heading(title or table_title(table, span), 2), _table(table, label, empty)]


def _goals(c: PdfContent) -> list[Block]:
    out: list[Block] = []
    if c.insats_goals.strip():
        out.append(Heading("Insatsens mål", 2))
        out += [Paragraph(line) for line in c.insats_goals.splitlines() if line.strip()]
    out.append(
        Paragraph(
            "Sammanställd med Insatslogg ur förbundets registrerade uppgifter. "
            "Alla summor är beräknade ur delarna; avvikelser i underlaget listas sist.",
            "note",
        )
    )
    return out


def _text(c: PdfContent, section: str) -> list[Block]:
    text = c.text(section)
    if not text:
        return []
    out: list[Block] = [Heading(SECTIONS[section], 1)]
    for part in text.split("\n\n"):
        if part.strip():
            out.append(Paragraph(part.strip().replace("\n", " "), "quote"))
    return out


def _background(c: PdfContent) -> list[Block]:
    return _text(c, "bakgrund")


def _analysis(c: PdfContent) -> list[Block]:
    return _text(c, "analys")


def _conclusions(c: PdfContent) -> list[Block]:
    return _text(c, "slutsatser")


def _key_figures(c: PdfContent) -> list[Block]:
    table = c.table(TableKey.NYCKELTAL)
    if table is None:
        return []
    return [Heading(f"Nyckeltal {c.span}", 1), _table(table, "Nyckeltal")]


def _activities(c: PdfContent) -> list[Block]:
    out: list[Block] = []
    for key, label in ((TableKey.AKTIVITETER_TYP, "Typ"), (TableKey.AKTIVITETER_KOMMUN, "Kommun")):
        table = c.table(key)
        if table is None:
            continue
        out += _section(table, c.span, label)
        col = value_column(table)
        values = [r.values[col] for r in table.rows]
        labels = tuple(r.label for r in table.rows)
        out.append(Chart(f"Genomförda aktiviteter {c.span}", labels, tuple(values)))
    return out


def _year_plan(c: PdfContent) -> list[Block]:
    table = c.table(TableKey.ARSPLAN)
    if table is None or c.period:
        return []
    return _section(table, c.span, "Mål")


def _highlights(c: PdfContent) -> list[Block]:
    if not c.highlights:
        return []
    out: list[Block] = [Heading(f"Höjdpunkter {c.span}", 2)]
    for h in c.highlights:
        when = " ".join(p for p in (_date(h.day), format_times(h.start_time, h.end_time)) if p)
        out.append(Paragraph(f"{when} – {h.title}: {h.sentence}"))
    return out


def _people_reached(c: PdfContent) -> list[Block]:
    out: list[Block] = []
    for key, label in (
        (TableKey.NADDA_PERSONER, "Nådda personer"),
        (TableKey.NADDA_UTANFOR_TOTAL, "Utanför totalen"),
        (TableKey.NADDA_KOMMUN, "Kommun"),
        (TableKey.NADDA_ORGANISATION, "Organisation"),
        (TableKey.NADDA_ROLL, "Roll"),
        (TableKey.NADDA_KON, "Kön"),
    ):
        table = c.table(key)
        if table is not None:
            out += _section(table, c.span, label)
    return out


def _groups(c: PdfContent) -> list[Block]:
    out: list[Block] = []
    active = c.table(TableKey.SAMVERKANSGRUPPER_AKTIVA)
    if active is not None:
        out += _section(active, c.span, "Kommun")
    last = c.year_summaries[-1]
    listing = next((t for t in last.tables if t.key == TableKey.SAMVERKANSGRUPPER), None)
    label = "Kommun – grupp (status)"
    if listing is not None and c.period is None:
        empty = f"Ingen samverkansgrupp hade status eller möten under {last.year}."
        out += _section(listing, c.span, label, empty)
    elif listing is not None and listing.rows:
        out += _section(listing, c.span, label, title=f"Samverkansgrupper och status {last.year}")
    return out or [
        Heading("Samverkansgrupper", 2),
        Paragraph("Inga samverkansgrupper registrerade."),
    ]


def _placements(c: PdfContent) -> list[Block]:
    table = c.table(TableKey.PLACERINGAR)
    if table is None or not table.rows:
        title = f"Individinriktade insatser (placeringar) {c.span}"
        return [Heading(title, 2), Paragraph(f"Inga placeringar registrerade för {c.span}.")]
    if c.period:
        out = _section(table, c.span, "Mått")
        by = c.table(TableKey.PLACERINGAR_HUVUDMAN)
        if by is not None:
            out += _section(by, c.span, "Huvudman")
        return out
    return _section(turned(table), c.span, "Mått")


def _county(c: PdfContent) -> list[Block]:
    table = next((t for t in c.year_summaries[-1].tables if t.key == TableKey.LANSSTATISTIK), None)
    if table is None or not table.rows:
        return [
            Heading(f"ASF i länet (länsstatistik) {c.span}", 2),
            Paragraph("Ingen länsstatistik registrerad."),
        ]
    keep = [i for i, col in enumerate(table.columns) if col in {str(y) for y in c.years}]
    if c.period and keep and len(keep) < len(table.columns):
        table = replace(
            table,
            columns=tuple(table.columns[i] for i in keep),
            rows=tuple(SummaryRow(r.label, tuple(r.values[i] for i in keep)) for r in table.rows),
        )
    return _section(table, c.span, "Mått")


def _milestones(c: PdfContent) -> list[Block]:
    items = sorted(c.source.milestones, key=lambda m: m.day)
    out: list[Block] = [Heading(f"Milstolpar {c.span}", 2)]
    if not items:
        return [*out, Paragraph(f"Inga milstolpar registrerade för {c.span}.")]
    rows = tuple(
        (
            _date(m.day) + (" (datum ungefärligt)" if m.date_approximate else ""),
            m.kind_label,
            ", ".join(x for x in (m.kommun, m.organisation) if x),
            m.text,
        )
        for m in items
    )
    header = ("Datum", "Typ", "Var", "Beskrivning")
    widths = (0.17, 0.19, 0.19, 0.45)
    return [*out, Table(header, rows, numeric=(False,) * 4, widths=widths)]


def _findings(c: PdfContent) -> list[Block]:
    items = c.findings()
    out: list[Block] = [PageBreak(), Heading(f"Avvikelser {c.span}", 1)]
    if not items:
        return [*out, Paragraph("Inga avvikelser hittades.")]
    found = count_noun(len(items), "avvikelse", "avvikelser")
    out.append(
        Paragraph(
            f"Kontrollerna hittade {found}. "
            "Uppgifterna är sparade som de angavs; avvikelserna visas här, inget har ändrats."
        )
    )
    header = tuple(h for h, _ in FINDING_COLUMNS)
    rows = tuple(finding_cells(f) for f in items)
    return [*out, Table(header, rows, numeric=(False,) * 4, widths=(0.31, 0.37, 0.18, 0.14))]
