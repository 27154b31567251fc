from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.errors import DomainError, ValidationError
from app.core.vocabulary import Format, OrgCategory, Role, Scope, Status
from tests.store.reopening import reopen

STEPS = (date(2018, 9, 12), date(2018, 2, 7), date(2018, 5, 3), date(2018, 11, 20))


@pytest.fixture
def training(make_activity, org_ids) -> Activity:
    """A training given in four steps, with co-organisers and a full breakdown."""
    return make_activity(
        "Utbildning",
        "Hudiksvall",
        date(2018, 1, 1),  # overridden by the steps
        title="  Utbildning i ASF, steg 1–4 ",
        steps=STEPS,
        place="Folkets hus",
        format=Format.HYBRID,
        coorganiser_ids=(org_ids["Region Gävleborg"], org_ids["Arbetsförmedlingen"]),
        notes="Fyra träffar",
        attendance=Attendance.build(
            24,
            by_org={OrgCategory.KOMMUN: 10, OrgCategory.ASF: 6},
            by_role={Role.TJANSTEPERSON: 12, Role.CHEF: 3, Role.ASF_FORETRADARE: 6},
            women=15,
            men=7,
        ),
    )


def test_add_and_get_a_training_in_steps(store, training, kommun_ids, org_ids):
    added = store.activities.add(training)

    assert added.id is not None
    assert added.title == "Utbildning i ASF, steg 1–4"
    assert added.steps == tuple(sorted(STEPS))
    assert (added.start, added.end) == (date(2018, 2, 7), date(2018, 11, 20))
    assert added.kommun_id == kommun_ids["Hudiksvall"]
    assert added.scope is Scope.KOMMUN
    assert added.format is Format.HYBRID
    assert added.coorganiser_ids == tuple(
        sorted([org_ids["Region Gävleborg"], org_ids["Arbetsförmedlingen"]])
    )
    assert added.attendance.total == 24
    assert added.attendance.org(OrgCategory.KOMMUN) == 10
    assert added.attendance.role(Role.ASF_FORETRADARE) == 6
    assert added.attendance.org_unallocated == 8
    assert added.attendance.gender_unknown == 2

    fetched = store.activities.get(added.id)
    assert fetched == added


def test_update_a_single_day_activity(store, add_activity, kommun_ids, org_ids):
    original = add_activity(
        "Seminarium", "Gävle", date(2018, 4, 10), Status.PLANERAD, Attendance.build(30)
    )

    changed = replace(
        original,
        title="Seminarium om upphandling",
        status=Status.GENOMFORD,
        scope=Scope.LANSOVERGRIPANDE,
        end=date(2018, 4, 11),
        format=Format.DIGITALT,
        coorganiser_ids=(org_ids["Movexum"],),
        attendance=Attendance.build(28, by_role={Role.FORTROENDEVALD: 9}, women=14, men=14),
    )
    updated = store.activities.update(changed)

    assert updated.id == original.id
    assert updated.kommun_id is None  # dropped with the scope change
    assert updated == replace(changed, kommun_id=None)
    assert store.activities.get(original.id) == updated


def test_update_replaces_co_organisers(store, add_activity, org_ids):
    a = add_activity(
        coorganiser_ids=(org_ids["Movexum"], org_ids["Tillväxtverket"]),
    )

    b = store.activities.update(replace(a, coorganiser_ids=(org_ids["Tillväxtverket"],)))
    c = store.activities.update(replace(b, coorganiser_ids=()))

    assert b.coorganiser_ids == (org_ids["Tillväxtverket"],)
    assert c.coorganiser_ids == ()
    assert store.activities.get(a.id).coorganiser_ids == ()


def test_update_a_training_in_steps(store, training):
    added = store.activities.add(training)

    new_steps = (*added.steps[:3], date(2018, 12, 4))  # last step moved
    updated = store.activities.update(replace(added, title="Utbildning i ASF", steps=new_steps))

    assert updated.steps == new_steps
    assert (updated.start, updated.end) == (date(2018, 2, 7), date(2018, 12, 4))
    assert store.activities.get(added.id) == updated


def test_steps_can_be_moved_to_new_dates(store, training):
    """Replacing every step date works (no old date is kept)."""
    added = store.activities.add(training)

    new_steps = (date(2019, 1, 10), date(2019, 2, 10))
    updated = store.activities.update(replace(added, steps=new_steps))

    assert updated.steps == new_steps
    assert (updated.start, updated.end) == new_steps
    assert store.activities.get(added.id).steps == new_steps


def test_a_single_step_is_stored_as_a_single_day(store, make_activity):
    added = store.activities.add(make_activity(steps=(date(2018, 6, 6),)))

    assert (added.start, added.end, added.steps) == (date(2018, 6, 6), None, ())


