"""The Ändringslogg: change sets of recorded rows, and undoing one by its rows.

Every write to the user's data is recorded by the database itself (change_triggers),
so no edit can forget to log. A change set is opened around an edit (``recording``)
or made afterwards from the rows no set owns yet (``collect``): the window collects
after each edit, so each user action is one set, one line in the log and one step
of Ångra. ``revert`` undoes a set by writing its rows back, itself a new set, and
refuses when the rows have changed since (a later edit builds on them).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.core.changes import (
    ChangeSet,
    RowChange,
    decode_key,
    decode_row,
    describe_counts,
    describe_set,
    encode_key,
    encode_row,
    net_changes,
)
from app.core.errors import DomainError
from app.store.change_backend import (
    computer_user,
    defer_foreign_keys,
    key_columns,
    log_user,
    open_set,
)
from app.store.database_protocol import Database
from app.store.query import run

__all__ = ["DESCRIBED_ROW_BY_ROW", "ChangeLog", "computer_user"]

if TYPE_CHECKING:  # SQLAlchemy is imported when something is written, not at start
    from sqlalchemy import Connection

_SET_COLUMNS = 'id, at, "user", label, tab, record_table, record_key, undoes, undone_by, locked'
# A set of more rows than this is named from counts per table, without reading each row.
DESCRIBED_ROW_BY_ROW = 2000
_NAMED = {
    "kommun": "name",
    "organisation": "name",
    "activity_type": "name",
    "samverkansgrupp": "name",
    "activity": "title",
    "insats": "name",
    "forbund": "name",
    "budget_line": "name",
}


# The rows of this store's that no set owns yet (on SQLite every writer is NULL).
_MINE = "set_id IS NULL AND writer IS ?"


def _set(r: Sequence[Any]) -> ChangeSet:
    return ChangeSet(
        id=int(r[0]),
        at=datetime.fromisoformat(str(r[1])),
        user=str(r[2]),
        label=str(r[3]),
        tab=r[4],
        record_table=r[5],
        record_key=None if r[6] is None else decode_key(str(r[6])),
        undoes=r[7],
        undone_by=r[8],
        locked=bool(r[9]),
    )


def _row_change(r: Sequence[Any]) -> RowChange:
    return RowChange(str(r[0]), decode_key(str(r[1])), decode_row(r[2]), decode_row(r[3]))


class ChangeLog:
    def __init__(self, db: Database) -> None:
        self._db = db
        # On a server: this store's own rows (a colleague's wait for the colleague).
        self._writer = db.writer
        self._keys: dict[str, list[str]] = {}

    # --- reading ------------------------------------------------------------------
    def sets(
        self,
        *,
        record: tuple[str, tuple[Any, ...]] | None = None,
        day: date | None = None,
        limit: int | None = None,
    ) -> list[ChangeSet]:
        """The change sets, newest first; those touching one record, or made one day."""
        sql = f"SELECT {_SET_COLUMNS} FROM change_set"
        where: list[str] = []
        params: list[Any] = []
        if record is not None:
            table, key = record
            where.append(
                "id IN (SELECT set_id FROM change_row WHERE table_name = ? AND row_key = ?"
                " UNION SELECT id FROM change_set WHERE record_table = ? AND record_key = ?)"
            )
            k = encode_key(key)
            params += [table, k, table, k]
        if day is not None:
            where.append("substr(at, 1, 10) = ?")
            params.append(day.isoformat())
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._db.read() as con:
            return [_set(r) for r in con.execute(sql, params)]

    def get(self, set_id: int) -> ChangeSet:
        with self._db.read() as con:
            r = con.execute(f"SELECT {_SET_COLUMNS} FROM change_set WHERE id = ?", (set_id,))
            row = r.fetchone()
        if row is None:
            raise DomainError("Ändringen finns inte längre i ändringsloggen.")
        return _set(row)

    def changes(self, set_id: int, limit: int | None = None) -> list[RowChange]:
        """The set's rows in the order they were first touched (the first ``limit``)."""
        sql = (
            "SELECT table_name, row_key, before, after FROM change_row WHERE set_id = ? ORDER BY id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._db.read() as con:
            return [_row_change(r) for r in con.execute(sql, (set_id,))]

    def name_of(self, table: str, record_id: Any) -> str | None:
        column = _NAMED.get(table)
        if column is None or record_id is None:
            return None
        with self._db.read() as con:
            row = con.execute(f"SELECT {column} FROM {table} WHERE id = ?", (record_id,))
            found = row.fetchone()
        return None if found is None else str(found[0])

    def names(self, table: str) -> dict[Any, str]:
        """Every record's name in ``table`` by id (empty for a table without names)."""
        column = _NAMED.get(table)
        if column is None:
            return {}
        with self._db.read() as con:
            return {r[0]: str(r[1]) for r in con.execute(f"SELECT id, {column} FROM {table}")}

    def pending(self) -> int:
        """Recorded rows of this store's that no change set owns yet."""
        with self._db.read() as con:
            found = con.execute(f"SELECT count(*) FROM change_row WHERE {_MINE}", (self._writer,))
            (n,) = found.fetchone()
        return int(n)

    def pending_any(self) -> bool:
        """Whether a recorded row of this store's waits for a change set."""
        with self._db.read() as con:
            found = con.execute(f"SELECT 1 FROM change_row WHERE {_MINE} LIMIT 1", (self._writer,))
            row = found.fetchone()
        return row is not None

    # --- making sets --------------------------------------------------------------
    def collect(
        self, tab: str | None = None, label: str | None = None, *, locked: bool = False
    ) -> ChangeSet | None:
        """The rows written since the last set, as one new set; None if there were none.
        ``locked``: a change that cannot be undone (the making of the database)."""
        if not self.pending_any():  # a plain read: no engine (nor SQLAlchemy) for nothing
            return None
        with self._db.engine.begin() as conn:
            waiting = run(
                conn, f"SELECT 1 FROM change_row WHERE {_MINE} LIMIT 1", (self._writer,)
            ).fetchone()
            if waiting is None:
                return None
            set_id = self._new_set(conn, "", locked=locked)
            run(conn, f"UPDATE change_row SET set_id = ? WHERE {_MINE}", (set_id, self._writer))
            if not self._finish(conn, set_id, tab, label):
                return None
        return self.get(set_id)

    @contextmanager
    def recording(
        self, label: str | None = None, *, tab: str | None = None, locked: bool = False
    ) -> Iterator[None]:
        """Every row written inside belongs to one new set (rows written before are
        collected first, so they are not mixed in)."""
        self.collect()
        with self._db.engine.begin() as conn:
            set_id = self._new_set(conn, label or "", locked=locked)
            open_set(conn, self._db, set_id)
        try:
            yield
        finally:
            with self._db.engine.begin() as conn:
                open_set(conn, self._db, None)
                self._finish(conn, set_id, tab, label)

    def revert(self, set_id: int, label: str, tab: str | None = None) -> ChangeSet:
        """Write the set's rows back as they were before it: a new set ``label``.

        Refused, with nothing changed, when the set is already undone, when it touched
        data an erasure removed, or when a row is no longer as the set left it.
        """
        from sqlalchemy.exc import IntegrityError

        from app.store import change_apply

        original = self.get(set_id)
        if original.undone_by is not None:
            raise DomainError("Ändringen är redan ångrad.")
        changes = self.changes(set_id)
        if original.locked:
            if any(c.table == "person" for c in changes):
                raise DomainError(
                    "Ändringen kan inte ångras: den rör personuppgifter som har raderats."
                )
            raise DomainError("Ändringen kan inte ångras: den lade upp databasen.")
        try:
            with self._db.engine.begin() as conn:
                defer_foreign_keys(conn)
                change_apply.check_current(conn, changes, self._key_columns)
                new_id = self._new_set(conn, label, undoes=set_id)
                open_set(conn, self._db, new_id, transaction=True)
                for change in reversed(changes):
                    change_apply.apply(
                        conn, change.inverse(), self._key_columns(conn, change.table)
                    )
                open_set(conn, self._db, None, transaction=True)
                self._fold(conn, new_id)
                kept = self._raw(conn, new_id)
                change_apply.check_exact(kept, [c.inverse() for c in changes])
                self._name(conn, new_id, tab or original.tab, label, record=original)
                run(conn, "UPDATE change_set SET undone_by = ? WHERE id = ?", (new_id, set_id))
        except IntegrityError as exc:
            raise DomainError(
                "Ändringen kan inte ångras: den skulle lämna en hänvisning till något som "
                f"inte längre finns ({exc.orig}). Ingenting har ändrats."
            ) from exc
        return self.get(new_id)

    # --- inside a transaction -----------------------------------------------------
    def _key_columns(self, conn: Connection, table: str) -> list[str]:
        if table not in self._keys:
            self._keys[table] = key_columns(conn, table)
        return self._keys[table]

    def _raw(self, conn: Connection, set_id: int | None) -> list[RowChange]:
        where = _MINE if set_id is None else "set_id = ?"
        params = (self._writer,) if set_id is None else (set_id,)
        rows = run(
            conn,
            f"SELECT table_name, row_key, before, after FROM change_row WHERE {where} ORDER BY id",
            params,
        ).fetchall()
        return [_row_change(r) for r in rows]

    def _new_set(
        self, conn: Connection, label: str, *, undoes: int | None = None, locked: bool = False
    ) -> int:
        at = datetime.now().isoformat(timespec="seconds")
        new_id = run(
            conn,
            'INSERT INTO change_set (at, "user", label, undoes, locked) VALUES (?, ?, ?, ?, ?) '
            "RETURNING id",
            (at, log_user(conn), label, undoes, int(locked)),
        ).scalar()
        assert new_id is not None
        return int(new_id)

    def _finish(self, conn: Connection, set_id: int, tab: str | None, label: str | None) -> bool:
        """Fold and name the set; a set left with no rows is removed (False)."""
        self._fold(conn, set_id)
        left = run(conn, "SELECT 1 FROM change_row WHERE set_id = ? LIMIT 1", (set_id,)).fetchone()
        if left is None:
            run(conn, "DELETE FROM change_set WHERE id = ?", (set_id,))
            return False
        self._name(conn, set_id, tab, label)
        return True

    def _fold(self, conn: Connection, set_id: int) -> None:
        """One net change per row in the set: only rows written more than once in it
        (a list saved by delete and re-insert) are read and folded, in place of the
        first (so the order rows were first touched in is kept)."""
        rows: Sequence[Any] = run(
            conn,
            "SELECT id, table_name, row_key, before, after FROM change_row "
            "WHERE set_id = ? AND (table_name, row_key) IN (SELECT table_name, row_key "
            "FROM change_row WHERE set_id = ? GROUP BY table_name, row_key "
            "HAVING count(*) > 1) ORDER BY id",
            (set_id, set_id),
        ).fetchall()
        first_ids: dict[tuple[str, str], int] = {}
        raw: list[RowChange] = []
        for r in rows:
            first_ids.setdefault((str(r[1]), str(r[2])), int(r[0]))
            raw.append(_row_change(r[1:]))
        if not rows:
            return
        run(conn, f"DELETE FROM change_row WHERE id IN ({','.join(str(int(r[0])) for r in rows)})")
        for c in net_changes(raw):
            run(
                conn,
                "INSERT INTO change_row (id, set_id, table_name, row_key, before, after) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    first_ids[(c.table, encode_key(c.key))],
                    set_id,
                    c.table,
                    encode_key(c.key),
                    encode_row(c.before),
                    encode_row(c.after),
                ),
            )

    def _name(
        self,
        conn: Connection,
        set_id: int,
        tab: str | None,
        label: str | None,
        record: ChangeSet | None = None,
    ) -> None:
        count = run(conn, "SELECT count(*) FROM change_row WHERE set_id = ?", (set_id,)).scalar()
        main: tuple[str, tuple[Any, ...]] | None = None
        if int(count or 0) <= DESCRIBED_ROW_BY_ROW:
            auto_label, auto_tab, main = describe_set(
                self._raw(conn, set_id), self._name_in(conn), self._row_in(conn)
            )
        else:
            counts: Sequence[Any] = run(
                conn,
                "SELECT table_name, count(*), sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END), "
                "sum(CASE WHEN after IS NULL THEN 1 ELSE 0 END) "
                "FROM change_row WHERE set_id = ? GROUP BY table_name",
                (set_id,),
            ).fetchall()
            auto_label, auto_tab = describe_counts(
                [(str(t), int(c), int(i), int(d)) for t, c, i, d in counts]
            )
        record_table = record.record_table if record else main[0] if main else None
        record_key = record.record_key if record else main[1] if main else None
        run(
            conn,
            "UPDATE change_set SET label = ?, tab = ?, record_table = ?, record_key = ? "
            "WHERE id = ?",
            (
                label or auto_label,
                tab or auto_tab,
                record_table,
                None if record_key is None else encode_key(record_key),
                set_id,
            ),
        )

    def _row_in(self, conn: Connection) -> Any:
        """The record as it is now (a set that changed only its parts names it)."""
        from app.store import change_apply

        def row_of(table: str, key: tuple[Any, ...]) -> dict[str, Any] | None:
            return change_apply.current_row(conn, table, key, self._key_columns(conn, table))

        return row_of

    def _name_in(self, conn: Connection) -> Any:
        def name_of(table: str, record_id: Any) -> str | None:
            column = _NAMED.get(table)
            if column is None or record_id is None:
                return None
            found = run(conn, f"SELECT {column} FROM {table} WHERE id = ?", (record_id,)).fetchone()
            return None if found is None else str(found[0])

        return name_of
