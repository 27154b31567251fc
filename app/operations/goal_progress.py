"""Måluppfyllelse read from the store: the figures of each measure's span (the year
summaries of its pieces, the milestones, the groups, the evaluations' answers) handed
to core.goal_progress, for the Årsplan page, the Excel export, the board report and
``summary --json``. No Qt.

A year-plan goal's measures cover its year (in a report ending within the year: up to
the report's last day); the insats's own measures cover the insats from its start to
the shown year's end or the report's last day (the whole insats in the final report).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from app.core.entities import Insats
from app.core.goal_figures import span_figures
from app.core.goal_progress import (
    TITLE,
    GoalMeasure,
    GoalProgressTable,
    MeasureProgress,
    SpanFigures,
    goal_label,
    measure_rows,
    progress_table,
    spans_note,
)
from app.core.groups import Group
from app.core.milestones import Milestone
from app.core.piece_summary import build_piece_summary
from app.core.report_period import PeriodPiece, ReportPeriod, span_label
from app.core.summary import YearSummary
from app.core.year_record import YearRecordInputs

if TYPE_CHECKING:
    from app.store.database import Store

Span = tuple[date, date]


class _Figures:
    """The figures of spans, each summary read once (or taken from the caller's)."""

    def __init__(self, store: Store, insats: Insats, known: Iterable[YearSummary] = ()) -> None:
        assert insats.id is not None
        self.store = store
        self.insats = insats
        self.insats_id = insats.id
        self.summaries: dict[Span, YearSummary] = {(s.first, s.last): s for s in known}
        self._milestones: list[Milestone] | None = None  # read when first needed
        self._groups: Sequence[Group] | None = None
        types = store.reference.activity_types(include_inactive=True)
        self.type_names = {t.id: t.name for t in types if t.id is not None}
        self._types = [t.name for t in types]

    def _summary(self, piece: PeriodPiece) -> YearSummary:
        key = (piece.first, piece.last)
        if key not in self.summaries:
            self.summaries[key] = self._outcome_summary(piece)
        return self.summaries[key]

    def _outcome_summary(self, piece: PeriodPiece) -> YearSummary:
        """The piece's summary as store.summaries.piece_summary computes it, with only the
        record the outcomes are read from (the reach, the unique individuals, the
        placements) and no comparison: the same core functions, so the same figures in
        the tables read (Nyckeltal, Aktiviteter per typ, Nådda personer, Placeringar);
        only what no measure reads (groups, plan, county statistics, findings of the
        rest) is not read."""
        store, insats_id, insats = self.store, self.insats_id, self.insats
        assert insats.forbund_id is not None
        year, per_year = piece.year, piece.covers_year
        span = None if piece.whole_year else (piece.first, piece.last)
        kommuner = store.reference.kommuner(insats.forbund_id)
        inputs = YearRecordInputs(
            insats=insats,
            kommun_names={k.id: k.name for k in kommuner if k.id is not None},
            organisation_names={},
            registered=store.reach.entries(insats_id, year) if per_year else (),
            unique_individuals=store.reach.unique_participants(insats_id, year, span),
            placements=store.placements.list(insats_id, year) if per_year else (),
        )
        facts = store.summaries.facts(insats_id, year, span)
        return build_piece_summary(piece, facts, None, inputs, insats.name, (), self._types)

    def of(self, first: date, last: date) -> SpanFigures:
        from app.store.evaluation_totals import span_distribution

        if self._milestones is None or self._groups is None:
            self._milestones = self.store.milestones.list(self.insats_id)
            self._groups = self.store.groups.list(self.insats_id)
        pieces = ReportPeriod(first, last).pieces(self.insats.start, self.insats.end)
        summaries = [self._summary(p) for p in pieces]
        return span_figures(
            first,
            last,
            span_label(first, last),
            summaries,
            self._milestones,
            self._groups,
            span_distribution(self.store.file, self.insats_id, (first, last)),
        )


def _year_rows(
    figures: _Figures, years: Sequence[int], last: date, with_year: bool
) -> tuple[list[MeasureProgress], list[str]]:
    store, insats_id = figures.store, figures.insats_id
    rows: list[MeasureProgress] = []
    spans: list[str] = []
    for year in years:
        by_goal: Mapping[int, list[GoalMeasure]] = store.goal_measures.for_year(insats_id, year)
        if not by_goal:
            continue
        span = figures.of(date(year, 1, 1), min(date(year, 12, 31), last))
        spans.append(span.label)
        for goal in store.plan.goals(insats_id, year):
            measures = by_goal.get(goal.id or 0, [])
            label = goal_label(year, goal.text, with_year)
            rows += measure_rows(label, measures, span, figures.type_names)
    return rows, spans


def _insats_rows(figures: _Figures, last: date) -> tuple[list[MeasureProgress], str | None]:
    insats = figures.insats
    measures = figures.store.goal_measures.for_goal(figures.insats_id, None)
    end = min(insats.end, last)
    if not measures or end < insats.start:
        return [], None
    span = figures.of(insats.start, end)
    return measure_rows(goal_label(None, "", False), measures, span, figures.type_names), span.label


def _table(
    title: str, rows: list[MeasureProgress], year_spans: list[str], insats_span: str | None
) -> GoalProgressTable:
    return progress_table(title, rows, spans_note(year_spans, insats_span))


def year_progress(store: Store, insats_id: int, year: int) -> GoalProgressTable:
    """The Årsplan page's table: the year's goals' measures over the year, and the
    insats's own measures from its start to the year's end."""
    with store.file.snapshot():
        return _year_progress(store, insats_id, year)


def _year_progress(store: Store, insats_id: int, year: int) -> GoalProgressTable:
    insats = store.reference.insats(insats_id)
    figures = _Figures(store, insats)
    rows, year_spans = _year_rows(figures, [year], date(year, 12, 31), with_year=False)
    own, insats_span = _insats_rows(figures, date(year, 12, 31))
    return _table(f"{TITLE} {year}", rows + own, year_spans, insats_span)


def report_progress(
    store: Store, insats_id: int, period: ReportPeriod, summaries: Iterable[YearSummary] = ()
) -> GoalProgressTable | None:
    """The report's (and the workbook's) table over ``period``: the goals of each of
    its years and the insats's own measures up to its last day; None without measures.
    ``summaries`` are the report's own piece summaries, used where the dates agree."""
    with store.file.snapshot():
        return _report_progress(store, insats_id, period, summaries)


def _report_progress(
    store: Store, insats_id: int, period: ReportPeriod, summaries: Iterable[YearSummary]
) -> GoalProgressTable | None:
    if store.goal_measures.count(insats_id) == 0:
        return None
    insats = store.reference.insats(insats_id)
    figures = _Figures(store, insats, summaries)
    years = period.year_list
    rows, year_spans = _year_rows(figures, years, period.last, with_year=len(years) > 1)
    own, insats_span = _insats_rows(figures, period.last)
    if not rows and not own:
        return None
    return _table(f"{TITLE} {period.label}", rows + own, year_spans, insats_span)


def spans_figures(
    store: Store,
    insats: Insats,
    spans: Sequence[tuple[date, date]],
    summaries: Iterable[YearSummary] = (),
) -> list[SpanFigures]:
    """The figures of each span as Måluppfyllelse reads them (the held activities, Totalt
    nådda and unique individuals of the spans' year summaries): for Ekonomi's costs per
    activity and participant, which must agree with them."""
    with store.file.snapshot():
        figures = _Figures(store, insats, summaries)
        return [figures.of(first, last) for first, last in spans]
