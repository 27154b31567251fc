"""Måluppfyllelse in core: the measures' validation (Swedish, every problem at once), the
labels, outcomes taken from the span's figures, share and status in words."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.core import goal_kinds as gk
from app.core.errors import ValidationError
from app.core.evaluation_scale import Distribution
from app.core.goal_figures import active_up_to, kommuner_by_milestone
from app.core.goal_progress import (
    NO_VALUE,
    NOT_STARTED,
    REACHED,
    GoalMeasure,
    MeasureProgress,
    SpanFigures,
    default_label,
    outcome_of,
    validate_measures,
    value_text,
)
from app.core.group_entities import Group, GroupStatusChange
from app.core.groups import active_in_year
from app.core.milestones import Milestone
from app.core.vocabulary import GroupStatus, MilestoneKind

SEED = 14_04


def _m(kind: str, target: float = 10, **kw: object) -> GoalMeasure:
    return GoalMeasure(None, 1, None, kind, target, **kw)  # type: ignore[arg-type]


def test_validation_lists_every_problem_in_swedish() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_measures(
            1,
            None,
            [
                _m(gk.REACH_VOLUME, 0),
                _m(gk.ACTIVITIES, 2.5),
                _m(gk.EVALUATION_MEAN, 6),
                _m("okänt"),
                _m(gk.MANUAL, 5, manual_value=-1),
                _m(gk.POLICY_KOMMUNER, 3, milestone_kind="ingen"),
            ],
        )
    assert exc.value.problems == [
        "Mått 1: målvärdet måste vara ett tal större än 0.",
        "Mått 2: målvärdet är ett antal – ange ett heltal.",
        "Mått 3: målvärdet för ett medelvärde ligger mellan 1 och 5.",
        "Mått 4: okänt slag av mått (okänt).",
        "Mått 5: utfallet kan inte vara negativt.",
        "Mått 6: okänt slag av milstolpe (ingen).",
    ]


def test_validation_tidies_fields_the_kind_does_not_use_and_numbers_in_order() -> None:
    tidy = validate_measures(
        7,
        3,
        [
            _m(gk.REACH_VOLUME, 200, type_id=5, milestone_kind="pris", manual_value=4.0),
            _m(gk.POLICY_KOMMUNER, 3, label="  Policyer  "),
        ],
    )
    assert [(m.insats_id, m.goal_id, m.sort_order) for m in tidy] == [(7, 3, 0), (7, 3, 1)]
    assert (tidy[0].type_id, tidy[0].milestone_kind, tidy[0].manual_value) == (None, None, None)
    assert (tidy[1].label, tidy[1].milestone_kind) == ("Policyer", MilestoneKind.POLICY.value)


def test_the_same_measure_twice_under_a_goal_is_refused() -> None:
    with pytest.raises(ValidationError, match="Mått 2 finns redan under samma mål"):
        validate_measures(1, None, [_m(gk.ACTIVE_GROUPS, 3), _m(gk.ACTIVE_GROUPS, 5)])


def test_default_labels_per_kind() -> None:
    types = {4: "Seminarium"}
    assert default_label(_m(gk.REACH_VOLUME), types) == "Nådda personer (volym)"
    assert default_label(_m(gk.ACTIVITIES, type_id=4), types) == (
        "Genomförda aktiviteter: Seminarium"
    )
    assert default_label(_m(gk.ACTIVITIES), types) == "Genomförda aktiviteter"
    assert default_label(_m(gk.POLICY_KOMMUNER), types) == "Kommuner med antagen policy"
    assert default_label(_m(gk.POLICY_KOMMUNER, milestone_kind="pris"), types) == (
        "Kommuner med milstolpe: Pris/utmärkelse"
    )


def _row(kind: str, target: float, outcome: float | None) -> MeasureProgress:
    return MeasureProgress("Mål", "Mått", _m(kind, target), "2018", outcome)


@pytest.mark.parametrize(
    ("target", "outcome", "status", "share"),
    [
        (200, 124, "På väg (62\u00a0%)", "62\u00a0%"),
        (200, 200, REACHED, "100\u00a0%"),
        (200, 2500, REACHED, "1\u00a0250\u00a0%"),
        (200, 0, NOT_STARTED, "0\u00a0%"),
        (200, None, NO_VALUE, "–"),
    ],
)
def test_status_is_words_and_share_is_not_capped(
    target: float, outcome: float | None, status: str, share: str
) -> None:
    row = _row(gk.REACH_VOLUME, target, outcome)
    assert row.status == status
    assert row.cells()[4] == share


def test_values_as_shown() -> None:
    assert value_text(1275, gk.REACH_VOLUME) == "1\u00a0275"
    assert value_text(4.375, gk.EVALUATION_MEAN) == "4,4"
    assert value_text(12.5, gk.MANUAL) == "12,5"
    assert value_text(12.0, gk.MANUAL) == "12"
    assert value_text(None, gk.MANUAL) == "–"


def test_outcome_is_taken_from_the_span_figures() -> None:
    figures = SpanFigures(
        date(2018, 1, 1),
        date(2018, 12, 31),
        "2018",
        reach_volume=900,
        reach_unique=None,
        held=30,
        held_by_type={"Seminarium": 7},
        kommuner_by_milestone={"policy": 4, "pris": 1},
        active_groups=6,
        used_placements=11,
        evaluation=Distribution(0, 1, 1, 4, 4),
    )
    types = {4: "Seminarium", 5: "Podd"}
    assert outcome_of(_m(gk.REACH_VOLUME), figures, types) == 900
    assert outcome_of(_m(gk.REACH_UNIQUE), figures, types) is None
    assert outcome_of(_m(gk.ACTIVITIES), figures, types) == 30
    assert outcome_of(_m(gk.ACTIVITIES, type_id=4), figures, types) == 7
    assert outcome_of(_m(gk.ACTIVITIES, type_id=5), figures, types) == 0
    assert outcome_of(_m(gk.POLICY_KOMMUNER), figures, types) == 4
    assert outcome_of(_m(gk.POLICY_KOMMUNER, milestone_kind="pris"), figures, types) == 1
    assert outcome_of(_m(gk.ACTIVE_GROUPS), figures, types) == 6
    assert outcome_of(_m(gk.USED_PLACEMENTS), figures, types) == 11
    assert outcome_of(_m(gk.EVALUATION_MEAN), figures, types) == Distribution(0, 1, 1, 4, 4).mean
    assert outcome_of(_m(gk.MANUAL), figures, types) is None
    assert outcome_of(_m(gk.MANUAL, manual_value=3.5), figures, types) == 3.5


def _random_group(rng: random.Random, n: int) -> Group:
    formed = date(rng.randint(2015, 2019), rng.randint(1, 12), rng.randint(1, 28))
    days = sorted(
        {
            formed.replace(year=formed.year + rng.randint(0, 3), day=rng.randint(1, 28))
            for _ in range(rng.randint(0, 4))
        }
        - {formed}
    )
    statuses = tuple(GroupStatusChange(d, rng.choice(list(GroupStatus))) for d in days)
    return Group(
        id=n, insats_id=1, kommun_id=1, name=f"Grupp {n}", formed=formed, statuses=statuses
    )


def test_active_at_a_years_end_is_the_groups_pages_rule() -> None:
    """On 31 December, active_up_to is exactly active_in_year (the groups page, the grid)."""
    print(f"seed={SEED}")
    rng = random.Random(SEED)
    for n in range(300):
        group = _random_group(rng, n)
        for year in range(2015, 2024):
            assert active_up_to(group, date(year, 12, 31)) == active_in_year(group, year), group


def test_kommuner_by_milestone_counts_distinct_kommuner_up_to_the_last_day() -> None:
    def ms(day: date, kind: MilestoneKind, kommun: int | None) -> Milestone:
        return Milestone(None, 1, day, kind, "text", kommun_id=kommun)

    milestones = [
        ms(date(2017, 3, 1), MilestoneKind.POLICY, 1),
        ms(date(2018, 3, 1), MilestoneKind.POLICY, 1),
        ms(date(2018, 5, 1), MilestoneKind.POLICY, 2),
        ms(date(2018, 6, 1), MilestoneKind.POLICY, None),
        ms(date(2019, 1, 1), MilestoneKind.POLICY, 3),
        ms(date(2018, 1, 1), MilestoneKind.PRIS, 4),
    ]
    assert kommuner_by_milestone(milestones, date(2018, 12, 31)) == {"policy": 2, "pris": 1}
