import pytest

from app.core.attendance import Attendance
from app.core.errors import DomainError, ValidationError
from app.core.vocabulary import OrgCategory, Role

AF = OrgCategory.ARBETSFORMEDLINGEN
FK = OrgCategory.FORSAKRINGSKASSAN


def test_only_a_total_is_enough():
    """Pinnstatistik: just the head count, no breakdown at all."""
    a = Attendance.build(25)

    assert a.total == 25
    assert all(a.org(c) == 0 for c in OrgCategory)
    assert all(a.role(r) == 0 for r in Role)
    assert (a.women, a.men) == (0, 0)
    assert a.org_unallocated == 25
    assert a.role_unallocated == 25
    assert a.gender_unknown == 25


def test_nothing_given_is_zero_participants():
    a = Attendance.build(None)

    assert a.total == 0
    assert a == Attendance()


@pytest.mark.parametrize(
    ("by_org", "by_role", "women", "men", "expected_total"),
    [
        ({AF: 3, OrgCategory.KOMMUN: 4}, {Role.CHEF: 2}, 5, 1, 7),  # organisations largest
        ({AF: 1}, {Role.TJANSTEPERSON: 8, Role.CHEF: 1}, 2, 2, 9),  # roles largest
        ({}, {Role.OVRIGA: 3}, 6, 6, 12),  # gender largest
    ],
)
def test_missing_total_is_the_largest_breakdown(by_org, by_role, women, men, expected_total):
    a = Attendance.build(None, by_org, by_role, women=women, men=men)

    assert a.total == expected_total
    assert a.org_unallocated == expected_total - sum(by_org.values())
    assert a.role_unallocated == expected_total - sum(by_role.values())
    assert a.gender_unknown == expected_total - women - men


def test_partial_breakdowns_leave_remainders():
    a = Attendance.build(
        20,
        by_org={AF: 5, FK: 3},
        by_role={Role.TJANSTEPERSON: 10, Role.CHEF: 2},
        women=8,
        men=7,
    )

    assert a.org(AF) == 5
    assert a.org(FK) == 3
    assert a.org(OrgCategory.REGION) == 0
    assert a.role(Role.TJANSTEPERSON) == 10
    assert a.role(Role.FORTROENDEVALD) == 0
    assert a.org_unallocated == 12
    assert a.role_unallocated == 8
    assert a.gender_unknown == 5


def test_breakdowns_equal_to_the_total_are_allowed():
    a = Attendance.build(
        10, by_org={OrgCategory.ASF: 10}, by_role={Role.OVRIGA: 10}, women=6, men=4
    )

    assert (a.org_unallocated, a.role_unallocated, a.gender_unknown) == (0, 0, 0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"by_org": {AF: 7, OrgCategory.REGION: 5}},
            "Deltagarna per organisation (12) är fler än totalt antal deltagare (10).",
        ),
        (
            {"by_role": {Role.CHEF: 11}},
            "Deltagarna per roll (11) är fler än totalt antal deltagare (10).",
        ),
        ({"women": 6, "men": 5}, "Kvinnor och män (11) är fler än totalt antal deltagare (10)."),
    ],
)
def test_parts_above_the_total_are_refused(kwargs, message):
    with pytest.raises(ValidationError) as info:
        Attendance.build(10, **kwargs)

    assert info.value.problems == [message]
    assert "fler än totalt" in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"total": -3}, "Totalt antal deltagare kan inte vara negativt (-3)."),
        (
            {"total": 5, "by_org": {OrgCategory.REGION: -1}},
            "Antalet för Region kan inte vara negativt (-1).",
        ),
        (
            {"total": 5, "by_role": {Role.FORTROENDEVALD: -2}},
            "Antalet för Förtroendevald kan inte vara negativt (-2).",
        ),
        ({"total": 5, "women": -2}, "Antalet kvinnor kan inte vara negativt (-2)."),
        ({"total": 5, "men": -4}, "Antalet män kan inte vara negativt (-4)."),
    ],
)
def test_negative_numbers_are_refused(kwargs, message):
    with pytest.raises(ValidationError) as info:
        Attendance.build(**kwargs)

    assert message in info.value.problems


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as info:
        Attendance.build(
            5,
            by_org={OrgCategory.ASF: 6},
            by_role={Role.CHEF: 7},
            women=4,
            men=3,
        )

    assert info.value.problems == [
        "Deltagarna per organisation (6) är fler än totalt antal deltagare (5).",
        "Deltagarna per roll (7) är fler än totalt antal deltagare (5).",
        "Kvinnor och män (7) är fler än totalt antal deltagare (5).",
    ]
    # The message shown to the user lists them one per line.
    assert str(info.value) == "\n".join(info.value.problems)


def test_negative_part_and_excess_are_both_reported():
    with pytest.raises(ValidationError) as info:
        Attendance.build(3, by_org={AF: -1}, women=4)

    assert info.value.problems == [
        "Antalet för Arbetsförmedlingen kan inte vara negativt (-1).",
        "Kvinnor och män (4) är fler än totalt antal deltagare (3).",
    ]


def test_validation_error_is_a_domain_error():
    with pytest.raises(DomainError):
        Attendance.build(1, women=2)
