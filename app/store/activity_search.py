"""Searching the activities of every year of an insats (Redigera → Sök i alla år…, and
``insatslogg search``).

SQLite's LIKE folds the case of ASCII letters only (not å ä ö), and a Python function
called from SQL, or reading every activity's texts on each search, costs several
hundred milliseconds on 100 000 activities. So the searched texts are read once, folded
in Python (app.core.activity_search.fold), and kept with what the filters need; each
search is then a scan of those strings in memory. The folding is Python's on both
backends (PostgreSQL's lower() would leave ß and ligatures as they are and not compose
decomposed letters), so a search finds the same on both. What is kept is read again when
the database has changed: in the file, the search has a connection of its own, whose
``PRAGMA data_version`` changes whenever another connection (this program's writes,
undo, a command run meanwhile) has committed; on a server it reads with the server's
connections and asks ``ServerDatabase.data_version`` (which a colleague's commit
changes too). The hits themselves are read fresh from the database.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from app.core.activity_search import (
    DEFAULT_CAP,
    FIELD_SEPARATOR,
    SearchHit,
    SearchQuery,
    SearchResult,
    fold,
    found_in,
)
from app.store.activity_rows import STATUSES, named, place_label, range_bounds
from app.store.database_protocol import Database

if TYPE_CHECKING:
    from app.store.server_database import ServerDatabase

# Every activity of the insats within the years Insatslogg takes, newest first, with its
# own searched texts as one string (FIELD_SEPARATOR, a parameter, between them); the
# type's and the kommun's names are looked up in Python (a few dozen rows, folded once).
_OWN_FIELDS = ("a.title", "a.place", "a.notes", "coalesce(a.highlight, '')", "a.description")
_OWN_TEXTS = " || ? || ".join(_OWN_FIELDS)
_SEPARATORS = (FIELD_SEPARATOR,) * (len(_OWN_FIELDS) - 1)
_KEPT_SQL = (
    f"SELECT a.id, a.type_id, a.scope, a.kommun_id, a.status, {_OWN_TEXTS} FROM activity a "
    "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? "
    "ORDER BY a.start_date DESC, a.id DESC"
)
_HIT_SQL = (
    "SELECT a.id, a.start_date, a.title, t.name AS type_name, a.scope, k.name AS kommun, "
    "a.status, a.participants, a.counts_approximate, a.place, a.notes, "
    "coalesce(a.highlight, '') AS highlight, a.description FROM activity a "
    "JOIN activity_type t ON t.id = a.type_id LEFT JOIN kommun k ON k.id = a.kommun_id "
    "WHERE a.id IN ({marks})"
)


@dataclass
class _Kept:
    """One insats' activities, newest first: ids, the filters' values and haystacks."""

    ids: list[int]
    type_names: list[str]
    place_labels: list[str]
    statuses: list[str]
    haystacks: list[str]


def _searched_fields(row: sqlite3.Row, label: str) -> tuple[str, ...]:
    """The texts searched, in the order of FIELD_LABELS."""
    return (
        row["title"],
        row["place"],
        row["type_name"],
        label,
        row["notes"],
        row["highlight"],
        row["description"],
    )


class ActivitySearch:
    """The search of one database file (``Store.search``)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._version: int | None = None
        self._kept: dict[int, _Kept] = {}
        # Each activity's own texts as read last time, folded: read again after an edit,
        # only what changed is folded again.
        self._folded: dict[str, str] = {}

    # --- the kept texts -------------------------------------------------------------------
    @contextmanager
    def _reading(self) -> Iterator[Any]:
        """The connection the search reads with: in the file its own (kept open, so that
        its data_version tells of every other connection's commits); on a server the
        server's read connection of this thread."""
        if self._db.path is None:
            with self._db.read() as con:
                yield con
            return
        if self._con is None:
            uri = f"{self._db.path.resolve().as_uri()}?mode=rw"
            con = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
            con.execute("PRAGMA query_only = ON")
            self._con = con
        yield self._con

    def _data_version(self, con: Any) -> int:
        """A stamp that changes whenever the database has changed since it was read."""
        if self._db.path is None:
            return cast("ServerDatabase", self._db).written_version()
        (version,) = con.execute("PRAGMA data_version").fetchone()
        return int(version)

    def _current(self, con: Any, insats_id: int) -> _Kept:
        """What is kept for ``insats_id``, read again if the database has changed."""
        version = self._data_version(con)
        if version != self._version:
            self._kept.clear()
            self._version = version
        kept = self._kept.get(insats_id)
        if kept is None:
            kept = self._kept[insats_id] = self._read(con, insats_id)
        return kept

    def _read(self, con: Any, insats_id: int) -> _Kept:
        kept = _Kept([], [], [], [], [])
        before, now = self._folded, {}
        types = dict(con.execute("SELECT id, name FROM activity_type").fetchall())
        kommuner = dict(con.execute("SELECT id, name FROM kommun").fetchall())
        folded: dict[str, str] = {name: fold(name) for name in types.values()}
        rows = con.execute(_KEPT_SQL, (*_SEPARATORS, insats_id, *range_bounds())).fetchall()
        sep = FIELD_SEPARATOR
        for activity_id, type_id, scope, kommun_id, status, own in rows:
            type_name = types[type_id]
            label = place_label(scope, kommuner.get(kommun_id))
            if label not in folded:
                folded[label] = fold(label)
            kept.ids.append(activity_id)
            kept.type_names.append(type_name)
            kept.place_labels.append(label)
            kept.statuses.append(status)
            # The same terms are found here as in haystack(fields): folding the joined
            # texts at once only leaves a space beside a separator, where no term ends.
            text = before.get(own)
            if text is None:
                text = fold(own)
            now[own] = text
            kept.haystacks.append(f"{text}{sep}{folded[type_name]}{sep}{folded[label]}")
        self._folded = now
        return kept

    def prepare(self, insats_id: int) -> None:
        """Read what is kept for ``insats_id`` now, if not already (the window does it
        in the background when the search is opened)."""
        with self._lock, self._reading() as con:
            self._current(con, insats_id)

    def forget(self) -> None:
        """Drop what is kept and close the connection (``Store.close``)."""
        with self._lock:
            self._kept.clear()
            self._folded = {}
            self._version = None
            if self._con is not None:
                self._con.close()
                self._con = None

    # --- searching --------------------------------------------------------------------------
    def search(self, insats_id: int, query: SearchQuery, cap: int = DEFAULT_CAP) -> SearchResult:
        """The activities of every year of ``insats_id`` that match ``query``: the newest
        ``cap`` of them (by date, then id) and how many match in all. An empty query
        matches nothing."""
        if query.is_empty:
            return SearchResult(cap=cap)
        terms = query.terms
        with self._lock, self._reading() as con:
            found = _matching(self._current(con, insats_id), query, terms)
            hits = self._hits(con, found[:cap], terms)
        return SearchResult(hits, len(found), cap)

    def _hits(self, con: Any, ids: Sequence[int], terms: Sequence[str]) -> tuple[SearchHit, ...]:
        if not ids:
            return ()
        sql = _HIT_SQL.format(marks=", ".join("?" * len(ids)))
        rows = {r["id"]: r for r in named(con, sql, tuple(ids))}
        hits = []
        for activity_id in ids:
            row = rows.get(activity_id)
            if row is None:  # removed since it was found
                continue
            label = place_label(row["scope"], row["kommun"])
            hits.append(
                SearchHit(
                    id=row["id"],
                    start=date.fromisoformat(row["start_date"]),
                    title=row["title"],
                    type_name=row["type_name"],
                    place_label=label,
                    status=STATUSES[row["status"]],
                    participants=row["participants"],
                    counts_approximate=bool(row["counts_approximate"]),
                    found=found_in(terms, _searched_fields(row, label)) if terms else "",
                )
            )
        return tuple(hits)


def _matching(kept: _Kept, query: SearchQuery, terms: Sequence[str]) -> list[int]:
    """The ids of the kept activities that match, newest first."""
    rows: Sequence[int] | range = range(len(kept.ids))
    if query.type_name:
        names = kept.type_names
        rows = [i for i in rows if names[i] == query.type_name]
    if query.place_label:
        labels = kept.place_labels
        rows = [i for i in rows if labels[i] == query.place_label]
    if query.status is not None:
        statuses, wanted = kept.statuses, query.status.value
        rows = [i for i in rows if statuses[i] == wanted]
    hay = kept.haystacks
    for term in terms:
        rows = [i for i in rows if term in hay[i]]
    ids = kept.ids
    return [ids[i] for i in rows]
