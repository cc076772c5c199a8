"""Read-only queries. Every method returns plain dicts and lists, ready for ``json.dumps``.

Dates come out as ISO strings. An entity reference is ``{id, name, kind}``; for a resolved
entity the stored (canonical) name and current kind are shown, so that one entity reads the
same in every event; an unresolved description has ``id`` None and its own words as name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Connection, Engine, Select, distinct, func, or_, select
from sqlalchemy.orm import aliased

from ..errors import DateError, NotFoundError
from ..ids import name_key
from . import clusters
from .candidates import candidates as find_candidates
from .grouping import group_reports
from .schema import (
    DATA_TABLES,
    articles,
    entities,
    entity_aliases,
    event_participants,
    events,
    judgements,
    kb_entries,
    mentions,
    relations,
)


class View:
    """Read-only access to a store; each method runs in its own consistent snapshot."""

    def __init__(self, engine: Engine):
        self._engine = engine

    def _connect(self) -> Connection:
        conn = self._engine.connect()
        if conn.dialect.name == "postgresql":
            # SQLite's BEGIN already gives one snapshot per transaction; PostgreSQL's default
            # READ COMMITTED would let the queries of one method see different commits.
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        return conn

    # -- entities -------------------------------------------------------------------------

    def entities(self, kind: str | None = None) -> list[dict]:
        """Every entity ``{id, name, kind, aliases, mentions}``, most mentioned first, then by name."""
        with self._connect() as conn:
            where = [entities.c.canonical_id.is_(None)] + ([entities.c.kind == kind] if kind is not None else [])
            found = _entity_rows(conn, where)
            _attach_aliases(conn, found)
        return sorted(found, key=_by_mentions)

    def find_entity(self, name: str) -> dict:
        """The entity called ``name``: by id, exact name, or folded name/alias; most mentioned wins.

        Raises NotFoundError when nothing matches.
        """
        with self._connect() as conn:
            return _find_entity(conn, name)

    def most_connected(self, limit: int | None = 1) -> list[dict]:
        """Entities taking part in the most distinct events (ties: more mentions), with ``events``."""
        with self._connect() as conn:
            ep = event_participants
            head = func.coalesce(entities.c.canonical_id, entities.c.id)
            per_entity = dict(
                conn.execute(
                    select(head, func.count(distinct(func.coalesce(events.c.cluster_id, events.c.id))))
                    .select_from(ep.join(entities, entities.c.id == ep.c.entity_id).join(events, events.c.id == ep.c.event_id))
                    .group_by(head)
                ).all()
            )
            found = _entity_rows(conn, [entities.c.id.in_(list(per_entity)), entities.c.canonical_id.is_(None)])
            for e in found:
                e["events"] = per_entity.get(e["id"], 0)
            found.sort(key=lambda e: (-e["events"], *_by_mentions(e)))
            top = found if limit is None else found[:limit]
            _attach_aliases(conn, top)
        return top

    # -- events and relations -------------------------------------------------------------

    def events(
        self,
        entity: str | None = None,
        type: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
    ) -> list[dict]:
        """Event reports, in time order, filtered by participant, type and date overlap.

        ``entity`` is resolved with find_entity (NotFoundError if unknown). ``type`` ignores
        case. ``since``/``until`` keep events whose interval overlaps [since, until]; events
        without a date are then left out. Ordered by start date (undated last), then by the
        article's publication date, then id.
        """
        since_d, until_d = _as_date(since, "since"), _as_date(until, "until")
        cluster = func.coalesce(events.c.cluster_id, events.c.id)
        with self._connect() as conn:
            chosen = select(cluster)
            if entity is not None:
                ids = clusters.members(conn, _find_entity(conn, entity)["id"])
                ep = event_participants
                chosen = chosen.where(events.c.id.in_(select(ep.c.event_id).where(ep.c.entity_id.in_(ids))))
            if type is not None:
                chosen = chosen.where(func.lower(events.c.type) == type.lower())
            # An event with one end of its interval unknown is taken to be that one day.
            if since_d is not None:
                chosen = chosen.where(func.coalesce(events.c.end_date, events.c.start_date) >= since_d)
            if until_d is not None:
                chosen = chosen.where(func.coalesce(events.c.start_date, events.c.end_date) <= until_d)
            # every report of the chosen events, also those the filters alone would not pick
            query = (
                select(events, articles.c.published, articles.c.outlet, articles.c.copy_of)
                .join(articles, events.c.article_id == articles.c.id)
                .where(cluster.in_(chosen))
            )
            rows = conn.execute(query).all()
            roles = _participants(conn, query)
            root_outlets = _root_outlets(conn, rows)
        reports = []
        for row in rows:
            report = _event_dict(row, roles.get(row.id, {}))
            report["_cluster"] = row.cluster_id or row.id
            report["_copy_root"] = row.copy_of or row.article_id
            report["_root_outlet"] = root_outlets.get(row.copy_of or row.article_id)
            reports.append(report)
        return sorted(group_reports(reports), key=_by_time)

    def relations(self, entity: str | None = None) -> list[dict]:
        """Standing relations, in time order; with ``entity``, those it is subject or object of."""
        with self._connect() as conn:
            query = select(relations, articles.c.published, articles.c.outlet).join(
                articles, relations.c.article_id == articles.c.id
            )
            if entity is not None:
                ids = clusters.members(conn, _find_entity(conn, entity)["id"])
                query = query.where(or_(relations.c.subject_id.in_(ids), relations.c.object_id.in_(ids)))
            rows = conn.execute(query).all()
            ids = {r.subject_id for r in rows} | {r.object_id for r in rows}
            canonical = _canonical(conn, ids - {None})
        out = [_relation_dict(row, canonical) for row in rows]
        return sorted(out, key=_by_time)

    # -- known actors ---------------------------------------------------------------------

    def kb_entries(self) -> list[dict]:
        """The known actors imported into this store, in the gazetteer's format, by name."""
        with self._connect() as conn:
            rows = conn.execute(select(kb_entries.c.entry).order_by(kb_entries.c.name)).scalars().all()
        return [json.loads(r) for r in rows]

    # -- judgements -----------------------------------------------------------------------

    def judgements(self, item: str | None = None) -> list[dict]:
        """Every judgement (or those about one entity or event report), oldest first."""
        with self._connect() as conn:
            query = select(judgements).order_by(judgements.c.created_at, judgements.c.id)
            if item is not None:
                ids = [item]
                if not item.startswith("ev"):  # an event report's id (evt-...); else an entity's id or name
                    ids = clusters.members(conn, _find_entity(conn, item)["id"])
                query = query.where(or_(judgements.c.left_id.in_(ids), judgements.c.right_id.in_(ids)))
            rows = conn.execute(query).all()
        return [
            {"id": r.id, "kind": r.kind, "left": r.left_id, "right": r.right_id, "author": r.author,
             "score": r.score, "reason": r.reason, "created_at": r.created_at.isoformat(timespec="seconds")}
            for r in rows
        ]

    def candidates(self, limit: int | None = 50) -> list[dict]:
        """Likely duplicate entities, scored, for review (store/candidates.py)."""
        with self._connect() as conn:
            return find_candidates(conn, limit)

    # -- totals ---------------------------------------------------------------------------

    def summary(self) -> dict:
        """Totals: ``articles``, ``entities_by_kind``, ``events_by_type``, ``relations_by_type``."""
        with self._connect() as conn:
            n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            by_kind = _tally(conn, entities.c.kind, entities.c.canonical_id.is_(None))
            by_type = _tally(conn, events.c.type, events.c.cluster_id.is_(None))  # one per real-world event
            rel_by_type = _tally(conn, relations.c.type)
        return {
            "articles": n_articles,
            "entities_by_kind": by_kind,
            "events_by_type": by_type,
            "relations_by_type": rel_by_type,
        }

    def article_ids(self) -> set[str]:
        """The ids of every stored article."""
        with self._connect() as conn:
            return set(conn.execute(select(articles.c.id)).scalars())

    def counts(self) -> dict[str, int]:
        """Rows per data table, e.g. to show that a re-ingest changed nothing."""
        with self._connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in DATA_TABLES}


