"""`insatslogg import costs FIL [--dry-run] [--accept-mapping] [--map KONTO=BUDGETRAD]`:
a ledger extract's costs into the current insats, all or nothing.

The report says what was read, the sums checked, what is added per budget line,
the duplicates and what is left out. Konton seen for the first time get a suggested
line, printed; they are imported only when the user accepts the suggestions
(``--accept-mapping``) or maps each one (``--map 5010=Personal``, ``--map 3010=-`` for
not a cost). Exit 0 when done (or a dry run), 1 when nothing could be imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import DomainError
from app.core.konto_suggestions import NOT_A_COST
from app.core.money import kronor_kr
from app.core.wording import count_noun

if TYPE_CHECKING:
    from app.core.economy_entities import BudgetLine
    from app.operations.cost_import import CostPlan, KontoPlan

SHOWN = 20


def add_costs_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--accept-mapping",
        action="store_true",
        help="kostnader: godta de föreslagna budgetraderna för konton som är nya",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KONTO=BUDGETRAD",
        help="kostnader: kontots budgetrad (namnet), eller KONTO=- för inte en kostnad; "
        "kan upprepas",
    )


def _chosen(texts: list[str], lines: list[BudgetLine]) -> dict[str, int | None]:
    by_name = {x.name.strip().casefold(): x for x in lines if x.active}
    chosen: dict[str, int | None] = {}
    for text in texts:
        konto, sep, name = text.partition("=")
        konto, name = konto.strip(), name.strip()
        if not sep or not konto or not name:
            raise DomainError(f"--map {text}: skriv KONTO=BUDGETRAD, till exempel 5010=Personal.")
        if name == "-":
            chosen[konto] = None
            continue
        line = by_name.get(name.casefold())
        if line is None:
            names = ", ".join(x.name for x in lines if x.active)
            raise DomainError(f"--map {text}: det finns ingen aktiv budgetrad {name} ({names}).")
        chosen[konto] = line.id
    return chosen


def report_lines(plan: CostPlan, names: dict[int | None, str]) -> list[str]:
    """The plan as the command prints it (Swedish)."""
    x = plan.extract
    read = count_noun(len(x.lines), "rad", "rader")
    out = [f"{plan.source}: {read} lästa (rubrikrad {x.header_row})."]
    if x.sums:
        agree = sum(1 for s in x.sums if s.agrees)
        out.append(f"Summor i filen kontrollerade: {agree} av {len(x.sums)} stämmer.")
    if plan.problems:
        out.append(f"{len(plan.problems)} fel; ingenting kan importeras:")
        out += [f"  {p}" for p in plan.problems[:SHOWN]]
        if len(plan.problems) > SHOWN:
            out.append(f"  … och {len(plan.problems) - SHOWN} till")
        return out
    out.append("")
    out.append("Konton (konto, kontonamn, rader, summa → budgetrad):")
    for k in plan.konton:
        mark = "  (ny, föreslagen)" if k.new else ("  (ändrad)" if k.changed else "")
        out.append(
            f"  {k.konto} {k.kontonamn}: {count_noun(k.rows, 'rad', 'rader')}, "
            f"{kronor_kr(k.amount)} → "
            f"{names.get(k.line_id, NOT_A_COST)}{mark}"
        )
    out.append("")
    out.append(f"Kostnader att lägga till: {len(plan.costs)}, {kronor_kr(plan.total)}")
    for t in plan.per_line:
        out.append(f"  {t.name}: {t.count} st, {kronor_kr(t.amount)}")
    if plan.duplicates:
        out.append(
            f"Dubbletter (hoppas över): {len(plan.duplicates)}, {kronor_kr(plan.duplicate_total)}"
        )
        for line, why in plan.duplicates[:SHOWN]:
            out.append(f"  rad {line.row}: ver {line.verifikation} {kronor_kr(line.amount)}, {why}")
    for rows, what in (
        (plan.not_costs, "på konton som inte är kostnader för insatsen"),
        (plan.outside, "med datum utanför insatsen"),
        (plan.zero, "med beloppet 0"),
    ):
        if rows:
            total = sum(r.amount for r in rows)
            out.append(
                f"Utelämnas, {what}: {count_noun(len(rows), 'rad', 'rader')}, {kronor_kr(total)}"
            )
    return out


def run_costs(args: argparse.Namespace) -> int:
    from app.importers.ledger import read_ledger
    from app.operations.cost_import import apply_plan, plan_import
    from app.operations.imports import import_insats
    from app.store.database import resolve_where
    from app.store.instance_lock import as_command
    from app.store.opening import open_database

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise DomainError(f"Filen {path} finns inte.")
    extract = read_ledger(path)
    db_path = resolve_where(getattr(args, "db", None))
    with as_command("insatslogg import"):
        opened = open_database(db_path, exclusive=True, must_exist=True)
    store = opened.store
    try:
        insats = import_insats(store)
        lines = store.economy.lines()
        chosen = _chosen(args.map, lines)
        plan = plan_import(store, insats, extract, chosen)
        names: dict[int | None, str] = {x.id: x.name for x in lines}
        print("\n".join(report_lines(plan, names)))
        print()
        if not plan.ok:
            print("Ingenting importerades.")
            return 1
        unmapped = [k for k in plan.new_konton if k.konto not in chosen]
        confirmed = args.accept_mapping or not unmapped
        if args.dry_run:
            print(f"Provkörning: {len(plan.costs)} kostnader skulle importeras; inget sparades.")
            if not confirmed:
                print(_ask(unmapped))
            return 0
        if not confirmed:
            print(_ask(unmapped))
            print("Ingenting importerades.")
            return 1
        added = apply_plan(store, plan, mapping_confirmed=True)
        print(f"{added} kostnader ({kronor_kr(plan.total)}) importerades till {insats.name}.")
        return 0
    finally:
        opened.close(warn=lambda m: print(f"insatslogg: varning: {m}", file=sys.stderr))


def _ask(unmapped: list[KontoPlan]) -> str:
    konton = ", ".join(k.konto for k in unmapped)
    return (
        f"Nya konton utan bekräftad budgetrad: {konton}. Kontrollera förslagen ovan och kör "
        "igen med --accept-mapping, eller ange --map KONTO=BUDGETRAD (KONTO=- för inte en "
        "kostnad) för vart och ett."
    )
