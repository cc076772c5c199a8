"""Schema versions: a numbered list of migrations, applied in order inside one transaction.

Migration 1 creates every table. A later migration is a function ``(connection) -> None``
appended to ``MIGRATIONS`` (for instance ``ALTER TABLE events ADD COLUMN ...``), with the
same column added to ``schema.py``. A new, empty database is created from ``schema.py`` as it
stands and stamped with the latest version, so the ALTERs only ever run on older databases.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, inspect, select

from ..errors import StoreError
from . import schema

Migration = Callable[[Connection], None]


def _create_all(conn: Connection) -> None:
    """Version 1: every table and index of the current schema."""
    schema.metadata.create_all(conn)


def _resolution(conn: Connection) -> None:
    """Version 2: judgements, entity and event clusters, article fingerprints, imported known actors,
    amounts and record ids of events."""
    for table, column, sql_type in (
        ("articles", "fingerprint", "BIGINT"),
        ("articles", "copy_of", "VARCHAR(64)"),
        ("entities", "canonical_id", "VARCHAR(64)"),
        ("events", "cluster_id", "VARCHAR(64)"),
        ("entity_aliases", "match_key", "TEXT"),
        ("events", "amount", "DOUBLE PRECISION" if conn.dialect.name == "postgresql" else "FLOAT"),
        ("events", "record_id", "TEXT"),
    ):
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
    schema.judgements.create(conn)
    schema.kb_entries.create(conn)
    new_indexes = {"ix_entities_canonical_id", "ix_events_cluster_id", "ix_entity_aliases_match_key"}
    for table in (schema.entities, schema.events, schema.entity_aliases):
        for index in table.indexes:
            if index.name in new_indexes:
                index.create(conn)
    from .clusters import backfill_match_keys  # noqa: PLC0415 - only this migration needs it

    backfill_match_keys(conn)


# Index i holds migration version i + 1. Append only; never edit a released migration.
def _record_details(conn: Connection) -> None:
    """Version 3: a record's issue areas and description on its events."""
    for column in ("issues", "description"):
        conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {column} TEXT")


MIGRATIONS: list[Migration] = [_create_all, _resolution, _record_details]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database; 0 when it has no ``schema_version`` table."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    return conn.execute(select(func.max(schema.schema_version.c.version))).scalar() or 0


def migrate(engine: Engine, migrations: list[Migration] | None = None) -> int:
    """Bring the database up to the latest version and return that version.

    Everything runs in one transaction, so a failed migration leaves the database as it was.
    ``migrations`` replaces ``MIGRATIONS`` (tests use it to exercise an upgrade).
    """
    steps = MIGRATIONS if migrations is None else migrations
    latest = len(steps)
    # On SQLite the store's begin hook takes the write lock at once ("BEGIN IMMEDIATE"), so two
    # processes opening a fresh file cannot both decide to create it.
    with engine.connect().execution_options(backchannel_write=True) as conn, conn.begin():
        found = current_version(conn)
        if found > latest:
            raise StoreError(
                f"database schema version {found} is newer than this backchannel understands "
                f"({latest}): upgrade backchannel"
            )
        if found == latest:
            return found
        now = datetime.now(UTC).replace(tzinfo=None)
        if found == 0:
            # A fresh database: schema.py already describes the latest tables, so create them
            # once (migration 1) and record the latest version rather than replaying ALTERs.
            schema.schema_version.create(conn, checkfirst=True)
            steps[0](conn)
            conn.execute(schema.schema_version.insert().values(version=latest, applied_at=now))
            return latest
        for version in range(found + 1, latest + 1):
            steps[version - 1](conn)
            conn.execute(schema.schema_version.insert().values(version=version, applied_at=now))
        return latest
