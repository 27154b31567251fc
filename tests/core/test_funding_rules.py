"""The funding rules' checks: per rule, costs that show it and look-alikes the guidance
allows; the quotes are the guidance's own words; notes stay with their finding."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.economy_entities import BudgetLine, Cost
from app.core.funding_rules import (
    CASH_GRANT,
    COMPETENCE,
    MEMBERSHIP,
    PLACEMENT_DIRECT,
    RULES,
    START_OR_DEVELOP,
    check_costs,
)
from app.core.funding_words import fold

GUIDANCE = Path("/work/shared/domain/vagledning-nationella-radet-asf.txt")
OTHER = BudgetLine(1, "Övrigt")
PLACEMENTS = BudgetLine(2, "Medel för individinriktade placeringar", placements=True)
LECTURERS = BudgetLine(3, "Föreläsare och arvoden")
STAFF_LINE = BudgetLine(4, "Personal")
MEMBER_LINE = BudgetLine(5, "Medlemsavgifter")
LINES = (OTHER, PLACEMENTS, LECTURERS, STAFF_LINE, MEMBER_LINE)
ASF_NAMES = ("Gröna Händer", "Returverket i Sandviken")

# (text, kontonamn, konto, line, the rules it shows)
CASES: list[tuple[str, str, str, BudgetLine, set[str]]] = [
    # kontantbidrag
    ("Kontantbidrag till Gröna Händer", "", "", OTHER, {CASH_GRANT}),
    ("Verksamhetsbidrag Byggstart AB", "", "", OTHER, {CASH_GRANT}),
    ("Bidraget till företagets drift", "", "", OTHER, {CASH_GRANT}),
    ("Ekonomiskt stöd till Secondhand HB", "", "", OTHER, {CASH_GRANT}),
    ("Stöd till Café Kvarnen ek. för.", "", "", OTHER, {CASH_GRANT}),
    ("Driftstöd Svensson enskild firma", "", "", OTHER, {CASH_GRANT}),
    ("Utbetalning Returverket i Sandviken", "Lämnade bidrag", "4510", OTHER, {CASH_GRANT}),
    ("Utbetalning Gröna Händer", "", "4520", OTHER, {CASH_GRANT}),
    ("Bidrag Trädgårdens ekonomiska förening", "", "", OTHER, {CASH_GRANT}),
    ("KONTANTBIDRAG TILL ASF", "", "", OTHER, {CASH_GRANT}),
    ("Föreläsning, faktura Talarna AB", "", "", LECTURERS, set()),
    ("Stöd till deltagare på ASF under arbetsträning", "", "", OTHER, set()),
    ("Utbetalning Gävle kommun", "", "4510", OTHER, set()),
    ("Bidrag till kommunens resor", "", "", OTHER, set()),
    # starta_utveckla
    ("Uppstart av ASF i Ockelbo", "", "", OTHER, {START_OR_DEVELOP}),
    ("Etablering av socialt företag i Hofors", "", "", OTHER, {START_OR_DEVELOP}),
    ("Utveckling av ASF Gröna Händer", "", "", OTHER, {START_OR_DEVELOP}),
    ("Starta arbetsintegrerande kooperativ", "", "", OTHER, {START_OR_DEVELOP}),
    ("Uppstartsstöd Gröna Händer", "", "", OTHER, {START_OR_DEVELOP, CASH_GRANT}),
    ("Inspirationsdag om ASF", "", "", OTHER, set()),
    ("Seminarium: starta ASF i länet", "", "", OTHER, set()),
    ("Studiebesök hos ASF om utveckling", "", "", OTHER, set()),
    ("Föreläsning om att starta socialt företag", "", "", LECTURERS, set()),
    ("Information om ASF till politiker, utveckling av samverkan", "", "", OTHER, set()),
    ("Policy för utveckling av ASF i kommunerna", "", "", OTHER, set()),
    ("Samordnare för utveckling av ASF-samverkan", "", "", STAFF_LINE, set()),
    ("Utveckling av kommunens webbplats", "", "", OTHER, set()),
    # medlemskap
    ("Medlemsavgift Skoopi 2019", "", "", OTHER, {MEMBERSHIP}),
    ("Medlemsavgiften till Coompanion", "", "", OTHER, {MEMBERSHIP}),
    ("Medlemskap i nätverket för sociala företag", "", "", OTHER, {MEMBERSHIP}),
    ("Årsavgift för medlem, Riksförbundet KFO", "", "", OTHER, {MEMBERSHIP}),
    ("Årsavgift Gröna Händer", "", "", OTHER, {MEMBERSHIP}),
    ("Avgift 2019", "", "", MEMBER_LINE, {MEMBERSHIP}),  # the line says what it is
    ("Årsavgift licens enkätverktyg", "", "", OTHER, set()),
    ("Medlemsmöte, fika till medlemmarna", "", "", OTHER, set()),
    # kompetensutveckling
    ("Affärsutveckling för Gröna Händer", "", "", OTHER, {COMPETENCE}),
    ("Affärsutvecklingen på företaget", "", "", OTHER, {COMPETENCE}),
    ("Kompetensutveckling ASF Returverket i Sandviken", "", "", OTHER, {COMPETENCE}),
    ("Utbildning för personalen på socialt företag", "", "", OTHER, {COMPETENCE}),
    ("Kurs för anställda på ASF", "", "", OTHER, {COMPETENCE}),
    ("Fortbildning för styrelsen i Gröna Händer", "", "", OTHER, {COMPETENCE}),
    ("Handledarutbildning för handledare på Gröna Händer", "", "", OTHER, {COMPETENCE}),
    ("Utbildning om ASF för målgruppen", "", "", OTHER, set()),
    ("Seminarium om affärsutveckling i ASF för kommunerna", "", "", OTHER, set()),
    ("Föreläsning om affärsutveckling för personalen på ASF", "", "", OTHER, {COMPETENCE}),
    ("Utbildning om arbetsintegrerande sociala företag för deltagare", "", "", OTHER, set()),
    ("Kompetensutveckling processledare", "", "", STAFF_LINE, set()),
    ("Utbildning om ASF", "", "", STAFF_LINE, set()),  # the line's name is no staff
    # placering direkt
    ("Platser för arbetsträning, Gröna Händer", "", "", PLACEMENTS, {PLACEMENT_DIRECT}),
    ("Faktura arbetsträning", "Köp av verksamhet", "4610", PLACEMENTS, set()),
    ("Arbetsträning hos Byggstart AB", "", "", PLACEMENTS, {PLACEMENT_DIRECT}),
    ("Arbetsträning på ASF", "", "", PLACEMENTS, {PLACEMENT_DIRECT}),
    ("Placering på Gröna Händer via Gävle kommun", "", "", PLACEMENTS, set()),
    ("Arbetsförmedlingen: upphandlade platser hos ASF", "", "", PLACEMENTS, set()),
    ("Region Gävleborg, platser på socialt företag", "", "", PLACEMENTS, set()),
    ("Försäkringskassan, placering Byggstart AB", "", "", PLACEMENTS, set()),
    ("Platser för arbetsträning, Gröna Händer", "", "", OTHER, set()),
]


def _cost(i: int, text: str, kontonamn: str, konto: str, line: BudgetLine) -> Cost:
    assert line.id is not None
    return Cost(i, 7, date(2019, 5, 1), 100_000, line.id, text, konto=konto, kontonamn=kontonamn)


@pytest.mark.parametrize(("text", "kontonamn", "konto", "line", "rules"), CASES)
def test_each_rule_flags_what_shows_it_and_allows_its_look_alikes(
    text: str, kontonamn: str, konto: str, line: BudgetLine, rules: set[str]
) -> None:
    found = check_costs([_cost(1, text, kontonamn, konto, line)], LINES, asf_names=ASF_NAMES)
    assert {f.rule.code for f in found} == rules
    seen = fold(f"{line.name} {text} {kontonamn} {konto}")
    for f in found:  # the words that matched are the cost's own (or its konto)
        assert f.matched, f"{text}: a finding must name the words that matched"
        for word in f.matched.split(" + "):
            assert word == f"konto {konto}" or fold(word) in seen, (text, word)


@pytest.mark.parametrize(
    ("text", "kontonamn", "konto", "line", "rules"), [c for c in CASES if c[4]]
)
def test_a_credit_or_refund_finances_nothing(
    text: str, kontonamn: str, konto: str, line: BudgetLine, rules: set[str]
) -> None:
    credit = replace(_cost(1, text, kontonamn, konto, line), amount=-100_000)
    assert check_costs([credit], LINES, asf_names=ASF_NAMES) == []


def test_every_rule_has_a_flagged_case_and_an_allowed_look_alike() -> None:
    flagged = set().union(*(r for *_, r in CASES))
    assert flagged == set(RULES)
    assert sum(1 for *_, r in CASES if not r) >= 2 * len(RULES)


@pytest.mark.parametrize(
    "text",
    [
        "MEDLEMSAVGIFT SKOOPI",
        "medlemsavgift skoopi",
        unicodedata.normalize("NFD", "Årsavgift Gröna Händer"),
        unicodedata.normalize("NFC", "Årsavgift Gröna Händer"),
        "Medlémsavgift Skoopi",  # an accent where there is none
    ],
)
def test_case_and_accents_do_not_matter(text: str) -> None:
    found = check_costs([_cost(1, text, "", "", OTHER)], LINES, asf_names=ASF_NAMES)
    assert [f.rule.code for f in found] == [MEMBERSHIP]


def test_a_register_name_written_decomposed_is_still_the_asf() -> None:
    names = [unicodedata.normalize("NFD", "Gröna Händer")]
    found = check_costs(
        [_cost(1, "Kontantbidrag Gröna Händer", "", "", OTHER)], LINES, asf_names=names
    )
    assert [f.rule.code for f in found] == [CASH_GRANT]
    assert "Gröna Händer" in unicodedata.normalize("NFC", found[0].matched)


def test_a_name_inside_another_word_is_not_the_asf() -> None:
    found = check_costs(
        [_cost(1, "Bidrag till Kvarngrönahändernas förening", "", "", OTHER)],
        LINES,
        asf_names=["Gröna Händer"],
    )
    assert found == []


def test_every_quote_is_the_guidances_own_words() -> None:
    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s.replace("\uf0b7", " ")).strip()

    guidance = norm(GUIDANCE.read_text(encoding="utf-8"))
    for rule in RULES.values():
        assert norm(rule.quote) in guidance, rule.code
        assert rule.cited.endswith(f" {rule.quote}”") or rule.cited.endswith(f"”{rule.quote}”")
        if rule.lead:  # the list's lead-in, found before its item
            lead = guidance.find(norm(rule.lead))
            assert 0 <= lead < guidance.find(norm(rule.quote)), rule.code
            assert rule.cited == f"Vägledningen: ”{rule.lead} {rule.quote}”"


def test_notes_are_shown_with_their_finding_and_only_there() -> None:
    a = _cost(1, "Medlemsavgift Skoopi", "", "", OTHER)
    b = _cost(2, "Medlemsavgift Coompanion", "", "", OTHER)
    c = _cost(3, "Kontantbidrag och medlemsavgift, Gröna Händer", "", "", OTHER)
    notes = {(1, MEMBERSHIP): "Sagt upp", (3, CASH_GRANT): "Felkonterad", (2, CASH_GRANT): "x"}
    found = check_costs([c, b, a], LINES, asf_names=ASF_NAMES, notes=notes)
    by = {(f.cost.id, f.rule.code): f for f in found}
    assert set(by) == {(1, MEMBERSHIP), (2, MEMBERSHIP), (3, CASH_GRANT), (3, MEMBERSHIP)}
    assert by[1, MEMBERSHIP].note == "Sagt upp" and by[1, MEMBERSHIP].noted
    assert by[3, CASH_GRANT].note == "Felkonterad"
    assert (
        by[2, MEMBERSHIP].note == "" and not by[2, MEMBERSHIP].noted
    )  # (2, kontantbidrag) is no finding
    assert by[3, MEMBERSHIP].note == ""
    assert by[1, MEMBERSHIP].to_dict()["note"] == "Sagt upp"
    assert [f.cost.id for f in found] == sorted(f.cost.id for f in found)  # date, then id
