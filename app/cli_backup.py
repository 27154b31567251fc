"""`insatslogg backup` and `insatslogg restore FIL`: the database's backups without a window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_parser import add_db_option
from app.core.errors import DomainError

if TYPE_CHECKING:
    from app.store.server_location import ServerLocation


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="ta en kontrollerad säkerhetskopia av databasen nu",
        description="Kopierar databasen med SQLites backup-funktion (går bra medan programmet "
        "är öppet), kontrollerar kopian med samma kontroll som när databasen öppnas och rensar "
        "äldre kopior: de 10 senaste sparas, och därtill en per vecka och en per månad. En "
        "kopia som inte klarar kontrollen sparas åt sidan och räknas inte som säkerhetskopia.",
    )
    backup.add_argument(
        "--folder", metavar="MAPP", help="spara i denna mapp (annars den valda mappen)"
    )
    backup.add_argument(
        "--remember",
        action="store_true",
        help="använd --folder som mapp för databasens säkerhetskopior från och med nu",
    )
    backup.add_argument("--list", action="store_true", help="lista säkerhetskopiorna")
    add_db_option(backup)

    restore = subparsers.add_parser(
        "restore",
        help="återställ databasen från en säkerhetskopia",
        description="Ersätter databasens innehåll med säkerhetskopian. Läget före "
        "återställningen sparas först som en egen säkerhetskopia, och klarar resultatet inte "
        "kontrollen ångras återställningen; en skadad databas skrivs aldrig över utan sparas "
        "åt sidan.",
    )
    restore.add_argument("file", metavar="FIL", help="säkerhetskopian")
    add_db_option(restore)


def run_backup(args: argparse.Namespace) -> int:
    from app.operations import backups
    from app.store.database import resolve_where

    where = resolve_where(getattr(args, "db", None))
    if not isinstance(where, Path):
        return _server_backup(args, where)
    path = where
    folder = Path(args.folder).expanduser() if args.folder else None
    if args.remember:
        if folder is None:
            raise DomainError("Ange mappen med --folder MAPP tillsammans med --remember.")
        backups.choose_backup_folder(path, folder)
        print(f"Säkerhetskopior av {path.name} sparas från och med nu i {folder.resolve()}.")
    if args.list:
        listed = backups.backups_of(path, folder)
        if not listed.backups:
            print(f"Inga säkerhetskopior av {path.name} i {listed.folder}.")
            return 0
        print(f"Säkerhetskopior av {path.name} i {listed.folder}:")
        for b in listed.backups:
            print(
                f"  {b.taken_at:%Y-%m-%d %H:%M:%S}  {b.label:<40}  {b.size_text:>9}  {b.path.name}"
            )
        return 0
    made = backups.take_backup(path, folder)
    print(f"Säkerhetskopian är sparad och kontrollerad: {made.path} ({made.size_text}).")
    # The backup also finished what erasures it could; say what is still out of reach.
    unfinished = backups.unfinished_erasures(path)
    if unfinished is not None:
        print(f"\n{unfinished}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from app.operations.backups import restore_closed
    from app.store.database import resolve_where
    from app.store.instance_lock import as_command

    where = resolve_where(getattr(args, "db", None))
    if not isinstance(where, Path):
        from app.store.server_backups import RESTORE_NOTE

        raise DomainError(RESTORE_NOTE)
    path = where
    source = Path(args.file).expanduser()
    with as_command("insatslogg restore"):
        result = restore_closed(source, path)
    print(f"Databasen {path} är återställd från {result.restored_from}.")
    if result.previous_backup is not None:
        print(f"Läget före återställningen sparades som {result.previous_backup.path}.")
    if result.damaged_kept_as is not None:
        print(f"Den skadade databasen sparades åt sidan som {result.damaged_kept_as}.")
    return 0


def _server_backup(args: argparse.Namespace, location: ServerLocation) -> int:
    """On a server: a checked pg_dump copy in this computer's folder, or the list."""
    from app.store import server_backups

    if args.folder or args.remember:
        raise DomainError(
            "På en server sparas kopiorna i programmets egen mapp "
            f"({server_backups.dump_folder(location)}); --folder gäller bara en databasfil."
        )
    if args.list:
        listed = server_backups.list_dumps(location)
        if not listed:
            print(f"Inga egna kopior av {location.label} på den här datorn.")
        for b in listed:
            print(f"  {b.taken_at:%Y-%m-%d %H:%M:%S}  {b.size_text:>9}  {b.path}")
        return 0
    made = server_backups.make_dump(location)
    print(f"Kopian (pg_dump) är sparad och kontrollerad: {made.path} ({made.size_text}).")
    print("Serverns egna säkerhetskopior gäller som förut (fråga IT).")
    return 0
