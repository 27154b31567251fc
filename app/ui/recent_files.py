"""Arkiv → Senaste filer: the databases opened last, most recent first, kept in the
program's settings (QSettings)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "files/recent"
MOST = 8


def _same(a: Path, b: Path) -> bool:
    return os.path.normcase(str(a)) == os.path.normcase(str(b))


def absolute(path: Path) -> Path:
    """The name a file is remembered by: absolute, without ``..`` or a symlink."""
    try:
        return path.expanduser().resolve()
    except OSError:
        return path.expanduser().absolute()


def recent_files(settings: QSettings) -> list[Path]:
    """The remembered files, most recent first (at most MOST; gone files included)."""
    value = settings.value(RECENT_KEY)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    found: list[Path] = []
    for item in value:
        if isinstance(item, str) and item and Path(item).is_absolute():
            path = Path(item)
            if not any(_same(path, p) for p in found):
                found.append(path)
    return found[:MOST]


def _store(settings: QSettings, paths: list[Path]) -> None:
    settings.setValue(RECENT_KEY, [str(p) for p in paths[:MOST]])
    settings.sync()


def add_recent(settings: QSettings, path: Path) -> list[Path]:
    """Put ``path`` first in the list (once), keeping at most MOST; returns the list."""
    path = absolute(path)
    paths = [path, *(p for p in recent_files(settings) if not _same(p, path))][:MOST]
    _store(settings, paths)
    return paths


def remove_recent(settings: QSettings, path: Path) -> list[Path]:
    paths = [p for p in recent_files(settings) if not _same(p, path)]
    _store(settings, paths)
    return paths


def clear_recent(settings: QSettings) -> None:
    settings.remove(RECENT_KEY)
    settings.sync()
