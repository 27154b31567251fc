"""What a chart in the window shows, as plain data: computed in core from the same
summaries as the tables, so a bar is the figure the table beside it shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ChartSeries:
    """One chart: a value per label, in order (months, kommuner, years, types …).

    ``kind`` says how it is drawn: "bar" (vertical bars), "hbar" (horizontal bars, for
    long labels such as kommuner) or "line" (e.g. per year over the insats).
    ``decimals`` is how values are shown (0 for people, 1–2 for an evaluation's mean);
    ``maximum`` fixes the value axis (5 for a 1–5 scale), None: from the values.
    ``details`` says more of each value (a tooltip, the text read aloud).
    """

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""
    kind: Literal["bar", "hbar", "line"] = "bar"
    decimals: int = 0
    maximum: float | None = None
    # Said of each value besides the value itself, e.g. "52 svar" (empty: nothing).
    details: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.labels) != len(self.values):
            raise ValueError("Ett diagram behöver ett värde per etikett.")
        if self.details and len(self.details) != len(self.labels):
            raise ValueError("Ett diagram behöver en förklaring per etikett, eller ingen.")

    @property
    def is_empty(self) -> bool:
        return not self.values or all(v == 0 for v in self.values)
