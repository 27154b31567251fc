"""An example economy for the demo's Gävleborg insats: a budget per year and the costs
of 2018 and 2019, so the Ekonomi tab, the reports and the funding rules' findings have
something to show.

The final report gives no budget and no costs: every amount here is an example,
and every text says so ("(exempelbelopp)"). The figures are believable for a
processledare at half time (lön and arbetsgivaravgifter from the ledger every month), a
few lecturers, venues and fika for the trainings, some travel and print. Two costs are
ones the funding rules flag — a membership fee to an interest organisation and a
placement paid straight to an ASF — and the first has a note, as a processledare would
write one.
"""

from __future__ import annotations

from datetime import date

from app.core.economy_entities import Cost, KontoMapping
from app.core.entities import Insats
from app.core.funding_rules import MEMBERSHIP
from app.store.database import Store

EXAMPLE = "(exempelbelopp)"
LEDGER = "huvudboksutdrag {year} (exempel).xlsx"
NOTE = (
    "Exempel på anteckning: medlemskapet sades upp i maj 2018 och avgiften krediteras; "
    "bedömt med förbundschefen."
)

# The budget per year and line, in whole kronor (2016: August to December only).
BUDGET: dict[int, dict[str, int]] = {
    2016: {"Personal": 130_000, "Lokaler": 5_000, "Förtäring": 4_000, "Resor": 4_000},
    **{
        year: {
            "Personal": 315_000,
            "Lokaler": 30_000,
            "Förtäring": 25_000,
            "Föreläsare och arvoden": 60_000,
            "Resor": 15_000,
            "Material": 10_000,
            "Övrigt": 5_000,
        }
        for year in (2017, 2018, 2019, 2020)
    },
}

# (month, day, kronor, line, text, activity title or "") of 2018 and 2019 by hand.
BY_HAND: tuple[tuple[int, int, int, str, str, str], ...] = (
    (1, 17, 9_500, "Föreläsare och arvoden", "Föreläsare processutbildning om ASF 1", "1"),
    (1, 17, 4_800, "Lokaler", "Lokalhyra Gävle, processutbildning 1", "1"),
    (1, 17, 1_350, "Förtäring", "Fika 15 deltagare, processutbildning 1", "1"),
    (4, 11, 9_500, "Föreläsare och arvoden", "Föreläsare processutbildning om ASF 2", "2"),
    (4, 11, 4_800, "Lokaler", "Lokalhyra Gävle, processutbildning 2", "2"),
    (4, 11, 1_350, "Förtäring", "Fika 15 deltagare, processutbildning 2", "2"),
    (9, 12, 9_500, "Föreläsare och arvoden", "Föreläsare processutbildning om ASF 3", "3"),
    (9, 12, 1_350, "Förtäring", "Fika 15 deltagare, processutbildning 3", "3"),
    (12, 5, 12_000, "Föreläsare och arvoden", "Två föreläsare, kunskapsdialog om ASF", "k"),
    (12, 5, 8_500, "Lokaler", "Konferenslokal, länsövergripande kunskapsdialog", "k"),
    (12, 5, 4_550, "Förtäring", "Lunch och fika 35 deltagare, kunskapsdialog", "k"),
    (3, 20, 4_200, "Material", "Trycksaker: folder om ASF till kommunerna", ""),
    (2, 14, 2_400, "Övrigt", "Medlemsavgift Coompanion Gävleborg 2018", ""),
    (10, 15, 18_000, "Föreläsare och arvoden", "Tre föreläsare, konferens om ASF", "c"),
    (10, 15, 16_500, "Lokaler", "Konferenslokal och teknik, konferens om ASF", "c"),
    (10, 15, 9_800, "Förtäring", "Lunch och fika 70 deltagare, konferens", "c"),
    (11, 28, 3_800, "Material", "Tryck av konferensdokumentation", ""),
    (
        6,
        3,
        24_000,
        "Medel för individinriktade placeringar",
        "Platser för arbetsträning, faktura från Arbetsintegrerande sociala företag i Gävleborg",
        "",
    ),
)
# Which year each cost of BY_HAND is in (the first twelve 2018, the rest 2019).
_YEAR_OF = (2018,) * 13 + (2019,) * 5
_ACTIVITY = {
    "1": "Processutbildning om ASF 1",
    "2": "Processutbildning om ASF 2",
    "3": "Processutbildning om ASF 3",
    "k": "Länsövergripande kunskapsdialog om ASF",
    "c": "Konferens om goda insatser för ASF i regionen",
}
# The ledger's konton for the processledare's pay, and travel each quarter.
PAY = (
    ("5010", "Löner tjänstemän", "Personal", 20_000),
    ("5410", "Arbetsgivaravgifter", "Personal", 6_284),
)
TRAVEL = ("7110", "Resekostnader", "Resor", 2_650)


def _titled(titles: dict[str, int], start: str) -> int:
    return next(i for title, i in titles.items() if title.startswith(start))


def add_example_economy(store: Store, insats: Insats) -> int:
    """Write the example budgets and costs (and the one note); returns the costs' number."""
    assert insats.id is not None
    economy = store.economy
    line_of = {x.name: x.id for x in economy.lines() if x.id is not None}
    for year, amounts in BUDGET.items():
        economy.set_budgets(insats.id, year, {line_of[n]: k * 100 for n, k in amounts.items()})
    titles = {a.title: a.id for a in store.activities.rows(insats.id, None)}  # by title
    costs: list[Cost] = []
    for (month, day, kr, line, text, activity), year in zip(BY_HAND, _YEAR_OF, strict=True):
        activity_id = _titled(titles, _ACTIVITY[activity]) if activity else None
        costs.append(
            Cost(
                None,
                insats.id,
                date(year, month, day),
                kr * 100,
                line_of[line],
                f"{text} {EXAMPLE}",
                activity_id,
            )
        )
    voucher = 0
    for year in (2018, 2019):
        for month in range(1, 13):
            rows = [*PAY, TRAVEL] if month % 3 == 0 else list(PAY)
            for konto, kontonamn, line, kr in rows:
                voucher += 1
                costs.append(
                    Cost(
                        None,
                        insats.id,
                        date(year, month, 25),
                        kr * 100,
                        line_of[line],
                        f"{kontonamn} processledare 50 % {EXAMPLE}",
                        verifikation=f"{year % 100}-{voucher:04d}",
                        konto=konto,
                        kontonamn=kontonamn,
                        source=LEDGER.format(year=year),
                    )
                )
    mapping = [KontoMapping(k, line_of[line], name) for k, name, line, _ in (*PAY, TRAVEL)]
    economy.add_costs(costs, mapping)
    member = next(c for c in economy.costs(insats.id) if c.text.startswith("Medlemsavgift"))
    assert member.id is not None
    economy.set_note(member.id, MEMBERSHIP, NOTE)
    return len(costs)
