"""The command line's parser, in Swedish throughout: usage, headings, help and errors.

argparse writes its own texts ("usage:", "show this help message and exit", "the
following arguments are required", "invalid choice" …) through the module's gettext
function ``argparse._``, looked up when each text is needed. ``SwedishParser`` swaps in
a Swedish catalogue (``SWEDISH``) only while it builds, formats or parses, and puts the
original back afterwards, so no other argparse user in the process is touched. Every
text argparse 3.11–3.13 can show a user is in the catalogue; a text missing from it
would come out in English, and the tests look for that.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

HELP = "visa den här hjälpen och avsluta"
VERSION_HELP = "visa programmets version och avsluta"
DB_HELP = "databasfil (annars $INSATSLOGG_DB eller programmets datamapp)"

# argparse's English texts → Swedish. The %-placeholders are argparse's own.
SWEDISH: dict[str, str] = {
    "usage: ": "Användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",  # before Python 3.10
    "subcommands": "underkommandon",
    "show this help message and exit": HELP,
    "show program's version number and exit": VERSION_HELP,
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "följande argument måste anges: %s",
    "one of the arguments %s is required": "ett av argumenten %s måste anges",
    "not allowed with argument %s": "kan inte anges tillsammans med %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde får anges",
    "expected at least one argument": "minst ett värde behövs",
    "expected %s argument": "%s värde behövs",
    "expected %s arguments": "%s värden behövs",
    "ambiguous option: %(option)s could match %(matches)s": (
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s"
    ),
    "unexpected option string: %s": "oväntad flagga: %s",
    "ignored explicit argument %r": "värdet %r kan inte anges här",
    "invalid %(type)s value: %(value)r": "%(value)r är inte ett giltigt %(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r finns inte (välj bland %(choices)s)"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r?": (
        "%(value)r finns inte; menade du %(closest)r?"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan inte öppna %(filename)s: %(error)s",
    'argument "-" with mode %r': 'argumentet "-" med läget %r',
    "%(prog)s: warning: %(message)s\n": "%(prog)s: varning: %(message)s\n",
}


def _swedish(message: str) -> str:
    return SWEDISH.get(message, message)


def _swedish_n(singular: str, plural: str, n: int) -> str:
    return _swedish(singular if n == 1 else plural)


@contextmanager
def swedish() -> Iterator[None]:
    """While inside, argparse writes its texts in Swedish (re-entrant)."""
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _swedish, _swedish_n
    try:
        yield
    finally:
        module._, module.ngettext = saved


def heltal(text: str) -> int:
    """A whole number (the type of number options; its name is in the error message)."""
    return int(text)


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose every text is Swedish; its subparsers are too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        with swedish():
            super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", type(self))
        with swedish():
            return super().add_subparsers(**kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with swedish():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with swedish():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with swedish():
            return super().format_usage()

    def format_help(self) -> str:
        with swedish():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with swedish():
            super().error(message)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db FIL``, on the main parser and every command (given after the command too)."""
    parser.add_argument("--db", metavar="FIL", default=argparse.SUPPRESS, help=DB_HELP)


def add_version_option(parser: argparse.ArgumentParser, version: str) -> None:
    parser.add_argument("--version", action="version", version=version, help=VERSION_HELP)


def failed(exc: Exception) -> int:
    """A command that could not be done: one Swedish line on stderr, exit code 1."""
    import sys

    if isinstance(exc, OSError):
        print(f"insatslogg: kunde inte läsa eller skriva filen: {exc}", file=sys.stderr)
    else:
        print(f"insatslogg: {exc}", file=sys.stderr)
    return 1
