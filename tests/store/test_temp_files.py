"""Nothing is left behind, nothing readable by others (issue 11, point 5).

A child process is killed with SIGKILL in the middle of a backup, a restore, the backup
before a migration and an export with names: at the moment its temporary file is whole
but not yet renamed (the child announces it from the flush and waits to be killed).
The temporary file must be readable by its owner only, must survive as long as its
process runs, and must be gone after the next start (or the next write to the folder).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import db as migrations_folder
from app.cli import main
from app.core import temp_files
from app.core.attendance import Attendance
from app.core.people import Person
from app.store import backups
from app.store.opening import DamagedDatabase, open_database
from tests.store.damage import damage_an_index

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and file modes are POSIX"),
    pytest.mark.file_only,  # temporary files beside the database file
]
ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import os, sys, time
from pathlib import Path

os.umask(0o022)  # as on most laptops: new files readable by everyone
which, db, *extra = sys.argv[1:]
db = Path(db)
import app.core.atomic_file as atomic_file
import app.store.backups as backups


def killed_here(path):
    print("inne", flush=True)  # the temporary file is whole, not yet renamed
    time.sleep(600)


atomic_file.fsync_file = killed_here
backups.fsync_file = killed_here
if which == "backup":
    backups.make_backup(db)
elif which == "restore":
    from app.store import restore

    restore.restore_unopened(Path(extra[0]), db)
elif which == "migration":
    from app.store.opening import DamagedDatabase, open_database

    open_database(db)
elif which == "export":
    from app.cli import main

    main(["export", "excel", "--year", "2018", "--names", "-o", extra[0], "--db", str(db)])
print("klar", flush=True)
"""


def _killed_while_writing(which: str, db: Path, *extra: str) -> int:
    """Run the child until it is inside the write, kill it; its process id."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, which, str(db), *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()  # EOF ("") if the child died instead
        assert line == "inne", child.communicate(timeout=60)[1]
        return child.pid
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL


def _hidden(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("."))


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def _holds(path: Path, text: str) -> bool:
    return text.encode() in path.read_bytes()


@pytest.fixture
def named(store, insats, add_activity) -> str:
    assert insats.forbund_id is not None
    person = store.people.save(Person(None, insats.forbund_id, "Greta Gömd", None, "g@x.se"))
    assert person.id is not None
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(20),
                 participant_ids=(person.id,))  # fmt: skip
    return "Greta Gömd"


@pytest.mark.timeout(120)
def test_killed_backups_leave_private_copies_that_the_next_start_removes(
    store, named, db_path
) -> None:
    store.close()
    folder = db_path.parent / "säkerhetskopior"
    first = _killed_while_writing("backup", db_path)
    [left] = _hidden(folder)
    assert f".{first}-" in left.name and _private(left) and _holds(left, named)

    # The next backup into the folder removes it (and is killed in its turn).
    second = _killed_while_writing("backup", db_path)
    [left] = _hidden(folder)
    assert f".{second}-" in left.name and _private(left) and _holds(left, named)
    assert backups.list_backups(db_path) == []  # never counted as backups

    open_database(db_path).close()
    assert _hidden(folder) == [] and _hidden(db_path.parent) == []
    assert len(backups.list_backups(db_path)) == 1


@pytest.mark.timeout(120)
@pytest.mark.parametrize("current", ["whole", "damaged"])
def test_a_killed_restore_leaves_a_private_copy_that_the_next_start_removes(
    store, named, db_path, current
) -> None:
    good = backups.make_backup(db_path)
    store.close()
    if current == "damaged":
        damage_an_index(db_path)  # the restore copies beside the database
    before = db_path.read_bytes()
    _killed_while_writing("restore", db_path, str(good.path))

    where = db_path.parent if current == "damaged" else good.path.parent
    [left] = [p for p in _hidden(where) if not p.name.endswith(".lock")]
    assert temp_files.is_temporary(left) and _private(left) and _holds(left, named)
    assert db_path.read_bytes() == before  # the kill came before anything was replaced
    assert [b.path for b in backups.list_backups(db_path)] == [good.path]

    if current == "damaged":
        with pytest.raises(DamagedDatabase):  # refused again, and the copy is gone
            open_database(db_path)
    else:
        open_database(db_path).close(backup=False)
    assert _hidden(db_path.parent) == [] and _hidden(good.path.parent) == []


def _at_revision(path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from app.store.engine import make_engine

    config = Config()
    config.set_main_option("script_location", str(migrations_folder.MIGRATIONS_DIR))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


@pytest.mark.timeout(120)
def test_a_killed_migration_leaves_a_private_copy_that_the_next_start_removes(db_path) -> None:
    _at_revision(db_path, "0002")
    _killed_while_writing("migration", db_path)

    folder = db_path.parent / "säkerhetskopior"
    [left] = _hidden(folder)
    assert temp_files.is_temporary(left) and _private(left)
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
    con.close()

    open_database(db_path).close(backup=False)  # migrates, after a backup of its own
    assert _hidden(folder) == []
    [made] = backups.list_backups(db_path)
    assert made.reason == "fore-schema-0002"


@pytest.mark.timeout(120)
def test_a_killed_export_with_names_leaves_a_private_file_the_next_write_removes(
    store, named, db_path, tmp_path, capsys
) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    target = out / "period.xlsx"
    _killed_while_writing("export", db_path, str(target))

    [left] = _hidden(out)
    assert temp_files.is_temporary(left) and left.stat().st_size > 0
    assert _private(left)  # with every name in it: not for others' eyes
    assert not target.exists()

    # The next write to the folder removes it; the finished export gets a normal mode.
    other = out / "rapport.xlsx"
    args = ["export", "excel", "--year", "2018", "-o", str(other), "--db", str(db_path)]
    assert main(args) == 0, capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["rapport.xlsx"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(other.stat().st_mode) == 0o666 & ~umask


def test_only_left_over_files_of_the_program_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "rapport.xlsx"
    ours_running = temp_files.temporary_name(target)  # this process: still writing it
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(dead.stdout)
    host = temp_files.HOST
    left_over = [
        tmp_path / f".~rapport.0123abcd.{dead_pid}-{host}.tmp",
        tmp_path / f".~rapport.0123abcd.{dead_pid}-{host}.tmp-journal",
        tmp_path / f".insatslogg-2026-11-02_090000-manuell.sqlite3.{dead_pid}.tmp",
        tmp_path / f".insatslogg.sqlite3.{dead_pid}.återställs",
        tmp_path / ".~gammal.0123abcd.tmp",  # an older version's, an hour old
    ]
    kept = [
        ours_running,
        tmp_path / f".~rapport.0123abcd.{dead_pid}-ffffff.tmp",  # another computer's
        tmp_path / ".~färsk.0123abcd.tmp",  # an older version's, being written now
        tmp_path / ".~lock.rapport.xlsx#",  # LibreOffice's
        tmp_path / "~$rapport.xlsx",  # Excel's
        tmp_path / "anteckningar.tmp",
        tmp_path / ".rapport.12.tmp",
    ]
    hour_ago = time.time() - 2 * temp_files.OLD_EXPORT_AGE
    for path in left_over + kept:
        path.write_bytes(b"x")
    for path in (left_over[-1], kept[1]):
        os.utime(path, (hour_ago, hour_ago))

    assert temp_files.temporary_files(tmp_path) == sorted(left_over + kept[:3])
    removed = temp_files.remove_left_over_temporary_files(tmp_path)

    assert sorted(removed) == sorted(left_over)
    assert sorted(tmp_path.iterdir()) == sorted(kept)
