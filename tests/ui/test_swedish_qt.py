"""Qt's own texts as a careful Swedish writer puts them: "OK", "Avbryt", "Ja", "Nej"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.ui.application import install_swedish

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[None]:
    installed = install_swedish(qapp)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("swedish")
def test_standard_buttons_read_ok_in_capitals_and_the_rest_in_swedish(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Yes | Button.No | Button.Close)
    qtbot.addWidget(box)
    texts = {b: box.button(b).text().replace("&", "") for b in (Button.Ok, Button.Cancel)}
    texts |= {b: box.button(b).text().replace("&", "") for b in (Button.Yes, Button.No)}

    assert texts == {Button.Ok: "OK", Button.Cancel: "Avbryt", Button.Yes: "Ja", Button.No: "Nej"}
    assert box.button(Button.Close).text() == "Stäng"
    message = QMessageBox(QMessageBox.Icon.Warning, "Insatslogg", "Text")
    message.setStandardButtons(QMessageBox.StandardButton.Ok)  # what warning() shows
    qtbot.addWidget(message)
    assert [b.text() for b in message.buttons()] == ["OK"]


def test_counts_in_texts_group_thousands_as_the_tables_do() -> None:
    from app.core.wording import thousands
    from app.ui.formatting import fmt_int

    for n in (0, 1, 999, 1000, 1275, 1_234_567):
        assert thousands(n) == fmt_int(n)
