"""An erased name must leave the backups too, not only the database."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from app.core.atomic_file import fsync_file
from app.store import local_config
from app.store.backups import backup_folder, connect, list_backups

log = logging.getLogger(__name__)


def erase_names_in_backups(db_path: Path) -> int:
    """Erase from every backup the names that are no longer in the database.

    An erasure or gallring must reach the copies too: a person whose name is gone from
    the database (erased, or removed) loses it in each backup by the same rule as in the
    database — an anonymous row stays where the person is linked to activities, so the
    backup's counts do not change; an unlinked person is removed. Deleted content is
    overwritten (secure_delete). Returns how many backups were changed; a backup that
    cannot be reached is left and logged.
    """
    # By id and name: a person's id can be used again once the person is removed.
    with connect(db_path, read_only=True) as con:
        named_now = {
            (int(r[0]), str(r[1]))
            for r in con.execute("SELECT id, name FROM person WHERE name <> ''")
        }
    folders = {backup_folder(db_path), local_config.default_backup_folder(db_path)}
    changed = 0
    for folder in folders:
        for b in list_backups(db_path, folder):
            try:
                if _erase_names_in(b.path, named_now):
                    changed += 1
            except sqlite3.Error:
                log.warning("Namn kunde inte tas bort ur säkerhetskopian %s", b.path.name)
    if changed:
        log.info("Borttagna namn rensade ur %d säkerhetskopior", changed)
    return changed


def _erase_names_in(path: Path, keep: set[tuple[int, str]]) -> bool:
    with connect(path) as con:
        has_people = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person'"
        ).fetchone()
        if has_people is None:
            return False
        gone = [
            int(r[0])
            for r in con.execute("SELECT id, name FROM person WHERE name <> ''")
            if (int(r[0]), str(r[1])) not in keep
        ]
        if not gone:
            return False
        marks = ",".join("?" * len(gone))
        con.execute("PRAGMA secure_delete = ON")
        with con:
            linked = [
                int(r[0])
                for r in con.execute(
                    f"SELECT DISTINCT person_id FROM activity_participant "
                    f"WHERE person_id IN ({marks})",
                    gone,
                )
            ]
            unlinked = sorted(set(gone) - set(linked))
            if linked:
                con.execute(
                    f"UPDATE person SET name = '', email = '', organisation_id = NULL "
                    f"WHERE id IN ({','.join('?' * len(linked))})",
                    linked,
                )
            if unlinked:
                con.execute(
                    f"DELETE FROM person WHERE id IN ({','.join('?' * len(unlinked))})", unlinked
                )
    fsync_file(path)
    return True
