"""A row that matches a stored activity but says something else about it is *ändrad*: its
differences are listed, and the import can update it, all or nothing with the inserts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.vocabulary import Format, OrgCategory, Scope, Status
from app.store import activity_import
from app.store.database import Store
from tests.conftest import MakeActivity
from tests.importers.conftest import Import, write_xlsx
from tests.importers.test_ics import OUTLOOK

HEADER = ("Datum", "Typ", "Titel", "Kommun", "Plats", "Form", "Antal", "Region")


def sheet(tmp_path: Path, *rows: tuple[object, ...]) -> Path:
    return write_xlsx(tmp_path / "logg.xlsx", [HEADER, *rows])


def test_a_changed_row_lists_its_differences_and_updates_only_when_asked(
    tmp_path: Path, report_of: Import, store: Store, add_activity: MakeActivity
) -> None:
    stored = add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 14),
        attendance=Attendance.build(20, {OrgCategory.REGION: 5}),
        title="Seminarium om ASF",
        place="Stadshuset",
        notes="Skrivet för hand",
    )
    same = add_activity("Frukostmöte", "Hofors", date(2018, 3, 20), title="Frukost")
    path = sheet(
        tmp_path,
        (date(2018, 3, 14), "Seminarium", "seminarium om  ASF", "Gävle", "Rådhuset", "Digitalt",
         24, 5),
        (date(2018, 3, 20), "Frukostmöte", "Frukost", "Hofors", "", "Fysiskt", 0, 0),
        (date(2018, 4, 2), "Temadag", "Temadag", "Bollnäs", "Kulturhuset", "Fysiskt", 40, 10),
    )  # fmt: skip
    report = report_of(path)
    assert [r.row for r in report.accepted] == [4]
    assert [(d.accepted.row, d.reason) for d in report.duplicates] == [
        (3, "finns redan i databasen")
    ]
    (changed,) = report.changed
    assert changed.stored.id == stored.id
    assert [str(d) for d in changed.differences] == [
        "Plats: Stadshuset → Rådhuset",
        "Form: Fysiskt → Digitalt",
        "Deltagare totalt: 20 → 24",
    ]
    # Not asked to update: only the new one is stored; the seminarium is as it was.
    store.activities.import_many(report.activities(), updates=report.to_update(False))
    assert store.activities.get(stored.id or 0) == stored

    report = report_of(path)  # the temadag is there now: "finns redan"
    assert len(report.changed) == 1 and report.accepted == []
    store.activities.import_many(report.activities(), updates=report.to_update(True))
    after = store.activities.get(stored.id or 0)
    assert (after.title, after.place, after.format, after.attendance.total) == (
        "Seminarium om ASF",  # the stored title: the key matched it
        "Rådhuset",
        Format.DIGITALT,
        24,
    )
    assert after.attendance.org(OrgCategory.REGION) == 5
    assert after.notes == "Skrivet för hand"  # the file has no notes column
    assert store.activities.get(same.id or 0) == same
    again = report_of(path)
    assert again.changed == [] and len(again.duplicates) == 3


def test_the_update_is_in_the_transaction_of_the_inserts(
    tmp_path: Path,
    report_of: Import,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored = add_activity(
        "Seminarium", "Gävle", date(2018, 3, 14), title="Seminarium om ASF", place="Stadshuset"
    )
    path = sheet(
        tmp_path,
        (date(2018, 3, 14), "Seminarium", "Seminarium om ASF", "Gävle", "Rådhuset", "Fysiskt",
         0, 0),
        (date(2018, 4, 2), "Temadag", "Temadag", "Bollnäs", "Kulturhuset", "Fysiskt", 40, 10),
    )  # fmt: skip
    report = report_of(path)
    assert len(report.changed) == 1 and len(report.accepted) == 1
    assert insats.id is not None
    before = store.activities.rows(insats.id, None)

    # The stored activity is removed meanwhile: the update fails, and the insert with it.
    def gone(conn: object, activities: object) -> None:
        raise DomainError("Aktiviteten finns inte längre")

    monkeypatch.setattr(activity_import, "_update", gone)
    with pytest.raises(DomainError):
        store.activities.import_many(report.activities(), updates=report.to_update(True))
    assert store.activities.rows(insats.id, None) == before
    assert store.activities.get(stored.id or 0) == stored


def test_a_calendar_never_changes_the_counts_entered_by_hand(
    tmp_path: Path, report_of: Import, store: Store
) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    first = report_of(path)
    ids = store.activities.import_many(first.activities())
    # The participants of the frukostmöte are filled in afterwards.
    frukost = next(a for a in store.activities.get_many(ids) if a.title == "Frukostmöte ASF")
    store.activities.update(replace(frukost, attendance=Attendance(18), notes="Bra"))
    again = report_of(path)
    assert again.changed == [] and again.accepted == []
    assert len(again.duplicates) == len(first.accepted)
    assert store.activities.get(frukost.id or 0).attendance.total == 18


def test_a_changed_status_and_co_organisers_from_the_export_layout(
    tmp_path: Path,
    report_of: Import,
    store: Store,
    add_activity: MakeActivity,
    org_ids: dict[str, int],
) -> None:
    stored = add_activity("Workshop", Scope.LANSOVERGRIPANDE, date(2018, 5, 2), title="Upphandling")
    path = write_xlsx(
        tmp_path / "status.xlsx",
        [
            ("Datum", "Titel", "Kommun", "Status", "Medarrangörer"),
            (date(2018, 5, 2), "Upphandling", "Länsövergripande", "Inställd", "Movexum"),
        ],
    )
    (changed,) = report_of(path).changed
    assert [str(d) for d in changed.differences] == [
        "Status: Genomförd → Inställd",
        "Medarrangörer: (tomt) → Movexum",
    ]
    store.activities.import_many([], updates=[changed.updated])
    after = store.activities.get(stored.id or 0)
    assert after.status is Status.INSTALLD
    assert after.coorganiser_ids == (org_ids["Movexum"],)
