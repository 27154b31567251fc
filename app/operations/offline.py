"""Taking an offline copy of a server database and merging it back (issue 16): the
store's work (app.store.offline_copy, app.store.offline_merge) and the plan in Swedish,
as the command line prints it and the dialog lists it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from app.core.errors import DomainError
from app.store.database import Store
from app.store.offline_copy import Origin, origin_of, take_offline_copy
from app.store.offline_merge import (
    CHOICES,
    Conflict,
    Entry,
    MergePlan,
    apply_plan,
    kind_words,
    merge_offline,
)
from app.store.server_location import ServerLocation, is_server_url

__all__ = [
    "CHOICES",
    "Origin",
    "apply_plan",
    "conflict_lines",
    "merge_offline",
    "open_server",
    "origin_of",
    "plan_lines",
    "take_offline_copy",
]


def open_server(url: str) -> Store:
    if not is_server_url(url):
        raise DomainError(f"{url} är ingen serveradress (postgresql://användare@värd/databas).")
    return Store.open_server(ServerLocation.parse(url))


def _counts(entries: list[Entry]) -> str:
    counts = Counter(e.table for e in entries)
    parts = []
    for table, n in counts.items():
        one, many = kind_words(table)
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts) if parts else "inget"


def conflict_lines(conflict: Conflict) -> list[str]:
    one = kind_words(conflict.entry.table)[0]
    head = f"{one.capitalize()} \u201d{conflict.entry.name}\u201d"
    if conflict.copy_deleted:
        head += " (borttagen i offlinekopian, ändrad på servern)"
    elif conflict.server_deleted:
        head += " (borttagen på servern, ändrad i offlinekopian)"
    else:
        head += " (ändrad på båda håll)"
    lines = [head]
    for f in conflict.fields:
        lines.append(f"    {f.label}: servern {f.server!r}, min {f.mine!r}")
    return lines


def plan_lines(plan: MergePlan, origin: Origin | None = None) -> list[str]:
    """The plan as the user reads it: per kind what is added, updated and deleted."""
    lines = [] if origin is None else [f"Offlinekopia av {origin.describe()}."]
    if plan.empty:
        lines.append("Inget att slå ihop: offlinekopian har inga ändringar som servern saknar.")
    lines.append(f"Läggs till på servern: {_counts(plan.added)}")
    lines.append(f"Uppdateras på servern: {_counts(plan.updated)}")
    lines.append(f"Tas bort på servern: {_counts(plan.deleted)}")
    lines.append(f"Ändrat bara på servern (behålls): {_counts(plan.kept)}")
    lines.append(f"Konflikter: {len(plan.conflicts)}")
    for conflict in plan.conflicts:
        lines.extend("  " + line for line in conflict_lines(conflict))
    return lines


def take(server_url: str, target: Path) -> Origin:
    server = open_server(server_url)
    try:
        return take_offline_copy(server, target)
    finally:
        server.close()


def merge(
    copy_path: Path,
    server_url: str,
    keep: str | None,
    dry_run: bool,
    decisions: Mapping[tuple[str, int], str] | None = None,
) -> tuple[MergePlan, Origin | None, bool]:
    """Plan (and unless ``dry_run`` apply) the merge; returns the plan, the copy's origin
    and whether it was written."""
    if not copy_path.exists():
        raise DomainError(f"Offlinekopian {copy_path} finns inte.")
    copy = Store.open(copy_path)
    try:
        origin = origin_of(copy)
        server = open_server(server_url)
        try:
            plan = merge_offline(copy, server)
            if dry_run or plan.empty:
                return plan, origin, False
            apply_plan(copy, server, plan, decisions, keep)
            return plan, origin, True
        finally:
            server.close()
    finally:
        copy.close()
