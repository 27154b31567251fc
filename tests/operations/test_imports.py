"""The import use case on a real database: read, preview, then all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.progress import Cancelled, Progress
from app.core.vocabulary import OrgCategory
from app.importers import Field, SourceKind, kind_for
from app.operations.imports import (
    NO_INSATS,
    commit_import,
    import_insats,
    load_context,
    read_import,
    reread,
)
from app.store.database import Store
from tests.conftest import MakeActivity
from tests.importers.conftest import write_xlsx


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "logg.xlsx",
        [
            ("Datum", "Typ", "Titel", "Kommun", "Antal", "Sal"),
            (date(2018, 3, 15), "Frukostmöte", "Frukost", "Gävle", 12, "Sal A"),
            (date(2018, 4, 2), "Temadag", "Temadag", "Hofors", 30, "Aulan"),
            ("31/2 2018", "Seminarium", "Seminarium", "Hofors", 10, ""),
        ],
    )


def stored(store: Store, insats: Insats) -> list[tuple[str, date, int]]:
    """(title, date, participants) of the insats's activities, by date."""
    assert insats.id is not None
    found = [store.activities.get(r.id) for r in store.activities.rows(insats.id, None)]
    return sorted(((a.title, a.start, a.attendance.total) for a in found), key=lambda t: t[1])


def test_reading_reports_and_stores_nothing(sheet: Path, store: Store, insats: Insats) -> None:
    loaded = read_import(store, insats, sheet, kind_for(sheet))

    assert [a.title for a in loaded.report.activities(False)] == ["Frukost", "Temadag"]
    assert [r.row for r in loaded.report.rejected] == [4]
    assert loaded.context.insats == insats
    assert stored(store, insats) == []


def test_committing_stores_every_new_activity(sheet: Path, store: Store, insats: Insats) -> None:
    loaded = read_import(store, insats, sheet, SourceKind.EXCEL)

    outcome = commit_import(store, loaded.report.activities(False))

    assert stored(store, insats) == [
        ("Frukost", date(2018, 3, 15), 12),
        ("Temadag", date(2018, 4, 2), 30),
    ]
    assert sorted(outcome.imported_ids) == sorted(
        r.id for r in store.activities.rows(insats.id or 0, None)
    )
    assert outcome.updated_ids == []
    # Read again, the file's rows are all there already.
    again = read_import(store, insats, sheet, SourceKind.EXCEL)
    assert again.report.activities(False) == []
    assert len(again.report.duplicates) == 2


def test_a_refused_activity_stores_none_of_them(sheet: Path, store: Store, insats: Insats) -> None:
    activities = read_import(store, insats, sheet, SourceKind.EXCEL).report.activities(False)
    no_such_type = replace(activities[-1], type_id=99_999)

    with pytest.raises(DomainError, match="ingenting har lagts till"):
        commit_import(store, [*activities[:-1], no_such_type])

    assert stored(store, insats) == []


def test_a_cancelled_import_stores_nothing(sheet: Path, store: Store, insats: Insats) -> None:
    activities = read_import(store, insats, sheet, SourceKind.EXCEL).report.activities(False)
    written: list[int] = []
    # Cancelled once every row is written, before the transaction ends.
    progress = Progress(
        report=lambda done, total: written.append(done),
        is_cancelled=lambda: bool(written) and written[-1] == len(activities),
    )

    with pytest.raises(Cancelled):
        commit_import(store, activities, progress=progress)

    assert written[-1] == 2
    assert stored(store, insats) == []


def test_changed_rows_update_the_stored_activity(
    tmp_path: Path, store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    before = add_activity("Seminarium", "Gävle", date(2018, 3, 14), title="Seminarium om ASF")
    path = write_xlsx(
        tmp_path / "andrad.xlsx",
        [
            ("Datum", "Typ", "Titel", "Kommun", "Antal", "Region Gävleborg"),
            (date(2018, 3, 14), "Seminarium", "Seminarium om ASF", "Gävle", 15, 4),
        ],
    )
    report = read_import(store, insats, path, SourceKind.EXCEL).report

    assert report.activities(False) == []
    outcome = commit_import(store, [], report.to_update(True))

    assert outcome == type(outcome)([], [before.id])
    after = store.activities.get(before.id or 0)
    assert (after.attendance.total, after.attendance.org(OrgCategory.REGION)) == (15, 4)
    assert stored(store, insats) == [("Seminarium om ASF", date(2018, 3, 14), 15)]


def test_reading_again_with_another_mapping(sheet: Path, store: Store, insats: Insats) -> None:
    loaded = read_import(store, insats, sheet, SourceKind.EXCEL)
    mapping = loaded.report.mapping
    assert mapping is not None
    sal = next(c.index for c in mapping.columns if c.header == "Sal")
    mapping.set_field(sal, Field.PLACE)

    again = reread(loaded, mapping)
    commit_import(store, again.report.activities(False))

    assert again.source is loaded.source and again.context is loaded.context
    assert insats.id is not None
    places = sorted(
        store.activities.get(r.id).place for r in store.activities.rows(insats.id, None)
    )
    assert places == ["Aulan", "Sal A"]


def test_a_calendar_is_read_within_the_period(tmp_path: Path, store: Store, insats: Insats) -> None:
    path = tmp_path / "kal.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nSUMMARY:Frukostmöte\n"
        "DTSTART;VALUE=DATE:20180301\nRRULE:FREQ=WEEKLY;COUNT=10\nLOCATION:Gävle\n"
        "END:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    period = (date(2018, 3, 1), date(2018, 3, 20))

    loaded = read_import(store, insats, path, SourceKind.ICS, period)
    commit_import(store, loaded.report.activities(False))

    assert [s[1] for s in stored(store, insats)] == [
        date(2018, 3, 1),
        date(2018, 3, 8),
        date(2018, 3, 15),
    ]


def test_the_context_is_what_the_database_holds(
    store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Första")
    assert insats.forbund_id is not None

    context = load_context(store, insats, today=date(2019, 6, 1))

    assert isinstance(context.existing, dict)
    assert [a.title for a in context.existing.values()] == ["Första"]
    assert {k.name for k in context.kommuner} == {
        k.name for k in store.reference.kommuner(insats.forbund_id)
    }
    assert "Workshop" in {t.name for t in context.types}
    assert context.today == date(2019, 6, 1)


def test_the_import_goes_into_the_current_insats(store: Store, tmp_path: Path) -> None:
    assert import_insats(store) == store.reference.current_insats()
    empty = Store.open(tmp_path / "tom.sqlite3")
    try:
        with pytest.raises(DomainError) as refused:
            import_insats(empty)
    finally:
        empty.close()
    assert str(refused.value) == NO_INSATS
    assert str(refused.value).startswith("Databasen har ingen insats ännu.")
