"""`insatslogg search`: the window's Sök i alla år on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.core.activity_search import SearchQuery
from app.core.vocabulary import Status
from app.store.database import Store


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    return path


def _stored(path: Path, query: SearchQuery, cap: int = 500) -> list[int]:
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        return [h.id for h in store.search.search(insats.id, query, cap).hits]
    finally:
        store.close()


def test_json_lists_the_same_hits_as_the_window(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["search", "ASF", "--kommun", "LÄNSÖVERGRIPANDE", "--status", "genomförd", "--json"]
    assert main([*args, "--db", str(demo_copy)]) == 0
    printed = json.loads(capsys.readouterr().out)
    query = SearchQuery("asf", place_label="Länsövergripande", status=Status.GENOMFORD)
    expected = _stored(demo_copy, query)
    assert expected and [h["id"] for h in printed["hits"]] == expected
    assert printed["total"] == printed["shown"] == len(expected)
    assert {h["kommun"] for h in printed["hits"]} == {"Länsövergripande"}
    assert all("asf" in (h["title"] + h["found"]).casefold() for h in printed["hits"])


def test_text_names_each_hit_and_says_when_capped(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "asf", "--antal", "2", "--db", str(demo_copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    ids = _stored(demo_copy, SearchQuery("asf"), 2)
    total = len(_stored(demo_copy, SearchQuery("asf"), 10_000))
    assert len(out) == 3 and total > 2
    assert [line.split("(id ")[1].split(")")[0] for line in out[:2]] == [str(i) for i in ids]
    assert out[2] == f"{total} träffar (visar de 2 senaste)."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "asf", "--type", "Fika"], "Typen ”Fika” finns inte. Välj en av: "),
        (["search", "asf", "--kommun", "Uppsala"], "Kommunen ”Uppsala” finns inte."),
        (["search", "asf", "--status", "klar"], "Statusen ”klar” finns inte."),
        (["search", '""'], "Skriv något att söka efter"),
        (["search", "asf", "--antal", "0"], "--antal ska vara minst 1."),
    ],
)
def test_bad_choices_get_a_swedish_message(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main([*args, "--db", str(demo_copy)]) == 1
    assert message in capsys.readouterr().err
