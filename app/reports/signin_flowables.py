"""The närvarolista's drawn pieces: a column header written bottom-up, and a tick box."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.reports import pdf_style as st


class Rotated(Flowable):  # type: ignore[misc]
    """A column header written bottom-up (one or two lines), to keep box columns narrow."""

    def __init__(self, text: str, height_mm: float, size: float = 7) -> None:
        super().__init__()
        self.lines = text.split("\n")
        self.size = size
        self.height_mm = height_mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height_mm * mm - 5

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFont(st.BOLD, self.size)
        c.setFillColor(st.INK)
        c.rotate(90)
        # rotated by 90°, the drawing's (x, y) lands at (-y, x): a line's baseline sits
        # at -y, its letters reach to the left of it
        n = len(self.lines)
        leading = self.size + 1
        first = self.width / 2 - (n - 1) * leading / 2 + self.size * 0.36
        for i, line in enumerate(self.lines):
            c.drawString(1.5, -(first + i * leading), line)
        c.restoreState()


class Box(Flowable):  # type: ignore[misc]
    """An empty tick box."""

    side = 3.4 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.side

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(st.MUTED)
        c.setLineWidth(0.6)
        c.rect((self.width - self.side) / 2, 0, self.side, self.side, stroke=1, fill=0)
        c.restoreState()
