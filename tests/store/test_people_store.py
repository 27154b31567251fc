"""Named participants in the database: search, unique individuals, erasure and gallring."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.people import DEFAULT_GALLRING_YEARS, GALLRING_SETTING, Person
from app.core.vocabulary import OrgCategory, Role, Scope, Status
from app.store.database import Store
from tests.conftest import MakeActivity


@pytest.fixture
def forbund_id(insats: Insats) -> int:
    assert insats.forbund_id is not None
    return insats.forbund_id


@pytest.fixture
def person(store: Store, forbund_id: int, org_ids: dict[str, int]) -> Person:
    return store.people.save(
        Person(None, forbund_id, "Anna Ärlig", org_ids["Arbetsförmedlingen"], "anna@af.se")
    )


def add_person(store: Store, forbund_id: int, name: str, email: str = "") -> Person:
    return store.people.save(Person(None, forbund_id, name, None, email))


def people_of(store: Store, forbund_id: int) -> list[str]:
    return [p.name for p in store.people.all(forbund_id)]


def counts(total: int) -> Attendance:
    return Attendance.build(
        total,
        by_org={OrgCategory.KOMMUN: total // 2},
        by_role={Role.TJANSTEPERSON: total // 2},
        women=total // 2,
        men=total - total // 2,
    )


def test_save_get_and_update(store: Store, person: Person, org_ids: dict[str, int]) -> None:
    assert person.id is not None
    assert store.people.get(person.id) == person
    changed = store.people.save(replace(person, name=" Anna  Ärlig-Berg ", organisation_id=None))
    assert changed == replace(person, name="Anna Ärlig-Berg", organisation_id=None)
    assert store.people.get(person.id) == changed


def test_save_refuses_bad_input_without_writing(store: Store, forbund_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        store.people.save(Person(None, forbund_id, "", None, "inte-en-adress"))
    assert len(caught.value.problems) == 2
    assert store.people.all(forbund_id) == []


def test_an_organisation_of_another_forbund_or_gone_is_refused(
    store: Store, forbund_id: int
) -> None:
    with pytest.raises(DomainError, match="Organisationen finns inte längre"):
        store.people.save(Person(None, forbund_id, "Bo", 99999, ""))
    assert store.people.all(forbund_id) == []


def test_get_of_an_erased_person(store: Store, person: Person) -> None:
    assert person.id is not None
    store.people.erase(person.id)
    with pytest.raises(DomainError, match="finns inte längre"):
        store.people.get(person.id)
    assert store.people.get_many([person.id]) == []


def test_search_as_you_type(store: Store, forbund_id: int, person: Person) -> None:
    add_person(store, forbund_id, "Lars Östlund", "lars@gavle.se")
    add_person(store, forbund_id, "Karin Larsson")
    add_person(store, forbund_id, "Örjan Lind", "orjan@hofors.se")

    def found(text: str, limit: int = 20) -> list[str]:
        return [p.name for p in store.people.search(forbund_id, text, limit)]

    assert found("lars") == ["Lars Östlund", "Karin Larsson"]
    assert found("ÄRL") == ["Anna Ärlig"]
    assert found("öst") == ["Lars Östlund"]
    assert found("hofors") == ["Örjan Lind"]
    assert found("anna af") == ["Anna Ärlig"]
    assert found("  ") == []
    assert found("l", limit=2) == ["Lars Östlund", "Karin Larsson"]
    assert found("l", limit=2) == found("l")[:2]
    assert people_of(store, forbund_id) == [
        "Anna Ärlig",
        "Karin Larsson",
        "Lars Östlund",
        "Örjan Lind",
    ]


def test_activities_keep_their_named_participants(
    store: Store, forbund_id: int, add_activity: MakeActivity, person: Person
) -> None:
    other = add_person(store, forbund_id, "Bo Ek")
    assert person.id is not None and other.id is not None
    a = add_activity(attendance=counts(5), participant_ids=(other.id, person.id))
    assert a.participant_ids == tuple(sorted((person.id, other.id)))
    assert [p.name for p in store.people.get_many(a.participant_ids)] == [
        p.name for p in sorted((person, other), key=lambda p: p.id or 0)
    ]


def test_a_person_reused_across_two_activities_is_one_individual_and_two_in_volume(
    store: Store, insats: Insats, add_activity: MakeActivity, person: Person
) -> None:
    assert insats.id is not None and person.id is not None
    add_activity(day=date(2018, 3, 14), attendance=counts(1), participant_ids=(person.id,))
    add_activity(
        "Frukostmöte",
        "Hofors",
        date(2018, 9, 5),
        attendance=counts(1),
        participant_ids=(person.id,),
    )
    # Neither a planned activity nor another year counts toward the year's unique individuals.
    add_activity(
        day=date(2018, 12, 1), status=Status.PLANERAD, participant_ids=(), attendance=counts(0)
    )
    add_activity(day=date(2019, 2, 1), attendance=counts(1), participant_ids=(person.id,))

    assert store.people.unique_participants(insats.id, 2018) == 1
    summary = store.summaries.year_summary(insats.id, 2018)
    assert summary.table("nyckeltal").value("Deltagare (volym)", "2018") == 2
    assert store.people.unique_participants(insats.id, 2019) == 1
    assert store.people.unique_participants(insats.id, 2020) == 0


def test_unique_participants_count_distinct_persons_over_held_activities(
    store: Store, insats: Insats, forbund_id: int, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    a, b, c = (add_person(store, forbund_id, n).id for n in ("A", "B", "C"))
    assert a is not None and b is not None and c is not None
    add_activity(attendance=counts(10), participant_ids=(a, b))
    add_activity(attendance=counts(10), participant_ids=(b, c))
    add_activity(
        day=date(2018, 10, 1), status=Status.PLANERAD, attendance=counts(0), participant_ids=()
    )
    add_activity(
        day=date(2018, 10, 2), status=Status.INSTALLD, attendance=counts(0), participant_ids=()
    )
    assert store.people.unique_participants(insats.id, 2018) == 3


def test_listing_and_attended(
    store: Store,
    forbund_id: int,
    add_activity: MakeActivity,
    person: Person,
    kommun_ids: dict[str, int],
) -> None:
    assert person.id is not None
    add_activity(
        "Konferens",
        Scope.LANSOVERGRIPANDE,
        date(2019, 4, 2),
        attendance=counts(30),
        participant_ids=(person.id,),
        title="Konferens om upphandling",
    )
    add_activity(
        "Seminarium",
        "Ockelbo",
        date(2018, 3, 14),
        attendance=counts(3),
        participant_ids=(person.id,),
        title="Seminarium i Ockelbo",
    )
    add_person(store, forbund_id, "Bo Ek")

    listing = store.people.listing(forbund_id)
    assert [(x.person.name, x.organisation_name, x.activities, x.latest) for x in listing] == [
        ("Anna Ärlig", "Arbetsförmedlingen", 2, date(2019, 4, 2)),
        ("Bo Ek", "", 0, None),
    ]
    attended = store.people.attended(person.id)
    assert [(a.start, a.title, a.type_name, a.place_label, a.status_label) for a in attended] == [
        (date(2018, 3, 14), "Seminarium i Ockelbo", "Seminarium", "Ockelbo", "Genomförd"),
        (
            date(2019, 4, 2),
            "Konferens om upphandling",
            "Konferens",
            "Länsövergripande",
            "Genomförd",
        ),
    ]
    assert attended[0].insats_name == store.reference.current_insats().name  # type: ignore[union-attr]


def test_erasing_a_person_leaves_every_count_as_it_was(
    store: Store,
    insats: Insats,
    forbund_id: int,
    add_activity: MakeActivity,
    person: Person,
) -> None:
    assert insats.id is not None and person.id is not None
    other = add_person(store, forbund_id, "Bo Ek")
    assert other.id is not None
    first = add_activity(attendance=counts(12), participant_ids=(person.id, other.id))
    second = add_activity(
        "Workshop",
        "Sandviken",
        date(2018, 6, 1),
        attendance=counts(7),
        participant_ids=(person.id,),
    )
    before = store.summaries.year_summary(insats.id, 2018)
    before_activities = [store.activities.get(a.id) for a in (first, second) if a.id]

    store.people.erase(person.id)

    after = store.summaries.year_summary(insats.id, 2018)
    assert after == before
    assert after.to_dict() == before.to_dict()
    now = [store.activities.get(a.id) for a in (first, second) if a.id]
    assert [a.attendance for a in now] == [a.attendance for a in before_activities]
    # The erased person stays linked, anonymous, so unique individuals do not change.
    assert [a.participant_ids for a in now] == [a.participant_ids for a in before_activities]
    assert store.people.get_many([person.id]) == []
    assert people_of(store, forbund_id) == ["Bo Ek"]
    assert store.people.attended(person.id) == []


@pytest.mark.file_only
def test_an_erased_name_is_gone_from_the_file_itself(
    store: Store, add_activity: MakeActivity, person: Person, db_path: Path
) -> None:
    assert person.id is not None
    add_activity(attendance=counts(12), participant_ids=(person.id,))

    store.people.erase(person.id)

    # Not only from the table: from the database file and its -wal.
    assert db_path.exists()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            assert "Anna Ärlig".encode() not in path.read_bytes()
            assert b"anna@af.se" not in path.read_bytes()


def test_erase_many_in_one_transaction_skips_already_erased(
    store: Store, forbund_id: int, add_activity: MakeActivity
) -> None:
    ids = [add_person(store, forbund_id, n).id for n in ("A", "B", "C")]
    assert all(i is not None for i in ids)
    a, b, c = (i for i in ids if i is not None)
    add_activity(attendance=counts(3), participant_ids=(a, b, c))
    store.people.erase(b)
    assert store.people.erase_many([a, b]) == 1
    assert people_of(store, forbund_id) == ["C"]
    assert store.people.erase_many([]) == 0


def test_gallring_erases_only_the_stale(
    store: Store, insats: Insats, forbund_id: int, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    old = add_person(store, forbund_id, "Gammal Deltagare")
    recent = add_person(store, forbund_id, "Ny Deltagare")
    both = add_person(store, forbund_id, "Både Och")
    unattached = add_person(store, forbund_id, "Aldrig Med")
    assert old.id and recent.id and both.id and unattached.id
    add_activity(day=date(2018, 3, 1), attendance=counts(4), participant_ids=(old.id, both.id))
    add_activity(day=date(2021, 6, 1), attendance=counts(4), participant_ids=(recent.id, both.id))
    summaries = {y: store.summaries.year_summary(insats.id, y) for y in (2018, 2021)}

    cutoff = date(2021, 1, 1)
    stale = store.people.stale_people(forbund_id, cutoff)
    assert [p.name for p in stale] == ["Aldrig Med", "Gammal Deltagare"]
    # The latest activity on the cutoff day itself is not older than the cutoff.
    assert [p.name for p in store.people.stale_people(forbund_id, date(2021, 6, 1))] == [
        "Aldrig Med",
        "Gammal Deltagare",
    ]

    assert store.people.gallra(forbund_id, 3, date(2024, 1, 1)) == 2

    assert people_of(store, forbund_id) == ["Både Och", "Ny Deltagare"]
    assert {y: store.summaries.year_summary(insats.id, y) for y in (2018, 2021)} == summaries
    assert store.people.unique_participants(insats.id, 2021) == 2


def test_gallring_years_setting(store: Store) -> None:
    assert store.people.gallring_years() == DEFAULT_GALLRING_YEARS
    assert store.people.setting(GALLRING_SETTING) is None
    store.people.set_gallring_years(5)
    assert store.people.setting(GALLRING_SETTING) == "5"
    assert store.people.gallring_years() == 5
    store.people.set_gallring_years(2)
    assert store.people.gallring_years() == 2
    with pytest.raises(ValidationError):
        store.people.set_gallring_years(0)
    store.people.set_setting(GALLRING_SETTING, "många")
    assert store.people.gallring_years() == DEFAULT_GALLRING_YEARS


def test_more_named_than_counted_is_refused(
    store: Store, make_activity: MakeActivity, forbund_id: int
) -> None:
    ids = tuple(add_person(store, forbund_id, n).id or 0 for n in ("A", "B"))
    with pytest.raises(ValidationError, match="Fler namngivna deltagare"):
        store.activities.add(make_activity(attendance=counts(1), participant_ids=ids))
