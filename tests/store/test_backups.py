"""Backups: verified copies, rotated, private; restores that never overwrite damage."""

from __future__ import annotations

import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import backups, local_config, restore
from app.store.database import Store
from tests.conftest import stamp_revision
from tests.store.damage import overwrite_header, smash_pages, stored_titles

# The file's own backups, checks and locks: a server has none (app.store.server_backups).
pytestmark = pytest.mark.file_only


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_a_whole_private_self_contained_copy(store, add_activity, db_path) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Före kopian")
    made = backups.make_backup(db_path)
    assert made.path.parent == db_path.parent / "säkerhetskopior"
    assert made.reason == backups.MANUAL and made.label == "Manuell"
    assert stored_titles(made.path) == ["Före kopian"]
    assert _mode(made.path) == 0o600
    assert _mode(made.path.parent) == 0o700
    # One file, readable without its -wal: rollback journal mode, nothing beside it.
    con = sqlite3.connect(made.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]


def test_backups_are_listed_newest_first_with_their_reason(store, db_path) -> None:
    t = datetime(2026, 11, 20, 9, 0)
    backups.make_backup(db_path, reason=backups.ON_CLOSE, now=t)
    backups.make_backup(db_path, reason="fore-schema-0002", now=t + timedelta(hours=1))
    backups.make_backup(db_path, now=t + timedelta(hours=1))  # the same second
    listed = backups.list_backups(db_path)
    assert [(b.taken_at, b.label) for b in listed] == [
        (t + timedelta(hours=1), "Manuell"),
        (t + timedelta(hours=1), "Före uppgradering av databasen (version 0002)"),
        (t, "Vid stängning"),
    ]


def test_backups_are_rotated(store, db_path) -> None:
    first = datetime(2026, 1, 1, 17, 0)
    for day in range(60):
        backups.make_backup(db_path, reason=backups.ON_CLOSE, now=first + timedelta(days=day))
    kept = backups.list_backups(db_path)
    newest = first + timedelta(days=59)
    assert [b.taken_at for b in kept[:10]] == [newest - timedelta(days=i) for i in range(10)]
    # Then one a week: every week of the two months still has its backup.
    assert {b.taken_at.isocalendar()[:2] for b in kept} == {
        (first + timedelta(days=d)).isocalendar()[:2] for d in range(60)
    }
    assert len(kept) < 20
    assert len(list((db_path.parent / "säkerhetskopior").iterdir())) == len(kept)


def test_a_copy_of_a_damaged_database_is_refused_and_older_backups_stay(store, db_path) -> None:
    good = backups.make_backup(db_path, now=datetime(2026, 11, 1, 12, 0))
    store.close()
    smash_pages(db_path)
    with pytest.raises(backups.BackupError, match="Säkerhetskopian kunde inte göras"):
        backups.make_backup(db_path)
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]
    # Whatever the copy holds, it is never a backup: at most one copy kept aside by name.
    left = sorted(p.name for p in good.path.parent.iterdir())
    assert left == sorted([good.path.name, *(p.name for p in backups.damaged_copies(db_path))])
    assert all(p.name.endswith(".skadad.sqlite3") for p in backups.damaged_copies(db_path))


def test_a_chosen_folder_that_is_gone_is_reported_not_created(store, db_path, tmp_path) -> None:
    stick = tmp_path / "usb" / "Insatslogg"
    local_config.set_backup_folder(db_path, stick)
    with pytest.raises(backups.BackupError, match="finns inte. Är USB-minnet"):
        backups.make_backup(db_path)
    assert not (tmp_path / "usb").exists()
    (tmp_path / "usb").mkdir()
    made = backups.make_backup(db_path)
    assert made.path.parent == stick


def test_restore_brings_back_the_data_and_keeps_the_state_before(
    store, add_activity, db_path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Första")
    early = backups.make_backup(db_path, now=datetime(2026, 11, 1, 12, 0))
    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Andra")
    store.close()

    result = restore.restore(early.path, db_path)

    assert stored_titles(db_path) == ["Första"]
    assert result.damaged_kept_as is None
    assert result.previous_backup is not None
    assert result.previous_backup.label == "Före återställning"
    assert stored_titles(result.previous_backup.path) == ["Första", "Andra"]
    # Undo the restore by restoring the copy it made.
    restore.restore(result.previous_backup.path, db_path)
    assert stored_titles(db_path) == ["Första", "Andra"]
    assert _mode(db_path) == 0o600
    reopened = Store.open(db_path)
    reopened.close()


def test_restore_never_overwrites_a_damaged_database(store, add_activity, db_path) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Sparad")
    good = backups.make_backup(db_path)
    store.close()
    smash_pages(db_path)
    damaged_bytes = db_path.read_bytes()

    result = restore.restore(good.path, db_path)

    assert result.damaged_kept_as is not None and result.previous_backup is None
    assert result.damaged_kept_as.name.startswith("test.skadad-")
    assert result.damaged_kept_as.read_bytes() == damaged_bytes
    assert stored_titles(db_path) == ["Sparad"]


def test_newest_good_backup_skips_a_damaged_one(store, db_path) -> None:
    older = backups.make_backup(db_path, now=datetime(2026, 11, 1, 12, 0))
    newer = backups.make_backup(db_path, now=datetime(2026, 11, 2, 12, 0))
    overwrite_header(newer.path)
    found = backups.newest_good_backup(db_path)
    assert found is not None and found.path == older.path


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (overwrite_header, "inte en SQLite-databas"),
        (lambda p: stamp_revision(p, "9999"), "nyare version av Insatslogg"),
    ],
)
def test_a_backup_that_cannot_be_used_is_refused_and_nothing_changes(
    store, add_activity, db_path, spoil, message
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Kvar")
    made = backups.make_backup(db_path)
    store.close()
    spoil(made.path)
    before = stored_titles(db_path)
    with pytest.raises(DomainError, match=message):
        restore.restore(made.path, db_path)
    assert stored_titles(db_path) == before


def test_another_programs_database_cannot_be_restored(store, db_path, tmp_path) -> None:
    other = tmp_path / "annat.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE kund (namn TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DomainError, match="inte en databas från Insatslogg"):
        restore.restore(other, db_path)


def test_sizes_read_as_people_write_them() -> None:
    def text(size: int) -> str:
        return backups.BackupInfo(Path("x"), datetime(2026, 1, 1), "", size).size_text

    assert (text(100), text(212_992), text(7_440_000)) == ("1 kB", "208 kB", "7,1 MB")
