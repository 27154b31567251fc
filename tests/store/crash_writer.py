"""The child of the crash test: writes to a database for ever, until it is killed.

    python -m tests.store.crash_writer DB JOURNAL SEED     (or by path)

(The test itself starts each writer with ``run`` through a multiprocessing fork server
that has imported PRELOAD once: fifty cold starts of SQLAlchemy would take a minute.)

It opens the store the way the app does and loops, choosing by a seeded random among
real write paths: add, change and delete activities, save and erase persons, and import
a spreadsheet (a generated .xlsx or .csv read through app.importers, then
``import_many``, as the import dialog and ``insatslogg import`` do).

Before each write it appends ``intent {json}`` to JOURNAL and after the call has
returned ``done {json}``; inside an import's transaction the progress callback appends
``step {json}``. Each line goes out in one unbuffered write, so it is in the page cache
(which survives SIGKILL) before the next step begins. The parent
(test_crash_safety.py) kills this process at random moments and checks the database
against the journal. Every title and name written is unique, so the parent can tell
which writes reached the file.
"""

from __future__ import annotations

import json
import os
import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core.entities import Insats
    from app.store.database import Store

# How often each write is chosen.
WEIGHTS = {
    "insert": 24,
    "update": 20,
    "delete": 8,
    "person": 10,
    "erase": 4,
    "import": 24,
}
IMPORT_ROWS = (40, 200)


def import_title(marker: str, row: int) -> str:
    """The title of row ``row`` (1-based) of the import marked ``marker``."""
    return f"{marker} rad {row}"


def import_total(row: int) -> int:
    """The participants of row ``row`` of every import."""
    return row * 7 % 90 + 1


class Journal:
    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def write(self, kind: str, entry: dict[str, Any]) -> None:
        os.write(self._fd, f"{kind} {json.dumps(entry, ensure_ascii=False)}\n".encode())


