"""Money as the program keeps and writes it: whole öre in an ``int``, never a float.

Ledgers print kronor with öre ("1 234,50", "-1 234,50", "1234.5", "1 234,50 kr"); a
budget is usually whole kronor. Every sum is a sum of öre, so a total always equals its
parts to the öre; only a ratio (a cost per participant) is rounded, to whole kronor,
half away from zero, in one place (``per``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.core.wording import MINUS, NBSP, thousands

ORE_PER_KRONA = 100
CURRENCY = "kr"

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_MINUSES = ("\u2212", "\u2013", "-")


class MoneyError(ValueError):
    """A text that is not an amount of money (the message is Swedish)."""


def kronor(ore: int, *, ore_shown: bool = True) -> str:
    """123456 → '1 234,56'; −5000 → '−50,00'; ``ore_shown`` False: '1 235' (rounded)."""
    if not ore_shown:
        return thousands(round_kronor(ore))
    whole, part = divmod(abs(ore), ORE_PER_KRONA)
    text = f"{thousands(whole)},{part:02d}"
    return MINUS + text if ore < 0 else text


def kronor_kr(ore: int, *, ore_shown: bool = True) -> str:
    """'1 234,56 kr' (no-break space before kr)."""
    return f"{kronor(ore, ore_shown=ore_shown)}{NBSP}{CURRENCY}"


def as_kronor(ore: int) -> float:
    """The amount in kronor as a number, for a spreadsheet cell (exact to the öre)."""
    return float(Decimal(ore) / ORE_PER_KRONA)


def round_kronor(ore: int) -> int:
    """Whole kronor, half away from zero: 150 öre → 2 kr, −150 → −2."""
    return int((Decimal(ore) / ORE_PER_KRONA).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def per(ore: int, count: int | None) -> int | None:
    """``ore`` shared by ``count`` (participants, activities …), in whole kronor rounded
    half away from zero; None when there is nothing to share by (0 or no figure)."""
    if not count:
        return None
    value = Decimal(ore) / ORE_PER_KRONA / count
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def share_percent(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in whole per cent, half up; None when ``whole`` is 0."""
    if whole == 0:
        return None
    value = Decimal(part) * 100 / whole
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_kronor(text: str | int | float | Decimal) -> int:
    """An amount as ledgers and people write it, in öre.

    Accepts '1 234,50', '1234.50', '-1 234,50', '−50', '1 234,50 kr', '(1 234,50)' (a
    negative amount in parentheses), '1.234,50' and '1,234.50'; a number from a
    spreadsheet cell. More than two decimals are refused, never rounded away.
    """
    if isinstance(text, bool):
        raise MoneyError(f"{text!r} är inget belopp.")
    if isinstance(text, int):
        return text * ORE_PER_KRONA
    if isinstance(text, float | Decimal):
        return _decimal_ore(Decimal(str(text)), str(text))
    raw = text
    s = _SPACES.sub("", text.strip())
    for suffix in ("kronor", "SEK", "kr", ":-"):
        if s.lower().endswith(suffix.lower()):
            s = s[: -len(suffix)]
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    for m in _MINUSES:
        if s.startswith(m):
            negative, s = not negative, s[len(m) :]
            break
        if s.endswith(m) and len(s) > 1:  # '1234,50-' as some ledgers print a credit
            negative, s = not negative, s[: -len(m)]
            break
    if not s:
        raise MoneyError(f"{raw!r} är inget belopp.")
    if "," in s and "." in s:
        # The separator that comes last is the decimal one.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        s = s.replace(",", ".")
    if s.count(".") > 1:
        raise MoneyError(f"{raw!r} är inget belopp.")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise MoneyError(f"{raw!r} är inget belopp.") from None
    ore = _decimal_ore(value, raw)
    return -ore if negative else ore


def _decimal_ore(value: Decimal, raw: str) -> int:
    if not value.is_finite():
        raise MoneyError(f"{raw!r} är inget belopp.")
    ore = value * ORE_PER_KRONA
    if ore != ore.to_integral_value():
        raise MoneyError(f"{raw!r} har fler än två decimaler (öre).")
    return int(ore)


def percent_text(percent: int | None) -> str:
    """'86 %', '3 070 %' (no-break spaces); '–' when there is no figure."""
    return "–" if percent is None else f"{thousands(percent)}{NBSP}%"
