"""The grouped evaluation reads (per type, per year) give exactly the Distribution the
shared ``span_distribution`` gives asked type by type or year by year."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.core.entities import Insats
from app.core.evaluation_scale import Distribution
from app.core.vocabulary import Status
from app.store.database import Store
from app.store.evaluation_groups import distributions_by_type, distributions_by_year
from app.store.evaluation_totals import span_distribution
from tests.conftest import MakeActivity
from tests.evaluation_rows import add_evaluation, as_distribution, random_questions


@pytest.mark.parametrize("seed", [3, 20261202])
def test_grouped_reads_are_the_span_distribution_per_type_and_year(
    store: Store, insats: Insats, add_activity: MakeActivity, type_ids: dict[str, int], seed: int
) -> None:
    print(f"seed={seed}")
    rng = random.Random(seed)
    held: Distribution = Distribution()
    for _ in range(25):
        day = date(rng.choice((2018, 2019, 2020)), rng.randint(1, 12), rng.randint(1, 28))
        status = rng.choice(list(Status))
        activity = add_activity(
            rng.choice(("Seminarium", "Frukostmöte", "Podd")), "Gävle", day, status
        )
        assert activity.id is not None
        questions = random_questions(rng)
        add_evaluation(store, activity.id, questions)
        if status is Status.GENOMFORD and day.year < 2020:
            held = held + as_distribution(questions)
    assert insats.id is not None
    span = (date(2018, 1, 1), date(2019, 12, 31))

    by_type = distributions_by_type(store.file, insats.id, span)
    for type_id in type_ids.values():
        expected = span_distribution(store.file, insats.id, span, type_id)
        assert by_type.get(type_id, Distribution()) == expected
    by_year = distributions_by_year(store.file, insats.id, span)
    assert set(by_year) <= {2018, 2019}
    for year in (2018, 2019):
        whole = (date(year, 1, 1), date(year, 12, 31))
        assert by_year.get(year, Distribution()) == span_distribution(store.file, insats.id, whole)
    assert (
        sum(by_type.values(), Distribution())
        == held
        == span_distribution(store.file, insats.id, span)
    )
