"""A small record over 2017–2019 with every kind of figure, built through the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.county_stats import CountyStats
from app.core.entities import Activity, Insats
from app.core.groups import Group, GroupStatusChange
from app.core.milestones import Milestone
from app.core.people import Person
from app.core.placements import Placement
from app.core.reach import RegisteredReach
from app.core.vocabulary import (
    Format,
    GroupStatus,
    MilestoneKind,
    OrgCategory,
    Outcome,
    PlacedSource,
    Role,
    Scope,
    Status,
)
from app.core.year_plan import PlanGoal
from app.operations.exports import gather
from app.reports.export_content import ExportRequest
from app.store.database import Store


@dataclass
class Record:
    store: Store
    insats: Insats
    known: Activity  # the activity whose närvarologg row the tests read cell by cell

    def request(self, first: int, last: int | None = None, names: bool = False) -> ExportRequest:
        assert self.insats.id is not None
        return ExportRequest(self.insats.id, first, last or first, names)

    def content(self, first: int, last: int | None = None, names: bool = False):  # type: ignore[no-untyped-def]
        return gather(self.store, self.request(first, last, names))


@pytest.fixture
def record(store, insats, add_activity, kommun_ids, org_ids) -> Record:
    assert insats.id is not None and insats.forbund_id is not None
    group = store.groups.save(
        Group(
            None,
            insats.id,
            kommun_ids["Hofors"],
            "Samverkansgrupp ASF",
            formed=date(2017, 3, 1),
            statuses=(
                GroupStatusChange(date(2017, 3, 1), GroupStatus.BILDAD),
                GroupStatusChange(date(2018, 1, 15), GroupStatus.AKTIV),
            ),
        )
    )
    (goal,) = store.plan.save_goals(
        insats.id, 2018, [PlanGoal(None, insats.id, 2018, "Öka kunskapen om ASF")]
    )
    anna = store.people.save(
        Person(
            None, insats.forbund_id, "Anna Andersson", org_ids["Arbetsförmedlingen"], "anna@af.se"
        )
    )
    bo = store.people.save(Person(None, insats.forbund_id, "Bo Berg", None, ""))
    known = add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 14),
        Status.GENOMFORD,
        Attendance.build(
            30,
            by_org={OrgCategory.ARBETSFORMEDLINGEN: 5, OrgCategory.KOMMUN: 12},
            by_role={Role.CHEF: 4, Role.TJANSTEPERSON: 20},
            women=18,
            men=9,
        ),
        title="Sociala företag & upphandling <del 1>",
        end=date(2018, 3, 15),
        start_time=time(9, 30),
        end_time=time(15),
        place="Stadshuset",
        format=Format.HYBRID,
        coorganiser_ids=(org_ids["Region Gävleborg"], org_ids["Arbetsförmedlingen"]),
        notes="Bra frågor om reserverade kontrakt.",
        group_id=group.id,
        goal_id=goal.id,
        participant_ids=(anna.id, bo.id),
    )
    add_activity("Seminarium", "Gävle", date(2018, 5, 2), attendance=Attendance.build(12))
    add_activity("Workshop", "Hofors", date(2018, 9, 20), attendance=Attendance.build(8, women=8))
    add_activity("Workshop", Scope.LANSOVERGRIPANDE, date(2018, 11, 5), Status.PLANERAD)
    add_activity("Konferens", Scope.NATIONELLT, date(2018, 12, 1), Status.INSTALLD)
    add_activity("Frukostmöte", "Sandviken", date(2017, 4, 4), attendance=Attendance.build(15))
    add_activity("Seminarium", "Gävle", date(2017, 10, 10), attendance=Attendance.build(25))
    add_activity("Temadag", "Ljusdal", date(2019, 2, 2), attendance=Attendance.build(40, men=10))
    add_activity("Podd", Scope.NATIONELLT, date(2019, 6, 1), attendance=Attendance.build(3))
    store.reach.save(
        RegisteredReach(
            None, insats.id, 2018, Scope.LANSOVERGRIPANDE, None, "Mässa", True, Attendance.build(40)
        )
    )
    store.reach.save(
        RegisteredReach(
            None, insats.id, 2018, Scope.NATIONELLT, None, "Podd", False, Attendance.build(120)
        )
    )
    store.placements.save(
        Placement(
            None,
            insats.id,
            2018,
            kommun_id=kommun_ids["Hofors"],
            granted=4,
            used=5,  # more than granted: a finding
            women=2,
            men=3,
            unique_individuals=4,
            outcomes={Outcome.ARBETE: 2, Outcome.STUDIER: 1, Outcome.FORTSATT_INSATS: 2},
        )
    )
    store.placements.save(
        Placement(
            None, insats.id, 2019, kommun_id=kommun_ids["Gävle"], granted=3, used=2, women=1, men=1
        )
    )
    store.milestones.save(
        Milestone(
            None,
            insats.id,
            date(2018, 6, 12),
            MilestoneKind.POLICY,
            "Policy för ASF antagen",
            kommun_id=kommun_ids["Gävle"],
        )
    )
    store.county_stats.save(
        CountyStats(
            None,
            insats.forbund_id,
            2018,
            companies_total=20,
            employees_total=100,
            employees_women=60,
            employees_men=40,
            placed_total=50,
            placed_by_source={PlacedSource.ARBETSFORMEDLINGEN: 30, PlacedSource.KOMMUN: 20},
        )
    )
    return Record(store, store.reference.insats(insats.id), store.activities.get(known.id))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    return folder
