"""Broken and random spreadsheets and calendars: never a crash, never half an import.

Every file of the corpus (tests/importers/broken_corpus.py) and every file hypothesis makes
is read the way the command line and the import dialog read it. It must give a report or a
DomainError with a Swedish message, quickly. Whatever can be imported is imported into a
real database, once with the write failing half-way (the database must be unchanged) and
once for real (exactly the reported activities are added, nothing else changes). A sample
goes through `python -m app import` in a child process: exit 0 or 1, no traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.setup import gavleborg_defaults
from app.importers import ImportContext, ImportReport, build_report, kind_for, read_source
from app.importers.calendar import MAX_OCCURRENCES
from app.importers.report import SourceKind
from app.store.database import Store
from tests.conftest import SETUP_DAY
from tests.importers import broken_corpus
from tests.importers.broken_corpus import (
    BrokenFile,
    assert_swedish,
    corpus,
    dump,
    fail_on_second_write,
    of_kind,
)

ROOT = Path(__file__).resolve().parents[2]
# CPU seconds one file may take to read; more is a hang in the making. CPU time of this
# process, not the clock: other programs on a busy machine must not fail the test.
SLOW = 5.0
# The tables an import writes to; every other table must be left exactly as it was.
# What an import writes (a recurring calendar event also makes its series).
IMPORT_TABLES = {
    "activity",
    "activity_step",
    "activity_coorganiser",
    "activity_participant",
    "activity_series",
}
TODAY = date(2019, 6, 1)


def read(path: Path, kind: SourceKind, insats: Insats, context: ImportContext) -> ImportReport:
    """As the command line and the dialog read a file (read_source, then build_report)."""
    source = read_source(path, kind, (insats.start, insats.end))
    return build_report(source, context, kind=kind)


def outcome(
    path: Path, kind: SourceKind, insats: Insats, context: ImportContext
) -> ImportReport | str:
    """The report, or the DomainError's message; any other exception fails the test."""
    started = time.process_time()
    try:
        result: ImportReport | str = read(path, kind, insats, context)
    except DomainError as exc:
        assert_swedish(str(exc), path.name)
        result = str(exc)
    took = time.process_time() - started
    assert took < SLOW, f"{path.name} took {took:.1f} s of CPU to read"
    if isinstance(result, ImportReport):
        for rejected in result.rejected:
            assert rejected.reasons and all(r.strip() for r in rejected.reasons), rejected
    return result


def write(directory: Path, file: BrokenFile) -> Path:
    path = directory / file.name
    path.write_bytes(file.data)
    return path


# --- the corpus ---------------------------------------------------------------------------------


def test_the_corpus_is_the_same_on_every_run() -> None:
    files = corpus()
    assert {k.value: len(of_kind(k)) for k in SourceKind} == {"excel": 135, "csv": 106, "ics": 178}
    assert [f.data for f in files] == [f.data for f in broken_corpus.corpus.__wrapped__()]


def test_the_sound_files_the_corpus_breaks_import_cleanly(
    tmp_path: Path, insats: Insats, context: ImportContext
) -> None:
    """So that the truncated and bit-flipped copies start from something that works."""
    for suffix, data, accepted in (
        (".xlsx", broken_corpus.valid_xlsx(), 4),
        (".csv", broken_corpus.valid_csv(), 5),
        (".ics", broken_corpus.valid_ics(), 7),
    ):
        path = tmp_path / f"hel{suffix}"
        path.write_bytes(data)
        report = read(path, kind_for(path), insats, context)
        assert (len(report.accepted), report.rejected) == (accepted, []), path.name


