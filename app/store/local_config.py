"""Settings of this computer that must be found even when the database cannot be read.

The backup folder is one: after a damaged database is found, its backups still have to
be located. It is kept per database file in a small JSON file in the user's config
folder (``$INSATSLOGG_CONFIG_DIR`` overrides it), written to a temporary name and
renamed so that a crash never leaves half a file.
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
