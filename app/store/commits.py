"""Committing a write: the database's refusal (a foreign key, a check) becomes a Swedish
message naming what could not be saved, and nothing of the write is kept."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError


def commit(s: Session, what: str, why: str = "") -> None:
    """Commit ``s``; on a refusal roll back and raise DomainError "``what`` kunde inte
    sparas (…)", with ``why`` (": den hänvisar till …") before the database's words."""
    try:
        s.commit()
    except IntegrityError as exc:
        s.rollback()
        raise DomainError(f"{what} kunde inte sparas{why} ({exc.orig}).") from exc
