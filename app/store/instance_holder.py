"""Who holds a database's instance lock, as its lock file tells, and the message for
whoever finds the file in use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.core.errors import DomainError


@dataclass(frozen=True)
class Holder:
    pid: int | None
    host: str
    since: str
    path: str = ""  # the name the holder opened the file by
    command: str = ""  # "insatslogg import" when a command holds it, "" for the window

    def describe(self, opened_as: Path | None = None) -> str:
        """``process 12, på datorn X, sedan 2024-05-02 10:15``; with ``opened as`` the
        holder's name for the file first, when it is not ``opened_as``."""
        parts = []
        if self.path and opened_as is not None and self.path != str(opened_as):
            parts.append(f"öppnad som {self.path}")
        if self.pid:
            parts.append(f"process {self.pid}")
        if self.host:
            parts.append(f"på datorn {self.host}")
        if self.since:
            parts.append(f"sedan {self.since}")
        return ", ".join(parts)


class DatabaseInUse(DomainError):
    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        described = holder.describe(path) if holder else ""
        who = f" ({described})" if described else ""
        if holder is not None and holder.command:
            text = (
                f"Databasen {path} används just nu av kommandot ”{holder.command}”{who}. "
                "Vänta tills det är klart och försök igen. Ingenting har ändrats."
            )
        else:
            text = (
                f"Databasen {path} är redan öppen i Insatslogg{who}. Använd det fönstret, "
                "eller stäng det och försök igen. Ingenting har ändrats."
            )
        super().__init__(text)


def read_holder(handle: IO[str]) -> Holder | None:
    """The note in an open lock file; None when it is empty (or cannot be read)."""
    try:
        handle.seek(0)
        text = handle.read()
    except (OSError, ValueError):  # Windows: the holder's locked byte cannot be read
        return None
    if not text.strip():
        return None
    try:
        data = json.loads(text)
        return Holder(
            int(data.get("pid") or 0) or None,
            str(data.get("host", "")),
            str(data.get("since", "")),
            str(data.get("path", "")),
            str(data.get("command", "")),
        )
    except (ValueError, TypeError, AttributeError):
        return Holder(None, "", "")
