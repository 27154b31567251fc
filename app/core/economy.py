"""Budget against outcome: computed here once, shown by the Ekonomi tab, the Excel
export, the PDF and Word reports, ``summary --json`` and Uppföljning Finsam.

For a span of dates (a year, part of one, or a period of years) and per budget line:
the budget (of every calendar year the span touches), the booked costs within the span
(utfall), the planned costs within it, the forecast (utfall + planerat), what is left
(budget − prognos) and how much of the budget is used (utfall / budget). The total row
is the sum of the rows, to the öre. The costs per held activity, per participant
(Totalt nådda, volym) and per unique individual share the span's utfall by figures read
from the year summaries, never counted again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.economy_entities import BudgetAmount, BudgetLine, Cost
from app.core.funding_rules import FundingFinding
from app.core.money import as_kronor, per, share_percent

TITLE = "Budget och utfall"
TOTAL = "Totalt"
LINE_COLUMN = "Budgetrad"
BUDGET, BOOKED, PLANNED, FORECAST, REMAINING, USED = (
    "Budget",
    "Utfall",
    "Planerat",
    "Prognos",
    "Kvar av budget",
    "Förbrukat",
)
COLUMNS = (LINE_COLUMN, BUDGET, BOOKED, PLANNED, FORECAST, REMAINING, USED)
YEAR_COLUMN = "År"
YEAR_COLUMNS = (YEAR_COLUMN, BUDGET, BOOKED, PLANNED, FORECAST, REMAINING, USED)

RATIOS_TITLE = "Kostnad per aktivitet och deltagare"
PER_ACTIVITY = "Kostnad per genomförd aktivitet"
PER_PARTICIPANT = "Kostnad per deltagare (Totalt nådda, volym)"
PER_UNIQUE = "Kostnad per unik individ (namngivna deltagare)"
RATIOS_NOTE = (
    "Utfallet delat med årets genomförda aktiviteter, med Totalt nådda (volym) och med "
    "unika individer bland namngivna deltagare, som de räknas i översikten. Avrundat "
    "till hela kronor. – betyder att det inte finns något att dela med."
)
PART_YEAR_NOTE = (
    "Budgeten räknas för hela kalenderår; utfall och planerat är kostnaderna {first} – {last}."
)


@dataclass(frozen=True)
class EconomyRow:
    """One budget line (or one year, or the total) in öre."""

    label: str
    budget: int
    booked: int
    planned: int
    line_id: int | None = None

    @property
    def forecast(self) -> int:
        return self.booked + self.planned

    @property
    def remaining(self) -> int:
        return self.budget - self.forecast

    @property
    def used_percent(self) -> int | None:
        """Utfall of budget in whole per cent; None without a budget."""
        return share_percent(self.booked, self.budget)

    @property
    def amounts(self) -> tuple[int, int, int, int, int]:
        """Budget, utfall, planerat, prognos, kvar: the money columns in öre."""
        return (self.budget, self.booked, self.planned, self.forecast, self.remaining)

    @property
    def empty(self) -> bool:
        return not (self.budget or self.booked or self.planned)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "line_id": self.line_id,
            "budget": as_kronor(self.budget),
            "utfall": as_kronor(self.booked),
            "planerat": as_kronor(self.planned),
            "prognos": as_kronor(self.forecast),
            "kvar": as_kronor(self.remaining),
            "forbrukat_procent": self.used_percent,
        }


def total_row(rows: Iterable[EconomyRow], label: str = TOTAL) -> EconomyRow:
    rows = list(rows)
    return EconomyRow(
        label,
        sum(r.budget for r in rows),
        sum(r.booked for r in rows),
        sum(r.planned for r in rows),
    )


@dataclass(frozen=True)
class CostRatios:
    """The span's utfall shared by what it reached (whole kronor; None: nothing to
    share by)."""

    booked: int
    held_activities: int
    reached: int
    unique: int | None

    @property
    def per_activity(self) -> int | None:
        return per(self.booked, self.held_activities)

    @property
    def per_participant(self) -> int | None:
        return per(self.booked, self.reached)

    @property
    def per_unique(self) -> int | None:
        return per(self.booked, self.unique)

    def rows(self) -> tuple[tuple[str, int | None, int | None], ...]:
        """(label, kronor per, divided by) in the order every view shows them."""
        return (
            (PER_ACTIVITY, self.per_activity, self.held_activities),
            (PER_PARTICIPANT, self.per_participant, self.reached),
            (PER_UNIQUE, self.per_unique, self.unique),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "utfall": as_kronor(self.booked),
            "genomforda_aktiviteter": self.held_activities,
            "totalt_nadda_volym": self.reached,
            "unika_individer": self.unique,
            "per_aktivitet": self.per_activity,
            "per_deltagare": self.per_participant,
            "per_unik_individ": self.per_unique,
        }


@dataclass(frozen=True)
class Reached:
    """What a span reached, as the year summaries count it (core.goal_figures)."""

    held_activities: int = 0
    reached: int = 0
    unique: int | None = None


@dataclass(frozen=True)
class EconomySummary:
    label: str  # "2025", "2024 (jan–apr)", "2016–2018"
    first: date
    last: date
    rows: tuple[EconomyRow, ...]  # per budget line, in the list's order
    years: tuple[EconomyRow, ...]  # per calendar year of the span ("2016", …)
    ratios: CostRatios
    findings: tuple[FundingFinding, ...] = ()
    note: str = ""
    costs: tuple[Cost, ...] = field(default=(), repr=False)  # the span's costs, by date

    @property
    def total(self) -> EconomyRow:
        return total_row(self.rows)

    @property
    def has_figures(self) -> bool:
        return not self.total.empty

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "first_day": self.first.isoformat(),
            "last_day": self.last.isoformat(),
            "rows": [r.to_dict() for r in self.rows],
            "total": self.total.to_dict(),
            "years": [r.to_dict() for r in self.years],
            "ratios": self.ratios.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "note": self.note,
        }


def _in_span(cost: Cost, first: date, last: date) -> bool:
    return first <= cost.day <= last


def economy_summary(
    label: str,
    first: date,
    last: date,
    lines: Sequence[BudgetLine],
    budgets: Iterable[BudgetAmount],
    costs: Iterable[Cost],
    reached: Reached,
    findings: Sequence[FundingFinding] = (),
) -> EconomySummary:
    """The span's budget against outcome. ``budgets`` of years outside the span and
    ``costs`` outside its dates are ignored; a line that is inactive and has nothing
    in the span is left out; the rest are shown, empty or not, in the list's order."""
    years = range(first.year, last.year + 1)
    budget_of: dict[tuple[int, int], int] = {}
    for b in budgets:
        if b.year in years:
            budget_of[(b.year, b.line_id)] = budget_of.get((b.year, b.line_id), 0) + b.amount
    within = sorted(
        (c for c in costs if _in_span(c, first, last)), key=lambda c: (c.day, c.id or 0)
    )
    rows: list[EconomyRow] = []
    for line in sorted(lines, key=lambda x: (x.sort_order, x.id or 0)):
        assert line.id is not None
        row = EconomyRow(
            line.name,
            sum(v for (_, lid), v in budget_of.items() if lid == line.id),
            sum(c.amount for c in within if c.line_id == line.id and not c.planned),
            sum(c.amount for c in within if c.line_id == line.id and c.planned),
            line.id,
        )
        if line.active or not row.empty:
            rows.append(row)
    per_year = tuple(
        EconomyRow(
            str(y),
            sum(v for (year, _), v in budget_of.items() if year == y),
            sum(c.amount for c in within if c.year == y and not c.planned),
            sum(c.amount for c in within if c.year == y and c.planned),
        )
        for y in years
    )
    whole_years = first == date(first.year, 1, 1) and last == date(last.year, 12, 31)
    note = (
        "" if whole_years else PART_YEAR_NOTE.format(first=first.isoformat(), last=last.isoformat())
    )
    booked = sum(r.booked for r in rows)
    in_span = {id(c) for c in within}
    return EconomySummary(
        label=label,
        first=first,
        last=last,
        rows=tuple(rows),
        years=per_year,
        ratios=CostRatios(booked, reached.held_activities, reached.reached, reached.unique),
        findings=tuple(
            f for f in findings if id(f.cost) in in_span or _in_span(f.cost, first, last)
        ),
        note=note,
        costs=tuple(within),
    )
