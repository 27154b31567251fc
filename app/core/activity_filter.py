"""Filtering and sorting the activity table's rows, in plain Python.

The table model calls these on its whole list at once (no per-cell callbacks),
which keeps sorting and filtering fast even for very large tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.activity_columns import Column, table_columns
from app.core.entities import ActivityRow
from app.core.vocabulary import Status


@dataclass(frozen=True)
class ActivityFilter:
    """What the user filters on. Empty fields do not filter."""

    type_name: str = ""
    place_label: str = ""
    status: Status | None = None
    text: str = ""
    # "Slå ihop serier": one row per series and year (core.series_rows); not a filter.
    merged: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.type_name or self.place_label or self.status or self.text.strip())


def _haystack(row: ActivityRow) -> str:
    return f"{row.title}\n{row.place}\n{row.type_name}\n{row.place_label}".casefold()


class RowIndex:
    """The rows with their sort keys and search texts, each computed once when first needed.

    Column ``i`` sorts by the sort key of ``columns[i]`` (default: the table's columns).
    """

    def __init__(
        self, rows: Sequence[ActivityRow], columns: Sequence[Column] | None = None
    ) -> None:
        self.rows = list(rows)
        self.columns = tuple(columns) if columns is not None else table_columns()
        self._keys: dict[int, list[Any]] = {}
        self._haystacks: list[str] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def keys(self, column: int) -> list[Any]:
        if column not in self._keys:
            order = self.columns[column].order
            self._keys[column] = [order(r) for r in self.rows]
        return self._keys[column]

    def haystacks(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [_haystack(r) for r in self.rows]
        return self._haystacks

    def filter(self, flt: ActivityFilter) -> list[int]:
        """Indices of the rows that pass the filter, in row order."""
        if flt.is_empty:
            return list(range(len(self.rows)))
        words = flt.text.casefold().split()
        hay = self.haystacks() if words else []
        out: list[int] = []
        for i, row in enumerate(self.rows):
            if flt.type_name and row.type_name != flt.type_name:
                continue
            if flt.place_label and row.place_label != flt.place_label:
                continue
            if flt.status is not None and row.status is not flt.status:
                continue
            if words and not all(w in hay[i] for w in words):
                continue
            out.append(i)
        return out

    def sort(self, indices: Sequence[int], column: int, descending: bool) -> list[int]:
        keys = self.keys(column)
        return sorted(indices, key=keys.__getitem__, reverse=descending)
