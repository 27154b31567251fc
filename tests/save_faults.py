"""Faults for the tests of saving a file: a full disk (for real) and a file that
another program holds open (as Windows reports it)."""

from __future__ import annotations

import errno
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

OLD = b"the old file, still wanted\n"
FULL_ADVICE = "Frigör utrymme eller spara på en annan disk, och försök igen."


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def full_disk_message(path: Path) -> str:
    """What the user reads when the file would grow past what the disk allows (EFBIG)."""
    return (
        f"Det finns inte plats för filen {path}: filen blir större än enheten tillåter. "
        f"{FULL_ADVICE}"
    )


def locked_message(path: Path) -> str:
    return (
        f"Filen {path} används av ett annat program (till exempel Excel). "
        "Stäng den där och försök igen."
    )


def sharing_violation(src: Any, dst: Any) -> None:
    """os.replace on Windows while Excel has the target open (ERROR_SHARING_VIOLATION)."""
    exc = PermissionError(
        errno.EACCES,
        "Processen kan inte komma åt filen eftersom den används av en annan process",
        str(src),
        None,
        str(dst),
    )
    exc.winerror = 32  # type: ignore[attr-defined]  # set by Windows, absent elsewhere
    raise exc


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """No file of this process may grow past ``limit`` bytes while the block runs: a
    write beyond fails with EFBIG, as on a full disk (RLIMIT_FSIZE; SIGXFSZ ignored)."""
    resource = pytest.importorskip("resource")  # POSIX only
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
