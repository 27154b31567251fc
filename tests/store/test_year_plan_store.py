"""The year plan's goals and follow-up, stored and read back through the Store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.vocabulary import Status
from app.core.year_plan import (
    NO_GOAL,
    PlanGoal,
    goal_facts_of,
    plan_findings,
    plan_followup_table,
)
from app.store.database import Store
from tests.conftest import MakeActivity


def goal(text: str, goal_id: int | None = None) -> PlanGoal:
    return PlanGoal(goal_id, 0, 0, text)


@pytest.fixture
def insats_id(insats: Insats) -> int:
    assert insats.id is not None
    return insats.id


def test_save_goals_adds_renames_reorders_and_removes(
    store: Store, insats_id: int, add_activity: MakeActivity
) -> None:
    a, b, c = store.plan.save_goals(
        insats_id, 2018, [goal(" Informera "), goal("Utbilda"), goal("Samverka")]
    )
    assert [(g.text, g.sort_order, g.year, g.insats_id) for g in (a, b, c)] == [
        ("Informera", 0, 2018, insats_id),
        ("Utbilda", 1, 2018, insats_id),
        ("Samverka", 2, 2018, insats_id),
    ]
    other_year = store.plan.save_goals(insats_id, 2019, [goal("Informera")])
    assert b.id is not None
    held = add_activity(day=date(2018, 5, 1), goal_id=b.id, attendance=Attendance.build(9))

    after = store.plan.save_goals(
        insats_id, 2018, [replace(c, text="Samverka lokalt"), a, goal("Nytt mål")]
    )

    assert [(g.id, g.text) for g in after[:2]] == [(c.id, "Samverka lokalt"), (a.id, "Informera")]
    assert after[2].id not in (a.id, b.id, c.id)
    assert store.plan.goals(insats_id, 2018) == after
    assert store.plan.goals(insats_id, 2019) == other_year
    # The removed goal's activity is kept, under no goal.
    assert store.activities.get(held.id or 0) == replace(held, goal_id=None)


def test_invalid_goals_write_nothing(store: Store, insats_id: int) -> None:
    before = store.plan.save_goals(insats_id, 2018, [goal("Informera")])

    with pytest.raises(ValidationError):
        store.plan.save_goals(insats_id, 2018, [*before, goal(""), goal("informera")])

    assert store.plan.goals(insats_id, 2018) == before


def test_a_goal_of_another_year_cannot_be_saved_here(store: Store, insats_id: int) -> None:
    (old,) = store.plan.save_goals(insats_id, 2018, [goal("Informera")])

    with pytest.raises(DomainError, match="ändrats"):
        store.plan.save_goals(insats_id, 2019, [old])

    assert store.plan.goals(insats_id, 2019) == []
    assert store.plan.goals(insats_id, 2018) == [old]


def test_followup_and_activities(store: Store, insats_id: int, add_activity: MakeActivity) -> None:
    info, politics, empty = store.plan.save_goals(
        insats_id, 2018, [goal("Informera"), goal("Utbilda politiker"), goal("Tomt mål")]
    )
    add_activity(day=date(2018, 2, 1), goal_id=info.id, attendance=Attendance.build(30))
    add_activity(day=date(2018, 3, 1), goal_id=info.id, attendance=Attendance.build(20))
    add_activity(day=date(2018, 10, 1), status=Status.PLANERAD, goal_id=info.id, title="Höstmöte")
    add_activity(day=date(2018, 4, 1), status=Status.INSTALLD, goal_id=politics.id)
    # Dated in 2019 but under a 2018 goal: it belongs to the 2018 plan.
    late = add_activity(
        day=date(2019, 1, 20), goal_id=politics.id, attendance=Attendance.build(7), title="Sent"
    )
    add_activity(day=date(2018, 6, 1), attendance=Attendance.build(12))  # no goal
    add_activity(day=date(2019, 6, 1), attendance=Attendance.build(99))  # 2019, no goal

    activities = store.plan.activities(insats_id, 2018)
    table = store.plan.followup(insats_id, 2018)

    assert [a.title for a in activities][-1] == "Sent"
    assert len(activities) == 6
    assert sorted(store.plan.goal_facts(insats_id, 2018), key=repr) == sorted(
        goal_facts_of(activities), key=repr
    )
    assert table == plan_followup_table(
        [info, politics, empty], store.plan.goal_facts(insats_id, 2018), 2018
    )
    assert [(r.label, r.values) for r in table.rows] == [
        ("Informera", (3, 2, 1, 0, 50)),
        ("Utbilda politiker", (2, 1, 0, 1, 7)),
        ("Tomt mål", (0, 0, 0, 0, 0)),
        (NO_GOAL, (1, 1, 0, 0, 12)),
    ]
    next_year = store.plan.followup(insats_id, 2019)
    assert [(r.label, r.values) for r in next_year.rows] == [(NO_GOAL, (1, 1, 0, 0, 99))]

    found = store.plan.findings(insats_id, 2018, today=date(2018, 12, 1))
    assert found == plan_findings(2018, [info, politics, empty], activities, date(2018, 12, 1))
    assert [f.what for f in found] == [
        "Mål i årsplanen utan aktiviteter",
        "Planerad aktivitet vars datum har passerat",
        "Aktiviteten ligger under ett mål för ett annat år",
    ]
    assert late.id in {a.id for a in activities}


def test_goal_choices(store: Store, insats_id: int) -> None:
    a, b = store.plan.save_goals(insats_id, 2018, [goal("Informera"), goal("Utbilda")])
    (c,) = store.plan.save_goals(insats_id, 2019, [goal("Fördjupa")])

    assert store.plan.goal_choices(insats_id, 2018) == [(a.id, "Informera"), (b.id, "Utbilda")]
    assert store.plan.goal_choices(insats_id) == [
        (a.id, "2018: Informera"),
        (b.id, "2018: Utbilda"),
        (c.id, "2019: Fördjupa"),
    ]
