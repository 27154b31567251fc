"""Count columns headed by a registered organisation's name or short form; columns that are
not recognised, or name several organisations, go to the notes with a warning; breakdowns
that leave part of the total out, and held activities without participants, are warned of."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.entities import Insats, Organisation
from app.core.vocabulary import OrgCategory
from app.importers import Field
from app.store.database import Store
from tests.importers.conftest import Import, write_xlsx


@pytest.fixture
def kalmar(store: Store, insats: Insats) -> list[Organisation]:
    """Kalmar's organisations in place of Gävleborg's region and Coompanion: a region,
    Coompanion, two kommuner and a museum."""
    assert insats.forbund_id is not None
    current = [
        o for o in store.reference.organisations(insats.forbund_id) if "Gävleborg" not in o.name
    ]
    added = [
        Organisation(None, "Region Kalmar län", OrgCategory.REGION),
        Organisation(None, "Coompanion Kalmar län", OrgCategory.ASF),
        Organisation(None, "Kalmar kommun", OrgCategory.KOMMUN),
        Organisation(None, "Nybro kommun", OrgCategory.KOMMUN),
        Organisation(None, "Kalmar läns museum", OrgCategory.ANNAN),
    ]
    return store.reference.save_organisations(insats.forbund_id, [*current, *added])


def fields(report_mapping: object) -> dict[str, str]:
    from app.importers import ColumnMapping

    assert isinstance(report_mapping, ColumnMapping)
    return {c.name: c.field_label for c in report_mapping.columns}


def test_a_column_per_organisation_counts_for_its_category(
    tmp_path: Path, report_of: Import, store: Store, kalmar: list[Organisation]
) -> None:
    path = write_xlsx(
        tmp_path / "kalmar.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Antal", "AF", "FK", "Region Kalmar",
             "Coompanion", "Kalmar kommun", "Nybro", "Väder"),
            (date(2018, 3, 14), "Seminarium om ASF", "Gävle", 30, 3, 2, 5, 4, 6, 7, "Sol"),
        ],
    )  # fmt: skip
    report = report_of(path)
    assert report.mapping is not None
    assert fields(report.mapping) == {
        "Datum": "Datum",
        "Titel": "Titel/tema",
        "Kommun": "Kommun",
        "Antal": "Deltagare totalt",
        "AF": "Organisation: Arbetsförmedlingen",
        "FK": "Organisation: Försäkringskassan",
        # "län" left out of the registered name
        "Region Kalmar": "Organisation: Region (Region Kalmar län)",
        # the first word of one registered name
        "Coompanion": "Organisation: ASF (Coompanion Kalmar län)",
        "Kalmar kommun": "Organisation: Kommun (Kalmar kommun)",
        # "kommun" left out
        "Nybro": "Organisation: Kommun (Nybro kommun)",
        "Väder": "Till anteckningar (”Kolumn: värde”)",
    }
    assert report.warnings == [
        "Kolumnen ”Väder” känns inte igen; värdena läggs i anteckningarna (”Väder: värde”).",
        "Kolumnerna ”Kalmar kommun” och ”Nybro” räknas som Organisation: Kommun och läggs ihop.",
        "Rad 2: deltagarna per organisation (27) går inte ihop med totalt antal deltagare (30); "
        "3 blir ”Ej fördelat”",
    ]
    (row,) = report.accepted
    ids = store.activities.import_many(report.activities())
    stored = store.activities.get(ids[0]).attendance
    assert {c: stored.org(c) for c in OrgCategory} == {
        OrgCategory.ARBETSFORMEDLINGEN: 3,
        OrgCategory.FORSAKRINGSKASSAN: 2,
        OrgCategory.KOMMUN: 13,  # Kalmar 6 + Nybro 7
        OrgCategory.REGION: 5,
        OrgCategory.ASF: 4,
        OrgCategory.ANNAN: 0,
    }
    assert stored.org_unallocated == 3
    assert store.activities.get(ids[0]).notes == "Väder: Sol"
    assert row.warnings == (report.warnings[-1].removeprefix("Rad 2: "),)


def test_the_region_by_its_short_name_is_no_longer_unallocated(
    tmp_path: Path, report_of: Import, store: Store, kalmar: list[Organisation]
) -> None:
    """The issue's case: "Region Kalmar" went to the notes, its participants to Ej fördelat."""
    path = write_xlsx(
        tmp_path / "region.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Deltagare", "Arbetsförmedlingen", "Region Kalmar"),
            (date(2018, 4, 10), "Frukostmöte", "Gävle", 9, 4, 5),
        ],
    )
    report = report_of(path)
    assert report.warnings == []
    (activity,) = report.activities()
    assert activity.attendance.org(OrgCategory.REGION) == 5
    assert activity.attendance.org_unallocated == 0
    assert activity.notes == ""


