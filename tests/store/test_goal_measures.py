"""The goals' measures in the store: a goal's (or the insats's) list replaced in one
transaction, in order; a list that does not validate writes nothing; a goal removed
from the year plan takes its measures with it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core import goal_kinds as gk
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.goal_progress import GoalMeasure
from app.core.year_plan import PlanGoal
from app.store.database import Store


def _goal(store: Store, insats: Insats) -> int:
    assert insats.id is not None
    goals = store.plan.save_goals(insats.id, 2019, [PlanGoal(None, insats.id, 2019, "Nå fler")])
    assert goals[0].id is not None
    return goals[0].id


def test_saved_measures_read_back_in_order(
    store: Store, insats: Insats, type_ids: dict[str, int]
) -> None:
    assert insats.id is not None
    goal_id = _goal(store, insats)
    seminar = next(iter(type_ids.values()))
    wanted = [
        GoalMeasure(None, insats.id, goal_id, gk.ACTIVITIES, 4, type_id=seminar),
        GoalMeasure(None, insats.id, goal_id, gk.MANUAL, 12.5, "Företag", manual_value=3.25),
        GoalMeasure(None, insats.id, goal_id, gk.EVALUATION_MEAN, 4.2),
    ]
    saved = store.goal_measures.save(insats.id, goal_id, wanted)
    assert [replace(m, id=None) for m in saved] == [
        replace(m, sort_order=i) for i, m in enumerate(wanted)
    ]
    assert store.goal_measures.for_goal(insats.id, goal_id) == saved
    assert store.goal_measures.for_year(insats.id, 2019) == {goal_id: saved}
    assert store.goal_measures.for_goal(insats.id, None) == []  # the insats's own: none

    # Reordered and one left out: exactly the new list, the kept rows keep their ids.
    again = store.goal_measures.save(insats.id, goal_id, [saved[2], saved[0]])
    assert [m.id for m in again] == [saved[2].id, saved[0].id]
    assert store.goal_measures.count(insats.id) == 2


def test_a_list_that_does_not_validate_writes_nothing(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    first = store.goal_measures.save(
        insats.id, None, [GoalMeasure(None, insats.id, None, gk.REACH_VOLUME, 200)]
    )
    bad = [*first, GoalMeasure(None, insats.id, None, gk.ACTIVE_GROUPS, -1)]
    with pytest.raises(ValidationError, match="Mått 2: målvärdet måste vara"):
        store.goal_measures.save(insats.id, None, bad)
    assert store.goal_measures.for_goal(insats.id, None) == first


def test_a_measure_removed_elsewhere_is_said(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    saved = store.goal_measures.save(
        insats.id, None, [GoalMeasure(None, insats.id, None, gk.REACH_VOLUME, 200)]
    )
    store.goal_measures.save(insats.id, None, [])
    with pytest.raises(DomainError, match="ändrats någon annanstans"):
        store.goal_measures.save(insats.id, None, saved)
    assert store.goal_measures.count(insats.id) == 0


def test_a_removed_goal_takes_its_measures(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    goal_id = _goal(store, insats)
    store.goal_measures.save(
        insats.id, goal_id, [GoalMeasure(None, insats.id, goal_id, gk.REACH_VOLUME, 50)]
    )
    store.goal_measures.save(
        insats.id, None, [GoalMeasure(None, insats.id, None, gk.REACH_VOLUME, 500)]
    )
    store.plan.save_goals(insats.id, 2019, [])
    assert store.goal_measures.for_year(insats.id, 2019) == {}
    assert [m.target for m in store.goal_measures.for_goal(insats.id, None)] == [500]


def test_an_activity_type_a_measure_counts_cannot_be_removed(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    types = store.reference.activity_types(include_inactive=True)
    unused = types[-1]
    assert unused.id is not None
    store.goal_measures.save(
        insats.id,
        None,
        [GoalMeasure(None, insats.id, None, gk.ACTIVITIES, 3, type_id=unused.id)],
    )
    with pytest.raises(DomainError, match=f"Aktivitetstypen {unused.name} kan inte tas bort"):
        store.reference.save_activity_types(types[:-1])
    assert store.reference.activity_types(include_inactive=True) == types
