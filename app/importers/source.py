"""One entry point for every kind of file: read it, then turn it into an import report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.core.errors import DomainError
from app.core.progress import Progress
from app.importers.calendar import CalendarSource, read_calendar
from app.importers.calendar_rows import parse_calendar
from app.importers.mapping import ColumnMapping
from app.importers.report import ImportContext, ImportReport, SourceKind
from app.importers.rows import parse_table
from app.importers.spreadsheets import read_csv, read_xlsx
from app.importers.table import RawTable

Source = RawTable | CalendarSource

SUFFIXES: dict[str, SourceKind] = {
    ".xlsx": SourceKind.EXCEL,
    ".xlsm": SourceKind.EXCEL,
    ".xls": SourceKind.EXCEL,  # refused with a message telling how to save it as .xlsx
    ".csv": SourceKind.CSV,
    ".txt": SourceKind.CSV,
    ".tsv": SourceKind.CSV,
    ".ics": SourceKind.ICS,
    ".ical": SourceKind.ICS,
    ".ifb": SourceKind.ICS,
}
FILE_FILTER = (
    "Kalkylblad och kalendrar (*.xlsx *.csv *.ics);;Excel (*.xlsx);;CSV (*.csv);;Kalender (*.ics)"
)


def kind_for(path: Path) -> SourceKind:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise DomainError(
            f"{path.name}: okänd filtyp. Insatslogg kan importera Excel (.xlsx), CSV (.csv) "
            "och kalenderfiler (.ics)."
        )
    return kind


def read_source(
    path: Path,
    kind: SourceKind,
    period: tuple[date, date],
    progress: Progress | None = None,
) -> Source:
    """The file's rows (spreadsheets) or events within ``period`` (calendars)."""
    if kind is SourceKind.EXCEL:
        return read_xlsx(path, progress)
    if kind is SourceKind.CSV:
        return read_csv(path, progress)
    return read_calendar(path, period, progress)


def build_report(
    source: Source,
    context: ImportContext,
    mapping: ColumnMapping | None = None,
    *,
    kind: SourceKind | None = None,
    include_cancelled: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    """What importing ``source`` would do. ``mapping`` None: the importer's own proposal."""
    if isinstance(source, CalendarSource):
        return parse_calendar(source, context, include_cancelled)
    return parse_table(source, context, mapping, kind or SourceKind.EXCEL, progress)
