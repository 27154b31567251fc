"""Domain errors. Their messages are Swedish and meant to be shown to the user as they are."""

from __future__ import annotations


class DomainError(Exception):
    """Something the user asked for cannot be done; the message says why, in Swedish."""


class ValidationError(DomainError):
    """Input that contradicts itself or the rules. Holds every problem found, not just the first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
