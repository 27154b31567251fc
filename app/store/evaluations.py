"""The evaluations (enkäter) of activities: one per activity, with its questions on the
1–5 scale and the quotes kept. Reads are plain SQL on sqlite3; writes go through the
ORM in evaluation_writes, imported when first needed."""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core.errors import DomainError
from app.core.evaluation import (
    EvaluatedActivity,
    Evaluation,
    EvaluationTables,
    Question,
    Quote,
    evaluation_tables,
    validate_evaluation,
)
from app.core.evaluation_scale import Distribution
from app.store.activity_rows import Span, span_bounds
from app.store.database_protocol import Database

_EVALUATION = "SELECT id, activity_id, asked, answered, source, notes FROM evaluation"
_LISTED = (
    "SELECT e.id, e.activity_id, e.asked, e.answered, e.source, e.notes, a.start_date, "
    "a.title, t.name, a.participants, a.status FROM evaluation e "
    "JOIN activity a ON a.id = e.activity_id JOIN activity_type t ON t.id = a.type_id "
    "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? "
    "ORDER BY a.start_date, a.title, a.id"
)


def _writes() -> ModuleType:
    from app.store import evaluation_writes

    return evaluation_writes


def _parts(
    con: sqlite3.Connection, ids: Sequence[int]
) -> tuple[dict[int, list[Question]], dict[int, list[Quote]]]:
    questions: dict[int, list[Question]] = {i: [] for i in ids}
    quotes: dict[int, list[Quote]] = {i: [] for i in ids}
    if not ids:
        return questions, quotes
    marks = ",".join("?" for _ in ids)
    for r in con.execute(
        f"SELECT evaluation_id, text, n1, n2, n3, n4, n5 FROM evaluation_question "
        f"WHERE evaluation_id IN ({marks}) ORDER BY evaluation_id, sort_order, id",
        list(ids),
    ):
        questions[r[0]].append(Question(r[1], Distribution(*r[2:7])))
    for r in con.execute(
        f"SELECT evaluation_id, text, question FROM evaluation_quote "
        f"WHERE evaluation_id IN ({marks}) ORDER BY evaluation_id, sort_order, id",
        list(ids),
    ):
        quotes[r[0]].append(Quote(r[1], r[2]))
    return questions, quotes


def _evaluation(r: Sequence[Any], questions: list[Question], quotes: list[Quote]) -> Evaluation:
    return Evaluation(
        id=r[0],
        activity_id=r[1],
        asked=r[2],
        answered=r[3],
        source=r[4],
        notes=r[5],
        questions=tuple(questions),
        quotes=tuple(quotes),
    )


class EvaluationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, activity_id: int) -> Evaluation | None:
        """The activity's evaluation, or None when it has none."""
        with self._db.read() as con:
            row = con.execute(f"{_EVALUATION} WHERE activity_id = ?", (activity_id,)).fetchone()
            if row is None:
                return None
            questions, quotes = _parts(con, [row[0]])
        return _evaluation(row, questions[row[0]], quotes[row[0]])

    def participants(self, activity_id: int) -> int:
        """The activity's participants (volume): whom ``asked`` None stands for."""
        with self._db.read() as con:
            row = con.execute(
                "SELECT participants FROM activity WHERE id = ?", (activity_id,)
            ).fetchone()
        if row is None:
            raise DomainError(_writes().GONE)
        return int(row[0] or 0)

    def save(self, evaluation: Evaluation) -> Evaluation | None:
        """Replace the activity's evaluation in one transaction (validated against its
        participants); returns it as stored."""
        checked = validate_evaluation(evaluation, self.participants(evaluation.activity_id))
        _writes().save(self._db.engine, checked)
        return self.get(evaluation.activity_id)

    def delete(self, activity_id: int) -> Evaluation | None:
        """Remove the activity's evaluation; returns it as it was (None: it had none)."""
        before = self.get(activity_id)
        if before is not None:
            _writes().delete(self._db.engine, activity_id)
        return before

    def evaluated(self, insats_id: int, span: Span) -> builtins.list[EvaluatedActivity]:
        """The evaluated activities dated within ``span``, by date, whatever their status."""
        with self._db.read() as con:
            rows = con.execute(_LISTED, (insats_id, *span_bounds(*span))).fetchall()
            questions, quotes = _parts(con, [r[0] for r in rows])
        return [
            EvaluatedActivity(
                activity_id=r[1],
                day=date.fromisoformat(r[6]),
                title=r[7],
                type_name=r[8],
                participants=int(r[9] or 0),
                held=r[10] == "genomford",
                evaluation=_evaluation(r, questions[r[0]], quotes[r[0]]),
            )
            for r in rows
        ]

    def tables(self, insats_id: int, span: Span, label: str) -> EvaluationTables:
        """Per activity, per type, per year and in total for ``span`` (named ``label``):
        the held activities' answers, as span_distribution counts them."""
        return evaluation_tables(self.evaluated(insats_id, span), label)

    def year_tables(self, insats_id: int, year: int) -> EvaluationTables:
        return self.tables(insats_id, (date(year, 1, 1), date(year, 12, 31)), str(year))
