"""The figures of a span that a goal's measures are taken from (core.goal_progress),
read from what is computed elsewhere and never counted again:

* Totalt nådda (volym), unique individuals and used places: the Uppföljning Finsam
  figures of each piece's year summary (core.finsam_followup), added up over the pieces;
* held activities, in all and per type: the summaries' Nyckeltal and Aktiviteter per typ;
* kommuner per milestone kind: the distinct kommuner of the milestones up to the last day;
* active samverkansgrupper: bildad or aktiv at some time in the last day's year up to
  that day (core.groups, the rule of the groups page and grid);
* the evaluations: the Distribution of every answer within the span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from app.core.evaluation_scale import Distribution
from app.core.finsam_followup import followup_years
from app.core.goal_progress import SpanFigures
from app.core.groups import Group, counts_as_active, status_on
from app.core.milestones import Milestone
from app.core.summary import YearSummary
from app.core.table_keys import TableKey
from app.core.vocabulary import GroupStatus

HELD_ROW = "Genomförda aktiviteter"
HELD_COLUMN = "Genomförda"


def active_up_to(group: Group, last: date) -> bool:
    """Whether the group was bildad or aktiv at some time from 1 January of ``last``'s
    year to ``last``: for 31 December, exactly core.groups.active_in_year."""
    first = date(last.year, 1, 1)
    held = {c.status for c in group.statuses if first <= c.day <= last}
    if group.formed is not None and first <= group.formed <= last:
        held.add(GroupStatus.BILDAD)
    at_start = status_on(group, first)
    if at_start is not None and at_start is not GroupStatus.AVSLUTAD:
        held.add(at_start)
    return any(counts_as_active(s) for s in held)


def active_groups(groups: Iterable[Group], last: date) -> int:
    return sum(1 for g in groups if active_up_to(g, last))


def kommuner_by_milestone(milestones: Iterable[Milestone], last: date) -> dict[str, int]:
    """Per milestone kind, the distinct kommuner with such a milestone up to ``last``."""
    seen: dict[str, set[int]] = {}
    for m in milestones:
        if m.kommun_id is not None and m.day <= last:
            seen.setdefault(m.kind.value, set()).add(m.kommun_id)
    return {kind: len(ids) for kind, ids in seen.items()}


def _held(summary: YearSummary) -> tuple[int, dict[str, int]]:
    key = summary.table(TableKey.NYCKELTAL)
    total = key.value(HELD_ROW, key.columns[0])
    per_type = summary.table(TableKey.AKTIVITETER_TYP)
    col = per_type.columns.index(HELD_COLUMN)
    return total, {r.label: r.values[col] for r in per_type.rows}


def span_figures(
    first: date,
    last: date,
    label: str,
    summaries: Sequence[YearSummary],
    milestones: Iterable[Milestone],
    groups: Iterable[Group],
    evaluation: Distribution,
) -> SpanFigures:
    """The span's figures from the summaries of its pieces (one per calendar year, for
    exactly the span's dates), the insats's milestones and groups, and the span's
    evaluation answers."""
    followups = followup_years(summaries)
    uniques = [f.unique_participants for f in followups if f.unique_participants is not None]
    held = 0
    by_type: dict[str, int] = {}
    for s in summaries:
        n, types = _held(s)
        held += n
        for name, count in types.items():
            by_type[name] = by_type.get(name, 0) + count
    return SpanFigures(
        first=first,
        last=last,
        label=label,
        reach_volume=sum(f.reached for f in followups),
        reach_unique=sum(uniques) if uniques else None,
        held=held,
        held_by_type=by_type,
        kommuner_by_milestone=kommuner_by_milestone(milestones, last),
        active_groups=active_groups(groups, last),
        used_placements=sum(f.placements.used for f in followups if f.placements is not None),
        evaluation=evaluation,
    )
