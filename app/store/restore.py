"""Restoring a backup, and keeping a damaged database aside instead of overwriting it.

"Damaged" is decided by the one check (file_checks.integrity_problem and
version_problem): a database that does not pass it is never overwritten in place, and a
restore whose result does not pass it is undone.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.atomic_file import fsync_folder, new_temporary_file
from app.core.temp_files import remove_left_over_temporary_files
from app.store.backup_files import connect
from app.store.backups import (
    BEFORE_RESTORE,
    STAMP_FORMAT,
    BackupError,
    BackupInfo,
    CopyFailedCheck,
    backup_problem,
    copy_into,
    make_backup,
)
from app.store.file_checks import (
    check_location,
    describe_sqlite_error,
    integrity_problem,
    make_private,
    version_problem,
)
from app.store.instance_lock import InstanceLock


def _aside_name(db_path: Path, now: datetime) -> Path:
    stamp = now.strftime(STAMP_FORMAT)
    n = 0
    while True:
        extra = f"_{n}" if n else ""
        candidate = db_path.with_name(f"{db_path.stem}.skadad-{stamp}{extra}{db_path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


_COMPANIONS = ("-wal", "-shm", "-journal")


def _move_with_companions(source: Path, target: Path) -> None:
    for extra in _COMPANIONS:
        companion = Path(f"{source}{extra}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{extra}"))
    os.replace(source, target)
    fsync_folder(target.parent)


def keep_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal and -shm files) out of the way; never delete.

    Returns the new name of the main file.
    """
    aside = _aside_name(db_path, now or datetime.now())
    _move_with_companions(db_path, aside)
    return aside


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_backup: BackupInfo | None  # the state just before, when it was whole
    damaged_kept_as: Path | None  # where a damaged database was put aside


def _problem(path: Path) -> str | None:
    return integrity_problem(path) or version_problem(path)


def _copy_in_place(source: Path, db_path: Path) -> None:
    """Overwrite the whole database ``db_path`` page by page, in one transaction."""
    with connect(source, read_only=True) as src, connect(db_path) as dst:
        src.backup(dst)
    with connect(db_path) as con:
        con.execute("PRAGMA journal_mode = WAL")


def _put_in_place(source: Path, db_path: Path) -> Path | None:
    """Copy ``source`` (checked) beside ``db_path``, keep ``db_path`` aside (if there is
    one) and rename the copy into its place. Returns where the old file was put."""
    aside: Path | None = None
    tmp = new_temporary_file(db_path)
    try:
        copy_into(source, tmp)
        if db_path.exists():
            aside = keep_aside(db_path)
        for extra in _COMPANIONS:
            Path(f"{db_path}{extra}").unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except BaseException:
        if aside is not None and not db_path.exists():
            _move_with_companions(aside, db_path)
        raise
    finally:
        for extra in ("", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    fsync_folder(db_path.parent)
    return aside


def _undo(previous: BackupInfo, db_path: Path, problem: str) -> BackupError:
    """Put the state before back after a restore whose result failed the check."""
    _copy_in_place(previous.path, db_path)
    if _problem(db_path) is not None:
        _put_in_place(previous.path, db_path)
    return BackupError(
        f"Återställningen gav en databas som inte klarade kontrollen ({problem}). Den är "
        f"ångrad: databasen är som före återställningen (också sparad som "
        f"{previous.path})."
    )


def restore(backup: Path, db_path: Path) -> RestoreResult:
    """Make ``db_path`` hold what ``backup`` holds.

    The caller must hold the database's instance lock and have closed its connections.
    A database that passes the check is first backed up itself (so a restore can be
    undone), then overwritten page by page through SQLite's backup API, in one
    transaction; if the result does not pass the check, the state before is put back. A
    database that does not pass the check (an empty file included) is never overwritten:
    it is renamed aside and a checked copy of the backup renamed into its place. An older
    backup is brought up to date by the migrations the next time it is opened.
    """
    problem = backup_problem(backup)
    if problem is not None:
        raise BackupError(f"Säkerhetskopian {backup.name} kan inte återställas: {problem}.")
    if backup.resolve() == db_path.resolve():
        raise BackupError("Välj en säkerhetskopia, inte databasen själv.")
    remove_left_over_temporary_files(db_path.parent)
    previous: BackupInfo | None = None
    aside: Path | None = None
    used_ids = _person_ids_used(db_path)
    try:
        if db_path.exists() and backup_problem(db_path) is None:
            previous = make_backup(db_path, reason=BEFORE_RESTORE, protect=backup)
            _copy_in_place(backup, db_path)
            result = _problem(db_path)
            if result is not None:
                raise _undo(previous, db_path, result)
        else:
            aside = _put_in_place(backup, db_path)
        _never_reuse(db_path, used_ids)
    except CopyFailedCheck as failed:
        raise BackupError(
            f"Återställningen misslyckades: kopian av säkerhetskopian klarade inte kontrollen "
            f"({failed.problem}). Databasen är oförändrad."
        ) from failed
    except sqlite3.Error as exc:
        raise BackupError(
            f"Återställningen misslyckades: {describe_sqlite_error(exc)}. Databasen är oförändrad."
        ) from exc
    except OSError as exc:
        raise BackupError(
            f"Återställningen misslyckades: {exc.strerror or exc}. Databasen är oförändrad."
        ) from exc
    make_private(db_path)
    return RestoreResult(backup, previous, aside)


def _person_ids_used(db_path: Path) -> int:
    """The highest person id the database has handed out (0 when it cannot be read)."""
    try:
        with connect(db_path, read_only=True) as con:
            row = con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'person'").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row is not None else 0


def _never_reuse(db_path: Path, used: int) -> None:
    """After a restore, new persons still get ids the database never handed out: an id
    erased since the backup may still be owed to a backup folder (backup_erasure), which
    must not then lose the newcomer. (A backup from before person ids were AUTOINCREMENT
    gets its sequence from its highest id when it is upgraded.)"""
    if used <= 0:
        return
    with connect(db_path) as con, con:
        row = con.execute("SELECT sql FROM sqlite_master WHERE name = 'person'").fetchone()
        if row is None or "AUTOINCREMENT" not in str(row[0]).upper():
            return
        con.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'person'", (used,))
        if con.execute("SELECT changes()").fetchone()[0] == 0:
            con.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('person', ?)", (used,))


def restore_unopened(backup: Path, db_path: Path) -> RestoreResult:
    """Restore into a database that no program has open, holding its instance lock for
    the while (DatabaseInUse when Insatslogg has it open)."""
    check_location(db_path)
    lock = InstanceLock.acquire(db_path)
    try:
        return restore(backup, db_path)
    finally:
        lock.release()
