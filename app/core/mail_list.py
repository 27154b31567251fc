"""The address list for a mail merge (utskick): who is on it, chosen from the
samverkansgruppernas members or from the registered persons, for one kommun or one
target group (the category of their organisation), and the columns it has.

Pure: the store reads the recipients (app.store.invitation_reads), the CSV writer
(app.reports.mail_merge) writes what ``table`` gives; the dialog and the CSV show the
same rows because both come from ``chosen``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.core.people import swedish_key
from app.core.vocabulary import OrgCategory

COLUMNS: tuple[str, ...] = ("Namn", "E-post", "Organisation", "Roll", "Kommun", "Samverkansgrupp")


class MailSource(StrEnum):
    MEMBERS = "members"
    PERSONS = "persons"

    @property
    def label(self) -> str:
        return _SOURCE_LABELS[self]


_SOURCE_LABELS = {
    MailSource.MEMBERS: "Samverkansgruppernas medlemmar",
    MailSource.PERSONS: "Registrerade personer",
}


@dataclass(frozen=True)
class Recipient:
    """One person on the list. ``kommuner``: the group's kommun for a member; for a
    registered person the kommuner of the activities they are named in."""

    name: str
    email: str = ""
    organisation: str = ""
    category: OrgCategory | None = None
    role: str = ""
    kommuner: tuple[str, ...] = ()
    group: str = ""


@dataclass(frozen=True)
class MailChoice:
    """What the list holds: a source, and optionally one kommun and one target group."""

    source: MailSource
    kommun: str | None = None
    category: OrgCategory | None = None


def chosen(recipients: Iterable[Recipient], choice: MailChoice) -> list[Recipient]:
    """The named recipients that match the kommun and the target group, in Swedish
    alphabetical order (the same person in two groups is two rows: one per seat)."""
    found = [
        r
        for r in recipients
        if r.name.strip()
        and (choice.kommun is None or choice.kommun in r.kommuner)
        and (choice.category is None or r.category is choice.category)
    ]
    found.sort(key=lambda r: (swedish_key(r.name), swedish_key(r.group), r.email))
    return found


def unnamed(recipients: Iterable[Recipient], choice: MailChoice) -> int:
    """The recipients matching the choice but without a name (a seat no one is named
    for): they cannot be on the list."""
    return sum(
        1
        for r in recipients
        if not r.name.strip()
        and (choice.kommun is None or choice.kommun in r.kommuner)
        and (choice.category is None or r.category is choice.category)
    )


def table(rows: Sequence[Recipient], choice: MailChoice) -> list[tuple[str, ...]]:
    """The list's rows under COLUMNS. The Kommun column holds the chosen kommun, or all
    the recipient's kommuner."""
    return [
        (
            r.name,
            r.email,
            r.organisation,
            r.role,
            choice.kommun if choice.kommun is not None else ", ".join(r.kommuner),
            r.group,
        )
        for r in rows
    ]
