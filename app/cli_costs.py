"""`insatslogg costs list|check|note|add` and `insatslogg budget set|show`: the insats's
money without the window.

``costs check`` lists the funding rules' findings with the guidance's words and any
note, and exits 0 even with findings: they are findings, not errors. Every write is one
change set in the Ändringslogg (one step of Ångra in the window), made all or nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli_parser import add_db_option, failed, heltal
from app.core.errors import DomainError
from app.core.money import MoneyError, kronor_kr, parse_kronor

if TYPE_CHECKING:
    from app.core.entities import Insats
    from app.store.database import Store


def datum(text: str) -> date:
    """A date as ÅÅÅÅ-MM-DD (the type's name is in the error message)."""
    return date.fromisoformat(text)


def belopp(text: str) -> int:
    """An amount in öre, as people write it ("1 234,50", "500 kr")."""
    try:
        return parse_kronor(text)
    except MoneyError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: Any) -> None:
    """Add the `costs` and `budget` commands to the main parser's subparsers."""
    costs = subparsers.add_parser(
        "costs",
        help="insatsens kostnader och finansieringsreglernas iakttagelser",
        description="Listar, lägger till och kontrollerar insatsens kostnader mot "
        "Nationella rådets vägledning om ASF, och antecknar bedömningar.",
    )
    add_db_option(costs)
    sub = costs.add_subparsers(dest="costs_command", metavar="ÅTGÄRD", title="åtgärder")
    sub.required = True
    listing = sub.add_parser("list", help="kostnaderna med budgetrad, aktivitet och källa")
    listing.add_argument("--year", type=heltal, metavar="ÅR", help="ett år")
    listing.add_argument("--from", dest="first", type=datum, metavar="DATUM", help="första dag")
    listing.add_argument("--to", dest="last", type=datum, metavar="DATUM", help="sista dag")
    listing.add_argument("--json", action="store_true", help="skriv ut som JSON")
    check = sub.add_parser("check", help="kostnader som finansieringsreglerna pekar ut")
    check.add_argument("--json", action="store_true", help="skriv ut som JSON")
    note = sub.add_parser("note", help="anteckna en bedömning av en iakttagelse")
    note.add_argument("cost_id", type=heltal, metavar="KOSTNAD", help="kostnadens id")
    note.add_argument("rule", metavar="REGEL", help="regelns kod, t.ex. medlemskap")
    note.add_argument("text", nargs="?", default="", metavar="TEXT", help="anteckningen")
    note.add_argument("--clear", action="store_true", help="ta bort anteckningen")
    add = sub.add_parser("add", help="lägg till en kostnad för hand")
    add.add_argument("--date", required=True, type=datum, metavar="DATUM", help="ÅÅÅÅ-MM-DD")
    add.add_argument("--amount", required=True, type=belopp, metavar="BELOPP", help="kronor")
    add.add_argument("--line", required=True, metavar="NAMN", help="budgetradens namn")
    add.add_argument("--text", default="", metavar="TEXT", help="vad kostnaden avser")
    add.add_argument("--activity", type=heltal, metavar="ID", help="aktivitetens id")
    add.add_argument("--planned", action="store_true", help="en planerad kostnad")
    for p in (listing, check, note, add):
        add_db_option(p)

    budget = subparsers.add_parser(
        "budget",
        help="insatsens budget per år och budgetrad",
        description="Sätter budgeten för en budgetrad och ett år, eller visar budget och "
        "utfall per budgetrad (ett år) eller per år (hela insatsen).",
    )
    add_db_option(budget)
    bsub = budget.add_subparsers(dest="budget_command", metavar="ÅTGÄRD", title="åtgärder")
    bsub.required = True
    bset = bsub.add_parser("set", help="sätt en budgetrads belopp för ett år (0 tar bort)")
    bset.add_argument("--year", required=True, type=heltal, metavar="ÅR", help="året")
    bset.add_argument("--line", required=True, metavar="NAMN", help="budgetradens namn")
    bset.add_argument("amount", type=belopp, metavar="BELOPP", help="kronor")
    show = bsub.add_parser("show", help="budget och utfall per budgetrad")
    show.add_argument("--year", type=heltal, metavar="ÅR", help="ett år (annars alla år)")
    show.add_argument("--json", action="store_true", help="skriv ut som JSON")
    for p in (bset, show):
        add_db_option(p)


@contextmanager
def _writing(args: argparse.Namespace, label: str) -> Iterator[tuple[Store, Insats]]:
    """The database opened to write and its current insats; everything written inside
    is one change set ``label``."""
    from app.cli_period import NO_INSATS
    from app.core.changes import ECONOMY_TAB
    from app.store.database import resolve_where
    from app.store.instance_lock import as_command
    from app.store.opening import open_database

    with as_command(f"insatslogg {args.command}"):
        opened = open_database(resolve_where(getattr(args, "db", None)), must_exist=True)
    try:
        insats = opened.store.reference.current_insats()
        if insats is None or insats.id is None:
            raise DomainError(NO_INSATS)
        with opened.store.changes.recording(label, tab=ECONOMY_TAB):
            yield opened.store, insats
    finally:
        opened.close(warn=lambda m: print(f"insatslogg: varning: {m}", file=sys.stderr))


def run_costs(args: argparse.Namespace) -> int:
    from app.cli_period import reading_insats

    try:
        if args.costs_command == "add":
            return _add(args)
        if args.costs_command == "note":
            return _note(args)
        with reading_insats(args) as (store, insats):
            if args.costs_command == "list":
                return _list(args, store, insats)
            return _check(args, store, insats)
    except (DomainError, OSError) as exc:
        return failed(exc)


