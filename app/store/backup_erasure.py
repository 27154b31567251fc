"""An erased person must leave every copy of the database, not only the database.

The copies are: the backups in every folder a backup was ever written to (the local
config keeps the list, see local_config.backup_places), under any name they were given
(a backup made through a link to the file is named after the link); the damaged
databases kept aside beside it (``<name>.skadad-…``); and the copies another part of
the program names through ``extra_copies`` (backups that failed their check; leftover
temporary copies are removed).

The work is recorded before it starts: the erasure's own transaction writes each
person's id to ``pending_backup_erasure``, and the rows are removed only once every
place has been cleaned or written down in the local config as still owed (a folder out
of reach, a copy that could not be changed). ``finish_pending`` does the work; it runs
after every erasure, when the program opens a database, and after every backup, so a
crash, an unplugged USB stick or a damaged copy only delays it. Copies forget persons by
id — a person renamed since the backup is still the same person — and ids are never
reused (the person table has AUTOINCREMENT).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from pathlib import Path

from app.core.atomic_file import fsync_file
from app.core.people import ERASED_NAME
from app.store import local_config
from app.store.backup_files import SUFFIX, connect, damaged_copies
from app.store.change_scrub import scrub_people
from app.store.local_config import FILE, FOLDER

log = logging.getLogger(__name__)
Pending = dict[Path, tuple[str, set[int]]]


def extra_copies(db_path: Path) -> list[Path]:
    """Further copies of ``db_path`` the program itself left: backups kept aside because
    they failed the check (``<backup>.skadad.sqlite3``) in every backup folder.

    Temporary copies that a killed backup, restore or export left are not copies to
    clean but files to remove: that is done first, in the database's folder and in every
    backup folder. A temporary file whose process still runs becomes a backup, which the
    next ``finish_pending`` (after every backup) reaches.
    """
    from app.core.temp_files import remove_left_over_temporary_files

    found: list[Path] = []
    for folder in sorted({db_path.parent, *_folders(db_path)}):
        remove_left_over_temporary_files(folder)
        found += damaged_copies(db_path, folder)
    return found


def pending_ids(db_path: Path) -> set[int]:
    """The persons whose erasure has not yet been carried to the copies."""
    with connect(db_path, read_only=True) as con:
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending_backup_erasure'"
        ).fetchone()
        if has_table is None:  # a file of an older schema, before its migration
            return set()
        return {int(r[0]) for r in con.execute("SELECT person_id FROM pending_backup_erasure")}


def finish_pending(db_path: Path) -> int:
    """Carry every pending erasure to every copy; returns how many copies were changed.

    Places that cannot be reached or changed are written down (by id) in the local
    config, to be tried again; ``warning`` words them for the user.
    """
    now = pending_ids(db_path)
    owed = local_config.pending_erasures(db_path)
    if not now and not owed:
        return 0
    still: Pending = {}
    done: set[Path] = set()
    changed = 0
    stems = _stems(db_path)
    folders = {f.resolve() for f in _folders(db_path)}
    folders |= {place for place, (kind, _) in owed.items() if kind == FOLDER}
    for folder in sorted(folders):
        ids = now | _owed(owed, folder, FOLDER)
        files = _backups_in(folder, stems)
        if files is None:
            if ids and folder != local_config.default_backup_folder(db_path):
                still[folder] = (FOLDER, ids)  # unplugged, or not ours to read
            continue
        for path in files:
            done.add(path)
            changed += _clean(path, ids | _owed(owed, path, FILE), still)
    loose = _aside_copies(db_path, stems) + extra_copies(db_path)
    loose += [place for place, (kind, _) in owed.items() if kind == FILE]
    for path in dict.fromkeys(loose):
        if path in done:
            continue
        done.add(path)
        ids = now | _owed(owed, path, FILE)
        if path.exists():
            changed += _clean(path, ids, still)
        elif ids and not path.parent.is_dir():
            still[path] = (FILE, ids)  # on a disk that is out; a removed file is done
    if still != owed:
        local_config.set_pending_erasures(db_path, still)
    if now:
        _forget_pending(db_path, now)
    _log(still, changed)
    return changed


def finish_pending_logged(db_path: Path) -> int:
    """``finish_pending``, a failure logged instead of raised: what is pending stays
    recorded in the database and is tried again at the next start."""
    try:
        return finish_pending(db_path)
    except (sqlite3.Error, OSError) as exc:
        log.warning("Väntande raderingar kunde inte slutföras (%s)", type(exc).__name__)
        return 0


def warning(db_path: Path) -> str | None:
    """What the user must be told about copies an erasure has not yet reached (Swedish),
    or None when it reached them all."""
    owed = local_config.pending_erasures(db_path)
    folders = sorted(str(p) for p, (kind, _) in owed.items() if kind == FOLDER)
    files = sorted(str(p) for p, (kind, _) in owed.items() if kind == FILE)
    parts: list[str] = []
    if folders:
        where = "den här mappen" if len(folders) == 1 else "de här mapparna"
        parts.append(
            f"Raderingen har ännu inte nått säkerhetskopiorna i {where}, som inte gick att "
            "nå:\n" + "\n".join(folders) + "\nÄr USB-minnet eller disken ansluten? "
            "Programmet försöker igen vid nästa start och vid nästa säkerhetskopia."
        )
    if len(files) == 1:
        parts.append(
            "Raderingen kunde inte göras i den här kopian av databasen, som är skadad eller "
            f"skrivskyddad:\n{files[0]}\nTa bort filen om den inte behövs; annars försöker "
            "programmet igen vid nästa start."
        )
    elif files:
        parts.append(
            "Raderingen kunde inte göras i de här kopiorna av databasen, som är skadade eller "
            "skrivskyddade:\n" + "\n".join(files) + "\nTa bort filerna om de inte behövs; "
            "annars försöker programmet igen vid nästa start."
        )
    return "\n\n".join(parts) or None


# --- where the copies are ----------------------------------------------------------------


def _folders(db_path: Path) -> set[Path]:
    """Every folder a backup was written to, and the chosen and default ones (which may
    hold backups made before the list was kept)."""
    return {
        *local_config.backup_places(db_path),
        local_config.backup_folder(db_path),
        local_config.default_backup_folder(db_path),
    }


def _stems(db_path: Path) -> set[str]:
    """The names the database's copies begin with: its own, its real file's, and every
    name a backup of it was given."""
    stems = {db_path.stem, db_path.expanduser().resolve().stem}
    for names in local_config.backup_places(db_path).values():
        stems |= names
    return stems


def _backups_in(folder: Path, stems: set[str]) -> list[Path] | None:
    """The backup files in ``folder`` named after one of ``stems``; None when the folder
    cannot be read (a USB stick that is not plugged in)."""
    pattern = re.compile(
        rf"^(?:{'|'.join(re.escape(s) for s in sorted(stems))})-\d{{4}}-\d{{2}}-\d{{2}}_"
        rf"\d{{6}}(?:_\d+)?(?:-[a-z0-9-]+)?{re.escape(SUFFIX)}$"
    )
    try:
        with os.scandir(folder) as entries:
            return sorted(Path(e.path) for e in entries if pattern.match(e.name) and e.is_file())
    except OSError:
        return None


def _aside_copies(db_path: Path, stems: set[str]) -> list[Path]:
    """Damaged databases restore kept aside beside the file (or beside the link to it)."""
    suffix = db_path.suffix
    pattern = re.compile(
        rf"^(?:{'|'.join(re.escape(s) for s in sorted(stems))})\.skadad-"
        rf"\d{{4}}-\d{{2}}-\d{{2}}_\d{{6}}(?:_\d+)?{re.escape(suffix)}$"
    )
    found: list[Path] = []
    for folder in dict.fromkeys((db_path.parent, db_path.expanduser().resolve().parent)):
        try:
            with os.scandir(folder) as entries:
                found += sorted(Path(e.path) for e in entries if pattern.match(e.name))
        except OSError:
            continue
    return found


def _owed(owed: Pending, place: Path, kind: str) -> set[int]:
    entry = owed.get(place)
    return entry[1] if entry is not None and entry[0] == kind else set()


# --- cleaning one copy -------------------------------------------------------------------


def _clean(path: Path, ids: set[int], still: Pending) -> int:
    """Erase ``ids`` in the copy at ``path``: 1 if it changed, 0 if not. A copy that
    cannot be changed is written down in ``still``."""
    if not ids:
        return 0
    try:
        return 1 if erase_ids_in(path, ids) else 0
    except (sqlite3.Error, OSError):
        still[path] = (FILE, ids)
        return 0


def erase_ids_in(path: Path, ids: set[int]) -> bool:
    """Erase the persons ``ids`` in the database copy at ``path`` by the database's own
    rule: a person linked to activities keeps an anonymous row, so that the copy's counts
    do not change; an unlinked person is removed. Deleted content is overwritten
    (secure_delete, set by ``connect``) and a -wal beside the copy is emptied into it.
    Returns whether the copy changed; raises sqlite3.Error when it cannot be read."""
    marks = ",".join("?" * len(ids))
    wanted = sorted(ids)
    with connect(path) as con:
        has_people = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person'"
        ).fetchone()
        if has_people is None:
            return False
        named = [
            int(r[0])
            for r in con.execute(
                f"SELECT id FROM person WHERE id IN ({marks}) "
                "AND (name <> '' OR email <> '' OR organisation_id IS NOT NULL)",
                wanted,
            )
        ]
        if not named:
            return False
        these = ",".join("?" * len(named))
        with con:
            linked = {
                int(r[0])
                for r in con.execute(
                    f"SELECT DISTINCT person_id FROM activity_participant "
                    f"WHERE person_id IN ({these})",
                    named,
                )
            }
            con.execute(
                f"UPDATE person SET name = '', email = '', organisation_id = NULL "
                f"WHERE id IN ({these})",
                named,
            )
            unlinked = [i for i in named if i not in linked]
            if unlinked:
                con.execute(
                    f"DELETE FROM person WHERE id IN ({','.join('?' * len(unlinked))})", unlinked
                )
            has_log = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_row'"
            ).fetchone()
            scrub_people(con.execute, has_log is not None, named, ERASED_NAME)
        if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    fsync_file(path)
    return True


def _forget_pending(db_path: Path, ids: set[int]) -> None:
    with connect(db_path) as con, con:
        con.execute(
            f"DELETE FROM pending_backup_erasure WHERE person_id IN ({','.join('?' * len(ids))})",
            sorted(ids),
        )


def _log(still: Pending, changed: int) -> None:
    """Counts and file or folder names only: never who was erased."""
    if changed:
        log.info("Raderade personer borttagna ur %d kopior av databasen", changed)
    folders = sorted(p.name for p, (kind, _) in still.items() if kind == FOLDER)
    files = sorted(p.name for p, (kind, _) in still.items() if kind == FILE)
    if folders:
        log.warning(
            "Raderingen nådde inte säkerhetskopiorna i %d %s som inte gick att nå (%s)",
            len(folders),
            "mapp" if len(folders) == 1 else "mappar",
            ", ".join(folders),
        )
    if files:
        log.warning(
            "Raderingen kunde inte göras i %d %s av databasen (%s)",
            len(files),
            "kopia" if len(files) == 1 else "kopior",
            ", ".join(files),
        )
