"""The importers are below the GUI: no Qt, so the command line and tests need no display."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_architecture import APP, QT, imported_modules, matches, rel

FILES = sorted((APP / "importers").rglob("*.py"))


def test_there_are_importers() -> None:
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_no_qt_in_the_importers(path: Path) -> None:
    found = sorted(m for m in imported_modules(path.read_text(encoding="utf-8")) if matches(m, QT))
    assert found == [], f"{rel(path)} imports {found}"
