"""Named participants in core: validation, search, gallring date and the register extract."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.people import (
    AttendedActivity,
    Person,
    extract_filename,
    gallring_cutoff,
    match_rank,
    register_extract,
    search,
    swedish_key,
    validate_gallring_years,
    validate_person,
)


def test_a_valid_person_is_tidied() -> None:
    p = validate_person(Person(None, 1, "  Anna   Ärlig ", None, " anna.arlig@gavle.se "))
    assert p.name == "Anna Ärlig"
    assert p.email == "anna.arlig@gavle.se"


def test_name_is_required_and_email_must_be_plausible() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_person(Person(None, 1, "   ", None, "anna at gavle"))
    assert caught.value.problems == [
        "Ange personens namn.",
        "E-postadressen anna at gavle ser inte ut som en e-postadress "
        "(t.ex. anna.larsson@gavle.se). Lämna fältet tomt om den inte är känd.",
    ]


@pytest.mark.parametrize("email", ["a@b", "a@@b.se", "a@b.", "@b.se", "a b@c.se", "a@.se"])
def test_implausible_emails_are_refused(email: str) -> None:
    with pytest.raises(ValidationError):
        validate_person(Person(None, 1, "Anna", None, email))


@pytest.mark.parametrize("email", ["", "a@b.se", "förnamn.efternamn@kommun.hofors.se"])
def test_plausible_or_missing_emails_are_accepted(email: str) -> None:
    assert validate_person(Person(None, 1, "Anna", None, email)).email == email


def test_gallring_cutoff_goes_back_whole_years() -> None:
    assert gallring_cutoff(date(2024, 5, 1), 3) == date(2021, 5, 1)
    assert gallring_cutoff(date(2024, 2, 29), 1) == date(2023, 2, 28)
    with pytest.raises(ValidationError):
        gallring_cutoff(date(2024, 5, 1), 0)
    assert validate_gallring_years(99) == 99


PEOPLE = [
    Person(1, 1, "Örjan Lind", None, "orjan@hofors.se"),
    Person(2, 1, "Anna Larsson", None, "anna.larsson@gavle.se"),
    Person(3, 1, "Lars Åberg", None, ""),
    Person(4, 1, "Åsa Ek", None, "asa.ek@af.se"),
    Person(5, 1, "Karin Nilsson", None, "karin@larsbo.se"),
]


def names(found: list[Person]) -> list[str]:
    return [p.name for p in found]


def test_search_any_case_any_word_name_starts_first() -> None:
    assert names(search(PEOPLE, "LARS")) == ["Lars Åberg", "Anna Larsson", "Karin Nilsson"]
    assert names(search(PEOPLE, "åsa")) == ["Åsa Ek"]
    assert names(search(PEOPLE, "ö")) == ["Örjan Lind"]
    assert names(search(PEOPLE, "anna gavle")) == ["Anna Larsson"]
    assert names(search(PEOPLE, "af.se")) == ["Åsa Ek"]
    assert search(PEOPLE, "zzz") == []
    assert len(search(PEOPLE, "a", limit=2)) == 2


def test_match_rank() -> None:
    anna = PEOPLE[1]
    assert match_rank(anna, ["anna"]) == 0
    assert match_rank(anna, ["larsson"]) == 1
    assert match_rank(anna, ["arss"]) == 2


def test_swedish_order() -> None:
    assert sorted(["Örjan", "Åsa", "Ärla", "Zorn", "anna"], key=swedish_key) == [
        "anna",
        "Zorn",
        "Åsa",
        "Ärla",
        "Örjan",
    ]


def test_register_extract_lists_everything_stored() -> None:
    person = Person(7, 1, "Anna Ärlig", 3, "anna@gavle.se")
    attended = [
        AttendedActivity(
            date(2019, 2, 5), None, "Frukostmöte om ASF", "Frukostmöte", "Gävle", "ASF", "Genomförd"
        ),
        AttendedActivity(
            date(2018, 3, 14),
            date(2018, 3, 15),
            "Konferens om upphandling",
            "Konferens",
            "Länsövergripande",
            "ASF",
            "Genomförd",
        ),
    ]
    text = register_extract(
        person, "Gävle kommun", attended, made_on=date(2024, 5, 1), forbund_name="Finsam X"
    )
    assert text.startswith("REGISTERUTDRAG – PERSONUPPGIFTER I INSATSLOGG\n")
    for expected in (
        "Utdraget skapat: 2024-05-01",
        "Personuppgiftsansvarig verksamhet: Finsam X",
        "Namn:          Anna Ärlig",
        "Organisation:  Gävle kommun",
        "E-post:        anna@gavle.se",
        "AKTIVITETER SOM PERSONEN ÄR REGISTRERAD SOM DELTAGARE I (2 aktiviteter)",
        "1. 2018-03-14 – 2018-03-15",
        "   Titel:   Konferens om upphandling",
        "   Kommun:  Länsövergripande",
        "2. 2019-02-05",
        "   Typ:     Frukostmöte",
        "   Kommun:  Gävle",
    ):
        assert expected in text.splitlines(), expected


def test_register_extract_of_a_person_without_activities() -> None:
    text = register_extract(Person(1, 1, "Bo", None, ""), "", [], made_on=date(2024, 1, 2))
    assert "Organisation:  (ingen uppgift)" in text
    assert "E-post:        (ingen uppgift)" in text
    assert "(0 aktiviteter)" in text
    assert "Personen är inte kopplad till någon aktivitet." in text


def test_extract_filename_is_safe() -> None:
    assert (
        extract_filename(Person(1, 1, 'Anna "A/B" Ärlig'), date(2024, 5, 1))
        == "Registerutdrag Anna AB Ärlig 2024-05-01.txt"
    )
