"""The address list for a mail merge (utskick) as CSV, the way Swedish Excel and Word
open it: UTF-8 with a byte order mark, semicolons between the fields, Swedish column
names. It holds names, so it is readable by its owner only (0600); written atomically.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from app.core.atomic_file import atomic_write, save_error
from app.core.mail_list import COLUMNS


def _safe(value: str) -> str:
    """The value, with an apostrophe first when Excel would read it as a formula
    ('=…', '+…', '-…', '@…': CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def write_mail_merge(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write COLUMNS and ``rows``; DomainError in Swedish when the file cannot be saved."""
    try:
        with (
            atomic_write(path, private=True) as tmp,
            open(tmp, "w", encoding="utf-8-sig", newline="") as fh,
        ):
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow(COLUMNS)
            writer.writerows([_safe(v) for v in row] for row in rows)
    except OSError as exc:
        raise save_error(path, exc) from exc
