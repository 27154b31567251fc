"""The limits on what is stored (issue 11, point 7), as validation applies them: the
schema's lengths, the years a date may have, the characters XML forbids."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from app.core import limits
from app.core.entities import Activity, Insats
from app.core.errors import DomainError, ValidationError
from app.core.groups import Group, GroupStatusChange, validate_group
from app.core.milestones import Milestone, validate_milestone
from app.core.people import Person, validate_person
from app.core.validation import validate_activity, validate_insats
from app.core.vocabulary import GroupStatus, MilestoneKind, Scope

FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ud800\udfff\ufffe\uffff"
ALLOWED = "\t\n\r å ä ö é ß € 😀 \u2028 \ue000 \ufffd"


def _activity(**fields: object) -> Activity:
    base = Activity(
        id=None,
        insats_id=1,
        type_id=1,
        title="Frukostmöte",
        start=date(2018, 3, 15),
        scope=Scope.LANSOVERGRIPANDE,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def _problems(activity: Activity) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        validate_activity(activity)
    return refused.value.problems


def test_clean_takes_out_exactly_what_xml_forbids() -> None:
    seed = random.randrange(1 << 32)
    print(f"seed {seed}")
    rng = random.Random(seed)
    for _ in range(200):
        parts = [rng.choice(FORBIDDEN + ALLOWED + "abc") for _ in range(rng.randrange(30))]
        text = "".join(parts)
        assert limits.clean(text) == "".join(c for c in parts if c not in FORBIDDEN)
    assert limits.clean(ALLOWED) == ALLOWED


def test_an_activity_at_its_limits_is_stored_one_character_more_is_refused() -> None:
    at = _activity(
        title="t" * limits.ACTIVITY_TITLE,
        place="p" * limits.ACTIVITY_PLACE,
        notes="n" * limits.LONG_TEXT,
    )
    assert validate_activity(at) == at
    over = replace(at, title=at.title + "t", place=at.place + "p", notes=at.notes + "n")
    assert _problems(over) == [
        "Titeln har 501 tecken, men högst 500 får plats.",
        "Platsen har 301 tecken, men högst 300 får plats.",
        "Anteckningarna har 20\u00a0001 tecken, men högst 20\u00a0000 får plats.",
    ]


def test_texts_lose_the_characters_xml_forbids() -> None:
    checked = validate_activity(
        _activity(title="Frukost\uffff möte\x01", place="Gävle\ufffe", notes="bra\x0b")
    )
    assert (checked.title, checked.place, checked.notes) == ("Frukost möte", "Gävle", "bra")
    assert validate_person(Person(None, 1, "Anna\uffff Berg", None, "")).name == "Anna Berg"
    group = validate_group(Group(None, 1, 1, "Grupp\ufffe", notes="\x1fnot"))
    assert (group.name, group.notes) == ("Grupp", "not")


@pytest.mark.parametrize(
    ("day", "what"),
    [
        (date(1, 1, 1), "Datumet 0001-01-01"),
        (date(9999, 12, 31), "Datumet 9999-12-31"),
        (date(1989, 12, 31), "Datumet 1989-12-31"),
        (date(2101, 1, 1), "Datumet 2101-01-01"),
    ],
)
def test_a_date_outside_the_range_is_refused(day: date, what: str) -> None:
    assert _problems(_activity(start=day)) == [
        f"{what} ligger utanför de år Insatslogg tar emot (1990–2100)."
    ]


def test_the_ends_of_the_range_are_taken() -> None:
    assert validate_activity(_activity(start=date(1990, 1, 1), end=date(2100, 12, 31)))
    assert _problems(_activity(start=date(2018, 1, 1), end=date(9999, 1, 1))) == [
        "Slutdatumet 9999-01-01 ligger utanför de år Insatslogg tar emot (1990–2100)."
    ]


def test_the_insats_group_and_milestone_have_the_same_limits() -> None:
    insats = Insats(None, 1, "i" * 301, date(2018, 1, 1), date(9999, 12, 31))
    with pytest.raises(ValidationError) as refused:
        validate_insats(insats)
    assert refused.value.problems == [
        "Insatsens namn har 301 tecken, men högst 300 får plats.",
        "Slutdatumet 9999-12-31 ligger utanför de år Insatslogg tar emot (1990–2100).",
    ]
    group = Group(
        None, 1, 1, "g" * 201, statuses=(GroupStatusChange(date(9999, 1, 1), GroupStatus.AKTIV),)
    )
    with pytest.raises(ValidationError) as refused:
        validate_group(group)
    assert refused.value.problems == [
        "Gruppens namn har 201 tecken, men högst 200 får plats.",
        "Statusdatumet 9999-01-01 ligger utanför de år Insatslogg tar emot (1990–2100).",
    ]
    with pytest.raises(ValidationError) as refused:
        validate_milestone(Milestone(None, 1, date(1, 1, 1), MilestoneKind.POLICY, "Policy"))
    assert refused.value.problems == [
        "Datumet 0001-01-01 ligger utanför de år Insatslogg tar emot (1990–2100)."
    ]


@pytest.mark.parametrize("year", [0, -1, 1989, 2101, 9999])
def test_check_year_refuses_what_no_date_can_have(year: int) -> None:
    with pytest.raises(DomainError) as refused:
        limits.check_year(year)
    assert str(refused.value) == (
        f"Året {year} ligger utanför de år Insatslogg räknar med (1990–2100)."
    )
    assert limits.check_year(1990) == 1990 and limits.check_year(2100) == 2100


def test_what_the_store_saves_is_clean_and_within_its_limits(store, insats, make_activity) -> None:  # type: ignore[no-untyped-def]
    """Through the store, as the dialogs save: the texts come back without the forbidden
    characters; a name longer than the schema holds is refused with its limit."""
    saved = store.activities.add(make_activity(title="Frukost\uffff om ASF", place="Gä\x01vle"))
    assert (saved.title, saved.place) == ("Frukost om ASF", "Gävle")
    kommuner = store.reference.kommuner(insats.forbund_id)
    renamed = [replace(k, name=k.name + "\ufffe") if k.name == "Gävle" else k for k in kommuner]
    saved_names = [k.name for k in store.reference.save_kommuner(insats.forbund_id, renamed)]
    assert saved_names == [k.name for k in kommuner]
    too_long = [replace(kommuner[0], name="K" * 101), *kommuner[1:]]
    with pytest.raises(ValidationError) as refused:
        store.reference.save_kommuner(insats.forbund_id, too_long)
    assert refused.value.problems == [f"Namnet på kommunen ”{'K' * 40}…” är längre än 100 tecken."]
    store.reference.rename_forbund(insats.forbund_id, "Samordningsförbundet\uffff")
    with pytest.raises(ValidationError) as refused:
        store.reference.rename_forbund(insats.forbund_id, "F" * 201)
    assert refused.value.problems == ["Förbundets namn har 201 tecken, men högst 200 får plats."]
