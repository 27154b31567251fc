"""Backups of the database file: made with SQLite's online backup API, verified, rotated,
and restored without ever overwriting a damaged file.

A backup is a complete, self-contained SQLite file named
``<database name>-YYYY-MM-DD_HHMMSS[_n][-reason].sqlite3`` in the backup folder (by
default ``säkerhetskopior`` beside the database; the user may choose another disk).
It is written under a temporary name, checked with ``PRAGMA quick_check`` and only
then renamed; a copy that fails the check is thrown away and the older backups stay.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.core.atomic_file import fsync_file, fsync_folder
from app.core.backup_rotation import DEFAULT_POLICY, RotationPolicy, backups_to_keep
from app.core.errors import DomainError
from app.store import local_config
from app.store.file_checks import (
    PRIVATE_FOLDER,
    create_private_file,
    describe_sqlite_error,
    integrity_problem,
    make_private,
)

log = logging.getLogger(__name__)
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
SUFFIX = ".sqlite3"

# Why a backup was made: the slug in its file name, and how it reads in the program.
ON_CLOSE = "stangning"
MANUAL = "manuell"
BEFORE_RESTORE = "fore-aterstallning"
BEFORE_SCHEMA = "fore-schema-"
_REASON_LABELS = {
    ON_CLOSE: "Vid stängning",
    MANUAL: "Manuell",
    BEFORE_RESTORE: "Före återställning",
}


class BackupError(DomainError):
    pass


def reason_label(reason: str) -> str:
    if reason.startswith(BEFORE_SCHEMA):
        return f"Före uppgradering av databasen (version {reason.removeprefix(BEFORE_SCHEMA)})"
    return _REASON_LABELS.get(reason, reason or "–")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    sequence: int = 0  # the n of a second backup within the same second

    @property
    def order_key(self) -> datetime:
        """When it was taken, backups within one second told apart by their sequence."""
        return self.taken_at + timedelta(microseconds=self.sequence)

    @property
    def label(self) -> str:
        return reason_label(self.reason)

    @property
    def size_text(self) -> str:
        """The size as people read it: "208 kB", "7,1 MB"."""
        if self.size >= 1024 * 1024:
            return f"{self.size / (1024 * 1024):.1f} MB".replace(".", ",")
        return f"{max(1, round(self.size / 1024))} kB"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{4}}-\d{{2}}-\d{{2}}_\d{{6}})(?:_(\d+))?"
        rf"(?:-([a-z0-9-]+))?{re.escape(SUFFIX)}$"
    )


def backup_folder(db_path: Path) -> Path:
    return local_config.backup_folder(db_path)


def _info(pattern: re.Pattern[str], path: Path) -> BackupInfo | None:
    """The backup named ``path``, or None when the name is not a backup's."""
    m = pattern.match(path.name)
    if m is None:
        return None
    try:
        taken = datetime.strptime(m.group(1), STAMP_FORMAT)
        size = path.stat().st_size if path.is_file() else None
    except (ValueError, OSError):
        return None
    if size is None:
        return None
    return BackupInfo(path, taken, m.group(3) or "", size, int(m.group(2) or 0))


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``db_path`` in ``folder`` (default: its backup folder), newest first."""
    folder = folder or backup_folder(db_path)
    pattern = _pattern(db_path)
    found: list[BackupInfo] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        info = _info(pattern, Path(entry.path))
        if info is not None:
            found.append(info)
    found.sort(key=lambda b: b.order_key, reverse=True)
    return found


def _prepare_folder(db_path: Path, folder: Path) -> None:
    """Create the default folder if needed; a chosen folder must already be reachable
    (a USB stick that is not plugged in must not turn into a folder on the laptop)."""
    default = local_config.default_backup_folder(db_path)
    try:
        if folder.resolve() == default:
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        elif not folder.is_dir():
            if folder.parent.is_dir():
                folder.mkdir(mode=PRIVATE_FOLDER)
            else:
                raise BackupError(
                    f"Mappen för säkerhetskopior, {folder}, finns inte. Är USB-minnet eller "
                    "disken ansluten? Välj annars en annan mapp under Inställningar → "
                    "Säkerhetskopior."
                )
    except OSError as exc:
        raise BackupError(
            f"Mappen för säkerhetskopior, {folder}, kunde inte skapas: {exc.strerror or exc}."
        ) from exc


def _target(db_path: Path, folder: Path, reason: str, now: datetime) -> Path:
    stamp = now.strftime(STAMP_FORMAT)
    tail = f"-{reason}" if reason else ""
    n = 0
    while True:
        name = f"{db_path.stem}-{stamp}{f'_{n}' if n else ''}{tail}{SUFFIX}"
        if not (folder / name).exists():
            return folder / name
        n += 1


@contextlib.contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    mode = "ro" if read_only else "rw"
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=10.0)
    try:
        con.execute("PRAGMA secure_delete = ON")  # what is deleted is overwritten
        yield con
    finally:
        con.close()


def copy_into(source: Path, target: Path) -> None:
    """Copy the database ``source`` into the new file ``target`` with the backup API and
    make it self-contained (rollback journal, no -wal file), private, synced and checked."""
    create_private_file(target)
    with connect(source, read_only=True) as src, connect(target) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        rows = dst.execute("PRAGMA quick_check(5)").fetchall()
    if [str(r[0]) for r in rows] != ["ok"]:
        raise BackupError(
            "Kopian klarade inte kontrollen (quick_check): "
            + "; ".join(str(r[0]) for r in rows[:3])
        )
    make_private(target)
    fsync_file(target)


def make_backup(
    db_path: Path,
    *,
    reason: str = MANUAL,
    folder: Path | None = None,
    now: datetime | None = None,
    policy: RotationPolicy = DEFAULT_POLICY,
) -> BackupInfo:
    """Back up ``db_path`` now (readers and writers may go on), verify it, then rotate."""
    folder = folder or backup_folder(db_path)
    _prepare_folder(db_path, folder)
    target = _target(db_path, folder, reason, now or datetime.now())
    tmp = folder / f".{target.name}.{os.getpid()}.tmp"
    try:
        copy_into(db_path, tmp)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise BackupError(
            f"Säkerhetskopian kunde inte göras: {describe_sqlite_error(exc)}."
        ) from exc
    except OSError as exc:
        raise BackupError(
            f"Säkerhetskopian kunde inte skrivas till {folder}: {exc.strerror or exc}."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    fsync_folder(folder)
    made = _info(_pattern(db_path), target)
    assert made is not None  # the name was made by _target
    try:
        local_config.add_backup_place(db_path, folder, db_path.stem)
    except OSError as exc:
        log.warning("Mappen för säkerhetskopian kunde inte antecknas (%s)", exc.strerror or exc)
    rotate(db_path, folder, policy)
    _finish_erasures(db_path)
    return made


def _finish_erasures(db_path: Path) -> None:
    """A folder that was out when a person was erased may be back: finish the erasure
    there (see backup_erasure). The backup itself is made and kept whatever happens."""
    from app.store.backup_erasure import finish_pending_logged

    finish_pending_logged(db_path)


def rotate(
    db_path: Path, folder: Path | None = None, policy: RotationPolicy = DEFAULT_POLICY
) -> list[Path]:
    """Remove the backups the policy does not keep; returns the removed files."""
    backups = list_backups(db_path, folder)
    keep = backups_to_keep((b.order_key for b in backups), policy)
    removed: list[Path] = []
    for b in backups:
        if b.order_key in keep:
            continue
        with contextlib.suppress(OSError):
            b.path.unlink()
            removed.append(b.path)
    return removed


def backup_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be restored (Swedish), or None if it can."""
    if not path.is_file():
        return f"filen {path} finns inte"
    problem = integrity_problem(path)
    if problem is not None:
        return problem
    try:
        with connect(path, read_only=True) as con:
            has_version = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if has_version is None:
                return "filen är inte en databas från Insatslogg"
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    if row is None:
        return "filen saknar versionsuppgift och är inte en databas från Insatslogg"
    from app.store.migrations import known_revisions

    if str(row[0]) not in known_revisions():
        return (
            f"filen är skapad av en nyare version av Insatslogg (schemaversion {row[0]}); "
            "uppdatera programmet först"
        )
    return None


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes the checks, looking in the chosen and default folders."""
    folders = [backup_folder(db_path), local_config.default_backup_folder(db_path)]
    seen: set[Path] = set()
    candidates: list[BackupInfo] = []
    for folder in folders:
        if folder in seen:
            continue
        seen.add(folder)
        candidates.extend(list_backups(db_path, folder))
    candidates.sort(key=lambda b: b.order_key, reverse=True)
    for candidate in candidates:
        if backup_problem(candidate.path) is None:
            return candidate
    return None
