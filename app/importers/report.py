"""What an import found: the activities it can add, those it would change, the rows it
cannot read, the duplicates."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.core.entities import Activity, ActivityType, Insats, Kommun, Organisation
from app.importers.changes import Difference, check_update, differences, updated_activity
from app.importers.mapping import ColumnMapping

# (start date, folded title, scope, kommun id): two activities with the same key are one.
DuplicateKey = tuple[date, str, str, int | None]


def duplicate_key(activity: Activity) -> DuplicateKey:
    return (
        activity.start,
        " ".join(activity.title.split()).casefold(),
        activity.scope.value,
        activity.kommun_id,
    )


class SourceKind(StrEnum):
    EXCEL = "excel"
    CSV = "csv"
    ICS = "ics"

    @property
    def label(self) -> str:
        return {"excel": "Excel-fil", "csv": "CSV-fil", "ics": "kalenderfil"}[self.value]


@dataclass(frozen=True)
class ImportContext:
    """What the importer needs to know about the database, read once before it starts."""

    insats: Insats
    types: tuple[ActivityType, ...]
    kommuner: tuple[Kommun, ...]
    organisations: tuple[Organisation, ...]
    # The stored activities by key (or only their keys: then nothing is ever "ändrad").
    existing: Collection[DuplicateKey] | Mapping[DuplicateKey, Activity] = frozenset()
    today: date = field(default_factory=date.today)

    @property
    def insats_id(self) -> int:
        if self.insats.id is None:
            raise ValueError("the insats must be stored")
        return self.insats.id

    def type_name(self, type_id: int) -> str:
        return next((t.name for t in self.types if t.id == type_id), "?")

    def kommun_name(self, kommun_id: int | None) -> str:
        return next((k.name for k in self.kommuner if k.id == kommun_id), "")

    def organisation_name(self, organisation_id: int) -> str:
        return next((o.name for o in self.organisations if o.id == organisation_id), "?")

    def stored(self, k: DuplicateKey) -> Activity | None:
        """The stored activity with key ``k``, when the context has the activities."""
        return self.existing.get(k) if isinstance(self.existing, Mapping) else None


@dataclass(frozen=True, slots=True)
class AcceptedRow:
    """A row (or calendar event) that became an activity, ready to store."""

    row: int
    label: str  # "Rad 14" or "Händelse 3"
    activity: Activity
    type_guessed: bool = False
    # The row's own warnings (also in the report's), but for the guessed type's.
    warnings: tuple[str, ...] = ()
    # What the row gives, as app.importers.changes names it: compared with a stored match.
    given: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RejectedRow:
    row: int
    label: str
    reasons: tuple[str, ...]
    content: str = ""  # what the row holds, for the user to recognise it

    def __str__(self) -> str:
        return f"{self.label}: {'; '.join(self.reasons)}"


@dataclass(frozen=True)
class DuplicateRow:
    accepted: AcceptedRow
    reason: str  # "finns redan i databasen" or "samma som rad 12"

    def __str__(self) -> str:
        a = self.accepted.activity
        return f"{self.accepted.label}: {a.start.isoformat()} {a.title} — {self.reason}"


@dataclass(frozen=True)
class ChangedRow:
    """A row matching a stored activity whose fields differ: *ändrad*."""

    accepted: AcceptedRow
    stored: Activity
    updated: Activity  # the stored activity as the import would leave it
    differences: tuple[Difference, ...]

    def __str__(self) -> str:
        a = self.accepted.activity
        return f"{self.accepted.label}: {a.start.isoformat()} {a.title}"


@dataclass
class ImportReport:
    source_name: str
    kind: SourceKind
    mapping: ColumnMapping | None = None
    accepted: list[AcceptedRow] = field(default_factory=list)
    changed: list[ChangedRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # totals rows and the like
    warnings: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return len(self.accepted) + len(self.changed) + len(self.duplicates) + len(self.rejected)

    @property
    def readable(self) -> bool:
        """Whether anything at all could be read from the file."""
        return bool(self.accepted or self.changed or self.duplicates)

    def to_update(self, update_changed: bool) -> list[Activity]:
        """The stored activities as the import leaves them (none unless asked for)."""
        return [c.updated for c in self.changed] if update_changed else []

    def to_import(self, include_duplicates: bool = False) -> list[AcceptedRow]:
        """The rows to store, in file order."""
        rows = list(self.accepted)
        if include_duplicates:
            rows += [d.accepted for d in self.duplicates]
            rows.sort(key=lambda r: r.row)
        return rows

    def series(self, include_duplicates: bool = False) -> int:
        """How many series (recurring calendar events) the rows to store make: "N serier"."""
        rows = self.to_import(include_duplicates)
        return len({r.activity.series_id for r in rows if r.activity.series_id is not None})

    def activities(self, include_duplicates: bool = False) -> list[Activity]:
        return [r.activity for r in self.to_import(include_duplicates)]

    def set_type(self, row: int, type_id: int) -> None:
        """Change the type of an accepted (or duplicate) row: the user confirmed a guess."""
        for i, r in enumerate(self.accepted):
            if r.row == row:
                activity = replace(r.activity, type_id=type_id)
                self.accepted[i] = replace(r, activity=activity)
                return
        for i, d in enumerate(self.duplicates):
            if d.accepted.row == row:
                activity = replace(d.accepted.activity, type_id=type_id)
                new = replace(d.accepted, activity=activity)
                self.duplicates[i] = replace(d, accepted=new)
                return
        raise KeyError(row)


def split_rows(rows: Iterable[AcceptedRow], context: ImportContext, report: ImportReport) -> None:
    """Sort the rows into the report: new; *ändrad* (a stored activity whose fields the
    row would change); already there; repeating an earlier row of the file; or a change
    that cannot be stored (rejected, with the reason)."""
    seen: dict[DuplicateKey, AcceptedRow] = {}

    def repeat(r: AcceptedRow, k: DuplicateKey) -> DuplicateRow:
        first = seen[k].label
        return DuplicateRow(r, f"samma som {first[:1].lower()}{first[1:]}")

    for r in rows:
        k = duplicate_key(r.activity)
        if k not in context.existing:
            if k in seen:
                report.duplicates.append(repeat(r, k))
            else:
                seen[k] = r
                report.accepted.append(r)
            continue
        stored = context.stored(k)
        updated = updated_activity(stored, r.activity, r.given) if stored else None
        found = (
            differences(stored, updated, context.type_name, context.organisation_name)
            if stored and updated
            else []
        )
        if not found or stored is None or updated is None:
            report.duplicates.append(DuplicateRow(r, "finns redan i databasen"))
        elif k in seen:
            report.duplicates.append(repeat(r, k))
        elif problems := check_update(updated):
            seen[k] = r
            reasons = ("finns redan, men ändringen går inte att spara", *problems)
            report.rejected.append(RejectedRow(r.row, r.label, reasons))
        else:
            seen[k] = r
            report.changed.append(ChangedRow(r, stored, updated, tuple(found)))


def split_duplicates(
    rows: Iterable[AcceptedRow], existing: Collection[DuplicateKey]
) -> tuple[list[AcceptedRow], list[DuplicateRow]]:
    """Rows already in the database, or repeating an earlier row of the file, apart."""
    seen: dict[DuplicateKey, AcceptedRow] = {}
    fresh: list[AcceptedRow] = []
    duplicates: list[DuplicateRow] = []
    for r in rows:
        k = duplicate_key(r.activity)
        if k in existing:
            duplicates.append(DuplicateRow(r, "finns redan i databasen"))
        elif k in seen:
            first = seen[k].label
            duplicates.append(DuplicateRow(r, f"samma som {first[:1].lower()}{first[1:]}"))
        else:
            seen[k] = r
            fresh.append(r)
    return fresh, duplicates
