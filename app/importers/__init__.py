"""Importing activities from spreadsheets (.xlsx, .csv) and calendars (.ics).

No Qt and no store here: the importers are fed plain data. The use case that the GUI
(app/ui/import_dialog.py) and the command line (app/cli_import.py) share is
app/operations/imports.py, which reads the ImportContext from the database:

    kind = kind_for(path)
    source = read_source(path, kind, (insats.start, insats.end), progress)
    report = build_report(source, context, mapping)   # mapping None: the proposed one
"""

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
    "read_source",
]
