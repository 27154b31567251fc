"""Storing an import: one transaction, all or nothing, and no doubles on a second import."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.progress import Cancelled, Progress
from app.core.vocabulary import OrgCategory
from app.store import activity_import
from app.store.database import Store
from tests.conftest import MakeActivity
from tests.importers.conftest import Import, write_xlsx

ROWS: list[tuple[Any, ...]] = [
    ("Datum", "Typ", "Titel", "Kommun", "Deltagare", "AF", "Medarrangörer"),
    *(
        (date(2018, 3, d), "Frukostmöte", f"Frukost {d}", "Gävle", 10, 2, "Arbetsförmedlingen")
        for d in range(1, 11)
    ),
]


def count(store: Store, insats: Insats) -> int:
    assert insats.id is not None
    return len(store.activities.rows(insats.id, None))


def test_a_second_import_of_the_same_file_adds_nothing(
    tmp_path: Path, report_of: Import, store: Store, insats: Insats
) -> None:
    path = write_xlsx(tmp_path / "logg.xlsx", ROWS)
    first = report_of(path)
    ids = store.activities.import_many(first.activities())
    assert len(ids) == 10 and count(store, insats) == 10
    stored = store.activities.get(ids[0])
    assert (
        stored.title == "Frukost 1" and stored.attendance.org(OrgCategory.ARBETSFORMEDLINGEN) == 2
    )
    assert len(stored.coorganiser_ids) == 1

    again = report_of(path)
    assert again.accepted == [] and len(again.duplicates) == 10
    assert store.activities.import_many(again.activities()) == []
    assert count(store, insats) == 10
    # The user may import them anyway.
    store.activities.import_many(again.activities(include_duplicates=True))
    assert count(store, insats) == 20


def test_a_duplicate_is_matched_by_date_title_in_any_case_and_kommun(
    tmp_path: Path, report_of: Import, add_activity: MakeActivity
) -> None:
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), title="Seminarium om ÅÄÖ")
    path = write_xlsx(
        tmp_path / "logg.xlsx",
        [
            ("Datum", "Titel", "Kommun"),
            ("2018-03-14", "seminarium om åäö", "Gävle kommun"),  # the same
            ("2018-03-14", "Seminarium om ÅÄÖ", "Hofors"),  # another kommun
            ("2018-03-15", "Seminarium om ÅÄÖ", "Gävle"),  # another day
            ("2018-03-15", "SEMINARIUM OM ÅÄÖ", "Gävle"),  # repeats the row above
        ],
    )
    report = report_of(path)
    assert [r.label for r in report.accepted] == ["Rad 3", "Rad 4"]
    assert [str(d) for d in report.duplicates] == [
        "Rad 2: 2018-03-14 seminarium om åäö — finns redan i databasen",
        "Rad 5: 2018-03-15 SEMINARIUM OM ÅÄÖ — samma som rad 4",
    ]


def test_a_failure_midway_leaves_the_database_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    insats: Insats,
    make_activity: MakeActivity,
    add_activity: MakeActivity,
) -> None:
    add_activity(title="Fanns innan")
    monkeypatch.setattr(activity_import, "BATCH", 3)
    real = activity_import._insert_batch
    calls: list[int] = []

    def fail_after_first(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        calls.append(len(rows))
        if len(calls) == 2:
            raise OSError("Disken är full")
        real(conn, table, rows)

    monkeypatch.setattr(activity_import, "_insert_batch", fail_after_first)
    new = [make_activity(day=date(2018, 4, d), title=f"Ny {d}") for d in range(1, 11)]
    with pytest.raises(OSError, match="Disken är full"):
        store.activities.import_many(new)
    assert calls == [3, 3]  # the first batch was written before the failure
    assert count(store, insats) == 1

    # And the ids taken by the failed attempt are not skipped or reused wrongly afterwards.
    monkeypatch.setattr(activity_import, "_insert_batch", real)
    ids = store.activities.import_many(new)
    assert len(ids) == 10 and count(store, insats) == 11


def test_cancel_leaves_nothing_behind(
    store: Store, insats: Insats, make_activity: MakeActivity, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(activity_import, "BATCH", 2)
    seen: list[int] = []

    def report(done: int, total: int) -> None:
        seen.append(done)

    progress = Progress(report=report, is_cancelled=lambda: len(seen) > 2)
    new = [make_activity(day=date(2018, 4, d), title=f"Ny {d}") for d in range(1, 11)]
    with pytest.raises(Cancelled):
        store.activities.import_many(new, progress)
    assert count(store, insats) == 0
    assert seen[:3] == [0, 2, 4]


def test_an_invalid_activity_refuses_the_whole_import(
    store: Store, insats: Insats, make_activity: MakeActivity
) -> None:
    good = make_activity(title="Bra")
    bad = make_activity(title="")
    with pytest.raises(ValidationError):
        store.activities.import_many([good, bad])
    unknown_type = replace(make_activity(title="Okänd typ"), type_id=9999)
    with pytest.raises(DomainError, match="ingenting har lagts till"):
        store.activities.import_many([good, unknown_type])
    assert count(store, insats) == 0


def test_steps_co_organisers_and_counts_are_stored(
    store: Store, make_activity: MakeActivity, org_ids: dict[str, int]
) -> None:
    training = make_activity(
        "Utbildning",
        title="Utbildning i steg",
        steps=(date(2018, 5, 2), date(2018, 5, 16), date(2018, 5, 30)),
        coorganiser_ids=(org_ids["Region Gävleborg"], org_ids["Movexum"]),
        attendance=Attendance.build(12, {OrgCategory.REGION: 4}, women=7, men=5),
    )
    (new_id,) = store.activities.import_many([training])
    stored = store.activities.get(new_id)
    assert stored.steps == (date(2018, 5, 2), date(2018, 5, 16), date(2018, 5, 30))
    assert (stored.start, stored.end) == (date(2018, 5, 2), date(2018, 5, 30))
    assert set(stored.coorganiser_ids) == {org_ids["Region Gävleborg"], org_ids["Movexum"]}
    assert stored.attendance == training.attendance


def test_imported_ids_follow_deleted_ones_without_reuse(
    store: Store, make_activity: MakeActivity, add_activity: MakeActivity
) -> None:
    last = add_activity(title="Tas bort")
    assert last.id is not None
    store.activities.delete(last.id)
    (new_id,) = store.activities.import_many([make_activity(title="Ny")])
    assert new_id > last.id
