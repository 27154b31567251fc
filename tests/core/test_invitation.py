"""The invitation text of an activity, its place in a calendar, and the checks of the
invitation's fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from app.core.entities import Activity, Step
from app.core.errors import ValidationError
from app.core.invitation import (
    LINK_PROBLEM,
    InvitedActivity,
    day_in_words,
    invitation_text,
    link_problem,
    location,
    occasions,
)
from app.core.validation import validate_activity
from app.core.vocabulary import Format, Scope, Status

BASE = Activity(
    id=7,
    insats_id=1,
    type_id=1,
    title="Frukostmöte om ASF",
    start=date(2025, 3, 11),
    scope=Scope.KOMMUN,
    kommun_id=3,
    place="Stadshuset",
)


def text(activity: Activity, kommun: str = "Ockelbo") -> str:
    return invitation_text(InvitedActivity(activity, kommun))


def test_day_in_words() -> None:
    assert day_in_words(date(2025, 3, 11)) == "tisdag 11 mars 2025"
    assert day_in_words(date(2024, 12, 29), year=False) == "söndag 29 december"
    # Every weekday of a week, in order.
    week = [day_in_words(date(2025, 3, d), year=False).split()[0] for d in range(10, 17)]
    assert week == ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


def test_a_timed_activity() -> None:
    a = replace(
        BASE,
        start_time=time(9),
        end_time=time(11, 30),
        description="Vi pratar om sociala företag.",
        registration="Senast 4 mars till anna@example.se",
    )
    assert text(a) == (
        "Frukostmöte om ASF\n"
        "När: tisdag 11 mars 2025, kl. 9.00–11.30\n"
        "Plats: Stadshuset, Ockelbo\n"
        "\n"
        "Vi pratar om sociala företag.\n"
        "\n"
        "Anmälan: Senast 4 mars till anna@example.se\n"
    )


def test_an_all_day_activity_over_days() -> None:
    a = replace(BASE, end=date(2025, 3, 13), place="Ockelbo bibliotek")
    assert text(a) == (
        "Frukostmöte om ASF\n"
        "När: tisdag 11 mars – torsdag 13 mars 2025\n"
        "Plats: Ockelbo bibliotek\n"  # the place names the kommun already
    )
    timed = replace(a, end=date(2026, 1, 2), start_time=time(13), end_time=time(12))
    assert "När: tisdag 11 mars 2025 kl. 13.00 – fredag 2 januari 2026 kl. 12.00\n" in text(timed)


def test_a_digital_activity() -> None:
    link = "https://teams.microsoft.com/l/meetup-join/19%3ameeting"
    a = replace(BASE, format=Format.DIGITALT, place="Teams", link=link, start_time=time(10))
    assert text(a) == (
        f"Frukostmöte om ASF\nNär: tisdag 11 mars 2025, kl. 10.00\nDigitalt: {link}\n"
    )
    hybrid = replace(a, format=Format.HYBRID, place="Stadshuset")
    assert f"Plats: Stadshuset, Ockelbo\nDigitalt: {link}\n" in text(hybrid)
    no_link = replace(a, link="")
    assert "Digitalt (länken skickas ut före mötet)" in text(no_link)


def test_a_training_in_steps() -> None:
    days = (date(2025, 3, 11), date(2025, 3, 25), date(2025, 4, 8))
    a = replace(
        BASE,
        title="Utbildning i upphandling",
        scope=Scope.LANSOVERGRIPANDE,
        kommun_id=None,
        place="Folkets hus, Gävle",
        steps=days,
        start=days[0],
        end=days[-1],
        step_times=(Step(days[0], time(9), time(12)), Step(days[2], time(13, 15))),
    )
    assert text(a, "") == (
        "Utbildning i upphandling\n"
        "När:\n"
        "Steg 1: tisdag 11 mars 2025, kl. 9.00–12.00\n"
        "Steg 2: tisdag 25 mars 2025\n"
        "Steg 3: tisdag 8 april 2025, kl. 13.15\n"
        "Plats: Folkets hus, Gävle\n"
    )
    assert occasions(a) == (
        Step(days[0], time(9), time(12)),
        Step(days[1]),
        Step(days[2], time(13, 15)),
    )


def test_a_cancelled_activity_says_so() -> None:
    assert text(replace(BASE, status=Status.INSTALLD)).startswith("Inställt: Frukostmöte om ASF\n")


@pytest.mark.parametrize(
    ("place", "scope", "kommun", "shown"),
    [
        ("", Scope.KOMMUN, "Gävle", "Gävle"),
        ("Gävle", Scope.KOMMUN, "Gävle", "Gävle"),
        ("Stadshuset", Scope.KOMMUN, "Gävle", "Stadshuset, Gävle"),
        ("Stadshuset, Gävle", Scope.KOMMUN, "Gävle", "Stadshuset, Gävle"),
        ("Folkets hus", Scope.LANSOVERGRIPANDE, "", "Folkets hus"),
        ("", Scope.NATIONELLT, "", ""),
    ],
)
def test_the_place_a_calendar_shows(place: str, scope: Scope, kommun: str, shown: str) -> None:
    a = replace(BASE, place=place, scope=scope)
    assert location(InvitedActivity(a, kommun)) == shown


@pytest.mark.parametrize(
    "link",
    [
        "",
        "https://teams.microsoft.com/l/meetup-join/x",
        "http://zoom.us/j/123?pwd=a",
        " https://a.se ",
    ],
)
def test_links_that_look_like_web_addresses(link: str) -> None:
    assert link_problem(link) is None
    assert validate_activity(replace(BASE, link=link)).link == link.strip()


@pytest.mark.parametrize(
    "link", ["teams.microsoft.com/x", "ftp://a.se/x", "https://", "https://localhost", "mejla mig"]
)
def test_a_link_that_is_no_web_address_is_refused(link: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_activity(replace(BASE, link=link))
    assert LINK_PROBLEM in caught.value.problems


def test_the_invitation_fields_lengths() -> None:
    too_long = replace(
        BASE,
        link="https://a.se/" + "x" * 500,
        description="y" * 20_001,
        registration="z" * 20_001,
    )
    with pytest.raises(ValidationError) as caught:
        validate_activity(too_long)
    assert caught.value.problems == [
        "Länken har 513 tecken, men högst 500 får plats.",
        "Beskrivningen har 20\u00a0001 tecken, men högst 20\u00a0000 får plats.",
        "Anmälan har 20\u00a0001 tecken, men högst 20\u00a0000 får plats.",
    ]
