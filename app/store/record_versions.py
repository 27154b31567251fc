"""Record versions: a save from an older version than the stored one is refused.

Every record model is ``Versioned``: the ORM writes ``UPDATE … WHERE id = ? AND
version = ?`` and bumps the version, so a row changed between read and write is not
written over. What the user started from is the version their entity was read at; a
write compares it with the stored one first (``check``) and raises ``VersionConflict``,
which the repository turns into the user's StaleRecord (``stale_record``) with the
stored record, and who saved it and when from the change log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from app.core.changes import encode_key
from app.core.errors import StaleRecord
from app.store.database_protocol import Database
from app.store.query import run

if TYPE_CHECKING:  # SQLAlchemy is imported when something is written, not at start
    from sqlalchemy.orm import Session

T = TypeVar("T")


class VersionConflict(Exception):
    """The stored version is not the one the save started from (None: not known)."""

    def __init__(self, stored: int | None, record_id: int | None = None) -> None:
        self.stored = stored
        self.record_id = record_id  # which of a list's records, when a list was saved
        super().__init__(f"stored version {stored}")


def check(stored: int, started_from: int) -> None:
    """Refuse a save from ``started_from`` over ``stored`` (0: not read from the store,
    a write that does not say where it started, as an import's or a test's)."""
    if started_from and stored != started_from:
        raise VersionConflict(stored)


@contextmanager
def checked(s: Session) -> Iterator[Session]:
    """Inside: a flush that finds its row changed since it was read (StaleDataError) rolls
    back and raises VersionConflict, as a refusal by ``check`` does."""
    from sqlalchemy.orm.exc import StaleDataError

    try:
        yield s
    except StaleDataError as exc:
        s.rollback()
        raise VersionConflict(None) from exc


def stored_version(db: Database, table: str, record_id: int) -> int:
    with db.read() as con:
        row = con.execute(f"SELECT version FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return int(row[0]) if row is not None else 0


def last_change(db: Database, table: str, record_id: int) -> tuple[str | None, str | None]:
    """Who saved the record last and when ("14:02", or the date before it when it was
    not today), from the change log; (None, None) when the log does not say."""
    with db.engine.connect() as conn:
        row = run(
            conn,
            'SELECT s."user", s.at, r.writer FROM change_row r '
            "LEFT JOIN change_set s ON s.id = r.set_id "
            "WHERE r.table_name = ? AND r.row_key = ? ORDER BY r.id DESC LIMIT 1",
            (table, encode_key([record_id])),
        ).fetchone()
    if row is None:
        return None, None
    user, written_at, writer = cast(tuple[str | None, str | None, str | None], tuple(row))
    who = user or writer
    if written_at is None:
        return who, None
    at = datetime.fromisoformat(str(written_at))
    shown = at.strftime("%H:%M") if at.date() == datetime.now().date() else f"{at:%Y-%m-%d %H:%M}"
    return who, shown


def stale_record(
    db: Database,
    table: str,
    record_id: int,
    what: str,
    mine: object,
    theirs: object,
    conflict: VersionConflict,
    my_version: int,
) -> StaleRecord:
    """The user's StaleRecord for a refused save of ``mine`` (read at ``my_version``)."""
    their_version = conflict.stored
    if their_version is None:
        their_version = stored_version(db, table, record_id)
    by, at = last_change(db, table, record_id)
    return StaleRecord(what, mine, theirs, my_version, their_version, by, at)


def save_checked(
    db: Database,
    table: str,
    what: str,
    entity: Any,
    write: Callable[[], int],
    reread: Callable[[int], T],
) -> T:
    """``write()`` ``entity`` (its ``id`` and ``version``) and read it back by the id it
    returns; a VersionConflict becomes the user's StaleRecord naming ``what``."""
    try:
        return reread(write())
    except VersionConflict as conflict:
        record_id = int(entity.id)
        raise stale_record(
            db, table, record_id, what, entity, reread(record_id), conflict, entity.version
        ) from None
