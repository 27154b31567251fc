"""Crash safety: a writer killed with SIGKILL at random moments never costs a committed write.

A child process (crash_writer.py) opens the store as the app does and writes for ever:
activities added, changed and deleted, persons saved and erased, spreadsheets imported.
It journals ``intent`` before each write and ``done`` after the call returned. The test
kills it TRIALS times on the same file, so the state accumulates as on a real laptop,
and after each kill checks the file with plain sqlite3:

* ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` finds nothing;
* every write whose call returned is there with its values, and nothing else is: the
  activities and named persons in the file are exactly those the journal accounts for;
* the one write that was running when the kill came is there whole or not at all:
  an import has all its rows or none, a deletion of three activities all or none;
* erased persons have no name;

and then opens it with ``Store.open`` as the app would (so does the next child).

Two kills in three are aimed at imports: just after the child journals that it is about
to import, or that it is inside the import's transaction. The test asserts that some
kills really did land inside an open import transaction (the journal shows the child
inside it and the file has none of its rows). The figures are printed and recorded
(``record_property``, e.g. in ``--junitxml``). INSATSLOGG_CRASH_SEED picks other moments.

The checker itself is tested at the end of this file on made-up journals, so that it is
known to catch a lost write, a half import and a stray row.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.context
import os
import random
import re
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.core.setup import gavleborg_defaults
from app.store.database import Store
from tests.store import crash_writer
from tests.store.crash_writer import import_title, import_total

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX"),
    pytest.mark.file_only,  # a killed writer of the file; a server has its own log
]

# Several fixed seeds (INSATSLOGG_CRASH_SEED adds one), 17 kills each: 51 kills a run.
SEEDS = [20240606, 1, 777] + (
    [int(os.environ["INSATSLOGG_CRASH_SEED"])] if "INSATSLOGG_CRASH_SEED" in os.environ else []
)
TRIALS = 17
POLL = 0.0005  # seconds between looks at the journal
# The first writer waits for the fork server's imports; then each starts in ~0.1 s.
FIRST_WRITE_TIMEOUT = 60.0
IMPORT_TIMEOUT = 10.0  # for the next import to begin
IMPORTED = re.compile(r"(imp-s\d+-\d+) rad (\d+)")

Entry = dict[str, Any]
Line = tuple[str, Entry]


@dataclass
class Model:
    """What the file must hold, from the journals of every child so far."""

    activities: dict[int, tuple[str, int]] = field(default_factory=dict)  # title, total
    persons: dict[int, str] = field(default_factory=dict)
    erased: set[int] = field(default_factory=set)


@dataclass
class Tally:
    trials: int = 0
    writes_verified: int = 0  # writes whose call returned, each checked after every later kill
    rows_imported: int = 0
    kills_during_write: int = 0
    kills_during_import: int = 0
    kills_inside_import_transaction: int = 0  # the child was inside it, and none of it is there
    imports_committed_unreturned: int = 0  # committed, killed before the call returned
    writes_lost: int = 0
    by_op: Counter[str] = field(default_factory=Counter)


class Child:
    """One writer process and what it has journaled so far."""

    def __init__(self, db: Path, journal: Path, seed: int, stderr: Path) -> None:
        journal.touch()
        self.stderr_path = stderr
        self.proc = writer_processes().Process(
            target=crash_writer.run, args=(str(db), str(journal), seed, str(stderr)), daemon=True
        )
        self.proc.start()
        self._journal = journal.open("rb")
        self._pending = b""
        self.lines: list[Line] = []

    def _read(self) -> None:
        self._pending += self._journal.read()
        *complete, self._pending = self._pending.split(b"\n")
        self.lines.extend(parse(line) for line in complete)

    def wait_until(self, condition: Callable[[list[Line]], bool], timeout: float) -> bool:
        """Watch the journal until ``condition`` holds (True) or ``timeout`` passes (False).

        The writer must stay alive meanwhile: it only ever stops by being killed.
        """
        deadline = time.monotonic() + timeout
        while True:
            self._read()
            if condition(self.lines):
                return True
            if not self.proc.is_alive():
                pytest.fail(
                    f"the writer stopped by itself (exit {self.proc.exitcode}):\n"
                    + self.stderr_path.read_text(errors="replace")
                )
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL)

    def kill(self) -> list[Line]:
        """SIGKILL; then every complete line it journaled (a torn last line is ignored)."""
        self.proc.kill()  # SIGKILL
        self.proc.join()
        self._read()
        assert self.proc.exitcode == -signal.SIGKILL, self.stderr_path.read_text()
        return self.lines

    def close(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.proc.close()
        self._journal.close()


def writer_processes() -> multiprocessing.context.ForkServerContext:
    """Writers are forked from a server that has imported their modules once, so each
    starts in a fraction of a second; each opens the database itself, as the app does."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(crash_writer.PRELOAD)
    return context


