"""Opening a database the way the program and its commands do: look before trusting.

In order: the place (not a network share, writable), the instance lock (one Insatslogg
per file, whether it is reached by a symlink or a hard link; a crashed start's lock is
taken over), the temporary files a killed process left beside the database and in its
backup folders (removed), the file itself (a whole SQLite file by the one check,
Insatslogg's, not from a newer version; only a missing path is a new database, a 0-byte
file is damage), then the migrations (after a verified
backup). Closing makes a backup when anything was written, then lets go of the lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import DomainError
from app.core.temp_files import remove_left_over_temporary_files
from app.store import backups, local_config
from app.store.database import Store
from app.store.file_checks import (
    check_is_insatslogg,
    check_location,
    integrity_problem,
    version_problem,
)
from app.store.instance_lock import InstanceLock
from app.store.server_location import ServerLocation

log = logging.getLogger(__name__)


class DamagedDatabase(DomainError):
    """The file failed its integrity check. It has not been touched."""

    def __init__(self, path: Path, problem: str, backup: backups.BackupInfo | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is not None:
            advice = (
                f"Den senaste fungerande säkerhetskopian är från "
                f"{backup.taken_at:%Y-%m-%d %H:%M}. Återställ den med kommandot "
                f"”insatslogg restore {backup.path}” eller genom att starta programmet; "
                "den skadade filen sparas då åt sidan."
            )
        else:
            advice = _NO_BACKUP
        super().__init__(f"{self.headline()} {advice}")

    def headline(self) -> str:
        detail = "" if self.problem == "databasfilen är skadad" else f" ({self.problem})"
        return f"Databasen {self.path} är skadad{detail}. Den har inte öppnats och inte ändrats."

    def question(self) -> str:
        """What the window asks: restore the newest good backup?"""
        if self.backup is None:
            return f"{self.headline()}\n\n{_NO_BACKUP}"
        return (
            f"{self.headline()}\n\nDen senaste fungerande säkerhetskopian är från "
            f"{self.backup.taken_at:%Y-%m-%d %H:%M}:\n{self.backup.path}\n\nVill du "
            "återställa den? Den skadade filen sparas då åt sidan, så ingenting tas bort."
        )


_NO_BACKUP = (
    "Ingen fungerande säkerhetskopia hittades. Spara filen och kontakta den som sköter "
    "datorerna; en SQLite-kunnig kan ofta rädda det mesta med ”.recover”."
)


@dataclass
class OpenDatabase:
    """A database opened for use, with the instance lock when it was asked for."""

    store: Store
    lock: InstanceLock | None
    closed: bool = field(default=False)

    @property
    def path(self) -> Path:
        return self.store.path

    def needs_backup(self) -> bool:
        if self.store.server is not None:
            return False  # the server's own backups (see close)
        return self.store.file.commits > 0 or not backups.list_backups(self.path)

    def close(
        self, *, backup: bool = True, warn: Callable[[str], None] | None = None
    ) -> backups.BackupInfo | None:
        """Close the store, back it up if it changed (or has no backup yet), unlock.

        A failed backup raises BackupError (or, with ``warn``, is passed to it) after the
        store is closed and unlocked: the data itself is safe in the database.
        """
        if self.closed:
            return None
        self.closed = True
        made: backups.BackupInfo | None = None
        if backup and self.store.server is not None:
            log.info(SERVER_BACKUP_NOTE)
        try:
            wanted = backup and self.needs_backup()
            self.store.close()
            if wanted:
                made = backups.make_backup(self.path, reason=backups.ON_CLOSE)
                log.info("Säkerhetskopia vid stängning: %s (%d byte)", made.path.name, made.size)
        except backups.BackupError as exc:
            if warn is None:
                raise
            warn(f"{exc} Det som registrerats är sparat i databasen.")
        finally:
            if self.lock is not None:
                self.lock.release()
        return made


SERVER_BACKUP_NOTE = (
    "Ingen säkerhetskopia vid stängning: databasen ligger på en server, och serverns egna "
    "säkerhetskopior gäller (fråga IT). En kopia med pg_dump kan tas från Arkiv."
)


class EarlyCheck:
    """The integrity check (``PRAGMA integrity_check``), started in a thread while the
    window's libraries load.

    SQLite does its work without Python's global lock, so on a laptop's second core the
    check costs the start-up (almost) nothing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.expanduser()
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            if self.path.exists():
                self._problem = integrity_problem(self.path)
        except OSError:
            self._problem = None  # open_database reports what is wrong with the place

    def problem(self) -> str | None:
        self._thread.join()
        return self._problem


def check_file(path: Path, early: EarlyCheck | None = None) -> None:
    """Raise DamagedDatabase or NotInsatslogg for a file that cannot be trusted."""
    if early is not None and early.path == path:
        problem = early.problem()
    else:
        problem = integrity_problem(path)
    if problem is None:
        check_is_insatslogg(path)
        problem = version_problem(path)
    if problem is not None:
        log.warning("Kontrollen av %s hittade fel", path.name)
        raise DamagedDatabase(path, problem, backups.newest_good_backup(path))


def remove_left_overs(path: Path) -> None:
    """Remove the temporary files (copies of the database among them) that a killed
    backup, restore, migration or export left beside the database and in its backup
    folders."""
    folders = {path.parent, local_config.default_backup_folder(path)}
    folders.add(backups.backup_folder(path))
    for folder in folders:
        removed = remove_left_over_temporary_files(folder)
        if removed:
            log.info("%d tillfälliga filer efter ett avbrutet program togs bort", len(removed))


def open_database(
    path: Path | ServerLocation,
    *,
    exclusive: bool = True,
    must_exist: bool = False,
    early: EarlyCheck | None = None,
) -> OpenDatabase:
    """Check, lock (when ``exclusive``) and open ``path``, creating it if missing (and
    only then: an empty or unreadable file is DamagedDatabase).

    A ServerLocation is a database on a server (app.store.server_opening).
    ``early`` is an integrity check already under way for ``path``.
    ``exclusive=False`` is for commands that only read (a summary, an export): they may
    run while the program has the file open.
    """
    if isinstance(path, ServerLocation):  # no file: no file checks, no lock
        from app.store.server_opening import open_server_store

        return OpenDatabase(open_server_store(path), None)
    path = path.expanduser()
    if must_exist and not path.exists():
        raise DomainError(f"Databasfilen {path} finns inte.")
    check_location(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock.acquire(path) if exclusive else None
    if lock is not None and lock.stale is not None:
        log.info("Ett lås efter ett avbrutet program togs över (%s)", lock.path.name)
    try:
        remove_left_overs(path)
        if path.exists():
            check_file(path, early)
        store = Store.open(path)
        if lock is not None:
            try:
                lock.hold_identity()  # a new file has an identity only now
            except BaseException:
                store.close()
                raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    log.info("Databasen %s öppnad", path.name)
    if lock is not None:
        finish_erasures(store)
    return OpenDatabase(store, lock)


def finish_erasures(store: Store) -> None:
    """What an earlier run left unfinished of an erasure, done first: the -wal emptied
    into the file (a reader may have kept it), the backups cleaned (a crash, a USB stick
    that was out). Only with the lock: a reading command does not write."""
    wal = Path(f"{store.path}-wal")
    if wal.exists() and wal.stat().st_size > 0 and not store.file.checkpoint():
        log.info("Loggfilen kunde inte tömmas in i %s vid start", store.path.name)
    from app.store.backup_erasure import finish_pending_logged

    finish_pending_logged(store.path)
