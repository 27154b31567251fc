"""Importing activities: read a file, see what it would do, store it all or nothing.

The window (app/ui/import_dialog.py) and the command line (app/cli_import.py) both go
through these functions, so a file gives the same report and the same result in both:

    loaded = read_import(store, insats, path, kind_for(path))
    ...  # show loaded.report; the user may change the mapping: reread(loaded, mapping)
    outcome = commit_import(store, loaded.report.activities(False), loaded.report.to_update(True))

The importers themselves never see the store: ``load_context`` reads what they need to
know (the insats's types, kommuner, organisations and stored activities) once, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from app.core.entities import Activity, Insats
from app.core.errors import DomainError
from app.core.progress import Progress
from app.importers import (
    ColumnMapping,
    ImportContext,
    ImportReport,
    Source,
    SourceKind,
    build_report,
    read_source,
)
from app.store.database import Store

NO_INSATS = (
    "Databasen har ingen insats ännu. Starta Insatslogg och lägg upp förbund och insats först."
)


class LoadedImport(NamedTuple):
    """A file read for import: its rows or events, what the database holds, the report."""

    source: Source
    context: ImportContext
    report: ImportReport


@dataclass(frozen=True)
class ImportOutcome:
    """What an import stored: the new activities' ids, in order, and the updated ones'."""

    imported_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)


def load_context(store: Store, insats: Insats, today: date | None = None) -> ImportContext:
    """The insats's types, kommuner, organisations and the activities it already has."""
    from app.store.activity_import import existing_activities

    if insats.id is None or insats.forbund_id is None:
        raise ValueError("the insats must be stored")
    return ImportContext(
        insats=insats,
        types=tuple(store.reference.activity_types(include_inactive=True)),
        kommuner=tuple(store.reference.kommuner(insats.forbund_id)),
        organisations=tuple(store.reference.organisations(insats.forbund_id)),
        existing=existing_activities(store.file, insats.id),
        today=today or date.today(),
    )


def import_insats(store: Store) -> Insats:
    """The insats an import goes into: the current one (DomainError when there is none)."""
    insats = store.reference.current_insats()
    if insats is None or insats.id is None:
        raise DomainError(NO_INSATS)
    return insats


def read_import(
    store: Store,
    insats: Insats,
    path: Path,
    kind: SourceKind,
    period: tuple[date, date] | None = None,
    *,
    include_cancelled: bool = True,
    progress: Progress | None = None,
) -> LoadedImport:
    """Read ``path`` and report what importing it into ``insats`` would do; nothing is
    stored. A calendar's events are taken within ``period`` (default: the insats's)."""
    source = read_source(path, kind, period or (insats.start, insats.end), progress)
    context = load_context(store, insats)
    report = build_report(
        source, context, kind=kind, include_cancelled=include_cancelled, progress=progress
    )
    return LoadedImport(source, context, report)


def reread(
    loaded: LoadedImport, mapping: ColumnMapping | None, *, include_cancelled: bool = True
) -> LoadedImport:
    """The same file read again with another column mapping or calendar option (the
    database is not read again: nothing was stored in between)."""
    report = build_report(
        loaded.source,
        loaded.context,
        mapping,
        kind=loaded.report.kind,
        include_cancelled=include_cancelled,
    )
    return LoadedImport(loaded.source, loaded.context, report)


def commit_import(
    store: Store,
    activities: Sequence[Activity],
    updates: Sequence[Activity] = (),
    progress: Progress | None = None,
) -> ImportOutcome:
    """Add ``activities`` and write ``updates`` over the stored ones they match, in one
    transaction: everything is stored, or (an error, a cancel) nothing is."""
    ids = store.activities.import_many(activities, progress, updates)
    return ImportOutcome(ids, [a.id for a in updates if a.id is not None])
