"""The only code that writes: ``Writer.add(extraction)`` inside ``with store.writer() as w:``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Insert, Table, bindparam, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from ..errors import NotFoundError, StoreError
from ..ids import match_key, name_key
from ..model import Entity, EntityRef, Event, Extraction, Relation, TimeSpan
from . import clusters, linking
from .schema import articles, entities, entity_aliases, event_participants, events, kb_entries, mentions, relations, times


def kind_rank(kind: str | None) -> int:
    """How specific an entity kind is: None < the generic 'Organization' < any other kind."""
    if kind is None:
        return 0
    return 1 if kind == "Organization" else 2


@dataclass
class _EntityRow:
    """An entity as this extraction knows it, merged over its appearances."""

    name: str
    kind: str | None
    aliases: set[str] = field(default_factory=set)

    def merge(self, kind: str | None, spellings: Iterable[str]) -> None:
        if kind_rank(kind) > kind_rank(self.kind):
            self.kind = kind
        self.aliases.update(a for a in (s.strip() for s in spellings) if a)


class Writer:
    """Writes extractions inside the transaction opened by ``Store.writer()``."""

    def __init__(self, conn: Connection):
        self._conn = conn

    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored (including earlier in this transaction)."""
        found = self._conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first()
        return found is not None

    def add(self, extraction: Extraction) -> bool:
        """Store one article and everything extracted from it; False if it was already stored.

        Entities are merged by id with what is stored: the stored name stays, new spellings
        become aliases, and a more specific kind replaces None or 'Organization'. The add is
        all-or-nothing (a savepoint), so a StoreError for one bad extraction leaves the rest
        of the transaction usable.
        """
        article = extraction.article
        if self.has_article(article.id):
            # Re-ingesting is a no-op: nothing is written, not even a new ingested_at.
            return False
        try:
            with self._conn.begin_nested():
                self._insert_article(extraction)
                collected = _collect_entities(extraction)
                stored_before = self._stored_entities(collected)
                known = self._upsert_entities(collected)
                self._insert_mentions(article.id, extraction.entities, known)
                self._insert_events(article.id, extraction.events)
                self._insert_relations(article.id, extraction.relations)
                self._insert_times(article.id, extraction.times)
                linking.link(self._conn, extraction, known - stored_before)
        except IntegrityError as exc:
            # Another process may have stored the same article since we looked (PostgreSQL,
            # READ COMMITTED): then this is the re-ingest no-op after all.
            if self.has_article(article.id):
                return False
            detail = (str(exc.orig).strip().splitlines() or ["integrity error"])[0]
            raise StoreError(
                f"article {article.id} was not stored ({detail}): the extraction repeats an id "
                "or points at a missing row; report this as an extractor bug"
            ) from exc
        return True

    # -- judgements ------------------------------------------------------------------------

    def merge(self, left: str, right: str, author: str, reason: str | None = None) -> str:
        """Judge two entities (or two event reports) the same; returns the judgement id.

        Both ids must be of the same sort. The clusters are rebuilt from every judgement, so the
        merge is undone by a later split and nothing is deleted.
        """
        what = _what(self._conn, left)
        if _what(self._conn, right) != what:
            raise StoreError(f"'{left}' and '{right}' are not both entities or both events: merge like with like")
        if left == right:
            raise StoreError(f"'{left}' is merged with itself already: give two different ids")
        jid = clusters.judge(self._conn, what, left, right, True, author, 1.0, reason)
        clusters.rebuild(self._conn)
        return jid

    def split(self, item: str, author: str, reason: str | None = None) -> list[str]:
        """Take an entity (or event report) out of its cluster: judge it not the same as every
        other member. Returns the judgement ids (none when it stood alone)."""
        what = _what(self._conn, item)
        group = clusters.members(self._conn, clusters.canonical_of(self._conn, item, what), what)
        ids = [clusters.judge(self._conn, what, item, other, False, author, 1.0, reason) for other in group if other != item]
        clusters.rebuild(self._conn)
        return ids

    # -- known actors ---------------------------------------------------------------------

    def put_kb_entries(self, found: list[dict], source: str) -> tuple[int, int]:
        """Store imported known actors by name; returns (new, changed). The same entry again is no change."""
        new = changed = 0
        for entry in found:
            text = json.dumps(entry, sort_keys=True, ensure_ascii=False)
            stored = self._conn.execute(select(kb_entries.c.entry).where(kb_entries.c.name == entry["name"])).scalar()
            if stored == text:
                continue
            values = {"entry": text, "source": source, "imported_at": clusters.now()}
            if stored is None:
                self._conn.execute(kb_entries.insert().values(name=entry["name"], **values))
                new += 1
            else:
                self._conn.execute(kb_entries.update().where(kb_entries.c.name == entry["name"]).values(**values))
                changed += 1
        return new, changed

    # -- one table at a time -------------------------------------------------------------

    def _insert_article(self, extraction: Extraction) -> None:
        a = extraction.article
        self._conn.execute(
            articles.insert().values(
                id=a.id,
                title=a.title,
                published=a.published,
                outlet=a.outlet,
                url=a.url,
                path=a.path,
                text=a.text,
                ingested_at=datetime.now(UTC).replace(tzinfo=None),
            )
        )

    def _stored_entities(self, found: dict[str, _EntityRow]) -> set[str]:
        """The ids among ``found`` that the store already holds."""
        ids = sorted(found)
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            out.update(self._conn.execute(select(entities.c.id).where(entities.c.id.in_(ids[i : i + 500]))).scalars())
        return out

    def _upsert_entities(self, found: dict[str, _EntityRow]) -> set[str]:
        """Insert new entities, improve stored kinds, add new aliases; return the ids handled.

        Each step is a single statement that is right whatever another writer did meanwhile
        (insert-or-ignore, conditional update), so concurrent writers on PostgreSQL cannot
        collide on an entity both of them meet for the first time.
        """
        ids = sorted(found)
        if not ids:
            return set()
        # A stored entity keeps its name: the insert is ignored for ids already present.
        self._conn.execute(
            _insert_ignoring_duplicates(self._conn, entities),
            [{"id": i, "name": found[i].name, "kind": found[i].kind} for i in ids],
        )
        # Then raise the stored kind where ours is more specific (see kind_rank).
        specific = [{"eid": i, "new_kind": found[i].kind} for i in ids if kind_rank(found[i].kind) == 2]
        generic = [{"eid": i, "new_kind": found[i].kind} for i in ids if kind_rank(found[i].kind) == 1]
        if specific:
            self._conn.execute(
                entities.update()
                .where(
                    entities.c.id == bindparam("eid"), or_(entities.c.kind.is_(None), entities.c.kind == "Organization")
                )
                .values(kind=bindparam("new_kind")),
                specific,
            )
        if generic:
            self._conn.execute(
                entities.update()
                .where(entities.c.id == bindparam("eid"), entities.c.kind.is_(None))
                .values(kind=bindparam("new_kind")),
                generic,
            )
        alias_rows = [
            {"entity_id": i, "alias": alias, "name_key": name_key(alias), "match_key": match_key(alias, found[i].kind)}
            for i in ids
            for alias in sorted(found[i].aliases)
        ]
        if alias_rows:
            self._conn.execute(_insert_ignoring_duplicates(self._conn, entity_aliases), alias_rows)
        return set(ids)

    def _insert_mentions(self, article_id: str, found: Iterable[Entity], known: set[str]) -> None:
        rows: dict[tuple[int, int, str], dict] = {}
        for entity in found:
            for m in entity.mentions:
                if m.entity_id not in known:
                    raise StoreError(
                        f"article {article_id}: a mention '{m.text}' points at entity {m.entity_id}, "
                        "which the extraction does not define; report this as an extractor bug"
                    )
                # The same span can be listed twice (e.g. by two extractors); keep the first.
                rows.setdefault(
                    (m.start, m.end, m.entity_id),
                    {
                        "article_id": article_id,
                        "entity_id": m.entity_id,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                        "how": m.how,
                    },
                )
        if rows:
            self._conn.execute(mentions.insert(), list(rows.values()))

    def _insert_events(self, article_id: str, found: Iterable[Event]) -> None:
        event_rows, participant_rows = [], []
        for ev in found:
            _check_evidence(article_id, ev.id, ev.evidence.article)
            t = ev.time
            event_rows.append(
                {
                    "id": ev.id,
                    "article_id": article_id,
                    "type": ev.type,
                    "mode": ev.mode,
                    "trigger": ev.trigger,
                    "time_text": t.text if t else None,
                    "time_start": t.start if t else None,
                    "time_end": t.end if t else None,
                    "time_value": t.value if t else None,
                    "start_date": t.interval_start if t else None,
                    "end_date": t.interval_end if t else None,
                    "granularity": t.granularity if t else None,
                    "count": ev.count,
                    "negated": bool(ev.negated),
                    "modality": ev.modality,
                    "amount": ev.amount,
                    "record_id": ev.record,
                    "issues": json.dumps(list(ev.issues)) if ev.issues else None,
                    "description": ev.description,
                    **_sourcing(ev),
                    **_evidence(ev),
                }
            )
            for role, refs in (("actor", ev.actors), ("recipient", ev.recipients), ("other", ev.others)):
                for position, ref in enumerate(refs):
                    participant_rows.append(
                        {
                            "event_id": ev.id,
                            "role": role,
                            "position": position,
                            "entity_id": ref.id,
                            "name": ref.name,
                            "kind": ref.kind,
                            "text": ref.text,
                        }
                    )
        if event_rows:
            self._conn.execute(events.insert(), event_rows)
        if participant_rows:
            self._conn.execute(event_participants.insert(), participant_rows)

    def _insert_relations(self, article_id: str, found: Iterable[Relation]) -> None:
        rows = []
        for rel in found:
            _check_evidence(article_id, rel.id, rel.evidence.article)
            rows.append(
                {
                    "id": rel.id,
                    "article_id": article_id,
                    "type": rel.type,
                    "subject_id": rel.subject.id,
                    "subject_name": rel.subject.name,
                    "subject_kind": rel.subject.kind,
                    "subject_text": rel.subject.text,
                    "object_id": rel.object.id,
                    "object_name": rel.object.name,
                    "object_kind": rel.object.kind,
                    "object_text": rel.object.text,
                    "start_date": rel.start,
                    "end_date": rel.end,
                    **_sourcing(rel),
                    **_evidence(rel),
                }
            )
        if rows:
            self._conn.execute(relations.insert(), rows)

    def _insert_times(self, article_id: str, found: Iterable[TimeSpan]) -> None:
        rows: dict[tuple[int, int], dict] = {}
        for t in found:
            rows.setdefault(
                (t.start, t.end),
                {
                    "article_id": article_id,
                    "text": t.text,
                    "start": t.start,
                    "end": t.end,
                    "value": t.value,
                    "interval_start": t.interval_start,
                    "interval_end": t.interval_end,
                    "granularity": t.granularity,
                },
            )
        if rows:
            self._conn.execute(times.insert(), list(rows.values()))


