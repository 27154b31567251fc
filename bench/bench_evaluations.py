"""Time the evaluations on the 20-year bench database: the Utvärderingar tab's tables for
a year, the whole insats's tables (the Excel sheet and the report of the period), and
reading a 2 000-row Forms export.

    python -m bench.bench_evaluations [--runs 20] [--share 0.2]

Works on a scratch copy of bench/out/bench.sqlite3 (generated when missing) in which
``--share`` of the activities get an evaluation of four questions (seed 1). Exit code 1
if the year's tables take more than 50 ms (median).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from app.core.evaluation import Evaluation, Question
from app.core.evaluation_scale import Distribution
from app.importers.forms import read_forms
from app.store.database import Store
from bench.bench_summary import DEFAULT_DB, measure
from bench.generate import generate

TARGET_MS = 50.0
QUESTIONS = ("Nöjd?", "Relevant?", "Ny kunskap?", "Tydligt?")


def _evaluation(rng: random.Random, activity_id: int, participants: int) -> Evaluation:
    answered = rng.randint(0, participants)
    questions = []
    for text in QUESTIONS:
        counts = [0] * 5
        for _ in range(rng.randint(0, answered)):
            counts[rng.randint(0, 4)] += 1
        questions.append(Question(text, Distribution(*counts)))
    return Evaluation(None, activity_id, answered, None, tuple(questions))


def _write_xlsx(path: Path, rows: list[tuple[object, ...]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_evaluations")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--share", type=float, default=0.2)
    args = parser.parse_args(argv)
    if not DEFAULT_DB.exists():
        DEFAULT_DB.parent.mkdir(parents=True, exist_ok=True)
        generate(DEFAULT_DB, years=20, per_year=1000, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        shutil.copyfile(DEFAULT_DB, path)
        store = Store.open(path)
        try:
            insats = store.reference.current_insats()
            assert insats is not None and insats.id is not None
            rng = random.Random(1)
            rows = store.activities.rows(insats.id, None)
            n = 0
            for row in rows:
                participants = store.evaluations.participants(row.id)
                if participants and rng.random() < args.share:
                    store.evaluations.save(_evaluation(rng, row.id, participants))
                    n += 1
            first, last = insats.start.year, insats.end.year
            middle = (first + last) // 2
            print(f"{len(rows)} aktiviteter, {n} med utvärdering")
            print(f"{'':<28} {'min':>8} {'median':>8} {'max':>8}  (ms)")
            year = measure(
                f"år {middle} (fliken)",
                lambda: store.evaluations.year_tables(insats.id, middle),  # type: ignore[arg-type]
                args.runs,
            )
            span = (date(first, 1, 1), date(last, 12, 31))
            whole = measure(
                f"{first}–{last} (Excel, rapport)",
                lambda: store.evaluations.tables(insats.id, span, "hela"),  # type: ignore[arg-type]
                max(3, args.runs // 4),
            )
            sheet = _write_xlsx(
                Path(tmp) / "forms.xlsx",
                [
                    ("ID", "Namn", "E-post", "Nöjd?", "Relevant?", "Kommentar"),
                    *(
                        (i, f"Namn {i}", f"n{i}@example.se", "Instämmer helt", 4, "Bra")
                        for i in range(2000)
                    ),
                ],
            )
            forms = measure("Forms-export, 2 000 rader", lambda: read_forms(sheet), 5)
            for t in (year, whole, forms):
                print(t.line())
        finally:
            store.close()
    return 1 if year.median > TARGET_MS else 0


if __name__ == "__main__":
    sys.exit(main())
