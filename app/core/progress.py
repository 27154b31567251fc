"""How long work reports progress and is cancelled, without knowing about any UI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The user cancelled; whatever was begun has been undone."""


@dataclass
class Progress:
    """Handed to long work: ``report(done, total)`` as it goes, ``check()`` between steps.

    ``check()`` raises Cancelled once the user has asked to stop.
    """

    report: Callable[[int, int], None] = lambda done, total: None
    is_cancelled: Callable[[], bool] = lambda: False

    def check(self) -> None:
        if self.is_cancelled():
            raise Cancelled()

    def step(self, done: int, total: int) -> None:
        """Report and check in one call (cheap enough for every few hundred rows)."""
        self.report(done, total)
        self.check()