def parse(line: bytes) -> Line:
    kind, _, payload = line.decode().partition(" ")
    assert kind in ("intent", "step", "done"), line
    return kind, json.loads(payload)


def has_done(lines: list[Line]) -> bool:
    return any(kind == "done" for kind, _ in lines)


def in_import(kinds: tuple[str, ...]) -> Callable[[list[Line]], bool]:
    def check(lines: list[Line]) -> bool:
        if not lines:
            return False
        kind, entry = lines[-1]
        return kind in kinds and entry["op"] == "import"

    return check


def run_trial(db: Path, workdir: Path, trial: int, rng: random.Random, seed: int) -> list[Line]:
    """Start a writer, let it write, kill it at a moment chosen by ``rng``."""
    child = Child(
        db,
        workdir / f"journal-{trial:02d}.log",
        seed * 100 + trial,
        workdir / f"stderr-{trial:02d}.log",
    )
    try:
        started = child.wait_until(has_done, FIRST_WRITE_TIMEOUT)
        assert started, "the writer wrote nothing in time"
        aim = rng.choice(["anywhere", "import", "import-transaction"])
        if aim == "anywhere":
            child.wait_until(lambda _: False, rng.uniform(0.0, 0.4))
        else:
            # Just after it journaled "about to import" or "inside the import's transaction".
            kinds = ("intent", "step") if aim == "import" else ("step",)
            child.wait_until(in_import(kinds), IMPORT_TIMEOUT)
            delay = rng.choice([0.0, rng.uniform(0.0, 0.003), rng.uniform(0.0, 0.02)])
            if delay:
                child.wait_until(lambda _: False, delay)
        return child.kill()
    finally:
        child.close()


# --- reading the file back ----------------------------------------------------------------


@dataclass
class FileState:
    activities: dict[int, tuple[str, int]]
    persons: dict[int, str]  # named persons (an erased person linked to activities has "")


def read_file(db: Path) -> tuple[list[str], FileState]:
    """Problems of the file itself, and what it holds. Plain sqlite3 (this replays the WAL)."""
    problems: list[str] = []
    with closing(sqlite3.connect(db)) as con:
        check = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            problems.append(f"integrity_check: {check}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk}")
        activities = {
            r[0]: (r[1], r[2]) for r in con.execute("SELECT id, title, participants FROM activity")
        }
        persons = {r[0]: r[1] for r in con.execute("SELECT id, name FROM person WHERE name <> ''")}
    return problems, FileState(activities, persons)


def imported_rows(activities: dict[int, tuple[str, int]]) -> Counter[str]:
    """How many of ``activities`` have the title of a row of each import."""
    found: Counter[str] = Counter()
    for title, _ in activities.values():
        m = IMPORTED.fullmatch(title)
        if m:
            found[m.group(1)] += 1
    return found


# --- checking a trial ---------------------------------------------------------------------


def apply_done(model: Model, e: Entry, tally: Tally) -> None:
    op = e["op"]
    tally.writes_verified += 1
    tally.by_op[op] += 1
    if op == "insert":
        model.activities[e["id"]] = (e["title"], e["total"])
    elif op == "update":
        assert e["id"] in model.activities, e
        model.activities[e["id"]] = (e["title"], e["total"])
    elif op == "delete":
        for activity_id in e["ids"]:
            del model.activities[activity_id]
    elif op == "person":
        assert e["id"] in (None, e["saved"]), e
        model.persons[e["saved"]] = e["name"]
        model.erased.discard(e["saved"])  # an erased person's row is removed: its id is free
    elif op == "erase":
        for person_id in e["ids"]:
            del model.persons[person_id]
            model.erased.add(person_id)
    elif op == "import":
        first, last = e["ids"]
        assert last - first + 1 == e["rows"], e
        add_import(model, e["marker"], list(range(first, last + 1)))
        tally.rows_imported += e["rows"]
    else:
        raise AssertionError(f"unknown write {e}")


def add_import(model: Model, marker: str, ids: list[int]) -> None:
    for row, activity_id in enumerate(ids, start=1):
        model.activities[activity_id] = (import_title(marker, row), import_total(row))


