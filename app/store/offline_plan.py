"""A merge's plan (app.store.offline_merge): what would be added, updated and deleted
on the server, what is kept as the server has it, and the conflicts for the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.store.offline_copy import BaseEntry, Key, RecordState


@dataclass(frozen=True)
class FieldDifference:
    column: str
    label: str
    server: str
    mine: str


@dataclass(frozen=True)
class Entry:
    table: str
    copy_id: int
    server_id: int | None
    name: str


@dataclass(frozen=True)
class Conflict:
    entry: Entry
    fields: tuple[FieldDifference, ...]
    server_deleted: bool = False
    copy_deleted: bool = False

    @property
    def key(self) -> Key:
        return (self.entry.table, self.entry.copy_id)


@dataclass
class MergePlan:
    added: list[Entry] = field(default_factory=list)
    updated: list[Entry] = field(default_factory=list)
    deleted: list[Entry] = field(default_factory=list)
    kept: list[Entry] = field(default_factory=list)  # changed only on the server
    conflicts: list[Conflict] = field(default_factory=list)
    base: dict[Key, BaseEntry] = field(default_factory=dict)
    mine: dict[Key, RecordState] = field(default_factory=dict)
    theirs: dict[Key, RecordState] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.deleted or self.conflicts)
