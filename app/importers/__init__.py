"""Importing activities from spreadsheets (.xlsx, .csv) and calendars (.ics).

No Qt here: the GUI (app/ui/import_dialog.py) and the command line (app/cli_import.py)
both call these functions and show the same report.

    kind = kind_for(path)
    source = read_source(path, kind, (insats.start, insats.end), progress)
    context = load_context(store, insats)
    report = build_report(source, context, mapping)   # mapping None: the proposed one
    store.activities.import_many(report.activities(include_duplicates), progress)
"""

from app.importers.context import load_context
from app.importers.fields import Field
from app.importers.mapping import ColumnMapping, MappedColumn
from app.importers.report import (
    AcceptedRow,
    DuplicateRow,
    ImportContext,
    ImportReport,
    RejectedRow,
    SourceKind,
)
from app.importers.source import FILE_FILTER, Source, build_report, kind_for, read_source

__all__ = [
    "FILE_FILTER",
    "AcceptedRow",
    "ColumnMapping",
    "DuplicateRow",
    "Field",
    "ImportContext",
    "ImportReport",
    "MappedColumn",
    "RejectedRow",
    "Source",
    "SourceKind",
    "build_report",
    "kind_for",
    "load_context",
    "read_source",
]
