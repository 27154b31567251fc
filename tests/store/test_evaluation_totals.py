"""span_distribution: every answer of the evaluations of the activities held within a
span — the one figure a goal's evaluation mean and the charts read."""

from __future__ import annotations

from datetime import date

from app.core.evaluation_scale import Distribution, combined
from app.core.vocabulary import Status
from app.store.database import Store
from app.store.evaluation_totals import span_distribution
from app.store.query import run


def _evaluate(store: Store, activity_id: int, *questions: tuple[int, ...]) -> None:
    with store.file.engine.begin() as con:
        evaluation_id = run(
            con,
            "INSERT INTO evaluation (activity_id, asked, answered, source, notes) "
            "VALUES (?, NULL, ?, '', '') RETURNING id",
            (activity_id, max(sum(q) for q in questions)),
        ).scalar()
        for i, counts in enumerate(questions):
            run(
                con,
                "INSERT INTO evaluation_question (evaluation_id, sort_order, text, "
                "n1, n2, n3, n4, n5) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (evaluation_id, i, f"Fråga {i + 1}", *counts),
            )


def test_only_held_activities_within_the_span_count(store, insats, add_activity, type_ids):
    held = add_activity(day=date(2018, 3, 14))
    other_type = add_activity("Workshop", day=date(2018, 5, 2))
    cancelled = add_activity(day=date(2018, 4, 1), status=Status.INSTALLD)
    next_year = add_activity(day=date(2019, 1, 10))
    _evaluate(store, held.id, (0, 1, 2, 3, 4), (1, 0, 0, 0, 9))
    _evaluate(store, other_type.id, (0, 0, 0, 2, 2))
    _evaluate(store, cancelled.id, (5, 0, 0, 0, 0))
    _evaluate(store, next_year.id, (0, 0, 7, 0, 0))

    year = span_distribution(store.file, insats.id, (date(2018, 1, 1), date(2018, 12, 31)))
    expected = combined(
        [Distribution(0, 1, 2, 3, 4), Distribution(1, 0, 0, 0, 9), Distribution(0, 0, 0, 2, 2)]
    )
    assert year == expected
    assert year.answers == 24 and year.mean == (2 + 6 + 12 + 20 + 1 + 45 + 8 + 10) / 24
    seminars = span_distribution(
        store.file, insats.id, (date(2018, 1, 1), date(2018, 12, 31)), type_ids["Seminarium"]
    )
    assert seminars == Distribution(1, 1, 2, 3, 13)
    march = span_distribution(store.file, insats.id, (date(2018, 3, 14), date(2018, 3, 14)))
    assert march == Distribution(1, 1, 2, 3, 13)
    empty = span_distribution(store.file, insats.id, (date(2020, 1, 1), date(2020, 12, 31)))
    assert empty == Distribution() and empty.mean is None and empty.share_high is None


def test_distribution_figures():
    d = Distribution(1, 0, 2, 3, 4)
    assert d.answers == 10 and d.total == 1 + 6 + 12 + 20
    assert d.mean == 3.9 and d.high == 7 and d.share_high == 0.7
    assert d + Distribution(0, 0, 0, 0, 10) == Distribution(1, 0, 2, 3, 14)
