"""Inställningar → Databasserver…: choose a database on a PostgreSQL server and connect.

Server, port, database and user make the address (``postgresql://user@server:port/db``),
which is remembered in the program's settings without a password. The password is asked
for here once: kept in the computer's keyring when the user ticks "Spara lösenordet i
datorns nyckelring", otherwise used for this connection only (libpq's pgpass file serves
the next start). Never written in plain text.
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from app.core.errors import DomainError
from app.store.server_location import ServerLocation

SERVER_KEY = "server/url"
KEEP_LABEL = "Spara lösenordet i datorns nyckelring"


class ServerDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: QSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Databasserver – Insatslogg")
        self.settings = settings
        self.location: ServerLocation | None = None
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("insatslogg")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(KEEP_LABEL)
        form = QFormLayout(self)
        form.addRow("Server:", self.host)
        form.addRow("Port:", self.port)
        form.addRow("Databas:", self.database)
        form.addRow("Användare:", self.user)
        form.addRow("Lösenord:", self.password)
        form.addRow(self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        connect = buttons.addButton("Anslut", QDialogButtonBox.ButtonRole.AcceptRole)
        connect.setDefault(True)
        buttons.accepted.connect(self.connect_now)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._fill(settings.value(SERVER_KEY))

    def _fill(self, remembered: object) -> None:
        if not isinstance(remembered, str) or not remembered:
            return
        from urllib.parse import urlsplit

        parts = urlsplit(remembered)
        from urllib.parse import unquote

        self.host.setText(unquote(parts.netloc.rsplit("@", 1)[-1].rsplit(":", 1)[0]))
        self.port.setValue(parts.port or 5432)
        self.database.setText(parts.path.strip("/"))
        self.user.setText(parts.username or "")

    def chosen(self) -> ServerLocation:
        host, database, user = (w.text().strip() for w in (self.host, self.database, self.user))
        if not host or not database or not user:
            raise DomainError("Fyll i server, databas och användare.")
        port = "" if self.port.value() == 5432 else f":{self.port.value()}"
        where = quote(host, safe="") if host.startswith("/") else host  # a socket folder
        netloc = f"{quote(user, safe='')}@{where}{port}"
        try:
            return ServerLocation.parse(f"postgresql://{netloc}/{quote(database, safe='')}")
        except ValueError as exc:
            raise DomainError(str(exc)) from exc

    def connect_now(self) -> None:
        """Keep the password as asked, try the connection, remember the address."""
        from app.store.server_opening import check_reachable

        try:
            location = self.chosen()
            password = self.password.text()
            if password and self.keep.isChecked():
                try:
                    location.keep_password(password)
                except Exception as exc:  # noqa: BLE001 - no keyring: said, not crashed
                    from app.store.server_opening import NO_KEYRING

                    raise DomainError(NO_KEYRING) from exc
            check_reachable(location, password or None)
        except DomainError as exc:
            QMessageBox.warning(self, "Databasserver", str(exc))
            return
        self.settings.setValue(SERVER_KEY, location.url)
        self.settings.sync()
        self.location = location
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: QSettings) -> ServerLocation | None:
        dialog = cls(parent, settings)
        dialog.exec()
        return dialog.location
