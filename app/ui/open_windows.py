"""The program's windows, one per open database: another file opens in a window of its
own, a file already open here brings its window forward, and closing a window closes
its database (the program ends when the last window closes)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.store.database import Store
from app.store.opening import OpenDatabase


class Session(Protocol):
    """An open database and its window (app.ui.application.Session)."""

    opened: OpenDatabase

    @property
    def window(self) -> QWidget | None: ...

    @property
    def store(self) -> Store: ...

    def close(self) -> None: ...


# Every database open in this program, each with its window (the application adds and
# removes them; app.ui.application.Session.open_sessions is this list).
SESSIONS: list[Session] = []


def _key(path: Path) -> str:
    try:
        return os.path.normcase(str(path.expanduser().resolve()))
    except OSError:
        return os.path.normcase(str(path.expanduser().absolute()))


def open_sessions() -> list[Session]:
    return list(SESSIONS)


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


def close_all() -> None:
    """Close every database still open (at the end of the program)."""
    for session in open_sessions():
        session.close()
