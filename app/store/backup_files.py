"""What a backup file is on disk, below both the backups and the erasures that reach
into them: the file names, and a connection that overwrites what it deletes.
app.store.backups makes and lists the backups; app.store.backup_erasure cleans them."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.store import local_config

SUFFIX = ".sqlite3"
DAMAGED = ".skadad"  # a copy that failed the check: <backup name>.skadad.sqlite3


@contextlib.contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    mode = "ro" if read_only else "rw"
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=10.0)
    try:
        con.execute("PRAGMA secure_delete = ON")  # what is deleted is overwritten
        yield con
    finally:
        con.close()


def damaged_copies(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The copies of ``db_path`` kept aside in ``folder`` because they failed the check."""
    folder = folder or local_config.backup_folder(db_path)
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-.+{re.escape(DAMAGED + SUFFIX)}$")
    try:
        return sorted(Path(e.path) for e in os.scandir(folder) if pattern.match(e.name))
    except OSError:
        return []
