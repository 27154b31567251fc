"""Excel sheets in the shapes people keep, read into activities or rejected rows."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from app.core.entities import Activity
from app.core.errors import DomainError
from app.core.vocabulary import Format, OrgCategory, Role, Scope, Status
from app.importers import ImportReport
from app.importers.fields import Field
from tests.importers.conftest import Import, write_xlsx


def by_title(report: ImportReport) -> dict[str, Activity]:
    return {r.activity.title: r.activity for r in report.accepted}


def test_a_messy_swedish_sheet(
    tmp_path: Path,
    report_of: Import,
    kommun_ids: dict[str, int],
    type_ids: dict[str, int],
) -> None:
    path = write_xlsx(
        tmp_path / "aktiviteter.xlsx",
        [
            ("Aktivitetslogg ASF-insatsen 2018",),
            ("Samordningsförbund Gävleborg", None, None, "Senast ändrad: 2018-12-20"),
            (),
            ("Datum", "Aktivitet", "Tema", "Kommun", "Antal deltagare", "AF", "FK", "Kommun",
             "Kvinnor", "Män", "Tid", "Kommentar"),
            (datetime(2018, 3, 15), "Frukostmöte", "ASF och upphandling", "Gävle", 25, 3, 2, 10,
             15, 10, "08.00–09.30", "Bra uppslutning"),
            (43200, None, "Seminarium om sociala företag", "Sandvikens kommun", "12 st"),
            (),
            ("15 mars 2018", "Workshop", "Workshop reserverade kontrakt", "Hela länet", 30),
            (),
            ("2018-05-02", "Konferens", "Nationell ASF-konferens", "Nationellt", 120),
            ("Summa", None, None, None, 187, 3, 2, 10, 15, 10),
        ],
        merge=["A1:L1", "A2:C2"],
    )  # fmt: skip
    report = report_of(path)

    assert report.source_name == "aktiviteter.xlsx, bladet Blad1"
    assert report.mapping is not None and report.mapping.header_row == 4
    assert [c.field for c in report.mapping.columns] == [
        Field.DATE, Field.TYPE, Field.TITLE, Field.KOMMUN, Field.TOTAL,
        Field.ORG_ARBETSFORMEDLINGEN, Field.ORG_FORSAKRINGSKASSAN, Field.ORG_KOMMUN,
        Field.WOMEN, Field.MEN, Field.TIME, Field.NOTES,
    ]  # fmt: skip
    assert report.rejected == []
    assert report.skipped == [
        "Rad 11: summeringsrad (”Summa”), hoppas över",
        "2 tomma rader hoppades över (rad 7, 9)",
    ]
    found = by_title(report)
    assert list(found) == [
        "ASF och upphandling",
        "Seminarium om sociala företag",
        "Workshop reserverade kontrakt",
        "Nationell ASF-konferens",
    ]
    breakfast = found["ASF och upphandling"]
    assert breakfast.start == date(2018, 3, 15)
    assert breakfast.type_id == type_ids["Frukostmöte"]
    assert (breakfast.scope, breakfast.kommun_id) == (Scope.KOMMUN, kommun_ids["Gävle"])
    assert breakfast.status is Status.GENOMFORD and breakfast.format is Format.FYSISKT
    counts = breakfast.attendance
    assert (counts.total, counts.women, counts.men) == (25, 15, 10)
    assert counts.org(OrgCategory.ARBETSFORMEDLINGEN) == 3
    assert counts.org(OrgCategory.FORSAKRINGSKASSAN) == 2
    assert counts.org(OrgCategory.KOMMUN) == 10
    assert breakfast.notes == "Bra uppslutning"
    assert (breakfast.start_time, breakfast.end_time) == (time(8), time(9, 30))

    seminar = found["Seminarium om sociala företag"]
    assert seminar.start == date(2018, 4, 10)  # serial 43200
    assert seminar.type_id == type_ids["Seminarium"]  # guessed from the title
    assert seminar.kommun_id == kommun_ids["Sandviken"]
    assert seminar.attendance.total == 12
    guessed = {r.activity.title: r.type_guessed for r in report.accepted}
    assert guessed["Seminarium om sociala företag"] and not guessed["ASF och upphandling"]

    assert found["Workshop reserverade kontrakt"].scope is Scope.LANSOVERGRIPANDE
    assert found["Nationell ASF-konferens"].scope is Scope.NATIONELLT


def test_english_headers(tmp_path: Path, report_of: Import, type_ids: dict[str, int]) -> None:
    path = write_xlsx(
        tmp_path / "log.xlsx",
        [
            ("Date", "Type", "Subject", "Municipality", "Location", "Participants", "Women",
             "Men", "Notes"),
            ("2018-09-12", "Seminar", "Social enterprises", "Hofors", "Town hall", 14, 8, 6,
             "Good"),
        ],
    )  # fmt: skip
    report = report_of(path)
    (row,) = report.accepted
    a = row.activity
    assert (a.title, a.place, a.notes, a.attendance.total) == (
        "Social enterprises",
        "Town hall",
        "Good",
        14,
    )
    assert a.type_id == type_ids["Seminarium"]
    assert report.warnings == ["Rad 2: typen ”Seminar” finns inte i listan; tolkad som Seminarium"]


def test_every_row_that_cannot_be_read_has_its_reason(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "fel.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Status", "Deltagare", "Kvinnor", "Män"),
            ("31/2 2018", "Frukost", "Gävle", None, 10),
            ("snart", "Seminarium", "Gävle", None, 10),
            (None, "Workshop utan datum", "Gävle", None, 10),
            ("2018-03-15", "Inställd frukost", "Gävle", "Inställd", 10),
            ("2018-03-16", "För många", "Gävle", None, 10, 8, 7),
            ("2018-03-17", "Okänd status", "Gävle", "Flyttad", 10),
            ("2018-03-18", "Konstigt antal", "Gävle", None, "många"),
            ("2018-03-19", None, "Gävle", None, 10),
            ("2018-03-20", "Bra rad", "Gävle", None, 10, 5, 5),
        ],
    )
    report = report_of(path)
    assert [str(r) for r in report.rejected] == [
        "Rad 2: datumet 31/2 2018 finns inte",
        "Rad 3: kan inte läsa datumet ”snart”",
        "Rad 4: datum saknas",
        "Rad 5: En inställd aktivitet kan inte ha deltagare. Ändra status eller antal",
        "Rad 6: Kvinnor och män (15) är fler än totalt antal deltagare (10)",
        "Rad 7: statusen ”Flyttad” är okänd (Planerad, Genomförd eller Inställd)",
        "Rad 8: kolumnen Deltagare: ”många” är inget antal",
        "Rad 9: Ange en titel eller ett tema för aktiviteten",
    ]
    assert [r.activity.title for r in report.accepted] == ["Bra rad"]


def test_planned_when_in_the_future_unless_the_status_says_otherwise(
    tmp_path: Path, report_of: Import
) -> None:
    path = write_xlsx(
        tmp_path / "plan.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Status"),
            ("2020-03-15", "Framtida frukost", "Gävle", None),
            ("2018-03-15", "Gammal frukost", "Gävle", None),
            ("2018-03-16", "Inställd frukost", "Gävle", "inställt"),
        ],
    )
    statuses = {r.activity.title: r.activity.status for r in report_of(path).accepted}
    assert statuses == {
        "Framtida frukost": Status.PLANERAD,
        "Gammal frukost": Status.GENOMFORD,
        "Inställd frukost": Status.INSTALLD,
    }


def test_the_activity_sheet_is_chosen_by_its_name(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "bok.xlsx",
        [("Så här fyller du i loggen",), ("Skriv ett datum i kolumn A",)],
        title="Instruktioner",
        sheets={
            "Diagram": [("År", "Antal"), (2018, 12)],
            "Aktiviteter 2018": [("Datum", "Titel", "Kommun"), ("2018-03-15", "Frukost", "Gävle")],
        },
    )
    report = report_of(path)
    assert report.source_name == "bok.xlsx, bladet Aktiviteter 2018"
    assert [r.activity.title for r in report.accepted] == ["Frukost"]


def test_a_two_row_header_with_merged_group_cells(tmp_path: Path, report_of: Import) -> None:
    path = write_xlsx(
        tmp_path / "grupper.xlsx",
        [
            ("Aktiviteter",),
            ("Datum", "Aktivitet", "Kommun", "Deltagare per organisation", None, None, "Kön"),
            (None, None, None, "AF", "FK", "Kommun", "Kvinnor", "Män"),
            (date(2018, 3, 15), "Frukostmöte", "Bollnäs", 2, 3, 4, 5, 4),
        ],
        merge=["D2:F2", "G2:H2"],
    )
    report = report_of(path)
    (row,) = report.accepted
    counts = row.activity.attendance
    assert counts.total == 9  # not given: the largest breakdown
    assert (counts.org(OrgCategory.KOMMUN), counts.women, counts.men) == (4, 5, 4)


def test_a_sheet_without_a_header_row_says_what_it_looked_for(
    tmp_path: Path, report_of: Import
) -> None:
    path = write_xlsx(tmp_path / "siffror.xlsx", [(1, 2, 3), (4, 5, 6)])
    with pytest.raises(DomainError, match="Hittar ingen rubrikrad i bladet ”Blad1” i siffror.xlsx"):
        report_of(path)


def test_an_old_xls_file_is_refused_with_advice(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "gammal.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    with pytest.raises(DomainError, match=r"spara den som \.xlsx"):
        report_of(path)


def test_a_file_that_is_not_a_workbook(tmp_path: Path, report_of: Import) -> None:
    path = tmp_path / "trasig.xlsx"
    path.write_text("hej")
    with pytest.raises(DomainError, match="kan inte läsas som en Excel-fil"):
        report_of(path)


# The attendance log's columns: as the issue describes them (plain labels), and as the
# export writes them (prefixed labels, remainders, group and goal columns).
PLAIN_LOG = (
    "Datum", "Slutdatum", "Typ", "Titel/tema", "Kommun", "Plats", "Form", "Status",
    "Medarrangörer", "Anteckningar", "Deltagare totalt",
    *(c.label for c in OrgCategory), *(r.label for r in Role), "Kvinnor", "Män",
)  # fmt: skip
EXPORTED_LOG = (
    "Datum", "Slutdatum", "Typ", "Titel", "Kommun", "Plats", "Form", "Status",
    "Medarrangörer", "Anteckningar", "Deltagare",
    *(f"Organisation: {c.label}" for c in OrgCategory), "Organisation: Ej fördelat",
    *(f"Roll: {r.label}" for r in Role), "Roll: Ej fördelat", "Kvinnor", "Män",
    "Kön: Ej angivet", "Samverkansgrupp", "Mål i årsplanen",
)  # fmt: skip


TEXT_COLUMNS = {"Typ", "Titel", "Titel/tema", "Kommun", "Plats", "Form", "Status",
                "Medarrangörer", "Anteckningar", "Samverkansgrupp", "Mål i årsplanen"}  # fmt: skip


def _positions(headers: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Where the organisation and role counts are (the plain layout has "Kommun" twice)."""
    if headers is PLAIN_LOG:
        return list(range(11, 17)), list(range(17, 22))
    org = [i for i, h in enumerate(headers) if h.startswith("Organisation: ") and "Ej" not in h]
    role = [i for i, h in enumerate(headers) if h.startswith("Roll: ") and "Ej" not in h]
    return org, role


