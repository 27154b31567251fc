"""`insatslogg costs` and `insatslogg budget`: the Ekonomi tab's money on the command
line, the same figures as core, Swedish messages, and nothing written on bad input."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.core.money import as_kronor
from app.operations.economy import findings, insats_economy, year_economy
from app.store.database import Store


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    return path


def _money_rows(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return [
            *con.execute("SELECT * FROM cost ORDER BY id"),
            *con.execute("SELECT * FROM budget ORDER BY id"),
            *con.execute("SELECT * FROM cost_note ORDER BY id"),
        ]
    finally:
        con.close()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_budget_show_json_is_core_s_figures(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(demo_copy)
    try:
        insats = store.reference.current_insats()
        assert insats is not None
        expected = {y: year_economy(store, insats, y).to_dict() for y in insats.years}
        whole = insats_economy(store, insats).to_dict()
    finally:
        store.close()
    for year, data in expected.items():
        code, out, _ = _run(
            capsys, "budget", "show", "--year", str(year), "--json", "--db", str(demo_copy)
        )
        assert code == 0 and json.loads(out) == data
    code, out, _ = _run(capsys, "budget", "show", "--json", "--db", str(demo_copy))
    assert json.loads(out) == whole


def test_add_list_check_note_and_budget_set(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(demo_copy))
    code, out, _ = _run(
        capsys,
        "costs",
        "add",
        "--date",
        "2019-05-02",
        "--amount",
        "3 000,50",
        "--line",
        "övrigt",
        "--text",
        "Medlemsavgift Skoopi",
        *db,
    )
    assert code == 0 and "3 000,50 kr" in out.replace("\u00a0", " ")
    code, out, _ = _run(capsys, "costs", "list", "--year", "2019", "--json", *db)
    listed = json.loads(out)
    added = [c for c in listed if c["text"] == "Medlemsavgift Skoopi"]
    assert len(added) == 1 and added[0]["amount"] == as_kronor(300050)
    cost_id = added[0]["id"]
    code, out, _ = _run(capsys, "costs", "check", "--json", *db)
    found = [f for f in json.loads(out) if f["cost"]["id"] == cost_id]
    assert code == 0 and [f["rule"] for f in found] == ["medlemskap"] and found[0]["note"] == ""
    code, out, _ = _run(capsys, "costs", "note", str(cost_id), "medlemskap", "Avser NNS.", *db)
    assert code == 0
    code, out, _ = _run(capsys, "costs", "check", *db)
    assert "Anteckning: Avser NNS." in out and "Fynd, inte förbud" in out
    code, out, _ = _run(capsys, "budget", "set", "--year", "2019", "--line", "Resor", "45 000", *db)
    assert code == 0
    store = Store.open(demo_copy)
    try:
        insats = store.reference.current_insats()
        assert insats is not None
        resor = [r for r in year_economy(store, insats, 2019).rows if r.label == "Resor"]
        assert resor[0].budget == 4_500_000
        noted = [f for f in findings(store, insats) if f.cost.id == cost_id]
        assert noted[0].note == "Avser NNS."
        labels = [s.label for s in store.changes.sets(limit=3)]
        assert labels == ["ändra budget 2019", "anteckna regelkontroll", "lägg till kostnad"]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["costs", "add", "--date", "2019-05-02", "--amount", "12,345", "--line", "Resor"],
            "decimaler",
        ),
        (
            ["costs", "add", "--date", "2030-05-02", "--amount", "100", "--line", "Resor"],
            "utanför insatsens år",
        ),
        (
            ["costs", "add", "--date", "2019-05-02", "--amount", "100", "--line", "Bilar"],
            "Budgetraden Bilar finns inte",
        ),
        (
            ["costs", "add", "--date", "2019-05-02", "--amount", "0", "--line", "Resor"],
            "kan inte vara 0",
        ),
        (["budget", "set", "--year", "2019", "--line", "Resor", "-5"], "negativ"),
        (["budget", "set", "--year", "2031", "--line", "Resor", "5"], "inte ett av insatsens år"),
        (["costs", "note", "1", "medlemskap"], "Skriv anteckningen"),
    ],
)
def test_bad_input_gets_swedish_and_writes_nothing(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = _money_rows(demo_copy)
    code = 0
    try:
        code, out, err = _run(capsys, *args, "--db", str(demo_copy))
    except SystemExit as exc:  # argparse refuses the value itself
        code, err = int(exc.code or 0), capsys.readouterr().err
    assert code != 0
    assert message in err
    assert _money_rows(demo_copy) == before
