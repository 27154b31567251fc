"""Opening a database file: checks before trust, one instance per file, private files."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import backups
from app.store.file_checks import NetworkShare, NotInsatslogg, check_location, network_location
from app.store.instance_lock import DatabaseInUse, InstanceLock, lock_path
from app.store.opening import DamagedDatabase, open_database
from tests.conftest import stamp_revision
from tests.store.damage import smash_pages
from tests.unprivileged import as_unprivileged

# The file's own backups, checks and locks: a server has none (app.store.server_backups).
pytestmark = pytest.mark.file_only

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_everything_beside_it_is_private(db_path) -> None:
    opened = open_database(db_path)
    opened.store.reference.set_up(_defaults())
    assert _mode(db_path) == 0o600
    assert _mode(Path(f"{db_path}-wal")) == 0o600
    assert _mode(Path(f"{db_path}-shm")) == 0o600
    assert _mode(lock_path(db_path)) == 0o600
    made = opened.close()
    assert made is not None and _mode(made.path) == 0o600


def test_an_existing_readable_file_is_made_private(store, db_path) -> None:
    store.close()
    db_path.chmod(0o644)
    open_database(db_path).close(backup=False)
    assert _mode(db_path) == 0o600


def _defaults():
    from app.core.setup import gavleborg_defaults

    return gavleborg_defaults(date(2018, 1, 1))


def test_closing_backs_up_only_when_something_was_written(store, add_activity, db_path) -> None:
    store.close()
    first = open_database(db_path).close()
    assert first is not None  # no backup existed yet
    assert open_database(db_path).close() is None  # nothing written since
    opened = open_database(db_path)
    insats = opened.store.reference.current_insats()
    assert insats is not None
    opened.store.reference.save_insats(insats)
    made = opened.close()
    assert made is not None and made.label == "Vid stängning"
    assert len(backups.list_backups(db_path)) == 2


def test_a_damaged_file_is_not_opened_and_not_changed(store, db_path) -> None:
    good = backups.make_backup(db_path)
    store.close()
    smash_pages(db_path)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase) as caught:
        open_database(db_path)
    assert caught.value.backup is not None and caught.value.backup.path == good.path
    assert "är skadad" in str(caught.value) and "insatslogg restore" in str(caught.value)
    assert db_path.read_bytes() == before
    # The lock was let go: the user may restore at once.
    InstanceLock.acquire(db_path).release()


def test_a_file_that_is_not_a_database_names_no_backup_when_there_is_none(db_path) -> None:
    db_path.write_bytes(os.urandom(8192))
    with pytest.raises(DamagedDatabase, match="Ingen fungerande säkerhetskopia"):
        open_database(db_path)


def test_another_programs_sqlite_file_is_left_alone(db_path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE kund (namn TEXT)")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NotInsatslogg, match="inte Insatsloggs"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(store, db_path) -> None:
    store.close()
    stamp_revision(db_path, "9999")
    with pytest.raises(DomainError, match="nyare version av Insatslogg"):
        open_database(db_path)


def test_a_second_open_of_the_same_file_is_refused_and_harms_nothing(store, db_path) -> None:
    store.close()
    first = open_database(db_path)
    with pytest.raises(DatabaseInUse, match=f"process {os.getpid()}") as caught:
        open_database(db_path)
    assert "redan öppen i Insatslogg" in str(caught.value)
    assert first.lock is not None and first.lock.held
    first.store.reference.current_insats()  # still usable
    first.close()
    open_database(db_path).close()  # free again


def test_readers_may_open_while_the_program_has_the_file(store, db_path) -> None:
    store.close()
    owner = open_database(db_path)
    reader = open_database(db_path, exclusive=False)
    assert reader.store.reference.current_insats() is not None
    reader.close(backup=False)
    owner.close()


_HOLD = """
import sys, time
from pathlib import Path
from app.store.instance_lock import InstanceLock
lock = InstanceLock.acquire(Path(sys.argv[1]))
print("låst", flush=True)
time.sleep(60)
"""


def test_a_lock_left_by_a_killed_program_is_taken_over(store, db_path) -> None:
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "låst"
        with pytest.raises(DatabaseInUse, match=f"process {child.pid}"):
            open_database(db_path)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert lock_path(db_path).read_text(encoding="utf-8")  # the crashed holder's note
    opened = open_database(db_path)
    assert opened.lock is not None and opened.lock.stale is not None
    assert opened.lock.stale.pid == child.pid
    opened.close()
    assert lock_path(db_path).read_text(encoding="utf-8") == ""  # a clean close leaves none


MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
//filserver/gemensam /mnt/gemensam cifs rw,vers=3.0 0 0
filserver:/export/hem /home/anna/nfs nfs4 rw 0 0
/dev/sdb1 /media/anna/USB\\040STICK vfat rw 0 0
"""


def test_a_path_on_a_network_share_is_refused() -> None:
    share = Path("/mnt/gemensam/ASF/insatslogg.sqlite3")
    assert network_location(share, MOUNTS) == "cifs: //filserver/gemensam"
    assert network_location(Path("/home/anna/nfs/a.sqlite3"), MOUNTS) == (
        "nfs4: filserver:/export/hem"
    )
    assert network_location(Path("/home/anna/a.sqlite3"), MOUNTS) is None
    assert network_location(Path("/media/anna/USB STICK/a.sqlite3"), MOUNTS) is None
    with pytest.raises(NetworkShare, match="nätverksenhet \\(cifs: //filserver/gemensam\\)"):
        check_location(share, MOUNTS)


def test_a_read_only_file_gets_a_clear_message(store, db_path) -> None:
    store.close()
    db_path.chmod(0o400)
    before = db_path.read_bytes()
    result = as_unprivileged("import sys; from app.cli import main; sys.exit(main())",
                              "summary", "--year", "2018", "--db", str(db_path))  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "är skrivskyddad" in result.stderr and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("command", [["demo"], ["summary", "--year", "2018"]])
def test_a_read_only_folder_gets_a_clear_message(store, db_path, tmp_path, command) -> None:
    store.close()
    folder = tmp_path / "låst"
    folder.mkdir()
    target = folder / "insatslogg.sqlite3"
    if command != ["demo"]:
        shutil.copy(db_path, target)
    before = sorted(p.name for p in folder.iterdir())
    folder.chmod(0o500)
    result = as_unprivileged("import sys; from app.cli import main; sys.exit(main())",
                              *command, "--db", str(target))  # fmt: skip
    folder.chmod(0o700)
    assert result.returncode == 1, result.stderr
    assert f"Mappen {folder} är skrivskyddad" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == before


def test_the_check_started_early_is_the_one_that_decides(store, db_path) -> None:
    from app.store.opening import EarlyCheck

    store.close()
    early = EarlyCheck(db_path)
    open_database(db_path, early=early).close(backup=False)
    smash_pages(db_path)
    early = EarlyCheck(db_path)
    assert early.problem() is not None
    with pytest.raises(DamagedDatabase):
        open_database(db_path, early=early)
