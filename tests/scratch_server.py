"""A throwaway PostgreSQL cluster in a temporary folder, reached on a local socket.

For the tests and the benchmarks: ``initdb`` into a new folder, ``pg_ctl start`` with
TCP switched off and the socket in that folder, trust authentication (only this
machine's users can reach a socket in a private folder). Run as root, the cluster
belongs to the ``postgres`` system user that Debian's package makes, since PostgreSQL
refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "insatslogg"


class ServerMissing(RuntimeError):
    """PostgreSQL's server programs are not installed."""


def server_bin() -> Path:
    """The folder of initdb and pg_ctl: $INSATSLOGG_PG_BIN, PATH, or Debian's layout."""
    chosen = os.environ.get("INSATSLOGG_PG_BIN")
    if chosen:
        return Path(chosen)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if not versions:
        raise ServerMissing(
            "PostgreSQL saknas (initdb hittades inte). Installera Debians paket "
            "postgresql, eller ange mappen med INSATSLOGG_PG_BIN."
        )
    return Path(versions[-1]).parent


def _major(initdb: str) -> int:
    try:
        return int(Path(initdb).parents[1].name)
    except ValueError:
        return 0


@dataclass
class ScratchServer:
    folder: Path
    bin: Path
    run_as: str | None

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def start(parent: Path | None = None) -> ScratchServer:
    """A new cluster, started; ``stop()`` ends it and removes its folder."""
    bin_dir = server_bin()
    folder = Path(tempfile.mkdtemp(prefix="insatslogg-pg-", dir=parent))
    run_as = "postgres" if os.geteuid() == 0 else None
    server = ScratchServer(folder, bin_dir, run_as)
    (folder / "socket").mkdir()
    if run_as is not None:
        shutil.chown(folder, run_as)
        shutil.chown(folder / "socket", run_as)
    data = folder / "data"
    server._run(
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        SUPERUSER,
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    )
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{folder / 'socket'}' "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200 -c shared_buffers=64MB"
    )
    server._run(
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(folder / "server.log"),
        "-w",
        "start",
    )
    return server
