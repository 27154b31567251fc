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
from app.store.evaluation_groups import distributions_by_type, distributions_by_year


def _month_participants(store: Store, insats_id: int, period: ReportPeriod) -> SummaryTable:
    """The month table of participants for exactly the period's dates (as exported)."""
    counts = store.exports.month_counts(insats_id, period.first, period.last)
    years = period.year_list
    tables = month_table(counts, years, total_column=len(years) > 1, months=months_covered(period))
    return next(t for t in tables if t.key == MONTH_PARTICIPANTS_KEY)


def _type_distributions(store: Store, insats_id: int, span: Span) -> list[tuple[str, Distribution]]:
    """Every evaluation answer of the span's held activities, per activity type (in the
    types' order)."""
    found = distributions_by_type(store.file, insats_id, span)
    return [
        (t.name, found[t.id])
        for t in store.reference.activity_types(include_inactive=True)
        if t.id in found
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


def insats_charts(store: Store, insats: Insats) -> tuple[ChartSeries, ...]:
    """The charts over the insats's years, whatever the period: the people reached per
    year and, when there are evaluations, their mean per year."""
    assert insats.id is not None
    insats_id = insats.id
    years = list(insats.years)
    span = (date(years[0], 1, 1), date(years[-1], 12, 31))
    with store.file.read():
        volume = held_volume_per_year(store.exports.month_counts(insats_id, *span))
        registered = [e for y in years for e in store.reach.entries(insats_id, y)]
        per_year = distributions_by_year(store.file, insats_id, span)
    charts = [reach_per_year(years, volume, registered, "hela insatsen")]
    means = means_per_year((y, per_year[y]) for y in years if y in per_year)
    if not means.is_empty:
        charts.append(means)
    return tuple(charts)


def period_charts(
    store: Store,
    insats: Insats,
    period: ReportPeriod,
    over_insats: tuple[ChartSeries, ...] | None = None,
) -> tuple[ChartSeries, ...]:
    """The charts of a period: participants per month, per kommun and per organisation in
    the period, the charts over the insats (``insats_charts``; ``over_insats`` when they
    are read already) and, when there are evaluations, their mean per activity type in
    the period."""
    assert insats.id is not None
    label = period.label
    with store.file.read():
        summary = period_summary(store, insats, period)
        months = _month_participants(store, insats.id, period)
        types = _type_distributions(store, insats.id, (period.first, period.last))
        if over_insats is None:
            over_insats = insats_charts(store, insats)
    charts = [
        participants_per_month(months, label),
        participants_per_kommun(summary, label),
        participants_per_organisation(summary, label),
        over_insats[0],
    ]
    means = means_per_type(types, label)
    if not means.is_empty:
        charts.append(means)
    return (*charts, *over_insats[1:])
