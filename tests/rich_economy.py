"""Generated money for an insats (issue 15), valid by construction from a seeded rng:
a budget for every line in most years, booked costs by hand and from "the ledger"
(verifikation, konto, kontonamn), planned costs, some linked to activities, some whose
text the funding rules flag, and a note on one of those findings."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.core.economy_entities import Cost, KontoMapping
from app.core.entities import Insats
from app.operations.economy import findings
from app.store.database import Store

# (konto, kontonamn) per line name, as a kommunal kontoplan might have them.
KONTON = {
    "Personal": [("5010", "Löner tjänstemän"), ("5410", "Arbetsgivaravgifter")],
    "Lokaler": [("6110", "Lokalhyra")],
    "Förtäring": [("6450", "Förtäring och representation")],
    "Föreläsare och arvoden": [("6580", "Arvoden föreläsare")],
    "Resor": [("7110", "Resekostnader")],
    "Material": [("6410", "Trycksaker och material")],
    "Medel för individinriktade placeringar": [("4610", "Köp av verksamhet")],
    "Övrigt": [("6990", "Övriga kostnader")],
}
TEXTS = ("Faktura", "Inköp", "Kostnad", "Avgift", "Utlägg")
FLAGGED = (
    "Medlemsavgift Skoopi {year}",
    "Kontantbidrag till ASF-företaget Gröna Händer AB",
    "Affärsutveckling för personalen på socialt företag",
)


def add_economy(store: Store, insats: Insats, rng: random.Random) -> int:
    """Budgets and costs for every year of ``insats``; returns the number of costs."""
    assert insats.id is not None
    economy = store.economy
    lines = [x for x in economy.lines() if x.active]
    activities = store.activities.rows(insats.id, None)
    mapping: list[KontoMapping] = []
    costs: list[Cost] = []
    voucher = 1000
    for year in insats.years:
        if rng.random() < 0.85:
            economy.set_budgets(
                insats.id,
                year,
                {x.id: rng.randrange(0, 40) * 500_000 for x in lines if x.id is not None},
            )
        first = max(date(year, 1, 1), insats.start)
        last = min(date(year, 12, 31), insats.end)
        days = (last - first).days
        for _ in range(rng.randint(4, 14)):
            line = rng.choice(lines)
            assert line.id is not None
            konto, kontonamn = rng.choice(KONTON.get(line.name, [("6990", "Övriga kostnader")]))
            day = first + timedelta(days=rng.randint(0, days))
            amount = rng.randrange(-20_000, 3_000_000) or 100
            ledger = rng.random() < 0.6
            planned = not ledger and rng.random() < 0.3
            if planned and amount < 0:
                amount = -amount
            voucher += 1
            in_year = [a for a in activities if a.start.year == year]
            costs.append(
                Cost(
                    None,
                    insats.id,
                    day,
                    amount,
                    line.id,
                    f"{rng.choice(TEXTS)} {voucher}",
                    rng.choice(in_year).id if in_year and rng.random() < 0.3 else None,
                    verifikation=f"V{voucher}" if ledger else "",
                    konto=konto if ledger else "",
                    kontonamn=kontonamn if ledger else "",
                    source=f"huvudbok-{year}.xlsx" if ledger else "",
                    planned=planned,
                )
            )
            if ledger:
                mapping.append(KontoMapping(konto, line.id, kontonamn))
        if rng.random() < 0.5:
            line = rng.choice(lines)
            assert line.id is not None
            costs.append(
                Cost(
                    None,
                    insats.id,
                    first + timedelta(days=rng.randint(0, days)),
                    rng.randrange(100_00, 20_000_00),
                    line.id,
                    rng.choice(FLAGGED).format(year=year),
                )
            )
    unique = {m.konto: m for m in mapping}
    economy.add_costs(costs, list(unique.values()))
    flagged = findings(store, insats)
    if flagged and rng.random() < 0.7:
        f = rng.choice(flagged)
        assert f.cost.id is not None
        economy.set_note(f.cost.id, f.rule.code, "Bedömd: avser inte ett ASF.")
    return len(costs)
