"""Files an export must never replace: the program's own (the database, its -wal and -shm
files, the lock, the backups) and any SQLite database.

Files are compared by identity, not by name: where both exist, by device and inode
(``os.path.samefile``), so a symlink, a hard link, another spelling of the folder or
another case on a case-insensitive disk all count as the same file; where one does not
exist yet, by the fully resolved path (symlinks followed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import DomainError

# The first bytes of an SQLite database file, and of a write-ahead log (either byte order).
_SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


@dataclass(frozen=True)
class Protected:
    """A file the program owns, and what it is, as the message says it:
    ``"är programmets databas"``."""

    path: Path
    what: str


class ProtectedTarget(DomainError):
    """The chosen file is one an export may not replace. Nothing has been written."""

    def __init__(self, target: Path, what: str) -> None:
        self.target = target
        self.what = what
        super().__init__(f"Filen {target} {what}; välj ett annat filnamn. Ingenting har sparats.")


def _resolved(path: Path) -> str:
    return os.path.normcase(os.path.realpath(os.path.expanduser(path)))


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are (or would be) one file, whatever their names."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them is not there (yet): compare where the names lead
        return _resolved(a) == _resolved(b)


def refuse_protected_target(target: Path, protected: Iterable[Protected]) -> None:
    """Raise ProtectedTarget when ``target`` is one of the ``protected`` files."""
    for item in protected:
        if same_file(target, item.path):
            raise ProtectedTarget(target, item.what)


def is_database_file(path: Path) -> bool:
    """True when ``path`` is an SQLite database or write-ahead log (by its first bytes).

    False when it is not there or cannot be read: the write then says what is wrong.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
    except OSError:
        return False
    return head == _SQLITE_HEADER or head[:4] in _WAL_MAGIC
