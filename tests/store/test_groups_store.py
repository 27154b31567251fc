"""Samverkansgrupper in the database: one transaction per save, meetings as activities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.errors import DomainError, ValidationError
from app.core.groups import Group, GroupMember, GroupStatusChange, MeetingCount
from app.core.vocabulary import GroupStatus, Role, Status
from app.store.database import Store

AF_CLOSED = "Arbetsförmedlingens lokalkontor stängde"


@pytest.fixture
def hofors(insats: Insats, kommun_ids: dict[str, int], org_ids: dict[str, int]) -> Group:
    assert insats.id is not None
    return Group(
        id=None,
        insats_id=insats.id,
        kommun_id=kommun_ids["Hofors"],
        name=" Samverkansgrupp ASF Hofors ",
        formed=date(2017, 5, 15),
        notes="Kommunen, Arbetsförmedlingen och två lokala ASF.",
        statuses=(
            GroupStatusChange(date(2018, 12, 17), GroupStatus.VILANDE, AF_CLOSED),
            GroupStatusChange(date(2017, 9, 20), GroupStatus.AKTIV, "Första mötet"),
        ),
        members=(
            GroupMember(None, org_ids["Arbetsförmedlingen"], Role.TJANSTEPERSON, "Eva Lind"),
            GroupMember(None, None, Role.ASF_FORETRADARE, "Per Sund"),
            GroupMember(None, org_ids["Region Gävleborg"], Role.CHEF),
        ),
    )


def count_rows(store: Store, table: str) -> int:
    with store.file.read() as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_save_and_get_a_group_with_statuses_and_members(store: Store, hofors: Group) -> None:
    saved = store.groups.save(hofors)

    assert saved.id is not None
    assert saved.name == "Samverkansgrupp ASF Hofors"
    assert saved.formed == date(2017, 5, 15)
    assert [(c.day, c.status, c.note) for c in saved.statuses] == [
        (date(2017, 9, 20), GroupStatus.AKTIV, "Första mötet"),
        (date(2018, 12, 17), GroupStatus.VILANDE, AF_CLOSED),
    ]
    assert [(m.organisation_id is None, m.role, m.name) for m in saved.members] == [
        (False, Role.TJANSTEPERSON, "Eva Lind"),
        (True, Role.ASF_FORETRADARE, "Per Sund"),
        (False, Role.CHEF, ""),
    ]
    assert all(m.id is not None for m in saved.members)
    assert store.groups.get(saved.id) == saved


def test_update_replaces_statuses_and_keeps_member_ids(
    store: Store, hofors: Group, org_ids: dict[str, int]
) -> None:
    saved = store.groups.save(hofors)
    eva, per, _chef = saved.members
    changed = replace(
        saved,
        name="ASF-gruppen i Hofors",
        formed=None,
        statuses=(GroupStatusChange(date(2019, 2, 1), GroupStatus.AVSLUTAD, "Lades ned"),),
        members=(
            replace(eva, role=Role.CHEF),
            GroupMember(None, org_ids["Försäkringskassan"], Role.TJANSTEPERSON),
            per,
        ),
    )
    updated = store.groups.save(changed)

    assert updated.id == saved.id
    assert updated.name == "ASF-gruppen i Hofors"
    assert updated.formed is None
    assert [(c.day, c.status) for c in updated.statuses] == [
        (date(2019, 2, 1), GroupStatus.AVSLUTAD)
    ]
    assert [m.id for m in updated.members if m.id in (eva.id, per.id)] == [eva.id, per.id]
    assert {m.name: m.role for m in updated.members}["Eva Lind"] is Role.CHEF
    assert len(updated.members) == 3
    assert count_rows(store, "samverkansgrupp_member") == 3
    assert count_rows(store, "samverkansgrupp_status") == 1


def test_bad_input_is_refused_in_swedish_and_nothing_is_written(
    store: Store, hofors: Group, insats: Insats
) -> None:
    bad = replace(
        hofors,
        name="",
        statuses=(GroupStatusChange(date(2016, 1, 1), GroupStatus.AKTIV, ""),),
    )
    with pytest.raises(ValidationError) as exc:
        store.groups.save(bad)
    assert exc.value.problems == [
        "Ange gruppens namn.",
        "Statusen aktiv 2016-01-01 är före datumet då gruppen bildades (2017-05-15).",
    ]
    assert insats.id is not None
    assert store.groups.list(insats.id) == []


def test_a_missing_organisation_rolls_back_the_whole_save(
    store: Store, hofors: Group, insats: Insats
) -> None:
    bad = replace(hofors, members=(*hofors.members, GroupMember(None, 9999, Role.OVRIGA)))
    with pytest.raises(DomainError, match="kunde inte sparas"):
        store.groups.save(bad)
    assert insats.id is not None
    assert store.groups.list(insats.id) == []
    assert count_rows(store, "samverkansgrupp_status") == 0
    assert count_rows(store, "samverkansgrupp_member") == 0

    saved = store.groups.save(hofors)
    with pytest.raises(DomainError):
        store.groups.save(replace(saved, name="Nytt namn", members=bad.members))
    assert store.groups.get(saved.id or 0) == saved  # the update was not half-written


def test_list_follows_the_kommun_order_and_choices_name_the_kommun(
    store: Store, hofors: Group, kommun_ids: dict[str, int], insats: Insats
) -> None:
    gavle = replace(hofors, kommun_id=kommun_ids["Gävle"], name="Samverkansgrupp ASF Gävle")
    bollnas = replace(hofors, kommun_id=kommun_ids["Bollnäs"], name="Samverkansgrupp Bollnäs")
    for g in (hofors, gavle, bollnas):
        store.groups.save(g)
    assert insats.id is not None
    groups = store.groups.list(insats.id)
    assert [g.name for g in groups] == [
        "Samverkansgrupp Bollnäs",
        "Samverkansgrupp ASF Gävle",
        "Samverkansgrupp ASF Hofors",
    ]
    assert [label for _id, label in store.groups.choices(insats.id)] == [
        "Bollnäs – Samverkansgrupp Bollnäs",
        "Gävle – Samverkansgrupp ASF Gävle",
        "Hofors – Samverkansgrupp ASF Hofors",
    ]
    assert [gid for gid, _label in store.groups.choices(insats.id)] == [g.id for g in groups]


def test_meetings_and_meeting_counts(
    store: Store,
    hofors: Group,
    insats: Insats,
    add_activity: Callable[..., Activity],
) -> None:
    g = store.groups.save(hofors)
    other = store.groups.save(replace(hofors, name="Annan grupp"))
    meet = "Nätverksmöte"
    a = add_activity(
        meet, "Hofors", date(2018, 2, 7), attendance=Attendance.build(8), group_id=g.id
    )
    b = add_activity(
        meet, "Hofors", date(2018, 10, 3), attendance=Attendance.build(11), group_id=g.id
    )
    add_activity(meet, "Hofors", date(2018, 12, 5), Status.PLANERAD, group_id=g.id)
    add_activity(meet, "Hofors", date(2018, 11, 5), Status.INSTALLD, group_id=g.id)
    c = add_activity(
        meet, "Hofors", date(2019, 3, 1), attendance=Attendance.build(5), group_id=g.id
    )
    add_activity(meet, "Hofors", date(2018, 4, 4), attendance=Attendance.build(3))  # no group
    add_activity(
        meet, "Hofors", date(2018, 4, 5), attendance=Attendance.build(4), group_id=other.id
    )

    assert g.id is not None and other.id is not None and insats.id is not None
    rows = store.groups.meetings(g.id)
    assert [r.start for r in rows] == [
        date(2019, 3, 1),
        date(2018, 12, 5),
        date(2018, 11, 5),
        date(2018, 10, 3),
        date(2018, 2, 7),
    ]
    assert rows[0].id == c.id and rows[0].participants == 5
    assert rows[0].place_label == "Hofors" and rows[0].type_name == meet

    assert store.groups.meeting_counts(insats.id, 2018) == {
        g.id: MeetingCount(2, 19),
        other.id: MeetingCount(1, 4),
    }
    assert store.groups.meeting_counts(insats.id, 2019) == {g.id: (1, 5)}
    assert store.groups.meeting_counts(insats.id, 2020) == {}
    assert {a.id, b.id} <= {r.id for r in rows}


def test_delete_keeps_the_meetings_as_plain_activities(
    store: Store, hofors: Group, insats: Insats, add_activity: Callable[..., Activity]
) -> None:
    g = store.groups.save(hofors)
    assert g.id is not None and insats.id is not None
    meeting = add_activity(
        "Nätverksmöte", "Hofors", date(2018, 2, 7), attendance=Attendance.build(8), group_id=g.id
    )
    assert meeting.id is not None

    removed = store.groups.delete(g.id)

    assert removed == g
    assert store.groups.list(insats.id) == []
    assert count_rows(store, "samverkansgrupp_status") == 0
    assert count_rows(store, "samverkansgrupp_member") == 0
    kept = store.activities.get(meeting.id)
    assert kept.group_id is None
    assert kept.attendance.total == 8
    with pytest.raises(DomainError, match="finns inte längre"):
        store.groups.get(g.id)
    with pytest.raises(DomainError, match="finns inte längre"):
        store.groups.delete(g.id)
    with pytest.raises(DomainError, match="finns inte längre"):
        store.groups.save(g)


def test_reading_groups_does_not_need_sqlalchemy() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from app.store.groups import GroupRepository; "
        "print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