class Writer:
    def __init__(self, store: Store, journal: Journal, seed: int, workdir: Path) -> None:
        self.store = store
        self.journal = journal
        self.rng = random.Random(seed)
        self.tag = f"s{seed}"
        self.workdir = workdir
        self.n = 0
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None and insats.forbund_id is not None
        self.insats: Insats = insats
        self.insats_id = insats.id
        self.forbund_id = insats.forbund_id
        self.types = [t for t in store.reference.activity_types() if t.active]
        self.kommuner = list(store.reference.kommuner(insats.forbund_id))
        with store.file.read() as con:
            self.activity_ids = [r[0] for r in con.execute("SELECT id FROM activity ORDER BY id")]
        self.person_ids = [p.id for p in store.people.all(insats.forbund_id) if p.id]

    def unique(self, what: str) -> str:
        self.n += 1
        return f"{what}-{self.tag}-{self.n}"

    def day(self) -> date:
        span = (self.insats.end - self.insats.start).days
        return self.insats.start + timedelta(days=self.rng.randrange(span + 1))

    def run_forever(self) -> None:
        writes = {
            "insert": self.insert,
            "update": self.update,
            "delete": self.delete,
            "person": self.person,
            "erase": self.erase,
            "import": self.import_,
        }
        ops = list(WEIGHTS)
        weights = list(WEIGHTS.values())
        while True:
            op = self.rng.choices(ops, weights)[0]
            if op in ("update", "delete") and not self.activity_ids:
                op = "insert"
            if op == "erase" and not self.person_ids:
                op = "person"
            writes[op]()

    # --- the writes -------------------------------------------------------------------------
    def insert(self) -> None:
        from app.core.attendance import Attendance
        from app.core.entities import Activity

        kommun = self.rng.choice(self.kommuner)
        k = self.rng.randint(0, min(2, len(self.person_ids)))
        persons = sorted(self.rng.sample(self.person_ids, k))
        entry: dict[str, Any] = {
            "op": "insert",
            "title": self.unique("ins"),
            # Valid by construction: never fewer participants than named persons.
            "total": self.rng.randint(len(persons), 500),
            "persons": persons,
        }
        activity = Activity(
            id=None,
            insats_id=self.insats_id,
            type_id=self.rng.choice(self.types).id or 0,
            title=entry["title"],
            start=self.day(),
            kommun_id=kommun.id,
            attendance=Attendance(entry["total"]),
            participant_ids=tuple(persons),
        )
        self.journal.write("intent", entry)
        stored = self.store.activities.add(activity)
        assert stored.id is not None
        self.activity_ids.append(stored.id)
        self.journal.write("done", {**entry, "id": stored.id})

    def update(self) -> None:
        from app.core.attendance import Attendance

        activity_id = self.rng.choice(self.activity_ids)
        entry: dict[str, Any] = {
            "op": "update",
            "id": activity_id,
            "title": self.unique("upd"),
        }
        before = self.store.activities.get(activity_id)
        # Valid by construction: the activity keeps its named persons, so its total never
        # falls below their number (a total of randint(0, 500) killed the writer with a
        # validation error about once a suite run).
        entry["total"] = self.rng.randint(len(before.participant_ids), 500)
        changed = replace(before, title=entry["title"], attendance=Attendance(entry["total"]))
        self.journal.write("intent", entry)
        self.store.activities.update(changed)
        self.journal.write("done", entry)

    def delete(self) -> None:
        ids = sorted(self.rng.sample(self.activity_ids, min(len(self.activity_ids), 3)))
        entry: dict[str, Any] = {"op": "delete", "ids": ids}
        self.journal.write("intent", entry)
        self.store.activities.delete_many(ids)
        self.activity_ids = [i for i in self.activity_ids if i not in ids]
        self.journal.write("done", entry)

    def person(self) -> None:
        from app.core.people import Person

        rename = self.person_ids and self.rng.random() < 0.3
        person_id = self.rng.choice(self.person_ids) if rename else None
        if person_id is None:
            person = Person(None, self.forbund_id, "")
        else:
            person = self.store.people.get(person_id)
        name = f"Person {self.unique('p')}"
        entry: dict[str, Any] = {"op": "person", "id": person_id, "name": name}
        self.journal.write("intent", entry)
        saved = self.store.people.save(replace(person, name=name))
        assert saved.id is not None
        if person_id is None:
            self.person_ids.append(saved.id)
        self.journal.write("done", {**entry, "saved": saved.id})

    def erase(self) -> None:
        ids = sorted(self.rng.sample(self.person_ids, min(len(self.person_ids), 2)))
        entry: dict[str, Any] = {"op": "erase", "ids": ids}
        self.journal.write("intent", entry)
        self.store.people.erase_many(ids)
        self.person_ids = [i for i in self.person_ids if i not in ids]
        self.journal.write("done", entry)

    def import_(self) -> None:
        """Write a spreadsheet, read it through the importer, then import it (one write)."""
        from app.core.progress import Progress
        from app.importers import SourceKind, build_report, read_source
        from app.operations.imports import load_context

        marker = self.unique("imp")
        rows = self.rng.randint(*IMPORT_ROWS)
        kind = self.rng.choice([SourceKind.EXCEL, SourceKind.CSV])
        path = self.spreadsheet(marker, rows, kind)
        source = read_source(path, kind, (self.insats.start, self.insats.end))
        context = load_context(self.store, self.insats)
        report = build_report(source, context, kind=kind)
        activities = report.activities()
        path.unlink()
        if len(activities) != rows:  # the importer refused a row: the child is wrong
            raise AssertionError(f"{marker}: {len(activities)} of {rows} rows accepted")
        entry: dict[str, Any] = {"op": "import", "marker": marker, "rows": rows, "kind": kind.value}

        def step(done: int, total: int) -> None:  # called inside the transaction
            self.journal.write("step", {"op": "import", "marker": marker, "at": done})

        self.journal.write("intent", entry)
        ids = self.store.activities.import_many(activities, Progress(report=step))
        self.activity_ids.extend(ids)
        self.journal.write("done", {**entry, "ids": [ids[0], ids[-1]]})

    def spreadsheet(self, marker: str, rows: int, kind: Any) -> Path:
        from app.importers import SourceKind

        header = ("Datum", "Typ", "Titel", "Kommun", "Antal")
        table = [header] + [
            (
                self.day().isoformat(),
                self.rng.choice(self.types).name,
                import_title(marker, i),
                self.rng.choice(self.kommuner).name,
                import_total(i),
            )
            for i in range(1, rows + 1)
        ]
        if kind is SourceKind.CSV:
            path = self.workdir / f"{marker}.csv"
            lines = (";".join(str(v) for v in row) for row in table)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return path
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        for row in table:
            ws.append(list(row))
        path = self.workdir / f"{marker}.xlsx"
        wb.save(path)
        return path


# What a writer needs, imported once by the test's fork server: each writer is then a
# fresh process (forked from it) that opens the database itself, in well under a second.
PRELOAD = [
    "sqlalchemy.orm",
    "openpyxl",
    "app.store.database",
    "app.store.activity_writes",
    "app.store.activity_import",
    "app.store.people",
    "app.store.people_writes",
    "app.importers",
    "tests.store.crash_writer",
]


def run(db_path: str, journal_path: str, seed: int, stderr_path: str | None = None) -> None:
    """Open the store as the app does and write until killed."""
    if stderr_path is not None:  # a traceback goes to a file the parent shows
        fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 2)
    from app.store.database import Store

    store = Store.open(Path(db_path))
    journal = Journal(Path(journal_path))
    Writer(store, journal, seed, Path(journal_path).parent).run_forever()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: crash_writer DB JOURNAL SEED", file=sys.stderr)
        return 2
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:  # run by path
        sys.path.insert(0, root)
    run(argv[0], argv[1], int(argv[2]))
    return 0  # never reached: the writer is killed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
