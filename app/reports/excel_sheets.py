"""What the summary sheets of the export hold: blocks (one Excel table each) built
from the core summary tables as they are, and which block goes on which sheet.

Nothing is computed here: every figure is a value of a core SummaryTable (the year's,
or the period's from core.period), or a finding or milestone of the year summaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.findings import FINDING_COLUMNS, Finding, finding_cells
from app.core.milestones import MilestoneEntry
from app.core.period import PeriodSummary
from app.core.summary import CHANGE, SummaryRow, SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.reports import excel_style as st
from app.reports.excel_content import ExportContent


@dataclass(frozen=True)
class Block:
    name: str  # the Excel table's name (ASCII; made unique in the workbook)
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    total: tuple[Any, ...] | None = None
    note: str = ""
    formats: tuple[str | None, ...] = ()  # number format per column, None: as is
    wrap: frozenset[int] = field(default_factory=frozenset)  # columns whose text wraps
    empty: str = "Inget registrerat."
    # The widest a column may be (its text wraps within), by column; None: as wide as
    # its widest value (up to the sheet's maximum).
    max_widths: tuple[float | None, ...] = ()

    @property
    def numeric_columns(self) -> frozenset[int]:
        """The columns of figures (years included), whose headings are centred."""
        return frozenset(i for i, f in enumerate(self.formats) if f)


LABEL_HEADERS = {
    TableKey.NYCKELTAL: "Nyckeltal",
    TableKey.AKTIVITETER_TYP: "Typ",
    TableKey.AKTIVITETER_KOMMUN: "Kommun",
    TableKey.DELTAGARE_KOMMUN: "Kommun",
    TableKey.DELTAGARE_ORGANISATION: "Organisation",
    TableKey.DELTAGARE_ROLL: "Roll",
    TableKey.DELTAGARE_KON: "Kön",
    TableKey.NADDA_PERSONER: "Nådda personer",
    TableKey.NADDA_UTANFOR_TOTAL: "Utanför totalen",
    TableKey.NADDA_KOMMUN: "Kommun",
    TableKey.NADDA_ORGANISATION: "Organisation",
    TableKey.NADDA_ROLL: "Roll",
    TableKey.NADDA_KON: "Kön",
    TableKey.SAMVERKANSGRUPPER: "Samverkansgrupp (status)",
    TableKey.SAMVERKANSGRUPPER_AKTIVA: "Kommun",
    TableKey.PLACERINGAR: "Huvudman",
    TableKey.PLACERINGAR_HUVUDMAN: "Huvudman",
    TableKey.ARSPLAN: "Mål",
    TableKey.LANSSTATISTIK: "Mått",
    TableKey.MANAD_AKTIVITETER: "Månad",
    TableKey.MANAD_DELTAGARE: "Månad",
}
PERIOD_LABEL_HEADERS = {TableKey.PLACERINGAR: "Mått"}
YEAR_FORMAT = "0"


def _value_formats(columns: Sequence[str]) -> tuple[str | None, ...]:
    return tuple(st.CHANGE_FORMAT if c == CHANGE else st.COUNT_FORMAT for c in columns)


def table_block(table: SummaryTable, span: str, *, period: bool = False) -> Block:
    """A core summary table as it is: its rows, then its total row."""
    label_header = (PERIOD_LABEL_HEADERS if period else {}).get(table.key) or LABEL_HEADERS.get(
        table.key, "Rad"
    )
    title = table.title if span in table.title else f"{table.title} {span}"
    total = (table.total.label, *table.shown(table.total)) if table.has_total else None
    return Block(
        name=table.key,
        title=title,
        headers=(label_header, *table.columns),
        rows=tuple((r.label, *table.shown(r)) for r in table.rows),
        total=total,
        note=table.note,
        formats=(None, *_value_formats(table.columns)),
    )


def per_year_block(
    name: str, title: str, label_header: str, tables: Sequence[tuple[int, SummaryTable]]
) -> Block:
    """The rows of each year's table under one another, with the year first."""
    columns: list[str] = []
    for _, table in tables:
        columns += [c for c in table.columns if c not in columns]
    rows = []
    for year, table in tables:
        for r in table.rows:
            by_column = dict(zip(table.columns, r.values, strict=True))
            rows.append((year, r.label, *(by_column.get(c, 0) for c in columns)))
    note = next((t.note for _, t in reversed(tables) if t.note), "")
    return Block(
        name=name,
        title=title,
        headers=("År", label_header, *columns),
        rows=tuple(rows),
        note=note,
        formats=(YEAR_FORMAT, None, *_value_formats(columns)),
    )


