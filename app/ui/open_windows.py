"""The program's windows, one per open database: another file opens in a window of its
own, a file already open here brings its window forward, and closing a window closes
its database (the program ends when the last window closes)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME

if TYPE_CHECKING:
    from app.ui.application import Session


def _key(path: Path) -> str:
    try:
        return os.path.normcase(str(path.expanduser().resolve()))
    except OSError:
        return os.path.normcase(str(path.expanduser().absolute()))


def open_sessions() -> list[Session]:
    from app.ui.application import Session

    return list(Session.open_sessions)


def find_session(path: Path) -> Session | None:
    """The session of this program that has ``path`` open (by any name), if any."""
    wanted = _key(path)
    for session in open_sessions():
        if not session.opened.closed and _key(session.store.path) == wanted:
            return session
        if not session.opened.closed and _same_file(session.store.path, path):
            return session
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def bring_forward(session: Session) -> None:
    window = session.window
    if window is not None:
        window.show()
        window.raise_()
        window.activateWindow()


def open_in_new_window(path: Path, parent: QWidget | None = None) -> Session | None:
    """Open the existing database ``path`` in a window of its own, with every check the
    start makes (damaged, empty, newer, in use elsewhere: told in Swedish, nothing
    changed). A file open here already has its window brought forward. None when it was
    not opened."""
    from app.ui.application import Session, ensure_set_up, open_store

    path = path.expanduser()
    found = find_session(path)
    if found is not None:
        bring_forward(found)
        return found
    if not path.exists():
        QMessageBox.warning(parent, APP_NAME, f"Filen {path} finns inte. Ingenting har öppnats.")
        return None
    if path.is_dir():
        QMessageBox.warning(parent, APP_NAME, f"{path} är en mapp, inte en databasfil.")
        return None
    opened = open_store(path)
    if opened is None:
        return None
    if not ensure_set_up(opened.store):
        opened.close(backup=False)
        return None
    session = Session(opened)
    session.show()
    return session


def close_all() -> None:
    """Close every database still open (at the end of the program)."""
    for session in open_sessions():
        session.close()
