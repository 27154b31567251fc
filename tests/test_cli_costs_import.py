"""`insatslogg import costs FIL`: the report, the suggested mapping to accept, all or nothing."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.entities import Insats
from app.core.money import kronor_kr
from app.store.database import Store
from tests.ledger_files import Row, random_rows, sums_by_line, tables, write_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> tuple[Path, list[Row]]:
    rows = random_rows(random.Random(21), date(2019, 1, 1), date(2019, 12, 31), 40)
    return write_ledger(tmp_path, rows, "visma", "xlsx"), rows


def count(store: Store, insats: Insats) -> int:
    assert insats.id is not None
    return len(store.economy.costs(insats.id))


def test_new_konton_are_imported_only_when_the_mapping_is_accepted(
    ledger: tuple[Path, list[Row]],
    store: Store,
    insats: Insats,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, rows = ledger
    assert main(["import", "costs", str(path), "--db", str(db_path)]) == 1
    out = capsys.readouterr().out
    assert "5010 Löner tjänstemän" in out and "→ Personal  (ny, föreslagen)" in out
    assert "3010 Bidrag från medlemmar" in out and "Inte en kostnad för insatsen" in out
    assert "--accept-mapping" in out and "Ingenting importerades." in out
    assert tables(store) == ([], [])

    argv = ["import", "costs", str(path), "--db", str(db_path), "--accept-mapping"]
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Provkörning" in out and "inget sparades" in out
    assert tables(store) == ([], [])  # the dry run wrote nothing

    assert main(argv) == 0
    out = capsys.readouterr().out
    expected = sums_by_line(rows)
    for name, amount in expected.items():
        assert f"  {name}: " in out and kronor_kr(amount) in out
    total = sum(expected.values())
    assert f"importerades till {insats.name}" in out and kronor_kr(total) in out
    assert count(store, insats) == sum(1 for r in rows if r.line)

    # again: the mapping is known, everything is a duplicate, nothing added
    whole = tables(store)
    assert main(["import", "costs", str(path), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Dubbletter (hoppas över): " in out and "(ny" not in out
    assert tables(store) == whole

    # a later extract with the same konton: no mapping to accept; a dry run writes nothing
    later = random_rows(random.Random(22), date(2020, 1, 1), date(2020, 6, 30), 20,
                        sorted({r.konto for r in rows}))  # fmt: skip
    later_path = write_ledger(path.parent, later, "kommun", "csv", name="later")
    argv = ["import", "costs", str(later_path), "--db", str(db_path)]
    assert main([*argv, "--dry-run"]) == 0
    assert tables(store) == whole
    assert main(argv) == 0
    assert count(store, insats) == sum(1 for r in [*rows, *later] if r.line)


def test_each_new_konto_mapped_by_hand(
    tmp_path: Path, store: Store, insats: Insats, db_path: Path
) -> None:
    rows = random_rows(random.Random(3), date(2019, 1, 1), date(2019, 12, 31), 10, ["6110", "3010"])
    path = write_ledger(tmp_path, rows, "kommun", "csv", "cp1252")
    argv = ["import", "costs", str(path), "--db", str(db_path), "--map", "6110=Övrigt"]
    assert main(argv) == 1  # 3010 still not mapped
    assert main([*argv, "--map", "3010=-"]) == 0
    assert insats.id is not None
    lines = {x.id: x.name for x in store.economy.lines()}
    assert {lines[c.line_id] for c in store.economy.costs(insats.id)} == {"Övrigt"}
    assert {k: m.line_id for k, m in store.economy.mapping().items()}["3010"] is None


def test_a_bad_map_or_a_file_that_is_no_ledger(
    tmp_path: Path, store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lista.csv"
    path.write_text("Namn;Telefon\nAnna;070\n", encoding="utf-8")
    assert main(["import", "costs", str(path), "--db", str(db_path)]) == 1
    assert "ser inte ut som ett huvudboksutdrag" in capsys.readouterr().err
    rows = random_rows(random.Random(4), date(2019, 1, 1), date(2019, 12, 31), 5, ["6110"])
    ledger = write_ledger(tmp_path, rows, "kommun")
    assert main(["import", "costs", str(ledger), "--db", str(db_path), "--map", "6110=Fika"]) == 1
    assert "ingen aktiv budgetrad Fika" in capsys.readouterr().err


def test_as_a_command(tmp_path: Path, store: Store, insats: Insats, db_path: Path) -> None:
    rows = random_rows(random.Random(8), date(2020, 1, 1), date(2020, 12, 31), 15)
    path = write_ledger(tmp_path, rows, "fortnox", "csv")
    done = subprocess.run(
        [sys.executable, "-m", "app", "import", "costs", str(path), "--db", str(db_path),
         "--accept-mapping"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Summor i filen kontrollerade: " in done.stdout
    assert count(store, insats) == sum(1 for r in rows if r.line)