def milestones_block(milestones: Iterable[MilestoneEntry], span: str) -> Block:
    rows = tuple(
        (
            m.day,
            m.kind_label,
            m.kommun,
            m.organisation,
            m.text,
            m.link or None,
            "Ja" if m.date_approximate else None,
        )
        for m in milestones
    )
    return Block(
        name="milstolpar",
        title=f"Milstolpar {span}",
        headers=(
            "Datum",
            "Typ",
            "Kommun",
            "Organisation",
            "Beskrivning",
            "Länk",
            "Datum ungefärligt",
        ),
        rows=rows,
        wrap=frozenset({4}),
        empty=f"Inga milstolpar registrerade för {span}.",
    )


def findings_block(findings: Sequence[tuple[int | None, Finding]], span: str) -> Block:
    return Block(
        name="avvikelser",
        title=f"Avvikelser {span} ({len(findings)})",
        headers=("År", *(header for header, _ in FINDING_COLUMNS)),
        rows=tuple((y, *finding_cells(f)) for y, f in findings),
        formats=(YEAR_FORMAT, *(None for _ in FINDING_COLUMNS)),
        wrap=frozenset({1, 2}),
        note="Uppgifterna är sparade som de angavs; avvikelserna visas, inget har ändrats.",
        empty=f"Inga avvikelser {span}.",
    )


def empty_block(subject: str, span: str, text: str) -> Block:
    """A table with one row saying there is nothing, e.g. no placements."""
    key = subject.casefold().replace("ä", "a").replace("å", "a").replace("ö", "o")
    return Block(name=key, title=f"{subject} {span}", headers=(subject,), rows=(), empty=text)


# --- what goes on which sheet ----------------------------------------------------------

Sheet = tuple[str, list[Block]]


def _find(summary: YearSummary | PeriodSummary, key: TableKey) -> SummaryTable | None:
    return next((t for t in summary.tables if t.key == key), None)


def _findings(content: ExportContent) -> list[tuple[int | None, Finding]]:
    """Each year's findings under its year, then the period's own (a figure stated for
    several years, e.g. a final report's total), with no year of their own."""
    seen: dict[Finding, int | None] = {}
    for s in content.year_summaries:
        for f in s.findings:
            seen.setdefault(f, s.year)
    for f in content.period.findings if content.period else ():
        seen.setdefault(f, None)
    return [(year, f) for f, year in seen.items()]


REACH_KEYS = (
    TableKey.NADDA_PERSONER,
    TableKey.NADDA_UTANFOR_TOTAL,
    TableKey.NADDA_KOMMUN,
    TableKey.NADDA_ORGANISATION,
    TableKey.NADDA_ROLL,
    TableKey.NADDA_KON,
)


