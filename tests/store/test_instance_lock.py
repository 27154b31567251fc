"""One Insatslogg per database file, whatever the path: a symlink or a hard link to the
open file is the same file; a killed holder's lock is taken over; a command that holds
the file is named as one."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.store.instance_lock import DatabaseInUse, InstanceLock, as_command, lock_path
from app.store.opening import open_database

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.file_only  # one program per file (a server takes many)


def other_name(kind: str, db_path: Path) -> Path:
    """``db_path`` by another name, in another folder."""
    folder = db_path.parent / "genväg"
    folder.mkdir(exist_ok=True)
    name = folder / "insatslogg.sqlite3"
    if kind == "symlink":
        name.symlink_to(db_path)
    elif kind == "relative symlink":
        name.symlink_to(Path("..") / db_path.name)
    else:
        os.link(db_path, name)
    return name


KINDS = ["symlink", "relative symlink", "hard link"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("first", ["by its name", "by the other name"])
def test_a_second_open_by_another_name_is_refused(store, db_path, kind: str, first: str) -> None:
    store.close()
    other = other_name(kind, db_path)
    a, b = (db_path, other) if first == "by its name" else (other, db_path)
    opened = open_database(a)
    try:
        with pytest.raises(DatabaseInUse) as caught:
            open_database(b)
        holder = caught.value.holder
        assert holder is not None
        assert str(caught.value) == (
            f"Databasen {b} är redan öppen i Insatslogg (öppnad som {a}, process {os.getpid()}, "
            f"på datorn {socket.gethostname()}, sedan {holder.since}). "
            "Använd det fönstret, eller stäng det och försök igen. Ingenting har ändrats."
        )
        opened.store.reference.current_insats()  # the first is still usable
    finally:
        opened.close(backup=False)
    open_database(b).close(backup=False)  # free again, by either name


def test_a_new_database_is_locked_by_its_identity_once_created(db_path) -> None:
    """The file does not exist when the first lock is taken; once it does, a hard link
    made to it meanwhile cannot open it a second time."""
    opened = open_database(db_path)
    try:
        hard = other_name("hard link", db_path)
        with pytest.raises(DatabaseInUse, match=f"process {os.getpid()}"):
            open_database(hard)
    finally:
        opened.close(backup=False)


_HOLD = """
import sys, time
from pathlib import Path
from app.store.instance_lock import InstanceLock
lock = InstanceLock.acquire(Path(sys.argv[1]))
print("låst", flush=True)
time.sleep(60)
"""


@contextmanager
def child(*argv: str) -> Iterator[subprocess.Popen[str]]:
    """A Python child that prints one line once it holds what it should; killed after."""
    proc = subprocess.Popen(
        [sys.executable, "-c", *argv], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_a_killed_holders_lock_is_taken_over_by_either_name(store, db_path, kind: str) -> None:
    store.close()
    other = other_name(kind, db_path)
    with child(_HOLD, str(other)) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "låst"
        with pytest.raises(DatabaseInUse, match=f"öppnad som {other}, process {proc.pid}"):
            open_database(db_path)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    opened = open_database(db_path)
    assert opened.lock is not None and opened.lock.stale is not None
    assert opened.lock.stale.pid == proc.pid
    opened.close(backup=False)
    assert lock_path(db_path).read_text(encoding="utf-8") == ""  # a clean close leaves none


def test_the_lock_beside_the_file_is_the_real_files(store, db_path) -> None:
    store.close()
    link = other_name("symlink", db_path)
    assert lock_path(link) == lock_path(db_path) == db_path.with_name(db_path.name + ".lock")


def test_a_command_holding_the_file_is_named(store, db_path) -> None:
    store.close()
    with as_command("insatslogg restore"):
        lock = InstanceLock.acquire(db_path)
    try:
        with pytest.raises(DatabaseInUse) as caught:
            open_database(db_path)
    finally:
        lock.release()
    holder = caught.value.holder
    assert holder is not None
    assert str(caught.value) == (
        f"Databasen {db_path} används just nu av kommandot ”insatslogg restore” (process "
        f"{os.getpid()}, på datorn {socket.gethostname()}, sedan {holder.since}). Vänta tills "
        "det är klart och försök igen. Ingenting har ändrats."
    )


_SLOW_IMPORT = """
import sys, time
import app.importers

def slow(*args, **kwargs):
    print("läser", flush=True)
    time.sleep(60)

app.importers.read_source = slow
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_running_import_is_named_to_the_window_and_to_other_commands(
    store, db_path, tmp_path, capsys
) -> None:
    """``insatslogg import`` holds the file while it reads; whoever comes meanwhile is
    told which command, and to wait."""
    from app.cli import main

    store.close()
    sheet = tmp_path / "aktiviteter.csv"
    sheet.write_text("Datum;Titel\n2018-03-14;Seminarium\n", encoding="utf-8")
    with child(_SLOW_IMPORT, "import", "csv", str(sheet), "--db", str(db_path)) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "läser"
        with pytest.raises(DatabaseInUse) as caught:
            open_database(db_path)  # as the window does
        assert "används just nu av kommandot ”insatslogg import” (process " in str(caught.value)
        assert f"(process {proc.pid}," in str(caught.value)
        assert "Vänta tills det är klart" in str(caught.value)
        assert "Använd det fönstret" not in str(caught.value)

        backup = tmp_path / "kopia.sqlite3"
        backup.write_bytes(b"")
        assert main(["restore", str(backup), "--db", str(db_path)]) == 1
        err = capsys.readouterr().err
        assert f"används just nu av kommandot ”insatslogg import” (process {proc.pid}," in err
        assert "Ingenting har ändrats." in err