@pytest.mark.parametrize("kind", list(SourceKind), ids=lambda k: k.value)
def test_every_broken_file_reads_to_a_report_or_a_swedish_message_and_imports_whole(
    kind: SourceKind,
    tmp_path: Path,
    store: Store,
    insats: Insats,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.operations.imports import load_context

    refused = reports = imported = 0
    for file in of_kind(kind):
        path = write(tmp_path, file)
        # The dialog picks the reader by the suffix, the command line by the kind it is told.
        assert kind_for(path) is file.kind
        context = load_context(store, insats, today=TODAY)
        result = outcome(path, file.kind, insats, context)
        if isinstance(result, str):
            refused += 1
            continue
        reports += 1
        activities = result.activities()
        if not activities:
            continue
        before = dump(db_path)
        with monkeypatch.context() as m:
            calls = fail_on_second_write(m)
            with pytest.raises(OSError, match="Disken är full"):
                store.activities.import_many(activities)
            assert len(calls) == 2 and calls[0] == 1, file.name  # one row was written first
        assert dump(db_path) == before, f"{file.name}: a failed import left rows behind"

        ids = store.activities.import_many(activities)
        after = dump(db_path)
        assert len(ids) == len(activities), file.name
        # The change log records the import too: one row for each row it added.
        for table in set(before) - IMPORT_TABLES - {"sqlite_sequence", "change_row"}:
            assert after[table] == before[table], f"{file.name} changed {table}"
        logged = [r for r in after["change_row"] if r not in before["change_row"]]
        assert sum(1 for r in logged if r[2] == "activity") == len(ids), file.name
        added = [r for r in after["activity"] if r not in before["activity"]]
        assert sorted(r[0] for r in added) == ids, file.name
        assert len(after["activity"]) == len(before["activity"]) + len(ids), file.name
        imported += 1
    # Each kind has files of all three outcomes: refused, read with rows, read and imported.
    assert refused and reports and imported, (refused, reports, imported)


def test_a_calendar_with_too_many_occurrences_is_refused_not_expanded(
    tmp_path: Path, insats: Insats, context: ImportContext
) -> None:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{i}\r\nSUMMARY:Dagligt möte {i}\r\nDTSTART;VALUE=DATE:20180101\r\n"
        "RRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
        for i in range(MAX_OCCURRENCES // 365 + 1)
    )
    path = tmp_path / "for-manga.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n")
    started = time.process_time()
    with pytest.raises(DomainError) as caught:
        read(path, SourceKind.ICS, insats, context)
    assert time.process_time() - started < SLOW
    assert str(caught.value).startswith(
        "for-manga.ics har fler än 10 000 händelser mellan 2018-01-01 och 2021-12-31 "
        "(flest heter ”Dagligt möte"
    )


def test_a_series_repeating_within_a_day_is_left_out_with_a_warning(
    tmp_path: Path, insats: Insats, context: ImportContext
) -> None:
    path = tmp_path / "sekunder.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Varje sekund\r\nDTSTART:20100101T000000Z\r\n"
        "RRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Seminarium i Gävle\r\nDTSTART:20180315T090000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    report = read(path, SourceKind.ICS, insats, context)
    assert [r.activity.title for r in report.accepted] == ["Seminarium i Gävle"]
    assert report.skipped == [
        "Serien ”Varje sekund” upprepas flera gånger om dagen (så tätt upprepas ingen "
        "aktivitet) och togs inte med"
    ]


def test_an_event_whose_start_cannot_be_read_is_a_row_that_cannot_be_read(
    tmp_path: Path, insats: Insats, context: ImportContext
) -> None:
    path = tmp_path / "datum.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Trasigt\r\nDTSTART:20181345T250000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Utan start\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:Seminarium i Gävle\r\nDTSTART:20180315T090000Z\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    report = read(path, SourceKind.ICS, insats, context)
    assert [r.activity.title for r in report.accepted] == ["Seminarium i Gävle"]
    assert [(r.label, r.reasons[0][:38]) for r in report.rejected] == [
        ("Händelsen ”Trasigt”", "start- eller slutdatumet kan inte läsa"),
        ("Händelsen ”Utan start”", "startdatum saknas"),
    ]


# --- hypothesis -------------------------------------------------------------------------------

EXAMPLES = {"csv-text": 150, "bytes": 100, "ics": 150, "xlsx": 60}


def quick(n: int) -> Any:
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder for the files hypothesis makes (tmp_path is one per test, not per example)."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


