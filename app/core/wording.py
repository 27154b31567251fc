"""How the program writes numbers and counted nouns in Swedish: said once, used everywhere.

``count_noun(1, "aktivitet", "aktiviteter")`` is "1 aktivitet", ``count_noun(1234, …)``
"1 234 aktiviteter": the noun agrees with the number, and thousands are grouped with a
no-break space (as QLocale's Swedish does on screen), so a count never breaks over
two lines.
"""

from __future__ import annotations

NBSP = "\u00a0"
MINUS = "\u2212"  # a real minus sign, not a hyphen


def thousands(n: int) -> str:
    """1275 → '1 275' (no-break space between thousands); −12 → '−12'."""
    text = f"{abs(n):,}".replace(",", NBSP)
    return MINUS + text if n < 0 else text


def count_noun(n: int, one: str, many: str) -> str:
    """'1 aktivitet', '2 aktiviteter', '1 234 aktiviteter', '0 aktiviteter'.

    ``one`` is the singular form, ``many`` the plural; Swedish uses the singular for
    exactly one (and minus one) only.
    """
    return f"{thousands(n)} {one if abs(n) == 1 else many}"
