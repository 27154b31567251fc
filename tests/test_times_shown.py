"""Issue 12, second half: an activity's clock times and the steps of a training, shown
everywhere — the activity table (Tid, the steps in Datum), the Excel närvarologg (Tid)
and its sheet Steg, the närvarolista, the PDF's highlights — and read back unchanged."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.cli import main
from app.core.attendance import Attendance
from app.core.entities import Activity, Insats, Step
from app.operations.exports import export_excel
from app.operations.reports import export_pdf, signin_sheet_for
from app.reports.excel_export import STEP_SHEET
from app.reports.export_content import ExportRequest
from app.reports.signin_sheet import write_signin_sheet
from app.store.database import Store
from app.ui.activity_table_model import ActivityTableModel
from tests.conftest import MakeActivity
from tests.ui.unchanged_save import differences, dump

HORIZONTAL = Qt.Orientation.Horizontal
STEP_DAYS = (date(2018, 3, 3), date(2018, 3, 17), date(2018, 4, 7))


@pytest.fixture
def timed(insats: Insats, add_activity: MakeActivity) -> dict[str, Activity]:
    """A frukostmöte kl. 9.00–11.30, a training in three steps (two with times), a
    seminar over two days from 13.00 to 12.00, and a workshop without a time."""
    return {
        "frukost": add_activity(
            "Frukostmöte",
            "Gävle",
            date(2018, 3, 14),
            attendance=Attendance.build(20),
            title="Frukostmöte om ASF",
            start_time=time(9),
            end_time=time(11, 30),
            highlight="Fullsatt; tre ASF presenterade sig.",
        ),
        "utbildning": add_activity(
            "Utbildning",
            "Hofors",
            STEP_DAYS[0],
            attendance=Attendance.build(12),
            title="Utbildning i steg",
            steps=STEP_DAYS,
            step_times=(
                Step(STEP_DAYS[0], time(9), time(12)),
                Step(STEP_DAYS[1], time(13), time(16)),
            ),
        ),
        "seminarium": add_activity(
            "Seminarium",
            "Gävle",
            date(2018, 5, 2),
            attendance=Attendance.build(30),
            title="Tvådagarsseminarium",
            end=date(2018, 5, 3),
            start_time=time(13),
            end_time=time(12),
        ),
        "workshop": add_activity(
            "Workshop", "Hofors", date(2018, 2, 1), attendance=Attendance.build(8), title="Utan tid"
        ),
    }


def _column(model: ActivityTableModel, header: str) -> int:
    return [model.headerData(i, HORIZONTAL) for i in range(model.columnCount())].index(header)


def _cells(model: ActivityTableModel, *headers: str, role: int = 0) -> list[tuple[str, ...]]:
    cols = [_column(model, h) for h in headers]
    return [
        tuple(model.data(model.index(r, c), role or Qt.ItemDataRole.DisplayRole) for c in cols)
        for r in range(model.rowCount())
    ]


@pytest.mark.usefixtures("timed")
def test_the_table_shows_the_times_and_a_training_as_its_steps(
    qapp, store: Store, insats: Insats
) -> None:
    assert insats.id is not None
    model = ActivityTableModel()
    model.set_rows(store.activities.rows(insats.id, 2018))

    assert _cells(model, "Titel/tema", "Datum", "Tid") == [  # by date
        ("Utan tid", "2018-02-01", ""),
        ("Utbildning i steg", "3/3, 17/3, 7/4 2018", "kl. 9.00–12.00; 13.00–16.00; –"),
        ("Frukostmöte om ASF", "2018-03-14", "kl. 9.00–11.30"),
        ("Tvådagarsseminarium", "2018-05-02 – 2018-05-03", "kl. 13.00–12.00"),
    ]
    tips = _cells(model, "Datum", "Tid", role=Qt.ItemDataRole.ToolTipRole)
    assert tips[1] == ("3/3, 17/3, 7/4 2018", "kl. 9.00–12.00; 13.00–16.00; –")

    model.sort(_column(model, "Tid"), Qt.SortOrder.AscendingOrder)
    assert [t for (t,) in _cells(model, "Titel/tema")] == [
        "Frukostmöte om ASF",  # 9.00–11.30
        "Utbildning i steg",  # its first step: 9.00–12.00
        "Tvådagarsseminarium",  # 13.00
        "Utan tid",  # no time: last
    ]
    model.sort(_column(model, "Tid"), Qt.SortOrder.DescendingOrder)
    assert _cells(model, "Titel/tema")[0] == ("Utan tid",)


def test_steps_across_a_new_year_name_each_year(
    qapp, store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    days = (date(2018, 11, 28), date(2018, 12, 12), date(2019, 1, 9))
    add_activity("Utbildning", "Gävle", days[0], title="Över nyår", steps=days)
    model = ActivityTableModel()
    model.set_rows(store.activities.rows(insats.id, 2018))
    assert _cells(model, "Datum", "Tid") == [("28/11, 12/12 2018, 9/1 2019", "")]


@pytest.mark.usefixtures("timed")
def test_the_narvarologg_has_the_times_and_the_sheet_steg_each_step(
    store: Store, insats: Insats, tmp_path: Path
) -> None:
    assert insats.id is not None
    path = tmp_path / "2018.xlsx"
    export_excel(store, ExportRequest(insats.id, 2018, 2018), path)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Närvarologg", STEP_SHEET]

    rows = list(wb["Närvarologg"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("Datum", "Slutdatum", "Tid", "Titel")
    assert [r[:4] for r in rows[1:]] == [
        (datetime(2018, 2, 1), None, None, "Utan tid"),
        # a training's dates and times are its steps', in the sheet Steg
        (datetime(2018, 3, 3), datetime(2018, 4, 7), None, "Utbildning i steg"),
        (datetime(2018, 3, 14), None, "kl. 9.00–11.30", "Frukostmöte om ASF"),
        (datetime(2018, 5, 2), datetime(2018, 5, 3), "kl. 13.00–12.00", "Tvådagarsseminarium"),
    ]

    training = store.activities.rows(insats.id, 2018)[1]
    steps = list(wb[STEP_SHEET].iter_rows(values_only=True))
    assert steps == [
        ("Aktivitetens id", "Titel", "Steg", "Datum", "Tid"),
        (training.id, "Utbildning i steg", 1, datetime(2018, 3, 3), "kl. 9.00–12.00"),
        (training.id, "Utbildning i steg", 2, datetime(2018, 3, 17), "kl. 13.00–16.00"),
        (training.id, "Utbildning i steg", 3, datetime(2018, 4, 7), None),
    ]


def test_no_sheet_steg_without_a_training_in_steps(
    store: Store, insats: Insats, add_activity: MakeActivity, tmp_path: Path
) -> None:
    assert insats.id is not None
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), start_time=time(9))
    path = tmp_path / "2018.xlsx"
    export_excel(store, ExportRequest(insats.id, 2018, 2018), path)
    wb = load_workbook(path)
    assert STEP_SHEET not in wb.sheetnames
    assert wb["Närvarologg"]["C2"].value == "kl. 9.00"


def _pdf_lines(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return [" ".join(line.split()) for line in text.splitlines()]


def test_the_narvarolista_has_the_time_under_the_date(
    store: Store, timed: dict[str, Activity], tmp_path: Path
) -> None:
    lines = {}
    for key in ("frukost", "utbildning", "seminarium", "workshop"):
        activity_id = timed[key].id
        assert activity_id is not None
        out = tmp_path / f"{key}.pdf"
        write_signin_sheet(out, signin_sheet_for(store, activity_id))
        lines[key] = _pdf_lines(out)

    def under(key: str, label: str, n: int) -> list[str]:
        """The n lines under a label of the sheet's heading."""
        at = lines[key].index(label)
        return lines[key][at + 1 : at + 1 + n]

    assert under("frukost", "Datum", 3) == ["14 mars 2018", "kl. 9.00–11.30", "Plats"]
    assert under("utbildning", "Datum (steg)", 4) == [
        "Steg 1: 3 mars 2018, kl. 9.00–12.00",
        "Steg 2: 17 mars 2018, kl. 13.00–16.00",
        "Steg 3: 7 april 2018",
        "Plats",
    ]
    assert under("seminarium", "Datum", 3) == [
        "2 maj 2018 – 3 maj 2018",
        "kl. 13.00–12.00",
        "Plats",
    ]
    assert under("workshop", "Datum", 2) == ["1 februari 2018", "Plats"]
    # the footer names the first date line
    assert any("Närvarolista · 14 mars 2018" in line for line in lines["frukost"])