WORDS = ["Datum", "Typ", "Titel", "Kommun", "Antal", "Kvinnor", "Män", "Status", "Summa",
         "Seminarium", "Gävle", "Hofors", "Länet", "ca 12", "12 st", "-", "NaN", "#REF!",
         "2018-03-15", "31/2 2018", "15–16 mars 2018", "43174", "=SUM(A1:A2)", "Genomförd",
         "Inställd", "Teams", '"', "'", ";", ",", "\t"]  # fmt: skip
cells = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12).map(str),
    st.floats().map(str),
    st.dates().map(lambda d: d.strftime(f"%d/%m {d.year}")),
)


@quick(EXAMPLES["csv-text"])
@given(
    header=st.one_of(st.just(list(broken_corpus.XLSX_HEADER)), st.lists(cells, max_size=8)),
    rows=st.lists(st.lists(cells, max_size=10), max_size=15),
    delimiter=st.sampled_from([";", ",", "\t", "|", ""]),
    newline=st.sampled_from(["\r\n", "\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
)
def test_random_csv_text(
    scratch: Path,
    insats: Insats,
    context: ImportContext,
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    newline: str,
    encoding: str,
) -> None:
    text = newline.join(delimiter.join(r) for r in [header, *rows])
    path = scratch / "slump.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    outcome(path, SourceKind.CSV, insats, context)


@quick(EXAMPLES["bytes"])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".ics", ".xlsx"]))
def test_random_bytes(
    scratch: Path, insats: Insats, context: ImportContext, data: bytes, suffix: str
) -> None:
    path = scratch / f"slump{suffix}"
    path.write_bytes(data)
    outcome(path, kind_for(path), insats, context)


@quick(EXAMPLES["bytes"])
@given(
    base=st.sampled_from(["xlsx", "csv", "ics"]),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)), max_size=6),
    cut=st.floats(0, 1),
)
def test_valid_files_with_bits_flipped_and_cut(
    scratch: Path,
    insats: Insats,
    context: ImportContext,
    base: str,
    flips: list[tuple[float, int]],
    cut: float,
) -> None:
    valid = {
        "xlsx": broken_corpus.valid_xlsx,
        "csv": broken_corpus.valid_csv,
        "ics": broken_corpus.valid_ics,
    }[base]()
    data = bytearray(valid)
    for at, bit in flips:
        data[int(at * len(data))] ^= 1 << bit
    path = scratch / f"trasig.{base}"
    path.write_bytes(bytes(data[: max(1, int(cut * len(data)))]))
    outcome(path, kind_for(path), insats, context)


ICS_NAMES = ["BEGIN", "END", "DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RDATE",
             "SUMMARY", "LOCATION", "STATUS", "UID", "RECURRENCE-ID", "X-WR-TIMEZONE", "TZID",
             "TZOFFSETFROM", "TZOFFSETTO", "X-FOO"]  # fmt: skip
ICS_VALUES = ["VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VTODO", "20180315",
              "20180315T090000", "20180315T090000Z", "20181345T250000", "99991231T235959Z",
              "00010101", "PT1H", "-P1D", "P99999W", "FREQ=DAILY;COUNT=5", "FREQ=SECONDLY",
              "FREQ=WEEKLY;BYDAY=MO,XX", "FREQ=DAILY;INTERVAL=0", "FREQ=MONTHLY;BYSETPOS=-1",
              "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "CANCELLED", "Europe/Stockholm",
              "W. Europe Standard Time", "Mars/Olympus", "+0100", "+9999", "Seminarium",
              "Inställt: Frukost", ""]  # fmt: skip
ICS_PARAMS = ["", ";VALUE=DATE", ";VALUE=DATE-TIME", ";VALUE=PERIOD", ";X=;;",
              ";TZID=W. Europe Standard Time", ";TZID=Mars/Olympus", ';TZID="']  # fmt: skip
ics_line = st.one_of(
    st.tuples(
        st.sampled_from(ICS_NAMES),
        st.sampled_from(ICS_PARAMS),
        st.one_of(st.sampled_from(ICS_VALUES), st.text(max_size=20)),
    ).map(lambda t: f"{t[0]}{t[1]}:{t[2]}"),
    st.text(max_size=30),
)


