"""Reading .xlsx and .csv files into a RawTable (values only; nothing interpreted yet)."""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from app.core.errors import DomainError
from app.core.progress import Cancelled, Progress
from app.importers.csv_lines import EncodingRows, text_lines
from app.importers.headers import HEADER_SEARCH_ROWS, find_header
from app.importers.table import Cell, RawTable, collect, detail, key

# Sheets whose name says they hold the activities are read before the first sheet.
PREFERRED_SHEETS = ("narvarologg", "aktiviteter", "aktivitetslogg", "aktivitet", "narvaro")
PROGRESS_EVERY = 1000
ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (";", "\t", ",")
# The start of an OLE2 compound file: an old .xls, or an .xlsx encrypted with a password.
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")


def _sheet_order(names: list[str]) -> list[int]:
    """Sheet positions, those named like the activity log first (in PREFERRED_SHEETS order)."""
    preferred: list[int] = []
    for wanted in PREFERRED_SHEETS:
        for i, name in enumerate(names):
            if key(name).startswith(wanted) and i not in preferred:
                preferred.append(i)
    return preferred + [i for i in range(len(names)) if i not in preferred]


def _numbered(ws: Any) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    yield from enumerate(ws.iter_rows(values_only=True), start=1)


def _has_header(ws: Any) -> bool:
    rows, _ = collect(islice(_numbered(ws), HEADER_SEARCH_ROWS * 3), capped=False)
    return find_header(rows) is not None


def _size_before_rows(ws: Any) -> None:
    """openpyxl's ReadOnlyWorksheet._get_size, stopping where the rows begin.

    openpyxl looks for the sheet's <dimension> until the *end* of <sheetData>: a sheet
    without one (as many programs write them) is parsed through once just to learn it
    has none — three minutes for a million rows, before the first row is read. The
    dimension comes before the rows when it is there, so the same answer is found by
    looking up to the *start* of <sheetData>.
    """
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse

    src = ws._get_source()
    try:
        for _event, element in iterparse(src, events=("start",)):
            if element.tag == DATA_TAG:
                return
            if element.tag == DIMENSION_TAG:
                found = SheetDimension.from_tree(element).boundaries
                ws._min_column, ws._min_row, ws._max_column, ws._max_row = found
                return
    finally:
        src.close()


def _read_only_sizes_before_rows() -> None:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if hasattr(ReadOnlyWorksheet, "_get_size") and hasattr(ReadOnlyWorksheet, "_get_source"):
        ReadOnlyWorksheet._get_size = _size_before_rows


def read_xlsx(path: Path, progress: Progress | None = None) -> RawTable:
    """The activity sheet of an .xlsx workbook: the first sheet named like "Närvarologg" or
    "Aktiviteter" that has a header row, else the first sheet with one, else the first sheet.
    """
    from openpyxl import load_workbook

    _read_only_sizes_before_rows()
    if path.suffix.lower() == ".xls":
        raise DomainError(
            f"{path.name} är en Excel-fil i det gamla formatet (.xls). Öppna den i Excel eller "
            "LibreOffice och spara den som .xlsx, och importera den sedan."
        )
    # openpyxl warns about what it skips (data validation, odd styles, dates out of range);
    # none of it matters for reading values.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_xlsx(path, load_workbook, progress)


def _read_xlsx(path: Path, load_workbook: Any, progress: Progress | None) -> RawTable:
    data = path.read_bytes()  # an OSError here is the disk's or the file's, not the content's
    if data.startswith(OLE_MAGIC):
        raise DomainError(
            f"{path.name} är en Excel-fil i det gamla formatet (.xls) eller en lösenordsskyddad "
            "arbetsbok. Öppna den i Excel eller LibreOffice, ta bort ett eventuellt lösenord och "
            "spara den som .xlsx, och importera den sedan."
        )
    try:
        return _read_workbook(path.name, io.BytesIO(data), load_workbook, progress)
    except (DomainError, Cancelled):
        raise
    except Exception as exc:  # BadZipFile, KeyError, ParseError, ValueError, IndexError …
        # openpyxl reads a read-only sheet lazily: a broken cell or sheet fails mid-way.
        raise DomainError(
            f"{path.name} kan inte läsas som en Excel-fil (.xlsx): filen är skadad eller är "
            f"ingen arbetsbok ({detail(exc)})."
        ) from exc


def _read_workbook(
    name: str, data: io.BytesIO, load_workbook: Any, progress: Progress | None
) -> RawTable:
    wb = load_workbook(data, read_only=True, data_only=True)
    try:
        sheets = wb.worksheets
        if not sheets:
            raise DomainError(f"{name} har inga kalkylblad.")
        order = _sheet_order([ws.title for ws in sheets])
        sizes = {i: sheets[i].max_row or 0 for i in order}
        for ws in (sheets[i] for i in order):
            ws.reset_dimensions()  # some programs write a wrong size; read what is there
        at = next((i for i in order if _has_header(sheets[i])), order[0])
        chosen, estimate = sheets[at], sizes[at]

        def numbered() -> Iterator[tuple[int, tuple[Cell, ...]]]:
            for number, values in _numbered(chosen):
                if progress is not None and number % PROGRESS_EVERY == 0:
                    progress.step(number, max(estimate, number + PROGRESS_EVERY))
                yield number, values

        rows, blanks = collect(numbered(), name)
        return RawTable(name, tuple(rows), chosen.title, tuple(blanks))
    finally:
        wb.close()


def decode(data: bytes) -> str:
    """Text in UTF-8 (with or without BOM), else Windows-1252, as Excel writes CSV; UTF-16
    when the file starts with its byte order mark (Excel's "Unicode text")."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-16")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of one width above 1."""
    lines = text.splitlines()[:100]
    best, best_score = DELIMITERS[0], 0
    for delimiter in DELIMITERS:
        try:
            widths = [
                len(r) for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)
            ]
        except csv.Error:  # a field too long for the csv module: not this delimiter's fault
            continue
        common = Counter(w for w in widths if w > 1).most_common(1)
        score = common[0][1] * 1000 + common[0][0] if common else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, progress: Progress | None = None) -> RawTable:
    """A CSV file separated by semicolons, commas or tabs, in UTF-8 or Windows-1252 (each
    line in its own, when the file mixes them: the report names the rows), read as a
    stream: at most MAX_IMPORT_ROWS rows are ever held."""
    encodings = EncodingRows()
    with path.open("rb") as f:
        lines = text_lines(f, path.name)
        first = list(islice(lines, 100))
        delimiter = sniff_delimiter("".join(text for text, _ in first))
        record: set[str] = set()  # the encodings of the lines of the record being read

        def texts() -> Iterator[str]:
            for text, encoding in chain(first, lines):
                if encoding is not None:
                    record.add(encoding)
                yield text

        def numbered() -> Iterator[tuple[int, tuple[Cell, ...]]]:
            reader = csv.reader(texts(), delimiter=delimiter)
            try:
                for number, cells in enumerate(reader, start=1):
                    encodings.add(number, record)
                    record.clear()
                    if progress is not None and number % PROGRESS_EVERY == 0:
                        progress.step(number, 0)
                    yield number, tuple(cells)
            except csv.Error as exc:
                raise DomainError(
                    f"{path.name} kan inte läsas som CSV: rad {reader.line_num} går inte att "
                    f"dela upp i kolumner ({detail(exc)})."
                ) from exc

        rows, blanks = collect(numbered(), path.name)
    mixed = encodings.warning(path.name)
    return RawTable(path.name, tuple(rows), "", tuple(blanks), (mixed,) if mixed else ())
