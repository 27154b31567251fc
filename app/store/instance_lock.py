"""One Insatslogg per database file.

A lock file beside the database (``<name>.lock``) is held with an operating-system lock
(``flock`` on POSIX, ``msvcrt.locking`` on Windows) for as long as the program has the
database open. The operating system drops the lock when the process ends, however it
ends, so a lock left by a crash or a flat battery is simply taken over by the next
start; the file's text (process, computer, time) only serves the messages.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from app.core.errors import DomainError
from app.store.file_checks import PRIVATE_FILE


@dataclass(frozen=True)
class Holder:
    pid: int | None
    host: str
    since: str

    def describe(self) -> str:
        parts = []
        if self.pid:
            parts.append(f"process {self.pid}")
        if self.host:
            parts.append(f"på datorn {self.host}")
        if self.since:
            parts.append(f"sedan {self.since}")
        return ", ".join(parts)


class DatabaseInUse(DomainError):
    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        who = f" ({holder.describe()})" if holder and holder.describe() else ""
        super().__init__(
            f"Databasen {path} är redan öppen i Insatslogg{who}. Använd det fönstret, "
            "eller stäng det och försök igen. Ingenting har ändrats."
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _read_holder(handle: IO[str]) -> Holder | None:
    try:
        handle.seek(0)
        text = handle.read()
    except OSError:  # Windows: the holder's locked byte cannot be read
        return None
    if not text.strip():
        return None
    try:
        data = json.loads(text)
        return Holder(
            int(data.get("pid") or 0) or None, str(data.get("host", "")), str(data.get("since", ""))
        )
    except (ValueError, TypeError, AttributeError):
        return Holder(None, "", "")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class InstanceLock:
    """Held while the database is open; ``stale`` tells that a crashed start left it."""

    def __init__(self, path: Path, handle: IO[str], stale: Holder | None) -> None:
        self.path = path
        self._handle: IO[str] | None = handle
        self.stale = stale

    @classmethod
    def acquire(cls, db_path: Path) -> InstanceLock:
        path = lock_path(db_path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            if not _try_lock(handle):
                raise DatabaseInUse(db_path, _read_holder(handle))
            stale = _read_holder(handle)
            handle.seek(0)
            handle.truncate()
            # Windows locks byte 0: write the text after it so reads by others still work.
            json.dump(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
                },
                handle,
            )
            handle.flush()
        except BaseException:
            handle.close()
            raise
        return cls(path, handle, stale)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        """Clear the text (a clean close leaves no trace) and let go of the lock."""
        handle = self._handle
        if handle is None:
            return
        self._handle = None
        try:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            _unlock(handle)
        except OSError:
            pass
        finally:
            handle.close()
