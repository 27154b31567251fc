"""Copies of a database on a server, made with ``pg_dump -Fc`` on this computer.

The server's own backups (IT's, see the README) are what a server database is restored
from; the program never restores one. What Arkiv → Säkerhetskopiera (and
``insatslogg backup``) adds is a copy in the user's own folder: written under a
temporary name readable by its owner only, checked with ``pg_restore --list``, then
renamed ``<database>-YYYY-MM-DD_HHMMSS-manuell.dump``.

An erased person must leave these copies too. A copy cannot be edited, so it is
deleted: the server keeps the ids of every erased person (``pending_backup_erasure``,
written in the erasure's own transaction), every copy holds the ids erased before it was
made, and a copy missing one of the server's ids is removed (``forget_erased``). That
runs after every erasure and every copy, on any computer that made copies.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from app.core.wording import count_noun
from app.store import local_config
from app.store.backups import MANUAL, STAMP_FORMAT, BackupError, BackupInfo
from app.store.server_location import ServerLocation

log = logging.getLogger(__name__)
DUMP_SUFFIX = ".dump"
NO_PG_DUMP = (
    "Programmet pg_dump finns inte på den här datorn, så ingen egen kopia kan göras. "
    "Databasen ligger på en server: serverns egna säkerhetskopior gäller (fråga IT)."
)
RESTORE_NOTE = (
    "En databas på en server återställs inte från programmet. IT återställer den från "
    "serverns säkerhetskopior, eller från en kopia gjord här med pg_restore "
    "(pg_restore --clean --if-exists -d DATABAS FIL.dump) medan ingen är ansluten."
)


def dump_folder(location: ServerLocation) -> Path:
    """This computer's folder for copies of ``location``."""
    host = re.sub(r"[^A-Za-z0-9_.-]+", "_", location.label)
    return local_config.config_dir() / "serverkopior" / host


def _environment(location: ServerLocation) -> dict[str, str]:
    env = dict(os.environ)
    password = location.password()
    if password is not None:
        env["PGPASSWORD"] = password  # the child's environment only, never a file
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(NO_PG_DUMP)
    return found


def list_dumps(location: ServerLocation) -> list[BackupInfo]:
    """The copies made on this computer, newest first."""
    pattern = re.compile(
        rf"^{re.escape(location.database)}-(\d{{4}}-\d{{2}}-\d{{2}}_\d{{6}})-([a-z]+)\.dump$"
    )
    found: list[BackupInfo] = []
    try:
        entries = list(os.scandir(dump_folder(location)))
    except OSError:
        return []
    for entry in entries:
        m = pattern.match(entry.name)
        if m is not None:
            taken = datetime.strptime(m.group(1), STAMP_FORMAT)
            found.append(BackupInfo(Path(entry.path), taken, m.group(2), entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def dump_problem(path: Path) -> str | None:
    """Why ``path`` is not a whole pg_dump copy (pg_restore cannot list it), or None."""
    done = subprocess.run(
        [_tool("pg_restore"), "--list", str(path)], capture_output=True, text=True
    )
    return None if done.returncode == 0 else (done.stderr.strip() or "okänt fel")


def make_dump(location: ServerLocation, now: datetime | None = None) -> BackupInfo:
    """A checked pg_dump copy of the database now; BackupError (Swedish) when it fails."""
    folder = dump_folder(location)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    when = now or datetime.now()
    target = folder / f"{location.database}-{when.strftime(STAMP_FORMAT)}-{MANUAL}{DUMP_SUFFIX}"
    temporary = folder / f".{target.name}.tmp"
    temporary.touch(mode=0o600)
    os.chmod(temporary, 0o600)
    try:
        done = subprocess.run(
            [_tool("pg_dump"), "-Fc", "-f", str(temporary), "--dbname", location.url],
            capture_output=True,
            text=True,
            env=_environment(location),
        )
        if done.returncode != 0:
            raise BackupError(f"pg_dump kunde inte kopiera {location.label}: {done.stderr.strip()}")
        problem = dump_problem(temporary)
        if problem is not None:
            raise BackupError(f"Kopian klarade inte kontrollen (pg_restore --list): {problem}")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    log.info("Kopia av %s med pg_dump: %s", location.label, target.name)
    forget_erased(location)
    return next(b for b in list_dumps(location) if b.path == target)


def _erased_in(path: Path) -> set[int] | None:
    """The ids the copy at ``path`` knows as erased (None: not readable)."""
    done = subprocess.run(
        [_tool("pg_restore"), "--data-only", "--table=pending_backup_erasure", "-f", "-"]
        + [str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return None
    rows = done.stdout.split("FROM stdin;", 1)
    if len(rows) < 2:
        return set()
    return {int(line) for line in rows[1].split("\\.", 1)[0].split() if line.isdigit()}


def forget_erased(location: ServerLocation) -> str | None:
    """Delete every copy that still holds a person erased on the server; the note to
    show (None when no copy had to go)."""
    dumps = list_dumps(location)
    if not dumps:
        return None
    import psycopg

    from app.store.server_database import connect_args

    with psycopg.connect(location.url, **connect_args(location)) as con:
        erased = {int(r[0]) for r in con.execute("SELECT person_id FROM pending_backup_erasure")}
    removed = 0
    for dump in dumps:
        known = _erased_in(dump.path)
        if known is None or not erased <= known:
            dump.path.unlink(missing_ok=True)
            removed += 1
    if not removed:
        return None
    log.info("%d kopior med raderade personer togs bort", removed)
    return (
        f"{count_noun(removed, 'egen kopia', 'egna kopior')} av databasen (pg_dump) på den här "
        "datorn innehöll personer som nu är raderade och har tagits bort. Ta en ny kopia under "
        "Arkiv → Säkerhetskopiera. Serverns egna säkerhetskopior sköts av IT."
    )
