"""`insatslogg connect`: the password asked once, kept in the keyring, never in a file."""

import getpass

import keyring
from keyring.backends import fail

from app.cli import main
from app.store.server_location import KEYRING_SERVICE, ServerLocation


def test_connect_keeps_the_password_in_the_keyring(
    memory_keyring, server_databases, monkeypatch, capsys, private_config
):
    location = server_databases.new()
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "hemligt-123")
    assert main(["connect", location.url]) == 0
    assert "sparat i nyckelringen" in capsys.readouterr().out
    assert memory_keyring.kept == {(KEYRING_SERVICE, location.url): "hemligt-123"}
    assert ServerLocation.parse(location.url).password() == "hemligt-123"
    # Never in plain text in the program's own settings.
    for f in private_config.rglob("*"):
        if f.is_file():
            assert "hemligt-123" not in f.read_text(encoding="utf-8", errors="replace")
    server_databases.drop(location)


def test_without_a_keyring_the_user_is_told_about_pgpass(monkeypatch, capsys):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setattr(getpass, "getpass", lambda prompt: "hemligt")
        assert main(["connect", "postgresql://anna@server.kommun.se/insatslogg"]) == 1
    finally:
        keyring.set_keyring(before)
    err = capsys.readouterr().err
    assert "ingen nyckelring" in err and "pgpass" in err


def test_an_empty_password_keeps_nothing(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "")
    assert main(["connect", "postgresql://anna@server.kommun.se/insatslogg"]) == 1
    assert "Inget lösenord" in capsys.readouterr().err
    assert memory_keyring.kept == {}
