"""A chart's value axis: whole-number ticks in steps of 1, 2, 5, 10, 20, 50 … Shared by
the charts in the window and those in the reports, so both read the same way."""

from __future__ import annotations

import math


def tick_step(top: int, most: int = 8) -> int:
    """A whole-number step between the axis's ticks (1, 2, 5, 10, 20, 50, …) giving at
    most ``most`` steps up to ``top``: the axis never shows fractions printed as integers
    ("0 0 1 1 2")."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if step * most >= top:
                return step
        magnitude *= 10


def axis_top(top: int, step: int) -> int:
    """The axis's end: ``top`` rounded up to a whole step (at least one step)."""
    return max(step, -(-top // step) * step)


def axis_ticks(top: float, most: int = 8) -> tuple[int, ...]:
    """The ticks from 0 to the axis's end for values up to ``top``: 0, step, 2·step …"""
    whole = max(0, math.ceil(top))
    step = tick_step(whole, most)
    return tuple(range(0, axis_top(whole, step) + 1, step))
