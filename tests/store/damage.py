"""Ways a database file gets damaged on a real laptop, done to a test file."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def checkpoint(path: Path) -> None:
    """Move everything from the -wal file into the database file."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def smash_pages(path: Path, first_page: int = 2, pages: int = 3) -> None:
    """Overwrite whole pages in the middle of the file with a pattern (a bad sector, a
    half-written block): SQLite reports the file as malformed."""
    checkpoint(path)
    page_size = 4096
    with path.open("r+b") as f:
        f.seek(first_page * page_size - page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size * pages // 4))


def overwrite_header(path: Path) -> None:
    """The first bytes are no longer SQLite's: 'file is not a database'."""
    checkpoint(path)
    with path.open("r+b") as f:
        f.write(b"PK\x03\x04 not a database any more")
