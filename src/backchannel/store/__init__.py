"""The store: one SQLite file by default, any SQLAlchemy URL (PostgreSQL) for a team.

Write only through ``with store.writer() as w:``; read through ``store.view()``::

    store = open_store(settings.db_path())
    with store.writer() as w:
        w.add(extraction)
    store.view().events(entity="Blue Origin")
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from ..errors import StoreError
from .migrate import LATEST, current_version, migrate
from .view import View
from .writer import Writer

__all__ = ["LATEST", "Store", "View", "Writer", "open_store"]

# The dialects whose insert-or-ignore the writer knows (see writer._insert_ignoring_duplicates).
SUPPORTED = ("sqlite", "postgresql")
# Seconds a SQLite writer waits for another process's write lock before giving up.
SQLITE_BUSY_TIMEOUT = 30


class Store:
    """An open database: hands out one writer transaction at a time, and read-only views."""

    def __init__(self, engine: Engine, version: int):
        self.engine = engine
        self.version = version

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """One write transaction: commits when the block ends, rolls back if it raises."""
        with self.engine.connect().execution_options(backchannel_write=True) as conn:
            with conn.begin():
                yield Writer(conn)

    def view(self) -> View:
        """A read-only view; each of its queries sees one consistent snapshot."""
        return View(self.engine)

    def schema_version(self) -> int:
        """The schema version recorded in the database, read afresh."""
        with self.engine.connect() as conn:
            return current_version(conn)

    def close(self) -> None:
        """Release every pooled connection (the file stays as it is)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(target: str) -> Store:
    """Open (creating and migrating as needed) the store at ``target``.

    ``target`` is a file path for SQLite, or an SQLAlchemy URL when it contains ``://``
    (``postgresql+psycopg://user@host/db``, ``sqlite:///file.db``). Raises StoreError with one
    line saying what to do when the database cannot be opened, created or migrated.
    """
    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError:
            raise StoreError(
                f"'{target}' is not a database URL: use a file path or a URL like postgresql://host/db"
            ) from None
        shown = url.render_as_string(hide_password=True)
    else:
        url = _sqlite_file_url(target)
        shown = target
    try:
        engine = create_engine(url, **_engine_options(url))
    except NoSuchModuleError:
        raise StoreError(
            f"no SQLAlchemy dialect for '{url.drivername}': check the scheme of the database URL"
        ) from None
    except ImportError as exc:
        raise StoreError(
            f"the database driver for '{url.drivername}' is not installed ({exc.name}): pip install it"
        ) from None
    if engine.dialect.name not in SUPPORTED:
        engine.dispose()
        raise StoreError(
            f"backchannel stores data in SQLite or PostgreSQL, not {engine.dialect.name}: change the database URL"
        )
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    try:
        version = migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise StoreError(_explain(shown, exc)) from None
    return Store(engine, version)


def _sqlite_file_url(path: str) -> URL:
    """Check a SQLite file path before connecting, because sqlite3's own errors say little."""
    if path == ":memory:":
        return URL.create("sqlite", database=":memory:")
    full = os.path.abspath(os.path.expanduser(path))
    if os.path.isdir(full):
        raise StoreError(
            f"'{path}' is a directory: give a database file name, e.g. {os.path.join(path, 'backchannel.db')}"
        )
    parent = os.path.dirname(full)
    if not os.path.isdir(parent):
        raise StoreError(
            f"cannot create database '{path}': directory '{parent}' does not exist; create it or choose another path"
        )
    return URL.create("sqlite", database=full)


def _engine_options(url: URL) -> dict:
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT}}
    # Drop connections the server closed while idle instead of failing on them.
    return {"pool_pre_ping": True}


def _configure_sqlite(engine: Engine) -> None:
    """Per-connection SQLite settings, and transactions under our control rather than sqlite3's.

    sqlite3 (before Python 3.12's autocommit attribute) begins transactions only before DML, so
    DDL in migrations would not be transactional and reads would not see one snapshot. We turn
    its handling off and emit BEGIN ourselves (the recipe in SQLAlchemy's SQLite dialect docs).
    Writers use BEGIN IMMEDIATE so that "is this article stored?" and the inserts that follow
    cannot interleave with another process's writer.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # WAL lets readers (the CLI, the web UI) read while an ingest writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            # Off by default in SQLite, and per connection: without it FKs are decoration.
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get("backchannel_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _explain(target: str, exc: BaseException) -> str:
    """Turn a driver error met while opening the store into one line that says what to do."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    message = lines[0] if lines else type(exc).__name__
    lowered = message.lower()
    if "not a database" in lowered or "malformed" in lowered or "encrypted" in lowered:
        return (
            f"'{target}' is not a SQLite database: point BACKCHANNEL_DB at a backchannel database or at a new file name"
        )
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return f"cannot open or create database '{target}': check that its directory exists and is writable"
    if "locked" in lowered or "busy" in lowered:
        return f"database '{target}' is locked by another process: wait for it to finish and try again"
    return f"cannot open database '{target}': {message}"
