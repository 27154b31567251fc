from dataclasses import replace
from datetime import date

import pytest

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.errors import ValidationError
from app.core.validation import validate_activity, validate_insats
from app.core.vocabulary import Scope, Status

TITLE_MISSING = "Ange en titel eller ett tema för aktiviteten."
END_BEFORE_START = "Slutdatum kan inte vara före startdatum."
KOMMUN_MISSING = "Välj kommun, eller ange att aktiviteten är länsövergripande eller nationell."
CANCELLED_WITH_PARTICIPANTS = (
    "En inställd aktivitet kan inte ha deltagare. Ändra status eller antal."
)


def activity(**changes: object) -> Activity:
    base = Activity(
        id=None,
        insats_id=1,
        type_id=2,
        title="Frukostmöte om ASF",
        start=date(2018, 3, 14),
        kommun_id=3,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def problems_of(a: Activity) -> list[str]:
    with pytest.raises(ValidationError) as info:
        validate_activity(a)
    return info.value.problems


def test_a_valid_activity_comes_back_tidied():
    checked = validate_activity(
        activity(title="  Frukostmöte om ASF ", place=" Gävle rådhus ", notes="  bra \n")
    )

    assert checked.title == "Frukostmöte om ASF"
    assert checked.place == "Gävle rådhus"
    assert checked.notes == "bra"
    assert checked.kommun_id == 3
    assert checked.end is None


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_empty_title_is_refused(title):
    assert problems_of(activity(title=title)) == [TITLE_MISSING]


def test_end_before_start_is_refused():
    assert problems_of(activity(start=date(2018, 3, 14), end=date(2018, 3, 13))) == [
        END_BEFORE_START
    ]


def test_end_on_the_start_day_means_a_single_day():
    checked = validate_activity(activity(start=date(2018, 3, 14), end=date(2018, 3, 14)))

    assert checked.end is None


def test_a_two_day_activity_keeps_its_end():
    checked = validate_activity(activity(start=date(2018, 3, 14), end=date(2018, 3, 15)))

    assert (checked.start, checked.end) == (date(2018, 3, 14), date(2018, 3, 15))


def test_kommun_is_required_for_a_kommun_activity():
    assert problems_of(activity(scope=Scope.KOMMUN, kommun_id=None)) == [KOMMUN_MISSING]


@pytest.mark.parametrize("scope", [Scope.LANSOVERGRIPANDE, Scope.NATIONELLT])
def test_kommun_is_dropped_when_not_a_kommun_activity(scope):
    checked = validate_activity(activity(scope=scope, kommun_id=3))

    assert checked.scope is scope
    assert checked.kommun_id is None


@pytest.mark.parametrize("scope", [Scope.LANSOVERGRIPANDE, Scope.NATIONELLT])
def test_no_kommun_needed_when_not_a_kommun_activity(scope):
    assert validate_activity(activity(scope=scope, kommun_id=None)).kommun_id is None


def test_cancelled_activity_with_participants_is_refused():
    a = activity(status=Status.INSTALLD, attendance=Attendance.build(4))

    assert problems_of(a) == [CANCELLED_WITH_PARTICIPANTS]


def test_cancelled_activity_without_participants_is_fine():
    a = activity(status=Status.INSTALLD, attendance=Attendance.build(0))

    assert validate_activity(a).status is Status.INSTALLD


def test_every_problem_is_reported_at_once():
    a = activity(
        title=" ",
        start=date(2018, 5, 2),
        end=date(2018, 5, 1),
        kommun_id=None,
        status=Status.INSTALLD,
        attendance=Attendance.build(3),
    )

    assert problems_of(a) == [
        TITLE_MISSING,
        END_BEFORE_START,
        KOMMUN_MISSING,
        CANCELLED_WITH_PARTICIPANTS,
    ]


def test_steps_are_sorted_deduplicated_and_give_the_dates():
    steps = (date(2018, 5, 3), date(2018, 2, 1), date(2018, 9, 12), date(2018, 2, 1))
    # start/end as typed are overridden by the steps.
    checked = validate_activity(activity(start=date(2018, 1, 1), end=date(2018, 1, 2), steps=steps))

    assert checked.steps == (date(2018, 2, 1), date(2018, 5, 3), date(2018, 9, 12))
    assert checked.start == date(2018, 2, 1)
    assert checked.end == date(2018, 9, 12)


def test_a_single_step_is_a_single_day():
    checked = validate_activity(
        activity(start=date(2018, 1, 1), end=date(2018, 1, 5), steps=(date(2018, 4, 4),))
    )

    assert checked.start == date(2018, 4, 4)
    assert checked.end is None


def test_steps_fix_an_end_typed_before_the_start():
    checked = validate_activity(
        activity(
            start=date(2018, 6, 1), end=date(2018, 1, 1), steps=(date(2018, 6, 1), date(2018, 7, 1))
        )
    )

    assert (checked.start, checked.end) == (date(2018, 6, 1), date(2018, 7, 1))


def test_duplicate_co_organisers_are_dropped_keeping_order():
    checked = validate_activity(activity(coorganiser_ids=(5, 2, 5, 7, 2)))

    assert checked.coorganiser_ids == (5, 2, 7)


def insats(**changes: object) -> Insats:
    base = Insats(None, 1, "ASF-insatsen", date(2018, 1, 1), date(2021, 12, 31))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_insats_is_trimmed():
    checked = validate_insats(insats(name="  ASF  ", goals=" Mål \n"))

    assert (checked.name, checked.goals) == ("ASF", "Mål")
    assert list(checked.years) == [2018, 2019, 2020, 2021]


def test_insats_problems_are_reported_together():
    with pytest.raises(ValidationError) as info:
        validate_insats(insats(name=" ", end=date(2017, 12, 31)))

    assert info.value.problems == [
        "Ange insatsens namn.",
        "Insatsens period slutar före den börjar.",
    ]