def test_the_reports_highlights_have_their_times(
    store: Store, insats: Insats, timed: dict[str, Activity], tmp_path: Path
) -> None:
    assert insats.id is not None
    training = timed["utbildning"]
    store.activities.update(replace(training, highlight="Alla tre stegen genomförda."))
    out = tmp_path / "2018.pdf"
    export_pdf(store, ExportRequest(insats.id, 2018, 2018), out)
    text = " ".join(" ".join(_pdf_lines(out)).split())
    assert (
        "3 mars 2018 kl. 9.00–12.00 – Utbildning i steg: Alla tre stegen genomförda." in text
    )  # a training's first step
    assert "14 mars 2018 kl. 9.00–11.30 – Frukostmöte om ASF: Fullsatt; tre ASF" in text


@pytest.mark.usefixtures("timed")
def test_the_export_imported_back_changes_nothing(
    db_path: Path, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "2018.xlsx"
    export = ["export", "excel", "--year", "2018", "-o", str(workbook), "--db", str(db_path)]
    assert main(export) == 0
    capsys.readouterr()
    before = dump(db_path)
    with sqlite3.connect(db_path) as con:
        (steps,) = con.execute("SELECT count(*) FROM activity_step").fetchone()
    assert steps == 3

    assert main(["import", "excel", str(workbook), "--db", str(db_path), "--dry-run"]) == 0
    counts = dict(
        re.findall(r"^(Nya|Ändrade|Finns redan) \((\d+)\)", capsys.readouterr().out, re.M)
    )
    assert counts == {"Nya": "0", "Ändrade": "0", "Finns redan": "4"}
    assert main(["import", "excel", str(workbook), "--db", str(db_path), "--update"]) == 0
    assert differences(before, dump(db_path)) == []
