"""Header rows: found below title rows, named in Swedish or English, decided by content."""

from __future__ import annotations

import pytest

from app.core.vocabulary import OrgCategory, Role
from app.importers.fields import Field
from app.importers.headers import (
    _SYNONYMS,
    AMBIGUOUS_KOMMUN,
    AMBIGUOUS_ORT,
    AMBIGUOUS_OVRIGA,
    build_mapping,
    find_header,
    match_header,
)
from app.importers.table import RawRow, RawTable, key

KOMMUNER = ["Gävle", "Sandviken", "Hofors"]


def table(*rows: tuple[object, ...]) -> RawTable:
    return RawTable("t.xlsx", tuple(RawRow(i, tuple(r)) for i, r in enumerate(rows, start=1)))  # type: ignore[arg-type]


def fields(t: RawTable) -> dict[str, Field]:
    at = find_header(t.rows)
    assert at is not None
    mapping, _ = build_mapping(t, at, KOMMUNER)
    return {c.name: c.field for c in mapping.columns}


def test_no_synonym_means_two_things() -> None:
    seen: dict[str, object] = {}
    for target, phrases in _SYNONYMS.items():
        for phrase in phrases:
            k = key(phrase)
            assert seen.setdefault(k, target) == target, f"{phrase!r}: {seen[k]} and {target}"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Datum", Field.DATE),
        ("DATE", Field.DATE),
        ("Startdatum", Field.DATE),
        ("Slutdatum", Field.END_DATE),
        ("End date", Field.END_DATE),
        ("Typ", Field.TYPE),
        ("Aktivitet", Field.TYPE),
        ("Aktivitetstyp", Field.TYPE),
        ("Titel/tema", Field.TITLE),
        ("Rubrik", Field.TITLE),
        ("Subject", Field.TITLE),
        ("Ämne", Field.TITLE),
        ("Plats/Lokal", Field.PLACE),
        ("Location", Field.PLACE),
        ("Format", Field.FORMAT),
        ("Status", Field.STATUS),
        ("Medarrangörer", Field.COORGANISERS),
        ("Co-organiser", Field.COORGANISERS),
        ("Antal", Field.TOTAL),
        ("Antal deltagare", Field.TOTAL),
        ("Deltagare totalt", Field.TOTAL),
        ("Participants", Field.TOTAL),
        ("Attendees", Field.TOTAL),
        ("Antal kvinnor", Field.WOMEN),
        ("Women", Field.WOMEN),
        ("Män", Field.MEN),
        ("Men", Field.MEN),
        ("AF", Field.ORG_ARBETSFORMEDLINGEN),
        ("Arbetsförmedlingen", Field.ORG_ARBETSFORMEDLINGEN),
        ("FK", Field.ORG_FORSAKRINGSKASSAN),
        ("Region", Field.ORG_REGION),
        ("ASF", Field.ORG_ASF),
        ("Annan", Field.ORG_ANNAN),
        ("Tjänsteperson/medarbetare", Field.ROLE_TJANSTEPERSON),
        ("Medarbetare", Field.ROLE_TJANSTEPERSON),
        ("Chef", Field.ROLE_CHEF),
        ("Politiker", Field.ROLE_FORTROENDEVALD),
        ("ASF-företrädare", Field.ROLE_ASF_FORETRADARE),
        ("Anteckningar", Field.NOTES),
        ("Kommentar", Field.NOTES),
        ("  antal   DELTAGARE: ", Field.TOTAL),
        ("Kommun", AMBIGUOUS_KOMMUN),
        ("Ort", AMBIGUOUS_ORT),
        ("Övriga", AMBIGUOUS_OVRIGA),
        ("Väder", None),
    ],
)
def test_synonyms(header: str, expected: Field | str | None) -> None:
    assert match_header(header) == expected


def test_the_header_is_found_below_title_rows_but_not_in_them() -> None:
    t = table(
        ("Aktiviteter 2018",),
        ("Samordningsförbund Gävleborg", None, "Uppdaterad 2018-12-31"),
        ("Datum", "Aktivitet", "Antal"),
        ("2018-03-15", "Frukostmöte", 12),
    )
    assert find_header(t.rows) == 2


def test_no_header_in_a_sheet_of_numbers() -> None:
    assert find_header(table((1, 2, 3), (4, 5, 6)).rows) is None


