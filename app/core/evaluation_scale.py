"""Answers on a 1–5 scale (an evaluation's question): how many gave each value, and
what the reports show of them — the number of answers, the mean and the share
answering 4 or 5. Computed here only, so the screen, Excel, the reports and a goal's
"utvärderingens medelvärde" agree."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SCALE = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Distribution:
    """How many answered 1, 2, 3, 4 and 5."""

    n1: int = 0
    n2: int = 0
    n3: int = 0
    n4: int = 0
    n5: int = 0

    @property
    def counts(self) -> tuple[int, int, int, int, int]:
        return (self.n1, self.n2, self.n3, self.n4, self.n5)

    @property
    def answers(self) -> int:
        return sum(self.counts)

    @property
    def total(self) -> int:
        """The sum of the values given (the mean's numerator)."""
        return sum(value * n for value, n in zip(SCALE, self.counts, strict=True))

    @property
    def mean(self) -> float | None:
        """The mean answer, or None when nobody answered."""
        return self.total / self.answers if self.answers else None

    @property
    def high(self) -> int:
        """How many answered 4 or 5."""
        return self.n4 + self.n5

    @property
    def share_high(self) -> float | None:
        """The share (0–1) answering 4 or 5, or None when nobody answered."""
        return self.high / self.answers if self.answers else None

    def __add__(self, other: Distribution) -> Distribution:
        return Distribution(*(a + b for a, b in zip(self.counts, other.counts, strict=True)))


def combined(distributions: Iterable[Distribution]) -> Distribution:
    """Every answer of several questions (or evaluations) together: its mean is the
    mean of all their answers, each answer weighing the same."""
    total = Distribution()
    for d in distributions:
        total = total + d
    return total
