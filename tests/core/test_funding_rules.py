"""The Nationella rådet's funding rules: the costs they flag and the look-alikes the
guidance allows, each rule's quote found in the guidance itself, and notes kept with
their own finding."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from app.core.economy_entities import BudgetLine, Cost
from app.core.funding_rules import (
    CASH_GRANT,
    COMPETENCE,
    GUIDANCE,
    MEMBERSHIP,
    PLACEMENT_DIRECT,
    RULES,
    START_OR_DEVELOP,
    check_costs,
)

GUIDANCE_FILE = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "domain"
    / "vagledning-nationella-radet-asf.txt"
)
OTHER, PLACEMENTS = 1, 2
LINES = (
    BudgetLine(OTHER, "Övrigt", 0),
    BudgetLine(PLACEMENTS, "Medel för individinriktade placeringar", 1, placements=True),
)
ASF_NAMES = ("Gröna Händer", "Returhuset i Bollnäs")


def _cost(
    text: str,
    *,
    line: int = OTHER,
    amount: int = 500_000,
    konto: str = "",
    kontonamn: str = "",
    cost_id: int = 1,
) -> Cost:
    return Cost(cost_id, 1, date(2025, 3, 14), amount, line, text, konto=konto, kontonamn=kontonamn)


def _rules(cost: Cost) -> set[str]:
    return {f.rule.code for f in check_costs([cost], LINES, asf_names=ASF_NAMES)}


FLAGGED = [
    ("Kontantbidrag", CASH_GRANT),
    ("Bidrag till Gröna Händer AB", CASH_GRANT),
    ("Startbidrag socialt företag i Hofors", CASH_GRANT),
    ("Ekonomiskt stöd till Returhuset i Bollnäs", CASH_GRANT),
    ("Driftbidraget till kooperativet Vägen ek. för.", CASH_GRANT),
    ("Uppstartsstöd ASF Hudiksvall", START_OR_DEVELOP),
    ("Etablering av ett socialt företag i Ljusdal", START_OR_DEVELOP),
    ("Utveckling av arbetsintegrerande socialt företag, konsult", START_OR_DEVELOP),
    ("Medlemsavgift Skoopi 2025", MEMBERSHIP),
    ("MEDLEMSAVGIFTEN till Coompanion", MEMBERSHIP),
    ("Medlemskap i intresseorganisation", MEMBERSHIP),
    ("Årsavgift föreningen Sociala företag i Gävleborg", MEMBERSHIP),
    ("Affärsutveckling Gröna Händer", COMPETENCE),
    ("Kompetensutveckling för personalen på ett socialt företag", COMPETENCE),
    ("Kurs för handledare på Returhuset i Bollnäs", COMPETENCE),
]
ALLOWED = [
    "Inspirationsdag om ASF, lokalhyra",
    "Seminarium om arbetsintegrerande sociala företag",
    "Studiebesök hos socialt företag i Söderhamn",
    "Föreläsare ASF-dagen",
    "Utbildning om ASF för målgruppen",
    "Lön processledare, utveckling av arbetsintegrerat socialt företagande",
    "Fika nätverksträff samverkansgrupp",
    "Bidrag från Region Gävleborg",
    "Tågresa till konferens",
    "Årsavgift Microsoft 365",
    "Policy för ASF, tryck",
]


@pytest.mark.parametrize(("text", "rule"), FLAGGED)
def test_the_costs_the_guidance_rules_out_are_flagged(text: str, rule: str) -> None:
    assert rule in _rules(_cost(text))


@pytest.mark.parametrize("text", ALLOWED)
def test_what_the_guidance_allows_is_not_flagged(text: str) -> None:
    assert _rules(_cost(text)) == set()


@pytest.mark.parametrize(("text", "rule"), FLAGGED)
def test_case_and_unicode_form_do_not_matter(text: str, rule: str) -> None:
    for variant in (text.upper(), unicodedata.normalize("NFD", text)):
        assert rule in _rules(_cost(variant))


def test_the_konto_and_kontonamn_are_read_too() -> None:
    assert CASH_GRANT in _rules(_cost("Gröna Händer AB", konto="4510"))
    assert CASH_GRANT in _rules(
        _cost("Returhuset i Bollnäs", kontonamn="Lämnade bidrag", konto="4590")
    )
    assert MEMBERSHIP in _rules(_cost("Skoopi", kontonamn="Medlemsavgifter"))


def test_a_placement_paid_to_an_asf_not_through_a_part() -> None:
    assert PLACEMENT_DIRECT in _rules(_cost("Faktura Gröna Händer AB", line=PLACEMENTS))
    assert PLACEMENT_DIRECT in _rules(_cost("Arbetsträning hos kooperativet Vägen"))
    # Through a part, as the guidance says it must go: not a finding.
    assert _rules(_cost("Hofors kommun, placeringar ASF", line=PLACEMENTS)) == set()
    assert _rules(_cost("Arbetsförmedlingen, köp av plats", line=PLACEMENTS)) == set()


def test_a_credit_is_not_read() -> None:
    assert _rules(_cost("Medlemsavgift Skoopi, kreditering", amount=-500_000)) == set()


def test_every_quote_is_the_guidance_s_own_words() -> None:
    if not GUIDANCE_FILE.exists():
        pytest.fail(f"The guidance is not at {GUIDANCE_FILE}")
    text = " ".join(GUIDANCE_FILE.read_text(encoding="utf-8").split())
    flat = " ".join("".join(" " if unicodedata.category(c) == "Co" else c for c in text).split())
    must_not = "Samordningsförbund ska inte"
    for rule in RULES.values():
        quote = " ".join(rule.quote.split())
        if quote.startswith(must_not):
            assert must_not in flat
            quote = quote[len(must_not) :].strip()
        assert quote in flat, rule.code
        assert rule.cited.startswith("Vägledningen: ")
    assert "Vägledning om hur samordningsförbund" in GUIDANCE


def test_notes_stay_with_their_own_cost_and_rule() -> None:
    a = _cost("Medlemsavgift Skoopi", cost_id=1)
    b = _cost("Medlemsavgift Coompanion", cost_id=2)
    found = check_costs([a, b], LINES, notes={(1, MEMBERSHIP): "Avser NNS.", (2, CASH_GRANT): "x"})
    by_cost = {f.cost.id: f for f in found}
    assert by_cost[1].note == "Avser NNS." and by_cost[1].noted
    assert by_cost[2].note == "" and not by_cost[2].noted
    assert all(f.matched for f in found)
