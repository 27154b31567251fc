"""The check every save in the window makes before it writes: never over the database,
its companions, its lock or its backups (``app.store.protected_files``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.protected_targets import ProtectedTarget
from app.store.protected_files import check_export_target


def target_refused(parent: QWidget | None, title: str, target: Path, database: Path | None) -> bool:
    """True, after a message box that says why, when ``target`` is one of the database's
    own files; False when it may be written (other problems show when it is written)."""
    try:
        check_export_target(target, database)
    except ProtectedTarget as exc:
        QMessageBox.warning(parent, title, str(exc))
        return True
    return False
