"""The program's log: what happened to the files, never who took part.

Messages name files by their name only and count things; they never hold a person's
name, e-mail or organisation, nor an activity's title or notes. An unexpected error is
recorded with its type and where in the code it happened, without its message (which
could quote the data). The log lives in the user's log folder (``$INSATSLOGG_LOG_DIR``
overrides it), is readable by the user only and rotates at 1 MB, three files kept.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

LOG_ENV = "INSATSLOGG_LOG_DIR"
LOG_FILENAME = "insatslogg.log"
_handler: logging.Handler | None = None


def log_dir() -> Path:
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_log_path

    return user_log_path("Insatslogg", appauthor=False)


def log_file() -> Path:
    return log_dir() / LOG_FILENAME


def _private_handler(path: Path) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


def start(*, window: bool) -> None:
    """Send the program's log records to the log file (once per process and folder)."""
    global _handler
    path = log_file()
    if _handler is not None:
        if getattr(_handler, "baseFilename", None) == str(path.resolve()):
            return
        stop()
    try:
        handler = _private_handler(path)
    except OSError:
        return  # no log rather than no program
    root = logging.getLogger()
    root.addHandler(handler)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _handler = handler
    from app import __version__

    logging.getLogger("app").info(
        "Insatslogg %s startar (%s)", __version__, "fönster" if window else "kommandorad"
    )


def stop() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def record_unexpected(exc: BaseException) -> Path:
    """Log where an unexpected error happened (type and code locations, no message)."""
    # File, line and function only: neither the message nor the source lines.
    frames = "\n".join(
        f"  {frame.filename}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(exc.__traceback__)
    )
    logging.getLogger("app").error(
        "Oväntat fel %s.%s (meddelandet utelämnas; det kan innehålla uppgifter)\n%s",
        type(exc).__module__,
        type(exc).__qualname__,
        frames.rstrip(),
    )
    return log_file()
