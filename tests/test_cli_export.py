"""`insatslogg export excel`, through the parser the lead wires into app.cli."""

from __future__ import annotations

import argparse
from datetime import date

import pytest
from openpyxl import load_workbook

from app.cli_export import register, run
from app.core.attendance import Attendance


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="insatslogg")
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


@pytest.fixture
def filled(store, add_activity, db_path):
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30))
    add_activity("Workshop", "Hofors", date(2019, 4, 2), attendance=Attendance.build(12))
    return db_path


def test_a_year(filled, tmp_path, capsys):
    out = tmp_path / "Insatslogg 2018.xlsx"
    args = parse(["export", "excel", "--year", "2018", "-o", str(out), "--db", str(filled)])

    assert args.handler is run
    assert run(args) == 0

    assert capsys.readouterr().out == f"Exporterade 1 aktivitet (2018) till {out}.\n"
    wb = load_workbook(out)
    assert wb["Närvarologg"]["E2"].value == "Seminarium"  # Datum, Slutdatum, Tid, Titel, Typ
    assert "Deltagare med namn" not in wb.sheetnames


def test_a_period_with_names(filled, tmp_path, capsys):
    out = tmp_path / "p.xlsx"
    args = parse(
        [
            "export",
            "excel",
            "--from",
            "2018",
            "--to",
            "2019",
            "-o",
            str(out),
            "--names",
            "--db",
            str(filled),
        ]
    )

    assert run(args) == 0

    assert "Exporterade 2 aktiviteter (2018–2019)" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb["Deltagare med namn"]["A2"].value == "Inga namngivna deltagare 2018–2019."
    assert wb["Per typ"]["B2"].value == "2018"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2018"], "både --from ÅR och --to ÅR"),
        (["--year", "2018", "--to", "2019"], "antingen --year ÅR eller --from ÅR --to ÅR"),
        (["--from", "2019", "--to", "2018"], "baklänges"),
        (["--year", "2031"], "2031 ligger utanför insatsens år (2018–2021)"),
    ],
)
def test_bad_years_are_refused_in_swedish(filled, tmp_path, capsys, argv, message):
    out = tmp_path / "x.xlsx"
    args = parse(["export", "excel", *argv, "-o", str(out), "--db", str(filled)])

    assert run(args) == 1

    assert message in capsys.readouterr().err
    assert not out.exists()


def test_the_file_must_be_xlsx(filled, tmp_path, capsys):
    args = parse(
        ["export", "excel", "--year", "2018", "-o", str(tmp_path / "x.csv"), "--db", str(filled)]
    )

    assert run(args) == 1
    assert "ska sluta på .xlsx" in capsys.readouterr().err


def test_a_missing_database(tmp_path, capsys):
    args = parse(
        [
            "export",
            "excel",
            "--year",
            "2018",
            "-o",
            str(tmp_path / "x.xlsx"),
            "--db",
            str(tmp_path / "nej.sqlite3"),
        ]
    )

    assert run(args) == 1
    assert "finns inte" in capsys.readouterr().err


def test_an_unwritable_folder(filled, tmp_path, capsys):
    args = parse(
        [
            "export",
            "excel",
            "--year",
            "2018",
            "-o",
            str(tmp_path / "nej" / "x.xlsx"),
            "--db",
            str(filled),
        ]
    )

    assert run(args) == 1
    assert "Kunde inte spara" in capsys.readouterr().err


def test_a_year_is_required(tmp_path, capsys):
    with pytest.raises(SystemExit):
        parse(["export", "excel", "-o", str(tmp_path / "x.xlsx")])
