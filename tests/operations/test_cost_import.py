"""Importing a ledger extract: the sums per budget line as known, duplicates on a second
import, all or nothing, the konto mapping confirmed once and remembered."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.core.economy_entities import Cost
from app.core.entities import Insats
from app.core.errors import DomainError
from app.importers.ledger import read_ledger
from app.operations.cost_import import apply_plan, plan_import
from app.operations.economy import year_economy
from app.store.database import Store
from tests.ledger_files import (
    KONTON,
    STYLES,
    Row,
    random_rows,
    sums_by_line,
    tables,
    write_ledger,
)


def line_ids(store: Store) -> dict[str, int]:
    return {x.name: x.id for x in store.economy.lines() if x.id is not None}


def costs(store: Store, insats: Insats) -> list[Cost]:
    assert insats.id is not None
    return store.economy.costs(insats.id)


def import_file(store: Store, insats: Insats, path: Path) -> int:
    plan = plan_import(store, insats, read_ledger(path))
    return apply_plan(store, plan, mapping_confirmed=True)


@pytest.mark.parametrize("style", STYLES)
def test_generated_ledgers_import_with_the_known_sums(
    store: Store, insats: Insats, tmp_path: Path, style: str
) -> None:
    seed = random.randrange(1 << 30)
    print("seed", seed)
    rng = random.Random(seed)
    year = rng.choice(list(insats.years))
    rows = random_rows(rng, date(year, 1, 1), date(year, 12, 31), rng.randint(5, 80))
    path = write_ledger(tmp_path, rows, style, rng.choice(["xlsx", "csv"]), "cp1252")
    plan = plan_import(store, insats, read_ledger(path))
    ids = line_ids(store)
    # every konto is new, and suggested to the line its name calls for
    assert {k.konto: k.line_id for k in plan.konton} == {
        r.konto: (ids[r.line] if r.line else None) for r in rows
    }
    assert all(k.new for k in plan.konton)
    with pytest.raises(DomainError, match="inte bekräftad"):
        apply_plan(store, plan, mapping_confirmed=False)
    assert costs(store, insats) == []
    assert apply_plan(store, plan, mapping_confirmed=True) == len(plan.costs)

    expected = sums_by_line(rows)
    added = costs(store, insats)
    got: dict[str, int] = {}
    names = {v: k for k, v in ids.items()}
    for c in added:
        got[names[c.line_id]] = got.get(names[c.line_id], 0) + c.amount
        assert c.source == path.name
    assert got == expected
    assert {t.name: t.amount for t in plan.per_line} == expected
    assert plan.total == sum(expected.values()) == sum(c.amount for c in added)
    assert len(plan.not_costs) == sum(1 for r in rows if r.line is None)
    assert len(added) == sum(1 for r in rows if r.line is not None)
    # what the Ekonomi tab, Excel and the reports show: the core's one computation
    economy = year_economy(store, insats, year)
    booked = {r.label: r.booked for r in economy.rows if r.booked}
    assert booked == {k: v for k, v in expected.items() if v}
    assert economy.total.booked == plan.total
    # the mapping is remembered, konton that are not costs too
    assert {k: m.line_id for k, m in store.economy.mapping().items()} == {
        k.konto: k.line_id for k in plan.konton
    }


def test_a_second_import_finds_every_line_a_duplicate(
    store: Store, insats: Insats, tmp_path: Path
) -> None:
    rows = random_rows(random.Random(11), date(2019, 1, 1), date(2019, 12, 31), 30)
    path = write_ledger(tmp_path, rows, "visma")
    import_file(store, insats, path)
    before, whole = costs(store, insats), tables(store)
    mapping = store.economy.mapping()
    plan = plan_import(store, insats, read_ledger(path))
    assert plan.costs == () and plan.new_konton == ()
    assert len(plan.duplicates) == len(before)
    assert plan.duplicate_total == sum(c.amount for c in before)
    assert apply_plan(store, plan, mapping_confirmed=False) == 0
    assert costs(store, insats) == before
    assert store.economy.mapping() == mapping
    assert tables(store) == whole


def test_a_duplicate_earlier_in_the_same_file(store: Store, insats: Insats, tmp_path: Path) -> None:
    row = Row(date(2019, 4, 1), "V7", "6110", "Hyra", 150000)
    path = write_ledger(tmp_path, [row, replace(row, text="Hyra igen")], "kommun", "csv")
    plan = plan_import(store, insats, read_ledger(path))
    assert len(plan.costs) == 1
    ((line, why),) = plan.duplicates
    assert line.text == "Hyra igen" and "samma verifikation och belopp som rad" in why


def test_one_bad_row_writes_nothing(store: Store, insats: Insats, tmp_path: Path) -> None:
    rows = random_rows(random.Random(5), date(2019, 1, 1), date(2019, 12, 31), 20)
    import_file(store, insats, write_ledger(tmp_path, rows[:5], "kommun", name="first"))
    before, mapping, whole = costs(store, insats), store.economy.mapping(), tables(store)
    path = write_ledger(tmp_path, rows, "kommun", "csv", name="second")
    text = path.read_text(encoding="utf-8-sig").splitlines()
    at = next(i for i, t in enumerate(text) if rows[7].verifikation in t)
    text[at] = text[at].replace(str(rows[7].day.strftime("%Y%m%d")), "20191332")
    path.write_text("\n".join(text), encoding="utf-8-sig")
    plan = plan_import(store, insats, read_ledger(path))
    assert not plan.ok and plan.costs == ()
    assert plan.problems[0].startswith(f"Rad {at + 1}: ")
    with pytest.raises(DomainError, match="ingenting importerades"):
        apply_plan(store, plan, mapping_confirmed=True)
    assert costs(store, insats) == before
    assert store.economy.mapping() == mapping
    assert tables(store) == whole and whole[0] and whole[1]


def test_the_mapping_is_remembered_and_changes_are_kept(
    store: Store, insats: Insats, tmp_path: Path
) -> None:
    ids = line_ids(store)
    rows = random_rows(random.Random(9), date(2019, 1, 1), date(2019, 6, 30), 25)
    konton = sorted({r.konto for r in rows})
    first = plan_import(
        store, insats, read_ledger(write_ledger(tmp_path, rows, "fortnox", name="a")),
        {konton[0]: ids["Övrigt"]},
    )  # fmt: skip
    apply_plan(store, first, mapping_confirmed=True)
    later = random_rows(random.Random(10), date(2019, 7, 1), date(2019, 12, 31), 25, konton)
    later = [replace(r, verifikation="X" + r.verifikation) for r in later]
    plan = plan_import(store, insats, read_ledger(write_ledger(tmp_path, later, "visma", name="b")))
    assert plan.new_konton == ()  # no confirmation needed
    assert {k.konto: k.line_id for k in plan.konton}[konton[0]] == ids["Övrigt"]
    before = len(costs(store, insats))
    apply_plan(store, plan, mapping_confirmed=False)
    assert len(costs(store, insats)) == before + len(plan.costs) > before


def test_rows_outside_the_insats_are_left_out_and_reported(
    store: Store, insats: Insats, tmp_path: Path
) -> None:
    inside = Row(insats.start, "V1", "6110", "Hyra", 100000)
    before = Row(date(insats.start.year - 1, 12, 31), "V2", "6110", "Hyra", 200000)
    after = Row(date(insats.end.year + 1, 1, 1), "V3", "6110", "Hyra", 300000)
    plan = plan_import(
        store, insats, read_ledger(write_ledger(tmp_path, [inside, before, after], "kommun"))
    )
    assert [c.verifikation for c in plan.costs] == ["V1"]
    assert sorted(x.verifikation for x in plan.outside) == ["V2", "V3"]


def test_suggestions_for_every_kind_of_konto(store: Store, insats: Insats) -> None:
    from app.core.konto_suggestions import suggested_line

    lines = store.economy.lines()
    ids = line_ids(store)
    for konto, (name, line) in KONTON.items():
        assert suggested_line(konto, name, lines) == (ids[line] if line else None), konto
    assert suggested_line("7690", "Milersättning", lines) == ids["Resor"]
    assert (
        suggested_line("6230", "Placering Arbetsträning", lines)
        == ids["Medel för individinriktade placeringar"]
    )
    assert suggested_line("6250", "Konsultarvode", lines) == ids["Föreläsare och arvoden"]
    assert suggested_line("6070", "Salongsmöbler", lines) == ids["Övrigt"]
