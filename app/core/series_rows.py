"""The activity table's series, compactly: the Serie column's text ("↻ 3/12") and the
rows of "Slå ihop serier" (one row per series and year: first–last date, "12
tillfällen, 5 genomförda", the participants summed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import time

from app.core.entities import ActivityRow
from app.core.vocabulary import Status
from app.core.wording import count_noun

MARK = "↻"


def series_text(row: ActivityRow) -> str:
    """'↻ 3/12' for an occurrence, '↻ 12 tillfällen, 5 genomförda' for a merged row,
    '' for a single activity."""
    if row.merged is not None:
        n, held = row.merged
        return f"{MARK} {count_noun(n, 'tillfälle', 'tillfällen')}, {held} genomförda"
    if row.series_place is not None:
        n, total = row.series_place
        return f"{MARK} {n}/{total}"
    return ""


def series_order(row: ActivityRow) -> tuple[int, int]:
    """The Serie column's order: single activities first, then by series and place."""
    if row.series_id is None:
        return (0, 0)
    return (row.series_id, row.series_place[0] if row.series_place else 0)


def _common(values: Sequence[time | None]) -> time | None:
    return values[0] if len(set(values)) == 1 else None


def merge_series(rows: Sequence[ActivityRow]) -> list[ActivityRow]:
    """One row per series and year among ``rows`` (in the place of its first occurrence);
    single activities as they are. A merged row has the first occurrence's id, its
    span runs from the first occurrence to the last, its participants are the sum, and
    a field the occurrences do not share is the first occurrence's (a status the most
    common one)."""
    groups: dict[tuple[int, int], list[ActivityRow]] = {}
    out: list[ActivityRow | tuple[int, int]] = []
    for row in rows:
        if row.series_id is None:
            out.append(row)
            continue
        key = (row.series_id, row.start.year)
        if key not in groups:
            groups[key] = []
            out.append(key)
        groups[key].append(row)
    return [item if isinstance(item, ActivityRow) else _merged(groups[item]) for item in out]


def _merged(occurrences: list[ActivityRow]) -> ActivityRow:
    first = occurrences[0]
    if len(occurrences) == 1 and first.series_place is None:
        return first
    last = max(occurrences, key=lambda r: (r.end or r.start, r.id))
    statuses = Counter(r.status for r in occurrences)
    held = statuses.get(Status.GENOMFORD, 0)
    return replace(
        first,
        end=last.end or last.start,
        status=statuses.most_common(1)[0][0],
        participants=sum(r.participants for r in occurrences),
        start_time=_common([r.start_time for r in occurrences]),
        end_time=_common([r.end_time for r in occurrences]),
        steps=(),
        date_approximate=any(r.date_approximate for r in occurrences),
        counts_approximate=any(r.counts_approximate for r in occurrences),
        series_place=None,
        merged=(len(occurrences), held),
    )
