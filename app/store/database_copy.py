"""Arkiv → Spara en kopia som…: a consistent copy of the open database in a new file.

The copy is made with SQLite's backup API (the same as a backup, so readers and writers
may go on), checked with the full check, written under a private temporary name beside
the target and only then given its name. An existing file is never replaced.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.atomic_file import fsync_folder, new_temporary_file
from app.core.errors import DomainError
from app.store.backups import CopyFailedCheck, copy_into
from app.store.file_checks import check_location, describe_sqlite_error
from app.store.new_database import FileExists, refuse_existing, rename_without_replacing

_COPY_LEAD = "En kopia sparas bara i en ny fil"


def save_copy(source: Path, target: Path) -> Path:
    """Copy the database ``source`` to the new file ``target``; returns ``target``.

    FileExists for an existing target (nothing written), DomainError in Swedish when the
    copy fails its check or cannot be written (the database itself is untouched).
    """
    target = Path(target).expanduser()
    refuse_existing(target, _COPY_LEAD)
    check_location(target)
    tmp = new_temporary_file(target)
    try:
        copy_into(source, tmp)
        rename_without_replacing(tmp, target, _COPY_LEAD)
    except FileExists:
        raise
    except CopyFailedCheck as failed:
        raise DomainError(
            f"Kopian klarade inte kontrollen ({failed.problem}) och sparades inte. Databasen "
            "är oförändrad; starta om Insatslogg så kontrolleras den."
        ) from failed
    except sqlite3.Error as exc:
        raise DomainError(f"Kopian kunde inte göras: {describe_sqlite_error(exc)}.") from exc
    finally:
        for extra in ("", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    fsync_folder(target.parent)
    return target
