"""Backups of the database file: made with SQLite's online backup API, verified, rotated,
and restored without ever overwriting a damaged file.

A backup is a complete, self-contained SQLite file named
``<database name>-YYYY-MM-DD_HHMMSS[_n][-reason].sqlite3`` in the backup folder (by
default ``säkerhetskopior`` beside the database; the user may choose another disk).
It is written under a temporary name (readable by its owner only), checked with
``PRAGMA integrity_check`` -- the same check that decides whether the database is opened
-- and only then renamed. A copy that fails the check is never counted as a backup: it
is kept aside as ``<backup name>.skadad.sqlite3`` (only the newest such copy), the user
is told, and the older backups stay. Rotation never removes the newest backup that
passes the check.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.core.atomic_file import fsync_file, fsync_folder, new_temporary_file
from app.core.backup_rotation import DEFAULT_POLICY, RotationPolicy, backups_to_keep
from app.core.errors import DomainError
from app.core.temp_files import remove_left_over_temporary_files
from app.store import local_config
from app.store.backup_files import DAMAGED, SUFFIX, connect, damaged_copies
from app.store.file_checks import (
    PRIVATE_FOLDER,
    describe_sqlite_error,
    integrity_problem,
    make_private,
    version_problem,
)
from app.store.schema_versions import known_revisions

log = logging.getLogger(__name__)
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"

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


class CopyFailedCheck(BackupError):
    """The copy was made but does not pass the check (the source is damaged)."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(f"Kopian klarade inte kontrollen: {problem}")


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


def copy_into(source: Path, target: Path) -> None:
    """Copy the database ``source`` into the empty private file ``target`` with the backup
    API and make it self-contained (rollback journal, no -wal file), synced and checked
    with the full check (CopyFailedCheck when it fails)."""
    with connect(source, read_only=True) as src, connect(target) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    problem = integrity_problem(target)
    if problem is not None:
        raise CopyFailedCheck(problem)
    make_private(target)
    fsync_file(target)


def _keep_damaged_copy(db_path: Path, copy: Path, target: Path) -> Path | None:
    """Rename a copy that failed the check to ``<target>.skadad.sqlite3``, replacing an
    older such copy (the damaged database itself is still there); None if it could not."""
    aside = target.with_name(f"{target.stem}{DAMAGED}{SUFFIX}")
    older = damaged_copies(db_path, target.parent)
    try:
        make_private(copy)
        os.replace(copy, aside)
    except OSError:
        return None
    for path in older:
        if path != aside:
            with contextlib.suppress(OSError):
                path.unlink()
    return aside


def _failed_check_message(failed: CopyFailedCheck, aside: Path | None) -> str:
    where = (
        f" Kopian sparades åt sidan som {aside} och räknas inte som säkerhetskopia."
        if aside is not None
        else ""
    )
    return (
        f"Säkerhetskopian kunde inte göras: kopian klarade inte kontrollen ({failed.problem}), "
        f"så databasen är troligen skadad.{where} De tidigare säkerhetskopiorna är orörda. "
        "Starta om Insatslogg: då kontrolleras databasen, och är den skadad erbjuds du den "
        "senaste fungerande säkerhetskopian."
    )


def make_backup(
    db_path: Path,
    *,
    reason: str = MANUAL,
    folder: Path | None = None,
    now: datetime | None = None,
    policy: RotationPolicy = DEFAULT_POLICY,
    protect: Path | None = None,
) -> BackupInfo:
    """Back up ``db_path`` now (readers and writers may go on), verify it, then rotate
    (never removing ``protect``: the backup about to be restored)."""
    folder = folder or backup_folder(db_path)
    _prepare_folder(db_path, folder)
    remove_left_over_temporary_files(folder)
    target = _target(db_path, folder, reason, now or datetime.now())
    tmp: Path | None = None
    try:
        tmp = new_temporary_file(target)
        copy_into(db_path, tmp)
        os.replace(tmp, target)
    except CopyFailedCheck as failed:
        assert tmp is not None
        aside = _keep_damaged_copy(db_path, tmp, target)
        log.warning("En säkerhetskopia klarade inte kontrollen och sparades åt sidan")
        raise BackupError(_failed_check_message(failed, aside)) from failed
    except sqlite3.Error as exc:
        raise BackupError(
            f"Säkerhetskopian kunde inte göras: {describe_sqlite_error(exc)}."
        ) from exc
    except OSError as exc:
        raise BackupError(
            f"Säkerhetskopian kunde inte skrivas till {folder}: {exc.strerror or exc}."
        ) from exc
    finally:
        if tmp is not None:
            for extra in ("", "-journal"):
                Path(f"{tmp}{extra}").unlink(missing_ok=True)
    fsync_folder(folder)
    made = _info(_pattern(db_path), target)
    assert made is not None  # the name was made by _target
    try:
        local_config.add_backup_place(db_path, folder, db_path.stem)
    except OSError as exc:
        log.warning("Mappen för säkerhetskopian kunde inte antecknas (%s)", exc.strerror or exc)
    rotate(db_path, folder, policy, checked=made.path, protect=protect)
    _finish_erasures(db_path)
    return made


def _finish_erasures(db_path: Path) -> None:
    """A folder that was out when a person was erased may be back: finish the erasure
    there (see backup_erasure). The backup itself is made and kept whatever happens."""
    from app.store.backup_erasure import finish_pending_logged

    finish_pending_logged(db_path)


def newest_passing(backups: list[BackupInfo], checked: Path | None = None) -> BackupInfo | None:
    """The newest of ``backups`` (newest first) that passes the check; ``checked`` is one
    just made and checked, which need not be checked again."""
    for b in backups:
        if b.path == checked or backup_problem(b.path) is None:
            return b
    return None


def rotate(
    db_path: Path,
    folder: Path | None = None,
    policy: RotationPolicy = DEFAULT_POLICY,
    *,
    checked: Path | None = None,
    protect: Path | None = None,
) -> list[Path]:
    """Remove the backups the policy does not keep, but never the newest one that passes
    the check (``checked``: a backup just made and checked) nor ``protect``; returns the
    removed files."""
    backups = list_backups(db_path, folder)
    good = newest_passing(backups, checked)
    keep = backups_to_keep(
        (b.order_key for b in backups), policy, newest_good=None if good is None else good.order_key
    )
    removed: list[Path] = []
    protected = None if protect is None else protect.resolve()
    for b in backups:
        if b.order_key in keep or b.path.resolve() == protected:
            continue
        with contextlib.suppress(OSError):
            b.path.unlink()
            removed.append(b.path)
    return removed


def backup_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be restored (Swedish), or None if it can: the same
    check that decides whether a database is opened, then that it is Insatslogg's and
    not from a newer version."""
    if not path.is_file():
        return f"filen {path} finns inte"
    problem = integrity_problem(path) or version_problem(path)
    if problem is not None:
        return problem
    try:
        with connect(path, read_only=True) as con:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    if row is None or str(row[0]) not in known_revisions():
        version = "okänd" if row is None else row[0]
        return (
            f"filen är skapad av en nyare version av Insatslogg (schemaversion {version}); "
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
    return newest_passing(candidates)
