"""The backup use cases on a real database file: take, list, choose a folder, check, restore."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.operations.backups import (
    backups_of,
    choose_backup_folder,
    restore_closed,
    restore_problem,
    take_backup,
    unfinished_erasures,
)
from app.store.database import Store
from app.store.instance_lock import DatabaseInUse, InstanceLock
from tests.conftest import MakeActivity
from tests.store.damage import stored_titles

pytestmark = (
    pytest.mark.file_only
)  # file backups and restore (a server: tests/test_server_backups.py)


def test_a_backup_taken_now_is_listed_as_manual(store: Store, db_path: Path) -> None:
    assert backups_of(db_path).backups == []

    made = take_backup(db_path)

    listing = backups_of(db_path)
    assert [b.path for b in listing.backups] == [made.path]
    assert listing.backups[0].label == "Manuell"
    assert listing.folder == made.path.parent
    assert listing.default_folder
    assert restore_problem(made.path) is None
    assert unfinished_erasures(db_path) is None


def test_a_chosen_folder_takes_the_backups_until_the_default_is_chosen_again(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    choose_backup_folder(db_path, usb)

    on_usb = take_backup(db_path)

    assert on_usb.path.parent == usb.resolve()
    listing = backups_of(db_path)
    assert (listing.folder, listing.default_folder) == (usb.resolve(), False)
    choose_backup_folder(db_path, None)
    beside = take_backup(db_path)
    assert beside.path.parent != usb.resolve()
    assert backups_of(db_path).default_folder
    assert [b.path for b in backups_of(db_path, usb.resolve()).backups] == [on_usb.path]


def test_a_backup_into_a_given_folder(store: Store, db_path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "annan"
    elsewhere.mkdir()

    made = take_backup(db_path, elsewhere)

    assert made.path.parent == elsewhere.resolve()
    assert [b.path for b in backups_of(db_path, elsewhere).backups] == [made.path]
    assert backups_of(db_path).backups == []  # the usual folder is not touched


def test_no_backup_of_a_database_that_is_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "saknas.sqlite3"

    with pytest.raises(DomainError) as refused:
        take_backup(missing)

    assert str(refused.value) == f"Databasfilen {missing} finns inte."
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_what_cannot_be_restored_is_said_in_swedish(tmp_path: Path) -> None:
    junk = tmp_path / "skräp.sqlite3"
    junk.write_bytes(b"inte en databas" * 100)

    assert restore_problem(tmp_path / "borta.sqlite3") == (
        f"filen {tmp_path / 'borta.sqlite3'} finns inte"
    )
    problem = restore_problem(junk)
    assert problem is not None and problem != ""


def test_restoring_brings_back_what_the_backup_holds(
    store: Store, add_activity: MakeActivity, db_path: Path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Första")
    made = take_backup(db_path)
    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Andra")
    store.close()

    result = restore_closed(made.path, db_path)

    assert stored_titles(db_path) == ["Första"]
    assert result.restored_from == made.path
    assert result.previous_backup is not None
    assert stored_titles(result.previous_backup.path) == ["Första", "Andra"]
    assert result.damaged_kept_as is None


def test_no_restore_while_the_database_is_open(
    store: Store, add_activity: MakeActivity, db_path: Path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Första")
    made = take_backup(db_path)
    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Andra")
    store.close()
    lock = InstanceLock.acquire(db_path)
    try:
        with pytest.raises(DatabaseInUse):
            restore_closed(made.path, db_path)
    finally:
        lock.release()

    assert stored_titles(db_path) == ["Första", "Andra"]
