"""The Ändringslogg as the window, the command line and the Excel export show it.

One line per field changed: when, who, what edit, which record, the field, before
and after. Ids of named records (kommun, organisation, type, group) are shown by
name; a record's name comes from the database as it is now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.core.changes import (
    OP_WORDS,
    REFERENCES,
    TAB_TITLES,
    ChangeSet,
    RowChange,
    default_identity,
    field_label,
    kind_of,
    shown_value,
)
from app.core.progress import Progress
from app.store.database import Store

HEADERS = ("Tid", "Användare", "Ändring", "Flik", "Post", "Händelse", "Fält", "Före", "Efter")


@dataclass(frozen=True)
class LogLine:
    set_id: int
    at: datetime
    user: str
    label: str
    tab: str
    record: str
    event: str
    field: str
    before: str
    after: str

    def cells(self) -> tuple[str, ...]:
        return (
            self.at.strftime("%Y-%m-%d %H:%M"),
            self.user,
            self.label,
            self.tab,
            self.record,
            self.event,
            self.field,
            self.before,
            self.after,
        )


def status_text(change_set: ChangeSet) -> str:
    """What the log says of a set beside its label."""
    if change_set.locked:
        return "kan inte ångras"
    if change_set.undone_by is not None:
        return "ångrad"
    return ""


class _Names:
    """Names of the records ids point at, each table read once when first needed."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._tables: dict[str, dict[Any, str]] = {}

    def __call__(self, table: str, record_id: Any) -> str | None:
        if table not in self._tables:
            self._tables[table] = self._store.changes.names(table)
        return self._tables[table].get(record_id)

    def value(self, column: str, value: Any) -> str:
        table = REFERENCES.get(column)
        if table is not None and value is not None:
            name = self(table, value)
            if name:
                return name
        return shown_value(value)


def _record_text(change: RowChange, names: _Names) -> str:
    kind = kind_of(change.table)
    row = change.after or change.before or {}
    if change.table == "person":
        return f"{kind.one} nr {change.key[0]}"  # a person's name is not copied here
    if kind.parent is None:
        identity = default_identity(change.table, row, names)
        if identity:
            return f"{kind.one} {identity}"
    else:
        parent_table, column = kind.parent
        parent = names(parent_table, row.get(column))
        if parent:
            return f"{kind.one} i {kind_of(parent_table).one} {parent}"
    return f"{kind.one} {' '.join(str(k) for k in change.key)}"


def lines_of(
    store: Store,
    change_set: ChangeSet,
    names: _Names | None = None,
    limit: int | None = None,
) -> list[LogLine]:
    """The set's lines, one per field; with ``limit``, the first so many (an import of
    thousands of activities is shown in part on screen, whole in the export)."""
    names = names or _Names(store)
    tab = TAB_TITLES.get(change_set.tab or "", "")
    label = change_set.label
    status = status_text(change_set)
    if status:
        label = f"{label} ({status})"
    out: list[LogLine] = []
    for change in store.changes.changes(change_set.id, limit):
        record = _record_text(change, names)
        event = OP_WORDS[change.op]
        for f in change.fields():
            if f.column == "id":
                continue
            out.append(
                LogLine(
                    change_set.id,
                    change_set.at,
                    change_set.user,
                    label,
                    tab,
                    record,
                    event,
                    field_label(f.column),
                    names.value(f.column, f.before) if change.before is not None else "",
                    names.value(f.column, f.after) if change.after is not None else "",
                )
            )
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out


def log_lines(
    store: Store,
    *,
    record: tuple[str, tuple[Any, ...]] | None = None,
    day: date | None = None,
    limit: int | None = None,
) -> list[LogLine]:
    names = _Names(store)
    return [
        line
        for s in store.changes.sets(record=record, day=day, limit=limit)
        for line in lines_of(store, s, names)
    ]


def export_log(
    store: Store,
    path: Path,
    *,
    record: tuple[str, tuple[Any, ...]] | None = None,
    day: date | None = None,
    progress: Progress | None = None,
) -> int:
    """The log (or the part chosen) as an Excel sheet; returns how many lines."""
    from app.reports.change_log_excel import write_change_log

    lines = log_lines(store, record=record, day=day)
    write_change_log(path, HEADERS, [line.cells() for line in lines], progress)
    return len(lines)


def undo_set(store: Store, set_id: int) -> ChangeSet:
    """Undo one change from the log window (any change, also one from an earlier day)."""
    original = store.changes.get(set_id)
    return store.changes.revert(set_id, f"ångra {original.label}")
