"""The report logo chosen in Inställningar: read from a file, checked, kept in the
database's settings (so every computer prints the same cover), or removed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import DomainError
from app.core.report_logo import (
    MAX_BYTES,
    SETTING_KEY,
    decode_logo,
    encode_logo,
    validate_logo,
)

if TYPE_CHECKING:
    from app.store.database import Store


def report_logo(store: Store) -> bytes | None:
    """The stored logo (PNG or JPEG bytes), or None."""
    return decode_logo(store.people.setting(SETTING_KEY))


def read_logo_file(path: Path | str) -> bytes:
    """The file's bytes, checked as a logo (DomainError in Swedish if it cannot be used)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
            raise DomainError(
                f"{path.name} är för stor ({megabytes} MB). En logotyp får vara högst 2 MB."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(f"Filen {path.name} gick inte att läsa.") from exc
    return validate_logo(data, path.name)


def set_report_logo(store: Store, data: bytes) -> None:
    """Keep ``data`` (checked) as the report logo."""
    store.people.set_setting(SETTING_KEY, encode_logo(data))


def remove_report_logo(store: Store) -> None:
    """No logo on the cover any more."""
    if store.people.setting(SETTING_KEY):
        store.people.set_setting(SETTING_KEY, "")
