"""Limits on what an import takes in (issue 11, point 7): field lengths, rows per import,
characters XML forbids, mixed encodings, years, and calendar series without an end.

Each test reads a file the way the window and the command line do (read_source +
build_report) and looks at what the user gets: the report's rows and messages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core import limits
from app.core.errors import DomainError
from app.importers import ImportReport
from tests.importers.conftest import Import, write_xlsx
from tests.importers.test_ics import event

HEADER = ["Datum", "Typ", "Titel", "Kommun", "Antal"]


def _reasons(report: ImportReport) -> dict[str, str]:
    return {r.label: "; ".join(r.reasons) for r in report.rejected}


# --- field lengths ---------------------------------------------------------------------------


def test_a_title_longer_than_the_schema_holds_is_that_rows_error(
    tmp_path: Path, report_of: Import
) -> None:
    long_title = "Frukostmöte " + "x" * limits.ACTIVITY_TITLE  # 512 characters
    huge = "Seminarium " + "y" * 300_000  # openpyxl writes the 32 767 a cell holds
    path = write_xlsx(
        tmp_path / "logg.xlsx",
        [
            [*HEADER, "Anteckningar"],
            ["2018-03-15", "Frukostmöte", long_title, "Gävle", 12],
            ["2018-03-16", "Seminarium", huge, "Gävle", 20],
            ["2018-03-17", "Temadag", "Temadag i Hofors", "Hofors", 30, "Bra möte"],
            ["2018-03-18", "Temadag", "Temadag i Ljusdal", "Ljusdal", 5, "z" * 25_000],
        ],
    )
    report = report_of(path)

    assert [r.activity.title for r in report.accepted] == ["Temadag i Hofors"]
    reasons = _reasons(report)
    assert reasons["Rad 2"] == "Titeln har 512 tecken, men högst 500 får plats"
    assert reasons["Rad 3"] == "Titeln har 32\u00a0767 tecken, men högst 500 får plats"
    assert reasons["Rad 5"] == (
        "Anteckningarna har 25\u00a0000 tecken, men högst 20\u00a0000 får plats"
    )
    # What the report shows of a rejected row stays short.
    assert max(len(r.content) for r in report.rejected) <= 160


def test_a_place_too_long_and_a_huge_title_from_a_csv(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "logg.csv"
    place = "Stadshuset " + "p" * 300
    huge = "Temadag " + "t" * 100_000  # more than a cell holds: cut on reading
    path.write_text(
        "Datum;Typ;Titel;Plats;Antal\n"
        f"2018-03-15;Frukostmöte;Frukost;{place};12\n"
        "2018-03-16;Seminarium;Seminarium;Gävle;20\n"
        f"2018-03-17;Temadag;{huge};Gävle;20\n",
        encoding="utf-8",
    )
    report = report_of(path)
    assert [r.activity.title for r in report.accepted] == ["Seminarium"]
    assert _reasons(report) == {
        "Rad 2": "Platsen har 311 tecken, men högst 300 får plats",
        "Rad 4": "Titeln har över 32\u00a0767 tecken, men högst 500 får plats",
    }


# --- rows per import -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_more_rows_than_the_cap_is_refused_with_a_message(
    tmp_path: Path, report_of: Import, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(limits, "MAX_IMPORT_ROWS", 30)
    rows = [HEADER] + [
        [f"2018-03-{d:02d}", "Temadag", f"Temadag {d}", "Gävle", d] for d in range(1, 29)
    ]
    path = tmp_path / f"logg{suffix}"
    if suffix == ".xlsx":
        write_xlsx(path, rows)
    else:
        path.write_text("\n".join(";".join(map(str, r)) for r in rows), encoding="utf-8")
    # 29 rows (the header and 28 activities): within the cap.
    assert len(report_of(path).accepted) == 28

    more = rows + [["2018-04-01", "Temadag", "En till", "Gävle", 3]] * 2
    if suffix == ".xlsx":
        write_xlsx(path, more)
    else:
        path.write_text("\n".join(";".join(map(str, r)) for r in more), encoding="utf-8")
    with pytest.raises(DomainError) as refused:
        report_of(path)
    assert str(refused.value) == (
        f"logg{suffix} har fler än 30 rader. Insatslogg importerar högst 30 rader åt gången: "
        "dela upp filen i flera (till exempel ett år i varje) och importera dem var för sig."
    )


# --- characters XML forbids ------------------------------------------------------------------


def test_characters_xml_forbids_are_cleaned_on_reading(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "logg.csv"
    path.write_text(
        "Datum;Typ;Titel;Plats;Antal;Anteckningar\n"
        "2018-03-15;Frukostmöte;Frukost\uffff om ASF\ufffe;Stads\x01huset;12;bra\x0b möte\n",
        encoding="utf-8",
    )
    (row,) = report_of(path).accepted
    assert row.activity.title == "Frukost om ASF"
    assert row.activity.place == "Stadshuset"
    assert row.activity.notes == "bra möte"


# --- mixed encodings -------------------------------------------------------------------------


def test_a_csv_mixing_utf8_and_windows_1252_is_read_line_by_line_and_warned_about(
    tmp_path: Path, report_of: Import
) -> None:
    lines = [
        ("Datum;Typ;Titel;Kommun;Antal", "utf-8"),
        ("2018-03-15;Frukostmöte;Frukost på Ovanåker;Ovanåker;12", "utf-8"),
        ("2018-03-16;Seminarium;Seminarium i Söderhamn;Söderhamn;20", "cp1252"),
        ("2018-03-17;Temadag;Temadag Gävle;Gävle;30", "utf-8"),
        ("2018-03-18;Workshop;Workshop för företagare;Gävle;8", "cp1252"),
        ("2018-03-19;Temadag;Träff med näringslivet;Hofors;9", "utf-8"),
    ]
    path = tmp_path / "blandad.csv"
    path.write_bytes(b"\r\n".join(text.encode(enc) for text, enc in lines))
    report = report_of(path)

    assert [r.activity.title for r in report.accepted] == [
        "Frukost på Ovanåker",
        "Seminarium i Söderhamn",
        "Temadag Gävle",
        "Workshop för företagare",
        "Träff med näringslivet",
    ]
    (warning,) = [w for w in report.warnings if "teckenkodning" in w]
    assert warning == (
        "blandad.csv blandar två teckenkodningar: rad 2, 4, 6 är skrivna i UTF-8 och "
        "rad 3, 5 i Windows-1252. Varje rad har lästs med sin egen teckenkodning; "
        "kontrollera å, ä och ö på de raderna efter importen."
    )


def test_a_csv_in_one_encoding_gets_no_warning(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "logg.csv"
    text = "Datum;Titel;Kommun\n2018-03-15;Frukost på Ovanåker;Ovanåker\n"
    path.write_bytes(text.encode())
    assert not [w for w in report_of(path).warnings if "teckenkodning" in w]
    path.write_bytes(text.encode("cp1252"))
    report = report_of(path)
    assert [r.activity.title for r in report.accepted] == ["Frukost på Ovanåker"]
    assert not [w for w in report.warnings if "teckenkodning" in w]


# --- years -----------------------------------------------------------------------------------


def test_years_outside_the_range_are_the_rows_errors(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "logg.csv"
    path.write_text(
        "Datum;Typ;Titel;Kommun;Antal;Slutdatum\n"
        "0001-01-01;Temadag;Ett;Gävle;1;\n"
        "9999-12-31;Temadag;Två;Gävle;2;\n"
        "1989-12-31;Temadag;Tre;Gävle;3;\n"
        "2018-03-15;Temadag;Fyra;Gävle;4;9999-01-01\n"
        "15/3 18;Temadag;Fem;Gävle;5;\n"
        "2100-12-31;Temadag;Sex;Gävle;6;\n",
        encoding="utf-8",
    )
    report = report_of(path)
    range_text = "ligger utanför de år Insatslogg tar emot (1990–2100)"
    assert _reasons(report) == {
        "Rad 2": f"datumet 0001-01-01 {range_text}",
        "Rad 3": f"datumet 9999-12-31 {range_text}",
        "Rad 4": f"datumet 1989-12-31 {range_text}",
        "Rad 5": f"slutdatumet 9999-01-01 {range_text}",
    }
    # A two-digit year is this century's; a four-digit one is read as written.
    assert [(r.activity.title, r.activity.start) for r in report.accepted] == [
        ("Fem", date(2018, 3, 15)),
        ("Sex", date(2100, 12, 31)),
    ]


def test_a_real_date_cell_outside_the_range(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "logg.xlsx",
        [
            HEADER,
            [date(1950, 6, 1), "Temadag", "Gammal", "Gävle", 1],
            [date(2018, 6, 1), "Temadag", "Ny", "Gävle", 1],
        ],
    )
    report = report_of(path)
    assert _reasons(report) == {
        "Rad 2": "datumet 1950-06-01 ligger utanför de år Insatslogg tar emot (1990–2100)"
    }
    assert [r.activity.title for r in report.accepted] == ["Ny"]


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\n" + "".join(events) + "END:VCALENDAR\n"


def test_one_event_in_year_9999_is_that_events_error(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(
        _calendar(
            event("1", "SUMMARY:Frukostmöte ASF", "DTSTART;VALUE=DATE:20180315", "LOCATION:Gävle"),
            event("2", "SUMMARY:Slutet", "DTSTART;VALUE=DATE:99991231"),
            event("3", "SUMMARY:Början", "DTSTART:00010101T100000Z"),
            event(
                "4", "SUMMARY:Temadag", "DTSTART;VALUE=DATE:20180410", "DTEND;VALUE=DATE:99991231"
            ),
        ),  # fmt: skip
        encoding="utf-8",
    )
    report = report_of(path)

    assert [r.activity.title for r in report.accepted] == ["Frukostmöte ASF"]
    range_text = "ligger utanför de år Insatslogg tar emot (1990–2100)"
    assert _reasons(report) == {
        "Händelsen ”Slutet”": f"datumet 9999-12-31 {range_text}",
        "Händelsen ”Början”": f"datumet 0001-01-01 {range_text}",
        "Händelsen ”Temadag”": f"slutdatumet 9999-12-30 {range_text}",
    }


def test_a_daily_series_without_an_end_stops_at_the_insats_and_says_so(
    tmp_path: Path, report_of: Import, insats: object
) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(
        _calendar(
            event("d", "SUMMARY:Avstämning", "DTSTART;VALUE=DATE:20210901", "RRULE:FREQ=DAILY"),
            event(
                "w",
                "SUMMARY:Processtöd",
                "DTSTART;VALUE=DATE:20211201",
                "RRULE:FREQ=WEEKLY;COUNT=10",
            ),
            event(
                "e",
                "SUMMARY:Tidig träff",
                "DTSTART;VALUE=DATE:20171218",
                "RRULE:FREQ=WEEKLY;UNTIL=20180115",
            ),
        ),  # fmt: skip
        encoding="utf-8",
    )
    report = report_of(path)
    # The insats runs 2018-01-01 – 2021-12-31.
    titles = [r.activity.title for r in report.accepted]
    assert titles.count("Avstämning") == 122  # 1 September – 31 December 2021
    assert titles.count("Processtöd") == 5  # 1, 8, 15, 22 and 29 December
    assert titles.count("Tidig träff") == 3  # 1, 8 and 15 January 2018
    assert [w for w in report.warnings if w.startswith("Serien")] == [
        "Serien ”Avstämning” upprepas utan slut: 122 tillfällen till och med insatsens slut "
        "2021-12-31 tas med, senare tillfällen tas inte med.",
        "Serien ”Processtöd” fortsätter efter insatsens slut 2021-12-31: 5 tillfällen tas "
        "med, 5 senare tas inte med.",
        "Serien ”Tidig träff” börjar före insatsens start 2018-01-01: 3 tillfällen tas med, "
        "2 tidigare tas inte med.",
    ]
