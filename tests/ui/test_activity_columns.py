"""One column spec (core.activity_columns): a column added there is one entry, and it
shows as a header and cells in the activity table, sorts there, gets its width on the
view, and is a column of the Excel närvarologg with its values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.core import activity_columns
from app.core.activity_columns import ACTIVITY_COLUMNS, Column, Kind, log_columns, table_columns
from app.core.entities import ActivityRow, Insats
from app.operations.exports import export_excel
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui.activity_table_model import ActivityTableModel, apply_column_widths
from tests.conftest import MakeActivity

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
HORIZONTAL = Qt.Orientation.Horizontal


def weekday(row: ActivityRow) -> str:
    return WEEKDAYS[row.start.weekday()]


WEEKDAY = Column("veckodag", "Veckodag", weekday, sort_key=lambda r: r.start.weekday(), width=77)


@pytest.fixture
def with_weekday(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec with one more column, right after the type: the one entry."""
    after_type = [c.key for c in ACTIVITY_COLUMNS].index("typ") + 1
    columns = (*ACTIVITY_COLUMNS[:after_type], WEEKDAY, *ACTIVITY_COLUMNS[after_type:])
    monkeypatch.setattr(activity_columns, "ACTIVITY_COLUMNS", columns)


@pytest.fixture
def three_days(insats: Insats, add_activity: MakeActivity) -> None:
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), title="Onsdagens seminarium")
    add_activity("Workshop", "Hofors", date(2018, 3, 12), title="Måndagens workshop")
    add_activity("Seminarium", "Gävle", date(2018, 3, 18), title="Söndagens seminarium")


def cells(model: ActivityTableModel, header: str) -> list[str]:
    headers = [model.headerData(i, HORIZONTAL) for i in range(model.columnCount())]
    col = headers.index(header)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


@pytest.mark.usefixtures("with_weekday", "three_days")
def test_a_column_added_to_the_spec_shows_and_sorts_in_the_table(
    qapp, store: Store, insats: Insats
) -> None:
    assert insats.id is not None
    model = ActivityTableModel()
    model.set_rows(store.activities.rows(insats.id, 2018))

    headers = [model.headerData(i, HORIZONTAL) for i in range(model.columnCount())]
    assert headers == [
        "Datum",
        "Tid",
        "Typ",
        "Veckodag",
        "Titel/tema",
        "Kommun",
        "Plats",
        "Form",
        "Status",
        "Deltagare",
        "Serie",
    ]
    assert cells(model, "Veckodag") == ["måndag", "onsdag", "söndag"]  # by date

    model.sort(headers.index("Veckodag"), Qt.SortOrder.DescendingOrder)
    assert cells(model, "Veckodag") == ["söndag", "onsdag", "måndag"]
    assert cells(model, "Titel/tema")[0] == "Söndagens seminarium"

    view = QTableView()
    view.setModel(model)
    apply_column_widths(view)
    assert view.horizontalHeader().sectionSize(headers.index("Veckodag")) == 77
    assert view.horizontalHeader().sectionSize(headers.index("Typ")) == 130


@pytest.mark.usefixtures("with_weekday", "three_days")
def test_a_column_added_to_the_spec_is_a_column_of_the_excel_log(
    store: Store, insats: Insats, tmp_path: Path
) -> None:
    assert insats.id is not None
    path = tmp_path / "logg.xlsx"
    export_excel(store, ExportRequest(insats.id, 2018, 2018), path)

    ws = load_workbook(path)["Närvarologg"]
    headers = [c.value for c in ws[1]]
    assert headers[:7] == ["Datum", "Slutdatum", "Tid", "Titel", "Typ", "Veckodag", "Kommun"]
    col = headers.index("Veckodag")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[col]) for r in rows] == [
        ("Måndagens workshop", "måndag"),
        ("Onsdagens seminarium", "onsdag"),
        ("Söndagens seminarium", "söndag"),
    ]


def test_the_spec_as_it_is() -> None:
    """Keys are unique; the table and the närvarologg get their columns in their order."""
    keys = [c.key for c in ACTIVITY_COLUMNS]
    assert len(keys) == len(set(keys))
    assert [c.header for c in table_columns()] == [
        "Datum",
        "Tid",
        "Typ",
        "Titel/tema",
        "Kommun",
        "Plats",
        "Form",
        "Status",
        "Deltagare",
        "Serie",
    ]
    logged = log_columns()
    assert [c.log_header for c in logged[:5]] == ["Datum", "Slutdatum", "Tid", "Titel", "Typ"]
    assert [c.log_header for c in logged if c.kind is Kind.DATE] == ["Datum", "Slutdatum"]
    counts = [c.log_header for c in logged if c.kind is Kind.COUNT]
    assert counts[0] == "Deltagare" and counts[-1] == "Kön: Ej angivet" and len(counts) == 17
