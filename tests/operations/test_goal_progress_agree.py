"""Every measure's outcome is the figure computed elsewhere, for every measure of the
Gävleborg demo and of the generated database (tests/rich_data.py, seed printed): the
year summary's or the period's cell (Totalt nådda (volym), unique individuals, held
activities in all and per type), the groups grid's active count, the placements' used
places, the milestones' kommuner and span_distribution's mean — over each goal's year,
over the insats up to each year's end, and over the whole insats in the final report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.core import goal_kinds as gk
from app.core.goal_progress import INSATS_GOAL, MeasureProgress
from app.core.period import PeriodSummary
from app.core.reach import UNIQUE
from app.core.report_period import ReportPeriod
from app.core.summary import SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.operations.exports import gather
from app.operations.goal_progress import report_progress, year_progress
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.store.evaluation_totals import span_distribution
from tests.data_sources import SOURCES, source_store

RICH_SEED = 20261202


@pytest.fixture(scope="module", params=SOURCES)
def source(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with source_store(request.param, tmp_path_factory, RICH_SEED) as store:
        yield store


def _cell(source: YearSummary | PeriodSummary, key: TableKey, row: str | None) -> int | None:
    """The figure of ``row`` (None: the total row) in the source's own column: the
    period's Totalt, or the piece's only column."""
    try:
        table: SummaryTable = source.table(key)
    except KeyError:
        return None
    column = "Totalt" if isinstance(source, PeriodSummary) else table.columns[0]
    col = table.columns.index(column)
    if row is None:
        return table.total.values[col]
    found = [r for r in table.rows if r.label == row]
    return found[0].values[col] if found else None


def expected(store: Store, row: MeasureProgress, first: date, last: date) -> float | None:
    insats = store.reference.insats(row.measure.insats_id)
    assert insats.id is not None
    content = gather(store, ExportRequest.for_period(insats.id, ReportPeriod(first, last)))
    source: YearSummary | PeriodSummary = content.period or content.year_summaries[0]
    m = row.measure
    kind = m.kind
    if kind == gk.REACH_VOLUME:
        return _cell(source, TableKey.NADDA_PERSONER, None)
    if kind == gk.REACH_UNIQUE:
        return _cell(source, TableKey.NADDA_UTANFOR_TOTAL, UNIQUE)
    if kind == gk.ACTIVITIES:
        if m.type_id is None:
            return _cell(source, TableKey.NYCKELTAL, "Genomförda aktiviteter")
        name = next(
            t.name
            for t in store.reference.activity_types(include_inactive=True)
            if t.id == m.type_id
        )
        return _cell(source, TableKey.AKTIVITETER_TYP, name) or 0
    if kind == gk.POLICY_KOMMUNER:
        return len(
            {
                ms.kommun_id
                for ms in store.milestones.list(insats.id)
                if ms.kind.value == m.milestone_kind and ms.kommun_id is not None and ms.day <= last
            }
        )
    if kind == gk.ACTIVE_GROUPS:
        year = store.summaries.year_summary(insats.id, last.year)
        grid = year.table(TableKey.SAMVERKANSGRUPPER_AKTIVA)
        return grid.total.values[grid.columns.index(str(last.year))]
    if kind == gk.USED_PLACEMENTS:
        return sum(
            p.used for p in store.placements.list(insats.id) if first.year <= p.year <= last.year
        )
    if kind == gk.EVALUATION_MEAN:
        return span_distribution(store.file, insats.id, (first, last)).mean
    return m.manual_value


def test_every_outcome_is_the_figure_computed_elsewhere(source: Store) -> None:
    store = source
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    kinds: set[str] = set()
    for year in insats.years:
        table = year_progress(store, insats.id, year)
        year_end = date(year, 12, 31)
        for row in table.rows:
            kinds.add(row.measure.kind)
            if row.goal == INSATS_GOAL:
                first, last = insats.start, min(insats.end, year_end)
            else:
                first, last = date(year, 1, 1), year_end
            assert row.outcome == expected(store, row, first, last), (year, row)
    if store.goal_measures.for_year(insats.id, insats.start.year):
        assert kinds == set(gk.MEASURE_KINDS)  # the generated data has every kind


def test_the_final_report_covers_the_whole_insats_and_every_years_goals(source: Store) -> None:
    store = source
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    whole = ReportPeriod.whole_insats(insats.start, insats.end)
    table = report_progress(store, insats.id, whole)
    assert table is not None
    own = store.goal_measures.for_goal(insats.id, None)
    per_year = sum(
        len(ms) for y in insats.years for ms in store.goal_measures.for_year(insats.id, y).values()
    )
    assert len(table.rows) == len(own) + per_year
    last_year = year_progress(store, insats.id, insats.end.year)
    insats_rows = [r for r in table.rows if r.goal == INSATS_GOAL]
    assert [r.cells() for r in insats_rows] == [
        r.cells() for r in last_year.rows if r.goal == INSATS_GOAL
    ]
    for row in insats_rows:
        assert row.span_label == whole.label
        assert row.outcome == expected(store, row, insats.start, insats.end), row
    # A year's goal in a report of several years is named with its year.
    assert all(r.goal.split(":")[0].isdigit() for r in table.rows if r.goal != INSATS_GOAL)
