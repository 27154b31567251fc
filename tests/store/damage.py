"""Ways a database file gets damaged on a real laptop, done to a test file, and a look at
what a file holds afterwards."""

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


def quick_and_full_check(path: Path) -> tuple[list[str], list[str]]:
    """What ``quick_check`` and ``integrity_check`` say about ``path``."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        quick = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
        full = [str(r[0]) for r in con.execute("PRAGMA integrity_check(5)")]
    finally:
        con.close()
    return quick, full


def damage_an_index(path: Path) -> None:
    """An index whose definition no longer matches its content (a stray write to the
    schema): every page is sound, so ``quick_check`` says ok, while ``integrity_check``
    finds rows missing from the index. Checked here, so a test relies on it."""
    checkpoint(path)
    con = sqlite3.connect(path)
    try:
        con.execute("CREATE INDEX ix_skadat ON kommun(name)")
        con.commit()
        con.execute("PRAGMA writable_schema = ON")
        con.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_skadat ON kommun(id, name)' "
            "WHERE name = 'ix_skadat'"
        )
        con.commit()
        con.execute("PRAGMA writable_schema = OFF")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    quick, full = quick_and_full_check(path)
    assert quick == ["ok"], quick
    assert full != ["ok"] and "missing from index ix_skadat" in full[0], full


def stored_titles(path: Path) -> list[str]:
    """The activities' titles in the file at ``path``, by id (read-only, beside the app)."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM activity ORDER BY id")]
    finally:
        con.close()
