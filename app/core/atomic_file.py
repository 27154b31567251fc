"""Writing a user's file so that it is either the old file or the whole new one.

Every export (Excel, PDF, närvarolista, a saved report, a registerutdrag) is written
to a hidden temporary file beside the target (readable by its owner only until it is
whole), flushed to disk and renamed over the target (atomic_write). On any error or a
cancel the temporary file is removed and a file already there is left as it was; one
left by a killed process is removed by the next write to the folder. ``save_error``
turns the operating system's error into a Swedish message for the user: a full disk, a
file open in Excel, a write-protected USB stick, a missing folder.

Before anything is written, the target is checked (``writable_target``); what the user
protected stays protected:

* A file without write permission (``chmod 444``, "Skrivskyddad" on Windows) is not
  replaced, though a rename in its folder could: WriteProtected, which ``save_error`` says
  in Swedish. Also for root, who may write anything: the mode says nobody should.
* A symlink is written through: the file it points to is replaced (atomically, in its own
  folder) and the link stays a link, as an editor or ``cp`` does. Replacing the link with
  a plain file would silently cut it from the file it shared.
* An SQLite database (or write-ahead log) is never replaced by an export, whichever
  database it is: ProtectedTarget. The program's own files are refused by the caller
  before this (``app.store.protected_files``), with a message that says which.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from app.core.errors import DomainError
from app.core.protected_targets import ProtectedTarget, is_database_file
from app.core.temp_files import (
    is_temporary,
    remove_left_over_temporary_files,
    temporary_name,
)

__all__ = ["is_temporary", "remove_left_over_temporary_files", "temporary_name"]

TEMP_SUFFIX = ".tmp"
PRIVATE_MODE = 0o600
_UMASK_LOCK = threading.Lock()

# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (another program has the file
# open without sharing, as Excel does); ERROR_INVALID_NAME (characters like ? or :).
_WINDOWS_LOCKED = (32, 33)
_WINDOWS_INVALID_NAME = 123

_FULL = {
    errno.ENOSPC: "disken är full",
    errno.EFBIG: "filen blir större än enheten tillåter",
}
_EDQUOT = getattr(errno, "EDQUOT", None)  # not on Windows
if _EDQUOT is not None:
    _FULL[_EDQUOT] = "ditt diskutrymme (kvoten) är slut"


def new_temporary_file(path: Path) -> Path:
    """An empty new file beside ``path`` (same folder, so the rename is atomic), created
    with O_EXCL so it is never someone else's file, and readable by its owner only: a
    process killed while it writes leaves nothing others can read (the next write to the
    folder, or the next start, removes it; see app.core.temp_files)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = temporary_name(path)
        try:
            fd = os.open(tmp, flags, PRIVATE_MODE)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp


class WriteProtected(PermissionError):
    """The target exists and the user has made it read-only. Nothing has been written."""


def write_protected(path: Path) -> bool:
    """True when ``path`` is a file that may not be written: no write permission for this
    user, or (what root is not stopped by) no write permission for anyone."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        return False
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def writable_target(path: Path) -> Path:
    """The file atomic_write really replaces for ``path`` (a symlink's destination),
    after checking that it may be: WriteProtected or ProtectedTarget when not."""
    path = Path(path)
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    if write_protected(real):
        raise WriteProtected(errno.EACCES, "Filen är skrivskyddad", str(path))
    if is_database_file(real):
        raise ProtectedTarget(path, "är en databas")
    return real


def _umask() -> int:
    """The process's umask (read without changing it where the system tells it)."""
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def _final_mode(path: Path) -> int:
    """The permissions the finished file gets: those of the file it replaces (but always
    writable by its owner), or those a new file gets in that folder (unlike tempfile's
    0600: a report is meant to be shared)."""
    with suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode) | stat.S_IRUSR | stat.S_IWUSR
    return 0o666 & ~_umask() | stat.S_IRUSR | stat.S_IWUSR


def fsync_file(path: Path) -> None:
    """Flush a written (and closed) file to the disk."""
    with open(path, "rb+") as fh:  # Windows flushes only a handle open for writing
        os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_write(path: Path, private: bool = False) -> Iterator[Path]:
    """Yield a new temporary file beside ``path`` for the caller to fill (and close).
    ``private``: the finished file too is readable by its owner only (0600: a list of
    names), whatever the file it replaces or the folder would give it.

    When the block ends normally the file is flushed to disk and renamed over ``path``,
    and the folder is flushed too. When it raises (an error, Cancelled, Ctrl+C), or the
    flush or rename fails, the temporary file is removed and ``path`` is untouched.
    OSError comes out as it is; ``save_error`` says it in Swedish. A write-protected
    target, a symlink and a database are handled as the module says (writable_target).
    """
    path = writable_target(Path(path))
    remove_left_over_temporary_files(path.parent)
    tmp = new_temporary_file(path)
    try:
        yield tmp
        fsync_file(tmp)
        if os.name == "posix":
            os.chmod(tmp, PRIVATE_MODE if private else _final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(path.parent)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def save_error(path: Path, exc: OSError) -> DomainError:
    """The Swedish message for a file that could not be saved at ``path``."""
    path = Path(path)
    folder = path.parent
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if _is_dir(path) or code == errno.EISDIR:
        return DomainError(
            f"Kunde inte spara {path}: det finns en mapp med det namnet. Välj ett annat filnamn."
        )
    if code in _FULL:
        return DomainError(
            f"Det finns inte plats för filen {path}: {_FULL[code]}. Frigör utrymme eller "
            "spara på en annan disk, och försök igen."
        )
    if code == errno.EROFS:
        return DomainError(
            f"Kunde inte spara {path}: enheten är skrivskyddad. Spara på en annan plats."
        )
    if winerror in _WINDOWS_LOCKED:
        return _locked(path)
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        if isinstance(exc, WriteProtected) or write_protected(path):
            return DomainError(
                f"Filen {path} är skrivskyddad. Ta bort skrivskyddet eller spara under ett "
                "annat namn."
            )
        if _is_dir(folder) and not os.access(folder, os.W_OK):
            return DomainError(
                f"Kunde inte spara {path}: du har inte behörighet att spara i mappen {folder}. "
                "Välj en annan mapp."
            )
        return _locked(path)
    if code in (errno.ENOENT, errno.ENOTDIR) and not _is_dir(folder):
        return DomainError(f"Kunde inte spara {path}: mappen finns inte.")
    if code == errno.ENAMETOOLONG:
        return DomainError(f"Kunde inte spara {path}: namnet är för långt. Välj ett kortare.")
    if winerror == _WINDOWS_INVALID_NAME:
        return DomainError(
            f'Kunde inte spara {path}: namnet går inte att använda. Undvik tecken som : ? * och ".'
        )
    return DomainError(f"Kunde inte spara {path}: {exc.strerror or exc}.")


def _locked(path: Path) -> DomainError:
    return DomainError(
        f"Filen {path} används av ett annat program (till exempel Excel). "
        "Stäng den där och försök igen."
    )
