"""Budget against outcome read from the store, for the Ekonomi tab, the Excel export, the
reports, ``summary --json`` and Uppföljning Finsam. No Qt.

The costs per activity and participant are shared by the span's figures as
Måluppfyllelse reads them (operations.goal_progress.spans_figures): the held activities,
Totalt nådda (volym) and the unique individuals of the year summaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from app.core.economy import EconomyRow, EconomySummary, Reached, economy_summary
from app.core.economy_entities import Cost
from app.core.entities import Insats
from app.core.funding_rules import FundingFinding, check_costs
from app.core.report_period import span_label
from app.core.summary import YearSummary
from app.core.vocabulary import OrgCategory

if TYPE_CHECKING:
    from app.store.database import Store


def asf_names(store: Store, insats: Insats) -> list[str]:
    """The names of the förbund's organisations of the category ASF."""
    assert insats.forbund_id is not None
    return [
        o.name
        for o in store.reference.organisations(insats.forbund_id)
        if o.category is OrgCategory.ASF
    ]


def findings(
    store: Store, insats: Insats, costs: Iterable[Cost] | None = None
) -> list[FundingFinding]:
    """Every funding-rule finding of the insats's costs (or of ``costs``, some of
    them), with the user's notes."""
    assert insats.id is not None
    economy = store.economy
    return check_costs(
        economy.costs(insats.id) if costs is None else costs,
        economy.lines(),
        asf_names=asf_names(store, insats),
        notes=economy.notes(insats.id),
    )


def span_economy(
    store: Store,
    insats: Insats,
    first: date,
    last: date,
    label: str | None = None,
    summaries: Iterable[YearSummary] = (),
) -> EconomySummary:
    """Budget against outcome from ``first`` to ``last`` (within the insats's dates),
    its costs per activity and participant, and the findings of its costs, all read in
    one snapshot. ``summaries`` are the caller's own piece summaries, used where the
    dates agree."""
    from app.operations.goal_progress import spans_figures

    assert insats.id is not None
    economy = store.economy
    with store.file.snapshot():
        (figures,) = spans_figures(store, insats, [(first, last)], summaries)
        costs = economy.costs(insats.id, first, last)
        lines = economy.lines()
        found = check_costs(
            costs, lines, asf_names=asf_names(store, insats), notes=economy.notes(insats.id)
        )
        budgets = economy.budgets(insats.id, range(first.year, last.year + 1))
    return economy_summary(
        label or span_label(first, last),
        first,
        last,
        lines,
        budgets,
        costs,
        Reached(figures.held, figures.reach_volume, figures.reach_unique),
        found,
    )


def year_economy(store: Store, insats: Insats, year: int) -> EconomySummary:
    """The calendar year's budget against outcome (the Ekonomi tab's year)."""
    return span_economy(store, insats, date(year, 1, 1), date(year, 12, 31), str(year))


def insats_economy(store: Store, insats: Insats) -> EconomySummary:
    """The whole insats's period."""
    return span_economy(store, insats, insats.start, insats.end)


def report_economy(
    store: Store,
    insats: Insats,
    first: date,
    last: date,
    summaries: Iterable[YearSummary] = (),
) -> EconomySummary | None:
    """The Ekonomi of an export's or a report's dates; None when the insats has neither
    a budget nor a cost in them (the section is then left out)."""
    economy = span_economy(store, insats, first, last, summaries=summaries)
    return economy if economy.has_figures else None


def followup_economy(economy: EconomySummary | None) -> dict[int, EconomyRow]:
    """Each calendar year's row of budget against outcome, by year, for Uppföljning
    Finsam: the rows of ``economy.years`` as core computed them (nothing summed again);
    empty without an economy."""
    if economy is None:
        return {}
    return {int(row.label): row for row in economy.years}