# -- helpers: queries -------------------------------------------------------------------------


def _entity_rows(conn: Connection, where: list) -> list[dict]:
    """Entity dicts with mention counts (no aliases yet) for entities matching ``where``; an entity
    heading a cluster counts the mentions of every member."""
    member = aliased(entities)
    head = func.coalesce(member.c.canonical_id, member.c.id)
    counted = (
        select(head.label("head"), func.count().label("n"))
        .select_from(mentions.join(member, member.c.id == mentions.c.entity_id))
        .group_by(head)
        .subquery()
    )
    query = (
        select(entities.c.id, entities.c.name, entities.c.kind, func.coalesce(counted.c.n, 0).label("n"))
        .outerjoin(counted, counted.c.head == entities.c.id)
        .where(*where)
    )
    return [
        {"id": r.id, "name": r.name, "kind": r.kind, "aliases": [], "mentions": int(r.n)} for r in conn.execute(query)
    ]


def _attach_aliases(conn: Connection, found: list[dict]) -> None:
    """Fill each dict's ``aliases``: its distinct spellings, name included, sorted."""
    by_id = {e["id"]: e for e in found}
    spellings: dict[str, set[str]] = {i: {e["name"]} for i, e in by_id.items()}
    ids = list(by_id)
    for i in range(0, len(ids), 500):  # bounded IN lists: SQLite caps bound parameters
        chunk = ids[i : i + 500]
        head = func.coalesce(entities.c.canonical_id, entities.c.id)
        query = (
            select(head.label("head"), entity_aliases.c.alias)
            .join(entities, entities.c.id == entity_aliases.c.entity_id)
            .where(head.in_(chunk))
        )
        for r in conn.execute(query):
            spellings[r.head].add(r.alias)
    for entity_id, e in by_id.items():
        e["aliases"] = sorted(spellings[entity_id])