def test_a_header_fitting_organisations_of_two_categories_is_never_guessed(
    tmp_path: Path, report_of: Import, store: Store, insats: Insats
) -> None:
    """The defaults' Coompanion Gävleborg (Annan) and a Coompanion Kalmar län (ASF)."""
    assert insats.forbund_id is not None
    current = store.reference.organisations(insats.forbund_id)
    added = Organisation(None, "Coompanion Kalmar län", OrgCategory.ASF)
    store.reference.save_organisations(insats.forbund_id, [*current, added])
    path = write_xlsx(
        tmp_path / "tva.xlsx",
        [("Datum", "Titel", "Antal", "Coompanion"), (date(2018, 4, 10), "Frukostmöte", 9, 4)],
    )
    report = report_of(path)
    assert report.mapping is not None
    assert report.mapping.column(3).field is Field.EXTRA
    assert report.warnings[0] == (
        "Kolumnen ”Coompanion” kan vara flera organisationer (Coompanion Gävleborg, "
        "Coompanion Kalmar län); värdena läggs i anteckningarna. Välj fältet under Kolumner."
    )
    (activity,) = report.activities()
    assert activity.notes == "Coompanion: 4"
    assert activity.attendance.org_unallocated == 9


def test_a_column_of_text_named_like_an_organisation_is_no_count(
    tmp_path: Path, report_of: Import, kalmar: list[Organisation]
) -> None:
    path = write_xlsx(
        tmp_path / "text.xlsx",
        [
            ("Datum", "Titel", "Coompanion"),
            (date(2018, 4, 10), "Frukostmöte", "bjöd på kaffe"),
            (date(2018, 4, 11), "Workshop", "ledde passet"),
        ],
    )
    report = report_of(path)
    assert report.mapping is not None
    assert report.mapping.column(2).field is Field.EXTRA
    assert report.warnings[0] == (
        "Kolumnen ”Coompanion” känns inte igen; värdena läggs i anteckningarna "
        "(”Coompanion: värde”)."
    )
    assert [a.notes for a in report.activities()] == [
        "Coompanion: bjöd på kaffe",
        "Coompanion: ledde passet",
    ]


def test_breakdowns_that_do_not_add_up_and_held_activities_without_participants(
    tmp_path: Path, report_of: Import
) -> None:
    path = write_xlsx(
        tmp_path / "summor.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Totalt", "Kommun antal", "Chef", "Kvinnor", "Män",
             "Status"),
            (date(2018, 3, 1), "Går ihop", "Gävle", 10, 10, 10, 6, 4, "Genomförd"),
            (date(2018, 3, 2), "Roller saknas", "Gävle", 10, 10, 7, 6, 4, "Genomförd"),
            (date(2018, 3, 3), "Kön saknas", "Gävle", 10, 10, 10, 5, None, "Genomförd"),
            (date(2018, 3, 4), "Ingen uppdelning", "Gävle", 10, None, None, None, None,
             "Genomförd"),
            (date(2018, 3, 5), "Tomt", "Gävle", 0, None, None, None, None, "Genomförd"),
            (date(2018, 3, 6), "Inställt", "Gävle", 0, None, None, None, None, "Inställd"),
            (date(2020, 3, 6), "Planerat", "Gävle", None, None, None, None, None, None),
            (date(2018, 3, 7), "Fler i delarna", "Gävle", 5, 6, None, None, None, "Genomförd"),
        ],
    )  # fmt: skip
    report = report_of(path)
    assert report.warnings == [
        "Rad 3: deltagarna per roll (7) går inte ihop med totalt antal deltagare (10); "
        "3 blir ”Ej fördelat”",
        "Rad 4: kvinnor och män (5) går inte ihop med totalt antal deltagare (10); "
        "5 blir ”Ej angivet”",
        "Rad 6: genomförd utan deltagare",
    ]
    assert [r.row for r in report.accepted] == [2, 3, 4, 5, 6, 7, 8]
    # More in a breakdown than the total is no warning but an unreadable row, as before.
    (rejected,) = report.rejected
    assert rejected.row == 9
    assert rejected.reasons == (
        "Deltagarna per organisation (6) är fler än totalt antal deltagare (5)",
    )
