"""Sök i alla år in the store: the hits are exactly those of a plain Python filter over
every activity, for many queries made from the data itself, on the demo and on
generated data; and a search sees every change made since the last one."""

from __future__ import annotations

import random
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.activity_search import SearchQuery, fold, parse_terms
from app.core.entities import Activity, Insats
from app.core.vocabulary import Scope, Status
from app.store.database import Store
from tests.conftest import MakeActivity
from tests.rich_data import build_rich_database
from tests.store.reopening import reopen


def _insats(store: Store) -> Insats:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None and insats.forbund_id is not None
    return insats


class Plain:
    """Every activity of the insats, and the straightforward filter over them."""

    def __init__(self, store: Store) -> None:
        insats = _insats(store)
        assert insats.id is not None and insats.forbund_id is not None
        types = {t.id: t.name for t in store.reference.activity_types(include_inactive=True)}
        kommuner = {k.id: k.name for k in store.reference.kommuner(insats.forbund_id)}
        ids = [r.id for r in store.activities.rows(insats.id, None)]
        self.rows: list[tuple[Activity, str, str]] = []
        for a in store.activities.get_many(ids):
            label = (
                kommuner[a.kommun_id]
                if a.scope is Scope.KOMMUN and a.kommun_id in kommuner
                else a.scope.label
            )
            self.rows.append((a, types[a.type_id], label))
        self.rows.sort(key=lambda r: (r[0].start, r[0].id), reverse=True)

    @staticmethod
    def fields(row: tuple[Activity, str, str]) -> tuple[str, ...]:
        a, type_name, label = row
        return (a.title, a.place, type_name, label, a.notes, a.highlight, a.description)

    def search(self, query: SearchQuery) -> list[int]:
        terms = parse_terms(query.text)
        out = []
        for row in self.rows:
            a, type_name, label = row
            folded = [fold(f) for f in self.fields(row)]
            if (
                (not query.type_name or type_name == query.type_name)
                and (not query.place_label or label == query.place_label)
                and (query.status is None or a.status is query.status)
                and all(any(t in f for f in folded) for t in terms)
            ):
                assert a.id is not None
                out.append(a.id)
        return out


def _variant(rng: random.Random, text: str) -> str:
    """``text`` as a user might type it: other case, decomposed å ä ö, a part of it."""
    choice = rng.randrange(6)
    if choice == 0:
        return text.upper()
    if choice == 1:
        return text.swapcase()
    if choice == 2:
        return unicodedata.normalize("NFD", text.title())
    if choice == 3 and len(text) > 4:
        start = rng.randrange(len(text) - 3)
        return text[start : start + rng.randint(3, len(text) - start)]
    return text


def queries(plain: Plain, rng: random.Random, n: int) -> Iterator[SearchQuery]:
    """Queries made of words and phrases of an activity, mostly with filters it passes
    (sometimes others), so that most find something and some find nothing."""
    types = sorted({r[1] for r in plain.rows})
    labels = sorted({r[2] for r in plain.rows})

    def pick(own: str, others: list[str]) -> str:
        r = rng.random()
        return own if r < 0.3 else rng.choice(others) if r < 0.4 else ""

    for _ in range(n):
        row = rng.choice(plain.rows)
        texts = [f for f in plain.fields(row) if f.strip()]
        words = rng.choice(texts).split()
        kind = rng.randrange(5)
        if kind == 0:
            text = _variant(rng, rng.choice(words))
        elif kind == 1:
            other = rng.choice(rng.choice(texts).split())
            text = f"{_variant(rng, rng.choice(words))} {_variant(rng, other)}"
        elif kind == 2 and len(words) > 1:
            at = rng.randrange(len(words) - 1)
            text = f'"{_variant(rng, " ".join(words[at : at + 2]))}"'
        elif kind == 3:
            text = rng.choice(words) + " xyzzy"
        else:
            text = rng.choice(("", _variant(rng, rng.choice(words))))
        status = row[0].status if rng.random() < 0.2 else rng.choice([None, *Status])
        yield SearchQuery(
            text=text,
            type_name=pick(row[1], types),
            place_label=pick(row[2], labels),
            status=status if rng.random() < 0.4 else None,
        )


