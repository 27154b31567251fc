"""LibreOffice headless, for the tests that prove a real office program reads (or
writes) our files: one conversion, in a profile of its own (no clash with a running
soffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice")


def convert(
    source: Path, folder: Path, to: str, *, infilter: str | None = None, timeout: int = 240
) -> subprocess.CompletedProcess[str]:
    """``soffice --convert-to TO`` of ``source`` into ``folder``; the finished process
    (its returncode and stderr say whether it worked)."""
    assert SOFFICE is not None, "LibreOffice (soffice) is needed for this test"
    profile = folder / "lo-profile"
    return subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
