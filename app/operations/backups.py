"""The database's backups: which there are and where, take one now, check one, restore.

The window (app/ui/backup_dialog.py) and the command line (app/cli_backup.py) both go
through these functions. They take the database's path, not a Store: a backup is made
from the file with SQLite's online backup API (the program may have it open), and a
restore needs the database closed. What a backup is, how it is checked and rotated, is
app.store.backups; what a restore does to the file is app.store.restore.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.errors import DomainError
from app.store import backups, local_config
from app.store.backups import BackupInfo
from app.store.restore import RestoreResult


@dataclass(frozen=True)
class BackupListing:
    """The backups of a database in one folder, newest first."""

    folder: Path
    backups: list[BackupInfo]
    default_folder: bool  # no folder is chosen for the database: it is the default one


def backups_of(db_path: Path, folder: Path | None = None) -> BackupListing:
    """The backups of ``db_path`` in ``folder`` (default: the folder its backups go to)."""
    where = folder or backups.backup_folder(db_path)
    is_default = local_config.chosen_backup_folder(db_path) is None
    return BackupListing(where, backups.list_backups(db_path, folder), is_default)


def choose_backup_folder(db_path: Path, folder: Path | None) -> None:
    """Send the backups of ``db_path`` to ``folder`` from now on (None: the default
    folder beside the database). OSError when the choice cannot be saved."""
    local_config.set_backup_folder(db_path, folder)


def take_backup(db_path: Path, folder: Path | None = None) -> BackupInfo:
    """A manual backup now, checked before it counts, then the older ones rotated and
    the erasures still owed to the backup folders finished where they can be
    (``unfinished_erasures`` says what is still out of reach). BackupError (a
    DomainError, in Swedish) when it cannot be made."""
    if not db_path.exists():
        raise DomainError(f"Databasfilen {db_path} finns inte.")
    return backups.make_backup(db_path, reason=backups.MANUAL, folder=folder)


def unfinished_erasures(db_path: Path) -> str | None:
    """The erased persons still in copies out of reach, worded for the user; or None."""
    from app.store.backup_erasure import warning

    return warning(db_path)


def restore_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be restored (Swedish), or None when it can."""
    return backups.backup_problem(path)


def restore_closed(backup: Path, db_path: Path) -> RestoreResult:
    """Make ``db_path`` hold what ``backup`` holds, when no program has the database
    open (DatabaseInUse when one has). The state before is kept as a backup first; a
    damaged database is put aside, never overwritten."""
    from app.store import restore

    return restore.restore_unopened(backup, db_path)
