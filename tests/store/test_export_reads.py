"""The export's reads: every activity with all its fields, streamed; month counts."""

from __future__ import annotations

import inspect
from datetime import date

from app.core.activity_columns import Kind, LoggedActivity, log_columns, log_values
from app.core.attendance import Attendance
from app.core.vocabulary import OrgCategory, Scope, Status

HEADERS = tuple(c.log_header for c in log_columns())


def by_header(row: LoggedActivity) -> dict[str, object]:
    return dict(zip(HEADERS, log_values(log_columns(), row), strict=True))


def test_rows_are_streamed_in_date_order(store, insats, add_activity):
    add_activity("Workshop", "Hofors", date(2018, 9, 1))
    add_activity("Seminarium", "Gävle", date(2018, 2, 1))
    add_activity("Podd", Scope.NATIONELLT, date(2019, 1, 1))

    rows = store.exports.activity_rows(insats.id, 2018, 2018)

    assert inspect.isgenerator(rows)
    got = list(rows)
    assert [r.start for r in got] == [date(2018, 2, 1), date(2018, 9, 1)]
    assert [by_header(r)["Datum"] for r in got] == [date(2018, 2, 1), date(2018, 9, 1)]
    assert store.exports.activity_count(insats.id, 2018, 2019) == 3


def test_remainders_are_what_is_not_broken_down(store, insats, add_activity):
    add_activity(
        "Seminarium",
        Scope.LANSOVERGRIPANDE,
        date(2018, 2, 1),
        attendance=Attendance.build(10, by_org={OrgCategory.ASF: 4}, women=3),
    )

    (row,) = store.exports.activity_rows(insats.id, 2018, 2018)
    values = by_header(row)

    assert values["Kommun"] == "Länsövergripande"
    assert values["Organisation: ASF"] == 4
    assert values["Organisation: Ej fördelat"] == 6
    assert values["Roll: Ej fördelat"] == 10
    assert values["Kön: Ej angivet"] == 7
    assert values["Slutdatum"] is None and values["Anteckningar"] is None
    counts = [c.log_header for c in log_columns() if c.kind is Kind.COUNT]
    assert len(counts) == 17 and counts[0] == "Deltagare"


def test_text_lengths_are_the_longest_values(store, insats, add_activity):
    add_activity("Seminarium", "Gävle", date(2018, 2, 1), title="Kort")
    add_activity("Seminarium", "Söderhamn", date(2018, 3, 1), title="En längre titel", place="Ute")

    lengths = store.exports.text_lengths(insats.id, 2018, 2018)

    assert lengths["titel"] == len("En längre titel")
    assert lengths["plats"] == 3
    assert lengths["kommun"] == len("Länsövergripande")  # the longest a place can be
    text_keys = {c.key for c in log_columns() if c.kind is Kind.TEXT and c.excel_width is None}
    # every text column of the närvarologg without a set width (Tid) has its longest text
    assert set(lengths) == text_keys


def test_month_counts_count_held_activities(store, insats, add_activity):
    add_activity("Seminarium", "Gävle", date(2018, 2, 1), attendance=Attendance.build(10))
    add_activity("Seminarium", "Gävle", date(2018, 2, 20), attendance=Attendance.build(5))
    add_activity("Seminarium", "Gävle", date(2018, 2, 21), Status.PLANERAD)
    add_activity("Seminarium", "Gävle", date(2019, 12, 1), attendance=Attendance.build(7))

    counts = store.exports.month_counts(insats.id, 2018, 2019)

    assert counts == {(2018, 2): (2, 15), (2019, 12): (1, 7)}
