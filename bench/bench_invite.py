"""Invitations on the 20-year bench database:

    python -m bench.bench_invite [--db PATH] [--runs 5]

Times the calendar file (.ics) of one year of every activity and of the whole insats
(20 000 activities), an activity's invitation text, and the address list (reading the
recipients and writing the CSV). Writes into a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.core.mail_list import MailChoice, MailSource
from app.store.database import Store
from bench.bench_summary import DEFAULT_DB, measure
from bench.generate import generate


def run(db: Path, runs: int) -> None:
    from app.operations import invitations

    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        insats_id = insats.id
        year = insats.end.year
        first_id = store.activities.rows(insats_id, year)[0].id
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)
            year_result = invitations.export_ics(
                store, insats_id, date(year, 1, 1), date(year, 12, 31), out / "y.ics", True
            )
            all_result = invitations.export_ics(
                store, insats_id, insats.start, insats.end, out / "a.ics", True
            )
            timings = [
                measure(
                    f".ics ett år ({year_result.events} händ.)",
                    lambda: invitations.export_ics(
                        store, insats_id, date(year, 1, 1), date(year, 12, 31), out / "y.ics", True
                    ),
                    runs,
                ),
                measure(
                    f".ics 20 år ({all_result.events} händ.)",
                    lambda: invitations.export_ics(
                        store, insats_id, insats.start, insats.end, out / "a.ics", True
                    ),
                    max(1, runs // 2),
                ),
                measure("inbjudningstext", lambda: invitations.invitation(store, first_id), runs),
                measure(
                    "mottagare (personer)",
                    lambda: invitations.recipients(store, insats_id, MailSource.PERSONS),
                    runs,
                ),
            ]
            members = invitations.recipients(store, insats_id, MailSource.MEMBERS)
            if any(m.name for m in members):
                timings.append(
                    measure(
                        "adresslista CSV",
                        lambda: invitations.export_mail_list(
                            store, insats_id, MailChoice(MailSource.MEMBERS), out / "m.csv"
                        ),
                        runs,
                    )
                )
        print(f"{'':<28} {'min ms':>8} {'median':>8} {'max':>8}")
        for t in timings:
            print(t.line())
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_invite",
        description="Mät kalenderfil, inbjudningstext och adresslista på en stor databas.",
    )
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="PATH")
    parser.add_argument("--runs", type=int, default=5, help="körningar per mätning (5)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        generate(args.db)
    run(args.db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
