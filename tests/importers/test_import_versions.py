"""An import's update of a stored activity is a new version of it (issue 16): a save
started before the import is refused as stale. (The import's store tests run on SQLite,
as tests/importers/test_import_store.py does.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.errors import StaleRecord


def test_an_imports_update_is_a_new_version_a_save_from_before_it_is_refused(store, add_activity):
    stored = add_activity("Seminarium", "Gävle", date(2019, 3, 4), title="Frukostmöte")
    store.activities.import_many([], updates=[replace(stored, place="Stadshuset")])
    assert store.activities.get(stored.id).version == 2
    with pytest.raises(StaleRecord):
        store.activities.update(replace(stored, notes="Efter importen"))
    assert store.activities.get(stored.id).place == "Stadshuset"
