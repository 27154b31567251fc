"""The placements' gender rule, the same in the workbook and the PDF as on screen:
a place whose user's gender was not reported is "Kön ej angivet", never an avvikelse."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from app.core.placements import COL_GENDER_UNKNOWN, WHAT_GENDER, Placement
from app.core.vocabulary import Outcome
from app.operations.exports import export_excel
from app.operations.reports import export_pdf
from tests.reports.test_excel_export import export, read_tables


def _add_unassigned(record, kommun_ids) -> None:  # type: ignore[no-untyped-def]
    record.store.placements.save(
        Placement(
            None,
            record.insats.id,
            2017,
            kommun_id=kommun_ids["Gävle"],
            granted=3,
            used=3,
            women=1,  # two places whose user's gender was not reported
            outcomes={Outcome.ARBETE: 3},
        )
    )


def test_the_workbook_has_the_column_and_no_gender_avvikelse(record, kommun_ids, out) -> None:  # type: ignore[no-untyped-def]
    _add_unassigned(record, kommun_ids)
    wb = export(record, out / "p.xlsx", 2017, 2019)

    measures = read_tables(wb["Placeringar"])["Individinriktade insatser (placeringar) 2017–2019"]
    assert measures["rows"][COL_GENDER_UNKNOWN] == (2, 0, 0, 2)
    assert (
        measures["rows"]["Kvinnor"][0] + measures["rows"]["Män"][0] + 2
        == (measures["rows"]["Nyttjade"][0])
    )
    listed = [c.value for row in wb["Avvikelser"].iter_rows() for c in row]
    assert WHAT_GENDER not in listed
    assert not any("kön" in str(v).casefold() for v in listed if v)

    path = out / "2017.xlsx"
    export_excel(record.store, record.request(2017), path)
    tables = read_tables(load_workbook(path)["Placeringar"])
    table = tables["Individinriktade insatser (placeringar) 2017"]
    assert dict(zip(table["columns"], table["rows"]["Gävle"], strict=True))[COL_GENDER_UNKNOWN] == 2


def test_the_pdf_says_it_the_same_way(record, kommun_ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _add_unassigned(record, kommun_ids)
    path = tmp_path / "2017.pdf"
    export_pdf(record.store, record.request(2017), path)

    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    at = lines.index(COL_GENDER_UNKNOWN)
    assert lines[at + 1] == "2"
    assert WHAT_GENDER not in text