def test_delete_returns_a_snapshot_that_can_be_put_back(store, insats, training):
    added = store.activities.add(training)

    snapshot = store.activities.delete(added.id)

    assert snapshot == added
    with pytest.raises(DomainError, match="finns inte längre"):
        store.activities.get(added.id)
    assert store.activities.rows(insats.id, None) == []

    restored = store.activities.add(snapshot)

    assert restored.id == added.id
    assert restored == added
    assert store.activities.get(added.id) == added


def test_missing_activity(store, make_activity):
    with pytest.raises(DomainError, match="Aktiviteten finns inte längre"):
        store.activities.get(42)
    with pytest.raises(DomainError, match="finns inte längre"):
        store.activities.delete(42)
    with pytest.raises(DomainError, match="finns inte längre"):
        store.activities.update(replace(make_activity(), id=42))
    with pytest.raises(ValueError):
        store.activities.update(make_activity())


def test_invalid_activity_is_not_stored(store, insats, make_activity):
    with pytest.raises(ValidationError) as info:
        store.activities.add(make_activity(title=" "))

    assert info.value.problems == ["Ange en titel eller ett tema för aktiviteten."]
    assert store.activities.rows(insats.id, None) == []


def test_rows_for_a_year(store, insats, add_activity):
    add_activity("Seminarium", "Gävle", date(2018, 5, 2), attendance=Attendance.build(40))
    add_activity("Konferens", Scope.LANSOVERGRIPANDE, date(2018, 2, 1), title="Länskonferens")
    add_activity("Podd", Scope.NATIONELLT, date(2018, 12, 31), Status.PLANERAD)
    add_activity("Workshop", "Bollnäs", date(2019, 1, 1), Status.INSTALLD)
    add_activity("Frukostmöte", "Ovanåker", date(2017, 12, 31))

    rows = store.activities.rows(insats.id, 2018)

    assert [(r.start, r.type_name, r.place_label, r.status, r.participants) for r in rows] == [
        (date(2018, 2, 1), "Konferens", "Länsövergripande", Status.GENOMFORD, 0),
        (date(2018, 5, 2), "Seminarium", "Gävle", Status.GENOMFORD, 40),
        (date(2018, 12, 31), "Podd", "Nationellt", Status.PLANERAD, 0),
    ]
    assert rows[0].title == "Länskonferens"
    assert [r.start.year for r in store.activities.rows(insats.id, 2019)] == [2019]
    assert [r.start for r in store.activities.rows(insats.id, None)] == [
        date(2017, 12, 31),
        date(2018, 2, 1),
        date(2018, 5, 2),
        date(2018, 12, 31),
        date(2019, 1, 1),
    ]
    assert store.activities.rows(insats.id, 2020) == []


def test_a_multi_day_activity_belongs_to_the_year_it_starts(store, insats, add_activity):
    add_activity(day=date(2018, 12, 30), end=date(2019, 1, 2))

    assert len(store.activities.rows(insats.id, 2018)) == 1
    assert store.activities.rows(insats.id, 2019) == []
    assert store.activities.rows(insats.id, 2018)[0].end == date(2019, 1, 2)


def test_years(store, insats, add_activity):
    assert store.activities.years(insats.id) == []

    add_activity(day=date(2020, 3, 1))
    add_activity(day=date(2018, 3, 1))
    add_activity(day=date(2018, 9, 1))

    assert store.activities.years(insats.id) == [2018, 2020]


@pytest.mark.parametrize(
    "broken",
    [{"type_id": 9999}, {"kommun_id": 9999}, {"coorganiser_ids": (9999,)}],
    ids=["type", "kommun", "coorganiser"],
)
def test_dangling_reference_is_a_domain_error(store, insats, make_activity, broken):
    with pytest.raises(DomainError, match="kunde inte sparas") as info:
        store.activities.add(replace(make_activity(), **broken))

    assert isinstance(info.value.__cause__, IntegrityError)
    assert store.activities.rows(insats.id, None) == []


def test_dangling_reference_on_update_is_a_domain_error(store, add_activity):
    a = add_activity()

    with pytest.raises(DomainError, match="kunde inte sparas"):
        store.activities.update(replace(a, type_id=9999))

    assert store.activities.get(a.id) == a


def test_edits_survive_closing_and_reopening(store, insats, add_activity, training):
    kept = add_activity("Temadag", "Nordanstig", date(2018, 10, 1), attendance=Attendance.build(5))
    edited = store.activities.update(
        replace(kept, title="Temadag om ASF", attendance=Attendance.build(17, women=9))
    )
    steps = store.activities.add(training)
    gone = add_activity("Podd", Scope.NATIONELLT, date(2018, 11, 1))
    store.activities.delete(gone.id)
    store.close()

    reopened = reopen(store)
    try:
        assert reopened.activities.get(kept.id) == edited
        assert reopened.activities.get(steps.id) == steps
        with pytest.raises(DomainError):
            reopened.activities.get(gone.id)
        assert [r.title for r in reopened.activities.rows(insats.id, 2018)] == [
            "Utbildning i ASF, steg 1–4",
            "Temadag om ASF",
        ]
        assert reopened.activities.rows(insats.id, 2018)[1].participants == 17
    finally:
        reopened.close()


