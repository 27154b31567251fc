"""A period of several years: each year's figures side by side, with a total column.

Built from the year summaries only (the figures the overview shows for each year), so a
period can never disagree with its years. For every table that adds up over years, the
period table has one column per year and a "Totalt" column (the sum of the year
columns); its total row is the sum of its rows, so the corner is the same both ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.core.findings import Finding
from app.core.left_out import left_out_note
from app.core.milestones import MilestoneEntry
from app.core.reach import ReachTable
from app.core.report_texts import StatedFigure, stated_figure_findings
from app.core.summary import SummaryRow, SummaryTable, YearSummary
from app.core.table_keys import ACTIVITY_KEYS, TableKey

TOTAL = "Totalt"
HELD = "Genomförda"

# The tables that are meaningful over a period, in the order the reports show them.
PERIOD_KEYS: tuple[TableKey, ...] = (*ACTIVITY_KEYS, TableKey.SAMVERKANSGRUPPER_AKTIVA)
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
    # The names of the pieces' columns ("2016 (aug–dec)", "2017" …) and how the period
    # reads ("augusti 2016 – december 2020"); empty: the years.
    columns: tuple[str, ...] = ()
    label: str = ""
    # What the pieces that are only part of their year leave out, in Swedish.
    left_out: tuple[str, ...] = ()
    first_day: date | None = None
    last_day: date | None = None

    @property
    def span(self) -> str:
        """'2016–2020' (or '2018' for a single year), or the period's own label."""
        if self.label:
            return self.label
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

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "years": list(self.years),
            "insats": self.insats_name,
            "label": self.span,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "columns": list(self.columns),
            "tables": [t.to_dict() for t in self.tables],
            "milestones": [m.to_dict() for m in self.milestones],
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.left_out:
            out["left_out"] = list(self.left_out)
        return out


def _own_column(table: SummaryTable, summary: YearSummary) -> int | None:
    """Which column of a year's (or a piece's) table holds its own figure."""
    for name in (HELD, summary.label):
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
    columns: Sequence[str],
    rows_by_label: Mapping[str, Sequence[int]],
    *,
    has_total: bool,
    note: str,
    total_label: str | None = None,
    no_figure: Sequence[str] = (),
) -> SummaryTable:
    names = (*columns, TOTAL)
    rows = tuple(
        SummaryRow(label, (*values, sum(values))) for label, values in rows_by_label.items()
    )
    if total_label is not None and total_label != TOTAL:
        return ReachTable(
            key, title, names, rows, has_total, note, tuple(no_figure), total_label=total_label
        )
    return SummaryTable(key, title, names, rows, has_total, note, tuple(no_figure))


def _not_kept(summaries: Sequence[YearSummary], has: Iterable[YearSummary]) -> list[str]:
    """The columns of the pieces that leave the table out because they are only part
    of their year: shown without a figure, not as 0."""
    present = {id(s) for s in has}
    return [s.label for s in summaries if not s.covers_year and id(s) not in present]


def period_table(key: TableKey, year_summaries: Sequence[YearSummary]) -> SummaryTable | None:
    """The table ``key`` over the years: one column per year (or piece), then "Totalt".

    Each year's value is the year's own column of its table ("Genomförda" for the
    activity tables, the year's column for the others). Rows are the labels of all
    years in the order first seen; a label missing in a year counts 0 there, and a
    piece that leaves the table out (part of a year) has no figure.
    None when no year has the table.
    """
    found = [(s, t) for s in year_summaries for t in s.tables if t.key == key]
    if not found:
        return None
    columns = [s.label for s in year_summaries]
    by_column: dict[str, dict[str, int]] = {}
    for summary, table in found:
        col = _own_column(table, summary)
        if col is None:
            continue
        by_column[summary.label] = {row.label: row.values[col] for row in table.rows}
    labels = _first_seen((r.label for r in t.rows) for _, t in found)
    rows = {label: [by_column.get(c, {}).get(label, 0) for c in columns] for label in labels}
    last = found[-1][1]
    note = " ".join(n for n in (last.note, _NOTES.get(key, "")) if n)
    total_label = last.total_label if isinstance(last, ReachTable) else None
    return _with_total_column(
        key,
        _TITLES.get(key, last.title),
        columns,
        rows,
        has_total=last.has_total,
        note=note,
        total_label=total_label,
        no_figure=_not_kept(year_summaries, (s for s, _ in found)),
    )


