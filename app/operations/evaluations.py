"""Evaluations (enkäter): importing a Forms export for an activity, saving it, and the
tables of a year or period — shared by the window, the command line and the exports.
No Qt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.evaluation import (
    EvaluatedActivity,
    Evaluation,
    EvaluationTables,
    Quote,
    decimal_text,
    percent_text,
    validate_evaluation,
)
from app.core.wording import count_noun
from app.importers.forms import FormsImport, read_forms

if TYPE_CHECKING:
    from app.core.report_period import ReportPeriod
    from app.store.database import Store

QUOTES_NOTE = (
    "Fritextsvaren kan innehålla namn: välj själv vilka citat som sparas (och ta bort namn "
    "ur dem); de andra sparas inte."
)


@dataclass(frozen=True)
class EvaluationImport:
    """A Forms file read for an activity: what it gives, and the evaluation it makes
    (with only the quotes chosen)."""

    forms: FormsImport
    evaluation: Evaluation
    activity: EvaluatedActivity


def evaluated_activity(store: Store, activity_id: int, evaluation: Evaluation) -> EvaluatedActivity:
    """The activity (DomainError when it is gone) with ``evaluation``."""
    from app.core.vocabulary import Status

    a = store.activities.get(activity_id)
    types = {t.id: t.name for t in store.reference.activity_types(include_inactive=True)}
    return EvaluatedActivity(
        activity_id=activity_id,
        day=a.start,
        title=a.title,
        type_name=types.get(a.type_id, ""),
        participants=store.evaluations.participants(activity_id),
        held=a.status is Status.GENOMFORD,
        evaluation=evaluation,
    )


def evaluation_from_forms(
    store: Store,
    activity_id: int,
    forms: FormsImport,
    asked: int | None = None,
    quotes: tuple[Quote, ...] = (),
) -> EvaluationImport:
    """The evaluation the file gives the activity (replacing any it has: same id, its
    notes kept), validated against the activity's participants."""
    before = store.evaluations.get(activity_id)
    evaluation = forms.evaluation(
        activity_id, asked, quotes, before.id if before is not None else None
    )
    if before is not None:
        evaluation = replace(evaluation, notes=before.notes)
    participants = store.evaluations.participants(activity_id)
    checked = validate_evaluation(evaluation, participants)
    return EvaluationImport(forms, checked, evaluated_activity(store, activity_id, checked))


def read_evaluation(
    store: Store, activity_id: int, path: Path, asked: int | None = None, keep_quotes: bool = False
) -> EvaluationImport:
    """Read ``path`` for the activity; every candidate quote kept with ``keep_quotes``."""
    store.activities.get(activity_id)  # DomainError before the file is read
    forms = read_forms(path)
    quotes = forms.candidate_quotes if keep_quotes else ()
    return evaluation_from_forms(store, activity_id, forms, asked, quotes)


def save_evaluation(store: Store, evaluation: Evaluation) -> Evaluation | None:
    return store.evaluations.save(evaluation)


def import_lines(loaded: EvaluationImport) -> list[str]:
    """The import in Swedish: the file, what was not read, the mapping, the result."""
    f, a = loaded.forms, loaded.activity
    figures = a.figures
    rate, mean, share = figures.texts()
    lines = [
        f"{f.file_name}{f' ({f.source})' if f.source else ''} för {a.title} {a.day.isoformat()}:",
        f"  {count_noun(f.respondents, 'svarande', 'svarande')}, "
        f"{count_noun(len(f.questions), 'fråga', 'frågor')} på skalan 1–5, "
        f"{count_noun(len(f.text_questions), 'fritextfråga', 'fritextfrågor')}.",
    ]
    if f.not_read:
        lines.append("Läses inte in:")
        lines += [f"  {name}" for name in f.not_read]
    if f.mapping:
        lines.append("Svaren tolkades så här:")
        lines += [f"  {line}" for line in f.mapping_lines()]
    lines.append("Resultat:")
    lines.append(
        f"  {figures.answered_text()}, svarsfrekvens {rate}, medel {mean}, andel 4–5 {share}"
    )
    for q in a.question_figures():
        lines.append(
            f"  {q.label}: {count_noun(q.distribution.answers, 'svar', 'svar')}, "
            f"medel {decimal_text(q.mean)}, andel 4–5 {percent_text(q.share_high)}"
        )
    return lines


def period_tables(store: Store, insats_id: int, period: ReportPeriod) -> EvaluationTables:
    """The evaluations of exactly the period's dates (for the Excel sheet and the report)."""
    return store.evaluations.tables(insats_id, (period.first, period.last), period.label)