def test_delete_many_and_restore_many(store, insats, add_activity, training):
    a = add_activity("Seminarium", "Gävle", date(2018, 3, 1), attendance=Attendance.build(12))
    b = store.activities.add(training)
    c = add_activity("Podd", Scope.NATIONELLT, date(2018, 8, 1))

    removed = store.activities.delete_many([b.id, a.id])

    assert removed == [b, a]
    assert [r.id for r in store.activities.rows(insats.id, None)] == [c.id]

    restored = store.activities.restore_many(removed)

    assert restored == [b, a]
    assert [r.id for r in store.activities.rows(insats.id, None)] == [b.id, a.id, c.id]
    assert store.activities.get_many([a.id, b.id]) == [a, b]


def test_delete_many_is_all_or_nothing(store, insats, add_activity):
    a = add_activity()

    with pytest.raises(DomainError, match="finns inte längre"):
        store.activities.delete_many([a.id, a.id + 100])

    assert store.activities.get(a.id) == a


def test_year_span(store, insats, add_activity):
    assert store.activities.year_span(insats.id) is None

    add_activity(day=date(2019, 6, 1))
    add_activity(day=date(2017, 12, 31))

    assert store.activities.year_span(insats.id) == (2017, 2019)


def test_a_deleted_activitys_id_is_never_reused(store, add_activity):
    """Undo puts a deleted activity back under its id, so a new one must not take it."""
    newest = add_activity("Workshop", "Gävle", date(2018, 5, 1))
    store.activities.delete(newest.id)
    newcomer = add_activity("Workshop", "Gävle", date(2018, 5, 2))
    assert newcomer.id != newest.id
    store.activities.restore_many([newest])
    assert store.activities.get(newest.id).start == date(2018, 5, 1)


def test_times_of_an_activity_and_of_each_step_are_stored_and_read_back(store, training):
    from datetime import time

    from app.core.entities import Step

    one_day = store.activities.add(
        replace(training, steps=(), start_time=time(9), end_time=time(11, 30))
    )
    assert (one_day.start_time, one_day.end_time) == (time(9), time(11, 30))
    stepped = store.activities.add(
        replace(
            training,
            step_times=(
                Step(date(2018, 2, 7), time(9), time(12)),
                Step(date(2018, 11, 20), time(13, 15)),
            ),
        )
    )
    assert [(s.day, s.start_time, s.end_time) for s in stepped.timed_steps] == [
        (date(2018, 2, 7), time(9), time(12)),
        (date(2018, 5, 3), None, None),
        (date(2018, 9, 12), None, None),
        (date(2018, 11, 20), time(13, 15), None),
    ]
    assert store.activities.get(stepped.id) == stepped
    moved = store.activities.update(
        replace(stepped, step_times=(Step(date(2018, 5, 3), time(8), time(10)),))
    )
    assert [s.start_time for s in moved.timed_steps] == [None, time(8), None, None]
    cleared = store.activities.update(replace(one_day, start_time=None, end_time=None))
    assert (cleared.start_time, cleared.end_time) == (None, None)


def test_an_import_stores_the_times_of_activities_and_steps(store, training):
    from datetime import time

    from app.core.entities import Step

    ids = store.activities.import_many(
        [
            replace(training, steps=(), start_time=time(8, 30), end_time=time(10)),
            replace(training, step_times=(Step(date(2018, 5, 3), time(9), time(15)),)),
        ]
    )
    first, second = store.activities.get_many(ids)
    assert (first.start_time, first.end_time) == (time(8, 30), time(10))
    assert second.timed_steps[1] == Step(date(2018, 5, 3), time(9), time(15))


def test_an_import_takes_ids_that_neither_it_nor_a_later_add_gives_again(store, make_activity):
    first = store.activities.add(make_activity(title="Före importen"))
    store.activities.delete(first.id)  # its id is never given again
    imported = store.activities.import_many([make_activity(title=f"Import {n}") for n in range(3)])
    added = store.activities.add(make_activity(title="Efter importen"))
    again = store.activities.import_many([make_activity(title="Import igen")])

    ids = [first.id, *imported, added.id, *again]
    assert ids == sorted(set(ids))  # each new, in the order taken
    assert [store.activities.get(i).title for i in (*imported, added.id, *again)] == [
        "Import 0",
        "Import 1",
        "Import 2",
        "Efter importen",
        "Import igen",
    ]
