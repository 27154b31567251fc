"""`--from`/`--to` with dates (issue 13, point 2): `summary`, `export excel` and
`export pdf` for exactly `--from 2024-01-01 --to 2024-04-30`, and clear Swedish errors
for dates that are not dates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.core.attendance import Attendance
from app.core.vocabulary import Status
from app.reports.excel_export import ACTIVITY_SHEET

TERTIAL = ["--from", "2024-01-01", "--to", "2024-04-30"]


@pytest.fixture
def until_2024(store, insats, add_activity, db_path: Path) -> Path:
    """The insats runs to 2024; two held activities in its first tertial (12 and 30
    participants), one planned; others just outside it, and a year before."""
    store.reference.save_insats(replace(insats, end=date(2024, 12, 31)))
    add_activity("Seminarium", "Gävle", date(2024, 1, 1), attendance=Attendance.build(12))
    add_activity("Workshop", "Hofors", date(2024, 4, 30), attendance=Attendance.build(30))
    add_activity("Seminarium", "Gävle", date(2024, 4, 29), Status.PLANERAD)
    add_activity("Seminarium", "Gävle", date(2023, 12, 31), attendance=Attendance.build(7))
    add_activity("Seminarium", "Gävle", date(2024, 5, 1), attendance=Attendance.build(9))
    add_activity("Workshop", "Hofors", date(2023, 2, 1), attendance=Attendance.build(5))
    return db_path


def test_summary_of_a_tertial(until_2024: Path, capsys) -> None:
    assert main(["summary", *TERTIAL, "--json", "--db", str(until_2024)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["label"], data["first_day"], data["last_day"]) == (
        "2024 (jan–apr)",
        "2024-01-01",
        "2024-04-30",
    )
    key = {r["label"]: r["values"] for r in data["tables"][0]["rows"]}
    assert key["Genomförda aktiviteter"] == {
        "2024 (jan–apr)": 2,
        "2023 (jan–apr)": 1,
        "Förändring": 1,
    }
    assert key["Planerade aktiviteter"]["2024 (jan–apr)"] == 1
    assert key["Deltagare (volym)"] == {"2024 (jan–apr)": 42, "2023 (jan–apr)": 5, "Förändring": 37}

    # A year given as --from is its first day: the same figures.
    assert (
        main(["summary", "--from", "2024", "--to", "2024-04-30", "--json", "--db", str(until_2024)])
        == 0
    )
    assert json.loads(capsys.readouterr().out) == data

    assert main(["summary", *TERTIAL, "--db", str(until_2024)]) == 0
    out = capsys.readouterr().out
    assert "2024-01-01 – 2024-04-30" in out
    assert "ingår inte i en del av ett år" in out


def test_export_of_a_tertial(until_2024: Path, tmp_path: Path, capsys) -> None:
    xlsx = tmp_path / "t1.xlsx"
    assert main(["export", "excel", *TERTIAL, "-o", str(xlsx), "--db", str(until_2024)]) == 0
    assert (
        capsys.readouterr().out == f"Exporterade 3 aktiviteter (januari–april 2024) till {xlsx}.\n"
    )
    wb = load_workbook(xlsx, read_only=True)
    try:
        dates = sorted(
            r[0] for r in list(wb[ACTIVITY_SHEET].iter_rows(values_only=True))[1:] if r[0]
        )
        assert [d.date() if hasattr(d, "date") else d for d in dates] == [
            date(2024, 1, 1),
            date(2024, 4, 29),
            date(2024, 4, 30),
        ]
    finally:
        wb.close()

    pdf = tmp_path / "t1.pdf"
    assert main(["export", "pdf", *TERTIAL, "-o", str(pdf), "--db", str(until_2024)]) == 0
    assert capsys.readouterr().out.startswith("Skrev rapporten januari–april 2024 (")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Rapport januari–april 2024" in text
    # Held, planned, cancelled, held the same tertial of 2023 (the workshop of
    # 1 February) and the change; the participants 12 + 30.
    per_type = text.split("Aktiviteter per typ januari–april 2024 ", 1)[1]
    assert per_type.startswith(
        "Typ Genomförda Planerade Inställda Genomförda 2023 (jan–apr) Förändring "
        "Seminarium 1 1 0 0 +1 Workshop 1 0 0 1 0 Totalt 2 1 0 1 +1 "
    )
    assert "Genomförda aktiviteter: 2. Deltagare på aktiviteter (volym): 42." in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "2024-02-30", "--to", "2024-04-30"],
            "Datumet 2024-02-30 finns inte (--from). Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2024-01-31.",
        ),
        (
            ["--from", "2024-01-01", "--to", "30/4"],
            "--to ska vara ett år (t.ex. 2024) eller ett datum (ÅÅÅÅ-MM-DD, t.ex. 2024-01-01), "
            "inte ”30/4”.",
        ),
        (
            ["--from", "2024-05-01", "--to", "2024-04-30"],
            "Perioden är baklänges: sista dagen 2024-04-30 kommer före den första, 2024-05-01.",
        ),
        (
            ["--from", "2024-01-01"],
            "En period behöver både --from ÅR och --to ÅR (eller två datum, ÅÅÅÅ-MM-DD).",
        ),
        (
            ["--from", "2024-01-01", "--to", "9999-12-31"],
            "Året 9999 ligger utanför de år Insatslogg räknar med (1990–2100).",
        ),
        (
            ["--from", "2030-01-01", "--to", "2030-04-30"],
            "2030 ligger utanför insatsens år (2018–2024). Välj år inom insatsen.",
        ),
    ],
)
@pytest.mark.parametrize(
    "command", [["summary"], ["export", "excel", "-o", "x.xlsx"], ["export", "pdf", "-o", "x.pdf"]]
)
def test_dates_that_cannot_be_reported(
    until_2024: Path,
    tmp_path: Path,
    monkeypatch,
    capsys,
    command: list[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main([*command, *args, "--db", str(until_2024)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"insatslogg: {message}\n"
    assert not list(tmp_path.glob("x.*"))


def test_the_shared_parsing_gives_the_request(until_2024: Path, store, insats) -> None:
    """app.cli_period as `export docx` uses it: options on a parser, then the request."""
    from app.cli_parser import SwedishParser
    from app.cli_period import add_period_options, period_request
    from app.core.report_period import ReportPeriod
    from app.reports.export_content import ExportRequest

    parser = SwedishParser(prog="insatslogg export docx")
    add_period_options(parser)
    assert period_request(parser.parse_args(TERTIAL), store) == ExportRequest.for_period(
        insats.id, ReportPeriod.own(date(2024, 1, 1), date(2024, 4, 30))
    )
    whole_years = parser.parse_args(["--from", "2018", "--to", "2020"])
    assert period_request(whole_years, store) == ExportRequest(insats.id, 2018, 2020)
    assert period_request(parser.parse_args(["--year", "2019"]), store) == ExportRequest(
        insats.id, 2019, 2019
    )
