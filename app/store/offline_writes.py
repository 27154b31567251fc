"""The writes of a merge plan on the server (app.store.offline_merge): the copy's new
records first (parents first, under the server's new ids, their references remapped),
then the updates, then the links of every written record, then the deletions
(children first). All in the caller's one transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from app.store.offline_copy import (
    LINKS,
    Key,
    RecordState,
    column_names,
    record_tables,
    references,
    tables,
)
from app.store.offline_plan import MergePlan
from app.store.query import run


class MergeWriter:
    def __init__(self, conn: Connection, plan: MergePlan, mine_wins: set[Key]) -> None:
        self.conn = conn
        self.plan = plan
        self.mine_wins = mine_wins
        self.ids: dict[Key, int] = {
            k: e.server_id for k, e in plan.base.items() if e.server_id is not None
        }
        self._order = [t.name for t in record_tables()]
        self._linked: list[tuple[str, int, RecordState]] = []

    def _server_ref(self, table: str, value: Any) -> Any:
        if isinstance(value, str) and value.startswith("ny:"):
            return self.ids[(table, int(value[3:]))]
        return value

    def _values(self, table: str, state: RecordState) -> dict[str, Any]:
        refs = references(next(t for t in tables() if t.name == table))
        return {
            c: (self.ids.get((refs[c], v), v) if c in refs and v is not None else v)
            for c, v in state.values.items()
            if c not in ("id", "version")
        }

    def _insert(self, key: Key, state: RecordState) -> None:
        values = self._values(key[0], state)
        columns = ", ".join(f'"{c}"' for c in values)
        marks = ", ".join("?" for _ in values)
        (new_id,) = run(
            self.conn,
            f"INSERT INTO {key[0]} ({columns}, version) VALUES ({marks}, 1) RETURNING id",
            list(values.values()),
        ).one()
        self.ids[key] = int(new_id)
        self._linked.append((key[0], int(new_id), state))

    def _update(self, key: Key, state: RecordState, server_id: int) -> None:
        values = self._values(key[0], state)
        theirs = self.plan.theirs[(key[0], server_id)]
        sets = ", ".join(f'"{c}" = ?' for c in values)
        run(
            self.conn,
            f"UPDATE {key[0]} SET {sets}, version = ? WHERE id = ?",
            [*values.values(), theirs.version + 1, server_id],
        )
        self._linked.append((key[0], server_id, state))

    def _links(self) -> None:
        for table, server_id, state in self._linked:
            for link, parent in LINKS.get(table, ()):
                link_table = next(t for t in tables() if t.name == link)
                refs = references(link_table)
                others = [c for c in column_names(link_table) if c != parent]
                run(self.conn, f"DELETE FROM {link} WHERE {parent} = ?", (server_id,))
                for item in state.links[link]:
                    row = [
                        self._server_ref(refs[c], v) if c in refs else v
                        for c, v in zip(others, item, strict=True)
                    ]
                    columns = ", ".join(f'"{c}"' for c in [parent, *others])
                    marks = ", ".join("?" for _ in range(len(others) + 1))
                    run(
                        self.conn,
                        f"INSERT INTO {link} ({columns}) VALUES ({marks})",
                        [server_id, *row],
                    )

    def write(self) -> None:
        plan = self.plan
        wins = {c.key: c for c in plan.conflicts if c.key in self.mine_wins}
        # Deletions first: what the copy removed may hold a unique value (a step's date)
        # that a record the copy added takes over; nothing the copy keeps refers to it.
        deletes = [(e.table, e.copy_id) for e in plan.deleted]
        deletes += [k for k, c in wins.items() if c.copy_deleted and not c.server_deleted]
        for key in sorted(deletes, key=lambda k: (-self._order.index(k[0]), k[1])):
            run(self.conn, f"DELETE FROM {key[0]} WHERE id = ?", (self.ids[key],))
        adds = [(e.table, e.copy_id) for e in plan.added]
        adds += [k for k, c in wins.items() if c.server_deleted and not c.copy_deleted]
        for key in sorted(adds, key=lambda k: (self._order.index(k[0]), k[1])):
            self._insert(key, plan.mine[key])
        updates = [(e.table, e.copy_id) for e in plan.updated]
        updates += [k for k, c in wins.items() if not c.server_deleted and not c.copy_deleted]
        for key in updates:
            self._update(key, plan.mine[key], self.ids[key])
        self._links()
