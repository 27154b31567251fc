"""`insatslogg init`: a new database set up without the window, refusing what it must."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.vocabulary import OrgCategory
from app.store.database import Store

ARGS = [
    "--forbund",
    "Samordningsförbundet Test",
    "--insats",
    "Vägar till arbete",
    "--start",
    "2025-01-01",
    "--end",
    "2026-12-31",
    "--kommuner",
    "Gävle, Sandviken,Hofors",
    "--organisationer",
    "AF Gävle=Arbetsförmedlingen,Sandvikens kommun=KOMMUN,Coompanion=asf",
]


def init(path: Path, *args: str) -> int:
    return main(["init", "--db", str(path), *args])


def test_init_makes_a_database_the_other_commands_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ny.sqlite3"

    assert init(path, *ARGS) == 0
    assert "är skapad" in capsys.readouterr().out

    assert main(["summary", "--year", "2025", "--db", str(path)]) == 0
    assert "Vägar till arbete – 2025" in capsys.readouterr().out
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.forbund_id is not None
        assert (insats.name, insats.start, insats.end) == (
            "Vägar till arbete",
            date(2025, 1, 1),
            date(2026, 12, 31),
        )
        assert store.reference.forbund(insats.forbund_id).name == "Samordningsförbundet Test"
        kommuner = store.reference.kommuner(insats.forbund_id)
        assert [k.name for k in kommuner] == ["Gävle", "Sandviken", "Hofors"]
        orgs = {o.name: o.category for o in store.reference.organisations(insats.forbund_id)}
        assert orgs == {
            "AF Gävle": OrgCategory.ARBETSFORMEDLINGEN,
            "Sandvikens kommun": OrgCategory.KOMMUN,
            "Coompanion": OrgCategory.ASF,
        }
        assert store.reference.activity_types()  # the usual types, as at first start
    finally:
        store.close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["ny.sqlite3"]  # nothing left beside it


def test_an_existing_file_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "finns.sqlite3"
    path.write_bytes(b"my own content")

    assert init(path, *ARGS) == 1

    assert "finns redan" in capsys.readouterr().err
    assert path.read_bytes() == b"my own content"


@pytest.mark.parametrize(
    ("change", "message", "code"),
    [
        (("--start", "2025-13-01"), "”2025-13-01” är inget datum. Skriv datum som ÅÅÅÅ-MM-DD", 2),
        (("--end", "31/12/2026"), "”31/12/2026” är inget datum", 2),
        (("--end", "2024-12-31"), "Insatsens period slutar före den börjar.", 1),
        (("--organisationer", "AF=Arbetsförmedling"), "Kategorin ”Arbetsförmedling” finns inte", 1),
        (("--organisationer", "AF"), "Organisationen ”AF” saknar kategori", 1),
        (("--kommuner", "Gävle,gävle"), "Kommun gävle finns två gånger.", 1),
        (("--forbund", "  "), "Ange förbundets namn.", 1),
        (("--insats", ""), "Ange insatsens namn.", 1),
    ],
)
def test_bad_input_is_told_in_swedish_and_makes_no_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: tuple[str, str],
    message: str,
    code: int,
) -> None:
    args = list(ARGS)
    args[args.index(change[0]) + 1] = change[1]
    path = tmp_path / "ny.sqlite3"

    if code == 2:
        with pytest.raises(SystemExit) as exit_:
            init(path, *args)
        assert exit_.value.code == 2
    else:
        assert init(path, *args) == 1

    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_bad_category_lists_the_valid_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*ARGS[:-1], "X=kyrka"]
    assert init(tmp_path / "ny.sqlite3", *args) == 1
    err = capsys.readouterr().err
    for category in OrgCategory:
        assert category.value in err
    assert "Försäkringskassan" in err


def test_every_problem_is_told_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = list(ARGS)
    args[args.index("--end") + 1] = "2024-01-01"
    args[args.index("--organisationer") + 1] = "X=kyrka"
    assert init(tmp_path / "ny.sqlite3", *args) == 1
    err = capsys.readouterr().err
    assert "Kategorin ”kyrka” finns inte" in err
    assert "slutar före den börjar" in err
