"""Calendar files from Outlook and Google Calendar become activities of guessed types."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.errors import DomainError
from app.core.vocabulary import Format, Scope, Status
from app.importers import ImportReport
from app.importers.calendar import local_date, read_calendar, zone_for
from tests.importers.conftest import Import

OUTLOOK_TZ = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
"""
W = "TZID=W. Europe Standard Time"


def event(uid: str, *lines: str) -> str:
    return (
        "BEGIN:VEVENT\nUID:"
        + uid
        + "\nDTSTAMP:20180101T000000Z\n"
        + "\n".join(lines)
        + "\nEND:VEVENT\n"
    )


OUTLOOK = (
    "BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\n"
    "VERSION:2.0\nMETHOD:PUBLISH\n"
    + OUTLOOK_TZ
    + event("1", "SUMMARY:Frukostmöte ASF", f"DTSTART;{W}:20180315T073000",
            f"DTEND;{W}:20180315T090000", "LOCATION:Stadshuset\\, Gävle")
    + event("2", "SUMMARY:Temadag om sociala företag", "DTSTART;VALUE=DATE:20180410",
            "DTEND;VALUE=DATE:20180411", "LOCATION:Söderhamn")
    + event("3", "SUMMARY:Konferens social ekonomi", "DTSTART;VALUE=DATE:20180515",
            "DTEND;VALUE=DATE:20180517", "LOCATION:Folkets hus")
    + event("4", "SUMMARY:Nätverksträff ASF Hofors", f"DTSTART;{W}:20180904T130000",
            f"DTEND;{W}:20180904T150000", "RRULE:FREQ=WEEKLY;COUNT=5",
            f"EXDATE;{W}:20180918T130000", "LOCATION:Hofors")
    + event("5", "SUMMARY:Seminarium ASF", "STATUS:CANCELLED", f"DTSTART;{W}:20181010T090000",
            f"DTEND;{W}:20181010T120000", "LOCATION:Bollnäs")
    + event("6", "SUMMARY:Inställt: Workshop upphandling", f"DTSTART;{W}:20181011T090000",
            f"DTEND;{W}:20181011T120000", "LOCATION:Gävle")
    + event("7", "SUMMARY:Kunskapsdialog med politiker", f"DTSTART;{W}:20200212T090000",
            f"DTEND;{W}:20200212T120000", "LOCATION:Ljusdal")
    + event("8", "SUMMARY:Info om ASF", f"DTSTART;{W}:20181105T100000",
            f"DTEND;{W}:20181105T110000", "LOCATION:Microsoft Teams-möte")
    + event("9", "SUMMARY:Gammal träff", "DTSTART;VALUE=DATE:20160301",
            "DTEND;VALUE=DATE:20160302")
    + event("10", "SUMMARY:Sent möte", "DTSTART:20181120T230000Z", "DTEND:20181120T233000Z",
            "LOCATION:Sandviken")
    + "END:VCALENDAR\n"
)  # fmt: skip


@pytest.fixture
def outlook(tmp_path: Path, report_of: Import) -> ImportReport:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK.replace("\n", "\r\n"), encoding="utf-8")
    return report_of(path)


def rows(report: ImportReport) -> list[tuple[date, date | None, str, Status]]:
    return [
        (r.activity.start, r.activity.end, r.activity.title, r.activity.status)
        for r in report.accepted
    ]