def _span(args: argparse.Namespace, insats: Insats) -> tuple[date, date]:
    if args.year is not None:
        if args.first is not None or args.last is not None:
            raise DomainError("Ange antingen --year ÅR eller --from/--to, inte båda.")
        return date(args.year, 1, 1), date(args.year, 12, 31)
    first, last = args.first or insats.start, args.last or insats.end
    if last < first:
        raise DomainError("Perioden slutar före den börjar (--from/--to).")
    return first, last


def _list(args: argparse.Namespace, store: Store, insats: Insats) -> int:
    assert insats.id is not None
    first, last = _span(args, insats)
    costs = store.economy.costs(insats.id, first, last)
    lines = {x.id: x.name for x in store.economy.lines()}
    titles = {a.id: a.title for a in store.activities.rows(insats.id, None)}
    if args.json:
        rows = [
            {
                **c.to_dict(),
                "line": lines.get(c.line_id, ""),
                "activity": titles.get(c.activity_id, "") if c.activity_id else "",
            }
            for c in costs
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for c in costs:
        kind = "planerad" if c.planned else (c.source or "för hand")
        what = f"  aktivitet {c.activity_id} {titles.get(c.activity_id or 0, '')}"
        print(
            f"{c.id:>6}  {c.day.isoformat()}  {kronor_kr(c.amount):>16}  "
            f"{lines.get(c.line_id, '')}  {c.text}  ({kind}"
            f"{', ver. ' + c.verifikation if c.verifikation else ''})"
            f"{what if c.activity_id else ''}"
        )
    if not costs:
        print(f"Inga kostnader {first.isoformat()}–{last.isoformat()}.")
    return 0


def _check(args: argparse.Namespace, store: Store, insats: Insats) -> int:
    from app.operations.economy import findings

    found = findings(store, insats)
    if args.json:
        print(json.dumps([f.to_dict() for f in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Inga kostnader som finansieringsreglerna pekar ut.")
        return 0
    lines = {x.id: x.name for x in store.economy.lines()}
    for f in found:
        c = f.cost
        print(f"Kostnad {c.id}  {c.day.isoformat()}  {kronor_kr(c.amount)}  {c.text}")
        print(f"    Budgetrad: {lines.get(c.line_id, '')}")
        print(f"    {f.rule.title} (regel {f.rule.code}; ord: {f.matched})")
        print(f"    {f.rule.cited}")
        print(f"    Anteckning: {f.note}" if f.noted else "    Ingen anteckning ännu.")
    noted = sum(1 for f in found if f.noted)
    many = "iakttagelse" if len(found) == 1 else "iakttagelser"
    print(f"{len(found)} {many}, {noted} med anteckning. Det är iakttagelser, inte fel.")
    return 0


def _note(args: argparse.Namespace) -> int:
    from app.operations.economy import findings
    from app.operations.funding import rule_code, set_note

    code = rule_code(args.rule)
    text = "" if args.clear else args.text
    if not args.clear and not text.strip():
        raise DomainError("Skriv anteckningen, eller ange --clear för att ta bort den.")
    with _writing(args, f"anteckning om kostnad {args.cost_id}") as (store, insats):
        set_note(store, insats, args.cost_id, code, text)
        cost = store.economy.cost(args.cost_id)
        flagged = any(f.rule.code == code for f in findings(store, insats, [cost]))
    print("Anteckningen togs bort." if args.clear else "Anteckningen sparades.")
    if not flagged and not args.clear:
        print(
            f"Kostnaden har ingen iakttagelse enligt regeln {code} just nu; anteckningen "
            "visas om den får en."
        )
    return 0


def _add(args: argparse.Namespace) -> int:
    from app.operations.funding import add_cost

    with _writing(args, "lägg till kostnad") as (store, insats):
        cost = add_cost(
            store,
            insats,
            args.date,
            args.amount,
            args.line,
            args.text,
            args.activity,
            args.planned,
        )
    print(f"Kostnad {cost.id} sparades: {cost.day.isoformat()} {kronor_kr(cost.amount)}.")
    return 0


def run_budget(args: argparse.Namespace) -> int:
    from app.cli_period import reading_insats

    try:
        if args.budget_command == "set":
            from app.operations.funding import set_budget

            label = f"budget {args.year} {args.line}"
            with _writing(args, label) as (store, insats):
                set_budget(store, insats, args.year, args.line, args.amount)
            print(f"Budgeten för {args.line} {args.year} är {kronor_kr(args.amount)}.")
            return 0
        with reading_insats(args) as (store, insats):
            return _show(args, store, insats)
    except (DomainError, OSError) as exc:
        return failed(exc)


def _show(args: argparse.Namespace, store: Store, insats: Insats) -> int:
    from app.core.economy import COLUMNS, YEAR_COLUMNS
    from app.operations.economy import insats_economy, year_economy

    if args.year is not None and args.year not in insats.years:
        raise DomainError(f"År {args.year} ligger utanför insatsens år.")
    summary = (
        year_economy(store, insats, args.year)
        if args.year is not None
        else insats_economy(store, insats)
    )
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Budget och utfall {summary.label}")
    columns = COLUMNS if args.year is not None else YEAR_COLUMNS
    rows = [*(summary.rows if args.year is not None else summary.years), summary.total]
    width = max(len(columns[0]), *(len(r.label) for r in rows))
    print(f"{columns[0]:<{width}}  " + "  ".join(f"{c:>16}" for c in columns[1:]))
    for r in rows:
        used = "–" if r.used_percent is None else f"{r.used_percent} %"
        money = [kronor_kr(a) for a in r.amounts]
        print(f"{r.label:<{width}}  " + "  ".join(f"{v:>16}" for v in (*money, used)))
    return 0
