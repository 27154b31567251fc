"""The exported workbook prints readably: A4 landscape, the wide närvarologg over several
pages across with its date … title columns and header on each, headings kept with their
tables. Read back with openpyxl, and printed to PDF by LibreOffice (where installed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

from app.demo import build_demo
from app.operations.exports import export_excel
from app.reports import excel_print as pr
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.reports.test_excel_libreoffice import SOFFICE, convert

# --- the page breaks, worked out on their own --------------------------------------------


def table(rows: int, height: float = 15.0) -> list[float]:
    """A table's rows: heading, header, ``rows`` rows, total, blank."""
    return [pr.TITLE_ROW, 15.0, *([height] * rows), 15.0, 15.0]


def pages_of(blocks: list[list[float]], capacity: float, repeated: float = 0.0) -> list[int]:
    printed = [pr.block_rows(b, len(b) - 4, capacity) for b in blocks]
    return pr.page_breaks(printed, capacity, repeated)


def heading_rows(blocks: list[list[float]]) -> list[int]:
    """The row numbers (1-based) of each table's heading, in a sheet of ``blocks``."""
    rows, row = [], 1
    for block in blocks:
        rows.append(row)
        row += len(block)
    return rows


def test_a_table_that_does_not_fit_on_the_rest_of_the_page_starts_the_next() -> None:
    blocks = [table(20), table(10)]  # 24 + 14 rows; a page holds about 30
    capacity = 30 * 15.0

    breaks = pages_of(blocks, capacity)

    second = heading_rows(blocks)[1]
    assert breaks == [second - 1]  # the break is right before the second heading


def test_tables_that_fit_share_a_page() -> None:
    assert pages_of([table(5), table(5), table(5)], 30 * 15.0) == []


def test_a_table_longer_than_a_page_is_split_below_its_first_rows() -> None:
    blocks = [table(3), table(60)]
    capacity = 30 * 15.0

    breaks = pages_of(blocks, capacity)

    second = heading_rows(blocks)[1]
    # The long table starts on the first page (its heading, header and first rows fit)
    # and goes on over two more pages.
    assert second - 1 not in breaks
    assert len(breaks) == 2
    assert all(b > second + 1 + pr.KEEP_ROWS for b in breaks)
    # ... and no page holds more than the capacity.
    heights = [h for b in blocks for h in b]
    starts = [0, *breaks, len(heights)]
    for first, last in zip(starts, starts[1:], strict=False):
        assert sum(heights[first:last]) <= capacity


def test_no_heading_ends_a_page_however_the_tables_fall() -> None:
    capacity = 30 * 15.0
    for first in range(1, 40):
        for second in (1, 4, 12, 40):
            blocks = [table(first), table(second), table(3)]
            breaks = pages_of(blocks, capacity)
            for heading in heading_rows(blocks):
                # Neither the heading nor the header row under it ends a page.
                assert heading not in breaks and heading + 1 not in breaks, (first, second)


def test_repeated_title_rows_take_room_on_every_later_page() -> None:
    block = [pr.TITLE_ROW, 15.0, *([15.0] * 100), 15.0, 15.0]
    capacity = 30 * 15.0
    repeated = pr.TITLE_ROW + 15.0

    breaks = pr.page_breaks([pr.block_rows(block, 100, capacity)], capacity, repeated)

    starts = [0, *breaks, len(block)]
    for n, (first, last) in enumerate(zip(starts, starts[1:], strict=False)):
        extra = repeated if n else 0.0
        assert sum(block[first:last]) + extra <= capacity


def test_a_narrow_sheet_prints_at_full_size_and_a_wide_one_readably() -> None:
    assert pr.print_fit([20.0, 12.0, 12.0]) == pr.PrintFit(1.0, False)
    fitted = pr.print_fit([40.0] * 3 + [10.0])  # a little too wide: fitted, still readable
    assert fitted.fit_width and pr.MIN_SCALE <= fitted.scale < 1.0
    wide = pr.print_fit([14.5] * 29)
    assert not wide.fit_width and wide.pages_across and wide.scale >= pr.MIN_SCALE


