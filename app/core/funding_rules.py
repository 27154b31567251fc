"""The Nationella rådet's funding rules around ASF, as checks of the insats's costs.

The guidance (Nationella rådet, "Vägledning om hur samordningsförbund kan utveckla och
stödja myndigheternas engagemang i arbetsintegrerande sociala företag") says what a
samordningsförbund must not finance. A cost whose budget line, konto, kontonamn or text
shows one of those is a *finding* that quotes the guidance's own words: never a
refusal. The user decides, and can note why (``FundingFinding.note``); a noted finding
is still listed, with the note, so the board sees both.

Which words and signs show each rule is written down, rule by rule, in
``app.core.funding_words`` (the cost's text, kontonamn, konto and budget line; the
names of the förbund's ASF). ``FundingFinding.matched`` names the words that matched.
A finding never changes or stops a save: the checks only read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.economy_entities import BudgetLine, Cost

GUIDANCE = (
    "Nationella rådet: Vägledning om hur samordningsförbund kan utveckla och stödja "
    "myndigheternas engagemang i arbetsintegrerande sociala företag"
)
MUST_NOT = "Samordningsförbund ska inte"

CASH_GRANT = "kontantbidrag"
START_OR_DEVELOP = "starta_utveckla"
MEMBERSHIP = "medlemskap"
COMPETENCE = "kompetensutveckling"
PLACEMENT_DIRECT = "placering_direkt"


@dataclass(frozen=True)
class FundingRule:
    code: str
    title: str  # what the finding says, e.g. "Kontantbidrag till företag"
    quote: str  # the guidance's words, exactly as it writes them (whitespace aside)
    # The words the guidance's list puts before the quote ("Samordningsförbund ska
    # inte"); "" when the quote is a sentence of its own.
    lead: str = ""

    @property
    def words(self) -> str:
        """The guidance's words as a reader needs them: the list's lead-in, then its item."""
        return f"{self.lead} {self.quote}" if self.lead else self.quote

    @property
    def cited(self) -> str:
        """'Vägledningen: ”Samordningsförbund ska inte starta och utveckla … ”'."""
        return f"Vägledningen: ”{self.words}”"


RULES: Mapping[str, FundingRule] = {
    r.code: r
    for r in (
        FundingRule(
            CASH_GRANT,
            "Kontantbidrag till ett företag",
            "ge stöd till enskilda näringsidkare i form av kontantbidrag",
            MUST_NOT,
        ),
        FundingRule(
            START_OR_DEVELOP,
            "Start eller utveckling av ett ASF",
            "starta och utveckla arbetsintegrerande sociala företag",
            MUST_NOT,
        ),
        FundingRule(
            MEMBERSHIP,
            "Medlemsavgift till ett ASF eller en intresseorganisation",
            "vara medlem i arbetsintegrerande sociala företag eller i intresseorganisationer",
            MUST_NOT,
        ),
        FundingRule(
            COMPETENCE,
            "Kompetensutveckling för anställda på ett ASF",
            "finansiera kompetensutveckling till anställda på "
            "arbetsintegrerande sociala företag t.ex. affärsutveckling",
            MUST_NOT,
        ),
        FundingRule(
            PLACEMENT_DIRECT,
            "Placering betald direkt till ett ASF",
            "Finansieringen ska alltid gå via den part som har upphandlat verksamheten.",
        ),
    )
}


@dataclass(frozen=True)
class FundingFinding:
    """One cost that one rule may apply to: what in it matched, and the user's note."""

    cost: Cost
    rule: FundingRule
    matched: str  # the words that made the check see it, e.g. "medlemsavgift"
    note: str = ""  # the user's assessment ("Avser NNS, inte ett ASF"); "" not yet noted

    @property
    def noted(self) -> bool:
        return bool(self.note.strip())

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.code,
            "title": self.rule.title,
            "quote": self.rule.quote,
            "cited": self.rule.cited,
            "matched": self.matched,
            "note": self.note,
            "cost": self.cost.to_dict(),
        }


def check_costs(
    costs: Iterable[Cost],
    lines: Sequence[BudgetLine],
    *,
    asf_names: Iterable[str] = (),
    notes: Mapping[tuple[int, str], str] | None = None,
) -> list[FundingFinding]:
    """The findings of ``costs`` (in date order): each cost once per rule that applies.
    ``asf_names`` are the names of the ASF among the förbund's organisations, read as a
    sign of an ASF like the words; ``notes`` are the user's notes by (cost id, rule)."""
    from app.core.funding_words import matches  # the word lists, kept apart

    by_id = {line.id: line for line in lines}
    known = notes or {}
    names = [n for n in (a.strip() for a in asf_names) if n]
    found: list[FundingFinding] = []
    for cost in sorted(costs, key=lambda c: (c.day, c.id or 0)):
        line = by_id.get(cost.line_id)
        for code, matched in matches(cost, line, names):
            note = known.get((cost.id, code), "") if cost.id is not None else ""
            found.append(FundingFinding(cost, RULES[code], matched, note))
    return found
