"""An erased name leaves the database file itself: no free page, no freed cell, no -wal.

Each test reads the raw bytes of the database file and its -wal, as someone who copies the
file off the laptop would.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.people import Person
from app.store import backups
from app.store.database import Store
from app.store.opening import open_database
from tests.conftest import MakeActivity

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.file_only  # the bytes of the file and its -wal


def on_disk(db: Path) -> bytes:
    """The bytes of the database file and of its -wal (when there is one)."""
    wal = Path(f"{db}-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _save(store: Store, insats: Insats, name: str, email: str = "") -> Person:
    assert insats.forbund_id is not None
    saved = store.people.save(Person(None, insats.forbund_id, name, None, email))
    assert saved.id is not None
    return saved


@pytest.fixture
def sqlite_without_secure_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new connection starts with secure_delete off, as in an SQLite built without
    SQLITE_SECURE_DELETE (the Python of many Windows laptops)."""
    real = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        con = real(*args, **kwargs)  # type: ignore[call-overload]
        con.execute("PRAGMA secure_delete = OFF")
        return con  # type: ignore[no-any-return]

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)  # what SQLAlchemy calls
    probe = sqlite3.connect(":memory:")
    assert probe.execute("PRAGMA secure_delete").fetchone()[0] == 0
    probe.close()


def test_every_connection_overwrites_what_it_deletes(
    sqlite_without_secure_delete: None, store: Store, db_path: Path
) -> None:
    with store.file.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    with store.file.read() as con:
        assert con.execute("PRAGMA secure_delete").fetchone()[0] == 1
    with backups.connect(db_path) as con:
        assert con.execute("PRAGMA secure_delete").fetchone()[0] == 1


@pytest.mark.parametrize("in_an_activity", [True, False], ids=["blanked", "removed"])
def test_a_corrected_then_erased_person_is_nowhere_in_the_file(
    sqlite_without_secure_delete: None,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    db_path: Path,
    in_an_activity: bool,
) -> None:
    greta = _save(store, insats, "Greta Gömd", "greta@gomd.se")
    for n in range(1, 6):
        _save(store, insats, f"Kim Kvar {n}", f"kim{n}@kvar.se")
    assert greta.id is not None
    # A corrected e-mail address: the old row is freed inside its page.
    greta = store.people.save(replace(greta, email="greta.gomd@ny-adress.se"))
    if in_an_activity:  # her row stays, without name and e-mail
        add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(9),
                     participant_ids=(greta.id,))  # fmt: skip

    store.people.erase(greta.id)

    data = on_disk(db_path)
    for gone in ("Greta Gömd", "greta@gomd.se", "greta.gomd@ny-adress.se"):
        assert gone.encode() not in data, gone
    assert b"Kim Kvar 5" in data


