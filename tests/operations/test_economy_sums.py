"""Budget against outcome adds up, over every year and the whole insats of the demo and
of generated data: each line's figures are the sums of its own budgets and costs, the
total is the sum of the lines, the years add up to the period, and the ratios share the
utfall by the figures Måluppfyllelse reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.core.economy import EconomySummary
from app.core.money import per
from app.operations.economy import insats_economy, span_economy, year_economy
from app.operations.goal_progress import spans_figures
from app.store.database import Store
from tests.data_sources import SOURCES, source_store

SEED = 20261215


@pytest.fixture(scope="module", params=SOURCES)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with source_store(request.param, tmp_path_factory, SEED) as s:
        yield s


def _spans(store: Store) -> list[tuple[EconomySummary, date, date]]:
    insats = store.reference.current_insats()
    assert insats is not None
    out = [(year_economy(store, insats, y), date(y, 1, 1), date(y, 12, 31)) for y in insats.years]
    out.append((insats_economy(store, insats), insats.start, insats.end))
    return out


def test_each_line_is_the_sum_of_its_own_budgets_and_costs(store: Store) -> None:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    costs = store.economy.costs(insats.id)
    budgets = store.economy.budgets(insats.id)
    for economy, first, last in _spans(store):
        for row in economy.rows:
            within = [c for c in costs if c.line_id == row.line_id and first <= c.day <= last]
            assert row.booked == sum(c.amount for c in within if not c.planned)
            assert row.planned == sum(c.amount for c in within if c.planned)
            assert row.budget == sum(
                b.amount
                for b in budgets
                if b.line_id == row.line_id and first.year <= b.year <= last.year
            )
            assert row.forecast == row.booked + row.planned
            assert row.remaining == row.budget - row.forecast


def test_total_is_the_sum_of_the_lines_and_of_the_years(store: Store) -> None:
    for economy, _, _ in _spans(store):
        total = economy.total
        for i in range(5):
            assert total.amounts[i] == sum(r.amounts[i] for r in economy.rows)
            assert total.amounts[i] == sum(y.amounts[i] for y in economy.years)


def test_no_cost_or_budget_is_left_out(store: Store) -> None:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    economy = insats_economy(store, insats)
    costs = store.economy.costs(insats.id)
    assert economy.total.booked + economy.total.planned == sum(c.amount for c in costs)
    assert economy.total.budget == sum(b.amount for b in store.economy.budgets(insats.id))
    assert len(economy.costs) == len(costs)


def test_ratios_share_the_utfall_by_the_figures_of_goal_progress(store: Store) -> None:
    insats = store.reference.current_insats()
    assert insats is not None
    for economy, first, last in _spans(store):
        (figures,) = spans_figures(store, insats, [(first, last)])
        r = economy.ratios
        assert r.booked == economy.total.booked
        assert r.per_activity == per(r.booked, figures.held)
        assert r.per_participant == per(r.booked, figures.reach_volume)
        assert r.per_unique == per(r.booked, figures.reach_unique)


def test_a_span_within_a_year_takes_the_costs_of_its_dates_only(store: Store) -> None:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    year = insats.years[1]
    first, last = date(year, 3, 1), date(year, 6, 30)
    economy = span_economy(store, insats, first, last)
    costs = store.economy.costs(insats.id, first, last)
    assert all(first <= c.day <= last for c in costs)
    assert economy.total.booked == sum(c.amount for c in costs if not c.planned)
    assert "hela kalenderår" in economy.note
