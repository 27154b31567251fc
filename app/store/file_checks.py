"""Looking at a database file before trusting it: where it lies, whether it can be
written, whether it is whole and whether it is ours.

Every problem is a DomainError with a Swedish message that says what to do.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

from app.core.errors import DomainError

# File systems that SQLite cannot lock reliably (and where WAL does not work at all).
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gfs2",
        "ocfs2",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "sshfs",
        "webdav",
    }
)
MOUNTS_FILE = Path("/proc/self/mounts")
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class NotWritable(DomainError):
    pass


class NetworkShare(DomainError):
    pass


class NotInsatslogg(DomainError):
    pass


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def file_system_of(path: Path, mounts_text: str | None = None) -> tuple[str, str] | None:
    """(file system type, source) of the mount holding ``path``, on Linux; else None."""
    if mounts_text is None:
        try:
            mounts_text = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path)
    best: tuple[int, str, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        source, mount_point, fs_type = (
            _unescape_mount(fields[0]),
            _unescape_mount(fields[1]),
            fields[2],
        )
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fs_type, source)
    return None if best is None else (best[1], best[2])


def _windows_network_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    drive_remote = 4
    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")) == drive_remote  # type: ignore[attr-defined]


def network_location(path: Path, mounts_text: str | None = None) -> str | None:
    """A description of the network file system ``path`` lies on, or None if local."""
    resolved = path.expanduser().resolve()
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return str(resolved.anchor) if _windows_network_drive(resolved) else None
    found = file_system_of(resolved, mounts_text)
    if found is None:
        return None
    fs_type, source = found
    return f"{fs_type}: {source}" if fs_type.lower() in NETWORK_FILE_SYSTEMS else None


def check_location(path: Path, mounts_text: str | None = None) -> None:
    """Refuse a database on a network share or in a place that cannot be written."""
    network = network_location(path, mounts_text)
    if network is not None:
        raise NetworkShare(
            f"Databasen {path} ligger på en nätverksenhet ({network}). SQLite kan inte låsa "
            "filer säkert där, och en avbruten anslutning kan förstöra databasen. Kopiera "
            "filen till datorns egen disk och öppna den därifrån. En nätverksenhet går bra "
            "som mapp för säkerhetskopior."
        )
    folder = path.expanduser().parent
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        raise NotWritable(
            f"Mappen {existing} är skrivskyddad. Insatslogg behöver kunna skapa databasen och "
            "filer bredvid den där. Flytta databasen till en mapp du kan skriva i, eller "
            "välj en annan fil med --db."
        )
    if path.exists():
        if not os.access(path, os.R_OK):
            raise NotWritable(f"Databasfilen {path} går inte att läsa (behörighet saknas).")
        if not os.access(path, os.W_OK):
            raise NotWritable(
                f"Databasfilen {path} är skrivskyddad. Ta bort skrivskyddet (filens "
                "egenskaper) eller kopiera den till en mapp du kan skriva i."
            )


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """SQLite's English error as a Swedish phrase."""
    text = str(exc)
    lowered = text.lower()
    if "not a database" in lowered:
        return "filen är inte en SQLite-databas eller är överskriven"
    if "malformed" in lowered or "corrupt" in lowered:
        return "databasfilen är skadad"
    if "disk is full" in lowered or "disk full" in lowered:
        return "disken är full"
    if "readonly" in lowered or "read-only" in lowered:
        return "filen är skrivskyddad"
    if "unable to open" in lowered:
        return "filen kunde inte öppnas"
    if "locked" in lowered or "busy" in lowered:
        return "filen används av ett annat program just nu"
    return text


def integrity_problem(path: Path) -> str | None:
    """What is wrong with the SQLite file at ``path`` (in Swedish), or None if it is whole.

    The one check that decides whether a file is trusted, used everywhere: at start,
    for every backup before it is kept, for a backup before it is offered or restored,
    and for the result of a restore. ``PRAGMA integrity_check`` also compares every
    index with its table (``quick_check`` does not, and passes a file whose indexes no
    longer match). A file of 0 bytes is damage, not a new database: only a missing path
    is a new database.
    """
    try:
        if path.stat().st_size == 0:
            return "filen är tom, 0 byte"
    except FileNotFoundError:
        return "filen finns inte"
    except OSError as exc:
        return f"filen kunde inte läsas ({exc.strerror or exc})"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    try:
        rows = con.execute("PRAGMA integrity_check(10)").fetchall()
        messages = [str(r[0]) for r in rows]
        if messages != ["ok"]:
            return "databasfilen är skadad (" + "; ".join(messages[:3]) + ")"
        return None
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    finally:
        con.close()


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        return {
            str(r[0])
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        }
    finally:
        con.close()


def check_is_insatslogg(path: Path) -> None:
    """Refuse a SQLite file that holds another program's tables."""
    names = _tables(path)
    if names and "alembic_version" not in names:
        raise NotInsatslogg(
            f"Filen {path} är en SQLite-databas, men inte Insatsloggs. Den har inte ändrats. "
            "Välj en annan fil."
        )


def version_problem(path: Path) -> str | None:
    """What is missing from a whole SQLite file for it to be an Insatslogg database that
    can be opened (in Swedish), or None. A file with no tables at all, or with an empty
    version table, is damage (a new database is only ever made where no file is)."""
    try:
        names = _tables(path)
        if not names:
            return "filen innehåller inga tabeller"
        if "alembic_version" not in names:
            return "filen är inte en databas från Insatslogg"
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        try:
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    if len(rows) != 1 or not rows[0][0]:
        return "filen saknar versionsuppgift: tabellen alembic_version är tom eller felaktig"
    return None


def make_private(path: Path) -> None:
    """Readable and writable by the owner only (POSIX); SQLite gives its -wal and -shm
    files the same mode as the database."""
    if os.name != "posix":  # pragma: no cover - Windows keeps files in the user's profile
        return
    try:
        if stat.S_IMODE(path.stat().st_mode) != PRIVATE_FILE:
            path.chmod(PRIVATE_FILE)
    except FileNotFoundError:
        pass


def create_private_file(path: Path) -> None:
    """Create an empty file (a valid empty SQLite database) that only its owner can read."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
