"""Running long work (export, import) off the UI thread, with a progress bar and Cancel.

The work runs in a plain Python thread and only writes its progress into a small shared
state; the UI thread polls that state with a timer. No Qt object crosses threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.progress import Cancelled, Progress

T = TypeVar("T")
POLL_MS = 50


@dataclass
class JobOutcome(Generic[T]):
    result: T | None = None
    error: BaseException | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


def run_job(job: Callable[[Progress], T], progress: Progress) -> JobOutcome[T]:
    """Run ``job`` here and now, turning cancellation and errors into the outcome."""
    try:
        return JobOutcome(result=job(progress))
    except Cancelled:
        return JobOutcome(cancelled=True)
    except Exception as exc:  # the caller shows it to the user, in Swedish
        return JobOutcome(error=exc)


def run_in_background(
    parent: QWidget | None, title: str, label: str, job: Callable[[Progress], T]
) -> JobOutcome[T]:
    """Run ``job`` in a worker thread while a modal progress dialog shows how far it got.

    Avbryt asks the job to stop (it raises Cancelled at its next check). Returns when
    the job has ended, one way or the other.
    """
    cancel = threading.Event()
    state = {"done": 0, "total": 0}
    outcome: list[JobOutcome[T]] = []

    def report(done: int, total: int) -> None:
        state["done"], state["total"] = done, total

    def work() -> None:
        outcome.append(run_job(job, Progress(report=report, is_cancelled=cancel.is_set)))

    dialog = QProgressDialog(label, "Avbryt", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancel.set)
    thread = threading.Thread(target=work, name=title, daemon=True)

    def poll() -> None:
        total = state["total"]
        if total > 0:
            if dialog.maximum() != total:
                dialog.setMaximum(total)
            dialog.setValue(min(state["done"], total))
        if not thread.is_alive():
            timer.stop()
            dialog.accept()

    timer = QTimer(dialog)
    timer.setInterval(POLL_MS)
    timer.timeout.connect(poll)
    thread.start()
    timer.start()
    dialog.exec()
    if thread.is_alive():  # the dialog was closed by Avbryt
        cancel.set()
        thread.join()
    timer.stop()
    dialog.deleteLater()
    return outcome[0]
