"""Erasure reaches the change log: an erased person's rows in it lose the name too.

Run in the erasure's own transaction, in the database and in every copy an erasure
reaches; the change sets that touched the person can no longer be undone (undoing
them would need what was erased).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.core.changes import encode_key

Execute = Callable[[str, Sequence[Any]], Any]

_ERASED = "json_set({side}, '$.name', ?, '$.email', '', '$.organisation_id', NULL)"


def scrub_people(
    execute: Execute, has_log: bool, person_ids: Sequence[int], erased_name: str
) -> None:
    """Every recorded row of the persons ``person_ids`` as the erasure left the person."""
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
    before = _ERASED.format(side="before")
    after = _ERASED.format(side="after")
    execute(
        "UPDATE change_row SET "
        f"before = CASE WHEN before IS NULL THEN NULL ELSE {before} END, "
        f"after = CASE WHEN after IS NULL THEN NULL ELSE {after} END "
        f"WHERE {where}",
        [erased_name, erased_name, *keys],
    )
    # The label of a set never names a person (app.core.changes), so nothing else to do.