def _log_row(
    headers: tuple[str, ...],
    values: dict[str, object],
    orgs: tuple[int, ...] = (0,) * 6,
    roles: tuple[int, ...] = (0,) * 5,
) -> tuple[object, ...]:
    """A row as the export writes it: counts 0 when none, texts empty, no end date."""
    row = [
        values.get(h, None if h in TEXT_COLUMNS or h in ("Datum", "Slutdatum") else 0)
        for h in headers
    ]
    org_at, role_at = _positions(headers)
    for i, n in [*zip(org_at, orgs, strict=True), *zip(role_at, roles, strict=True)]:
        row[i] = n
    return tuple(row)


@pytest.mark.parametrize("headers", [PLAIN_LOG, EXPORTED_LOG], ids=["plain", "exported"])
def test_the_attendance_log_layout(
    tmp_path: Path,
    report_of: Import,
    kommun_ids: dict[str, int],
    org_ids: dict[str, int],
    headers: tuple[str, ...],
) -> None:
    title, total = headers[3], headers[10]
    first_values = {
        "Datum": date(2018, 3, 15), "Typ": "Frukostmöte", title: "Frukost om ASF",
        "Kommun": "Gävle", "Plats": "Stadshuset", "Form": "Fysiskt", "Status": "Genomförd",
        "Medarrangörer": "Arbetsförmedlingen, Region Gävleborg", total: 20,
        "Kvinnor": 12, "Män": 8, "Samverkansgrupp": "ASF Gävle",
    }  # fmt: skip
    rows = [
        ("Närvarologg 2018",),
        (),
        headers,
        _log_row(headers, first_values, (4, 3, 8, 2, 1, 2), (10, 3, 4, 2, 1)),
        _log_row(headers, {
            "Datum": date(2018, 4, 1), "Slutdatum": date(2018, 4, 2), "Typ": "Utbildning",
            title: "ASF-utbildning", "Kommun": "Länsövergripande", "Form": "Hybrid",
            "Status": "Genomförd", "Anteckningar": "Två dagar", total: 30,
            "Organisation: Ej fördelat": 30, "Roll: Ej fördelat": 30, "Kön: Ej angivet": 30,
        }),
        _log_row(headers, {
            "Datum": date(2018, 5, 1), "Typ": "Seminarium", title: "Inställt seminarium",
            "Kommun": "Hofors", "Form": "Digitalt", "Status": "Inställd", total: 0,
        }),
    ]  # fmt: skip
    path = write_xlsx(
        tmp_path / "export.xlsx",
        rows,
        title="Närvarologg",
        sheets={"Per typ": [("Typ", "2018"), ("Frukostmöte", 1)]},
    )
    report = report_of(path)
    # The export's Samverkansgrupp and Mål i årsplanen are not read back, and not noted.
    assert report.rejected == []
    assert report.warnings == []
    mapping = report.mapping
    assert mapping is not None
    assert [c.field for c in mapping.columns if c.header.endswith("Kommun")] == [
        Field.KOMMUN,
        Field.ORG_KOMMUN,
    ]
    assert [c.field for c in mapping.columns if c.header.endswith("Övriga")] == [Field.ROLE_OVRIGA]
    assert {c.field for c in mapping.columns if "Ej " in c.header} <= {Field.IGNORE}
    first, second, third = (r.activity for r in report.accepted)
    assert first.kommun_id == kommun_ids["Gävle"] and first.place == "Stadshuset"
    assert first.coorganiser_ids == (org_ids["Arbetsförmedlingen"], org_ids["Region Gävleborg"])
    counts = first.attendance
    assert counts.total == 20
    assert [counts.org(c) for c in OrgCategory] == [4, 3, 8, 2, 1, 2]
    assert [counts.role(r) for r in Role] == [10, 3, 4, 2, 1]
    assert (counts.women, counts.men) == (12, 8)
    assert first.notes == ""
    if "Samverkansgrupp" in headers:
        read = {c.header: c.field for c in mapping.columns}
        assert read["Samverkansgrupp"] is Field.IGNORE
        assert read["Mål i årsplanen"] is Field.IGNORE
    assert (second.end, second.scope, second.format) == (
        date(2018, 4, 2),
        Scope.LANSOVERGRIPANDE,
        Format.HYBRID,
    )
    assert second.notes == "Två dagar" and second.attendance.total == 30
    assert second.attendance.org_unallocated == 30
    assert (third.status, third.format) == (Status.INSTALLD, Format.DIGITALT)