def summary_sheets(content: ExportContent) -> list[Sheet]:
    """The summary sheets in order; each a list of blocks (tables)."""
    span = content.span
    period = content.period if content.is_period else None
    source: YearSummary | PeriodSummary = period or content.year_summaries[0]

    def blocks(*keys: TableKey) -> list[Block]:
        found = [(k, _find(source, k)) for k in keys]
        return [table_block(t, span, period=period is not None) for _, t in found if t]

    def per_year(key: TableKey) -> list[tuple[int, SummaryTable]]:
        return [(s.year, t) for s in content.year_summaries if (t := _find(s, key)) is not None]

    groups = (
        blocks(TableKey.SAMVERKANSGRUPPER_AKTIVA)
        if period
        else blocks(TableKey.SAMVERKANSGRUPPER, TableKey.SAMVERKANSGRUPPER_AKTIVA)
    )
    if period and (yearly := per_year(TableKey.SAMVERKANSGRUPPER)):
        groups.append(
            per_year_block(
                "samverkansgrupper_per_ar",
                f"Samverkansgrupper per år {span}",
                LABEL_HEADERS[TableKey.SAMVERKANSGRUPPER],
                yearly,
            )
        )
    placements = blocks(TableKey.PLACERINGAR, TableKey.PLACERINGAR_HUVUDMAN)
    if period and (yearly := per_year(TableKey.PLACERINGAR)):
        placements.append(
            per_year_block(
                "placeringar_per_ar", f"Placeringar per huvudman och år {span}", "Huvudman", yearly
            )
        )
    plan: list[Block] = []
    if period and (yearly := per_year(TableKey.ARSPLAN)):
        plan.append(per_year_block("arsplan_per_ar", f"Årsplan {span}", "Mål", yearly))
    elif not period:
        plan = blocks(TableKey.ARSPLAN)

    # The county statistics of the last year hold every year up to it, as the overview
    # shows them; a period keeps its own years.
    county = next(
        (t for s in reversed(content.year_summaries) if (t := _find(s, TableKey.LANSSTATISTIK))),
        None,
    )
    # Every piece only part of its year: what is kept per year is left out, not missing.
    partial = all(not s.covers_year for s in content.year_summaries)
    left_out = " ".join(content.left_out)
    county_blocks = []
    if county is not None:
        county_blocks = [
            table_block(_only_years(county, content.years) if period else county, span)
        ]

    sheets: list[Sheet] = [
        ("Nyckeltal", _with_left_out(blocks(TableKey.NYCKELTAL), content.left_out)),
        ("Per typ", blocks(TableKey.AKTIVITETER_TYP)),
        ("Per kommun", blocks(TableKey.AKTIVITETER_KOMMUN, TableKey.DELTAGARE_KOMMUN)),
        ("Per organisation", blocks(TableKey.DELTAGARE_ORGANISATION)),
        ("Per roll", blocks(TableKey.DELTAGARE_ROLL)),
        ("Per kön", blocks(TableKey.DELTAGARE_KON)),
        ("Per månad", [table_block(t, span, period=True) for t in content.month_tables]),
        ("Nådda personer", blocks(*REACH_KEYS)),
        (
            "Samverkansgrupper",
            groups
            or [empty_block("Samverkansgrupper", span, "Inga samverkansgrupper registrerade.")],
        ),
        (
            "Placeringar",
            placements
            or [
                empty_block(
                    "Placeringar",
                    span,
                    left_out if partial else f"Inga placeringar registrerade för {span}.",
                )
            ],
        ),
        ("Årsplan", plan),
        (
            "Länsstatistik",
            county_blocks
            or [
                empty_block(
                    "Länsstatistik",
                    span,
                    left_out if partial else "Ingen länsstatistik registrerad.",
                )
            ],
        ),
        (
            "Milstolpar",
            [milestones_block(period.milestones if period else source.milestones, span)],
        ),
        ("Avvikelser", [findings_block(_findings(content), span)]),
    ]
    return [(name, b) for name, b in sheets if b]


def _with_left_out(found: list[Block], notes: Sequence[str]) -> list[Block]:
    """The key figures with what a part of a year leaves out said under them."""
    if not notes:
        return found
    return [replace(b, note=" ".join((b.note, *notes)).strip()) for b in found]


def _only_years(table: SummaryTable, years: Sequence[int]) -> SummaryTable:
    """The county statistics with only the exported years' columns (all, if none match)."""
    keep = [i for i, c in enumerate(table.columns) if c in {str(y) for y in years}]
    if not keep or len(keep) == len(table.columns):
        return table
    return replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(SummaryRow(r.label, tuple(r.values[i] for i in keep)) for r in table.rows),
    )
