"""Inconsistencies found in the record: what, where, what was expected, what was found.

Checks are plain functions returning findings; the UI shows them, the year summary
lists them, and the reports print them. A finding never changes the data: figures are
kept as entered or reported, and the contradiction is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Finding:
    what: str  # e.g. "Placerade i ASF: totalen stämmer inte med delarna"
    where: str  # e.g. "Länsstatistik 2018"
    expected: str  # e.g. "243 (152 + 74 + 17)"
    found: str  # e.g. "244"

    def to_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "where": self.where,
            "expected": self.expected,
            "found": self.found,
        }

    def __str__(self) -> str:
        return f"{self.where}: {self.what} – väntat {self.expected}, angivet {self.found}."


# The columns of a list of findings, as the Excel export and the PDF report show them.
FINDING_COLUMNS: tuple[tuple[str, Callable[[Finding], str]], ...] = (
    ("Vad", lambda f: f.what),
    ("Var", lambda f: f.where),
    ("Väntat", lambda f: f.expected),
    ("Angivet", lambda f: f.found),
)


def finding_cells(finding: Finding) -> tuple[str, ...]:
    """The finding's cells, in the order of FINDING_COLUMNS."""
    return tuple(value(finding) for _, value in FINDING_COLUMNS)


def sum_text(parts: list[int]) -> str:
    """'243 (152 + 74 + 17)': a sum with its parts, for Finding.expected."""
    return f"{sum(parts)} ({' + '.join(str(p) for p in parts)})"
