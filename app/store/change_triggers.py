"""The triggers that record every row the user's data gains, changes or loses.

Each table of the user's data gets three triggers that write the row as JSON, before
and after, into ``change_row``, under the change set that is open
(``change_current``; none open: the row waits, unowned, to be collected into one).
An update that changes no column records nothing, so an unchanged save leaves no
trace. The triggers are made from the live schema after every migration, so a column
added later is recorded without anyone writing a trigger by hand.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from app.store.change_tables import NOT_LOGGED, PREFIX, quote_name

__all__ = ["NOT_LOGGED", "PREFIX", "close_left_open", "install", "quote_name", "trigger_sql"]
_quote = quote_name


def _literal(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def logged_tables(connection: Connection) -> list[str]:
    rows = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows if str(r[0]) not in NOT_LOGGED]


def _columns(connection: Connection, table: str) -> tuple[list[str], list[str]]:
    info = connection.exec_driver_sql(f"PRAGMA table_info({_quote(table)})").fetchall()
    columns = [str(r[1]) for r in info]
    keyed = sorted((int(r[5]), str(r[1])) for r in info if int(r[5]) > 0)
    key = [name for _, name in keyed] or ["rowid"]
    return columns, key


def _json_object(columns: list[str], side: str) -> str:
    pairs = ", ".join(f"{_literal(c)}, {side}.{_quote(c)}" for c in columns)
    return f"json_object({pairs})"


def _json_key(key: list[str], side: str) -> str:
    return "json_array(" + ", ".join(f"{side}.{_quote(c)}" for c in key) + ")"


def trigger_sql(table: str, columns: list[str], key: list[str]) -> list[str]:
    t, name = _quote(table), _literal(table)
    current = "(SELECT set_id FROM change_current WHERE id = 1)"
    insert = "INSERT INTO change_row (set_id, table_name, row_key, before, after) VALUES "
    changed = " OR ".join(f"OLD.{_quote(c)} IS NOT NEW.{_quote(c)}" for c in columns)
    return [
        f"CREATE TRIGGER {_quote(PREFIX + table + '_i')} AFTER INSERT ON {t} BEGIN "
        f"{insert}({current}, {name}, {_json_key(key, 'NEW')}, NULL, "
        f"{_json_object(columns, 'NEW')}); END",
        f"CREATE TRIGGER {_quote(PREFIX + table + '_u')} AFTER UPDATE ON {t} "
        f"WHEN {changed} BEGIN "
        f"{insert}({current}, {name}, {_json_key(key, 'NEW')}, "
        f"{_json_object(columns, 'OLD')}, {_json_object(columns, 'NEW')}); END",
        f"CREATE TRIGGER {_quote(PREFIX + table + '_d')} AFTER DELETE ON {t} BEGIN "
        f"{insert}({current}, {name}, {_json_key(key, 'OLD')}, "
        f"{_json_object(columns, 'OLD')}, NULL); END",
    ]


def install(connection: Connection) -> int:
    """Drop and remake every change trigger from the schema as it now is; returns how
    many tables are recorded. Runs in the migration's transaction."""
    if connection.dialect.name == "postgresql":
        from app.store import server_triggers

        return server_triggers.install(connection)
    has_log = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_row'"
    ).fetchone()
    old = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'chg\\_%' ESCAPE '\\'"
    ).fetchall()
    for (trigger,) in old:
        connection.exec_driver_sql(f"DROP TRIGGER {_quote(str(trigger))}")
    if has_log is None:
        return 0
    tables = logged_tables(connection)
    for table in tables:
        columns, key = _columns(connection, table)
        for sql in trigger_sql(table, columns, key):
            connection.exec_driver_sql(sql)
    return len(tables)


def close_left_open(engine: Engine) -> None:
    """A change set a killed program left open owns no later writes: they wait to be
    collected as an edit of their own. Run before the engine's first write.

    On a server there is nothing to close, and nothing of a colleague's is touched: a
    set is open only in the transactions of the Store that opened it
    (app.store.change_backend), and ends with them."""
    if engine.dialect.name == "postgresql":
        return
    with engine.begin() as conn:
        has_log = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_current'"
        ).fetchone()
        if has_log is not None:
            conn.exec_driver_sql("UPDATE change_current SET set_id = NULL WHERE set_id IS NOT NULL")
