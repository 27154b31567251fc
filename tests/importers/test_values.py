"""Single values as people type them: dates, counts, kommuner, types, status and format."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.entities import ActivityType, Kommun, Organisation
from app.core.vocabulary import (
    DEFAULT_ACTIVITY_TYPES,
    Format,
    OrgCategory,
    Scope,
    Status,
)
from app.importers.date_values import read_date, read_date_range
from app.importers.values import (
    ValueProblem,
    find_kommun_in,
    guess_type,
    read_coorganisers,
    read_count,
    read_format,
    read_status,
    read_type,
    read_where,
)

TYPES = [ActivityType(i, name) for i, name in enumerate(DEFAULT_ACTIVITY_TYPES, start=1)]
KOMMUNER = [
    Kommun(1, "Gävle"),
    Kommun(2, "Sandviken"),
    Kommun(3, "Söderhamn"),
    Kommun(4, "Ovanåker"),
]
ORGS = [
    Organisation(1, "Arbetsförmedlingen", OrgCategory.ARBETSFORMEDLINGEN),
    Organisation(2, "Försäkringskassan", OrgCategory.FORSAKRINGSKASSAN),
    Organisation(3, "Region Gävleborg", OrgCategory.REGION),
    Organisation(4, "Sveriges Kommuner och Regioner (SKR)", OrgCategory.ANNAN),
    Organisation(5, "Coompanion Gävleborg", OrgCategory.ANNAN),
]
MARCH_15 = date(2018, 3, 15)


@pytest.mark.parametrize(
    "cell",
    [
        MARCH_15,
        datetime(2018, 3, 15, 9, 30),
        43174,  # the Excel serial number
        43174.375,
        "2018-03-15",
        "2018-03-15 09:00",
        "2018/03/15",
        "20180315",
        "15/3 2018",
        "15/3/2018",
        "15.3.2018",
        "15-3-2018",
        "15/3/18",
        "15 mars 2018",
        "15 Mars 2018",
        "15 mar 2018",
        "15 mar. 2018",
        "mars 15 2018",
        "March 15, 2018",
        "15 March 2018",
        "torsdag 15 mars 2018",
        "tors 15/3 2018",
        "15 mars 2018 kl 9.00",
        "  15/3 2018 ",
    ],
)
def test_a_date_in_every_shape_people_keep(cell: object) -> None:
    assert read_date(cell) == MARCH_15  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("31/2 2018", "datumet 31/2 2018 finns inte"),
        ("2018-02-30", "datumet 2018-02-30 finns inte"),
        ("30 februari 2019", "datumet 30 februari 2019 finns inte"),
        ("snart", "kan inte läsa datumet ”snart”"),
        ("15 mars", "kan inte läsa datumet ”15 mars”"),
        (12, "talet 12 är inget datum"),
        (None, "datum saknas"),
        ("", "datum saknas"),
    ],
)
def test_a_date_that_cannot_be_read_says_why(cell: object, reason: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        read_date(cell)  # type: ignore[arg-type]
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    "cell",
    ["15–16 mars 2018", "15-16 mars 2018", "2018-03-15 – 2018-03-16", "15/3 - 16/3 2018"],
)
def test_a_span_of_days_in_the_date_cell(cell: str) -> None:
    assert read_date_range(cell) == (MARCH_15, date(2018, 3, 16))


@pytest.mark.parametrize(
    ("cell", "value", "approximate"),
    [
        (12, 12, False),
        (12.0, 12, False),
        ("12", 12, False),
        ("12 st", 12, False),
        ("12st", 12, False),
        ("12 personer", 12, False),
        ("1 234", 1234, False),
        ("ca 40", 40, True),
        ("-", 0, False),
        ("0", 0, False),
    ],
)
def test_counts(cell: object, value: int, approximate: bool) -> None:
    count = read_count(cell)  # type: ignore[arg-type]
    assert count is not None and (count.value, count.approximate) == (value, approximate)


def test_an_empty_count_is_none_and_a_wrong_one_says_why() -> None:
    assert read_count(None) is None and read_count("  ") is None
    with pytest.raises(ValueProblem, match="”många” är inget antal"):
        read_count("många")
    with pytest.raises(ValueProblem, match="antalet 2.5 är inte ett heltal"):
        read_count(2.5)


@pytest.mark.parametrize(
    ("cell", "scope", "kommun_id"),
    [
        ("Gävle", Scope.KOMMUN, 1),
        ("gävle", Scope.KOMMUN, 1),
        ("Gävle kommun", Scope.KOMMUN, 1),
        ("Sandvikens kommun", Scope.KOMMUN, 2),
        ("Kommun: Söderhamn", Scope.KOMMUN, 3),
        ("Ovanaker", Scope.KOMMUN, 4),
        ("Länet", Scope.LANSOVERGRIPANDE, None),
        ("Länsövergripande", Scope.LANSOVERGRIPANDE, None),
        ("Hela länet", Scope.LANSOVERGRIPANDE, None),
        ("Nationellt", Scope.NATIONELLT, None),
        ("Riket", Scope.NATIONELLT, None),
    ],
)
def test_kommun_or_scope(cell: str, scope: Scope, kommun_id: int | None) -> None:
    where = read_where(cell, KOMMUNER)
    assert (where.scope, where.kommun_id, where.unmatched) == (scope, kommun_id, "")


def test_a_place_outside_the_forbund_is_kept_as_text() -> None:
    where = read_where("Stockholm", KOMMUNER)
    assert (where.scope, where.kommun_id, where.unmatched) == (
        Scope.LANSOVERGRIPANDE,
        None,
        "Stockholm",
    )


def test_a_kommun_named_in_free_text() -> None:
    assert find_kommun_in("Stadshuset, Gävle", KOMMUNER) == KOMMUNER[0]
    assert find_kommun_in("Gävle och Sandviken", KOMMUNER) is None  # two: no guess
    assert find_kommun_in("Folkets hus", KOMMUNER) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Frukost om ASF", "Frukostmöte"),
        ("Seminarium: sociala företag", "Seminarium"),
        ("ASF-seminarium i Hofors", "Seminarium"),
        ("Länskonferens 2018", "Konferens"),
        ("Workshop upphandling", "Workshop"),
        ("Utbildning i reserverade kontrakt", "Utbildning"),
        ("Kunskapsdialog med politiker", "Kunskapsdialog"),
        ("Temadag ASF", "Temadag"),
        ("Studiebesök Vägen ut", "Studiebesök"),
        ("Nätverksträff ASF", "Nätverksmöte"),
        ("Podcast-inspelning", "Podd"),
        ("Filminspelning", "Film/media"),
        ("Inspirationsdag", "Inspirationsdag"),
        ("Info till socialnämnden", "Informationsmöte"),
        ("Processtöd Bollnäs", "Processtöd"),
        ("Möte med Coompanion", "Övrigt"),
    ],
)
def test_the_type_is_guessed_from_the_title(title: str, expected: str) -> None:
    match, warning = read_type("", title, TYPES)
    assert match is not None and match.type.name == expected and not match.exact
    assert warning == ""


def test_a_type_cell_matches_exactly_or_is_guessed_with_a_warning() -> None:
    exact, warning = read_type("seminarium", "x", TYPES)
    assert exact is not None and exact.exact and exact.type.name == "Seminarium" and not warning
    guessed, warning = read_type("Frukostträff", "x", TYPES)
    assert guessed is not None and guessed.type.name == "Frukostmöte" and not guessed.exact
    assert warning == "typen ”Frukostträff” finns inte i listan; tolkad som Frukostmöte"


def test_a_user_made_type_is_found_in_the_title() -> None:
    types = [*TYPES, ActivityType(99, "Lunchträff")]
    assert guess_type("Lunchträff i Gävle", types) == types[-1]


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Genomförd", Status.GENOMFORD),
        ("genomfört", Status.GENOMFORD),
        ("Planerad", Status.PLANERAD),
        ("Inställd", Status.INSTALLD),
        ("Inställt", Status.INSTALLD),
        ("Cancelled", Status.INSTALLD),
        ("", None),
    ],
)
def test_status(cell: str, status: Status | None) -> None:
    assert read_status(cell) == status


def test_an_unknown_status_or_format_says_so() -> None:
    with pytest.raises(ValueProblem, match="statusen ”Flyttad” är okänd"):
        read_status("Flyttad")
    with pytest.raises(ValueProblem, match="formen ”Brev” är okänd"):
        read_format("Brev")
    assert read_format("Teams") is Format.DIGITALT
    assert read_format("på plats") is Format.FYSISKT
    assert read_format("Hybrid") is Format.HYBRID


def test_co_organisers_by_name_abbreviation_or_not_at_all() -> None:
    assert read_coorganisers("Arbetsförmedlingen, Region Gävleborg", ORGS) == ([1, 3], [])
    assert read_coorganisers("Sveriges Kommuner och Regioner (SKR)", ORGS) == ([4], [])
    assert read_coorganisers(
        "Arbetsförmedlingen, Sveriges Kommuner och Regioner (SKR), Movexum", ORGS
    ) == ([4, 1], ["Movexum"])
    assert read_coorganisers("AF; FK; SKR", ORGS) == ([1, 2, 4], [])
    assert read_coorganisers("Coompanion och Hushållningssällskapet", ORGS) == (
        [5],
        ["Hushållningssällskapet"],
    )
    assert read_coorganisers(None, ORGS) == ([], [])
