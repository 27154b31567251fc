"""The same data gives the same figures on both backends.

The Gävleborg demo built in a SQLite file, copied into a database on the tests' own
PostgreSQL server (``insatslogg copy``'s function); then the same sheet imported into
both through the import use case. On both: every year's summary and the period's,
``summary --json``, every cell of the Excel export and the text of the board's PDF
are equal — and not empty, so equality is not that of two blanks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.demo import build_demo
from app.importers import SourceKind
from app.operations.exports import export_excel
from app.operations.imports import commit_import, read_import
from app.operations.reports import export_pdf
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.store.server_copy import copy_database
from tests.importers.conftest import write_xlsx
from tests.server_databases import ServerDatabases

SHEET = (
    ("Datum", "Typ", "Titel", "Kommun", "Antal", "Kvinnor", "Män"),
    (date(2019, 3, 15), "Frukostmöte", "Frukost om ASF", "Gävle", 12, 7, 5),
    (date(2019, 4, 2), "Temadag", "Temadag i Hofors", "Hofors", 30, 18, 12),
    (date(2020, 9, 8), "Seminarium", "Seminarium med AF", "Sandviken", 21, 11, 10),
)


@pytest.fixture(scope="module")
def pair(
    tmp_path_factory: pytest.TempPathFactory, server_databases: ServerDatabases
) -> Iterator[tuple[Store, Store]]:
    folder = tmp_path_factory.mktemp("agree")
    path = folder / "demo.sqlite3"
    build_demo(path)
    file_store = Store.open(path)
    location = server_databases.new()
    copy_database(file_store, location)
    server_store = Store.open_server(location)
    sheet = write_xlsx(folder / "logg.xlsx", SHEET)
    for store in (file_store, server_store):
        insats = store.reference.current_insats()
        assert insats is not None
        loaded = read_import(store, insats, sheet, SourceKind.EXCEL)
        new = loaded.report.activities(False)
        assert len(new) == len(SHEET) - 1, loaded.report.rejected
        commit_import(store, new)
    yield file_store, server_store
    file_store.close()
    server_store.close()


def _insats(store: Store) -> tuple[int, tuple[int, ...]]:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return insats.id, tuple(insats.years)


def test_every_year_summary_is_the_same(pair: tuple[Store, Store]) -> None:
    file_store, server_store = pair
    insats_id, years = _insats(file_store)
    assert _insats(server_store) == (insats_id, years)
    for year in years:
        on_file = file_store.summaries.year_summary(insats_id, year)
        on_server = server_store.summaries.year_summary(insats_id, year)
        assert on_file == on_server, year
    imported = file_store.summaries.year_summary(insats_id, 2019)
    assert imported.tables, "the demo's 2019 has figures"


def _summary_json(capsys: pytest.CaptureFixture[str], db: str, year: int) -> Any:
    assert main(["--db", db, "summary", "--json", "--year", str(year)]) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_json_is_the_same(
    pair: tuple[Store, Store], capsys: pytest.CaptureFixture[str]
) -> None:
    file_store, server_store = pair
    assert server_store.server is not None
    for year in (2019, 2020):
        on_file = _summary_json(capsys, str(file_store.path), year)
        on_server = _summary_json(capsys, server_store.server.url, year)
        assert on_file == on_server
        assert on_file  # not two empty answers


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("span", [(2019, 2019), (2016, 2020)], ids=["2019", "perioden"])
def test_excel_and_pdf_are_the_same(
    pair: tuple[Store, Store], tmp_path: Path, span: tuple[int, int]
) -> None:
    file_store, server_store = pair
    insats_id, _ = _insats(file_store)
    request = ExportRequest(insats_id, *span)
    books, texts = [], []
    for name, store in (("fil", file_store), ("server", server_store)):
        export_excel(store, request, tmp_path / f"{name}.xlsx")
        books.append(_cells(tmp_path / f"{name}.xlsx"))
        export_pdf(store, request, tmp_path / f"{name}.pdf")
        texts.append(_pdf_text(tmp_path / f"{name}.pdf"))
    assert books[0] == books[1]
    assert texts[0] == texts[1]
    assert any("Temadag i Hofors" in str(row) for rows in books[0].values() for row in rows) == (
        span[0] <= 2019 <= span[1]
    )
    assert "Frukostmöte" in texts[0]
