"""One Insatslogg per database file, whatever the path it is opened by.

Two lock files are held with an operating-system lock (``flock`` on POSIX,
``msvcrt.locking`` on Windows) for as long as the program has the database open:

* ``<real name>.lock`` beside the file the path leads to, symlinks followed
  (``os.path.realpath``): a symlink and its file share it, it stays put when the
  database's contents are replaced, and every user of a shared folder sees it.
* ``<config folder>/lås/<device>-<inode>.lock``, named by the file's identity: a hard
  link has another name, perhaps in another folder, but the same inode. (The folder is
  this user's; when it cannot be written the first lock still holds, and the log says so.)

Why lock files and not the database file itself: SQLite locks byte ranges of the
database with POSIX ``fcntl`` locks (``LockFileEx`` on Windows). ``flock`` is independent
of those on Linux, but not everywhere: on the BSDs and macOS the two kinds interact, and
over NFS ``flock`` is emulated with ``fcntl``, so an exclusive lock on the whole file would
stop SQLite's own readers and writers. ``msvcrt.locking`` is mandatory on Windows and would
block SQLite's reads of the locked bytes. And a POSIX lock of ours on the database would be
dropped whenever any descriptor of the file is closed in the process. A separate file
touches none of that.

The operating system drops the locks when the process ends, however it ends, so a lock
left by a crash or a flat battery is simply taken over by the next start; the files' text
(process, computer, time, the path used and the command, if it was one) only serves the
messages. The files are never removed: removing a lock file while another process waits
to lock it lets two processes each hold "the" lock.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import IO

from app.store.file_checks import PRIVATE_FILE, PRIVATE_FOLDER
from app.store.instance_holder import DatabaseInUse, Holder, read_holder
from app.store.local_config import config_dir

__all__ = [
    "DatabaseInUse",
    "Holder",
    "InstanceLock",
    "as_command",
    "identity_lock_path",
    "lock_path",
]

log = logging.getLogger(__name__)
IDENTITY_FOLDER = "lås"
_command: ContextVar[str | None] = ContextVar("insatslogg_command", default=None)


@contextmanager
def as_command(name: str) -> Iterator[None]:
    """Locks taken inside say they are held by the command ``name`` (``"insatslogg import"``),
    so that whoever finds the file in use is told to wait, not to use a window."""
    token = _command.set(name)
    try:
        yield
    finally:
        _command.reset(token)


def lock_path(db_path: Path) -> Path:
    """``<name>.lock`` beside the file ``db_path`` leads to (symlinks followed)."""
    real = Path(os.path.realpath(db_path.expanduser()))
    return real.with_name(real.name + ".lock")


def identity_lock_path(db_path: Path) -> Path | None:
    """The lock named by the file's device and inode; None while there is no file."""
    try:
        st = os.stat(db_path.expanduser())
    except OSError:
        return None
    return config_dir() / IDENTITY_FOLDER / f"{st.st_dev:x}-{st.st_ino:x}.lock"


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


def _release(handle: IO[str]) -> None:
    """Clear the text (a clean close leaves no trace) and let go of the lock."""
    try:
        handle.seek(0)
        handle.truncate()
        handle.flush()
        _unlock(handle)
    except OSError:
        pass
    finally:
        handle.close()


def _take(path: Path, db_path: Path, note: dict[str, object]) -> tuple[IO[str], Holder | None]:
    """Lock ``path`` and write ``note`` in it; DatabaseInUse when someone holds it.
    Returns the open file and the note a crashed holder left, if any."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    handle = os.fdopen(fd, "r+", encoding="utf-8")
    try:
        if not _try_lock(handle):
            raise DatabaseInUse(db_path, read_holder(handle))
        stale = read_holder(handle)
        handle.seek(0)
        handle.truncate()
        json.dump(note, handle, ensure_ascii=False)
        handle.flush()
    except BaseException:
        handle.close()
        raise
    return handle, stale


class InstanceLock:
    """Held while the database is open; ``stale`` tells that a crashed start left it."""

    def __init__(
        self,
        path: Path,
        db_path: Path,
        handle: IO[str],
        stale: Holder | None,
        note: dict[str, object],
    ) -> None:
        self.path = path
        self.db_path = db_path
        self._handle: IO[str] | None = handle
        self._identities: dict[Path, IO[str]] = {}
        self._note = note
        self.stale = stale

    @classmethod
    def acquire(cls, db_path: Path, command: str | None = None) -> InstanceLock:
        """Lock ``db_path`` by its real path and, when the file exists, by its identity.

        ``command`` (default: the one set with ``as_command``) is written in the note."""
        db_path = db_path.expanduser()
        note: dict[str, object] = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
            "path": str(db_path),
        }
        command = command or _command.get()
        if command:
            note["command"] = command
        path = lock_path(db_path)
        handle, stale = _take(path, db_path, note)
        lock = cls(path, db_path, handle, stale, note)
        try:
            lock.hold_identity()
        except BaseException:
            lock.release()
            raise
        return lock

    def hold_identity(self) -> None:
        """Also lock the database file's identity (device and inode), if it has one not
        yet locked: at the start, and again once a new database file has been created.
        DatabaseInUse when another process has the same file open under another name."""
        if self._handle is None:
            return
        path = identity_lock_path(self.db_path)
        if path is None or path in self._identities:
            return
        try:
            path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            handle, stale = _take(path, self.db_path, self._note)
        except DatabaseInUse:
            raise
        except OSError as exc:
            log.warning("Låset på databasfilens identitet kunde inte tas (%s): %s", path, exc)
            return
        if stale is not None and self.stale is None:
            self.stale = stale
        self._identities[path] = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        """Clear the notes and let go of every lock held."""
        handle = self._handle
        if handle is None:
            return
        self._handle = None
        identities, self._identities = self._identities, {}
        for other in identities.values():
            _release(other)
        _release(handle)
