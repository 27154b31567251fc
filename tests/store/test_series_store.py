"""Series in the store: created in one transaction, read back, "denna och alla följande"
changing exactly the following ones, cancelling and deleting, and undone as one step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from app.core.attendance import Attendance
from app.core.errors import ValidationError
from app.core.series import MONTHLY, WEEKLY, SeriesRule, occurrences
from app.core.vocabulary import Status

RULE = SeriesRule(MONTHLY, 1, 1, date(2019, 1, 8), nth=2, count=6)  # 2nd tuesday


@pytest.fixture
def template(make_activity):
    return make_activity(
        "Frukostmöte",
        "Gävle",
        date(2019, 1, 8),
        Status.PLANERAD,
        title="Frukostmöte om ASF",
        start_time=time(8),
        end_time=time(9, 30),
        place="Stadshuset",
    )


def _series_rows(store) -> int:
    with store.file.read() as con:
        return con.execute("SELECT count(*) FROM activity_series").fetchone()[0]


def test_create_writes_the_rule_and_every_occurrence(store, insats, template):
    ids = store.series.create(template, RULE, insats)
    stored = store.activities.get_many(ids)
    assert [a.start for a in stored] == occurrences(RULE)
    assert {a.start_time for a in stored} == {time(8)}
    assert {a.end_time for a in stored} == {time(9, 30)}
    assert {a.title for a in stored} == {"Frukostmöte om ASF"}
    (series_id,) = {a.series_id for a in stored}
    series = store.series.get(series_id)
    assert series.rule == RULE
    assert series.occurrence_ids == tuple(ids)
    assert series.place(ids[2]) == (
        "Del av serie: Varje månad den andra tisdagen, 6 tillfällen (tillfälle 3 av 6)"
    )
    rows = store.activities.rows(insats.id, 2019)
    assert [r.series_place for r in rows] == [(n, 6) for n in range(1, 7)]


def test_series_place_counts_every_year(store, insats, template):
    rule = SeriesRule(WEEKLY, 2, 1, date(2019, 12, 3), count=4)
    store.series.create(replace(template, start=date(2019, 12, 3)), rule, insats)
    # 3, 17 and 31 december, 14 january
    assert [r.series_place for r in store.activities.rows(insats.id, 2019)] == [
        (1, 4),
        (2, 4),
        (3, 4),
    ]
    assert [r.series_place for r in store.activities.rows(insats.id, 2020)] == [(4, 4)]


def test_a_bad_rule_writes_nothing(store, insats, template):
    beyond = SeriesRule(WEEKLY, 1, 1, date(2021, 12, 7), count=5)  # the insats ends 2021
    with pytest.raises(ValidationError):
        store.series.create(template, beyond, insats)
    assert _series_rows(store) == 0
    assert store.activities.rows(insats.id, None) == []


def test_this_and_following_changes_exactly_the_following(store, insats, template):
    ids = store.series.create(template, RULE, insats)
    # The first is held with counts; the fourth was moved by hand.
    first = store.activities.get(ids[0])
    held = replace(first, status=Status.GENOMFORD, attendance=Attendance.build(14))
    store.activities.update(held)
    moved = store.activities.get(ids[3])
    store.activities.update(replace(moved, start=date(2019, 4, 10)))
    held_later = store.activities.get(ids[4])
    store.activities.update(
        replace(held_later, status=Status.GENOMFORD, attendance=Attendance.build(9))
    )
    before_all = store.activities.get_many(ids)

    before = store.activities.get(ids[2])
    after = replace(
        before, place="Folkets hus", start_time=time(7, 30), attendance=Attendance.build(20)
    )
    result = store.series.update_following(before, after)
    now = store.activities.get_many(ids)

    assert now[:2] == before_all[:2]  # earlier ones untouched
    for old, new in zip(before_all[2:], now[2:], strict=True):
        assert new.place == "Folkets hus"
        assert new.start_time == time(7, 30)
        assert new.start == old.start  # each keeps its own date (the moved one too)
    assert now[3].start == date(2019, 4, 10)
    assert now[4].attendance.total == 9  # held with counts: kept
    assert result.kept_counts == (ids[4],)
    assert [a.attendance.total for a in now[2:]] == [20, 20, 9, 20]


def test_cancel_and_delete_following(store, insats, template):
    ids = store.series.create(template, RULE, insats)
    store.series.cancel(ids[1])
    assert store.activities.get(ids[1]).status is Status.INSTALLD
    deleted = store.series.delete_following(ids[3])
    assert deleted == ids[3:]
    series = store.series.get(store.activities.get(ids[0]).series_id)
    assert series.occurrence_ids == tuple(ids[:3])
    assert series.rule.count == 3
    store.series.delete_series(series.id)
    assert store.activities.rows(insats.id, None) == []
    assert _series_rows(store) == 0


def test_undo_of_a_series_creation_removes_every_occurrence(store, insats, template):
    store.changes.collect()
    store.series.create(template, RULE, insats)
    done = store.changes.collect(label="skapa serie")
    assert done is not None
    store.changes.revert(done.id, "ångra skapa serie")
    assert store.activities.rows(insats.id, None) == []
    assert _series_rows(store) == 0
    undo = store.changes.sets(limit=1)[0]
    store.changes.revert(undo.id, "gör om skapa serie")
    assert [r.start for r in store.activities.rows(insats.id, None)] == occurrences(RULE)
    assert _series_rows(store) == 1
