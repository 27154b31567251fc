"""`insatslogg costs …` and `insatslogg budget …` end to end, on a database file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.cli import main
from app.core.changes import ECONOMY_TAB
from app.core.money import kronor_kr


def run(db_path, *args: str) -> int:
    return main([*args, "--db", str(db_path)])


def test_add_list_check_note_check(store, insats, db_path, capsys) -> None:
    sets_before = len(store.changes.sets())
    code = run(
        db_path,
        "costs",
        "add",
        "--date",
        "2019-02-14",
        "--amount",
        "2 400,50",
        "--line",
        "övrigt",
        "--text",
        "Medlemsavgift Skoopi 2019",
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    (cost,) = store.economy.costs(insats.id)
    assert (cost.amount, cost.text, cost.day.isoformat()) == (
        240_050,
        "Medlemsavgift Skoopi 2019",
        "2019-02-14",
    )
    assert f"Kostnad {cost.id} sparades" in out
    sets = store.changes.sets()
    assert len(sets) == sets_before + 1 and sets[0].tab == ECONOMY_TAB

    assert run(db_path, "costs", "list", "--year", "2019", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["line"], c["amount"], c["source"]) for c in listed] == [
        (cost.id, "Övrigt", 2400.5, "")
    ]
    assert run(db_path, "costs", "list", "--from", "2020-01-01", "--to", "2020-12-31") == 0
    assert "Inga kostnader" in capsys.readouterr().out

    assert run(db_path, "costs", "check") == 0  # findings are not errors
    out = capsys.readouterr().out
    assert "medlemskap" in out and "Ingen anteckning ännu." in out
    assert "”Samordningsförbund ska inte vara medlem i arbetsintegrerande sociala" in out

    assert run(db_path, "costs", "note", str(cost.id), "medlemskap", "Sades upp i mars") == 0
    capsys.readouterr()
    assert run(db_path, "costs", "check", "--json") == 0
    (finding,) = json.loads(capsys.readouterr().out)
    assert (finding["rule"], finding["note"], finding["cost"]["id"]) == (
        "medlemskap",
        "Sades upp i mars",
        cost.id,
    )
    assert run(db_path, "costs", "note", str(cost.id), "kontantbidrag", "Ingen bidrag") == 0
    assert "ingen iakttagelse enligt regeln kontantbidrag" in capsys.readouterr().out
    assert run(db_path, "costs", "check", "--json") == 0
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)] == ["medlemskap"]
    assert run(db_path, "costs", "note", str(cost.id), "medlemskap", "--clear") == 0
    capsys.readouterr()
    assert run(db_path, "costs", "check", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["note"] == ""


def test_a_planned_cost_for_an_activity(store, insats, add_activity, db_path, capsys) -> None:
    activity = add_activity("Seminarium", "Gävle", date(2019, 3, 1))
    args = ["costs", "add", "--date", "2019-03-01", "--amount", "3500", "--line", "Lokaler"]
    assert run(db_path, *args, "--activity", str(activity.id), "--planned") == 0
    capsys.readouterr()
    assert run(db_path, "costs", "list", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["planned"], listed["activity_id"], listed["activity"]) == (
        True,
        activity.id,
        activity.title,
    )
    assert run(db_path, "budget", "show", "--year", "2019", "--json") == 0
    assert json.loads(capsys.readouterr().out)["total"]["planerat"] == 3500.0


def test_budget_set_and_show(store, insats, db_path, capsys) -> None:
    assert run(db_path, "budget", "set", "--year", "2019", "--line", "Personal", "315 000") == 0
    assert run(db_path, "budget", "set", "--year", "2019", "--line", "Lokaler", "30000,50") == 0
    capsys.readouterr()
    budgets = {b.line_id: b.amount for b in store.economy.budgets(insats.id)}
    assert sorted(budgets.values()) == [3_000_050, 31_500_000]
    assert run(db_path, "budget", "show", "--year", "2019", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    rows = {r["label"]: r["budget"] for r in shown["rows"]}
    assert (rows["Personal"], rows["Lokaler"], shown["total"]["budget"]) == (
        315000.0,
        30000.5,
        345000.5,
    )
    assert run(db_path, "budget", "show", "--year", "2019") == 0
    out = capsys.readouterr().out
    assert kronor_kr(34_500_050) in out and "Personal" in out
    assert run(db_path, "budget", "show") == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()[2:]] == [
        "2018",
        "2019",
        "2020",
        "2021",
        "Totalt",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["costs", "add", "--date", "2019-01-01", "--amount", "12,345", "--line", "Övrigt"],
            "fler än två decimaler",
        ),
        (
            ["costs", "add", "--date", "2019-01-01", "--amount", "tolv", "--line", "Övrigt"],
            "är inget belopp",
        ),
        (
            ["costs", "add", "--date", "2019-01-01", "--amount", "100", "--line", "Fika"],
            "Budgetraden ”Fika” finns inte",
        ),
        (
            ["costs", "add", "--date", "2030-01-01", "--amount", "100", "--line", "Övrigt"],
            "utanför insatsens år",
        ),
        (
            ["costs", "add", "--date", "2019-01-01", "--amount", "0", "--line", "Övrigt"],
            "kan inte vara 0 kr",
        ),
        (["costs", "add", "--date", "2019-13-01", "--amount", "10", "--line", "Övrigt"], "datum"),
        (
            [
                "costs",
                "add",
                "--date",
                "2019-01-01",
                "--amount",
                "10",
                "--line",
                "Övrigt",
                "--activity",
                "999",
            ],
            "Aktivitet 999 finns inte",
        ),
        (["budget", "set", "--year", "2019", "--line", "Fika", "100"], "finns inte"),
        (["budget", "set", "--year", "2019", "--line", "Personal", "-5"], "negativ"),
        (["budget", "set", "--year", "2040", "--line", "Personal", "5"], "utanför insatsens år"),
        (["costs", "note", "1", "medlemskap", "x"], "Kostnad 1 finns inte."),
        (["costs", "note", "1", "okänd", "x"], "Regeln okänd finns inte"),
    ],
)
def test_bad_input_gives_a_swedish_message_and_writes_nothing(
    store, insats, db_path, capsys, args, message
) -> None:
    sets_before = len(store.changes.sets())
    with (
        pytest.raises(SystemExit)
        if message in ("fler än två decimaler", "är inget belopp", "datum")
        else _nothing()
    ):
        code = run(db_path, *args)
        assert code == 1
    err = capsys.readouterr().err
    assert message in err
    assert store.economy.costs(insats.id) == [] and store.economy.budgets(insats.id) == []
    assert len(store.changes.sets()) == sets_before


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False