def _check_many(store: Store, seed: int, n: int = 300) -> None:
    print(f"query seed={seed}")
    rng = random.Random(seed)
    plain = Plain(store)
    insats = _insats(store)
    assert insats.id is not None
    found_any = 0
    for query in queries(plain, rng, n):
        cap = rng.choice((500, 500, 1, 5))
        expected = plain.search(query) if not query.is_empty else []
        result = store.search.search(insats.id, query, cap=cap)
        assert [h.id for h in result.hits] == expected[:cap], query
        assert result.total == len(expected), query
        assert result.capped == (len(expected) > cap)
        found_any += bool(expected)
    assert found_any > n // 3  # the queries from the data do find things


@pytest.fixture(scope="module")
def rich_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rich") / "rich.sqlite3"
    build_rich_database(path, seed=random.randrange(1 << 30))
    return path


def test_hits_equal_a_plain_filter_over_the_demo(demo: Store) -> None:
    _check_many(demo, random.randrange(1 << 30))


def test_hits_equal_a_plain_filter_over_generated_data(rich_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "rich.sqlite3"
    shutil.copy(rich_file, path)
    store = Store.open(path)
    try:
        _check_many(store, random.randrange(1 << 30))
    finally:
        store.close()


def test_a_hit_shows_the_activity_as_stored(demo: Store) -> None:
    insats = _insats(demo)
    assert insats.id is not None
    result = demo.search.search(insats.id, SearchQuery("asf"))
    assert result.hits
    plain = {r[0].id: r for r in Plain(demo).rows}
    for hit in result.hits:
        activity, type_name, label = plain[hit.id]
        assert (hit.start, hit.title, hit.type_name, hit.place_label) == (
            activity.start,
            activity.title,
            type_name,
            label,
        )
        assert (hit.status, hit.participants) == (activity.status, activity.attendance.total)
        assert hit.found  # where "asf" was found is named


def test_a_search_sees_every_change_since_the_last(
    store: Store, insats: Insats, make_activity: MakeActivity
) -> None:
    assert insats.id is not None

    def ids(text: str) -> list[int]:
        assert insats.id is not None
        return [h.id for h in store.search.search(insats.id, SearchQuery(text)).hits]

    assert ids("Älgjakt") == []
    added = store.activities.add(make_activity(title="Frukostmöte före älgjakten"))
    assert added.id is not None
    assert ids("ÄLGJAKT") == [added.id]
    store.activities.update(replace(added, title="Frukostmöte om ÅTERBRUK"))
    assert ids("älgjakt") == []
    assert ids("återbruk") == [added.id]
    # Another program (a command, a colleague) writes to the database meanwhile.
    other = reopen(store)
    try:
        other.activities.update(replace(other.activities.get(added.id), notes="Om sågverket"))
    finally:
        other.close()
    assert ids("SÅGVERKET") == [added.id]
    # A type renamed is searched by its new name.
    store.activities.delete(added.id)
    assert ids("återbruk") == []


def test_decomposed_letters_and_ligatures_are_found(
    store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    nfd = add_activity(title=unicodedata.normalize("NFD", "Möte på Öjebyn"))
    liga = add_activity(title="Seminarium", notes="Om ﬁnansiering och Straße")

    def ids(text: str) -> list[int | None]:
        assert insats.id is not None
        return [h.id for h in store.search.search(insats.id, SearchQuery(text)).hits]

    assert ids("öjebyn") == [nfd.id]
    assert ids(unicodedata.normalize("NFD", "ÖJEBYN")) == [nfd.id]
    assert ids("finansiering strasse") == [liga.id]


def test_the_kommun_filter_takes_lansovergripande_and_nationellt(
    store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    lan = add_activity(where=Scope.LANSOVERGRIPANDE, title="Länsträff")
    nat = add_activity(where=Scope.NATIONELLT, title="Riksträff")
    gavle = add_activity(where="Gävle", title="Gävleträff")
    for label, expected in (
        (Scope.LANSOVERGRIPANDE.label, lan.id),
        (Scope.NATIONELLT.label, nat.id),
        ("Gävle", gavle.id),
    ):
        result = store.search.search(insats.id, SearchQuery("träff", place_label=label))
        assert [h.id for h in result.hits] == [expected]
