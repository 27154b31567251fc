"""Which backups to keep: the newest few, then one a week, then one a month.

Pure policy, no files: the store lists the backups it finds, asks which to keep and
removes the rest. The newest backup that passes the check is always kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RotationPolicy:
    keep_last: int = 10
    weekly: int = 12  # the newest backup of each of the 12 latest weeks that have one
    # The newest of each of the 12 latest months. Bounded on purpose: a name erased from
    # the database has left every backup a year later.
    monthly: int | None = 12

    def describe(self) -> str:
        months = (
            "varje månad"
            if self.monthly is None
            else f"var och en av de {self.monthly} senaste månaderna"
        )
        return (
            f"De {self.keep_last} senaste sparas, och därtill den senaste från var och en av "
            f"de {self.weekly} senaste veckorna och från {months}."
        )


DEFAULT_POLICY = RotationPolicy()


def backups_to_keep(
    taken: Iterable[datetime],
    policy: RotationPolicy = DEFAULT_POLICY,
    *,
    newest_good: datetime | None = None,
) -> set[datetime]:
    """The times (of those given) whose backups stay; every other one may be removed.

    ``newest_good`` is the newest backup known to pass the check: it always stays, however
    many newer (damaged) ones there are.
    """
    newest_first = sorted(set(taken), reverse=True)
    keep = set(newest_first[: policy.keep_last])
    if newest_good is not None:
        keep.add(newest_good)
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    for t in newest_first:
        iso = t.isocalendar()
        week = (iso.year, iso.week)
        if week not in weeks:
            weeks.add(week)
            if len(weeks) <= policy.weekly:
                keep.add(t)
        month = (t.year, t.month)
        if month not in months:
            months.add(month)
            if policy.monthly is None or len(months) <= policy.monthly:
                keep.add(t)
    return keep
