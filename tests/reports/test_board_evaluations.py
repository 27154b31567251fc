"""The board report's section Utvärderingar (PDF and Word alike): the per-type table as
core computes it, the kept quotes, and no section when the period has no evaluation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from app.core.attendance import Attendance
from app.core.evaluation import Evaluation, Question, Quote
from app.core.evaluation_scale import Distribution
from app.core.vocabulary import Status
from app.operations.reports import export_docx, gather_pdf
from app.reports.board_blocks import Bullets, Heading, Table
from app.reports.board_report import build_board_report
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.conftest import MakeActivity


def _report(store: Store, insats_id: int, year: int):  # type: ignore[no-untyped-def]
    return build_board_report(gather_pdf(store, ExportRequest(insats_id, year, year)))


def test_the_section_shows_the_types_and_the_kept_quotes(
    store: Store, add_activity: MakeActivity, tmp_path: Path
) -> None:
    a = add_activity("Seminarium", attendance=Attendance.build(20), title="Vårseminariet")
    b = add_activity("Frukostmöte", attendance=Attendance.build(10), day=date(2018, 5, 2))
    planned = add_activity(
        "Seminarium", attendance=Attendance.build(10), day=date(2018, 9, 1), status=Status.PLANERAD
    )
    q = (Question("Nöjd?", Distribution(0, 0, 1, 4, 5)),)
    store.evaluations.save(
        Evaluation(None, a.id, 10, questions=q, quotes=(Quote("Mycket givande"),))
    )
    store.evaluations.save(
        Evaluation(None, b.id, 4, questions=(Question("Nöjd?", Distribution(4)),))
    )
    store.evaluations.save(
        Evaluation(None, planned.id, 2, questions=(Question("Q", Distribution(2)),))
    )
    report = _report(store, a.insats_id, 2018)
    assert "Utvärderingar" in report.headings()
    tables = store.evaluations.year_tables(a.insats_id, 2018)
    [block] = [
        b for b in report.blocks if isinstance(b, Table) and b.caption.startswith("Utvärderingar")
    ]
    assert (
        [r[0] for r in block.rows]
        == [f.label for f in tables.per_type]
        == [
            "Frukostmöte",
            "Seminarium",
        ]
    )
    assert block.rows[1][1:] == ("1", "10", "20", "20", "4,4", "90 %")
    assert block.total == ("Totalt 2018", "2", "14", "30", "30", "3,4", "64 %")
    assert "Vårseminariet" not in block.note and "inte är genomförda" in block.note
    [quotes] = [b for b in report.blocks if isinstance(b, Bullets) and "givande" in b.items[0]]
    assert quotes.items == ("”Mycket givande” (Vårseminariet, 2018-03-14)",)
    out = tmp_path / "rapport.docx"
    export_docx(store, ExportRequest(a.insats_id, 2018, 2018), out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Utvärderingar" in text and "”Mycket givande”" in text


def test_left_out_without_an_evaluation_of_a_held_activity(
    store: Store, add_activity: MakeActivity
) -> None:
    planned = add_activity(attendance=Attendance.build(10), status=Status.PLANERAD)
    store.evaluations.save(
        Evaluation(None, planned.id, 2, questions=(Question("Q", Distribution(2)),))
    )
    report = _report(store, planned.insats_id, 2018)
    assert "Utvärderingar" not in report.headings()
    assert not any(isinstance(b, Heading) and b.text.startswith("Röster") for b in report.blocks)


def test_an_activity_removed_and_restored_takes_its_evaluation_along(
    store: Store, add_activity: MakeActivity
) -> None:
    a = add_activity(attendance=Attendance.build(10))
    saved = store.evaluations.save(
        Evaluation(
            None, a.id, 3, questions=(Question("Q", Distribution(0, 0, 3)),), quotes=(Quote("Bra"),)
        )
    )
    store.changes.collect()
    store.activities.delete_many([a.id])
    removed = store.changes.collect(label="ta bort")
    assert removed is not None and store.evaluations.get(a.id) is None
    store.changes.revert(removed.id, "ångra")
    assert store.evaluations.get(a.id) == saved
