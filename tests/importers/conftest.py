"""Fixtures for the importer tests: the import context of the test database, and files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.core.entities import Insats
from app.importers import ImportContext, ImportReport, build_report, read_source
from app.importers.report import SourceKind
from app.operations.imports import load_context
from app.store.database import Store

# "Today" in these tests: after the 2018 activities, before the insats ends.
TODAY = date(2019, 6, 1)

Import = Callable[..., ImportReport]


@pytest.fixture
def context(store: Store, insats: Insats) -> ImportContext:
    return load_context(store, insats, today=TODAY)


@pytest.fixture
def report_of(store: Store, insats: Insats) -> Import:
    """Read a file and build its report against the database as it is now."""

    def run(path: Path, kind: SourceKind | None = None, **options: Any) -> ImportReport:
        from app.importers import kind_for

        kind = kind or kind_for(path)
        source = read_source(path, kind, (insats.start, insats.end))
        return build_report(source, load_context(store, insats, today=TODAY), kind=kind, **options)

    return run


def write_xlsx(
    path: Path, rows: Sequence[Sequence[Any]], title: str = "Blad1", **extra: Any
) -> Path:
    """A workbook with ``rows`` from A1 on; ``merge`` names ranges to merge."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for cells in extra.get("merge", ()):
        ws.merge_cells(cells)
    for name, sheet_rows in extra.get("sheets", {}).items():
        other = wb.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    wb.save(path)
    return path
