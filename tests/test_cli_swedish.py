"""The command line speaks Swedish only: help, usage, headings and argparse's errors."""

from __future__ import annotations

import argparse
import ast
import inspect
import re

import pytest

from app.cli import build_parser, main
from app.cli_parser import SWEDISH, SwedishParser

ENGLISH = (
    "usage:",
    "show this help",
    "show program's version",
    "positional arguments",
    "options:",
    "optional arguments",
    "error:",
    "required",
    "invalid choice",
    "invalid int value",
    "unrecognized arguments",
    "expected one argument",
    "not allowed with",
    "choose from",
    "subcommands",
)

# argparse's texts that only a programmer can provoke (a parser built wrongly).
FOR_PROGRAMMERS = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "length of metavar tuple does not match nargs",
    "invalid nargs value",
    "nargs for store actions must be != 0; if you have nothing to store, actions such as "
    "store true or store const may be more appropriate",
    "nargs for append actions must be != 0; if arg strings are not supplying the value to "
    "append, the append const action may be more appropriate",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Exit code and everything written (stdout and stderr) for ``insatslogg argv``."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out + err


def assert_swedish(text: str) -> None:
    for phrase in ENGLISH:
        assert phrase not in text.casefold(), (phrase, text)


def test_the_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "--help")

    assert code == 0
    assert_swedish(text)
    assert text.startswith("Användning: insatslogg [-h] [--version] [--db FIL] KOMMANDO")
    assert "\nflaggor:\n" in text and "\nkommandon:\n" in text
    assert "-h, --help    visa den här hjälpen och avsluta" in text
    assert "--version     visa programmets version och avsluta" in text


def test_the_export_help_names_excel_and_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(capsys, "export", "--help")

    assert code == 0
    assert_swedish(text)
    assert text.startswith("Användning: insatslogg export [-h] FORMAT")
    assert "Excel" in text and "PDF" in text
    assert re.search(r"excel\s+närvarologg", text) and re.search(r"pdf\s+årsrapport", text)
    assert "Word" in text and re.search(r"docx\s+årsrapport", text)
    main_help = run(capsys, "--help")[1]
    assert "exportera till Excel, PDF eller Word" in main_help


@pytest.mark.parametrize(
    "argv",
    [
        ("summary", "--help"),
        ("export", "excel", "--help"),
        ("export", "pdf", "--help"),
        ("import", "--help"),
        ("narvarolista", "--help"),
        ("demo", "--help"),
        ("backup", "--help"),
        ("restore", "--help"),
    ],
)
def test_every_command_help_is_swedish(capsys: pytest.CaptureFixture[str], argv) -> None:  # type: ignore[no-untyped-def]
    code, text = run(capsys, *argv)

    assert code == 0
    assert_swedish(text)
    assert text.startswith(f"Användning: insatslogg {argv[0]}")
    assert "visa den här hjälpen och avsluta" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("summary",), "insatslogg summary: fel: ett av argumenten --year --from måste anges"),
        (("summary", "--year", "x"), "--year: 'x' är inte ett giltigt heltal"),
        (("foo",), "insatslogg: fel: KOMMANDO: 'foo' finns inte (välj bland 'summary'"),
        (("export",), "insatslogg export: fel: följande argument måste anges: FORMAT"),
        (("export", "excel", "-o", "x.xlsx"), "ett av argumenten --year --from måste anges"),
        (
            ("export", "pdf", "--year", "2018", "--from", "2017", "-o", "x.pdf"),
            "--from: kan inte anges tillsammans med --year",
        ),
        (("summary", "--year", "2018", "--extra"), "okända argument: --extra"),
        (("summary", "--year"), "--year: ett värde behövs"),
        (
            ("import", "xls", "f.xls"),
            "excel|csv|ics|evaluation|costs: 'xls' finns inte (välj bland 'excel'",
        ),
    ],
)
def test_argparse_errors_are_swedish(capsys: pytest.CaptureFixture[str], argv, message) -> None:  # type: ignore[no-untyped-def]
    code, text = run(capsys, *argv)

    assert code == 2
    assert_swedish(text)
    assert text.startswith("Användning: insatslogg")
    assert message in text


def test_every_text_argparse_can_show_a_user_has_a_swedish_translation() -> None:
    found = {
        arg.value
        for node in ast.walk(ast.parse(inspect.getsource(argparse)))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("_", "ngettext")
        for arg in node.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    assert {"usage: ", "options", "expected %s arguments"} <= found  # the search works
    missing = sorted(t for t in found if t not in SWEDISH and t not in FOR_PROGRAMMERS)
    assert missing == []


def test_other_argparse_users_are_left_in_english() -> None:
    SwedishParser(prog="x").format_help()
    plain = argparse.ArgumentParser(prog="y")

    assert plain.format_help().startswith("usage: y")
    assert build_parser().format_usage().startswith("Användning: insatslogg")
