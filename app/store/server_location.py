"""A database on a PostgreSQL server, named by a URL, and its password.

``--db postgresql://anna@db.forbund.se/insatslogg`` (or ``postgres://``). The password
is never part of what the app stores or shows: libpq reads it from the user's pgpass
file (``~/.pgpass``, ``%APPDATA%\\postgresql\\pgpass.conf`` or $PGPASSFILE), or it is
kept in the system's keyring (service ``Insatslogg``, the URL without password as the
name), where ``insatslogg connect`` puts it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
KEYRING_SERVICE = "Insatslogg"


def is_server_url(text: str | os.PathLike[str]) -> bool:
    return isinstance(text, str) and text.split("://", 1)[0].lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class ServerLocation:
    """Where the database is: the URL as given, without its password."""

    url: str

    @classmethod
    def parse(cls, text: str) -> ServerLocation:
        parts = urlsplit(text)
        if parts.scheme.lower() not in SCHEMES or not parts.path.strip("/"):
            raise ValueError(
                f"”{text}” är ingen databasadress. Skriv till exempel "
                "postgresql://anna@server.kommun.se/insatslogg."
            )
        netloc = parts.netloc.rsplit("@", 1)
        if len(netloc) == 2:  # drop a password given in the URL: it is not kept
            user = netloc[0].split(":", 1)[0]
            host = f"{user}@{netloc[1]}"
        else:
            host = parts.netloc
        return cls(urlunsplit(("postgresql", host, parts.path, parts.query, "")))

    @property
    def database(self) -> str:
        return urlsplit(self.url).path.strip("/")

    @property
    def label(self) -> str:
        """What the window's title and messages call it: database@server."""
        parts = urlsplit(self.url)
        host = parts.hostname or "lokal server"
        return f"{self.database} på {host}"

    @property
    def engine_url(self) -> str:
        return "postgresql+psycopg" + self.url[len("postgresql") :]

    def password(self) -> str | None:
        """The password from the keyring, if one is kept there (else libpq's pgpass)."""
        if os.environ.get("INSATSLOGG_NO_KEYRING"):
            return None
        try:
            import keyring
            from keyring.errors import KeyringError
        except ImportError:
            return None
        try:
            return keyring.get_password(KEYRING_SERVICE, self.url)
        except (KeyringError, RuntimeError):  # no keyring on this machine
            return None

    def keep_password(self, password: str) -> None:
        """Put ``password`` in the system keyring (refused where there is none)."""
        import keyring

        keyring.set_password(KEYRING_SERVICE, self.url, password)
