"""The program's temporary files: one way to name them, and one way to find and remove
those a killed or crashed process left behind.

Every file Insatslogg writes under a temporary name (an export on its way, a backup
before it is checked, a restored or new database before it is put in place) is named
``.~<name>.<8 hex>.<pid>-<computer>.tmp`` beside its target, and created readable by
its owner only. The process id and a short tag for the computer say whose it is: a file
whose process no longer runs on this computer is left over and may be removed, together
with SQLite's ``-wal``, ``-shm`` and ``-journal`` files beside it. A file from another
computer (a backup folder on a shared disk) is removed only when it is a day old.

Older versions named such files ``.~<name>.<8 hex>.tmp`` (exports, removed when an hour
old) and ``.<name>.<pid>.tmp`` / ``.<name>.<pid>.återställs`` (backups and restores).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import socket
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

PREFIX = ".~"
SUFFIX = ".tmp"
_MAX_STEM = 80  # keeps the temporary name under the file systems' 255 characters
_COMPANION = r"(?:-wal|-shm|-journal)?"
HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]
_NAMED = re.compile(rf"^\.~.+\.[0-9a-f]{{8}}\.(\d+)-([0-9a-f]{{6}})\.tmp{_COMPANION}$")
_OLD_EXPORT = re.compile(rf"^\.~.+\.[0-9a-f]{{8}}\.tmp{_COMPANION}$")
_OLD_COPY = re.compile(rf"^\..+(?:\.sqlite3\.(\d+)\.tmp|\.(\d+)\.återställs){_COMPANION}$")
OLD_EXPORT_AGE = 3600.0  # seconds: no export takes an hour
OTHER_COMPUTER_AGE = 24 * 3600.0


def temporary_name(path: Path) -> Path:
    """A hidden, random name beside ``path`` that says which process made it."""
    token = secrets.token_hex(4)
    return path.with_name(f"{PREFIX}{path.stem[:_MAX_STEM]}.{token}.{os.getpid()}-{HOST}{SUFFIX}")


def is_temporary(path: Path) -> bool:
    """True for a name temporary_name makes (or an older version made)."""
    name = path.name
    return bool(_NAMED.match(name) or _OLD_EXPORT.match(name) or _OLD_COPY.match(name))


@dataclass(frozen=True)
class _Owner:
    pid: int | None  # None: the name does not say
    here: bool  # made on this computer (or by an older version, which was local)


def _owner(name: str) -> _Owner | None:
    if m := _NAMED.match(name):
        return _Owner(int(m.group(1)), m.group(2) == HOST)
    if m := _OLD_COPY.match(name):
        return _Owner(int(m.group(1) or m.group(2)), True)
    if _OLD_EXPORT.match(name):
        return _Owner(None, True)
    return None


def process_running(pid: int) -> bool:
    """Whether a process with this id runs on this computer (a zombie counts as running)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return True
    return True


def temporary_files(folder: Path) -> list[Path]:
    """Every temporary file of the program in ``folder`` (in use or left over), sorted."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        with suppress(OSError):
            if is_temporary(Path(entry.name)) and entry.is_file(follow_symlinks=False):
                found.append(Path(entry.path))
    return sorted(found)


def _left_over(path: Path, now: float) -> bool:
    owner = _owner(path.name)
    if owner is None:
        return False
    try:
        info = path.lstat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False  # not ours to remove
    age = now - info.st_mtime
    if not owner.here:
        return age > OTHER_COMPUTER_AGE
    if owner.pid is None:
        return age > OLD_EXPORT_AGE
    return not process_running(owner.pid)


def remove_left_over_temporary_files(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` whose process has ended (a kill, a crash,
    a power cut); returns what was removed. Files of running processes stay."""
    now = time.time()
    removed = []
    for path in temporary_files(folder):
        if _left_over(path, now):
            with suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed
