"""The demo's money: an *example* budget and example costs for the Gävleborg insats.

The final report gives no budget or accounts, so every figure here is an example
("(exempelbelopp)" in every text), sized for a processledare on half time, lecturers,
venues and fika at the insats's conferences and trainings, and placements bought
through a kommun. Two costs show the funding rules at work: a membership fee (flagged,
and noted as corrected) and a planned course in business development for an ASF
(flagged before the money is spent).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.core.economy_entities import Cost, KontoMapping
from app.core.entities import Insats
from app.store.database import Store

EXAMPLE = "(exempelbelopp)"
SOURCE = "huvudbok-exempel.xlsx"

# Budget per line and whole year, in kronor; 2016 (from August) gets 5/12 of it.
BUDGET_KR: Mapping[str, int] = {
    "Personal": 330_000,
    "Lokaler": 20_000,
    "Förtäring": 25_000,
    "Föreläsare och arvoden": 60_000,
    "Resor": 30_000,
    "Material": 15_000,
    "Medel för individinriktade placeringar": 150_000,
    "Övrigt": 10_000,
}
KONTON: Mapping[str, tuple[str, str]] = {
    "Personal": ("5010", "Löner och arbetsgivaravgifter"),
    "Lokaler": ("6110", "Lokalhyra"),
    "Förtäring": ("6450", "Förtäring och representation"),
    "Föreläsare och arvoden": ("6580", "Arvoden föreläsare"),
    "Resor": ("7110", "Resekostnader"),
    "Material": ("6410", "Trycksaker och material"),
    "Medel för individinriktade placeringar": ("4610", "Köp av verksamhet"),
    "Övrigt": ("6990", "Övriga kostnader"),
}
# Costs at the activities (title → line → kronor).
AT_ACTIVITIES: tuple[tuple[str, str, int], ...] = (
    ("Vägar till arbete – lokal samverkan", "Föreläsare och arvoden", 18_000),
    ("Vägar till arbete – lokal samverkan", "Förtäring", 7_450),
    ("Framtidens företagande", "Lokaler", 6_500),
    ("Framtidens företagande", "Förtäring", 9_875),
    ("Processutbildning om ASF 1", "Föreläsare och arvoden", 12_500),
    ("Processutbildning om ASF 2", "Föreläsare och arvoden", 12_500),
    ("Processutbildning om ASF 3", "Föreläsare och arvoden", 12_500),
    ("Länsövergripande kunskapsdialog", "Förtäring", 4_320),
    ("Konferens om goda insatser för ASF", "Lokaler", 8_000),
    ("Konferens om goda insatser för ASF", "Föreläsare och arvoden", 22_000),
    ("SKR:s inspirationsdag om ASF", "Resor", 3_640),
)
MEMBERSHIP_NOTE = "Exempel: betaldes av misstag; beloppet återfördes i mars (se kreditering)."


def _voucher(n: int) -> str:
    return f"E{n:04d}"


def add_economy(store: Store, insats: Insats) -> int:
    """The example budget and costs; returns the number of costs."""
    assert insats.id is not None
    insats_id = insats.id
    economy = store.economy
    line = {x.name: x.id for x in economy.lines() if x.id is not None}
    for year in insats.years:
        months = 13 - insats.start.month if year == insats.start.year else 12
        economy.set_budgets(
            insats_id,
            year,
            {line[name]: kr * months // 12 * 100 for name, kr in BUDGET_KR.items()},
        )
    costs: list[Cost] = []

    def booked(day: date, name: str, kr: float, text: str, activity: int | None = None) -> None:
        konto, kontonamn = KONTON[name]
        costs.append(
            Cost(
                None,
                insats_id,
                day,
                round(kr * 100),
                line[name],
                f"{text} {EXAMPLE}",
                activity,
                verifikation=_voucher(len(costs) + 1),
                konto=konto,
                kontonamn=kontonamn,
                source=SOURCE,
            )
        )

    for year in insats.years:
        first_quarter = 3 if year == insats.start.year else 0
        for quarter in range(first_quarter, 4):
            booked(
                date(year, quarter * 3 + 3, 25),
                "Personal",
                82_450.0 + 150 * (year - 2016),
                f"Lön processledare 50 %, kvartal {quarter + 1}",
            )
        booked(date(year, 11, 20), "Material", 4_980.5, "Trycksaker ASF-broschyr")
        booked(date(year, 9, 10), "Resor", 2_315.0, "Tågresor till samverkansgrupperna")
        if year >= 2017:
            booked(
                date(year, 6, 15),
                "Medel för individinriktade placeringar",
                120_000.0,
                "Hofors kommun, placeringar på ASF enligt överenskommelse",
            )
    activities = store.activities.rows(insats_id, None)
    for title, name, kr in AT_ACTIVITIES:
        found = [a for a in activities if a.title.startswith(title)]
        if found:
            a = found[0]
            booked(a.start, name, kr, f"{name}: {a.title[:60]}", a.id)
    # The funding rules at work.
    booked(date(2019, 2, 12), "Övrigt", 2_500.0, "Medlemsavgift Coompanion Gävleborg 2019")
    booked(date(2019, 3, 18), "Övrigt", -2_500.0, "Kreditering medlemsavgift Coompanion")
    costs.append(
        Cost(
            None,
            insats_id,
            date(2020, 11, 10),
            1_500_000,
            line["Föreläsare och arvoden"],
            f"Kurs i affärsutveckling för Arbetsintegrerande sociala företag i Gävleborg {EXAMPLE}",
            planned=True,
        )
    )
    mapping = [KontoMapping(k, line[name], n) for name, (k, n) in KONTON.items()]
    economy.add_costs(costs, mapping)
    membership = [
        c
        for c in economy.costs(insats_id)
        if c.text.startswith("Medlemsavgift") and c.id is not None
    ]
    for c in membership:
        assert c.id is not None
        economy.set_note(c.id, "medlemskap", MEMBERSHIP_NOTE)
    return len(costs)