def _collect_entities(extraction: Extraction) -> dict[str, _EntityRow]:
    """Every entity id the extraction uses, with its name, best kind and spellings.

    Declared entities come first so their names win; an event participant or relation end
    that carries an id the extraction did not declare still gets a row, because the foreign
    key needs one and the reference names it.
    """
    found: dict[str, _EntityRow] = {}

    def see(entity_id: str, name: str, kind: str | None, spellings: Iterable[str]) -> None:
        row = found.get(entity_id)
        if row is None:
            row = found[entity_id] = _EntityRow(name=name, kind=kind)
        row.merge(kind, [name, *spellings])

    for entity in extraction.entities:
        see(entity.id, entity.name, entity.kind, entity.aliases)
    for ref in _refs(extraction):
        if ref.id is not None:
            see(ref.id, ref.name, ref.kind, ())
    return found


def _refs(extraction: Extraction) -> Iterator[EntityRef]:
    for ev in extraction.events:
        yield from ev.actors
        yield from ev.recipients
        yield from ev.others
    for rel in extraction.relations:
        yield rel.subject
        yield rel.object


def _check_evidence(article_id: str, fact_id: str, evidence_article: str) -> None:
    # A fact is stored under the article being added; evidence naming another one is a bug.
    if evidence_article != article_id:
        raise StoreError(
            f"{fact_id} cites article {evidence_article} but was extracted from {article_id}; "
            "report this as an extractor bug"
        )


