"""Frozen dataclasses that cross stage boundaries: ingest -> extract -> store -> query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Entity kinds follow FollowTheMoney schemata where they exist.
ENTITY_KINDS = ("Person", "Company", "Organization", "PublicBody", "Programme", "MediaOutlet", "Place")
SOURCING_STATUSES = ("asserted", "attributed", "anonymous", "speculative", "denied", "record")
MODALITIES = ("actual", "planned", "hypothetical")


@dataclass(frozen=True)
class Article:
    """One document as read by ingest, before any NLP."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class TimeSpan:
    """A time expression found in text, resolved against the publication date.

    ``value`` is TimeML TIMEX3 notation (2025-06-25, 2025-06, 2025-W26, 2025, PAST_REF, P2W);
    the interval is the resolved range of days, both ends inclusive, or None when unresolved.
    """

    text: str
    start: int
    end: int
    value: str | None = None
    interval_start: date | None = None
    interval_end: date | None = None
    granularity: str = "unresolved"


@dataclass(frozen=True)
class Sourcing:
    """How a fact is sourced: status, the source that claims it (when named) and the cue words."""

    status: str = "asserted"
    source: str | None = None
    cue: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: article, sentence and character offsets, and by which extractor."""

    article: str
    sentence: str
    start: int
    end: int
    trigger_start: int | None = None
    trigger_end: int | None = None
    extractor: str = ""


@dataclass(frozen=True)
class EntityRef:
    """A participant or relation end: a resolved entity, or an unresolved description (id None)."""

    name: str
    kind: str | None = None
    id: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class EntityMention:
    """One occurrence of an entity in an article."""

    entity_id: str
    text: str
    start: int
    end: int
    how: str = "name"  # name | short | description | pronoun | title


@dataclass(frozen=True)
class Entity:
    """A real-world actor as known to one extraction: canonical name, kind, aliases seen."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[EntityMention, ...] = ()


@dataclass(frozen=True)
class Event:
    """One report (mention) of an event in one article."""

    id: str
    type: str
    mode: str | None
    trigger: str
    actors: tuple[EntityRef, ...]
    recipients: tuple[EntityRef, ...]
    others: tuple[EntityRef, ...]
    time: TimeSpan | None
    count: int | None
    negated: bool
    modality: str
    sourcing: Sourcing
    evidence: Evidence
    amount: float | None = None  # USD, when the report gives one ("a $2.9 billion contract", a record)
    record: str | None = None  # the public record's own identifier, for an event read from a record
    issues: tuple[str, ...] = ()  # a lobbying filing's general issue areas, as filed ("Aerospace", "Defense")
    description: str | None = None  # a record's own words on what the award or lobbying was for


@dataclass(frozen=True)
class Relation:
    """A standing relation (founder_of, executive_of, ...) with an optional validity interval."""

    id: str
    type: str
    subject: EntityRef
    object: EntityRef
    start: date | None
    end: date | None
    sourcing: Sourcing
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    times: tuple[TimeSpan, ...] = field(default_factory=tuple)