def test_a_reader_during_the_erasure_only_delays_it_to_closing(
    store: Store, insats: Insats, db_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    assert greta.id is not None
    reader = sqlite3.connect(db_path)  # another program reading, e.g. an export
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM person").fetchone()[0] == 1

        store.people.erase(greta.id)

        # The reader's snapshot still needs the old pages: the -wal keeps them for now.
        assert b"Greta G\xc3\xb6md" in on_disk(db_path)
        reader.commit()  # the reader is done, but stays connected
        store.close()
        assert b"Greta G\xc3\xb6md" not in on_disk(db_path)
    finally:
        reader.close()


def test_a_reader_still_reading_at_closing_delays_it_to_the_next_start(
    store: Store, insats: Insats, db_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    assert greta.id is not None
    reader = sqlite3.connect(db_path)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()
        store.people.erase(greta.id)
        store.close()
        assert b"Greta G\xc3\xb6md" in on_disk(db_path)
        reader.commit()

        opened = open_database(db_path)
        try:
            assert b"Greta G\xc3\xb6md" not in on_disk(db_path)
        finally:
            opened.close(backup=False)
    finally:
        reader.close()


def test_person_ids_are_never_used_again(store: Store, insats: Insats, db_path: Path) -> None:
    first = _save(store, insats, "Bo Borta")
    second = _save(store, insats, "Cilla Sist")
    assert first.id and second.id
    store.people.erase_many([first.id, second.id])  # in no activity: the rows are removed
    newcomer = _save(store, insats, "Ny Person")
    assert newcomer.id is not None and newcomer.id > second.id
    con = sqlite3.connect(db_path)
    try:
        (seq,) = con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'person'").fetchone()
    finally:
        con.close()
    assert seq == newcomer.id


# --- a crash between the erasure and the cleaning of the backups -------------------------

# The child erases the person as the program does and dies (SIGKILL) the moment it opens a
# backup file to clean it: after the database's commit, before any backup is touched.
CHILD = """
import os, signal, sqlite3, sys, urllib.parse
from pathlib import Path

real_connect = sqlite3.connect

def connect(database, *args, **kwargs):
    if "säkerhetskopior" in urllib.parse.unquote(str(database)):
        os.kill(os.getpid(), signal.SIGKILL)
    return real_connect(database, *args, **kwargs)

sqlite3.connect = connect
from app.store.opening import open_database

opened = open_database(Path(sys.argv[1]))
opened.store.people.erase(int(sys.argv[2]))
print("the backups were never opened")
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_crash_before_the_backups_are_cleaned_is_finished_at_the_next_start(
    store: Store, insats: Insats, db_path: Path
) -> None:
    greta = _save(store, insats, "Greta Gömd")
    assert greta.id is not None
    copy = backups.make_backup(db_path).path
    store.close()

    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), str(greta.id)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT name FROM person WHERE id = ?", (greta.id,)).fetchall() == []
    finally:
        con.close()
    assert b"Greta G\xc3\xb6md" in copy.read_bytes()  # the kill came before the cleaning

    opened = open_database(db_path)  # the next start
    try:
        assert b"Greta G\xc3\xb6md" not in copy.read_bytes()
        with opened.store.file.read() as con:
            assert con.execute("SELECT count(*) FROM pending_backup_erasure").fetchone() == (0,)
    finally:
        opened.close(backup=False)
    assert backups.backup_problem(copy) is None


def test_the_upgrade_keeps_every_person_and_never_reuses_their_ids(db_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    import db
    from app.store.engine import make_engine

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    engine = make_engine(db_path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0003")  # a file of the version before
    finally:
        engine.dispose()
    # Written as that version wrote it: today's models have columns 0003 had not.
    forbund_id = 1
    con = sqlite3.connect(db_path)
    with con:
        con.execute("INSERT INTO forbund (id, name) VALUES (?, ?)", (forbund_id, "Gävleborg"))
        con.executemany(
            "INSERT INTO person (id, forbund_id, name, email) VALUES (?, ?, ?, '')",
            [(1, forbund_id, "Anna Ärlig"), (2, forbund_id, "Bo Borta"), (3, forbund_id, "Cilla")],
        )
        con.execute("DELETE FROM person WHERE id = 2")
    con.close()

    store = Store.open(db_path)
    try:
        assert [p.name for p in store.people.all(forbund_id)] == ["Anna Ärlig", "Cilla"]
        assert [p.id for p in store.people.all(forbund_id)] == [1, 3]
        store.people.erase(3)
        newcomer = store.people.save(Person(None, forbund_id, "Ny Person"))
        assert newcomer.id == 4
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'person'").fetchone() == (
            4,
        )
    finally:
        con.close()


def test_after_a_restore_new_persons_still_get_ids_never_used(
    store: Store, insats: Insats, db_path: Path
) -> None:
    from app.store import restore

    anna = _save(store, insats, "Anna Ärlig")
    early = backups.make_backup(db_path).path
    gone = _save(store, insats, "Bo Borta")
    assert gone.id is not None
    store.people.erase(gone.id)  # in no activity: removed
    store.close()

    restore.restore(early, db_path)

    again = Store.open(db_path)
    try:
        newcomer = _save(again, insats, "Ny Person")
        assert anna.id is not None and newcomer.id is not None
        assert newcomer.id > gone.id > anna.id
    finally:
        again.close()
