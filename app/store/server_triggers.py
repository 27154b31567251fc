"""The change log's triggers on PostgreSQL: the same rows in ``change_row`` as the
SQLite triggers write (app.store.change_triggers), from one PL/pgSQL function.

The row is ``to_jsonb`` of the row before and after; its key the JSON array of its
primary key's values, written as SQLite's json_array writes it (no spaces), so keys
compare as text on both backends. An update that changes no column records nothing.

Several users write at once, so the open set is not the shared ``change_current`` row
but the writing transaction's own setting ``insatslogg.set_id``, and each row names its
writer (``insatslogg.writer``, the Store's id): see app.store.change_backend. Every
foreign key is made DEFERRABLE INITIALLY IMMEDIATE here too (checked per statement as
before, unless a transaction defers them): an undo writes rows back in an order only
its end satisfies.
"""

from __future__ import annotations

from sqlalchemy import Connection

from app.store.change_tables import NOT_LOGGED, PREFIX, quote_name

FUNCTION = f"""
CREATE OR REPLACE FUNCTION {PREFIX}record() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    row_before jsonb;
    row_after jsonb;
    row_key text;
BEGIN
    IF TG_OP <> 'INSERT' THEN row_before := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN row_after := to_jsonb(NEW); END IF;
    SELECT '[' || string_agg(coalesce(coalesce(row_after, row_before) -> k, 'null'::jsonb)::text,
                             ',' ORDER BY n) || ']'
      INTO row_key FROM unnest(TG_ARGV) WITH ORDINALITY AS u(k, n);
    INSERT INTO change_row (set_id, table_name, row_key, before, after, writer)
    VALUES (nullif(current_setting('insatslogg.set_id', true), '')::integer, TG_TABLE_NAME,
            row_key, row_before::text, row_after::text,
            nullif(current_setting('insatslogg.writer', true), ''));
    RETURN NULL;
END
$body$
"""


# Every statement that writes the change log tells the database's listeners, at its
# commit (a rolled-back write tells nobody): colleagues' windows then re-read
# (app.store.change_notices). PostgreSQL folds a transaction's repeats into one notice.
CHANNEL = "insatslogg_change"
NOTICE = f"{PREFIX}notice"
NOTICE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {NOTICE}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END
$body$
"""


def install_notice(connection: Connection) -> None:
    """The change log's notice, made again (an existing database gets it at open)."""
    connection.exec_driver_sql(NOTICE_FUNCTION)
    connection.exec_driver_sql(
        f"CREATE OR REPLACE TRIGGER {NOTICE} AFTER INSERT ON change_row "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {NOTICE}()"
    )


def ensure_notice(connection: Connection) -> None:
    """The notice made where it is missing (only then: a user who may write but not
    own the schema opens an up-to-date database without making anything)."""
    found = connection.exec_driver_sql(
        "SELECT 1 FROM pg_trigger WHERE tgname = %s AND tgrelid = 'change_row'::regclass",
        (NOTICE,),
    ).fetchone()
    if found is None:
        install_notice(connection)


def logged_tables(connection: Connection) -> list[str]:
    rows = connection.exec_driver_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    return [str(r[0]) for r in rows if str(r[0]) not in NOT_LOGGED]


def _key(connection: Connection, table: str) -> list[str]:
    rows = connection.exec_driver_sql(
        "SELECT a.attname FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY "
        "AS k(attnum, n) ON true JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
        "a.attnum = k.attnum WHERE i.indrelid = %s::regclass AND i.indisprimary "
        "ORDER BY k.n",
        (quote_name(table),),
    ).fetchall()
    return [str(r[0]) for r in rows]


def make_foreign_keys_deferrable(connection: Connection) -> None:
    rows = connection.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE contype = 'f' AND NOT condeferrable "
        "AND connamespace = current_schema()::regnamespace"
    ).fetchall()
    for table, name in rows:
        connection.exec_driver_sql(
            f"ALTER TABLE {table} ALTER CONSTRAINT {quote_name(str(name))} "
            "DEFERRABLE INITIALLY IMMEDIATE"
        )


def install(connection: Connection) -> int:
    """Drop and remake every change trigger from the schema as it now is."""
    old = connection.exec_driver_sql(
        "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
        "WHERE NOT tgisinternal AND tgname LIKE %s",
        (PREFIX.replace("_", "\\_") + "%",),
    ).fetchall()
    for trigger, table in old:
        connection.exec_driver_sql(f"DROP TRIGGER {quote_name(str(trigger))} ON {table}")
    tables = logged_tables(connection)
    if "change_row" not in {
        str(r[0])
        for r in connection.exec_driver_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
    }:
        return 0
    connection.exec_driver_sql(FUNCTION)
    install_notice(connection)
    make_foreign_keys_deferrable(connection)
    for table in tables:
        key = ", ".join("'" + c.replace("'", "''") + "'" for c in _key(connection, table))
        t = quote_name(table)
        record = f"EXECUTE FUNCTION {PREFIX}record({key})"
        connection.exec_driver_sql(
            f"CREATE TRIGGER {quote_name(PREFIX + table + '_i')} AFTER INSERT ON {t} "
            f"FOR EACH ROW {record}"
        )
        connection.exec_driver_sql(
            f"CREATE TRIGGER {quote_name(PREFIX + table + '_u')} AFTER UPDATE ON {t} "
            f"FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) {record}"
        )
        connection.exec_driver_sql(
            f"CREATE TRIGGER {quote_name(PREFIX + table + '_d')} AFTER DELETE ON {t} "
            f"FOR EACH ROW {record}"
        )
    return len(tables)
