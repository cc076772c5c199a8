"""Opening a store: SQLite settings, clear errors, schema versions and migrations."""

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from backchannel.errors import StoreError
from backchannel.store import LATEST, open_store, schema
from backchannel.store.migrate import MIGRATIONS, migrate

from .factory import first_article


def test_wal_and_foreign_keys_are_on_for_every_connection(sqlite_store):
    # Two connections checked out at once: the pragmas must hold on each, not just the first.
    with sqlite_store.engine.connect() as a, sqlite_store.engine.connect() as b:
        for conn in (a, b):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_writer_locks_at_once_and_readers_still_read(tmp_path):
    path = tmp_path / "lock.db"
    with open_store(str(path)) as s:
        with s.writer() as w:
            # BEGIN IMMEDIATE: the lock is taken before the writer's first statement, so another
            # process cannot slip in between has_article() and the inserts.
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
            w.add(first_article())
            assert s.view().article_ids() == set()  # WAL: readers see the last commit, unblocked
        assert s.view().article_ids() == {"art-1"}


def test_foreign_keys_are_enforced(store):
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(
            schema.mentions.insert().values(
                article_id="no-such-article",
                entity_id="no-such-entity",
                text="x",
                start=0,
                end=1,
                how="name",
            )
        )


def test_schema_version_is_recorded(store):
    assert store.version == LATEST == len(MIGRATIONS)
    assert store.schema_version() == LATEST
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    assert rows == [LATEST]


def test_every_table_is_created(store):
    names = set(inspect(store.engine).get_table_names())
    assert names == {t.name for t in schema.metadata.sorted_tables}


def test_reopening_keeps_data_and_version(tmp_path):
    path = str(tmp_path / "again.db")
    with open_store(path) as s, s.writer() as w:
        w.add(first_article())
    with open_store(path) as s:
        assert s.view().article_ids() == {"art-1"}
        assert s.schema_version() == LATEST


def test_a_sqlite_url_is_accepted(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'url.db'}") as s:
        assert s.engine.dialect.name == "sqlite"
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert s.view().counts()["articles"] == 0


def test_a_later_migration_runs_on_an_older_database(tmp_path):
    with open_store(str(tmp_path / "old.db")) as s:

        def add_column(conn):
            conn.execute(text("ALTER TABLE events ADD COLUMN confidence FLOAT"))

        assert migrate(s.engine, [*MIGRATIONS, add_column]) == LATEST + 1
        columns = {c["name"] for c in inspect(s.engine).get_columns("events")}
        assert "confidence" in columns
        with s.engine.connect() as conn:
            versions = conn.execute(select(schema.schema_version.c.version).order_by("version")).scalars().all()
        assert versions == [LATEST, LATEST + 1]
        # Already current: running it again changes nothing.
        assert migrate(s.engine, [*MIGRATIONS, add_column]) == LATEST + 1


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path):
    with open_store(str(tmp_path / "old.db")) as s:

        def half_done(conn):
            conn.execute(text("ALTER TABLE events ADD COLUMN confidence FLOAT"))
            raise RuntimeError("migration bug")

        with pytest.raises(RuntimeError):
            migrate(s.engine, [*MIGRATIONS, half_done])
        assert "confidence" not in {c["name"] for c in inspect(s.engine).get_columns("events")}
        assert s.schema_version() == LATEST


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = str(tmp_path / "new.db")
    with open_store(path) as s, s.engine.begin() as conn:
        conn.execute(schema.schema_version.insert().values(version=LATEST + 5, applied_at=datetime(2025, 1, 1)))
    with pytest.raises(StoreError, match="newer than this backchannel.*upgrade backchannel"):
        open_store(path)


def _one_line(message: str) -> None:
    assert message and "\n" not in message


def test_a_file_that_is_not_a_database_gives_store_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("These are my notes, not a database.\n" * 200)
    with pytest.raises(StoreError) as info:
        open_store(str(path))
    message = str(info.value)
    _one_line(message)
    assert "is not a SQLite database" in message and "BACKCHANNEL_DB" in message


def test_a_missing_directory_gives_store_error(tmp_path):
    with pytest.raises(StoreError) as info:
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    _one_line(str(info.value))
    assert "does not exist" in str(info.value) and "create it" in str(info.value)


def test_a_directory_gives_store_error(tmp_path):
    with pytest.raises(StoreError, match="is a directory: give a database file name"):
        open_store(str(tmp_path))


@pytest.mark.parametrize(
    "target, words",
    [
        ("nosuchdialect://host/db", "no SQLAlchemy dialect"),
        ("postgresql+nosuchdriver://host/db", "no SQLAlchemy dialect"),
    ],
)
def test_an_unusable_url_gives_store_error(target, words):
    with pytest.raises(StoreError, match=words):
        open_store(target)


def test_store_error_does_not_show_a_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql+nosuchdriver://user:secret@host/db")
    assert "secret" not in str(info.value)
