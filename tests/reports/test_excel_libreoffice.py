"""The exported workbook opens in LibreOffice: converted headless to CSV, sheet by sheet,
the values are the ones written. Skipped where LibreOffice (soffice) is not installed."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from app.operations.exports import export_excel
from tests.soffice import SOFFICE, convert

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# Comma separated, UTF-8 (76), first line as is, every sheet to its own file (-1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.mark.timeout(300)
def test_libreoffice_reads_every_sheet(record, tmp_path):
    xlsx = tmp_path / "Insatslogg 2018.xlsx"
    export_excel(record.store, record.request(2018, names=True), xlsx)
    out = tmp_path / "csv"
    out.mkdir()

    done = convert(xlsx, out, CSV_FILTER)

    assert done.returncode == 0, done.stderr
    sheets = {p.stem.removeprefix("Insatslogg 2018-"): p for p in out.glob("*.csv")}
    assert {"Närvarologg", "Deltagare med namn", "Per typ", "Avvikelser"} <= set(sheets)
    log = read_csv(sheets["Närvarologg"])
    header = log[0]
    (known,) = [
        dict(zip(header, r, strict=False))
        for r in log[1:]
        if r[header.index("Titel")] == record.known.title
    ]
    assert known["Datum"] == "2018-03-14"
    assert known["Slutdatum"] == "2018-03-15"
    assert known["Medarrangörer"] == "Arbetsförmedlingen, Region Gävleborg"
    assert known["Deltagare"] == "30"
    assert known["Organisation: Ej fördelat"] == "13"
    assert known["Kön: Ej angivet"] == "3"
    summary = record.store.summaries.year_summary(record.insats.id, 2018)
    per_type = read_csv(sheets["Per typ"])
    assert per_type[0][0] == "Aktiviteter per typ 2018"
    assert per_type[1][:6] == ["Typ", *summary.table("aktiviteter_typ").columns]
    rows = {r[0]: r[1:6] for r in per_type[2:] if r and r[0]}
    per_type_table = summary.table("aktiviteter_typ")
    for row in per_type_table.rows:
        assert rows[row.label] == [str(v) for v in per_type_table.shown(row)]
    assert rows["Totalt"] == [str(v) for v in per_type_table.shown(per_type_table.total)]
    assert rows["Totalt"][3:] == ["–", "–"]  # 2018 is the insats's first year
    names = read_csv(sheets["Deltagare med namn"])
    assert names[1][2] == "Anna Andersson"


@pytest.mark.timeout(300)
def test_libreoffice_prints_it_to_pdf(record, tmp_path):
    xlsx = tmp_path / "p.xlsx"
    export_excel(record.store, record.request(2017, 2019), xlsx)

    done = convert(xlsx, tmp_path, "pdf")

    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "p.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Genomförda aktiviteter per typ 2017–2019" in text
        assert "Sida 1 av" in text
