"""What the server tells of committed changes (LISTEN on the change log's notices,
app.store.server_triggers): how many commits have changed the database, and how many
of them were another program's.

Each notice names the server process that committed; the store's own writes come from
its engine's connections, whose processes are known (``own``), so a colleague's change
is told apart from this window's own. Reading the notices costs no query: they wait on
the listening connection's socket.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.store.server_triggers import CHANNEL

if TYPE_CHECKING:
    import psycopg


class ChangeNotices:
    def __init__(self, connect: Callable[[], psycopg.Connection[Any]]) -> None:
        self._connect = connect
        self._con: psycopg.Connection[Any] | None = None
        self.own: set[int] = set()  # the server processes of this store's writes
        self.all = 0
        self.outside = 0

    def _listening(self) -> psycopg.Connection[Any]:
        if self._con is None or self._con.closed:
            con = self._connect()
            con.execute(f"LISTEN {CHANNEL}")
            self._con = con
        return self._con

    def read(self) -> None:
        """Count the notices that have come since the last read.

        A lost connection (the server restarted, the network went) is made again at the
        next read; what was committed meanwhile told nobody, so it counts as a change.
        """
        import psycopg

        lost = False
        try:
            con = self._listening()
            for notice in con.notifies(timeout=0):
                self.all += 1
                if notice.pid not in self.own:
                    self.outside += 1
            lost = con.closed or con.broken  # the server's goodbye read, no error raised
        except psycopg.OperationalError:
            lost = True
        if lost:
            self.close()
            self.all += 1
            self.outside += 1

    def close(self) -> None:
        if self._con is not None and not self._con.closed:
            self._con.close()
        self._con = None
