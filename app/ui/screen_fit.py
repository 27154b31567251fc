"""Window sizes that fit the screen they open on, down to a 1366×768 kommun laptop.

A dialog asks for the size it would like; it gets at most ``SCREEN_SHARE`` of the
screen's free area (without panels) each way, so that its title bar and its buttons at the
bottom are always on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9


def fit_size(preferred: QSize, available: QRect, share: float = SCREEN_SHARE) -> QSize:
    """``preferred``, but at most ``share`` of ``available`` each way."""
    return QSize(
        min(preferred.width(), int(available.width() * share)),
        min(preferred.height(), int(available.height() * share)),
    )


def available_area(widget: QWidget) -> QRect:
    """The free area of the screen ``widget`` is on (or of the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to width × height, or less where its screen is smaller."""
    widget.resize(fit_size(QSize(width, height), available_area(widget)))
