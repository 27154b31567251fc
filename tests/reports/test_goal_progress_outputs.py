"""Måluppfyllelse is the same in the Excel export, the board report (PDF and Word) and
``summary --json`` as core computes it (and as the Årsplan page shows it, see
tests/ui/test_goal_progress_ui.py): for the demo and the generated data, over the whole
insats and over one year. Without measures the sheet and the chapter are left out."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from app.core.goal_progress import COLUMNS, COUNTED, GoalProgressTable, MeasureProgress
from app.core.report_period import ReportPeriod
from app.core.summary import NO_FIGURE
from app.operations.exports import export_excel
from app.operations.goal_progress import report_progress
from app.operations.reports import export_docx, export_pdf
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.data_sources import SOURCES, source_store
from tests.reports.pdf_words import pages

RICH_SEED = 20261204
SHEET = "Måluppfyllelse"


@pytest.fixture(scope="module", params=SOURCES)
def source(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    with source_store(request.param, tmp_path_factory, RICH_SEED) as store:
        yield store


def _requests(store: Store) -> list[ExportRequest]:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    whole = ReportPeriod.whole_insats(insats.start, insats.end)
    return [
        ExportRequest.for_period(insats.id, whole),
        ExportRequest(insats.id, 2018, 2018),
    ]


def _table(store: Store, request: ExportRequest) -> GoalProgressTable:
    table = report_progress(store, request.insats_id, request.period)
    assert table is not None and table.rows
    return table


def _excel_value(row: MeasureProgress, column: int) -> object:
    kind = row.measure.kind
    if column == 0:
        return row.goal
    if column == 1:
        return row.label
    if column in (2, 3):
        value = row.target if column == 2 else row.outcome
        if value is None:
            return NO_FIGURE
        # Excel keeps 15 significant digits of a mean.
        return round(value) if kind in COUNTED else pytest.approx(value, rel=1e-12)
    if column == 4:
        return NO_FIGURE if row.share is None else pytest.approx(row.share)
    return row.status


def test_the_sheet_holds_every_measure_as_core_computes_it(source: Store, tmp_path: Path) -> None:
    for request in _requests(source):
        table = _table(source, request)
        path = tmp_path / "out.xlsx"
        export_excel(source, request, path)
        ws = load_workbook(path)[SHEET]
        rows = list(ws.iter_rows(values_only=True))
        assert rows[0][0] == table.title
        assert rows[1][: len(COLUMNS)] == COLUMNS
        body = [r[: len(COLUMNS)] for r in rows[2 : 2 + len(table.rows)]]
        assert body == [tuple(_excel_value(r, c) for c in range(len(COLUMNS))) for r in table.rows]
        assert rows[2 + len(table.rows)][0] == table.note


def _normal(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


def _layout_lines(path: Path) -> list[str]:
    """The PDF's lines as pdftotext lays them out, spaces collapsed."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(_normal(line)) for line in out.splitlines()]


def test_the_pdf_chapter_prints_every_row(source: Store, tmp_path: Path) -> None:
    for request in _requests(source):
        table = _table(source, request)
        path = tmp_path / "out.pdf"
        export_pdf(source, request, path)
        lines = _layout_lines(path)
        start = lines.index("Måluppfyllelse")
        chapter = lines[start:]
        words = {w for line in chapter for w in line.split()}
        for row in table.rows:
            cells = row.cells()
            # The figures and the status end the row's first line, after its label …
            figures = " ".join(_normal(" ".join(cells[2:])))
            label = _normal(cells[1])[0]
            assert any(line.endswith(figures) and label in line for line in chapter), cells
            # … and every word of the goal and the label is in the chapter.
            for word in _normal(cells[0] + " " + cells[1]):
                assert word in words, (word, cells)


def test_the_word_file_has_the_same_table(source: Store, tmp_path: Path) -> None:
    request = _requests(source)[0]
    table = _table(source, request)
    path = tmp_path / "out.docx"
    export_docx(source, request, path)
    found = [
        [tuple(c.text for c in r.cells) for r in t.rows]
        for t in docx.Document(str(path)).tables
        if tuple(c.text for c in t.rows[0].cells) == COLUMNS
    ]
    assert found == [[COLUMNS, *(r.cells() for r in table.rows)]]


def test_without_measures_the_sheet_and_the_chapter_are_left_out(
    store: Store, tmp_path: Path
) -> None:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    request = ExportRequest(insats.id, 2018, 2018)
    assert report_progress(store, insats.id, request.period) is None
    export_excel(store, request, tmp_path / "out.xlsx")
    assert SHEET not in load_workbook(tmp_path / "out.xlsx").sheetnames
    export_pdf(store, request, tmp_path / "out.pdf")
    flat = [w for page in pages(tmp_path / "out.pdf") for word in page for w in _normal(word.text)]
    assert "Måluppfyllelse" not in flat


def test_summary_json_has_the_same_table(source: Store, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    insats = source.reference.current_insats()
    assert insats is not None and insats.id is not None
    table = _table(source, ExportRequest(insats.id, 2018, 2018))
    assert main(["summary", "--db", str(source.path), "--year", "2018", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["maluppfyllelse"] == json.loads(json.dumps(table.to_dict()))
