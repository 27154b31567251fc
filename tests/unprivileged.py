"""Running a command as a normal user would, even when the tests run as root (as in CI):
in a user namespace (``unshare --user``) root's right to write anything is gone, and file
modes count again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from app.cli import main; sys.exit(main())"


def as_unprivileged(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` with ``args`` without root's powers; skip where that cannot be."""
    command = [sys.executable, "-c", code, *args]
    if os.geteuid() == 0:
        probe = shutil.which("unshare") and subprocess.run(
            ["unshare", "--user", "true"], capture_output=True, timeout=30
        )
        if not probe or probe.returncode != 0:
            pytest.skip("root without user namespaces cannot be made to respect file modes")
        command = ["unshare", "--user", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
