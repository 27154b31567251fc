"""CSV files as Excel and others write them: ; or , or tab, UTF-8 or Windows-1252."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.importers.spreadsheets import read_csv, sniff_delimiter
from tests.importers.conftest import Import

SWEDISH_EXCEL = (
    "Aktiviteter 2018;;;;\r\n"
    ";;;;\r\n"
    "Datum;Aktivitet;Titel;Ort;Antal deltagare;Kvinnor;Män\r\n"
    "2018-03-15;Frukostmöte;Frukost på Ovanåker;Ovanåker;12;7;5\r\n"
    ";;;;;;\r\n"
    '15/3 2018;Seminarium;"Seminarium; med semikolon";Söderhamn;20 st;;\r\n'
    "Summa;;;;32;7;5\r\n"
)


def test_semicolons_and_windows_1252_as_swedish_excel_saves(
    tmp_path: Path, report_of: Import, kommun_ids: dict[str, int]
) -> None:
    path = tmp_path / "logg.csv"
    path.write_bytes(SWEDISH_EXCEL.encode("cp1252"))
    report = report_of(path)
    assert report.rejected == []
    assert [(r.label, r.activity.title, r.activity.kommun_id) for r in report.accepted] == [
        ("Rad 4", "Frukost på Ovanåker", kommun_ids["Ovanåker"]),
        ("Rad 6", "Seminarium; med semikolon", kommun_ids["Söderhamn"]),
    ]
    assert report.accepted[1].activity.start == date(2018, 3, 15)
    assert report.accepted[1].activity.attendance.total == 20
    assert report.skipped == [
        "Rad 7: summeringsrad (”Summa”), hoppas över",
        "1 tom rad hoppades över (rad 5)",
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ","), ("utf-8-sig", "\t"), ("cp1252", ";")],
)
def test_encodings_and_delimiters(
    tmp_path: Path, report_of: Import, encoding: str, delimiter: str
) -> None:
    lines = [
        ["Datum", "Typ", "Titel/tema", "Kommun", "Deltagare totalt"],
        ["2018-03-15", "Frukostmöte", "Frukost, ASF i Gävle", "Gävle", "12"],
        ["2018-03-16", "Temadag", "Temadag Söderhamn", "Söderhamn", "40"],
    ]
    quoted = [delimiter.join(f'"{c}"' if delimiter in c else c for c in line) for line in lines]
    path = tmp_path / "logg.csv"
    path.write_bytes("\n".join(quoted).encode(encoding))
    report = report_of(path)
    assert [r.activity.title for r in report.accepted] == [
        "Frukost, ASF i Gävle",
        "Temadag Söderhamn",
    ]


def test_the_delimiter_is_the_one_that_splits_rows_evenly() -> None:
    assert sniff_delimiter("Datum;Antal\n2018-03-15;12,5\n2018-03-16;3") == ";"
    assert sniff_delimiter("Datum,Antal\n2018-03-15,12\n") == ","
    assert sniff_delimiter("Datum\tTitel, tema\n2018-03-15\tA, B\n") == "\t"


def test_row_numbers_count_records_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "rader.csv"
    path.write_text('Datum;Titel\n\n2018-03-15;"Två\nrader"\n', encoding="utf-8")
    table = read_csv(path)
    assert [(r.number, r.cells) for r in table.rows] == [
        (1, ("Datum", "Titel")),
        (3, ("2018-03-15", "Två\nrader")),
    ]


def test_a_first_row_that_names_organisations_and_statuses_is_data_not_a_header(
    tmp_path: Path, report_of: Import
) -> None:
    # "Arbetsförmedlingen" and "Genomförd" are also column names; the row is still an
    # activity (it has a date and a number) and must not vanish into the header.
    path = tmp_path / "logg.csv"
    path.write_text(
        "Datum;Titel;Medarrangör;Status;Antal\n"
        "2018-03-15;Frukost;Arbetsförmedlingen;Genomförd;12\n"
        "2018-04-15;Seminarium;Hofors kommun;Genomförd;20\n",
        encoding="utf-8",
    )
    report = report_of(path)
    assert [(r.label, r.activity.title, r.activity.attendance.total) for r in report.accepted] == [
        ("Rad 2", "Frukost", 12),
        ("Rad 3", "Seminarium", 20),
    ]
