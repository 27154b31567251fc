"""Long work runs off the UI thread; Cancel stops it; errors come back to the caller."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from app.core.progress import Progress
from app.ui.background import run_in_background


def test_a_job_runs_in_another_thread_and_returns_its_result(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[int] = []

    def job(progress: Progress) -> str:
        seen.append(threading.get_ident())
        for i in range(5):
            progress.step(i, 5)
        return "klart"

    outcome = run_in_background(parent, "Test", "Arbetar…", job)
    assert outcome.ok and outcome.result == "klart"
    assert seen and seen[0] != threading.get_ident()


def test_cancel_stops_the_job(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    steps: list[int] = []

    def job(progress: Progress) -> None:
        for i in range(10_000):
            steps.append(i)
            progress.step(i, 10_000)
            time.sleep(0.001)

    def press_cancel() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                w.cancel()
                return
        QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(400, press_cancel)
    outcome = run_in_background(parent, "Test", "Arbetar…", job)
    assert outcome.cancelled and not outcome.ok
    assert 0 < len(steps) < 10_000


def test_an_error_is_handed_back(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def job(progress: Progress) -> None:
        raise OSError("Disken är full")

    outcome = run_in_background(parent, "Test", "Arbetar…", job)
    assert isinstance(outcome.error, OSError) and not outcome.ok