@quick(EXAMPLES["ics"])
@given(
    lines=st.lists(ics_line, max_size=25),
    wrap=st.booleans(),
    event_wrap=st.booleans(),
    newline=st.sampled_from(["\r\n", "\n"]),
)
def test_random_calendars(
    scratch: Path,
    insats: Insats,
    context: ImportContext,
    lines: list[str],
    wrap: bool,
    event_wrap: bool,
    newline: str,
) -> None:
    body = [ln.replace("\r", " ").replace("\n", " ") for ln in lines]
    if event_wrap:
        body = ["BEGIN:VEVENT", "UID:1", "DTSTART:20180315T090000Z", *body, "END:VEVENT"]
    if wrap:
        body = ["BEGIN:VCALENDAR", "VERSION:2.0", *body, "END:VCALENDAR"]
    path = scratch / "slump.ics"
    path.write_bytes(newline.join(body).encode("utf-8", errors="replace"))
    outcome(path, SourceKind.ICS, insats, context)


def _writable(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


xlsx_cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.text(max_size=40).map(_writable),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.dates(min_value=date(1900, 1, 1)),
    st.sampled_from(["=TODAY()", "=1/0", "=A1+", "=#REF!", "=SUM(E1:E9)"]),
)


@quick(EXAMPLES["xlsx"])
@given(
    header=st.one_of(
        st.just(list(broken_corpus.XLSX_HEADER)), st.lists(xlsx_cells, min_size=1, max_size=8)
    ),
    rows=st.lists(st.lists(xlsx_cells, max_size=9), max_size=12),
)
def test_random_cells_in_a_workbook(
    scratch: Path,
    insats: Insats,
    context: ImportContext,
    header: list[Any],
    rows: list[list[Any]],
) -> None:
    path = scratch / "slump.xlsx"
    path.write_bytes(broken_corpus.workbook_bytes([header, *rows]))
    outcome(path, SourceKind.EXCEL, insats, context)


# --- the command line, in a child process ----------------------------------------------------


def cli_sample() -> list[BrokenFile]:
    """Five files of each kind, spread over the corpus (refused, partly read, imported)."""
    picked: list[BrokenFile] = []
    for kind in SourceKind:
        files = of_kind(kind)
        picked += files[:: len(files) // 5][:5]
    return picked


def test_the_command_line_on_broken_files_exits_0_or_1_without_a_traceback(
    tmp_path: Path,
) -> None:
    template = tmp_path / "mall.sqlite3"
    store = Store.open(template)
    store.reference.set_up(gavleborg_defaults(SETUP_DAY))
    store.close()
    pristine = dump(template)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("INSATSLOGG_DB", None)
    runs: list[tuple[BrokenFile, Path, subprocess.Popen[str]]] = []
    for n, file in enumerate(cli_sample()):
        db = tmp_path / f"db{n}.sqlite3"
        shutil.copy(template, db)
        path = write(tmp_path, file)
        kind = {"excel": "excel", "csv": "csv", "ics": "ics"}[file.kind.value]
        command = [sys.executable, "-m", "app", "import", kind, str(path), "--db", str(db)]
        runs.append(
            (file, db, subprocess.Popen(command, cwd=tmp_path, env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE))
        )  # fmt: skip
    codes: dict[int, int] = {}
    for file, db, process in runs:
        out, err = process.communicate(timeout=90)
        code = process.returncode
        codes[code] = codes.get(code, 0) + 1
        assert code in (0, 1), f"{file.name}: exit {code}\n{err}"
        assert "Traceback" not in err + out, f"{file.name}:\n{err}"
        after = dump(db)
        if code == 1:
            assert after == pristine, f"{file.name}: exit 1 but the database changed"
            assert err.startswith("insatslogg: ") or "ingenting importerades" in out, file.name
            if err:
                assert_swedish(err, file.name)
        else:
            added = len(after["activity"]) - len(pristine["activity"])
            assert added > 0 and f"{added} aktivitet" in out, f"{file.name}:\n{out}"
    assert codes.get(0) and codes.get(1), codes  # the sample holds both outcomes


def test_the_cli_sample_is_fifteen_files() -> None:
    assert len(cli_sample()) == 15
