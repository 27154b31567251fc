"""Evaluations written straight into the tables (``evaluation``, ``evaluation_question``)
through the ORM models, for tests of what reads them: the entry screens are built apart.
Random answers come from a seeded Random, valid by construction (every count ≥ 0)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.core.evaluation_scale import Distribution
from app.store.database import Store
from app.store.plan_models import EvaluationModel, EvaluationQuestionModel

Counts = tuple[int, int, int, int, int]


def add_evaluation(store: Store, activity_id: int, questions: Sequence[Counts]) -> None:
    """The activity's evaluation with one question per item of ``questions`` (how many
    answered 1 … 5)."""
    with Session(store.file.engine) as s:
        evaluation = EvaluationModel(
            activity_id=activity_id,
            asked=None,
            answered=max((sum(q) for q in questions), default=0),
            source="test",
            notes="",
        )
        s.add(evaluation)
        s.flush()
        for i, counts in enumerate(questions):
            n1, n2, n3, n4, n5 = counts
            s.add(
                EvaluationQuestionModel(
                    evaluation_id=evaluation.id,
                    sort_order=i,
                    text=f"Fråga {i + 1}",
                    n1=n1,
                    n2=n2,
                    n3=n3,
                    n4=n4,
                    n5=n5,
                )
            )
        s.commit()


def random_questions(rng: random.Random) -> list[Counts]:
    """One to four questions, each with 0–12 answers per value."""
    return [
        (rng.randint(0, 12), rng.randint(0, 12), rng.randint(0, 12), rng.randint(0, 12),
         rng.randint(0, 12))
        for _ in range(rng.randint(1, 4))
    ]  # fmt: skip


def mean_of(questions: Sequence[Counts]) -> float | None:
    """The mean answer of all the questions together, counted here by hand."""
    answers = sum(sum(q) for q in questions)
    total = sum(value * n for q in questions for value, n in zip((1, 2, 3, 4, 5), q, strict=True))
    return total / answers if answers else None


def as_distribution(questions: Sequence[Counts]) -> Distribution:
    return Distribution(*(sum(q[i] for q in questions) for i in range(5)))
