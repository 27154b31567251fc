"""Clock times in spreadsheets: a Tid/Kl./Klockslag column, Starttid and Sluttid columns,
a time written in the date cell; bad times are a row's Swedish reason."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from app.importers.date_values import read_times
from app.importers.fields import Field
from tests.importers.conftest import Import, write_xlsx


def _times(report) -> dict[str, tuple[time | None, time | None]]:
    return {r.activity.title: (r.activity.start_time, r.activity.end_time) for r in report.accepted}


def test_a_time_column_is_read_in_the_forms_people_write(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "tider.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Tid", "Deltagare"),
            ("2018-03-15", "Frukostmöte", "Gävle", "09.00–11.30", 10),
            ("2018-03-16", "Seminarium", "Gävle", "9-11.30", 10),
            ("2018-03-17", "Workshop", "Gävle", "9.00 - 11.30", 10),
            ("2018-03-18", "Nätverksträff", "Gävle", "kl. 13–15.30", 10),
            ("2018-03-19", "Kunskapsdialog", "Gävle", "09:00", 10),
            ("2018-03-20", "Temadag", "Gävle", time(8, 15), 10),
            ("2018-03-21", "Utan tid", "Gävle", None, 10),
        ],
    )
    report = report_of(path)
    assert report.mapping is not None
    assert report.mapping.columns[3].field is Field.TIME
    assert report.rejected == []
    assert _times(report) == {
        "Frukostmöte": (time(9), time(11, 30)),
        "Seminarium": (time(9), time(11, 30)),
        "Workshop": (time(9), time(11, 30)),
        "Nätverksträff": (time(13), time(15, 30)),
        "Kunskapsdialog": (time(9), None),
        "Temadag": (time(8, 15), None),
        "Utan tid": (None, None),
    }
    assert all(not r.activity.notes for r in report.accepted)  # not "Tid: …" in the notes


def test_kl_and_klockslag_headers_and_start_and_end_columns(
    tmp_path: Path, report_of: Import
) -> None:
    kl = write_xlsx(
        tmp_path / "kl.xlsx",
        [("Datum", "Titel", "Kl.", "Deltagare"), ("2018-04-03", "Frukost", "8-9.30", 5)],
    )
    klockslag = write_xlsx(
        tmp_path / "klockslag.xlsx",
        [("Datum", "Titel", "Klockslag"), ("2018-04-04", "Seminarium", "13.15–16")],
    )
    two = write_xlsx(
        tmp_path / "start-slut.xlsx",
        [
            ("Datum", "Titel", "Starttid", "Sluttid"),
            ("2018-04-05", "Workshop", "10.00", "12.00"),
            ("2018-04-06", "Bara start", time(9, 30), None),
        ],
    )
    assert _times(report_of(kl)) == {"Frukost": (time(8), time(9, 30))}
    assert _times(report_of(klockslag)) == {"Seminarium": (time(13, 15), time(16))}
    report = report_of(two)
    assert [c.field for c in report.mapping.columns][2:] == [Field.START, Field.END]
    assert _times(report) == {
        "Workshop": (time(10), time(12)),
        "Bara start": (time(9, 30), None),
    }


def test_a_time_in_the_date_cell_is_kept(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "datum-med-tid.xlsx",
        [
            ("Datum", "Titel"),
            ("2018-03-15 kl. 9.00–11.30", "Frukostmöte"),
            (datetime(2018, 3, 16, 13, 0), "Seminarium"),
            (datetime(2018, 3, 17), "Heldag"),
        ],
    )
    report = report_of(path)
    assert [r.activity.start.isoformat() for r in report.accepted] == [
        "2018-03-15",
        "2018-03-16",
        "2018-03-17",
    ]
    assert _times(report) == {
        "Frukostmöte": (time(9), time(11, 30)),
        "Seminarium": (time(13), None),
        "Heldag": (None, None),
    }


def test_a_time_that_cannot_be_read_is_the_rows_reason(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "fel.xlsx",
        [
            ("Datum", "Titel", "Tid", "Sluttid"),
            ("2018-03-15", "Förmiddag", "förmiddag", None),
            ("2018-03-16", "Baklänges", "11.30–9", None),
            ("2018-03-17", "Omöjlig", "25.00", None),
            ("2018-03-18", "Bara slut", None, "12.00"),
            ("2018-03-19", "Bra rad", "9–10", None),
        ],
    )
    report = report_of(path)
    assert [str(r) for r in report.rejected] == [
        "Rad 2: klockslaget ”förmiddag” kan inte läsas; skriv till exempel 9.00–11.30",
        "Rad 3: sluttiden (kl. 9.00) måste vara efter starttiden (kl. 11.30)",
        "Rad 4: klockslaget ”25.00” finns inte (timmar 0–23, minuter 0–59)",
        "Rad 5: Ange en starttid när en sluttid är angiven (sluttid kl. 12.00)",
    ]
    assert _times(report) == {"Bra rad": (time(9), time(10))}


def test_cells_a_sheet_made_numbers_of():
    assert read_times(9) == (time(9), None)
    assert read_times(9.3) == (time(9, 30), None)  # "9.30" typed, taken for a number
    assert read_times(0.375) == (time(9), None)  # an Excel time, a fraction of a day
    assert read_times("") == (None, None)


def test_over_several_days_the_end_time_is_on_the_last_day(
    tmp_path: Path, report_of: Import
) -> None:
    path = write_xlsx(
        tmp_path / "konferens.xlsx",
        [
            ("Datum", "Slutdatum", "Titel", "Tid"),
            ("2018-05-15", "2018-05-16", "Konferens", "kl. 13.00–12.00"),
            ("2018-05-17", None, "Frukost", "kl. 13.00–12.00"),
        ],
    )
    report = report_of(path)
    (conference,) = report.accepted
    assert conference.activity.end is not None
    assert (conference.activity.start_time, conference.activity.end_time) == (time(13), time(12))
    assert [str(r) for r in report.rejected] == [
        "Rad 3: sluttiden (kl. 12.00) måste vara efter starttiden (kl. 13.00)"
    ]
