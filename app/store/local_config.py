"""Settings of this computer that must be found even when the database cannot be read.

The backup folder is one: after a damaged database is found, its backups still have to
be located. So are every folder a backup was ever written to, and the erasures that have
not yet reached one of them (ids only). They are kept per database file in a small JSON
file in the user's config folder (``$INSATSLOGG_CONFIG_DIR`` overrides it), written to a
temporary name and renamed so that a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from app.core.atomic_file import atomic_write

CONFIG_ENV = "INSATSLOGG_CONFIG_DIR"
CONFIG_FILENAME = "insatslogg.json"
DEFAULT_BACKUP_FOLDER = "säkerhetskopior"


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("Insatslogg", appauthor=False)


def _config_file() -> Path:
    return config_dir() / CONFIG_FILENAME


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, Any]) -> None:
    target = _config_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(target) as tmp:
        tmp.chmod(0o600)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _key(db_path: Path) -> str:
    return str(db_path.expanduser().resolve())


def default_backup_folder(db_path: Path) -> Path:
    """Beside the database: ``<its folder>/säkerhetskopior``."""
    return db_path.expanduser().resolve().parent / DEFAULT_BACKUP_FOLDER


def chosen_backup_folder(db_path: Path) -> Path | None:
    """The folder the user chose for this database's backups, if any."""
    folders = _load().get("backup_folders")
    if isinstance(folders, dict):
        value = folders.get(_key(db_path))
        if isinstance(value, str) and value:
            return Path(value)
    return None


def backup_folder(db_path: Path) -> Path:
    return chosen_backup_folder(db_path) or default_backup_folder(db_path)


def set_backup_folder(db_path: Path, folder: Path | None) -> None:
    """Remember ``folder`` for this database's backups (None: back to the default)."""
    data = _load()
    folders = data.get("backup_folders")
    if not isinstance(folders, dict):
        folders = {}
    if folder is None:
        folders.pop(_key(db_path), None)
    else:
        folders[_key(db_path)] = str(folder.expanduser().resolve())
    data["backup_folders"] = folders
    _save(data)


# --- every place a backup of the database was written to ------------------------------
#
# An erasure must reach every backup, also in a folder used once (``backup --folder``),
# one chosen earlier, or a USB stick that is not plugged in: the program keeps the list
# here, beside the chosen folder, so that it survives a damaged database. Each place is
# a resolved folder with the file-name stems its backups were given (a backup made
# through a link to the database is named after the link).


def _per_database(data: dict[str, Any], section: str, db_path: Path) -> dict[str, Any]:
    entries = data.get(section)
    if not isinstance(entries, dict):
        entries = data[section] = {}
    mine = entries.get(_key(db_path))
    if not isinstance(mine, dict):
        mine = entries[_key(db_path)] = {}
    return mine


def backup_places(db_path: Path) -> dict[Path, set[str]]:
    """Every folder a backup of ``db_path`` was written to, with the stems of its names."""
    places = _per_database(_load(), "backup_places", db_path)
    return {
        Path(folder): {s for s in stems if isinstance(s, str)}
        for folder, stems in places.items()
        if isinstance(stems, list)
    }


def add_backup_place(db_path: Path, folder: Path, stem: str) -> None:
    """Remember that a backup of ``db_path`` named ``stem-…`` was written to ``folder``."""
    data = _load()
    places = _per_database(data, "backup_places", db_path)
    key = str(folder.expanduser().resolve())
    stems = places.get(key)
    if isinstance(stems, list) and stem in stems:
        return
    places[key] = sorted({*(stems if isinstance(stems, list) else []), stem})
    _save(data)


# --- erasures that have not yet reached a place ---------------------------------------
#
# By place: a folder that could not be reached, or a file that could not be cleaned.
# Only the persons' ids are kept, never a name.

FOLDER = "folder"
FILE = "file"


def pending_erasures(db_path: Path) -> dict[Path, tuple[str, set[int]]]:
    """Places still holding persons erased from ``db_path``: kind (FOLDER or FILE), ids."""
    found: dict[Path, tuple[str, set[int]]] = {}
    for place, entry in _per_database(_load(), "pending_erasures", db_path).items():
        if isinstance(entry, dict) and entry.get("kind") in (FOLDER, FILE):
            ids = {i for i in entry.get("ids", []) if isinstance(i, int)}
            if ids:
                found[Path(place)] = (str(entry["kind"]), ids)
    return found


def set_pending_erasures(db_path: Path, pending: dict[Path, tuple[str, set[int]]]) -> None:
    """Replace the places still owed an erasure of ``db_path`` (an empty dict: none)."""
    data = _load()
    _per_database(data, "pending_erasures", db_path)
    data["pending_erasures"][_key(db_path)] = {
        str(place): {"kind": kind, "ids": sorted(ids)}
        for place, (kind, ids) in pending.items()
        if ids
    }
    _save(data)
