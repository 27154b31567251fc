"""A bare PySide6 window, the yardstick for ``bench_startup``.

    QT_QPA_PLATFORM=offscreen python -m bench.bare_window

Creates the QApplication, shows an empty QMainWindow, processes the events once (as
``bench_startup``'s child does once the main window is shown) and exits: the least a
PySide6 program can take from launch to a window on screen.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.show()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
