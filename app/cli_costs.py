"""`insatslogg costs list|check|add|note` and `insatslogg budget show|set`: the insats's
money without a window, through the same store and core as the Ekonomi tab.

    insatslogg costs list [--year ÅR | --from DATUM --to DATUM] [--json]
    insatslogg costs check [--json]           (Nationella rådets vägledning)
    insatslogg costs add --date DATUM --amount BELOPP --line BUDGETRAD [--text T]
                         [--activity ID] [--planned]
    insatslogg costs note KOSTNAD REGEL TEXT | --clear
    insatslogg budget show [--year ÅR] [--json]
    insatslogg budget set --year ÅR --line BUDGETRAD BELOPP

Findings are findings, not errors: ``check`` exits 0 with them. A write is one change
set of the change log, named by what it did.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli_parser import add_db_option, heltal
from app.core.economy_entities import BudgetLine, Cost, validate_cost
from app.core.errors import DomainError
from app.core.funding_rules import RULES
from app.core.money import MoneyError, kronor, parse_kronor

if TYPE_CHECKING:
    from app.core.entities import Insats
    from app.store.database import Store


def _amount(text: str) -> int:
    try:
        return parse_kronor(text)
    except MoneyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} är inget datum (ÅÅÅÅ-MM-DD)") from None


def register(subparsers: Any) -> None:
    costs = subparsers.add_parser(
        "costs",
        help="insatsens kostnader: lista, regelkontroll, lägg till, anteckna",
        description="Insatsens kostnader och kontrollen mot Nationella rådets vägledning.",
    )
    verbs = costs.add_subparsers(dest="verb", required=True, metavar="list|check|add|note")
    listing = verbs.add_parser("list", help="lista kostnaderna")
    listing.add_argument("--year", type=heltal, metavar="ÅR", help="bara ett år")
    listing.add_argument("--from", dest="first", type=_day, metavar="DATUM")
    listing.add_argument("--to", dest="last", type=_day, metavar="DATUM")
    listing.add_argument("--json", action="store_true", help="skriv ut som JSON")
    check = verbs.add_parser("check", help="kostnader som vägledningen kan gälla (fynd)")
    check.add_argument("--json", action="store_true", help="skriv ut som JSON")
    add = verbs.add_parser("add", help="lägg till en kostnad för hand")
    add.add_argument("--date", dest="day", type=_day, required=True, metavar="DATUM")
    add.add_argument("--amount", type=_amount, required=True, metavar="BELOPP")
    add.add_argument("--line", required=True, metavar="BUDGETRAD")
    add.add_argument("--text", default="", metavar="TEXT")
    add.add_argument("--activity", type=heltal, metavar="ID")
    add.add_argument("--planned", action="store_true", help="en planerad kostnad")
    note = verbs.add_parser("note", help="anteckna din bedömning av ett fynd")
    note.add_argument("cost", type=heltal, metavar="KOSTNAD", help="kostnadens id")
    note.add_argument("rule", choices=sorted(RULES), metavar="REGEL")
    note.add_argument("text", nargs="?", default="", metavar="TEXT")
    note.add_argument("--clear", action="store_true", help="ta bort anteckningen")
    for p in (listing, check, add, note):
        add_db_option(p)

    budget = subparsers.add_parser("budget", help="insatsens budget per år och budgetrad")
    bverbs = budget.add_subparsers(dest="verb", required=True, metavar="show|set")
    show = bverbs.add_parser("show", help="visa budget mot utfall")
    show.add_argument("--year", type=heltal, metavar="ÅR", help="ett år (annars hela insatsen)")
    show.add_argument("--json", action="store_true", help="skriv ut som JSON")
    put = bverbs.add_parser("set", help="ange årets budget för en budgetrad")
    put.add_argument("--year", type=heltal, required=True, metavar="ÅR")
    put.add_argument("--line", required=True, metavar="BUDGETRAD")
    put.add_argument("amount", type=_amount, metavar="BELOPP")
    for p in (show, put):
        add_db_option(p)


@contextmanager
def _writing(args: argparse.Namespace, command: str) -> Iterator[tuple[Store, Insats]]:
    from app.cli_period import NO_INSATS
    from app.store.database import resolve_path
    from app.store.instance_lock import as_command
    from app.store.opening import open_database

    with as_command(command):
        opened = open_database(resolve_path(getattr(args, "db", None)), must_exist=True)
    try:
        insats = opened.store.reference.current_insats()
        if insats is None or insats.id is None:
            raise DomainError(NO_INSATS)
        yield opened.store, insats
    finally:
        opened.close(warn=lambda m: print(f"insatslogg: varning: {m}", file=sys.stderr))


def _line(lines: Sequence[BudgetLine], name: str) -> BudgetLine:
    for line in lines:
        if line.name.casefold() == name.strip().casefold():
            return line
    names = ", ".join(x.name for x in lines if x.active)
    raise DomainError(f"Budgetraden {name} finns inte. Budgetraderna är: {names}.")


def _source(cost: Cost) -> str:
    if cost.planned:
        return "Planerad"
    return cost.source or "För hand"


def run_costs(args: argparse.Namespace) -> int:
    if args.verb in ("list", "check"):
        return _read_costs(args)
    command = f"insatslogg costs {args.verb}"
    with _writing(args, command) as (store, insats):
        assert insats.id is not None
        if args.verb == "add":
            lines = store.economy.lines()
            line = _line(lines, args.line)
            assert line.id is not None
            if args.activity is not None:
                activity = store.activities.get(args.activity)
                if activity.insats_id != insats.id:
                    raise DomainError(f"Aktiviteten {args.activity} hör inte till insatsen.")
            cost = Cost(
                None,
                insats.id,
                args.day,
                args.amount,
                line.id,
                args.text,
                args.activity,
                planned=args.planned,
            )
            validate_cost(cost, insats.years, [x.id for x in lines if x.active and x.id])
            saved = store.economy.save_cost(cost)
            store.changes.collect(label="lägg till kostnad")
            print(f"Kostnaden {saved.id} lades till: {kronor(saved.amount)} kr, {line.name}.")
            return 0
        cost = store.economy.cost(args.cost)
        if cost.insats_id != insats.id:
            raise DomainError(f"Kostnaden {args.cost} hör inte till insatsen.")
        text = "" if args.clear else args.text
        if not args.clear and not text.strip():
            raise DomainError("Skriv anteckningen, eller ange --clear för att ta bort den.")
        store.economy.set_note(args.cost, args.rule, text)
        store.changes.collect(label="anteckna regelkontroll")
        print("Anteckningen togs bort." if args.clear else "Anteckningen sparades.")
        return 0


def _read_costs(args: argparse.Namespace) -> int:
    from app.cli_period import reading_insats
    from app.operations.economy import findings

    with reading_insats(args) as (store, insats):
        assert insats.id is not None
        if args.verb == "check":
            found = findings(store, insats)
            if args.json:
                print(json.dumps([f.to_dict() for f in found], ensure_ascii=False, indent=2))
                return 0
            if not found:
                print("Ingen kostnad träffas av Nationella rådets vägledning.")
            for f in found:
                c = f.cost
                print(f"Kostnad {c.id}, {c.day.isoformat()}, {kronor(c.amount)} kr: {c.text}")
                print(f"  {f.rule.title} (regel {f.rule.code}, träff: {f.matched})")
                print(f"  {f.rule.cited}")
                print(f"  Anteckning: {f.note}" if f.noted else "  Ingen anteckning ännu.")
            print("Fynd, inte förbud: du avgör och kan anteckna varför (costs note).")
            return 0
        first, last = args.first, args.last
        if args.year is not None:
            first, last = date(args.year, 1, 1), date(args.year, 12, 31)
        costs = store.economy.costs(insats.id, first, last)
        if args.json:
            print(json.dumps([c.to_dict() for c in costs], ensure_ascii=False, indent=2))
            return 0
        names = {x.id: x.name for x in store.economy.lines()}
        for c in costs:
            print(
                f"{c.id:>6}  {c.day.isoformat()}  {kronor(c.amount):>14}  "
                f"{names.get(c.line_id, ''):<24}  {_source(c):<16}  {c.text}"
            )
        print(f"{len(costs)} kostnader, summa {kronor(sum(c.amount for c in costs))} kr.")
        return 0


def run_budget(args: argparse.Namespace) -> int:
    from app.core.economy import COLUMNS

    if args.verb == "set":
        with _writing(args, "insatslogg budget set") as (store, insats):
            assert insats.id is not None
            if args.year not in insats.years:
                raise DomainError(f"{args.year} är inte ett av insatsens år.")
            line = _line(store.economy.lines(), args.line)
            assert line.id is not None
            store.economy.set_budgets(insats.id, args.year, {line.id: args.amount})
            store.changes.collect(label=f"ändra budget {args.year}")
            print(f"Budgeten {args.year} för {line.name}: {kronor(args.amount)} kr.")
            return 0
    from app.cli_period import reading_insats
    from app.operations.economy import insats_economy, year_economy

    with reading_insats(args) as (store, insats):
        if args.year is not None and args.year not in insats.years:
            raise DomainError(f"{args.year} är inte ett av insatsens år.")
        economy = (
            insats_economy(store, insats)
            if args.year is None
            else year_economy(store, insats, args.year)
        )
    if args.json:
        print(json.dumps(economy.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"{insats.name} – budget och utfall {economy.label}")
    print("  ".join(f"{c:>14}" if i else f"{c:<40}" for i, c in enumerate(COLUMNS)))
    for row in (*economy.rows, economy.total):
        used = "–" if row.used_percent is None else f"{row.used_percent} %"
        cells = [kronor(v) for v in row.amounts] + [used]
        print(f"{row.label:<40}  " + "  ".join(f"{v:>14}" for v in cells))
    for label, value, divisor in economy.ratios.rows():
        shown = "–" if value is None else f"{kronor(value * 100, ore_shown=False)} kr"
        print(f"{label}: {shown} (delat med {'–' if divisor is None else divisor})")
    if economy.note:
        print(economy.note)
    return 0
