"""`insatslogg offline take --from postgresql://… --to FIL` and
`insatslogg offline merge --from FIL --to postgresql://… [--dry-run] [--keep server|mine]`.

An offline copy of a server database for a laptop, and its changes merged back, with
the plan (and its conflicts) printed in Swedish (app.operations.offline)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "offline",
        help="ta en offlinekopia av en serverdatabas, eller slå ihop den med servern",
        description="En offlinekopia är en databasfil tagen från servern, att arbeta i utan "
        "nätverk; när den slås ihop läggs det nya till och det ändrade uppdateras på servern.",
    )
    sub = parser.add_subparsers(dest="offline_command", metavar="STEG", required=True)
    take = sub.add_parser("take", help="ta en offlinekopia från servern")
    take.add_argument("--from", dest="source", required=True, metavar="postgresql://…")
    take.add_argument("--to", dest="target", required=True, type=Path, metavar="FIL")
    merge = sub.add_parser("merge", help="slå ihop en offlinekopia med servern")
    merge.add_argument("--from", dest="source", required=True, type=Path, metavar="FIL")
    merge.add_argument("--to", dest="target", required=True, metavar="postgresql://…")
    merge.add_argument(
        "--dry-run", action="store_true", help="visa bara vad som skulle göras, spara inget"
    )
    merge.add_argument(
        "--keep",
        choices=("server", "mine"),
        default=None,
        help="vid konflikt: behåll serverns (server) eller använd min (mine)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    from app.operations import offline

    if args.offline_command == "take":
        taken = offline.take(args.source, args.target)
        print(f"Offlinekopian {args.target} är tagen från {taken.describe()}.")
        return 0
    plan, origin, written = offline.merge(args.source, args.target, args.keep, args.dry_run)
    for line in offline.plan_lines(plan, origin):
        print(line)
    if written:
        print("Offlinekopian är sammanslagen med servern (en ändring i ändringsloggen).")
    elif args.dry_run and not plan.empty:
        print("Inget har sparats (--dry-run).")
    return 0
