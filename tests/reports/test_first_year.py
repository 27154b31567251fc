"""The insats's first year is compared with nothing: the previous year's column and the
change read "–" in the workbook and the PDF, as on screen, though the year before has
activities (the record's insats runs 2018–2021; it has activities in 2017)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from app.operations.reports import export_pdf
from tests.reports.test_excel_export import export, read_tables


def test_the_workbook_shows_no_comparison_for_the_first_year(record, out) -> None:  # type: ignore[no-untyped-def]
    assert record.insats.start.year == 2018
    assert record.store.activities.years(record.insats.id)[0] == 2017

    wb = export(record, out / "2018.xlsx", 2018)
    key = read_tables(wb["Nyckeltal"])["Nyckeltal 2018"]
    assert key["columns"] == ["2018", "2017", "Förändring"]
    assert key["rows"]["Deltagare (volym)"] == (50, "–", "–")
    per_type = read_tables(wb["Per typ"])["Aktiviteter per typ 2018"]
    assert per_type["total"][3:] == ("–", "–")

    later = read_tables(export(record, out / "2019.xlsx", 2019)["Nyckeltal"])["Nyckeltal 2019"]
    assert later["rows"]["Deltagare (volym)"][1] == 50  # 2019 is compared with 2018


def _flat(path: Path) -> str:
    text = " ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    return " ".join(text.replace("\u00a0", " ").replace("\u2212", "-").split())


def test_the_pdf_shows_no_comparison_for_the_first_year(record, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The board report compares a year in its activity tables: the held activities of
    # the year before and the change, per type and per kommun. 2017 held a seminar in
    # Gävle, but lies before the insats: "–", not 1 and +1.
    path = tmp_path / "2018.pdf"
    export_pdf(record.store, record.request(2018), path)
    text = _flat(path)
    header = "Genomförda Planerade Inställda Genomförda 2017 Förändring"
    per_type = text.split("Aktiviteter per typ 2018", 1)[1]
    assert per_type.startswith(f" Typ {header} Seminarium 2 0 0 – –")
    assert "Totalt 3 1 1 – –" in per_type
    per_kommun = text.split("Aktiviteter per kommun 2018", 1)[1]
    assert per_kommun.startswith(f" Kommun {header} Gävle 2 0 0 – –")

    # 2019 is compared with 2018: its two seminars, none in 2019.
    later = tmp_path / "2019.pdf"
    export_pdf(record.store, record.request(2019), later)
    text = _flat(later)
    per_type = text.split("Aktiviteter per typ 2019", 1)[1]
    assert " Seminarium 0 0 0 2 -2 " in per_type
    assert "Totalt 2 0 0 3 -1" in per_type