# --- the exported workbook read back -------------------------------------------------------


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("print")
    db = folder / "demo.sqlite3"
    build_demo(db)
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        xlsx = folder / "Insatslogg 2016–2020.xlsx"
        export_excel(store, ExportRequest(insats.id, 2016, 2020), xlsx)
    finally:
        store.close()
    yield xlsx


@pytest.fixture(scope="module")
def workbook(demo_export: Path) -> Workbook:
    return load_workbook(demo_export)


def headings(ws: Worksheet) -> list[tuple[int, str, str]]:
    """Each table's heading row, heading and first row's label, top to bottom."""
    found = []
    for t in ws.tables.values():
        _, header_row, _, _ = range_boundaries(t.ref)
        if header_row == 1:
            continue  # a log: no heading above the table
        title = ws.cell(header_row - 1, 1).value
        first = ws.cell(header_row + 1, 1).value
        if isinstance(first, dt.datetime):
            first = first.date().isoformat()  # as printed
        if isinstance(title, str):
            found.append((header_row - 1, title, str(first)))
    return sorted(found)


def test_the_narvarologg_runs_over_pages_across_at_a_readable_size(workbook: Workbook) -> None:
    ws = workbook["Närvarologg"]
    assert [ws.cell(1, c).value for c in range(1, 5)] == ["Datum", "Slutdatum", "Tid", "Titel"]

    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # not squeezed onto one page
    assert ws.page_setup.scale >= 70
    assert ws.print_title_cols == "$A:$D"  # the dates, the time and the title on every page
    assert ws.print_title_rows == "$1:$1"  # and the header row
    assert ws.page_setup.pageOrder == "overThenDown"


def test_every_sheet_prints_landscape_a4_at_70_percent_or_more(workbook: Workbook) -> None:
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9), ws.title
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
            # Fitted: the sheet is at most a little wider than the page.
            assert pr.printable_width() / pr.sheet_width(widths) >= pr.MIN_SCALE, ws.title
        else:
            assert (setup.scale or 100) >= 70, ws.title


def test_page_breaks_come_before_a_heading_never_after_it(workbook: Workbook) -> None:
    broken = 0
    for ws in workbook.worksheets[1:]:
        breaks = {b.id for b in ws.row_breaks.brk}
        for row, title, _first in headings(ws):
            # A page ends neither at a heading nor at the header row under it.
            assert row not in breaks and row + 1 not in breaks, (ws.title, title)
            broken += row - 1 in breaks
    assert broken >= 2  # the demo has sheets whose tables do not all fit on one page


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.timeout(300)
def test_libreoffice_prints_the_workbook_readably(
    demo_export: Path, workbook: Workbook, tmp_path: Path
) -> None:
    done = convert(demo_export, tmp_path, "pdf")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(tmp_path / demo_export.with_suffix(".pdf").name)
    # Each page: the header (title, sheet), the footer (Sida x av n), then the body.
    pages = [page.extract_text().splitlines() for page in reader.pages]
    sheet_of = [lines[0].rsplit(" ", 1)[-1] if lines else "" for lines in pages]

    log_pages = [
        lines[2:] for lines, sheet in zip(pages, sheet_of, strict=True) if sheet == "Närvarologg"
    ]
    assert len(log_pages) >= 4  # 30 columns run over several pages across
    for body in log_pages:
        assert body[0].startswith("Datum Slutdatum Tid Titel")  # on every page

    titles = {title for ws in workbook.worksheets for _, title, _ in headings(ws)}
    for lines in pages:
        body = lines[2:]
        assert body, lines
        assert body[-1] not in titles, f"a page ends with the heading {body[-1]!r}"
    for ws in workbook.worksheets[1:]:
        for _, title, first in headings(ws):
            # The heading, its header and its first row are on one page (the first with
            # the heading: a sheet of one table repeats it on every page).
            page = next(lines for lines in pages if title in lines)
            after = page[page.index(title) + 1 :]
            assert any(line.startswith(first) for line in after), (ws.title, title)
