"""Every bar of a chart is the figure a table shows: for each year of the demo and of
generated data (a seed printed), the year overview's charts against the year summary's
tables, and a period's charts against the Excel export's month table and period tables;
people reached per year against each year's Nådda personer total; evaluation means
against the answers written, counted here by hand."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.chart_data import ChartSeries
from app.core.charts import MEAN_TITLE
from app.core.entities import Insats
from app.core.period import MONTH_PARTICIPANTS_KEY, TOTAL
from app.core.reach import REACH_TOTAL
from app.core.report_period import ReportPeriod
from app.core.summary import SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.core.vocabulary import Status
from app.operations.charts import period_charts, year_charts
from app.operations.exports import gather
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.store.evaluation_totals import span_distribution
from tests.conftest import MakeActivity
from tests.evaluation_rows import add_evaluation, mean_of, random_questions
from tests.rich_data import build_rich_database

RICH_SEED = 20261202


@pytest.fixture(scope="module")
def rich_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rich") / "rich.sqlite3"
    build_rich_database(path, RICH_SEED)
    return path


@pytest.fixture(params=["demo", "rich"])
def data(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "demo":
        yield request.getfixturevalue("demo")
        return
    store = Store.open(request.getfixturevalue("rich_file"))
    try:
        yield store
    finally:
        store.close()


def current(store: Store) -> Insats:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return insats


def bars(series: ChartSeries) -> dict[str, float]:
    return dict(zip(series.labels, series.values, strict=True))


def column(table: SummaryTable, name: str) -> dict[str, float]:
    col = table.columns.index(name)
    return {row.label: float(row.values[col]) for row in table.rows}


def titled(charts: tuple[ChartSeries, ...], start: str) -> ChartSeries:
    (found,) = [c for c in charts if c.title.startswith(start)]
    return found


def volume(summary: YearSummary) -> int:
    return summary.table(TableKey.NYCKELTAL).value("Deltagare (volym)", summary.label)


def test_each_year_s_bars_are_its_summary_s_cells(data: Store) -> None:
    insats = current(data)
    assert insats.id is not None
    years = sorted(set(insats.years) | set(data.activities.years(insats.id)))
    assert len(years) >= 4
    for year in years:
        summary = data.summaries.year_summary(insats.id, year)
        charts = year_charts(data, insats.id, summary)
        months = titled(charts, "Deltagare per månad")
        kommun = titled(charts, "Deltagare per kommun")
        orgs = titled(charts, "Deltagare per organisation")

        assert len(months.labels) == 12
        assert sum(months.values) == volume(summary), year
        kommuner = summary.table(TableKey.DELTAGARE_KOMMUN)
        assert bars(kommun) == column(kommuner, summary.label), year
        assert list(kommun.labels) == [r.label for r in kommuner.rows]
        organisations = summary.table(TableKey.DELTAGARE_ORGANISATION)
        assert bars(orgs) == column(organisations, summary.label), year
        assert sum(kommun.values) == sum(orgs.values) == volume(summary)
        # The evaluation means per type: each type's answers within the year, as the
        # store's span_distribution counts them; no chart when the year has none.
        means = [c for c in charts if c.title.startswith(MEAN_TITLE)]
        span = (date(year, 1, 1), date(year, 12, 31))
        expected = {
            t.name: d.mean
            for t in data.reference.activity_types(include_inactive=True)
            if (d := span_distribution(data.file, insats.id, span, t.id)).mean is not None
        }
        if expected:
            assert bars(means[0]) == pytest.approx(expected), year
        else:
            assert means == [], year


def periods(insats: Insats) -> list[ReportPeriod]:
    years = list(insats.years)
    return [
        ReportPeriod.whole_insats(insats.start, insats.end),
        ReportPeriod.years(years[1], years[-1]),
        ReportPeriod.year(years[1]),
        ReportPeriod.tertial(years[2], 3),
        ReportPeriod.own(date(years[1], 10, 15), date(years[2], 3, 9)),
    ]


def test_a_period_s_bars_are_the_export_s_figures(data: Store) -> None:
    insats = current(data)
    assert insats.id is not None
    for period in periods(insats):
        charts = period_charts(data, insats, period)
        content = gather(data, ExportRequest.for_period(insats.id, period))
        (months_table,) = [t for t in content.month_tables if t.key == MONTH_PARTICIPANTS_KEY]
        last = months_table.columns[-1]
        assert bars(titled(charts, "Deltagare per månad")) == column(months_table, last)
        if content.period is not None:  # several years: the period tables' Totalt
            kommuner = column(content.period.table(TableKey.DELTAGARE_KOMMUN), TOTAL)
            orgs = column(content.period.table(TableKey.DELTAGARE_ORGANISATION), TOTAL)
            assert last == TOTAL
        else:
            (piece,) = content.year_summaries
            kommuner = column(piece.table(TableKey.DELTAGARE_KOMMUN), piece.label)
            orgs = column(piece.table(TableKey.DELTAGARE_ORGANISATION), piece.label)
        shown = bars(titled(charts, "Deltagare per kommun"))
        # The same figures; a place reached only in the year before (a row of 0 in the
        # export's table, which compares) has no bar of 0 here.
        assert {k: v for k, v in shown.items() if v} == {k: v for k, v in kommuner.items() if v}
        assert all(shown[k] == kommuner.get(k, 0) for k in shown)
        assert bars(titled(charts, "Deltagare per organisation")) == orgs
        held = sum(volume(s) for s in content.year_summaries)
        assert sum(titled(charts, "Deltagare per månad").values) == held, period.label


def test_reached_per_year_is_each_year_s_nadda_total(data: Store) -> None:
    insats = current(data)
    assert insats.id is not None
    charts = period_charts(data, insats, ReportPeriod.year(insats.years[0]))
    reached = titled(charts, "Totalt nådda (volym) per år")

    assert reached.kind == "line"
    assert reached.labels == tuple(str(y) for y in insats.years)
    expected = []
    for year in insats.years:
        table = data.summaries.year_summary(insats.id, year).table(TableKey.NADDA_PERSONER)
        expected.append(float(table.value(REACH_TOTAL, str(year))))
    assert list(reached.values) == expected
    assert any(expected)


@pytest.mark.parametrize("seed", [11, 20261202])
def test_evaluation_means_are_the_answers_given(
    store: Store, insats: Insats, add_activity: MakeActivity, seed: int
) -> None:
    print(f"seed={seed}")
    rng = random.Random(seed)
    types = ["Seminarium", "Frukostmöte", "Utbildning", "Konferens"]
    written: dict[tuple[int, str], list[tuple[int, int, int, int, int]]] = {}
    for _ in range(30):
        year = rng.choice((2018, 2019))
        status = rng.choice((Status.GENOMFORD, Status.GENOMFORD, Status.PLANERAD))
        type_name = rng.choice(types[:3])  # Konferens never evaluated
        day = date(year, rng.randint(1, 12), rng.randint(1, 28))
        activity = add_activity(type_name, "Gävle", day, status)
        assert activity.id is not None
        questions = random_questions(rng)
        add_evaluation(store, activity.id, questions)
        if status is Status.GENOMFORD:  # a planned activity's answers are not counted
            written.setdefault((year, type_name), []).extend(questions)
    assert insats.id is not None

    for year in (2018, 2019):
        summary = store.summaries.year_summary(insats.id, year)
        means = titled(year_charts(store, insats.id, summary), MEAN_TITLE)
        expected = {
            t: mean_of(written[(year, t)])
            for t in types
            if (year, t) in written and mean_of(written[(year, t)]) is not None
        }
        assert set(means.labels) == set(expected)
        for label, value in bars(means).items():
            assert value == pytest.approx(expected[label])
        assert means.maximum == 5 and means.decimals == 1

    charts = period_charts(store, insats, ReportPeriod.whole_insats(insats.start, insats.end))
    per_year = bars(titled(charts, f"{MEAN_TITLE} per år"))
    for year in (2018, 2019):
        answers = [q for (y, _), qs in written.items() if y == year for q in qs]
        assert per_year[str(year)] == pytest.approx(mean_of(answers))
    assert set(per_year) == {"2018", "2019"}  # the years without answers have no bar
