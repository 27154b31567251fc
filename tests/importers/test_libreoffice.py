"""A spreadsheet made as a user would make it: typed into LibreOffice Calc and saved as .xlsx.

Calc turns the ISO dates into real dates and the counts into numbers, leaves "15/3 2018"
as text, and writes its own workbook structure; the importer must read all of it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.vocabulary import Scope, Status
from tests.importers.conftest import Import
from tests.soffice import SOFFICE, convert

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) finns inte")

TYPED = (
    "Aktiviteter inom ASF-insatsen;;;;;;\n"
    "Processledare: Anna;;;;;;\n"
    ";;;;;;\n"
    "Datum;Aktivitet;Titel;Kommun;Antal deltagare;Kvinnor;Män\n"
    "2018-03-15;Frukostmöte;Frukost om ASF;Gävle;25;15;10\n"
    "15/3 2018;Seminarium;Seminarium i Hofors;Hofors kommun;12 st;;\n"
    ";;;;;;\n"
    "2018-04-20;Temadag;Temadag för hela länet;Länet;40;22;18\n"
    "2020-02-01;Konferens;Kommande konferens;Sandviken;;;\n"
    "Summa;;;;77;37;28\n"
)


def convert_csv(csv_path: Path, out: Path) -> Path:
    """The semicolon-separated UTF-8 file as LibreOffice saves it as a workbook."""
    out.mkdir(parents=True, exist_ok=True)
    done = convert(csv_path, out, "xlsx", infilter="CSV:59,34,76,1", timeout=180)
    assert done.returncode == 0, done.stderr
    made = out / (csv_path.stem + ".xlsx")
    assert made.exists()
    return made


def test_a_sheet_saved_by_libreoffice(
    tmp_path: Path, report_of: Import, kommun_ids: dict[str, int]
) -> None:
    typed = tmp_path / "aktiviteter.csv"
    typed.write_text(TYPED, encoding="utf-8")
    workbook = convert_csv(typed, tmp_path / "out")

    report = report_of(workbook)

    assert report.rejected == []
    assert [(r.label, r.activity.title) for r in report.accepted] == [
        ("Rad 5", "Frukost om ASF"),
        ("Rad 6", "Seminarium i Hofors"),
        ("Rad 8", "Temadag för hela länet"),
        ("Rad 9", "Kommande konferens"),
    ]
    first, second, third, fourth = (r.activity for r in report.accepted)
    assert (first.start, first.kommun_id, first.attendance.total) == (
        date(2018, 3, 15),
        kommun_ids["Gävle"],
        25,
    )
    assert (second.start, second.kommun_id, second.attendance.total) == (
        date(2018, 3, 15),
        kommun_ids["Hofors"],
        12,
    )
    assert third.scope is Scope.LANSOVERGRIPANDE and third.attendance.women == 22
    assert fourth.status is Status.PLANERAD
    assert report.skipped == [
        "Rad 10: summeringsrad (”Summa”), hoppas över",
        "1 tom rad hoppades över (rad 7)",
    ]
