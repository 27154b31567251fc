"""Typing into widgets as a user would, å, ä and ö included."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot


def retype(qtbot: QtBot, edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Clear ``edit`` and type ``text`` as key presses (QTest itself only knows ASCII keys)."""
    edit.clear()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(edit, event)