def _find_entity(conn: Connection, name: str) -> dict:
    """Resolve a user's name for an entity; the more exact kinds of match are tried first."""
    key = name_key(name or "")
    tiers = [
        [entities.c.id == name],
        [entities.c.name == name],
        [entities.c.id.in_(select(entity_aliases.c.entity_id).where(entity_aliases.c.name_key == key))]
        if key
        else None,
    ]
    if key and " " not in key:
        # a surname or one word of a longer name ("Musk", "Origin"): a spelling whose last word it is
        tiers.append([entities.c.id.in_(select(entity_aliases.c.entity_id).where(entity_aliases.c.name_key.like(f"% {key}")))])
    for where in tiers:
        if where is None:
            continue
        heads = select(func.coalesce(entities.c.canonical_id, entities.c.id)).where(*where)
        found = _entity_rows(conn, [entities.c.id.in_(heads)])  # the cluster an entity belongs to
        if found:
            best = min(found, key=_by_mentions)
            _attach_aliases(conn, [best])
            return best
    raise NotFoundError(f"no entity named '{name}': run `backchannel entities` to list them")


def _participants(conn: Connection, event_query: Select) -> dict[str, dict[str, list[dict]]]:
    """Participants of the events ``event_query`` selects: {event id: {role: [ref, ...]}}."""
    ep = event_participants
    member, head = aliased(entities), aliased(entities)
    query = (
        select(ep, head.c.id.label("head_id"), head.c.name.label("entity_name"), head.c.kind.label("entity_kind"))
        .outerjoin(member, member.c.id == ep.c.entity_id)
        .outerjoin(head, head.c.id == func.coalesce(member.c.canonical_id, member.c.id))
        .where(ep.c.event_id.in_(event_query.with_only_columns(events.c.id)))
        .order_by(ep.c.event_id, ep.c.role, ep.c.position)
    )
    out: dict[str, dict[str, list[dict]]] = {}
    for r in conn.execute(query):
        ref = _ref(r.head_id if r.entity_id else None, r.name, r.kind, r.entity_name, r.entity_kind)
        out.setdefault(r.event_id, {}).setdefault(r.role, []).append(ref)
    return out


def _canonical(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[str, str, str | None]]:
    """{entity id: (its cluster's id, name, kind)} for the given ids."""
    ids = list(ids)
    out = {}
    member, head = aliased(entities), aliased(entities)
    for i in range(0, len(ids), 500):
        query = (
            select(member.c.id, head.c.id.label("head_id"), head.c.name, head.c.kind)
            .join(head, head.c.id == func.coalesce(member.c.canonical_id, member.c.id))
            .where(member.c.id.in_(ids[i : i + 500]))
        )
        out.update({r.id: (r.head_id, r.name, r.kind) for r in conn.execute(query)})
    return out


