"""Copies of the test database that the suite returns to in a moment, instead of rebuilding them.

Each test process (one per core) builds its database once: the migrations, then the demo. Both states are kept as
snapshots: on SQLite a copy of the database file (SQLite's online backup), on PostgreSQL a database created from the
test database as its template. Restoring one takes a fraction of a second, where `load_demo` takes most of a minute;
`tests/README.md` explains the choice and its figures.
"""

import sqlite3
from pathlib import Path

import psycopg
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from psycopg import sql


def _snapshot_name(label: str) -> str:
    return f"{connection.settings_dict['NAME']}_{label}"


def _forget_cached_rows() -> None:
    """Content types are cached by id; a flush before the restore re-created them under other ids."""
    ContentType.objects.clear_cache()


class SQLiteSnapshots:
    """Snapshots as files next to the test database, written and read with SQLite's backup API (which copies a
    consistent image page by page into the open database, so Django's connection stays valid)."""

    def take(self, label: str) -> None:
        connection.ensure_connection()
        with sqlite3.connect(_snapshot_name(label)) as copy:
            connection.connection.backup(copy)

    def restore(self, label: str) -> None:
        connection.ensure_connection()
        with sqlite3.connect(_snapshot_name(label)) as copy:
            copy.backup(connection.connection)
        _forget_cached_rows()

    def discard(self, label: str) -> None:
        Path(_snapshot_name(label)).unlink(missing_ok=True)


def database_server():
    """A connection to the PostgreSQL server of the test database, outside any database one might copy or drop."""
    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    )


class PostgreSQLSnapshots:
    """Snapshots as databases on the same server. A database can only be copied, or dropped, while nobody is
    connected to it: every connection of this process is closed first, and others (a live server's, a worker's)
    are ended by `DROP DATABASE … WITH (FORCE)`."""

    def _copy(self, source: str, target: str) -> None:
        connections.close_all()
        with database_server() as server:
            server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target)))
            server.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(target), sql.Identifier(source))
            )

    def take(self, label: str) -> None:
        self._copy(connection.settings_dict["NAME"], _snapshot_name(label))

    def restore(self, label: str) -> None:
        self._copy(_snapshot_name(label), connection.settings_dict["NAME"])
        _forget_cached_rows()

    def discard(self, label: str) -> None:
        connections.close_all()
        with database_server() as server:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(_snapshot_name(label)))
            )


def snapshots():
    """The snapshot mechanism of the database the tests run on."""
    return PostgreSQLSnapshots() if connection.vendor == "postgresql" else SQLiteSnapshots()
