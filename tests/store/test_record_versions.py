"""Record versions (issue 16): two users, A and B, read the same record; B saves; A's
save, started from the older version, is refused with StaleRecord naming both versions,
and nothing of A's write is kept. An unchanged save keeps the version.

Each test runs on both backends: two Store objects on one SQLite file, or on one
database of the tests' own PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from app.core.errors import StaleRecord
from app.store.database import Store


@pytest.fixture
def colleague(store: Store) -> Iterator[Store]:
    """B: a second Store on A's database, as a colleague's program holds it."""
    other = Store(store.server) if store.server is not None else Store(store.path)
    yield other
    other.close()


def test_a_save_over_a_colleagues_newer_activity_is_refused(store, colleague, add_activity):
    stored = add_activity("Seminarium", "Gävle", date(2019, 3, 4), title="Styrgruppsmöte")
    assert stored.version == 1
    mine = store.activities.get(stored.id)
    theirs_before = colleague.activities.get(stored.id)
    assert mine.version == theirs_before.version == 1

    theirs = colleague.activities.update(replace(theirs_before, place="Rådhuset"))
    assert theirs.version == 2

    with pytest.raises(StaleRecord) as refused:
        store.activities.update(replace(mine, title="Styrgruppsmöte (flyttat)", notes="A"))
    error = refused.value
    assert (error.my_version, error.their_version) == (1, 2)
    assert "Din version: 1" in str(error) and "Deras version: 2" in str(error)
    assert "”Styrgruppsmöte (flyttat)”" in str(error)
    assert error.theirs == colleague.activities.get(stored.id)
    assert error.mine.title == "Styrgruppsmöte (flyttat)"
    # Nothing of A's write is kept: the stored activity is B's, on both Stores.
    for reader in (store, colleague):
        now = reader.activities.get(stored.id)
        assert (now.title, now.place, now.notes, now.version) == (
            "Styrgruppsmöte",
            "Rådhuset",
            stored.notes,
            2,
        )
    # Reloaded, A saves from B's version.
    saved = store.activities.update(replace(error.theirs, notes="A"))
    assert (saved.notes, saved.place, saved.version) == ("A", "Rådhuset", 3)


def test_an_unchanged_save_keeps_the_version(store, add_activity, org_ids):
    stored = add_activity(
        "Seminarium", "Gävle", date(2019, 3, 4), coorganiser_ids=(org_ids["Arbetsförmedlingen"],)
    )
    again = store.activities.update(store.activities.get(stored.id))
    assert again == stored and again.version == stored.version == 1


def test_a_change_of_only_the_co_organisers_is_a_new_version(
    store, colleague, add_activity, org_ids
):
    stored = add_activity("Seminarium", "Gävle", date(2019, 3, 4))
    theirs = colleague.activities.update(
        replace(stored, coorganiser_ids=(org_ids["Arbetsförmedlingen"],))
    )
    assert theirs.version == 2
    with pytest.raises(StaleRecord):
        store.activities.update(replace(stored, place="Här"))
    assert store.activities.get(stored.id).coorganiser_ids == (org_ids["Arbetsförmedlingen"],)
