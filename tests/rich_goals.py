"""The generated database's measures with targets (of every kind, under the year plan's
goals and under the insats), so that every kind of outcome has a figure to agree with
(the evaluations the evaluation mean reads come from rich_data's own generator). From
the caller's seeded ``rng``."""

from __future__ import annotations

import random

from app.core import goal_kinds as gk
from app.core.goal_progress import GoalMeasure
from app.core.vocabulary import MilestoneKind
from app.store.database import Store


def random_measure(
    rng: random.Random, insats_id: int, goal_id: int | None, kind: str, type_ids: list[int]
) -> GoalMeasure:
    """A valid measure of ``kind``: a whole target for a count, 1–5 (one decimal) for a mean."""
    target: float = float(rng.randint(1, 400))
    type_id = None
    milestone = None
    manual = None
    label = ""
    if kind == gk.ACTIVITIES:
        type_id = rng.choice([None, *type_ids])
        target = float(rng.randint(1, 12))
    elif kind == gk.POLICY_KOMMUNER:
        milestone = rng.choice([MilestoneKind.POLICY, *MilestoneKind]).value
        target = float(rng.randint(1, 10))
    elif kind == gk.ACTIVE_GROUPS:
        target = float(rng.randint(1, 8))
    elif kind == gk.EVALUATION_MEAN:
        target = rng.randint(10, 50) / 10
    elif kind == gk.MANUAL:
        label = f"Eget mått {rng.randint(1, 99)}"
        target = rng.randint(1, 5000) / rng.choice((1, 4))
        manual = rng.choice([None, float(rng.randint(0, 6000)), rng.randint(0, 800) / 4])
    if rng.random() < 0.3 and not label:
        label = f"Egen benämning {rng.randint(1, 99)}"
    return GoalMeasure(None, insats_id, goal_id, kind, target, label, type_id, milestone, manual)


def add_measures(store: Store, rng: random.Random, insats_id: int, type_ids: list[int]) -> None:
    """Every kind under the insats; under each year's goals a random few (every kind at
    least once over the years)."""
    kinds = list(gk.MEASURE_KINDS)
    store.goal_measures.save(
        insats_id, None, [random_measure(rng, insats_id, None, k, type_ids) for k in kinds]
    )
    insats = store.reference.insats(insats_id)
    pending = list(kinds)
    for year in insats.years:
        for goal in store.plan.goals(insats_id, year):
            assert goal.id is not None
            chosen = rng.sample(kinds, rng.randint(0, 3))
            if pending:
                chosen.append(pending.pop())
            unique = list(dict.fromkeys(chosen))
            measures = [random_measure(rng, insats_id, goal.id, k, type_ids) for k in unique]
            store.goal_measures.save(insats_id, goal.id, measures)
