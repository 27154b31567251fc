"""The words by which core.funding_rules sees what a cost is for (a first version: the
rules' own tests refine it)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from app.core.economy_entities import BudgetLine, Cost

_ASF = (
    r"\basf\b",
    r"sociala? företag",
    r"arbetsintegrerande",
    r"\bkooperativ",
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _find(patterns: Sequence[str], text: str) -> str:
    for p in patterns:
        m = re.search(p, text)
        if m:
            return m.group(0)
    return ""


def matches(
    cost: Cost, line: BudgetLine | None, asf_names: Sequence[str]
) -> Iterator[tuple[str, str]]:
    """(rule code, matched words) for each rule the cost may break."""
    text = _fold(" ".join((cost.text, cost.kontonamn, line.name if line else "")))
    asf = _find(_ASF, text) or next((n for n in asf_names if _fold(n) in text), "")
    grant = _find((r"kontantbidrag", r"\bbidrag\b", r"verksamhetsbidrag"), text)
    if grant and (asf or _find((r"\bab\b", r"företag", r"näringsidkare"), text)):
        yield "kontantbidrag", grant
    member = _find((r"medlemsavgift", r"medlemskap", r"årsavgift"), text)
    if member:
        yield "medlemskap", member
    competence = _find((r"affärsutveckling", r"kompetensutveckling"), text)
    if competence and (asf or competence == "affärsutveckling"):
        yield "kompetensutveckling", competence
    start = _find((r"uppstart", r"\bstarta", r"etablering", r"utveckl"), text)
    if start and asf and not competence:
        yield "starta_utveckla", start
    if line is not None and line.placements and asf:
        yield "placering_direkt", asf
