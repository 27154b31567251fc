"""Writing an activity's evaluation with its questions and quotes (ORM), in one
transaction; rows that stay the same are left as they are, so an unchanged save
writes nothing."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy import delete as sql_delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.evaluation import Evaluation, Question, Quote
from app.store import models  # noqa: F401  (the activity table the rows refer to)
from app.store.child_rows import sync_rows
from app.store.plan_models import EvaluationModel, EvaluationQuestionModel, EvaluationQuoteModel

GONE = "Aktiviteten finns inte längre; den kan ha tagits bort."


def save(engine: Engine, e: Evaluation) -> int:
    """Insert or update the (validated) evaluation of its activity; returns its id."""
    try:
        with Session(engine) as s, s.begin():
            m = s.scalar(
                select(EvaluationModel).where(EvaluationModel.activity_id == e.activity_id)
            )
            if m is None:
                m = EvaluationModel(activity_id=e.activity_id)
                s.add(m)
            m.asked, m.answered, m.source, m.notes = e.asked, e.answered, e.source, e.notes
            s.flush()
            eid = m.id
            sync_rows(
                s,
                s.scalars(
                    select(EvaluationQuestionModel).where(
                        EvaluationQuestionModel.evaluation_id == eid
                    )
                ),
                list(enumerate(e.questions)),
                lambda r: (r.sort_order, r.text, r.n1, r.n2, r.n3, r.n4, r.n5),
                lambda item: (item[0], item[1].text, *item[1].answers.counts),
                lambda item: _question(eid, *item),
            )
            sync_rows(
                s,
                s.scalars(
                    select(EvaluationQuoteModel).where(EvaluationQuoteModel.evaluation_id == eid)
                ),
                list(enumerate(e.quotes)),
                lambda r: (r.sort_order, r.question, r.text),
                lambda item: (item[0], item[1].question, item[1].text),
                lambda item: _quote(eid, *item),
            )
            return eid
    except IntegrityError as exc:
        raise DomainError(f"Utvärderingen kunde inte sparas: {GONE}") from exc


def _question(eid: int, order: int, q: Question) -> EvaluationQuestionModel:
    n1, n2, n3, n4, n5 = q.answers.counts
    return EvaluationQuestionModel(
        evaluation_id=eid, sort_order=order, text=q.text, n1=n1, n2=n2, n3=n3, n4=n4, n5=n5
    )


def _quote(eid: int, order: int, q: Quote) -> EvaluationQuoteModel:
    return EvaluationQuoteModel(
        evaluation_id=eid, sort_order=order, question=q.question, text=q.text
    )


def delete(engine: Engine, activity_id: int) -> None:
    """Remove the activity's evaluation, its questions and quotes."""
    with Session(engine) as s, s.begin():
        eid = s.scalar(select(EvaluationModel.id).where(EvaluationModel.activity_id == activity_id))
        if eid is None:
            return
        for model in (EvaluationQuestionModel, EvaluationQuoteModel):
            s.execute(sql_delete(model).where(model.evaluation_id == eid))
        s.execute(sql_delete(EvaluationModel).where(EvaluationModel.id == eid))
