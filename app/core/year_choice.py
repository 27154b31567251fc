"""Which year a window opens on. Its own small module: the window needs it at start,
before anything of the summaries is loaded."""

from __future__ import annotations

from collections.abc import Iterable


def opening_year(
    remembered: int | None, today: int, insats_years: range, data_years: Iterable[int]
) -> int:
    """The year a window opens on: the one shown last time, if the insats ran then or it
    has data; else this year, if the insats runs now; else the last year with data (the
    insats's last year if there is none). A demo of 2016–2020 thus opens on 2020."""
    with_data = sorted(set(data_years))
    if remembered is not None and (remembered in insats_years or remembered in with_data):
        return remembered
    if today in insats_years:
        return today
    return with_data[-1] if with_data else insats_years[-1]
