"""Merging an offline copy back into its server database (issue 16, point 3).

``merge_offline(copy, server)`` compares, record by record, the copy and the server
with the base the copy holds (app.store.offline_copy): new in the copy → added on the
server under a new id (its references and links remapped); changed only in the copy →
updated; deleted only in the copy → deleted; changed only on the server → kept; changed
on both sides differently (or deleted on one and changed on the other) → a conflict for
the user: ``KEEP_SERVER`` ("behåll serverns") or ``USE_MINE`` ("använd min").
``apply_plan`` writes it in one transaction on the server, one change set
"Slå ihop offlinekopia", and then records the merge in the copy's base, so merging the
same copy again adds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from app.core.changes import FIELD_LABELS, KINDS
from app.core.errors import DomainError
from app.store.change_backend import log_user, open_set
from app.store.database import Store
from app.store.offline_copy import (
    LINKS,
    BaseEntry,
    Key,
    RecordState,
    column_names,
    origin_of,
    read_base,
    read_side,
    record_tables,
    references,
    tables,
    write_base,
)
from app.store.offline_plan import Conflict, Entry, FieldDifference, MergePlan
from app.store.offline_writes import MergeWriter
from app.store.query import run

__all__ = ["Conflict", "Entry", "FieldDifference", "MergePlan"]

KEEP_SERVER = "server"
USE_MINE = "mine"
CHOICES = {KEEP_SERVER: "behåll serverns", USE_MINE: "använd min"}
MERGE_LABEL = "Slå ihop offlinekopia"
LINK_LABELS = {
    "activity_participant": "Namngivna deltagare",
    "activity_coorganiser": "Medarrangörer",
    "county_stats_region": "Regioner",
}


def kind_words(table: str) -> tuple[str, str]:
    kind = KINDS.get(table)
    return (kind.one, kind.many) if kind is not None else (table, table)


def _name(table: str, state: RecordState | None, record_id: int) -> str:
    if state is not None:
        for column in ("title", "name", "text", "label"):
            value = state.values.get(column)
            if value:
                return str(value)[:80]
    return f"{kind_words(table)[0]} {record_id}"


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join("/".join(str(v) for v in item) for item in value) or "—"
    return str(value)


def _differences(
    table: str,
    mine: RecordState | None,
    theirs: RecordState | None,
    to_server: Mapping[Key, int | str],
) -> tuple[FieldDifference, ...]:
    refs = {} if mine is None and theirs is None else references(_table(table))
    out: list[FieldDifference] = []
    columns = [c for c in column_names(_table(table)) if c not in ("id", "version")]
    for c in columns:
        m = None if mine is None else mine.values[c]
        if mine is not None and c in refs and m is not None:
            m = to_server.get((refs[c], m), m)
        s = None if theirs is None else theirs.values[c]
        if mine is None or theirs is None or m != s:
            out.append(FieldDifference(c, FIELD_LABELS.get(c, c), _shown(s), _shown(m)))
    for link, _ in LINKS.get(table, ()):
        m_links = None if mine is None else mine.links[link]
        s_links = None if theirs is None else theirs.links[link]
        if m_links != s_links:
            label = LINK_LABELS.get(link, link)
            out.append(FieldDifference(link, label, _shown(s_links), _shown(m_links)))
    return tuple(out)


def _table(name: str) -> Any:
    return next(t for t in tables() if t.name == name)


def _to_server(base: Mapping[Key, BaseEntry]) -> dict[Key, int | str]:
    out: dict[Key, int | str] = {}
    for (table, copy_id), entry in base.items():
        out[(table, copy_id)] = entry.server_id if entry.server_id is not None else f"ny:{copy_id}"
    return out


def _mapping_for(copy: Store, base: Mapping[Key, BaseEntry]) -> dict[Key, int | str]:
    """Copy ids → server ids; a record new in the copy is written as ``ny:<id>``."""
    mapping = _to_server(base)
    with copy.file.engine.connect() as conn:
        for table in record_tables():
            for (record_id,) in run(conn, f"SELECT id FROM {table.name}").fetchall():
                mapping.setdefault((table.name, int(record_id)), f"ny:{record_id}")
    return mapping


def merge_offline(copy: Store, server: Store) -> MergePlan:
    """What merging ``copy`` into ``server`` would do; nothing is written."""
    if origin_of(copy) is None:
        raise DomainError(f"{copy.label} är ingen offlinekopia (den saknar sin bas).")
    base = read_base(copy)
    to_server = _mapping_for(copy, base)
    with copy.file.engine.connect() as conn:
        mine = read_side(conn, to_server)
    with server.file.engine.connect() as conn:
        theirs = read_side(conn, {})
    plan = MergePlan(base=base, mine=mine, theirs=theirs)
    for table in record_tables():
        keys = sorted({k[1] for k in list(mine) + list(base) if k[0] == table.name})
        for copy_id in keys:
            _plan_record(plan, (table.name, copy_id), to_server)
    return plan


def _plan_record(plan: MergePlan, key: Key, to_server: Mapping[Key, int | str]) -> None:
    table, copy_id = key
    m = plan.mine.get(key)
    b = plan.base.get(key)
    if b is None:  # new in the copy
        assert m is not None
        plan.added.append(Entry(table, copy_id, None, _name(table, m, copy_id)))
        return
    t = None if b.server_id is None else plan.theirs.get((table, b.server_id))
    copy_changed = (None if m is None else (m.version, m.digest)) != (
        (b.copy_version, b.copy_digest) if b.copy_digest is not None else None
    )
    server_changed = (None if t is None else (t.version, t.digest)) != (
        (b.server_version, b.server_digest) if b.server_digest is not None else None
    )
    entry = Entry(table, copy_id, b.server_id, _name(table, m or t, copy_id))
    if not copy_changed:
        if server_changed:
            plan.kept.append(Entry(table, copy_id, b.server_id, _name(table, t or m, copy_id)))
        return
    if not server_changed and t is not None:
        (plan.deleted if m is None else plan.updated).append(entry)
        return
    if m is None and t is None:
        return
    if m is not None and t is not None and m.digest == t.digest:
        return  # the same change on both sides
    fields = _differences(table, m, t, to_server)
    plan.conflicts.append(Conflict(entry, fields, server_deleted=t is None, copy_deleted=m is None))


def apply_plan(
    copy: Store,
    server: Store,
    plan: MergePlan,
    decisions: Mapping[Key, str] | None = None,
    keep: str | None = None,
) -> int:
    """Write ``plan`` on the server in one transaction; returns its change set's id.

    Every conflict needs a decision (``decisions[key]`` or ``keep`` for all); the
    server must still be as the plan read it. Nothing is written when refused.
    """
    choices = {c.key: (decisions or {}).get(c.key, keep) for c in plan.conflicts}
    undecided = [c for c in plan.conflicts if choices[c.key] not in CHOICES]
    if undecided:
        names = ", ".join(c.entry.name for c in undecided[:5])
        raise DomainError(
            f"{len(undecided)} konflikter saknar beslut ({names}): välj "
            '"behåll serverns" eller "använd min" för varje. Inget har sparats.'
        )
    mine_wins = {c.key for c in plan.conflicts if choices[c.key] == USE_MINE}
    try:
        with server.file.engine.begin() as conn:
            now = read_side(conn, {})
            if {k: s.digest for k, s in now.items()} != {
                k: s.digest for k, s in plan.theirs.items()
            }:
                raise DomainError(
                    "Servern har ändrats sedan sammanslagningen förbereddes. Inget har "
                    "sparats; förbered sammanslagningen igen."
                )
            set_id = _open_set(conn, server)
            writer = MergeWriter(conn, plan, mine_wins)
            writer.write()
            open_set(conn, server.file, None, transaction=True)
            after = read_side(conn, {})
            ids = writer.ids
    except IntegrityError as exc:
        raise DomainError(
            "Offlinekopian kunde inte slås ihop: servern vägrade en ändring "
            f"({exc.orig}). Inget har sparats på servern."
        ) from exc
    mapping: dict[Key, int | str] = {**_mapping_for(copy, plan.base), **ids}
    with copy.file.engine.begin() as conn:
        mine_now = read_side(conn, mapping)
        write_base(conn, new_base(plan, ids, mine_now, after))
    return set_id


def new_base(
    plan: MergePlan,
    ids: Mapping[Key, int],
    mine: Mapping[Key, RecordState],
    after: Mapping[Key, RecordState],
) -> list[tuple[str, BaseEntry]]:
    """The copy's base after the merge: both sides as they now are."""
    out: list[tuple[str, BaseEntry]] = []
    for key in sorted(set(mine) | set(plan.base)):
        server_id = ids.get(key)
        m = mine.get(key)
        t = None if server_id is None else after.get((key[0], server_id))
        if m is None and t is None:
            continue
        out.append(
            (
                key[0],
                BaseEntry(
                    key[1],
                    server_id,
                    None if m is None else m.version,
                    None if m is None else m.digest,
                    None if t is None else t.version,
                    None if t is None else t.digest,
                ),
            )
        )
    return out


def _open_set(conn: Connection, server: Store) -> int:
    """The merge's one change set, named for the database user, open in this
    transaction (app.store.change_backend)."""
    at = datetime.now().isoformat(timespec="seconds")
    (set_id,) = run(
        conn,
        'INSERT INTO change_set (at, "user", label, locked) VALUES (?, ?, ?, ?) RETURNING id',
        (at, log_user(conn), MERGE_LABEL, 0),
    ).one()
    open_set(conn, server.file, int(set_id), transaction=True)
    return int(set_id)
