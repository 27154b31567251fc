"""Guards against a Qt binding that cannot run the app (see the pin in pyproject.toml)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_many_signal_emits_do_not_crash() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True per emit and aborts."""
    emitter = _Emitter()
    seen: list[object] = []
    emitter.fired.connect(seen.append)
    for i in range(3000):
        emitter.fired.emit(i)
    assert len(seen) == 3000 and seen[-1] == 2999
