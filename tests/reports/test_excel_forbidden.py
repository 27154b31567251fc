"""The Excel export never writes a sheet that does not open (issue 11, point 7).

An old file may hold characters XML forbids (U+FFFF, U+FFFE, control characters) in any
text: written here with sqlite3, as no API stores them any more. The workbook must open
in openpyxl and in LibreOffice, with those characters taken out and the rest kept.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from app.operations.exports import export_excel
from tests.reports.conftest import Record
from tests.reports.test_excel_libreoffice import CSV_FILTER, SOFFICE, convert, read_csv

DIRTY = "Frukost\uffff om ASF\ufffe i \x01Gävle\x1f"
CLEAN = "Frukost om ASF i Gävle"


@pytest.fixture
def dirty(record: Record, db_path: Path) -> Record:
    """The record with forbidden characters in the known activity's title, place and
    notes, in a kommun's name, an organisation's name and a group's name."""
    con = sqlite3.connect(db_path)
    with con:
        con.execute(
            "UPDATE activity SET title = ?, place = ?, notes = ? WHERE id = ?",
            (DIRTY, "Stads\uffffhuset", "Bra\x0b möte", record.known.id),
        )
        con.execute("UPDATE kommun SET name = 'Gävle\uffff' WHERE name = 'Gävle'")
        con.execute(
            "UPDATE organisation SET name = 'Arbetsförmedlingen\ufffe' "
            "WHERE name = 'Arbetsförmedlingen'"
        )
        con.execute("UPDATE samverkansgrupp SET name = name || '\uffff'")
    con.close()
    return record


def test_every_sheet_is_well_formed_xml_and_opens(dirty: Record, tmp_path: Path) -> None:
    xlsx = tmp_path / "Insatslogg 2018.xlsx"
    export_excel(dirty.store, dirty.request(2018, names=True), xlsx)

    with zipfile.ZipFile(xlsx) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(z.read(name))  # raises on an ill-formed part
    wb = load_workbook(xlsx)  # not read-only: every sheet is parsed
    log = wb["Närvarologg"]
    header = [c.value for c in log[1]]
    (row,) = [
        {h: c.value for h, c in zip(header, r, strict=False)}
        for r in log.iter_rows(min_row=2)
        if r[header.index("Titel")].value == CLEAN
    ]
    assert row["Plats"] == "Stadshuset"
    assert row["Kommun"] == "Gävle"
    assert row["Medarrangörer"] == "Arbetsförmedlingen, Region Gävleborg"
    texts = [str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value]
    assert not [t for t in texts if any(ch in t for ch in "\uffff\ufffe\x01\x0b\x1f")]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.timeout(300)
def test_libreoffice_opens_it(dirty: Record, tmp_path: Path) -> None:
    xlsx = tmp_path / "Insatslogg 2018.xlsx"
    export_excel(dirty.store, dirty.request(2018, names=True), xlsx)
    out = tmp_path / "csv"
    out.mkdir()

    done = convert(xlsx, out, CSV_FILTER)

    assert done.returncode == 0, done.stderr
    sheets = {p.stem.removeprefix("Insatslogg 2018-"): p for p in out.glob("*.csv")}
    log = read_csv(sheets["Närvarologg"])
    titles = [r[log[0].index("Titel")] for r in log[1:] if r]
    assert CLEAN in titles
    per_kommun = read_csv(sheets["Per kommun"])
    assert "Gävle" in [r[0] for r in per_kommun if r]