def placements_tables(year_summaries: Sequence[YearSummary]) -> list[SummaryTable]:
    """Placements over the years, from each year's placement table.

    * ``placeringar``: each measure (beviljade, nyttjade, kvinnor, män, kön ej angivet, unika, the
      outcomes) per year — the year's total row — and in total. The measures do not
      add up to each other, so there is no total row;
    * ``placeringar_huvudman``: places used per huvudman and year, with a total row.
    """
    columns = [s.label for s in year_summaries]
    found = {s.label: t for s in year_summaries for t in s.tables if t.key == PLACEMENTS_KEY}
    if not found:
        return []
    absent = _not_kept(year_summaries, (s for s in year_summaries if s.label in found))
    measures_of = next(iter(found.values())).columns
    measures = {
        column: [found[c].total.values[i] if c in found else 0 for c in columns]
        for i, column in enumerate(measures_of)
    }
    used = measures_of.index("Nyttjade") if "Nyttjade" in measures_of else 0
    labels = _first_seen((r.label for r in t.rows) for t in found.values())
    per_huvudman = {
        label: [
            next((r.values[used] for r in found[c].rows if r.label == label), 0)
            if c in found
            else 0
            for c in columns
        ]
        for label in labels
    }
    note = next((t.note for t in found.values() if t.note), "")
    return [
        _with_total_column(
            PLACEMENTS_KEY,
            "Individinriktade insatser (placeringar)",
            columns,
            measures,
            has_total=False,
            note=note,
            no_figure=absent,
        ),
        _with_total_column(
            PLACEMENTS_BY_HUVUDMAN_KEY,
            "Nyttjade platser per huvudman",
            columns,
            per_huvudman,
            has_total=True,
            note="",
            no_figure=absent,
        ),
    ]


def _left_out(summaries: Sequence[YearSummary]) -> tuple[str, ...]:
    """What the pieces that are only part of their year leave out, as one note."""
    note = left_out_note([s.year for s in summaries if not s.covers_year])
    return (note,) if note else ()


def build_period_summary(
    year_summaries: Sequence[YearSummary], stated: Sequence[StatedFigure] = (), label: str = ""
) -> PeriodSummary:
    """The years' summaries (in year order) as one period: the tables that add up over
    years with a column per year and a total column, and every year's findings and
    milestones; plus a finding for each ``stated`` figure that differs from its years.
    The summaries may be pieces of a period (parts of years); ``label`` names it."""
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
        columns=tuple(s.label for s in summaries),
        label=label,
        left_out=_left_out(summaries),
        first_day=summaries[0].first if summaries else None,
        last_day=summaries[-1].last if summaries else None,
    )


def month_table(
    counts: Mapping[tuple[int, int], tuple[int, int]],
    years: Sequence[int],
    *,
    total_column: bool = True,
    columns: Sequence[str] = (),
    months: Sequence[int] = (),
) -> tuple[SummaryTable, SummaryTable]:
    """Held activities and their participants per month (januari … december).

    ``counts`` maps (year, month) to (held activities, participants). One column per
    year (named by ``columns`` when given, e.g. "2024 (jan–apr)"), then "Totalt" (left
    out with ``total_column=False``, e.g. for a single year); the total row is the sum of
    the months, so a year's total is its held activities. ``months`` (1–12) keeps only
    those rows: the months a period covers.
    """
    names = tuple(columns) if columns else tuple(str(y) for y in years)
    shown = set(months) if months else set(range(1, 13))

    def table(key: TableKey, title: str, pick: int, note: str = "") -> SummaryTable:
        rows = []
        for month, name in enumerate(MONTHS, start=1):
            if month not in shown:
                continue
            values = [counts.get((y, month), (0, 0))[pick] for y in years]
            if total_column:
                values.append(sum(values))
            rows.append(SummaryRow(name, tuple(values)))
        heads = names + ((TOTAL,) if total_column else ())
        return SummaryTable(key, title, heads, tuple(rows), note=note)

    return (
        table(MONTH_HELD_KEY, "Genomförda aktiviteter per månad", 0),
        table(
            MONTH_PARTICIPANTS_KEY,
            "Deltagare per månad",
            1,
            "Deltagare på genomförda aktiviteter (volym), efter startdatum.",
        ),
    )
