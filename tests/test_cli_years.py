"""Any year gets an answer (issue 11, point 8): a year no date can have gets a clear
Swedish message and exit code 1, never "oväntat fel"; a year without data the normal
(empty) summary. The database holds an activity dated 9999-12-31, written with sqlite3
as an old file may hold it."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.attendance import Attendance

RANGE = "ligger utanför de år Insatslogg räknar med (1990–2100)."


@pytest.fixture
def old_file(store, add_activity, db_path: Path) -> Path:
    stored = add_activity("Seminarium", "Gävle", date(2019, 3, 1), attendance=Attendance.build(30))
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE activity SET start_date = '9999-12-31' WHERE id = ?", (stored.id,))
    con.close()
    add_activity("Frukostmöte", "Hofors", date(2018, 5, 1), attendance=Attendance.build(12))
    return db_path


@pytest.mark.parametrize("year", ["9999", "0", "-1", "1989", "2101", "100000"])
def test_summary_of_an_impossible_year(old_file: Path, capsys, year: str) -> None:
    code = main(["summary", "--year", year, "--db", str(old_file)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"insatslogg: Året {year} {RANGE}\n"


@pytest.mark.parametrize(
    "years",
    [
        ["--year", "9999"],
        ["--year", "0"],
        ["--from", "2018", "--to", "9999"],
        ["--from", "-1", "--to", "2018"],
    ],
)
@pytest.mark.parametrize("kind", ["excel", "pdf"])
def test_export_of_an_impossible_year(
    old_file: Path, tmp_path: Path, capsys, kind: str, years: list[str]
) -> None:
    output = tmp_path / f"rapport.{'xlsx' if kind == 'excel' else 'pdf'}"
    code = main(["export", kind, *years, "-o", str(output), "--db", str(old_file)])
    out, err = capsys.readouterr()
    bad = next(y for y in years[1::2] if not 1990 <= int(y) <= 2100)
    assert (code, out) == (1, "")
    assert err == f"insatslogg: Året {bad} {RANGE}\n"
    assert not output.exists()


def test_a_year_in_range_without_data_is_the_empty_summary(old_file: Path, capsys) -> None:
    assert main(["summary", "--year", "2100", "--json", "--db", str(old_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2100
    key_figures = data["tables"][0]
    assert key_figures["rows"][0]["label"] == "Genomförda aktiviteter"
    assert {r["values"]["2100"] for r in key_figures["rows"]} == {0}


def test_the_years_with_data_still_answer(old_file: Path, capsys) -> None:
    assert main(["summary", "--year", "2018", "--json", "--db", str(old_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tables"][0]["rows"][0]["values"]["2018"] == 1


def test_an_import_period_in_an_impossible_year(old_file: Path, tmp_path: Path, capsys) -> None:
    calendar = tmp_path / "kalender.ics"
    calendar.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["import", "ics", str(calendar), "--to", "9999-12-31", "--db", str(old_file)])
    assert exited.value.code == 2  # argparse's code for a bad argument
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "insatslogg import: fel: --to: Datumet 9999-12-31 ligger utanför de år Insatslogg "
        "tar emot (1990–2100)"
    )