def test_an_outlook_calendar(
    outlook: ImportReport, kommun_ids: dict[str, int], type_ids: dict[str, int]
) -> None:
    G, P, I = Status.GENOMFORD, Status.PLANERAD, Status.INSTALLD  # noqa: E741, N806
    assert rows(outlook) == [
        (date(2018, 3, 15), None, "Frukostmöte ASF", G),
        (date(2018, 4, 10), None, "Temadag om sociala företag", G),  # all day
        (date(2018, 5, 15), date(2018, 5, 16), "Konferens social ekonomi", G),  # DTEND exclusive
        (date(2018, 9, 4), None, "Nätverksträff ASF Hofors", G),
        (date(2018, 9, 11), None, "Nätverksträff ASF Hofors", G),
        # 18 September is an EXDATE
        (date(2018, 9, 25), None, "Nätverksträff ASF Hofors", G),
        (date(2018, 10, 2), None, "Nätverksträff ASF Hofors", G),
        (date(2018, 10, 10), None, "Seminarium ASF", I),  # STATUS:CANCELLED
        (date(2018, 10, 11), None, "Workshop upphandling", I),  # "Inställt: …"
        (date(2018, 11, 5), None, "Info om ASF", G),
        (date(2018, 11, 21), None, "Sent möte", G),  # 23:00 UTC is past midnight in Sweden
        (date(2020, 2, 12), None, "Kunskapsdialog med politiker", P),  # after "today"
    ]
    assert outlook.rejected == [] and outlook.duplicates == []
    assert outlook.skipped == ["1 händelse utanför perioden 2018-01-01 – 2021-12-31 togs inte med"]
    assert all(r.type_guessed for r in outlook.accepted)
    types = {r.activity.title: r.activity.type_id for r in outlook.accepted}
    assert types["Frukostmöte ASF"] == type_ids["Frukostmöte"]
    assert types["Temadag om sociala företag"] == type_ids["Temadag"]
    assert types["Konferens social ekonomi"] == type_ids["Konferens"]
    assert types["Nätverksträff ASF Hofors"] == type_ids["Nätverksmöte"]
    assert types["Info om ASF"] == type_ids["Informationsmöte"]
    assert types["Sent möte"] == type_ids["Övrigt"]
    where = {r.activity.title: (r.activity.scope, r.activity.kommun_id, r.activity.place)
             for r in outlook.accepted}  # fmt: skip
    assert where["Frukostmöte ASF"] == (Scope.KOMMUN, kommun_ids["Gävle"], "Stadshuset, Gävle")
    assert where["Temadag om sociala företag"] == (Scope.KOMMUN, kommun_ids["Söderhamn"], "")
    assert where["Konferens social ekonomi"] == (Scope.LANSOVERGRIPANDE, None, "Folkets hus")
    info = next(r.activity for r in outlook.accepted if r.activity.title == "Info om ASF")
    assert info.format is Format.DIGITALT
    assert all(r.activity.attendance.total == 0 for r in outlook.accepted)
    assert outlook.warnings == [
        "Händelse 3 (2018-05-15 Konferens social ekonomi): platsen ”Folkets hus” pekar inte ut "
        "någon av förbundets kommuner; lagd som länsövergripande",
        # The held events (not the cancelled 8 and 9, not the planned 12) have no counts.
        "Genomförd utan deltagare: 9 händelser har redan ägt rum men har inga deltagare "
        "(händelse 1, 2, 3, 4, 5, 6, 7, 10 …). Fyll i antalet deltagare efter importen.",
        "1 händelse utan plats som pekar ut en kommun läggs som länsövergripande.",
    ]
    held = [r.row for r in outlook.accepted if "genomförd utan deltagare" in r.warnings]
    assert held == [1, 2, 3, 4, 5, 6, 7, 10, 11]


def test_cancelled_events_can_be_left_out(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    report = report_of(path, include_cancelled=False)
    assert Status.INSTALLD not in {r.activity.status for r in report.accepted}
    assert report.skipped[:2] == [
        "Händelse 8 (2018-10-10 Seminarium ASF): inställd, tas inte med",
        "Händelse 9 (2018-10-11 Workshop upphandling): inställd, tas inte med",
    ]


def test_a_series_is_expanded_only_within_the_period(tmp_path: Path) -> None:
    path = tmp_path / "serie.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\n"
        + event("s", "SUMMARY:Processtöd", "DTSTART;VALUE=DATE:20171225", "RRULE:FREQ=WEEKLY")
        + "END:VCALENDAR\n",
        encoding="utf-8",
    )
    source = read_calendar(path, (date(2018, 1, 1), date(2018, 1, 31)))
    assert [e.start for e in source.events] == [
        date(2018, 1, 1),
        date(2018, 1, 8),
        date(2018, 1, 15),
        date(2018, 1, 22),
        date(2018, 1, 29),
    ]


def test_a_google_calendar_in_utc(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "google.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nVERSION:2.0\n"
        "X-WR-CALNAME:ASF\nX-WR-TIMEZONE:Europe/Stockholm\n"
        + event("g1@google.com", "SUMMARY:Workshop ASF", "DTSTART:20180312T230000Z",
                "DTEND:20180313T010000Z", "LOCATION:Bollnäs bibliotek, Bollnäs, Sverige")
        + "END:VCALENDAR\n",
        encoding="utf-8",
    )  # fmt: skip
    (row,) = report_of(path).accepted
    assert row.activity.start == date(2018, 3, 13)  # 00:00 in Stockholm
    assert row.activity.scope is Scope.KOMMUN


def test_importing_a_calendar_twice_finds_the_duplicates(
    tmp_path: Path, report_of: Import, store
) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    first = report_of(path)
    store.activities.import_many(first.activities())
    again = report_of(path)
    assert again.accepted == []
    assert len(again.duplicates) == len(first.accepted)
    assert {d.reason for d in again.duplicates} == {"finns redan i databasen"}


def test_windows_zone_names() -> None:
    assert zone_for("W. Europe Standard Time") == ZoneInfo("Europe/Berlin")
    assert zone_for("Romance Standard Time") == ZoneInfo("Europe/Paris")
    assert zone_for("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna") == ZoneInfo(
        "Europe/Stockholm"
    )
    assert zone_for("Europe/Stockholm") == ZoneInfo("Europe/Stockholm")
    assert zone_for("Ingen sådan zon") is None
    stockholm = ZoneInfo("Europe/Stockholm")
    late = datetime(2018, 3, 15, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert local_date(late, stockholm) == date(2018, 3, 16)
    assert local_date(datetime(2018, 3, 16, 0, 0, tzinfo=stockholm), stockholm, end=True) == date(
        2018, 3, 15
    )


def test_a_file_that_is_not_a_calendar(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "fel.ics"
    path.write_text("Det här är ingen kalender", encoding="utf-8")
    with pytest.raises(DomainError, match="kan inte läsas som en kalenderfil"):
        report_of(path)
