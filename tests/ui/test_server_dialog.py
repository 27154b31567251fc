"""Inställningar → Databasserver…: the address remembered without a password, the
password in the keyring only when asked, a refused connection told in Swedish."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.store.server_location import KEYRING_SERVICE
from app.ui.server_dialog import KEEP_LABEL, SERVER_KEY, ServerDialog


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "inst.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def location(server_databases):
    location = server_databases.new()
    yield location
    server_databases.drop(location)


def fill(dialog: ServerDialog, server_databases, database: str, password: str) -> None:
    dialog.host.setText(str(server_databases.server.socket_dir))
    dialog.database.setText(database)
    dialog.user.setText("insatslogg")
    dialog.password.setText(password)


def test_connect_keeps_the_password_in_the_keyring_when_ticked(
    qtbot, memory_keyring, settings, server_databases, location, tmp_path
):
    dialog = ServerDialog(None, settings)
    qtbot.addWidget(dialog)
    assert dialog.keep.text() == KEEP_LABEL
    fill(dialog, server_databases, location.database, "hemligt-456")
    dialog.keep.setChecked(True)
    dialog.connect_now()
    assert dialog.result() == ServerDialog.DialogCode.Accepted
    chosen = dialog.location
    assert chosen is not None and chosen.database == location.database
    assert memory_keyring.kept == {(KEYRING_SERVICE, chosen.url): "hemligt-456"}
    assert settings.value(SERVER_KEY) == chosen.url
    settings.sync()
    assert "hemligt-456" not in (tmp_path / "inst.ini").read_text(encoding="utf-8")
    again = ServerDialog(None, settings)  # the address is remembered, the password not
    qtbot.addWidget(again)
    assert again.database.text() == location.database
    assert again.host.text() == str(server_databases.server.socket_dir)
    assert again.password.text() == ""


def test_unticked_the_password_is_not_kept(
    qtbot, memory_keyring, settings, server_databases, location
):
    dialog = ServerDialog(None, settings)
    qtbot.addWidget(dialog)
    fill(dialog, server_databases, location.database, "hemligt")
    dialog.connect_now()
    assert dialog.location is not None
    assert memory_keyring.kept == {}


def test_a_missing_database_is_told_and_nothing_remembered(
    qtbot, memory_keyring, settings, server_databases, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = ServerDialog(None, settings)
    qtbot.addWidget(dialog)
    fill(dialog, server_databases, "finns_inte", "")
    dialog.connect_now()
    assert dialog.location is None and settings.value(SERVER_KEY) is None
    assert len(shown) == 1 and "”finns_inte” finns inte på servern" in shown[0]
