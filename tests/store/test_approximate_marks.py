"""An approximate date and estimated counts are stored, read back everywhere the activity
or milestone is read, and survive a restart, an edit and an import."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.core.attendance import Attendance
from app.core.milestones import Milestone
from app.core.vocabulary import MilestoneKind, Scope, Status
from tests.store.reopening import reopen


def test_an_activitys_marks_are_stored_and_read_back_everywhere(store, insats, add_activity):
    marked = add_activity(
        "Temadag",
        "Ljusdal",
        date(2016, 4, 15),
        attendance=Attendance.build(30),
        highlight="Insatsens avstamp.",
        date_approximate=True,
        counts_approximate=True,
    )
    exact = add_activity("Seminarium", "Gävle", date(2016, 9, 1), attendance=Attendance.build(12))
    assert (marked.date_approximate, marked.counts_approximate) == (True, True)
    assert (exact.date_approximate, exact.counts_approximate) == (False, False)

    [row_marked, row_exact] = store.activities.rows(insats.id, 2016)
    assert (row_marked.date_approximate, row_marked.counts_approximate) == (True, True)
    assert (row_exact.date_approximate, row_exact.counts_approximate) == (False, False)
    logged = {r.title: r for r in store.exports.activity_rows(insats.id, 2016, 2016)}
    assert logged[marked.title].counts_approximate and logged[marked.title].date_approximate
    assert not logged[exact.title].counts_approximate
    [highlight] = store.report_texts.highlights(insats.id, 2016, 2016)
    assert highlight.date_approximate is True

    # Only the date is approximate now; the counts are known.
    edited = store.activities.update(replace(marked, counts_approximate=False))
    assert (edited.date_approximate, edited.counts_approximate) == (True, False)
    store.close()
    reopened = reopen(store)
    try:
        assert reopened.activities.get(marked.id) == edited
        assert reopened.activities.get(exact.id) == exact
    finally:
        reopened.close()


def test_the_held_activities_with_estimated_counts_are_counted_for_the_report(
    store, insats, add_activity
):
    for day, status, estimated in (
        (date(2018, 1, 10), Status.GENOMFORD, True),
        (date(2018, 5, 10), Status.GENOMFORD, True),
        (date(2018, 6, 10), Status.GENOMFORD, False),
        (date(2018, 7, 10), Status.INSTALLD, True),  # not held
        (date(2019, 1, 10), Status.GENOMFORD, True),  # another year
    ):
        add_activity(
            "Seminarium",
            Scope.LANSOVERGRIPANDE,
            day,
            status=status,
            attendance=Attendance.build(0 if status is Status.INSTALLD else 5),
            counts_approximate=estimated,
        )
    count = store.exports.approximate_counts
    assert count(insats.id, date(2018, 1, 1), date(2018, 12, 31)) == 2
    assert count(insats.id, date(2018, 1, 1), date(2018, 4, 30)) == 1
    assert count(insats.id, date(2018, 1, 1), date(2019, 12, 31)) == 3


def test_an_import_keeps_the_marks(store, insats, make_activity):
    activities = [
        make_activity(
            "Frukostmöte",
            "Ockelbo",
            date(2016, 11, 15),
            attendance=Attendance.build(18),
            date_approximate=True,
            counts_approximate=n % 2 == 0,
            title=f"Frukostmöte {n}",
        )
        for n in range(4)
    ]
    ids = store.activities.import_many(activities)
    got = store.activities.get_many(ids)
    assert [(a.date_approximate, a.counts_approximate) for a in got] == [
        (True, True),
        (True, False),
        (True, True),
        (True, False),
    ]


def test_a_milestones_approximate_date_is_stored(store, insats):
    saved = store.milestones.save(
        Milestone(
            None, insats.id, date(2016, 7, 1), MilestoneKind.POLICY, "Policy antagen",
            date_approximate=True,
        )
    )  # fmt: skip
    exact = store.milestones.save(
        Milestone(None, insats.id, date(2017, 9, 15), MilestoneKind.PRIS, "Pris")
    )
    assert saved.date_approximate is True and exact.date_approximate is False
    assert [m.date_approximate for m in store.milestones.list(insats.id)] == [True, False]
    [entry] = store.summaries.year_summary(insats.id, 2016).milestones
    assert entry.date_approximate is True
    changed = store.milestones.save(replace(saved, date_approximate=False))
    assert changed.date_approximate is False
    store.close()
    reopened = reopen(store)
    try:
        assert reopened.milestones.get(saved.id) == changed
        assert reopened.milestones.get(exact.id) == exact
    finally:
        reopened.close()
