"""The database schema as SQLAlchemy Core tables: the current version, in one place.

Column names follow the model dataclasses. Character offsets are ``start``/``end``
(SQLAlchemy quotes ``end`` where the dialect reserves it). Dates are ``Date`` columns, which
SQLite stores as ISO text, so range filters compare correctly on both SQLite and PostgreSQL.

When a later migration adds a column, add it here too: a new database is created from these
tables and stamped with the latest version (see ``migrate.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

# A naming convention gives constraints stable names, which ALTER-based migrations need
# (PostgreSQL drops a constraint by name; SQLite batch rebuilds copy them by name).
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(64)  # ids are "prefix-<16 hex>"; room to spare for other id schemes
PARTICIPANT_ROLES = ("actor", "recipient", "other")

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("title", Text),
    Column("published", Date),
    Column("outlet", Text),
    Column("url", Text),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),  # UTC, naive: portable across dialects
    # A 64-bit simhash of the text's word shingles (signed, so that it fits a BIGINT everywhere) and
    # the earlier stored article this one is a near-identical copy of (a syndicated wire story).
    Column("fingerprint", BigInteger),
    Column("copy_of", ID),
)
Index("ix_articles_published", articles.c.published)

entities = Table(
    "entities",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32)),
    # The entity this one was judged the same as (the cluster's representative); NULL: itself.
    # Derived from the judgements table and rebuilt from it (store/clusters.py).
    Column("canonical_id", ID),
)
Index("ix_entities_kind", entities.c.kind)
Index("ix_entities_canonical_id", entities.c.canonical_id)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", ID, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    # ids.name_key(alias), stored so that find_entity is an index lookup, not a table scan.
    Column("name_key", Text, nullable=False),
    # The looser key entity resolution matches on (corporate suffixes and name order folded too).
    Column("match_key", Text),
    UniqueConstraint("entity_id", "alias"),
)
Index("ix_entity_aliases_name_key", entity_aliases.c.name_key)
Index("ix_entity_aliases_match_key", entity_aliases.c.match_key)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", ID, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("how", String(16), nullable=False),
    UniqueConstraint("article_id", "start", "end", "entity_id"),
)
Index("ix_mentions_entity_id", mentions.c.entity_id)

def provenance_columns() -> list[Column]:
    """How a fact is sourced and where it was read; the same columns on events and relations."""
    return [
        Column("sourcing_status", String(16), nullable=False),
        Column("sourcing_source", Text),
        Column("sourcing_cue", Text),
        Column("sentence", Text, nullable=False),
        Column("sent_start", Integer, nullable=False),
        Column("sent_end", Integer, nullable=False),
        Column("trigger_start", Integer),
        Column("trigger_end", Integer),
        Column("extractor", String(64), nullable=False),
    ]


events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("mode", String(32)),
    Column("trigger", Text, nullable=False),
    # The event's time expression (model.TimeSpan), flattened; all NULL when it has none.
    Column("time_text", Text),
    Column("time_start", Integer),
    Column("time_end", Integer),
    Column("time_value", String(32)),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("granularity", String(16)),
    Column("count", Integer),
    Column("negated", Boolean(create_constraint=True, name="negated"), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("amount", Float),  # USD
    Column("record_id", Text),  # the public record's identifier, for an event read from a record
    Column("issues", Text),  # JSON list: a lobbying filing's general issue areas
    Column("description", Text),  # a record's description of the award or the lobbying
    *provenance_columns(),
    # The first report of the real-world event this report was judged to report (NULL: itself).
    # Derived from the judgements table and rebuilt from it (store/clusters.py).
    Column("cluster_id", ID),
)
Index("ix_events_article_id", events.c.article_id)
Index("ix_events_cluster_id", events.c.cluster_id)
# The type filter is case-insensitive; an expression index keeps it an index lookup.
Index("ix_events_type_lower", func.lower(events.c.type))
Index("ix_events_start_date", events.c.start_date)
Index("ix_events_end_date", events.c.end_date)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    # NULL for an unresolved description ("a senior official"); its words are then the name.
    Column("entity_id", ID, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("name", Text, nullable=False),
    Column("kind", String(32)),
    Column("text", Text),  # the surface words in the sentence, when they differ from the name
    CheckConstraint("role IN ('actor', 'recipient', 'other')", name="role"),
)
Index("ix_event_participants_entity_id", event_participants.c.entity_id)

relations = Table(
    "relations",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("subject_id", ID, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("subject_name", Text, nullable=False),
    Column("subject_kind", String(32)),
    Column("subject_text", Text),
    Column("object_id", ID, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("object_name", Text, nullable=False),
    Column("object_kind", String(32)),
    Column("object_text", Text),
    Column("start_date", Date),
    Column("end_date", Date),
    *provenance_columns(),
)
Index("ix_relations_article_id", relations.c.article_id)
Index("ix_relations_type", relations.c.type)
Index("ix_relations_subject_id", relations.c.subject_id)
Index("ix_relations_object_id", relations.c.object_id)

times = Table(
    "times",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(32)),
    Column("interval_start", Date),
    Column("interval_end", Date),
    Column("granularity", String(16), nullable=False),
    UniqueConstraint("article_id", "start", "end"),
)

JUDGEMENT_KINDS = ("same_entity", "not_same_entity", "same_event", "not_same_event")

# Recorded decisions that two entities (or two event reports) are or are not the same, by a rule
# at ingest ("auto:...") or by a person. Append only: a later judgement on the same pair wins, so
# every merge can be undone and every decision is kept with who made it, when and why.
judgements = Table(
    "judgements",
    metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(24), nullable=False),
    Column("left_id", ID, nullable=False),
    Column("right_id", ID, nullable=False),
    Column("author", Text, nullable=False),
    Column("score", Float),
    Column("reason", Text),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint(
        "kind IN ('same_entity', 'not_same_entity', 'same_event', 'not_same_event')", name="kind"
    ),
)
Index("ix_judgements_left_id", judgements.c.left_id)
Index("ix_judgements_right_id", judgements.c.right_id)

# Known actors a user imported (``backchannel kb import``), in the gazetteer's own format (JSON);
# they extend the packaged gazetteer for every ingest into this store.
kb_entries = Table(
    "kb_entries",
    metadata,
    Column("name", Text, primary_key=True),
    Column("entry", Text, nullable=False),
    Column("source", Text),
    Column("imported_at", DateTime, nullable=False),
)

# The tables that hold data, in an order where every foreign key points backwards.
DATA_TABLES = (articles, entities, entity_aliases, mentions, events, event_participants, relations, times, judgements,
               kb_entries)
