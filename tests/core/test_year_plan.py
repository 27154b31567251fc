"""The year plan: goals, the follow-up of planned vs held, and what to look at."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.vocabulary import Status
from app.core.year_plan import (
    FOLLOWUP_COLUMNS,
    NO_GOAL,
    GoalFact,
    PlanActivity,
    PlanGoal,
    goal_facts_of,
    plan_findings,
    plan_followup_table,
    validate_goals,
)

G, P, C = Status.GENOMFORD, Status.PLANERAD, Status.INSTALLD
GOALS = [
    PlanGoal(11, 7, 2018, "Informera alla kommuner", 0),
    PlanGoal(12, 7, 2018, "Utbilda politiker", 1),
    PlanGoal(13, 7, 2018, "Starta samverkansgrupper", 2),
]


def act(
    n: int,
    goal: int | None,
    status: Status,
    day: date,
    participants: int = 0,
    end: date | None = None,
) -> PlanActivity:
    return PlanActivity(n, goal, day, end, f"Aktivitet {n}", "Seminarium", status, participants)


ACTIVITIES = [
    act(1, 11, G, date(2018, 2, 1), 30),
    act(2, 11, G, date(2018, 3, 1), 25),
    act(3, 11, P, date(2018, 11, 1), 40),  # planned: its expected count is not counted
    act(4, 11, C, date(2018, 4, 1)),
    act(5, 12, P, date(2018, 5, 1)),
    act(6, None, G, date(2018, 6, 1), 12),
]


def test_followup_per_goal_and_without_goal() -> None:
    table = plan_followup_table(GOALS, goal_facts_of(ACTIVITIES), 2018)

    assert table.key == "arsplan"
    assert (
        table.columns
        == FOLLOWUP_COLUMNS
        == (
            "Planerade totalt",
            "Genomförda",
            "Kvar att genomföra",
            "Inställda",
            "Deltagare",
        )
    )
    assert [(r.label, r.values) for r in table.rows] == [
        ("Informera alla kommuner", (4, 2, 1, 1, 55)),
        ("Utbilda politiker", (1, 0, 1, 0, 0)),
        ("Starta samverkansgrupper", (0, 0, 0, 0, 0)),
        (NO_GOAL, (1, 1, 0, 0, 12)),
    ]
    assert table.total.values == (6, 3, 2, 1, 67)


def test_rows_follow_sort_order_and_unknown_goals_count_as_without() -> None:
    shuffled = [GOALS[2], GOALS[0], GOALS[1]]
    facts = [GoalFact(99, G, 2, 8), GoalFact(None, P, 1, 0)]

    table = plan_followup_table(shuffled, facts, 2018)

    assert [r.label for r in table.rows] == [g.text for g in GOALS] + [NO_GOAL]
    assert table.value(NO_GOAL, "Planerade totalt") == 3
    assert table.value(NO_GOAL, "Deltagare") == 8


@pytest.mark.parametrize("seed", range(20))
def test_followup_invariants(seed: int) -> None:
    rng = random.Random(seed)
    activities = [
        act(
            n,
            rng.choice([11, 12, 13, None]),
            rng.choice(list(Status)),
            date(2018, rng.randint(1, 12), 1),
            rng.randint(0, 30),
        )
        for n in range(rng.randint(0, 25))
    ]
    table = plan_followup_table(GOALS, goal_facts_of(activities), 2018)

    for row in table.rows:
        planned, held, still, cancelled, _ = row.values
        assert planned == held + still + cancelled
    assert table.value("Totalt", "Planerade totalt") == len(activities)
    assert table.value("Totalt", "Deltagare") == sum(
        a.participants for a in activities if a.status is G
    )


def test_findings() -> None:
    activities = [
        *ACTIVITIES,
        act(7, 12, P, date(2018, 1, 10), end=date(2018, 1, 12)),  # ended before today
        act(8, 12, G, date(2019, 1, 15), 5),  # dated in the next year
    ]
    found = plan_findings(2018, GOALS, activities, today=date(2018, 6, 1))

    assert found == [
        Finding(
            "Mål i årsplanen utan aktiviteter",
            "Årsplan 2018: Starta samverkansgrupper",
            "minst 1 aktivitet",
            "0",
        ),
        Finding(
            "Planerad aktivitet vars datum har passerat",
            "Årsplan 2018, Utbilda politiker: Aktivitet 7 (2018-01-10)",
            "genomförd eller inställd",
            "planerad",
        ),
        Finding(
            "Planerad aktivitet vars datum har passerat",
            "Årsplan 2018, Utbilda politiker: Aktivitet 5 (2018-05-01)",
            "genomförd eller inställd",
            "planerad",
        ),
        Finding(
            "Aktiviteten ligger under ett mål för ett annat år",
            "Årsplan 2018, Utbilda politiker: Aktivitet 8 (2019-01-15)",
            "datum under 2018",
            "2019-01-15",
        ),
    ]


def test_a_planned_activity_on_its_last_day_is_not_late() -> None:
    a = act(1, 11, P, date(2018, 3, 1), end=date(2018, 3, 3))
    assert plan_findings(2018, GOALS[:1], [a], today=date(2018, 3, 3)) == []
    assert len(plan_findings(2018, GOALS[:1], [a], today=date(2018, 3, 4))) == 1


def test_validate_goals_numbers_and_tidies() -> None:
    drafts = [PlanGoal(None, 0, 0, "  Mål A ", 5), PlanGoal(4, 0, 0, "Mål B", 0)]

    assert validate_goals(7, 2019, drafts) == [
        PlanGoal(None, 7, 2019, "Mål A", 0),
        PlanGoal(4, 7, 2019, "Mål B", 1),
    ]


def test_validate_goals_lists_every_problem() -> None:
    drafts = [
        PlanGoal(None, 7, 2018, "Mål A"),
        PlanGoal(None, 7, 2018, " "),
        PlanGoal(None, 7, 2018, "mål a"),
        PlanGoal(None, 7, 2018, "utan mål"),
    ]
    with pytest.raises(ValidationError) as caught:
        validate_goals(7, 2018, drafts)

    assert caught.value.problems == [
        "Mål 2 saknar text.",
        "Målet ”mål a” finns två gånger.",
        "”Utan mål” kan inte vara namnet på ett mål.",
    ]