def _root_outlets(conn: Connection, rows) -> dict[str, str | None]:
    """{original article id: its outlet} for the reports' articles (a copy counts as its original)."""
    roots = sorted({r.copy_of or r.article_id for r in rows})
    out = {}
    for i in range(0, len(roots), 500):
        query = select(articles.c.id, articles.c.outlet).where(articles.c.id.in_(roots[i : i + 500]))
        out.update({r.id: r.outlet for r in conn.execute(query)})
    return out


def _tally(conn: Connection, column, *where) -> dict[str, int]:
    """{value: rows}, largest first; a NULL value is reported as 'unknown' (JSON keys are strings)."""
    rows = conn.execute(select(column, func.count()).where(*where).group_by(column)).all()
    pairs = [(value if value is not None else "unknown", n) for value, n in rows]
    return dict(sorted(pairs, key=lambda p: (-p[1], p[0])))


# -- helpers: shapes -------------------------------------------------------------------------


def _ref(entity_id, name, kind, entity_name=None, entity_kind=None) -> dict:
    if entity_id is not None and entity_name is not None:
        return {"id": entity_id, "name": entity_name, "kind": entity_kind or kind}
    return {"id": entity_id, "name": name, "kind": kind}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _sourcing(row) -> dict:
    return {"status": row.sourcing_status, "source": row.sourcing_source, "cue": row.sourcing_cue}


def _evidence(row, report: bool = False) -> list[dict]:
    # One entry per report; an event merged from several reports lists them all (store/grouping.py).
    return [
        {
            **({"report": row.id, "sourcing": _sourcing(row)} if report else {}),
            "article": row.article_id,
            "sentence": row.sentence,
            "start": row.sent_start,
            "end": row.sent_end,
            "trigger_start": row.trigger_start,
            "trigger_end": row.trigger_end,
            "extractor": row.extractor,
            "published": _iso(row.published),
            "outlet": row.outlet,
        }
    ]


def _event_dict(row, roles: dict[str, list[dict]]) -> dict:
    return {
        "id": row.id,
        "type": row.type,
        "mode": row.mode,
        "trigger": row.trigger,
        "actors": roles.get("actor", []),
        "recipients": roles.get("recipient", []),
        "others": roles.get("other", []),
        "start": _iso(row.start_date),
        "end": _iso(row.end_date),
        "time_text": row.time_text,
        "time_value": row.time_value,
        "granularity": row.granularity,
        "count": row.count,
        "negated": bool(row.negated),
        "modality": row.modality,
        "amount": row.amount,
        "record": row.record_id,
        "issues": json.loads(row.issues) if row.issues else [],
        "description": row.description,
        "sourcing": _sourcing(row),
        "evidence": _evidence(row, report=True),
    }


def _relation_dict(row, canonical: dict[str, tuple[str, str | None]]) -> dict:
    def end(prefix: str) -> dict:
        entity_id = getattr(row, f"{prefix}_id")
        head_id, name, kind = canonical.get(entity_id, (entity_id, None, None))
        return _ref(head_id, getattr(row, f"{prefix}_name"), getattr(row, f"{prefix}_kind"), name, kind)

    return {
        "id": row.id,
        "type": row.type,
        "subject": end("subject"),
        "object": end("object"),
        "start": _iso(row.start_date),
        "end": _iso(row.end_date),
        "sourcing": _sourcing(row),
        "evidence": _evidence(row),
    }


def _by_mentions(e: dict) -> tuple:
    return (-e["mentions"], e["name"].casefold(), e["name"], e["id"])


def _by_time(fact: dict) -> tuple:
    # ISO date strings sort as dates; an undated fact sorts at the date it was reported (it happened
    # by then, or was announced then), after the dated facts of that day; unknown dates go last.
    published = fact["evidence"][0]["published"]
    key = fact["start"] or published
    return (key is None, key or "", fact["start"] is None, published or "", fact["id"])


def _as_date(value: date | str | None, what: str) -> date | None:
    """Accept a date or an ISO date string (the CLI passes strings); reject anything else."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise DateError(f"{what} '{value}' is not a date: use YYYY-MM-DD, e.g. 2025-06-25") from None