def test_kommun_is_the_place_when_it_holds_names_and_a_count_when_it_holds_numbers() -> None:
    t = table(
        ("Datum", "Titel", "Kommun", "Deltagare", "AF", "Kommun", "Region"),
        ("2018-03-15", "Frukost", "Gävle", 12, 2, 8, 2),
        ("2018-03-20", "Seminarium", "Hofors", 20, None, None, None),
    )
    columns = build_mapping(t, 0, KOMMUNER)[0].columns
    assert [c.field for c in columns] == [
        Field.DATE,
        Field.TITLE,
        Field.KOMMUN,
        Field.TOTAL,
        Field.ORG_ARBETSFORMEDLINGEN,
        Field.ORG_KOMMUN,
        Field.ORG_REGION,
    ]


def test_ort_is_the_kommun_when_it_names_kommuner_else_the_place() -> None:
    by_name = table(
        ("Datum", "Titel", "Ort"),
        ("2018-03-15", "A", "Gävle kommun"),
        ("2018-04-01", "B", "Hofors"),
    )
    assert fields(by_name)["Ort"] is Field.KOMMUN
    rooms = table(
        ("Datum", "Titel", "Ort"), ("2018-03-15", "A", "Folkets hus"), ("2018-04-01", "B", "Rum 3")
    )
    assert fields(rooms)["Ort"] is Field.PLACE
    with_kommun = table(("Datum", "Titel", "Kommun", "Ort"), ("2018-03-15", "A", "Gävle", "Gävle"))
    assert fields(with_kommun)["Ort"] is Field.PLACE


def test_ovriga_is_a_role_after_roles_and_an_organisation_after_organisations() -> None:
    t = table(
        ("Datum", "Titel", "AF", "FK", "Övriga", "Chef", "Förtroendevald", "Övriga"),
        ("2018-03-15", "A", 1, 1, 1, 1, 1, 1),
    )
    columns = build_mapping(t, 0, KOMMUNER)[0].columns
    assert columns[4].field is Field.ORG_ANNAN and columns[4].field.org is OrgCategory.ANNAN
    assert columns[7].field is Field.ROLE_OVRIGA and columns[7].field.role is Role.OVRIGA


def test_a_group_header_over_sub_headers_is_read_as_one() -> None:
    t = table(
        ("Datum", "Aktivitet", "Deltagare", None, None, "Kön", None),
        (None, None, "AF", "FK", "Kommun", "Kvinnor", "Män"),
        ("2018-03-15", "Frukostmöte", 2, 3, 4, 5, 4),
    )
    at = find_header(t.rows)
    assert at == 0
    mapping, first_data = build_mapping(t, 0, KOMMUNER)
    assert first_data == 2 and mapping.header_row == 2
    assert [c.field for c in mapping.columns] == [
        Field.DATE,
        Field.TYPE,
        Field.ORG_ARBETSFORMEDLINGEN,
        Field.ORG_FORSAKRINGSKASSAN,
        Field.ORG_KOMMUN,
        Field.WOMEN,
        Field.MEN,
    ]


def test_unknown_columns_go_to_notes_and_empty_ones_are_not_read() -> None:
    t = table(("Datum", "Titel", "Väder", None, "Tomt"), ("2018-03-15", "A", "Sol", "x", None))
    mapping = build_mapping(t, 0, KOMMUNER)[0]
    assert [(c.name, c.field, c.recognised) for c in mapping.columns] == [
        ("Datum", Field.DATE, True),
        ("Titel", Field.TITLE, True),
        ("Väder", Field.EXTRA, False),
        ("Kolumn D", Field.EXTRA, False),
        ("Tomt", Field.IGNORE, False),
    ]


def test_the_mapping_tells_what_is_missing_or_doubled() -> None:
    t = table(("Datum", "Titel", "Tema"), ("2018-03-15", "A", "B"))
    mapping = build_mapping(t, 0, KOMMUNER)[0]
    assert mapping.problems() == [
        "Flera kolumner är kopplade till Titel/tema (Titel, Tema); den första som har ett "
        "värde används."
    ]
    mapping.set_field(0, Field.IGNORE)
    assert mapping.problems()[0] == "Ingen kolumn är kopplad till Datum; inga rader kan läsas."
