"""A new database, set up: the one path the first start's dialog, ``insatslogg init``,
Arkiv → Ny databas…, the demo, the tests and the benches take to make a database.

The file is built whole under a private temporary name beside the target -- schema,
förbund, insats, kommuner, organisations and activity types, the set-up in one
transaction -- and only then given its name. An existing file is never touched: it is
refused before anything is written, and the rename itself will not replace a file that
appeared meanwhile (where the file system can tell).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from app.core.atomic_file import fsync_file, fsync_folder
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.setup import InitialSetup, validate_setup
from app.core.temp_files import temporary_name
from app.store import migrations
from app.store.database import Store
from app.store.file_checks import check_location, make_private

_COMPANIONS = ("", "-wal", "-shm", "-journal")
_NEW_LEAD = "En ny databas skapas bara i en ny fil"


class FileExists(DomainError):
    """The chosen file already exists; nothing has been written."""

    def __init__(self, path: Path, lead: str = _NEW_LEAD) -> None:
        self.path = path
        super().__init__(
            f"Filen {path} finns redan. {lead}, så den har inte ändrats. Välj ett annat filnamn."
        )


def refuse_existing(path: Path, lead: str = _NEW_LEAD) -> None:
    """FileExists when ``path`` (or a leftover -wal of it) is there."""
    if path.exists() or path.is_symlink() or Path(f"{path}-wal").exists():
        raise FileExists(path, lead)


def set_up(store: Store, setup: InitialSetup) -> Insats:
    """Write ``setup`` into an open database that has none yet (validated, in one
    transaction). The first start sets up the file it has just opened this way."""
    insats = store.reference.set_up(setup)
    store.changes.collect(label="lägg upp förbund och insats", locked=True)
    return insats


def create_database(path: Path, setup: InitialSetup) -> Insats:
    """Create the database ``path`` set up with ``setup``; returns its current insats.

    Refuses an existing file (FileExists), a set-up that does not validate
    (ValidationError) and a place the program cannot keep a database (a network share,
    a folder that cannot be written), all before any file is made. If anything fails,
    no file is left behind.
    """
    path = Path(path).expanduser()
    refuse_existing(path)
    setup = validate_setup(setup)
    check_location(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    work = temporary_name(path)
    try:
        migrations.create_database(work)
        make_private(work)
        store = Store(work)
        try:
            insats = set_up(store, setup)
        finally:
            store.close()
        make_self_contained(work)
        rename_without_replacing(work, path)
    finally:
        for extra in _COMPANIONS:
            Path(f"{work}{extra}").unlink(missing_ok=True)
    fsync_folder(path.parent)
    return insats


def make_self_contained(path: Path) -> None:
    """One file: the write-ahead log emptied into it and switched off, synced."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()
    fsync_file(path)


def rename_without_replacing(work: Path, path: Path, lead: str = _NEW_LEAD) -> None:
    """Give ``work`` the name ``path``; FileExists if a file by that name appeared."""
    try:
        os.link(work, path)  # fails, rather than replaces, when the name is taken
    except FileExistsError as exc:
        raise FileExists(path, lead) from exc
    except OSError:
        # No hard links here (a FAT-formatted USB stick): look once more, then rename.
        refuse_existing(path, lead)
        os.replace(work, path)
        return
    with contextlib.suppress(OSError):
        work.unlink()
