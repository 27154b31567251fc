"""Registered reach and unique individuals, stored and read back through the Store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.people import Person
from app.core.reach import (
    ACTIVITY_VOLUME,
    KEPT_OUT,
    REGISTERED_VOLUME,
    UNIQUE,
    RegisteredReach,
    people_reached_tables,
)
from app.core.vocabulary import OrgCategory, Role, Scope, Status
from app.store.database import Store
from tests.conftest import MakeActivity


def new_entry(
    insats: Insats,
    total: int,
    *,
    year: int = 2018,
    kommun_id: int | None = None,
    in_total: bool = True,
    reason: str = "Information i annat forum",
) -> RegisteredReach:
    assert insats.id is not None
    scope = Scope.KOMMUN if kommun_id is not None else Scope.LANSOVERGRIPANDE
    return RegisteredReach(
        None, insats.id, year, scope, kommun_id, reason, in_total, Attendance.build(total)
    )


def people(store: Store, insats: Insats, *names: str) -> list[int]:
    assert insats.forbund_id is not None
    ids = [store.people.save(Person(None, insats.forbund_id, name)).id for name in names]
    return [i for i in ids if i is not None]


def test_save_read_update_delete(store: Store, insats: Insats, kommun_ids: dict[str, int]) -> None:
    assert insats.id is not None
    counts = Attendance.build(
        25, {OrgCategory.KOMMUN: 20}, {Role.FORTROENDEVALD: 9}, women=11, men=14
    )
    draft = replace(
        new_entry(insats, 0, kommun_id=kommun_ids["Ockelbo"]),
        reason="  Kommunstyrelsens sammanträde ",
        attendance=counts,
    )

    saved = store.reach.save(draft)

    assert saved.id is not None
    assert saved == replace(draft, id=saved.id, reason="Kommunstyrelsens sammanträde")
    assert store.reach.entries(insats.id, 2018) == [saved]
    assert store.reach.entries(insats.id, 2019) == []

    moved = store.reach.save(
        replace(saved, scope=Scope.NATIONELLT, in_total=False, reason="Poddlyssnare")
    )
    assert moved.id == saved.id
    assert moved.kommun_id is None and not moved.in_total
    assert store.reach.get(saved.id) == moved

    assert store.reach.delete(saved.id) == moved
    assert store.reach.entries(insats.id, 2018) == []
    with pytest.raises(DomainError, match="finns inte längre"):
        store.reach.delete(saved.id)


def test_entries_in_total_first(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    out = store.reach.save(new_entry(insats, 300, in_total=False, reason="Podd"))
    first = store.reach.save(new_entry(insats, 10, reason="Forum A"))
    second = store.reach.save(new_entry(insats, 20, reason="Forum B"))

    assert store.reach.entries(insats.id, 2018) == [first, second, out]


def test_invalid_entry_writes_nothing(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    bad = replace(new_entry(insats, 5), reason=" ", scope=Scope.KOMMUN)

    with pytest.raises(ValidationError) as caught:
        store.reach.save(bad)

    assert len(caught.value.problems) == 2
    assert store.reach.entries(insats.id, 2018) == []


def test_an_unknown_kommun_is_refused(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    with pytest.raises(DomainError, match="kunde inte sparas"):
        store.reach.save(new_entry(insats, 5, kommun_id=9999))
    assert store.reach.entries(insats.id, 2018) == []


def test_unique_participants_count_named_persons_of_held_activities(
    store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    anna, bo, cecilia = people(store, insats, "Anna", "Bo", "Cecilia")
    assert store.reach.unique_participants(insats.id, 2018) is None

    add_activity(day=date(2018, 3, 1), attendance=Attendance.build(10), participant_ids=(anna, bo))
    add_activity(day=date(2018, 4, 1), attendance=Attendance.build(5), participant_ids=(anna,))
    add_activity(  # planned: not counted
        day=date(2018, 11, 1),
        status=Status.PLANERAD,
        attendance=Attendance.build(5),
        participant_ids=(cecilia,),
    )
    add_activity(  # another year
        day=date(2019, 1, 10), attendance=Attendance.build(5), participant_ids=(cecilia,)
    )

    assert store.reach.unique_participants(insats.id, 2018) == 2
    assert store.reach.unique_participants(insats.id, 2019) == 1
    assert store.reach.unique_participants(insats.id, 2017) is None


def test_tables_are_the_core_tables_of_what_is_stored(
    store: Store, insats: Insats, add_activity: MakeActivity, kommun_ids: dict[str, int]
) -> None:
    assert insats.id is not None
    (anna,) = people(store, insats, "Anna")
    add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 1),
        attendance=Attendance.build(30, women=20, men=10),
        participant_ids=(anna,),
    )
    add_activity("Workshop", Scope.NATIONELLT, date(2018, 4, 1), attendance=Attendance.build(8))
    add_activity("Workshop", "Hofors", date(2018, 12, 1), Status.PLANERAD, Attendance.build(50))
    add_activity("Seminarium", "Gävle", date(2017, 3, 1), attendance=Attendance.build(99))
    store.reach.save(new_entry(insats, 12, kommun_id=kommun_ids["Hofors"]))
    store.reach.save(new_entry(insats, 400, in_total=False, reason="Poddlyssnare"))
    store.reach.save(new_entry(insats, 3, year=2019))

    tables = {t.key: t for t in store.reach.tables(insats.id, 2018)}

    assert tables == {
        t.key: t
        for t in people_reached_tables(
            2018,
            store.summaries.facts(insats.id, 2018),
            store.reach.entries(insats.id, 2018),
            store.reach.kommun_names(insats.id),
            1,
        )
    }
    main = tables["nadda_personer"]
    assert {r.label: r.values[0] for r in main.rows} == {
        ACTIVITY_VOLUME: 38,
        REGISTERED_VOLUME: 12,
    }
    assert main.total.values == (50,)
    outside = {r.label: r.values[0] for r in tables["nadda_utanfor_total"].rows}
    assert outside == {KEPT_OUT: 400, UNIQUE: 1}
    for key in ("nadda_kommun", "nadda_organisation", "nadda_roll", "nadda_kon"):
        assert tables[key].total.values == main.total.values, key
    kommun = {r.label: r.values[0] for r in tables["nadda_kommun"].rows}
    assert kommun["Gävle"] == 30 and kommun["Hofors"] == 12 and kommun["Nationellt"] == 8
    assert list(kommun)[: len(kommun_ids)] == list(kommun_ids)


def test_findings_through_the_store(store: Store, insats: Insats) -> None:
    assert insats.id is not None  # the fixture's insats runs 2018–2021
    store.reach.save(new_entry(insats, 0, in_total=False, reason="Podd"))
    store.reach.save(new_entry(insats, 4, year=2023, reason="Mässa"))

    assert [f.what for f in store.reach.findings(insats.id, 2018)] == [
        "Registrerat antal nådda är 0"
    ]
    assert [f.what for f in store.reach.findings(insats.id, 2023)] == [
        "Nådda personer registrerade för ett år utanför insatsens period"
    ]
