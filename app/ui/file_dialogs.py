"""Every file and folder chooser of the program: where it starts, and remembering where.

A chooser starts in the folder the user last chose a file or folder in (remembered in a
small QSettings file in the user's config folder), else in the user's Dokument folder,
never in the program's working directory. Callers with a better start of their own (the
backup folder already set) pass it as ``start``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.store.local_config import config_dir

SETTINGS_FILENAME = "file-dialogs.ini"
LAST_FOLDER_KEY = "fileDialogs/lastFolder"


def dialog_settings() -> QSettings:
    """The settings file that remembers the last folder (in the user's config folder)."""
    return QSettings(str(config_dir() / SETTINGS_FILENAME), QSettings.Format.IniFormat)


def documents_folder() -> Path:
    """The user's Dokument folder, or the home folder if there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def remembered_folder() -> Path | None:
    """The folder last chosen in, if it is remembered and still exists."""
    value = dialog_settings().value(LAST_FOLDER_KEY)
    if not isinstance(value, str) or not value:
        return None
    folder = Path(value)
    return folder if folder.is_absolute() and folder.is_dir() else None


def start_folder(start: Path | None = None) -> Path:
    """Where a chooser opens: ``start`` if it is a folder, else the last folder used,
    else Dokument."""
    if start is not None and start.is_absolute() and start.is_dir():
        return start
    return remembered_folder() or documents_folder()


def remember_folder(folder: Path) -> None:
    """Remember ``folder`` as the start of the next chooser."""
    settings = dialog_settings()
    settings.setValue(LAST_FOLDER_KEY, str(folder.expanduser().resolve()))
    settings.sync()


def save_file_name(
    parent: QWidget | None,
    title: str,
    suggested_name: str,
    file_filter: str,
    *,
    start: Path | None = None,
) -> Path | None:
    """Ask where to save, suggesting ``suggested_name`` in the start folder; None when
    cancelled. The chosen file's folder is remembered."""
    suggested = start_folder(start) / suggested_name
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return _chosen_file(chosen)


def open_file_name(
    parent: QWidget | None,
    title: str,
    file_filter: str = "",
    *,
    start: Path | None = None,
) -> Path | None:
    """Ask for a file to open; None when cancelled. Its folder is remembered."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(start)), file_filter
    )
    return _chosen_file(chosen)


def existing_directory(
    parent: QWidget | None, title: str, *, start: Path | None = None
) -> Path | None:
    """Ask for a folder; None when cancelled. The folder is remembered."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start_folder(start)))
    if not chosen:
        return None
    folder = Path(chosen)
    remember_folder(folder)
    return folder


def _chosen_file(chosen: str) -> Path | None:
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder(path.parent)
    return path
