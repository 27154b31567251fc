"""Milestones: a policy adopted, a reserved contract, a prize, a film — dated, with a text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.core import limits
from app.core.errors import ValidationError
from app.core.vocabulary import MilestoneKind


@dataclass(frozen=True)
class Milestone:
    """Something that happened on a date; the kommun and the organisation are both optional.

    ``link`` is a web address or a path to a file (a policy document, a report).
    """

    id: int | None
    insats_id: int
    day: date
    kind: MilestoneKind
    text: str
    kommun_id: int | None = None
    organisation_id: int | None = None
    link: str = ""
    # The source does not give the date exactly ("datum ungefärligt" in the reports).
    date_approximate: bool = False
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)

    @property
    def year(self) -> int:
        return self.day.year

    def entry(
        self,
        kommun_names: Mapping[int, str] | None = None,
        organisation_names: Mapping[int, str] | None = None,
    ) -> MilestoneEntry:
        """The milestone as the summaries and reports show it: names, not ids."""
        kommuner = kommun_names or {}
        orgs = organisation_names or {}
        return MilestoneEntry(
            id=self.id,
            day=self.day,
            kind=self.kind,
            text=self.text,
            kommun=None if self.kommun_id is None else kommuner.get(self.kommun_id),
            organisation=None if self.organisation_id is None else orgs.get(self.organisation_id),
            link=self.link,
            date_approximate=self.date_approximate,
        )


@dataclass(frozen=True)
class MilestoneEntry:
    """A milestone of the year summary, handed to the reports: the kommun's and the
    organisation's names (None when not given, or no longer known)."""

    id: int | None
    day: date
    kind: MilestoneKind
    text: str
    kommun: str | None = None
    organisation: str | None = None
    link: str = ""
    date_approximate: bool = False

    @property
    def kind_label(self) -> str:
        return self.kind.label

    def to_dict(self) -> dict[str, Any]:
        """For JSON (``insatslogg summary --json``)."""
        return {
            "id": self.id,
            "date": self.day.isoformat(),
            "kind": self.kind.value,
            "kind_label": self.kind.label,
            "kommun": self.kommun,
            "organisation": self.organisation,
            "text": self.text,
            "link": self.link,
            "date_approximate": self.date_approximate,
        }


def validate_milestone(m: Milestone) -> Milestone:
    """The milestone with trimmed texts, or ValidationError saying what is missing."""
    m = replace(m, text=limits.clean(m.text).strip(), link=limits.clean(m.link).strip())
    problems: list[str] = []
    if not m.text:
        problems.append("Beskriv milstolpen med en text.")
    problems += limits.text_problems(
        ((m.text, limits.LONG_TEXT, "Texten"), (m.link, limits.LONG_TEXT, "Länken"))
    )
    problems += limits.date_problems([(m.day, "Datumet")])
    if problems:
        raise ValidationError(problems)
    return m


def milestones_in_year(milestones: Iterable[Milestone], year: int) -> list[Milestone]:
    """The year's milestones by date (then in the order they were entered)."""
    return sorted(
        (m for m in milestones if m.year == year),
        key=lambda m: (m.day, m.id is None, m.id or 0),
    )


def milestone_entries(
    milestones: Iterable[Milestone],
    year: int,
    kommun_names: Mapping[int, str] | None = None,
    organisation_names: Mapping[int, str] | None = None,
) -> list[MilestoneEntry]:
    """The year's milestones by date, with names, for the year summary."""
    return [m.entry(kommun_names, organisation_names) for m in milestones_in_year(milestones, year)]
