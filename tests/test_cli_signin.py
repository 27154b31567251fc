"""`insatslogg narvarolista`, through the parser the lead wires into app.cli."""

from __future__ import annotations

import argparse
from datetime import date

from pypdf import PdfReader

from app.cli_signin import register, run
from app.core.attendance import Attendance
from app.operations.reports import signin_sheet_for
from app.reports.signin_sheet import one_page_rows


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="insatslogg")
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_a_sheet(store, add_activity, db_path, tmp_path, capsys):
    activity = add_activity("Workshop", "Hofors", date(2019, 4, 2), title="Workshop i Hofors")
    out = tmp_path / "Närvarolista.pdf"
    args = parse(
        ["narvarolista", "--activity", str(activity.id), "-o", str(out), "--db", str(db_path)]
    )

    assert args.handler is run
    assert run(args) == 0
    rows = one_page_rows(signin_sheet_for(store, activity.id))

    assert capsys.readouterr().out == (
        f"Skrev närvarolistan för Workshop i Hofors ({rows} rader, 1 sida) till {out}.\n"
    )
    first = PdfReader(out).pages[0].extract_text()
    assert "Workshop i Hofors" in first and "2 april 2019" in first and "Hofors" in first


def test_fewer_rows_fit_on_one_page(store, add_activity, db_path, tmp_path, capsys):
    activity = add_activity()
    out = tmp_path / "x.pdf"
    argv = ["narvarolista", "--activity", str(activity.id), "-o", str(out), "--rows", "12"]
    assert run(parse([*argv, "--db", str(db_path)])) == 0
    assert "(12 rader, 1 sida)" in capsys.readouterr().out


def test_the_rows_follow_the_expected_participants(store, add_activity, db_path, tmp_path, capsys):
    activity = add_activity(attendance=Attendance.build(40))
    out = tmp_path / "x.pdf"
    argv = ["narvarolista", "--activity", str(activity.id), "-o", str(out)]
    assert run(parse([*argv, "--db", str(db_path)])) == 0
    assert "(45 rader, 2 sidor)" in capsys.readouterr().out
    numbers = [
        int(line)
        for page in PdfReader(out).pages
        for line in (page.extract_text() or "").splitlines()
        if line.isdigit()
    ]
    assert numbers == list(range(1, 46))


def test_a_missing_activity(store, db_path, tmp_path, capsys):
    args = parse(
        ["narvarolista", "--activity", "77", "-o", str(tmp_path / "x.pdf"), "--db", str(db_path)]
    )
    assert run(args) == 1
    assert capsys.readouterr().err.startswith("insatslogg: ")
    assert not (tmp_path / "x.pdf").exists()


def test_the_file_must_be_pdf(store, db_path, tmp_path, capsys):
    args = parse(
        ["narvarolista", "--activity", "1", "-o", str(tmp_path / "x.txt"), "--db", str(db_path)]
    )
    assert run(args) == 1
    assert "ska sluta på .pdf" in capsys.readouterr().err


def test_a_missing_database(tmp_path, capsys):
    db = tmp_path / "nej.sqlite3"
    args = parse(
        ["narvarolista", "--activity", "1", "-o", str(tmp_path / "x.pdf"), "--db", str(db)]
    )
    assert run(args) == 1
    assert "finns inte" in capsys.readouterr().err


def test_an_unwritable_folder(store, add_activity, db_path, tmp_path, capsys):
    activity = add_activity()
    out = tmp_path / "nej" / "x.pdf"
    args = parse(
        ["narvarolista", "--activity", str(activity.id), "-o", str(out), "--db", str(db_path)]
    )
    assert run(args) == 1
    assert "Kunde inte spara" in capsys.readouterr().err
