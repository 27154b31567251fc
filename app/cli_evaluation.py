"""`insatslogg import evaluation FIL --activity ID`: the answers of a Forms export as the
activity's evaluation — the mapping used and the result printed in Swedish, then saved
(replacing any evaluation the activity had) unless --dry-run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.core.errors import DomainError


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} är inget heltal") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{text} är negativt")
    return n


def add_evaluation_options(parser: Any) -> None:
    parser.add_argument(
        "--activity", type=_count, metavar="ID", help="enkätsvar: aktivitetens id (krävs)"
    )
    parser.add_argument(
        "--asked",
        type=_count,
        metavar="N",
        help="enkätsvar: hur många som fick enkäten (annars aktivitetens deltagare)",
    )
    parser.add_argument(
        "--quotes",
        action="store_true",
        help="enkätsvar: spara alla fritextsvar som citat (annars sparas inga)",
    )


def run_evaluation(args: argparse.Namespace) -> int:
    from app.operations.evaluations import import_lines, read_evaluation, save_evaluation
    from app.store.database import resolve_where
    from app.store.instance_lock import as_command
    from app.store.opening import open_database

    if args.activity is None:
        raise DomainError("Ange vilken aktivitet enkäten gäller med --activity ID.")
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise DomainError(f"Filen {path} finns inte.")
    with as_command("insatslogg import"):
        opened = open_database(resolve_where(getattr(args, "db", None)), must_exist=True)
    store = opened.store
    try:
        loaded = read_evaluation(store, args.activity, path, args.asked, args.quotes)
        print("\n".join(import_lines(loaded)))
        candidates = len(loaded.forms.candidate_quotes)
        if candidates and not args.quotes:
            print(
                f"Fritextsvaren ({candidates}) sparas inte som citat; ange --quotes för att "
                "spara dem (de kan innehålla namn), eller välj citat i programmet."
            )
        elif candidates:
            print(f"{candidates} fritextsvar sparas som citat; de kan innehålla namn.")
        print("Namn och e-postadresser i filen läses aldrig in.")
        if args.dry_run:
            print("Provkörning: inget sparades.")
            return 0
        had = store.evaluations.get(args.activity) is not None
        save_evaluation(store, loaded.evaluation)
        verb = "ersatte den tidigare" if had else "sparades"
        print(f"Utvärderingen av {loaded.activity.title} {verb}.")
        return 0
    finally:
        opened.close(warn=lambda m: print(f"insatslogg: varning: {m}", file=sys.stderr))