def _sourcing(fact: Event | Relation) -> dict:
    s = fact.sourcing
    return {"sourcing_status": s.status, "sourcing_source": s.source, "sourcing_cue": s.cue}


def _evidence(fact: Event | Relation) -> dict:
    e = fact.evidence
    return {
        "sentence": e.sentence,
        "sent_start": e.start,
        "sent_end": e.end,
        "trigger_start": e.trigger_start,
        "trigger_end": e.trigger_end,
        "extractor": e.extractor,
    }


def _insert_ignoring_duplicates(conn: Connection, table: Table) -> Insert:
    """INSERT that skips rows whose key is already stored (ON CONFLICT DO NOTHING)."""
    if conn.dialect.name == "sqlite":
        return sqlite_insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "postgresql":
        return postgresql_insert(table).on_conflict_do_nothing()
    raise StoreError(f"the store does not support {conn.dialect.name} databases: use SQLite or PostgreSQL")


def _what(conn: Connection, item_id: str) -> str:
    """'entity' or 'event' for a stored id; NotFoundError otherwise."""
    if conn.execute(select(entities.c.id).where(entities.c.id == item_id)).first():
        return "entity"
    if conn.execute(select(events.c.id).where(events.c.id == item_id)).first():
        return "event"
    raise NotFoundError(f"no entity or event with id '{item_id}': see `backchannel entities --json` or `events --json`")
