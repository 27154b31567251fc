"""What the charts of the window show, read from the store and made in core
(``app.core.charts``): the year overview's charts and those of a chosen period. Every
read of one call shares one connection."""

from __future__ import annotations

from datetime import date

from app.core.chart_data import ChartSeries
from app.core.charts import (
    held_volume_per_year,
    means_per_type,
    means_per_year,
    participants_per_kommun,
    participants_per_month,
    participants_per_organisation,
    reach_per_year,
)
from app.core.entities import Insats
from app.core.evaluation_scale import Distribution
from app.core.period import MONTH_PARTICIPANTS_KEY, month_table
from app.core.report_period import ReportPeriod, months_covered
from app.core.summary import SummaryTable, YearSummary, build_year_summary
from app.store.activity_rows import Span
from app.store.database import Store
from app.store.evaluation_totals import span_distribution


def _month_participants(store: Store, insats_id: int, period: ReportPeriod) -> SummaryTable:
    """The month table of participants for exactly the period's dates (as exported)."""
    counts = store.exports.month_counts(insats_id, period.first, period.last)
    years = period.year_list
    tables = month_table(counts, years, total_column=len(years) > 1, months=months_covered(period))
    return next(t for t in tables if t.key == MONTH_PARTICIPANTS_KEY)


def _type_distributions(store: Store, insats_id: int, span: Span) -> list[tuple[str, Distribution]]:
    """Every evaluation answer of the span's held activities, per activity type."""
    return [
        (t.name, span_distribution(store.file, insats_id, span, t.id))
        for t in store.reference.activity_types(include_inactive=True)
        if t.id is not None
    ]


def year_charts(store: Store, insats_id: int, summary: YearSummary) -> tuple[ChartSeries, ...]:
    """The year overview's charts for ``summary`` (the one its tables show): participants
    per month, per kommun and per organisation, and — when the year has evaluations —
    their mean per activity type."""
    period = ReportPeriod(summary.first, summary.last)
    with store.file.read():
        months = _month_participants(store, insats_id, period)
        types = _type_distributions(store, insats_id, (summary.first, summary.last))
    charts = [
        participants_per_month(months, summary.label),
        participants_per_kommun(summary),
        participants_per_organisation(summary),
    ]
    means = means_per_type(types, summary.label)
    if not means.is_empty:
        charts.append(means)
    return tuple(charts)


def period_summary(store: Store, insats: Insats, period: ReportPeriod) -> YearSummary:
    """The activity figures of exactly the period's dates in one summary: its own column
    holds the period's figures (the sum of its years', as the period tables' Totalt)."""
    assert insats.id is not None and insats.forbund_id is not None
    facts = store.summaries.facts(insats.id, period.first_year, (period.first, period.last))
    kommuner = [k.name for k in store.reference.kommuner(insats.forbund_id)]
    types = [t.name for t in store.reference.activity_types(include_inactive=True)]
    return build_year_summary(period.first_year, insats.name, facts, None, kommuner, types)


def period_charts(store: Store, insats: Insats, period: ReportPeriod) -> tuple[ChartSeries, ...]:
    """The charts of a period: participants per month, per kommun and per organisation in
    the period; over the insats's years the people reached per year; and, when there are
    evaluations, their mean per activity type in the period and per year."""
    assert insats.id is not None
    insats_id = insats.id
    years = list(insats.years)
    label = period.label
    with store.file.read():
        summary = period_summary(store, insats, period)
        months = _month_participants(store, insats_id, period)
        over_insats = ReportPeriod(date(years[0], 1, 1), date(years[-1], 12, 31))
        volume = held_volume_per_year(
            store.exports.month_counts(insats_id, over_insats.first, over_insats.last)
        )
        registered = [e for y in years for e in store.reach.entries(insats_id, y)]
        types = _type_distributions(store, insats_id, (period.first, period.last))
        per_year = [
            (y, span_distribution(store.file, insats_id, (date(y, 1, 1), date(y, 12, 31))))
            for y in years
        ]
    charts = [
        participants_per_month(months, label),
        participants_per_kommun(summary, label),
        participants_per_organisation(summary, label),
        reach_per_year(years, volume, registered, "hela insatsen"),
    ]
    for means in (means_per_type(types, label), means_per_year(per_year)):
        if not means.is_empty:
            charts.append(means)
    return tuple(charts)
