"""A database at schema 0006 upgrades to 0007 keeping its report texts, and then takes
the board report's further sections and texts for one year."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

import db
from app.core.report_texts import SECTIONS, choose_texts
from app.store.database import Store
from app.store.engine import make_engine
from app.store.migrations import current_revision

OLD = Path(__file__).resolve().parents[1] / "data" / "insatslogg-0001.sqlite3"
OLD_TEXTS = [
    (2017, 2019, "bakgrund", "Förbundet såg en stor potential."),
    (2017, 2019, "analys", "Kunskapen har ökat."),
    (2018, 2018, "slutsatser", "Ett år av utbildningar."),
]


def _at_0006(path: Path) -> int:
    """The old file upgraded to 0006, with report texts written as 0006 knew them (raw
    SQL: the program cannot write a file of an older schema). Returns the insats id."""
    shutil.copy(OLD, path)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0006")
    finally:
        engine.dispose()
    con = sqlite3.connect(path)
    try:
        with con:
            (insats_id,) = con.execute("SELECT id FROM insats ORDER BY id").fetchone()
            con.executemany(
                "INSERT INTO report_text (insats_id, first_year, last_year, section, text) "
                "VALUES (?, ?, ?, ?, ?)",
                [(insats_id, *t) for t in OLD_TEXTS],
            )
            with pytest.raises(sqlite3.IntegrityError):  # 0006 knows three sections only
                con.execute(
                    "INSERT INTO report_text (insats_id, first_year, last_year, section, text) "
                    "VALUES (?, 2018, 2018, 'struktur', 'x')",
                    (insats_id,),
                )
    finally:
        con.close()
    return int(insats_id)


def test_report_texts_survive_the_upgrade_and_new_sections_are_taken(tmp_path: Path) -> None:
    path = tmp_path / "0006.sqlite3"
    insats_id = _at_0006(path)
    assert current_revision(path) == "0006"
    store = Store.open(path)
    try:
        assert current_revision(path) == db.HEAD_REVISION
        kept = {
            (t.first_year, t.last_year, t.section, t.text)
            for t in store.report_texts.all_texts(insats_id)
        }
        assert kept == set(OLD_TEXTS)
        assert store.report_texts.texts(insats_id, 2017, 2019) == {
            "bakgrund": "Förbundet såg en stor potential.",
            "analys": "Kunskapen har ökat.",
        }
        # Every section of 0007, for the span and for one year.
        store.report_texts.save_texts(
            insats_id, 2017, 2019, {s: f"Text om {title}." for s, title in SECTIONS.items()}
        )
        store.report_texts.save_texts(insats_id, 2018, 2018, {"struktur": "Året 2018."})
        assert (
            store.report_texts.texts(insats_id, 2017, 2019)["avvikelser"] == "Text om Avvikelser."
        )
        chosen = choose_texts(store.report_texts.all_texts(insats_id), [2017, 2018, 2019], None)
        assert chosen.of_year(2018, "struktur") == "Året 2018."
        assert chosen.sections["struktur"] == "Text om Strukturinriktade insatser."
        assert chosen.sections["slutsatser"] == "Text om Slutsatser."
    finally:
        store.close()
