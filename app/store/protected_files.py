"""The program's own files, which no export may replace, and the check every export
makes (in the commands and in the window) before it writes.

For a database: the file, its -wal, -shm and -journal files (beside the path and beside
the file a symlink leads to), its lock files, the damaged copies kept aside
(``<name>.skadad-…``), every file in the backup folder beside it (the program's own
``säkerhetskopior``), the database's backups in a folder the user chose (not every file
there: it may be a folder the user also keeps reports in, and a report saved over last
year's must not be refused), and this computer's settings file. Any SQLite file, a backup
of another database too, is refused by atomic_write itself. They are compared by identity
(``app.core.protected_targets``): a symlink or a hard link to the database is the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.protected_targets import Protected, refuse_protected_target
from app.store import backups, local_config
from app.store.instance_lock import identity_lock_path, lock_path

DATABASE = "är programmets databas"
COMPANION = "hör till programmets databas"
LOCK = "är programmets låsfil för databasen"
KEPT_ASIDE = "är en skadad databas som programmet sparat åt sidan"
BACKUP = "ligger bland databasens säkerhetskopior"
SETTINGS = "är programmets inställningsfil"
_COMPANIONS = ("-wal", "-shm", "-journal")


def _files_in(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.is_file()]
    except OSError:  # not there (a USB stick not plugged in): nothing in it to harm
        return []


def protected_files(db_path: Path) -> list[Protected]:
    """Every file of ``db_path``'s that an export must leave alone."""
    db_path = db_path.expanduser()
    real = Path(os.path.realpath(db_path))
    found = [Protected(db_path, DATABASE), Protected(real, DATABASE)]
    for base in dict.fromkeys((db_path, real)):
        found += [Protected(Path(f"{base}{extra}"), COMPANION) for extra in _COMPANIONS]
    found.append(Protected(lock_path(db_path), LOCK))
    identity = identity_lock_path(db_path)
    if identity is not None:
        found.append(Protected(identity, LOCK))
    for folder in dict.fromkeys((real.parent, db_path.parent)):
        found += [
            Protected(p, KEPT_ASIDE)
            for p in _files_in(folder)
            if p.name.startswith(f"{db_path.stem}.skadad-")
            or p.name.startswith(f"{real.stem}.skadad-")
        ]
    default = local_config.default_backup_folder(db_path)
    found += [Protected(p, BACKUP) for p in _files_in(default)]
    chosen = local_config.chosen_backup_folder(db_path)
    if chosen is not None:
        found += [Protected(b.path, BACKUP) for b in backups.list_backups(db_path, chosen)]
    found.append(Protected(local_config.config_dir() / local_config.CONFIG_FILENAME, SETTINGS))
    return found


def check_export_target(target: Path, db_path: Path | None) -> None:
    """ProtectedTarget (a DomainError, in Swedish) when ``target`` is one of the files of
    the database at ``db_path``; nothing to check without a database."""
    if db_path is not None:
        refuse_protected_target(target, protected_files(db_path))
