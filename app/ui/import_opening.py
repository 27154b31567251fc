"""Arkiv → Importera, before the preview: the chosen file is read in the background;
what goes wrong is told in Swedish (a DomainError as it is, an OSError as a file that
could not be read)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.progress import Progress
from app.importers import kind_for
from app.operations.imports import LoadedImport, read_import
from app.store.database import Store
from app.ui.background import run_in_background

TITLE = "Importera aktiviteter"
Loaded = LoadedImport


def failure_message(error: BaseException) -> str:
    if isinstance(error, DomainError):
        return str(error)
    if isinstance(error, OSError):
        return f"Filen kunde inte läsas: {error.strerror or error}"
    return f"Något gick fel: {error}"


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, TITLE, text)


def load(
    parent: QWidget | None,
    store: Store,
    insats: Insats,
    path: Path,
    tell: Callable[[QWidget | None, str], None] = show_error,
) -> Loaded | None:
    """Read ``path`` in the background; None (after telling the user why with ``tell``)
    when it fails."""
    try:
        kind = kind_for(path)
    except DomainError as exc:
        tell(parent, str(exc))
        return None

    def job(progress: Progress) -> Loaded:
        return read_import(store, insats, path, kind, progress=progress)

    outcome = run_in_background(parent, TITLE, f"Läser {path.name}…", job)
    if outcome.cancelled or outcome.result is None:
        if outcome.error is not None:
            tell(parent, failure_message(outcome.error))
        return None
    return outcome.result
