"""One check everywhere (issue 11): a file with index damage passes ``quick_check`` but
not ``integrity_check``. The check that decides an open also decides which copies are
backups, which backup is offered, what rotation keeps and whether a restore stands; a
damaged file is kept aside before anything replaces it; only a missing path is new."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.store import backups, restore
from app.store.opening import DamagedDatabase, open_database
from tests.store.damage import damage_an_index, quick_and_full_check, stored_titles

T0 = datetime(2026, 11, 2, 9, 0)

pytestmark = pytest.mark.file_only  # the file's checks and its backups


def _whole(path: Path) -> bool:
    return quick_and_full_check(path) == (["ok"], ["ok"])


def _folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_copy_with_index_damage_is_kept_aside_never_stored_as_a_backup(
    store, add_activity, db_path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Hel")
    good = backups.make_backup(db_path, now=T0)
    store.close()
    damage_an_index(db_path)

    with pytest.raises(backups.BackupError) as caught:
        backups.make_backup(db_path, now=T0 + timedelta(hours=1))

    message = str(caught.value)
    [aside] = backups.damaged_copies(db_path)
    assert aside.name == "test-2026-11-02_100000-manuell.skadad.sqlite3"
    assert "klarade inte kontrollen" in message and "kontrollerad" not in message
    assert f"sparades åt sidan som {aside}" in message
    assert "De tidigare säkerhetskopiorna är orörda" in message
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]
    assert _folder_names(good.path.parent) == sorted([good.path.name, aside.name])
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600
    assert backups.newest_good_backup(db_path) == good

    # A second failed copy replaces the first: damaged copies do not pile up.
    with pytest.raises(backups.BackupError):
        backups.make_backup(db_path, now=T0 + timedelta(hours=2))
    assert [p.name for p in backups.damaged_copies(db_path)] == [
        "test-2026-11-02_110000-manuell.skadad.sqlite3"
    ]
    assert len(list(good.path.parent.iterdir())) == 2


def test_the_offer_at_start_is_the_newest_backup_that_passes_the_full_check(store, db_path) -> None:
    older = backups.make_backup(db_path, now=T0)
    newer = backups.make_backup(db_path, now=T0 + timedelta(days=1))
    damage_an_index(newer.path)  # e.g. stored by an older Insatslogg, checked with quick_check
    store.close()
    damage_an_index(db_path)

    with pytest.raises(DamagedDatabase) as caught:
        open_database(db_path)

    assert caught.value.backup is not None and caught.value.backup.path == older.path
    assert backups.backup_problem(newer.path) is not None
    with pytest.raises(backups.BackupError, match="kan inte återställas: databasfilen är skadad"):
        restore.restore(newer.path, db_path)


def test_rotation_never_removes_the_newest_backup_that_passes_the_full_check(
    store, db_path
) -> None:
    good = backups.make_backup(db_path, now=T0)
    store.close()
    # Twelve damaged copies stored after it the same week (as quick_check once let them
    # through: each restore of a damaged copy added another "före återställning").
    template = good.path.with_name("mall.bin")
    shutil.copy(good.path, template)
    damage_an_index(template)
    for n in range(1, 13):
        name = f"test-{(T0 + timedelta(minutes=n)):%Y-%m-%d_%H%M%S}-fore-aterstallning.sqlite3"
        shutil.copy(template, good.path.with_name(name))
    template.unlink()

    removed = backups.rotate(db_path)

    kept = backups.list_backups(db_path)
    assert good.path not in removed and good in kept
    assert len(removed) == 2 and len(kept) == 11
    assert backups.newest_good_backup(db_path) == good


def test_the_backup_being_restored_is_not_rotated_away_by_the_copy_before(
    store, add_activity, db_path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Den tionde")
    oldest = backups.make_backup(db_path, now=T0)
    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Senare")
    for n in range(1, 10):  # ten backups in one week: the oldest is the next to go
        backups.make_backup(db_path, now=T0 + timedelta(minutes=n))
    store.close()

    result = restore.restore(oldest.path, db_path)

    assert stored_titles(db_path) == ["Den tionde"]
    assert oldest.path.exists() and result.previous_backup is not None
    assert stored_titles(result.previous_backup.path) == ["Den tionde", "Senare"]


def test_restoring_over_index_damage_keeps_the_damaged_file_aside(
    store, add_activity, db_path
) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Räddad")
    good = backups.make_backup(db_path, now=T0)
    add_activity("Workshop", "Gävle", date(2018, 6, 1), title="Efter kopian")
    store.close()
    damage_an_index(db_path)
    damaged = db_path.read_bytes()

    result = restore.restore(good.path, db_path)

    assert result.damaged_kept_as is not None and result.previous_backup is None
    assert result.damaged_kept_as.name.startswith("test.skadad-")
    assert result.damaged_kept_as.read_bytes() == damaged
    assert stored_titles(db_path) == ["Räddad"] and _whole(db_path)
    # No damaged "före återställning" copy was stored as a backup.
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]
    open_database(db_path).close(backup=False)  # the restored file opens


@pytest.mark.parametrize("current", ["whole", "damaged"])
def test_a_restore_whose_result_fails_the_check_is_undone(
    store, add_activity, db_path, monkeypatch, current
) -> None:
    """The backup passed its check, then changed before it was copied (another program,
    a failing USB stick): the check of the result catches it."""
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Kvar")
    spoilt = backups.make_backup(db_path, now=T0)
    store.close()
    damage_an_index(spoilt.path)
    if current == "damaged":
        damage_an_index(db_path)
    before = db_path.read_bytes()
    monkeypatch.setattr(
        restore,
        "backup_problem",
        lambda path: None if path == spoilt.path else backups.backup_problem(path),
    )

    with pytest.raises(backups.BackupError) as caught:
        restore.restore(spoilt.path, db_path)

    assert "kontrollen (databasfilen är skadad (row 1 missing from index" in str(caught.value)
    assert stored_titles(db_path) == ["Kvar"]
    if current == "whole":
        assert _whole(db_path)
        assert "Den är ångrad" in str(caught.value)
    else:
        assert db_path.read_bytes() == before  # still the damaged file, nothing replaced
        assert "Databasen är oförändrad" in str(caught.value)
    assert not list(db_path.parent.glob("test.skadad-*"))
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    "content",
    [b"", b"Det h\xc3\xa4r \xc3\xa4r en textfil, ingen databas.\n" * 200],
    ids=["0 byte", "inte SQLite"],
)
def test_only_a_missing_path_is_a_new_database(store, add_activity, db_path, content) -> None:
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="I kopian")
    good = backups.make_backup(db_path, now=T0)
    store.close()
    for extra in ("-wal", "-shm"):
        Path(f"{db_path}{extra}").unlink(missing_ok=True)
    db_path.write_bytes(content)

    for _ in range(2):  # the program and a command that only reads
        with pytest.raises(DamagedDatabase) as caught:
            open_database(db_path, exclusive=_ == 0, must_exist=_ == 1)
        assert caught.value.backup is not None and caught.value.backup.path == good.path
        assert db_path.read_bytes() == content
    expected = "filen är tom, 0 byte" if not content else "inte en SQLite-databas"
    assert expected in str(caught.value)
    beside = sorted(p.name for p in db_path.parent.iterdir())
    assert beside == ["säkerhetskopior", "test.sqlite3", "test.sqlite3.lock"]  # no -wal

    result = restore.restore(good.path, db_path)
    assert result.damaged_kept_as is not None and result.damaged_kept_as.read_bytes() == content
    assert stored_titles(db_path) == ["I kopian"]


def test_a_new_database_is_made_whole_before_it_takes_the_name(db_path, monkeypatch) -> None:
    from app.store import migrations
    from app.store.database import Store

    def killed(path: Path) -> bool:
        assert not db_path.exists()  # nothing at the database's name yet
        raise KeyboardInterrupt

    monkeypatch.setattr(migrations, "upgrade", killed)
    with pytest.raises(KeyboardInterrupt):
        Store.open(db_path)
    assert list(db_path.parent.iterdir()) == []
    monkeypatch.undo()
    Store.open(db_path).close()
    assert _whole(db_path) and stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["test.sqlite3"]


def test_an_empty_version_table_is_damage_with_the_backup_offered(store, db_path) -> None:
    good = backups.make_backup(db_path, now=T0)
    store.close()
    con = sqlite3.connect(db_path)
    with con:
        con.execute("DELETE FROM alembic_version")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        open_database(db_path)
    assert "saknar versionsuppgift" in str(caught.value)
    assert caught.value.backup is not None and caught.value.backup.path == good.path
    assert db_path.read_bytes() == before
