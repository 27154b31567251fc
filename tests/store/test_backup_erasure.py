"""An erasure reaches every copy of the database: every folder a backup was ever written
to, backups named after a link to the file, copies of a damaged file kept aside, and a
folder on a USB stick that was out when the name was erased (once it is back).
Backups forget persons by id: a corrected name is not an erased one."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.people import Person
from app.core.temp_files import is_temporary, temporary_name
from app.store import backup_erasure, backups, local_config
from app.store.database import Store
from app.store.opening import open_database
from tests.conftest import MakeActivity
from tests.store.damage import damage_an_index, overwrite_header

# The file's own backups, checks and locks: a server has none (app.store.server_backups).
pytestmark = pytest.mark.file_only

GRETA = "Greta Gömd".encode()


def _save(store: Store, insats: Insats, name: str, email: str = "") -> Person:
    assert insats.forbund_id is not None
    saved = store.people.save(Person(None, insats.forbund_id, name, None, email))
    assert saved.id is not None
    return saved


def _copy(db_path: Path, target: Path) -> None:
    """A whole copy of the database at ``target``, as the program makes one (into a new
    private file)."""
    target.touch(mode=0o600)
    backups.copy_into(db_path, target)


def _names(path: Path) -> dict[int, str]:
    copy = Store(path)
    try:
        with copy.file.read() as con:
            return {int(r[0]): str(r[1]) for r in con.execute("SELECT id, name FROM person")}
    finally:
        copy.close()


def test_a_folder_used_once_with_folder_loses_the_name(
    store: Store, insats: Insats, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    once = tmp_path / "en gång"
    once.mkdir()
    assert main(["backup", "--folder", str(once), "--db", str(db_path)]) == 0
    [copy] = backups.list_backups(db_path, once)
    assert GRETA in copy.path.read_bytes()
    assert backups.backup_folder(db_path) != once.resolve()  # not remembered

    assert greta.id is not None
    store.people.erase(greta.id)

    assert GRETA not in copy.path.read_bytes()
    assert backups.backup_problem(copy.path) is None


def test_a_folder_chosen_earlier_still_loses_the_name(
    store: Store, insats: Insats, db_path: Path, tmp_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    earlier = tmp_path / "förra disken"
    earlier.mkdir()
    local_config.set_backup_folder(db_path, earlier)
    copy = backups.make_backup(db_path).path
    local_config.set_backup_folder(db_path, None)  # back to the folder beside the database

    assert greta.id is not None
    store.people.erase(greta.id)

    assert GRETA not in copy.read_bytes()


def test_a_backup_named_after_a_link_to_the_database_loses_the_name(
    store: Store, insats: Insats, db_path: Path, tmp_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    link = tmp_path / "genväg" / "insatser.sqlite3"
    link.parent.mkdir()
    link.symlink_to(db_path)
    copy = backups.make_backup(link).path
    assert copy.name.startswith("insatser-")

    assert greta.id is not None
    store.people.erase(greta.id)  # the store has the file open by its real name

    assert GRETA not in copy.read_bytes()


def test_a_damaged_database_kept_aside_loses_the_name(
    store: Store, insats: Insats, db_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    aside = db_path.with_name(f"{db_path.stem}.skadad-2026-11-01_120000{db_path.suffix}")
    _copy(db_path, aside)  # what restore keeps aside, still readable here
    assert GRETA in aside.read_bytes()

    assert greta.id is not None
    store.people.erase(greta.id)

    assert GRETA not in aside.read_bytes()
    assert store.people.backup_erasure_warning() is None


def test_a_copy_that_cannot_be_cleaned_is_named_to_the_user(
    store: Store, insats: Insats, db_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    aside = db_path.with_name(f"{db_path.stem}.skadad-2026-11-01_120000{db_path.suffix}")
    _copy(db_path, aside)
    overwrite_header(aside)  # SQLite can no longer read it

    assert greta.id is not None
    store.people.erase(greta.id)

    assert store.people.backup_erasure_warning() == (
        "Raderingen kunde inte göras i den här kopian av databasen, som är skadad eller "
        f"skrivskyddad:\n{aside}\nTa bort filen om den inte behövs; annars försöker "
        "programmet igen vid nästa start."
    )
    aside.unlink()  # the user removes it
    opened_again = backups.make_backup(db_path)
    assert opened_again.path.exists()
    assert store.people.backup_erasure_warning() is None


def test_an_unplugged_usb_folder_is_cleaned_when_it_is_back(
    store: Store,
    insats: Insats,
    db_path: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    greta = _save(store, insats, "Greta Gömd", "greta@gomd.se")
    stick = tmp_path / "USB-MINNE"
    chosen = stick / "Insatslogg"
    chosen.mkdir(parents=True)
    local_config.set_backup_folder(db_path, chosen)
    copy = backups.make_backup(db_path).path
    unplugged = tmp_path / "utdraget"
    stick.rename(unplugged)

    assert greta.id is not None
    with caplog.at_level(logging.INFO):
        store.people.erase(greta.id)

    assert store.people.backup_erasure_warning() == (
        "Raderingen har ännu inte nått säkerhetskopiorna i den här mappen, som inte gick "
        f"att nå:\n{chosen}\nÄr USB-minnet eller disken ansluten? Programmet försöker igen "
        "vid nästa start och vid nästa säkerhetskopia."
    )
    logged = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in logged] == [
        "Raderingen nådde inte säkerhetskopiorna i 1 mapp som inte gick att nå (Insatslogg)"
    ]
    assert "Greta" not in caplog.text and "greta@" not in caplog.text

    unplugged.rename(stick)  # plugged in again
    assert GRETA in copy.read_bytes()  # nothing has looked yet
    store.close()
    opened = open_database(db_path)  # the next start
    try:
        assert GRETA not in copy.read_bytes()
        assert opened.store.people.backup_erasure_warning() is None
    finally:
        opened.close(backup=False)


def test_an_unplugged_usb_folder_is_cleaned_at_the_next_backup_there(
    store: Store, insats: Insats, db_path: Path, tmp_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    stick = tmp_path / "usb"
    stick.mkdir()
    local_config.set_backup_folder(db_path, stick)
    older = backups.make_backup(db_path, now=datetime(2026, 11, 1, 12, 0)).path
    stick.rename(tmp_path / "utdraget")
    assert greta.id is not None
    store.people.erase(greta.id)
    assert store.people.backup_erasure_warning() is not None

    (tmp_path / "utdraget").rename(stick)
    backups.make_backup(db_path, now=datetime(2026, 11, 2, 12, 0))

    assert GRETA not in older.read_bytes()
    assert store.people.backup_erasure_warning() is None


def test_the_cli_backup_tells_what_is_still_out_of_reach(
    store: Store,
    insats: Insats,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    stick = tmp_path / "usb"
    stick.mkdir()
    backups.make_backup(db_path, folder=stick)
    stick.rename(tmp_path / "utdraget")
    assert greta.id is not None
    store.people.erase(greta.id)

    assert main(["backup", "--db", str(db_path)]) == 0

    out = capsys.readouterr().out
    assert "Säkerhetskopian är sparad och kontrollerad" in out
    assert (
        "Raderingen har ännu inte nått säkerhetskopiorna i den här mappen, som inte gick "
        f"att nå:\n{stick}\n"
    ) in out


def test_a_corrected_name_stays_in_older_backups_when_someone_else_is_erased(
    store: Store, insats: Insats, add_activity: MakeActivity, db_path: Path
) -> None:
    anna = _save(store, insats, "Anna Ärlig")
    bo = _save(store, insats, "Bo Borta")
    assert anna.id and bo.id
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(9),
                 participant_ids=(anna.id, bo.id))  # fmt: skip
    copy = backups.make_backup(db_path).path
    store.people.save(replace(anna, name="Anna Ärlig-Svensson"))

    store.people.erase(bo.id)

    # Bo keeps an anonymous row (he is in an activity); Anna is as she was then.
    assert _names(copy) == {anna.id: "Anna Ärlig", bo.id: ""}


def test_backups_forget_by_id_and_counts_stay(
    store: Store, insats: Insats, add_activity: MakeActivity, db_path: Path
) -> None:
    assert insats.id is not None
    greta = _save(store, insats, "Greta Gömd", "greta@x.se")
    bo = _save(store, insats, "Bo Borta")
    kim = _save(store, insats, "Kim Kvar")
    assert greta.id and bo.id and kim.id
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(20),
                 participant_ids=(greta.id, kim.id))  # fmt: skip
    copies = [
        backups.make_backup(db_path, now=datetime(2026, 11, day, 12, 0)).path for day in (1, 2)
    ]
    unique_before = store.people.unique_participants(insats.id, 2018)

    store.people.erase_many([greta.id, bo.id])

    for copy in copies:
        data = copy.read_bytes()
        assert b"Greta" not in data and b"greta@x.se" not in data and b"Bo Borta" not in data
        assert _names(copy) == {greta.id: "", kim.id: "Kim Kvar"}
        restored = Store(copy)
        try:
            assert restored.people.unique_participants(insats.id, 2018) == unique_before == 2
        finally:
            restored.close()
        assert backups.backup_problem(copy) is None
    with store.file.read() as con:
        assert con.execute("SELECT count(*) FROM pending_backup_erasure").fetchone() == (0,)


def test_copies_another_part_of_the_program_names_are_cleaned_too(
    store: Store, insats: Insats, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    leftover = tmp_path / ".test.sqlite3.4711.tmp"  # e.g. a temporary copy left by a crash
    _copy(db_path, leftover)
    monkeypatch.setattr(backup_erasure, "extra_copies", lambda path: [leftover])
    assert greta.id is not None

    store.people.erase(greta.id)

    assert GRETA not in leftover.read_bytes()


def test_a_backup_kept_aside_as_damaged_loses_the_name(
    store: Store, insats: Insats, db_path: Path
) -> None:
    """A backup that failed its check is kept aside (``….skadad.sqlite3``); it holds the
    names of its day, so an erasure reaches it too (index damage does not stop that)."""
    greta = _save(store, insats, "Greta Gömd")
    made = backups.make_backup(db_path)
    damage_an_index(made.path)
    aside = made.path.with_name(f"{made.path.stem}.skadad.sqlite3")
    made.path.rename(aside)
    assert backups.damaged_copies(db_path) == [aside]
    assert GRETA in aside.read_bytes()
    assert greta.id is not None

    store.people.erase(greta.id)

    assert GRETA not in aside.read_bytes()
    assert store.people.backup_erasure_warning() is None


def test_a_temporary_copy_left_by_a_killed_process_is_removed_by_an_erasure(
    store: Store, insats: Insats, db_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    folder = backups.backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    dead = 2**22 + 12345  # above the usual pid_max: no process has it
    name = temporary_name(db_path).name.replace(f".{os.getpid()}-", f".{dead}-")
    leftover = folder / name
    _copy(db_path, leftover)
    assert is_temporary(leftover) and GRETA in leftover.read_bytes()
    assert greta.id is not None

    store.people.erase(greta.id)

    assert not leftover.exists()
