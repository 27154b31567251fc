"""Erasure reaches the change log: an erased person's rows in it lose the name too.

Run in the erasure's own transaction, in the database and in every copy an erasure
reaches; the change sets that touched the person can no longer be undone (undoing
them would need what was erased).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.core.changes import decode_row, encode_key, encode_row

Execute = Callable[[str, Sequence[Any]], Any]

# What an erasure leaves of a person, in each logged row of it.
_ERASED_FIELDS = {"email": "", "organisation_id": None}


def _erased(text: str | None, erased_name: str) -> str | None:
    row = decode_row(text)
    if row is None:
        return None
    row.update(_ERASED_FIELDS, name=erased_name)
    return encode_row(row)


def scrub_people(
    execute: Execute, has_log: bool, person_ids: Sequence[int], erased_name: str
) -> None:
    """Every recorded row of the persons ``person_ids`` as the erasure left the person.

    The rows are rewritten from Python (the same JSON on SQLite and PostgreSQL, whose
    triggers write it as json_object and to_jsonb): one SQL for both backends."""
    if not has_log or not person_ids:
        return
    keys = [encode_key([i]) for i in sorted(set(person_ids))]
    marks = ",".join("?" * len(keys))
    where = f"table_name = 'person' AND row_key IN ({marks})"
    execute(
        "UPDATE change_set SET locked = 1 "
        f"WHERE id IN (SELECT set_id FROM change_row WHERE {where})",
        keys,
    )
    rows = execute(f"SELECT id, before, after FROM change_row WHERE {where}", keys).fetchall()
    for row_id, before, after in rows:
        execute(
            "UPDATE change_row SET before = ?, after = ? WHERE id = ?",
            [_erased(before, erased_name), _erased(after, erased_name), row_id],
        )
    # The label of a set never names a person (app.core.changes), so nothing else to do.
