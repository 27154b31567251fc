"""The groups of an import report, worked out once: the command line prints them and the
preview shows them as its tabs, with the same headings and counts.

    Nya (12)  Ändrade (1)  Finns redan (2)  Kan inte läsas (1)  Överhoppade (1)  Varningar (3)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.importers.report import ImportReport
from app.importers.table import n_of


class Group(StrEnum):
    NEW = "Nya"
    CHANGED = "Ändrade"
    EXISTING = "Finns redan"
    REJECTED = "Kan inte läsas"
    SKIPPED = "Överhoppade"
    WARNINGS = "Varningar"


@dataclass(frozen=True)
class ReportGroup:
    group: Group
    count: int
    note: str = ""  # what happens to the group's rows: "hoppas över", "uppdateras" …

    @property
    def title(self) -> str:
        return self.group.value

    @property
    def heading(self) -> str:
        """'Finns redan (2)': the tab's text, and the start of the command line's heading."""
        return f"{self.title} ({self.count})"

    @property
    def line(self) -> str:
        """'Finns redan (2) – hoppas över:' as the command line prints it."""
        return f"{self.heading} – {self.note}:" if self.note else f"{self.heading}:"


def changed_note(n: int, update_changed: bool) -> str:
    if not n:
        return ""
    if update_changed:
        return "uppdateras"
    return "lämnas som den är" if n == 1 else "lämnas som de är"


def existing_note(n: int, include_duplicates: bool) -> str:
    if not n:
        return ""
    return "importeras ändå" if include_duplicates else "hoppas över"


def report_groups(
    report: ImportReport, include_duplicates: bool = False, update_changed: bool = False
) -> list[ReportGroup]:
    """Every group, in the order both the command line and the preview show them."""
    changed, existing = len(report.changed), len(report.duplicates)
    return [
        ReportGroup(Group.NEW, len(report.to_import(include_duplicates))),
        ReportGroup(Group.CHANGED, changed, changed_note(changed, update_changed)),
        ReportGroup(Group.EXISTING, existing, existing_note(existing, include_duplicates)),
        ReportGroup(Group.REJECTED, len(report.rejected)),
        ReportGroup(Group.SKIPPED, len(report.skipped)),
        ReportGroup(Group.WARNINGS, len(report.warnings)),
    ]


def left_unchanged(report: ImportReport, update_changed: bool, how: str) -> str:
    """What is said about the *ändrade* left as they were, and how to update them
    (``how``: the command line's option or the preview's check box); '' when none."""
    n = len(report.changed)
    if update_changed or not n:
        return ""
    what = n_of(n, "ändrad aktivitet", "ändrade aktiviteter")
    them = "den" if n == 1 else "dem"
    return f"{what} {changed_note(n, False)}: uppdatering är inte vald ({how} uppdaterar {them})."
