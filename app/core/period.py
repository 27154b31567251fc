"""A period of several years: each year's figures side by side, with a total column.

Built from the year summaries only (the figures the overview shows for each year), so a
period can never disagree with its years. For every table that adds up over years, the
period table has one column per year and a "Totalt" column (the sum of the year
columns); its total row is the sum of its rows, so the corner is the same both ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.findings import Finding
from app.core.milestones import MilestoneEntry
from app.core.reach import ReachTable
from app.core.report_texts import StatedFigure, stated_figure_findings
from app.core.summary import SummaryRow, SummaryTable, YearSummary
from app.core.table_keys import TableKey

TOTAL = "Totalt"
HELD = "Genomförda"

# The tables that are meaningful over a period, in the order the reports show them.
PERIOD_KEYS: tuple[TableKey, ...] = (
    TableKey.NYCKELTAL,
    TableKey.AKTIVITETER_TYP,
    TableKey.AKTIVITETER_KOMMUN,
    TableKey.DELTAGARE_KOMMUN,
    TableKey.DELTAGARE_ORGANISATION,
    TableKey.DELTAGARE_ROLL,
    TableKey.DELTAGARE_KON,
    TableKey.NADDA_PERSONER,
    TableKey.NADDA_UTANFOR_TOTAL,
    TableKey.NADDA_KOMMUN,
    TableKey.NADDA_ORGANISATION,
    TableKey.NADDA_ROLL,
    TableKey.NADDA_KON,
    TableKey.SAMVERKANSGRUPPER_AKTIVA,
)
PLACEMENTS_KEY = TableKey.PLACERINGAR
PLACEMENTS_BY_HUVUDMAN_KEY = TableKey.PLACERINGAR_HUVUDMAN
MONTH_HELD_KEY = TableKey.MANAD_AKTIVITETER
MONTH_PARTICIPANTS_KEY = TableKey.MANAD_DELTAGARE

MONTHS: tuple[str, ...] = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

_TITLES = {
    TableKey.AKTIVITETER_TYP: "Genomförda aktiviteter per typ",
    TableKey.AKTIVITETER_KOMMUN: "Genomförda aktiviteter per kommun",
}
_NOTES = {
    TableKey.NADDA_UTANFOR_TOTAL: (
        "Totalt för unika individer är summan av årens unika individer: "
        "den som deltog flera år räknas en gång per år."
    ),
    TableKey.SAMVERKANSGRUPPER_AKTIVA: (
        "Totalt är summan av årens aktiva grupper (gruppår), inte antalet grupper."
    ),
}


@dataclass(frozen=True)
class PeriodSummary:
    years: tuple[int, ...]
    insats_name: str
    tables: tuple[SummaryTable, ...]
    findings: tuple[Finding, ...] = ()
    milestones: tuple[MilestoneEntry, ...] = ()

    @property
    def span(self) -> str:
        """'2016–2020' (or '2018' for a single year)."""
        if not self.years:
            return ""
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    def table(self, key: TableKey) -> SummaryTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def has(self, key: TableKey) -> bool:
        return any(t.key == key for t in self.tables)


def _year_column(table: SummaryTable, year: int) -> int | None:
    """Which column of a year's table holds that year's own figure."""
    for name in (HELD, str(year)):
        if name in table.columns:
            return table.columns.index(name)
    return None


def _first_seen(label_lists: Iterable[Iterable[str]]) -> list[str]:
    labels: dict[str, None] = {}
    for labels_of_year in label_lists:
        for label in labels_of_year:
            labels.setdefault(label)
    return list(labels)


def _with_total_column(
    key: TableKey,
    title: str,
    years: Sequence[int],
    rows_by_label: Mapping[str, Sequence[int]],
    *,
    has_total: bool,
    note: str,
    total_label: str | None = None,
) -> SummaryTable:
    columns = (*(str(y) for y in years), TOTAL)
    rows = tuple(
        SummaryRow(label, (*values, sum(values))) for label, values in rows_by_label.items()
    )
    if total_label is not None and total_label != TOTAL:
        return ReachTable(key, title, columns, rows, has_total, note, total_label=total_label)
    return SummaryTable(key, title, columns, rows, has_total, note)


def period_table(key: TableKey, year_summaries: Sequence[YearSummary]) -> SummaryTable | None:
    """The table ``key`` over the years: one column per year, then "Totalt".

    Each year's value is the year's own column of its table ("Genomförda" for the
    activity tables, the year's column for the others). Rows are the labels of all
    years in the order first seen; a label missing in a year counts 0 there.
    None when no year has the table.
    """
    found = [(s.year, t) for s in year_summaries for t in s.tables if t.key == key]
    if not found:
        return None
    years = [s.year for s in year_summaries]
    by_year: dict[int, dict[str, int]] = {}
    for year, table in found:
        col = _year_column(table, year)
        if col is None:
            continue
        by_year[year] = {row.label: row.values[col] for row in table.rows}
    labels = _first_seen((r.label for r in t.rows) for _, t in found)
    rows = {label: [by_year.get(y, {}).get(label, 0) for y in years] for label in labels}
    last = found[-1][1]
    note = " ".join(n for n in (last.note, _NOTES.get(key, "")) if n)
    total_label = last.total_label if isinstance(last, ReachTable) else None
    return _with_total_column(
        key,
        _TITLES.get(key, last.title),
        years,
        rows,
        has_total=last.has_total,
        note=note,
        total_label=total_label,
    )


def placements_tables(year_summaries: Sequence[YearSummary]) -> list[SummaryTable]:
    """Placements over the years, from each year's placement table.

    * ``placeringar``: each measure (beviljade, nyttjade, kvinnor, män, kön ej angivet, unika, the
      outcomes) per year — the year's total row — and in total. The measures do not
      add up to each other, so there is no total row;
    * ``placeringar_huvudman``: places used per huvudman and year, with a total row.
    """
    years = [s.year for s in year_summaries]
    found = {s.year: t for s in year_summaries for t in s.tables if t.key == PLACEMENTS_KEY}
    if not found:
        return []
    columns = next(iter(found.values())).columns
    measures = {
        column: [found[y].total.values[i] if y in found else 0 for y in years]
        for i, column in enumerate(columns)
    }
    used = columns.index("Nyttjade") if "Nyttjade" in columns else 0
    labels = _first_seen((r.label for r in t.rows) for t in found.values())
    per_huvudman = {
        label: [
            next((r.values[used] for r in found[y].rows if r.label == label), 0)
            if y in found
            else 0
            for y in years
        ]
        for label in labels
    }
    note = next((t.note for t in found.values() if t.note), "")
    return [
        _with_total_column(
            PLACEMENTS_KEY,
            "Individinriktade insatser (placeringar)",
            years,
            measures,
            has_total=False,
            note=note,
        ),
        _with_total_column(
            PLACEMENTS_BY_HUVUDMAN_KEY,
            "Nyttjade platser per huvudman",
            years,
            per_huvudman,
            has_total=True,
            note="",
        ),
    ]


def build_period_summary(
    year_summaries: Sequence[YearSummary], stated: Sequence[StatedFigure] = ()
) -> PeriodSummary:
    """The years' summaries (in year order) as one period: the tables that add up over
    years with a column per year and a total column, and every year's findings and
    milestones; plus a finding for each ``stated`` figure that differs from its years."""
    summaries = sorted(year_summaries, key=lambda s: s.year)
    tables: list[SummaryTable] = []
    for key in PERIOD_KEYS:
        table = period_table(key, summaries)
        if table is not None:
            tables.append(table)
    tables += placements_tables(summaries)
    findings: dict[Finding, None] = {}
    for s in summaries:
        for f in s.findings:
            findings.setdefault(f)
    for f in stated_figure_findings(stated, summaries):
        findings.setdefault(f)
    return PeriodSummary(
        years=tuple(s.year for s in summaries),
        insats_name=summaries[0].insats_name if summaries else "",
        tables=tuple(tables),
        findings=tuple(findings),
        milestones=tuple(m for s in summaries for m in s.milestones),
    )


def month_table(
    counts: Mapping[tuple[int, int], tuple[int, int]],
    years: Sequence[int],
    *,
    total_column: bool = True,
) -> tuple[SummaryTable, SummaryTable]:
    """Held activities and their participants per month (januari … december).

    ``counts`` maps (year, month) to (held activities, participants). One column per
    year, then "Totalt" (left out with ``total_column=False``, e.g. for a single year);
    the total row is the sum of the months, so a year's total is its held activities.
    """

    def table(key: TableKey, title: str, pick: int, note: str = "") -> SummaryTable:
        rows = []
        for month, name in enumerate(MONTHS, start=1):
            values = [counts.get((y, month), (0, 0))[pick] for y in years]
            if total_column:
                values.append(sum(values))
            rows.append(SummaryRow(name, tuple(values)))
        columns = tuple(str(y) for y in years) + ((TOTAL,) if total_column else ())
        return SummaryTable(key, title, columns, tuple(rows), note=note)

    return (
        table(MONTH_HELD_KEY, "Genomförda aktiviteter per månad", 0),
        table(
            MONTH_PARTICIPANTS_KEY,
            "Deltagare per månad",
            1,
            "Deltagare på genomförda aktiviteter (volym), efter startdatum.",
        ),
    )
