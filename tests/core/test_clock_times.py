"""Clock times: the Swedish "kl. 9.00–11.30", what people write, and bad input."""

from datetime import date, time

import pytest

from app.core.clock_times import (
    format_times,
    parse_time,
    parse_times,
    stored_time,
    time_from_stored,
)
from app.core.entities import Step
from app.core.validation import validate_activity
from tests.core.test_validation import activity, problems_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.00–11.30", (time(9, 0), time(11, 30))),
        ("9-11.30", (time(9, 0), time(11, 30))),
        ("9.00 - 11.30", (time(9, 0), time(11, 30))),
        ("kl. 9–11.30", (time(9, 0), time(11, 30))),
        ("Kl 13.15—16", (time(13, 15), time(16, 0))),
        ("klockan 8.30", (time(8, 30), None)),
        ("09:00", (time(9, 0), None)),
        ("9", (time(9, 0), None)),
        ("  ", (None, None)),
    ],
)
def test_the_forms_people_write_are_read(text, expected):
    assert parse_times(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("förmiddag", "Klockslaget ”förmiddag” kan inte läsas; skriv till exempel 9.00–11.30."),
        ("9.5", "Klockslaget ”9.5” kan inte läsas; skriv till exempel 9.00–11.30."),
        ("25.00", "Klockslaget ”25.00” finns inte (timmar 0–23, minuter 0–59)."),
        ("9.75–10", "Klockslaget ”9.75–10” finns inte (timmar 0–23, minuter 0–59)."),
        ("11.30–9", "Sluttiden (kl. 9.00) måste vara efter starttiden (kl. 11.30)."),
        ("10–10", "Sluttiden (kl. 10.00) måste vara efter starttiden (kl. 10.00)."),
    ],
)
def test_bad_times_are_told_in_swedish(text, message):
    with pytest.raises(ValueError) as info:
        parse_times(text)
    assert str(info.value) == message


def test_one_time_is_not_a_span():
    assert parse_time("kl. 13.05") == time(13, 5)
    with pytest.raises(ValueError, match="inte ett intervall"):
        parse_time("9–10")


def test_times_are_shown_the_swedish_way():
    assert format_times(time(9, 0), time(11, 30)) == "kl. 9.00–11.30"
    assert format_times(time(13, 5)) == "kl. 13.05"
    assert format_times(None, None) == ""
    assert format_times(time(0, 0), time(23, 59)) == "kl. 0.00–23.59"


def test_times_are_stored_as_hours_and_minutes():
    assert stored_time(time(9, 5, 59)) == "09:05"
    assert stored_time(None) is None
    assert time_from_stored("09:05") == time(9, 5)
    assert time_from_stored(None) is None


def test_an_activity_keeps_its_times_to_the_minute():
    checked = validate_activity(activity(start_time=time(9, 0, 30), end_time=time(11, 30)))
    assert (checked.start_time, checked.end_time) == (time(9, 0), time(11, 30))


def test_an_end_time_needs_a_start_time_and_comes_after_it():
    assert problems_of(activity(end_time=time(11, 30))) == [
        "Ange en starttid när en sluttid är angiven (sluttid kl. 11.30)."
    ]
    assert problems_of(activity(start_time=time(11, 30), end_time=time(9, 0))) == [
        "Sluttiden (kl. 9.00) måste vara efter starttiden (kl. 11.30)."
    ]


def test_over_several_days_the_end_time_is_on_the_last_day():
    checked = validate_activity(
        activity(end=date(2018, 3, 15), start_time=time(13, 0), end_time=time(12, 0))
    )
    assert (checked.start_time, checked.end_time) == (time(13, 0), time(12, 0))


def test_each_step_keeps_its_own_times_and_is_checked():
    steps = (date(2018, 2, 1), date(2018, 3, 1), date(2018, 4, 5))
    checked = validate_activity(
        activity(
            steps=steps,
            step_times=(
                Step(date(2018, 4, 5), time(13, 0), time(16, 0)),
                Step(date(2018, 2, 1), time(9, 0)),
                Step(date(2019, 1, 1), time(9, 0)),  # not a step: dropped
            ),
        )
    )
    assert checked.timed_steps == (
        Step(date(2018, 2, 1), time(9, 0)),
        Step(date(2018, 3, 1)),
        Step(date(2018, 4, 5), time(13, 0), time(16, 0)),
    )
    bad = activity(steps=steps, step_times=(Step(date(2018, 3, 1), time(12), time(10)),))
    assert problems_of(bad) == [
        "Steg 2: Sluttiden (kl. 10.00) måste vara efter starttiden (kl. 12.00)."
    ]


def test_a_single_step_left_gives_its_times_to_the_activity():
    checked = validate_activity(
        activity(steps=(date(2018, 5, 2),), step_times=(Step(date(2018, 5, 2), time(9), time(12)),))
    )
    assert (checked.start, checked.start_time, checked.end_time) == (
        date(2018, 5, 2),
        time(9),
        time(12),
    )
    assert checked.step_times == ()


def test_an_end_on_a_later_day_may_be_earlier_in_the_day():
    assert parse_times("13.00–12.00", same_day=False) == (time(13), time(12))
    with pytest.raises(ValueError, match="måste vara efter starttiden"):
        parse_times("13.00–12.00")