def resolve_unfinished(
    model: Model, e: Entry, steps: int, state: FileState, tally: Tally
) -> list[str]:
    """The write the kill interrupted: either all of it is in the file or none of it."""
    op = e["op"]
    tally.kills_during_write += 1
    if op == "insert":
        ids = [i for i, (title, _) in state.activities.items() if title == e["title"]]
        if len(ids) > 1:
            return [f"insert {e['title']} is in the file {len(ids)} times"]
        if ids:
            model.activities[ids[0]] = (e["title"], e["total"])
    elif op == "update":
        new = (e["title"], e["total"])
        found = state.activities.get(e["id"])
        if found == new:
            model.activities[e["id"]] = new
        elif found != model.activities[e["id"]]:
            return [f"update of {e['id']}: neither before nor after, but {found}"]
    elif op == "delete":
        left = [i for i in e["ids"] if i in state.activities]
        if not left:
            for activity_id in e["ids"]:
                del model.activities[activity_id]
        elif left != e["ids"]:
            return [f"half a deletion: {left} of {e['ids']} left"]
    elif op == "person":
        ids = [i for i, name in state.persons.items() if name == e["name"]]
        if len(ids) > 1:
            return [f"person {e['name']} is in the file {len(ids)} times"]
        if ids and e["id"] not in (None, ids[0]):
            return [f"person {e['name']} has id {ids[0]}, not {e['id']}"]
        if ids:
            model.persons[ids[0]] = e["name"]
            model.erased.discard(ids[0])
    elif op == "erase":
        named = [i for i in e["ids"] if i in state.persons]
        if not named:
            for person_id in e["ids"]:
                del model.persons[person_id]
                model.erased.add(person_id)
        elif named != e["ids"]:
            return [f"half an erasure: {named} of {e['ids']} still named"]
    elif op == "import":
        tally.kills_during_import += 1
        marker, rows = e["marker"], e["rows"]
        ids = sorted(
            i
            for i, (title, _) in state.activities.items()
            if (m := IMPORTED.fullmatch(title)) and m.group(1) == marker
        )
        if len(ids) == rows:
            tally.imports_committed_unreturned += 1
            add_import(model, marker, ids)
            tally.rows_imported += rows
        elif ids:
            return [f"half an import: {len(ids)} of {rows} rows of {marker}"]
        elif steps:
            tally.kills_inside_import_transaction += 1
    return []


def check_trial(model: Model, lines: list[Line], state: FileState, tally: Tally) -> list[str]:
    """Bring ``model`` up to date with a trial's journal and compare it with the file."""
    unfinished: Entry | None = None
    steps = 0
    for kind, e in lines:
        if kind == "intent":
            assert unfinished is None, f"two writes at once: {unfinished} and {e}"
            unfinished, steps = e, 0
        elif kind == "step":
            assert unfinished is not None and unfinished.get("marker") == e["marker"], e
            steps += 1
        else:
            assert unfinished is not None and unfinished.items() <= e.items(), (unfinished, e)
            apply_done(model, e, tally)
            unfinished = None
    problems = (
        [] if unfinished is None else resolve_unfinished(model, unfinished, steps, state, tally)
    )

    lost = [i for i in model.activities if state.activities.get(i) != model.activities[i]]
    for i in lost:
        problems.append(
            f"activity {i}: expected {model.activities[i]}, file has {state.activities.get(i)}"
        )
    extra = sorted(set(state.activities) - set(model.activities))
    if extra:
        problems.append(f"activities no write accounts for: {extra[:10]} ({len(extra)})")
    lost_persons = [i for i in model.persons if state.persons.get(i) != model.persons[i]]
    for i in lost_persons:
        problems.append(
            f"person {i}: expected {model.persons[i]!r}, file has {state.persons.get(i)!r}"
        )
    named_erased = sorted(model.erased & set(state.persons))
    if named_erased:
        problems.append(f"erased persons with a name: {named_erased}")
    extra_persons = sorted(set(state.persons) - set(model.persons) - model.erased)
    if extra_persons:
        problems.append(f"persons no write accounts for: {extra_persons}")
    # No half of an import: per import, the rows with its titles (an import's row may
    # since have been renamed or deleted by a later write).
    expected, found = imported_rows(model.activities), imported_rows(state.activities)
    for marker in sorted(expected.keys() | found.keys()):
        if found[marker] != expected[marker]:
            problems.append(
                f"import {marker}: {found[marker]} rows in the file, expected {expected[marker]}"
            )
    tally.writes_lost += len(lost) + len(lost_persons)
    return problems


def reopen_as_the_app(db: Path, model: Model) -> None:
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None and insats.forbund_id is not None
        assert {r.id for r in store.activities.rows(insats.id, None)} == set(model.activities)
        assert {p.id for p in store.people.all(insats.forbund_id)} == set(model.persons)
    finally:
        store.close()


