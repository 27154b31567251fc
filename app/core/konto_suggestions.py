"""The budget line a ledger konto probably belongs to, from its name and number: the
suggestion the user confirms (or changes) the first time a konto is imported.

Words are matched in the folded kontonamn (no case, no diacritics); the first rule that
matches wins. Balance accounts (1xxx assets, 2xxx liabilities) and income (3xxx) are
not costs of the insats: suggested as such (line None).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from app.core.economy_entities import BudgetLine

# (the default line's name, the words that suggest it), in the order they are tried.
SUGGESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Medel för individinriktade placeringar", ("kop av verksamhet", "placering")),
    ("Personal", ("lon", "arbetsgivaravgift", "sociala avgifter", "pension", "semester",
                  "personal")),
    ("Lokaler", ("lokal", "hyra", "hyror", "lokalvard", "el ", "uppvarmning")),
    ("Förtäring", ("fortaring", "representation", "fika", "livsmedel", "mat ", "lunch")),
    ("Föreläsare och arvoden", ("arvode", "forelas", "konsult", "utbildare")),
    ("Resor", ("resa", "resor", "rese", "hotell", "logi", "milersattning", "traktamente",
               "bil", "taxi")),
    ("Material", ("material", "trycksak", "forbrukning", "kontorsmaterial", "litteratur")),
)  # fmt: skip
OTHER = "Övrigt"
NOT_A_COST = "Inte en kostnad för insatsen"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggested_name(konto: str, kontonamn: str) -> str | None:
    """The default line's name for the konto; None: not a cost of the insats."""
    digits = konto.strip()
    if digits[:1] in ("1", "2", "3") and digits.isdigit() and len(digits) >= 4:
        return None
    words = " " + " ".join(_fold(kontonamn).replace("-", " ").split()) + " "
    for name, keys in SUGGESTIONS:
        for k in keys:
            # a word's start: "lon" finds "Löner", "Lönekostnad" but not "Salong"
            if " " + k in words:
                return name
    return OTHER


def suggested_line(konto: str, kontonamn: str, lines: Sequence[BudgetLine]) -> int | None:
    """The id of the active line the konto is suggested to: the one of that name, the
    placements line for placements, else Övrigt, else the last active line; None for
    a konto that is not a cost."""
    name = suggested_name(konto, kontonamn)
    if name is None:
        return None
    active = [x for x in lines if x.active and x.id is not None]
    if not active:
        return None
    by_name = {_fold(x.name.strip()): x for x in active}
    chosen = by_name.get(_fold(name))
    if chosen is None and name == SUGGESTIONS[0][0]:
        chosen = next((x for x in active if x.placements), None)
    if chosen is None:
        chosen = by_name.get(_fold(OTHER), active[-1])
    return chosen.id
