"""`insatslogg demo --db FIL`: a new database holding the Gävleborg ASF insats 2016–2020."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.core.errors import DomainError


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `demo` command to the main parser's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help="skapa en exempeldatabas med Gävleborgs ASF-insats 2016–2020",
        description="Skapar en ny databas med ASF-insatsen i Samordningsförbund Gävleborg "
        "2016–2020 så som slutrapporten beskriver den: aktiviteter, nådda personer per år, "
        "samverkansgrupper, placeringar, länsstatistik och milstolpar. En befintlig fil "
        "skrivs aldrig över.",
    )
    parser.add_argument(
        "--db",
        metavar="FIL",
        default=argparse.SUPPRESS,
        help="den nya databasfilen (får inte finnas)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Build the demo and print what it holds; 1 (with a Swedish message) on failure."""
    from app.demo import build_demo

    db = getattr(args, "db", None)
    try:
        if not db:
            raise DomainError("Ange filen för exempeldatabasen med --db FIL.")
        summary = build_demo(Path(db).expanduser())
    except DomainError as exc:
        print(f"insatslogg: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"insatslogg: kunde inte skapa filen: {exc}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0
