"""What a report on part of a year leaves out, said once: the records kept per calendar
year (registered reach, placements, county statistics, the year plan, the groups' years)
belong to a whole year, not to a tertial or a quarter of it."""

from __future__ import annotations

from collections.abc import Sequence

LEFT_OUT_NOTE = (
    "Uppgifter som förs per år (registrerade nådda, placeringar, länsstatistik, årsplan, "
    "samverkansgruppernas år) ingår inte i en del av ett år; de finns i {where}."
)


def left_out_note(years: Sequence[int]) -> str:
    """What the parts of ``years`` leave out, in one Swedish note ('' for no year)."""
    found = sorted(set(years))
    if not found:
        return ""
    if len(found) == 1:
        return LEFT_OUT_NOTE.format(where=f"årsrapporten {found[0]}")
    names = ", ".join(str(y) for y in found[:-1]) + f" och {found[-1]}"
    return LEFT_OUT_NOTE.format(where=f"årsrapporterna {names}")
