"""Domain errors. Their messages are Swedish and meant to be shown to the user as they are."""

from __future__ import annotations


class DomainError(Exception):
    """Something the user asked for cannot be done; the message says why, in Swedish."""


class ValidationError(DomainError):
    """Input that contradicts itself or the rules. Holds every problem found, not just the first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class StaleRecord(DomainError):
    """A save that starts from an older version of a record than the stored one: a
    colleague saved it after the user opened it. Nothing of the save was written.

    ``mine`` is what the user tried to save, ``theirs`` the stored record as it is now
    (None when it cannot be read back as an entity); ``by`` and ``at`` who saved it and
    when (from the change log, None when it does not say)."""

    def __init__(
        self,
        what: str,
        mine: object,
        theirs: object,
        my_version: int,
        their_version: int,
        by: str | None = None,
        at: str | None = None,
    ) -> None:
        self.what = what
        self.mine = mine
        self.theirs = theirs
        self.my_version = my_version
        self.their_version = their_version
        self.by = by
        self.at = at
        who = f" av {by}" if by else ""
        when = f" {at}" if at else ""
        super().__init__(
            f"{what} har ändrats{who}{when} efter att du öppnade den. "
            f"Din version: {my_version}. Deras version: {their_version}. "
            "Ingenting av din ändring har sparats: läs in deras version, eller avbryt och "
            "spara om."
        )
