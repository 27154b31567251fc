"""A calendar's timed events keep their clock times, in the user's time zone (Outlook's
times were dropped before); all-day events have none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

from app.importers import ImportReport
from tests.importers.conftest import Import
from tests.importers.test_ics import OUTLOOK, W, event


def _times(report: ImportReport) -> list[tuple[date, str, time | None, time | None]]:
    return [
        (r.activity.start, r.activity.title, r.activity.start_time, r.activity.end_time)
        for r in report.accepted
    ]


def test_outlooks_times_are_kept_in_swedish_time(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK.replace("\n", "\r\n"), encoding="utf-8")
    found = {(d, title): (s, e) for d, title, s, e in _times(report_of(path))}
    assert found[date(2018, 3, 15), "Frukostmöte ASF"] == (time(7, 30), time(9))
    assert found[date(2018, 4, 10), "Temadag om sociala företag"] == (None, None)  # all day
    assert found[date(2018, 5, 15), "Konferens social ekonomi"] == (None, None)
    # Every occurrence of a series has the series' times.
    assert {
        times for (_, title), times in found.items() if title == "Nätverksträff ASF Hofors"
    } == {(time(13), time(15))}
    # 23:00–23:30 UTC is 0.00–0.30 in Sweden in November, on the next day.
    assert found[date(2018, 11, 21), "Sent möte"] == (time(0), time(0, 30))


def test_times_over_days_at_midnight_and_floating(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "tider.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\n"
        + event("a", "SUMMARY:Konferens två dagar", f"DTSTART;{W}:20180605T090000",
                f"DTEND;{W}:20180606T160000")
        + event("b", "SUMMARY:Kvällsmöte", "DTSTART;TZID=Europe/Stockholm:20180607T200000",
                "DTEND;TZID=Europe/Stockholm:20180608T000000")
        + event("c", "SUMMARY:Frukostmöte utan zon", "DTSTART:20180611T080000",
                "DURATION:PT1H30M")
        + event("d", "SUMMARY:Workshop sommartid", "DTSTART:20180612T070000Z",
                "DTEND:20180612T100000Z")
        + "END:VCALENDAR\n",
        encoding="utf-8",
    )  # fmt: skip
    report = report_of(path)
    assert report.rejected == []
    assert _times(report) == [
        (date(2018, 6, 5), "Konferens två dagar", time(9), time(16)),
        (date(2018, 6, 7), "Kvällsmöte", time(20), None),  # ends at midnight
        (date(2018, 6, 11), "Frukostmöte utan zon", time(8), time(9, 30)),
        (date(2018, 6, 12), "Workshop sommartid", time(9), time(12)),  # UTC+2 in June
    ]
    two_days = report.accepted[0].activity
    assert two_days.end == date(2018, 6, 6)


def test_a_stored_event_without_times_gets_them_from_the_calendar(
    tmp_path: Path, report_of: Import, store
) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    first = report_of(path)
    # As an older Insatslogg stored them: without the times.
    store.activities.import_many(
        [replace(a, start_time=None, end_time=None) for a in first.activities()]
    )
    again = report_of(path)
    breakfast = next(c for c in again.changed if c.stored.title == "Frukostmöte ASF")
    assert [str(d) for d in breakfast.differences] == ["Tid: (tomt) → kl. 7.30–9.00"]
    store.activities.import_many([], updates=again.to_update(True))
    stored = store.activities.get(breakfast.stored.id)
    assert (stored.start_time, stored.end_time) == (time(7, 30), time(9))
    assert report_of(path).changed == []
