"""Storing an activity's evaluation (app/store/evaluations.py), and its tables agreeing
with span_distribution (the measure goals and charts read)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.errors import DomainError, ValidationError
from app.core.evaluation import Evaluation, Question, Quote
from app.core.evaluation_scale import Distribution, combined
from app.core.vocabulary import Status
from app.store.database import Store
from app.store.evaluation_totals import span_distribution
from tests.conftest import MakeActivity
from tests.rich_data import build_rich_database

SEED = 1403


def _evaluation(activity_id: int, **fields: object) -> Evaluation:
    base = Evaluation(
        None,
        activity_id,
        answered=8,
        questions=(
            Question("Nöjd?", Distribution(0, 1, 1, 3, 3)),
            Question("Relevant?", Distribution(0, 0, 2, 2, 4)),
        ),
        quotes=(Quote("Bra dag", "Vad var bra?"),),
        source="Microsoft Forms",
    )
    from dataclasses import replace

    return replace(base, **fields)  # type: ignore[arg-type]


def test_save_get_replace_delete(store: Store, add_activity: MakeActivity) -> None:
    a = add_activity(attendance=Attendance.build(20))
    assert store.evaluations.get(a.id) is None
    saved = store.evaluations.save(_evaluation(a.id))
    assert saved is not None and saved.id is not None
    assert saved == _evaluation(a.id, id=saved.id)
    changed = _evaluation(
        a.id,
        id=saved.id,
        answered=5,
        asked=10,
        questions=(Question("Ny", Distribution(5)),),
        quotes=(),
    )
    assert store.evaluations.save(changed) == changed
    assert store.evaluations.delete(a.id) == changed
    assert store.evaluations.get(a.id) is None
    with store.file.read() as con:
        for table in ("evaluation", "evaluation_question", "evaluation_quote"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)


def test_an_unchanged_save_writes_no_row(store: Store, add_activity: MakeActivity) -> None:
    a = add_activity(attendance=Attendance.build(20))
    saved = store.evaluations.save(_evaluation(a.id))
    store.changes.collect()
    assert saved is not None
    store.evaluations.save(saved)
    assert store.changes.collect() is None


def test_refused_without_writing(store: Store, add_activity: MakeActivity) -> None:
    a = add_activity(attendance=Attendance.build(6))
    with pytest.raises(ValidationError, match="8 svar är fler än de 6 deltagare"):
        store.evaluations.save(_evaluation(a.id))
    assert store.evaluations.get(a.id) is None
    with pytest.raises(DomainError, match="finns inte längre"):
        store.evaluations.save(_evaluation(99999))


def test_the_tables_count_the_held_activities_as_span_distribution(
    store: Store, add_activity: MakeActivity
) -> None:
    held = add_activity(attendance=Attendance.build(20), day=date(2018, 3, 1))
    planned = add_activity(
        attendance=Attendance.build(20), day=date(2018, 4, 1), status=Status.PLANERAD
    )
    store.evaluations.save(_evaluation(held.id))
    store.evaluations.save(_evaluation(planned.id))
    tables = store.evaluations.year_tables(held.insats_id, 2018)
    assert len(tables.activities) == 2 and len(tables.not_held) == 1
    assert tables.total.evaluations == 1
    assert "inte är genomförda" in tables.note()
    span = (date(2018, 1, 1), date(2018, 12, 31))
    assert tables.total.distribution == span_distribution(store.file, held.insats_id, span)


def test_over_generated_data_every_span_agrees(tmp_path: Path) -> None:
    print(f"seed={SEED}")
    path = tmp_path / "rich.sqlite3"
    build_rich_database(path, SEED)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        types = {t.name: t.id for t in store.reference.activity_types(include_inactive=True)}
        evaluated = 0
        for year in range(insats.start.year, insats.end.year + 1):
            span = (date(year, 1, 1), date(year, 12, 31))
            tables = store.evaluations.tables(insats.id, span, str(year))
            evaluated += len(tables.activities)
            assert tables.total.distribution == span_distribution(store.file, insats.id, span)
            for f in tables.per_type:
                assert f.distribution == span_distribution(
                    store.file, insats.id, span, types[f.label]
                )
            assert combined(f.distribution for f in tables.per_type) == tables.total.distribution
        assert evaluated > 5
    finally:
        store.close()
