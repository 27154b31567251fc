"""A recurring calendar event whose RRULE a series can hold becomes a series: its
occurrences are stored with the series, on the dates the calendar's own expansion
(recurring_ical_events) gives; other recurring events stay single activities."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import recurring_ical_events

from app.core.series import MONTHLY, WEEKLY, occurrences
from app.importers.text_report import report_lines
from app.operations.imports import commit_import
from tests.importers.conftest import Import
from tests.importers.test_ics import OUTLOOK_TZ, W, event

CALENDAR = (
    "BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\nVERSION:2.0\n"
    + OUTLOOK_TZ
    + event("weekly", "SUMMARY:Processtöd Hofors", f"DTSTART;{W}:20190903T130000",
            f"DTEND;{W}:20190903T150000", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=8",
            "LOCATION:Hofors")
    + event("monthly", "SUMMARY:Frukostmöte ASF", f"DTSTART;{W}:20190108T073000",
            f"DTEND;{W}:20190108T090000",
            "RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;UNTIL=20191231T225959Z",
            "LOCATION:Stadshuset\\, Gävle")
    + event("daily", "SUMMARY:Utbildningsvecka", "DTSTART;VALUE=DATE:20190520",
            "RRULE:FREQ=DAILY;COUNT=3", "LOCATION:Gävle")
    + event("single", "SUMMARY:Seminarium ASF", f"DTSTART;{W}:20190410T090000",
            f"DTEND;{W}:20190410T120000", "LOCATION:Bollnäs")
    + "END:VCALENDAR\n"
)  # fmt: skip


def _expanded(path: Path, uid: str) -> list[date]:
    """The calendar's own expansion of one event, by the library the calendar uses."""
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    found = recurring_ical_events.of(cal).between(date(2018, 1, 1), date(2022, 1, 1))
    return sorted(c.get("DTSTART").dt.date() for c in found if str(c.get("UID")) == uid)


def test_weekly_and_monthly_rrules_become_series(
    tmp_path: Path, report_of: Import, store, insats
) -> None:
    path = tmp_path / "serier.ics"
    path.write_text(CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    report = report_of(path)
    assert report.series() == 2
    commit_import(store, report.activities())

    by_title = {s.rule.frequency: s for s in store.series.of_insats(insats.id)}
    assert set(by_title) == {WEEKLY, MONTHLY}
    for frequency, uid, title in (
        (WEEKLY, "weekly", "Processtöd Hofors"),
        (MONTHLY, "monthly", "Frukostmöte ASF"),
    ):
        series = by_title[frequency]
        stored = store.activities.get_many(list(series.occurrence_ids))
        expected = _expanded(path, uid)
        assert len(expected) > 3
        assert [a.start for a in stored] == expected
        assert occurrences(series.rule) == expected  # the rule itself gives the dates
        assert {a.title for a in stored} == {title}
    assert by_title[MONTHLY].rule.nth == 2
    assert by_title[WEEKLY].rule.interval == 2
    rows = store.activities.rows(insats.id, 2019)
    singles = [r.title for r in rows if r.series_id is None]
    # The daily event is no series a rule here can hold: three single activities.
    assert sorted(singles) == ["Seminarium ASF", *["Utbildningsvecka"] * 3]


def test_the_report_says_how_many_series(tmp_path: Path, report_of: Import, context) -> None:
    path = tmp_path / "serier.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    lines = report_lines(report_of(path), context)
    assert "  Återkommande händelser blir 2 serier" in lines


def test_a_series_cut_by_the_period_is_fitted_to_what_was_taken(
    tmp_path: Path, store, insats, context
) -> None:
    from app.importers import build_report, read_source
    from app.importers.report import SourceKind

    path = tmp_path / "serier.ics"
    path.write_text(CALENDAR, encoding="utf-8")
    source = read_source(path, SourceKind.ICS, (date(2019, 3, 1), date(2019, 6, 30)))
    report = build_report(source, context, kind=SourceKind.ICS)
    commit_import(store, report.activities())
    (monthly,) = store.series.of_insats(insats.id)
    days = [a.start for a in store.activities.get_many(list(monthly.occurrence_ids))]
    assert days == [date(2019, 3, 12), date(2019, 4, 9), date(2019, 5, 14), date(2019, 6, 11)]
    assert occurrences(monthly.rule) == days
