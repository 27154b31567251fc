"""Bringing a set of stored rows to a wanted list without touching the rows that stay.

A save that replaced a list wholesale (delete all, insert all) gave every unchanged row
a new id, so "open and save unchanged" was not the identity. Here each wanted item is
paired with a stored row of the same content, which is kept as it is; only rows no item
wants are deleted and only items no row holds are inserted.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from sqlalchemy.orm import Session

Row = TypeVar("Row")
Item = TypeVar("Item")


def sync_rows(
    s: Session,
    stored: Iterable[Row],
    wanted: Sequence[Item],
    row_key: Callable[[Row], Hashable],
    item_key: Callable[[Item], Hashable],
    make: Callable[[Item], Row],
) -> None:
    """Make ``stored`` (rows in session ``s``) hold exactly ``wanted``, compared by key.

    Rows no item wants are deleted (and flushed) before new rows are inserted, so a
    changed row may take the place of one under a unique constraint.
    """
    free: dict[Hashable, list[Row]] = {}
    for row in stored:
        free.setdefault(row_key(row), []).append(row)
    new: list[Item] = []
    for item in wanted:
        same = free.get(item_key(item))
        if same:
            same.pop(0)
        else:
            new.append(item)
    for rows in free.values():
        for row in rows:
            s.delete(row)
    s.flush()
    s.add_all(make(item) for item in new)