@pytest.mark.timeout(300)  # ~8 s a seed here; the fork server and 17 writers on a slow CI
@pytest.mark.parametrize("seed", SEEDS)
def test_killed_writer_loses_no_committed_write(
    tmp_path: Path, record_property: Callable[[str, object], None], seed: int
) -> None:
    print(f"crash test seed={seed}")
    db = tmp_path / "insatslogg.sqlite3"
    store = Store.open(db)
    store.reference.set_up(gavleborg_defaults(date(2018, 1, 1)))
    store.close()

    rng = random.Random(seed)
    model = Model()
    tally = Tally()
    began = time.monotonic()
    for trial in range(TRIALS):
        lines = run_trial(db, tmp_path, trial, rng, seed)
        tally.trials += 1
        problems, state = read_file(db)
        problems += check_trial(model, lines, state, tally)
        where = f"trial {trial} (seed {seed}), journal {tmp_path}/journal-{trial:02d}.log"
        assert not problems, where + ":\n" + "\n".join(problems)
        reopen_as_the_app(db, model)
    seconds = time.monotonic() - began

    figures = {
        "trials": tally.trials,
        "kills_during_a_write": tally.kills_during_write,
        "kills_during_an_import": tally.kills_during_import,
        "kills_inside_an_open_import_transaction": tally.kills_inside_import_transaction,
        "imports_committed_but_not_returned": tally.imports_committed_unreturned,
        "writes_verified": tally.writes_verified,
        "writes_verified_by_kind": dict(sorted(tally.by_op.items())),
        "rows_imported": tally.rows_imported,
        "activities_at_end": len(model.activities),
        "writes_lost": tally.writes_lost,
        "seconds": round(seconds, 1),
    }
    for name, value in figures.items():
        record_property(name, value)
    print("crash test:", json.dumps(figures))
    assert tally.trials == TRIALS
    assert tally.writes_lost == 0
    # The test proves what it claims only if kills landed inside imports.
    assert tally.kills_inside_import_transaction > 0, figures
    assert tally.by_op.keys() == {"insert", "update", "delete", "person", "erase", "import"}


# --- the checker catches what it must ------------------------------------------------------


def state_of(activities: dict[int, tuple[str, int]], persons: dict[int, str]) -> FileState:
    return FileState(dict(activities), dict(persons))


INSERT: Entry = {"op": "insert", "title": "ins-s1-1", "total": 5, "persons": []}


def test_checker_counts_a_returned_write_missing_from_the_file_as_lost() -> None:
    tally = Tally()
    lines: list[Line] = [("intent", INSERT), ("done", {**INSERT, "id": 1})]
    problems = check_trial(Model(), lines, state_of({}, {}), tally)
    assert problems == ["activity 1: expected ('ins-s1-1', 5), file has None"]
    assert tally.writes_lost == 1 and tally.writes_verified == 1


def test_checker_takes_an_interrupted_write_whole_or_not_at_all() -> None:
    model = Model(activities={1: ("ins-s1-1", 5)})
    update: Entry = {"op": "update", "id": 1, "title": "upd-s1-2", "total": 9}
    for found in [("ins-s1-1", 5), ("upd-s1-2", 9)]:
        tally = Tally()
        trial_model = Model(activities=dict(model.activities))
        problems = check_trial(trial_model, [("intent", update)], state_of({1: found}, {}), tally)
        assert problems == [] and trial_model.activities == {1: found}
        assert tally.kills_during_write == 1 and tally.writes_lost == 0
    problems = check_trial(
        Model(activities=dict(model.activities)),
        [("intent", update)],
        state_of({1: ("upd-s1-2", 5)}, {}),
        Tally(),
    )
    assert problems[0] == "update of 1: neither before nor after, but ('upd-s1-2', 5)"


def test_checker_finds_half_an_import_and_rows_nobody_wrote() -> None:
    marker = "imp-s1-3"
    entry: Entry = {"op": "import", "marker": marker, "rows": 4, "kind": "csv"}
    lines: list[Line] = [("intent", entry), ("step", {"op": "import", "marker": marker, "at": 0})]
    half = {i: (import_title(marker, i), import_total(i)) for i in (1, 2)}
    tally = Tally()
    problems = check_trial(Model(), lines, state_of(half, {}), tally)
    assert problems == [
        f"half an import: 2 of 4 rows of {marker}",
        "activities no write accounts for: [1, 2] (2)",
        f"import {marker}: 2 rows in the file, expected 0",
    ]
    tally = Tally()
    assert check_trial(Model(), lines, state_of({}, {}), tally) == []
    assert tally.kills_during_import == 1 and tally.kills_inside_import_transaction == 1


def test_checker_finds_an_erased_person_with_a_name() -> None:
    erase: Entry = {"op": "erase", "ids": [7]}
    lines: list[Line] = [("intent", erase), ("done", erase)]
    model = Model(persons={7: "Anna"})
    assert check_trial(model, lines, state_of({}, {7: "Anna"}), Tally()) == [
        "erased persons with a name: [7]"
    ]
