"""Judgements and the clusters they make: which entities are one actor, which reports one event.

A judgement says that two entities (or two event reports) are, or are not, the same, with who
decided (a rule at ingest, ``auto:<rule>``, or a person), when, how sure and why. Judgements are
only ever added: the latest judgement on a pair is the one that counts, so a merge is undone by
a later "not the same", and nothing is deleted. Clusters are the connected components of the
pairs whose latest judgement is "same"; each entity stores its cluster's representative in
``entities.canonical_id`` and each report its event's first report in ``events.cluster_id``.
Those columns are derived data: ``rebuild`` recomputes them from the judgements.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, func, or_, select, update

from ..ids import make_id, match_key
from .schema import articles, entities, entity_aliases, events, judgements, mentions

SAME = {"entity": "same_entity", "event": "same_event"}
NOT_SAME = {"entity": "not_same_entity", "event": "not_same_event"}
# The column that points a member at its cluster's head (NULL on the head itself).
HEAD = {"entity": entities.c.canonical_id, "event": events.c.cluster_id}


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def judge(conn: Connection, what: str, left: str, right: str, same: bool, author: str,
          score: float | None = None, reason: str | None = None) -> str:
    """Record that ``left`` and ``right`` (entity or event ids, ``what``) are or are not the same.

    A rule's judgement has an id made of its content, so re-running the rule records nothing new;
    a person's judgement is new each time, so that merge, split and merge again are all kept.
    """
    kind = (SAME if same else NOT_SAME)[what]
    a, b = sorted((left, right))
    created = now()
    parts = [kind, a, b, author] + ([] if author.startswith("auto:") else [created.isoformat()])
    jid = make_id("jdg", *parts)
    exists = conn.execute(select(judgements.c.id).where(judgements.c.id == jid)).first()
    if exists is None:
        conn.execute(judgements.insert().values(
            id=jid, kind=kind, left_id=a, right_id=b, author=author, score=score, reason=reason, created_at=created
        ))
    return jid


def latest(conn: Connection, what: str, ids: Iterable[str] | None = None) -> dict[tuple[str, str], bool]:
    """{(a, b): same?} by the latest judgement on each pair (of ``ids`` when given)."""
    kinds = (SAME[what], NOT_SAME[what])
    query = select(judgements.c.left_id, judgements.c.right_id, judgements.c.kind, judgements.c.created_at,
                   judgements.c.id).where(judgements.c.kind.in_(kinds))
    if ids is not None:
        ids = list(ids)
        query = query.where(or_(judgements.c.left_id.in_(ids), judgements.c.right_id.in_(ids)))
    out: dict[tuple[str, str], tuple] = {}
    for r in conn.execute(query):
        key = (r.left_id, r.right_id)
        stamp = (r.created_at, r.id)
        if key not in out or stamp > out[key][0]:
            out[key] = (stamp, r.kind == SAME[what])
    return {k: v[1] for k, v in out.items()}


def refusals(conn: Connection, what: str, ids: Iterable[str]) -> dict[str, set[str]]:
    """{id: the ids its latest judgements say it is not the same as}, for ``ids``, in one query."""
    ids = set(ids)
    out: dict[str, set[str]] = {}
    if not ids:
        return out
    for (a, b), same in latest(conn, what, ids).items():
        if not same:
            for x, y in ((a, b), (b, a)):
                if x in ids:
                    out.setdefault(x, set()).add(y)
    return out


def components(pairs: dict[tuple[str, str], bool]) -> dict[str, set[str]]:
    """{member: its component} for the pairs judged the same (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), same in pairs.items():
        if same:
            parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return {m: g for g in groups.values() for m in g}


def rebuild(conn: Connection) -> None:
    """Recompute entities.canonical_id and events.cluster_id from every judgement."""
    _rebuild(conn, "entity", representative_entity)
    _rebuild(conn, "event", first_report)


def _rebuild(conn: Connection, what: str, head_of) -> None:
    """Point every member of a cluster at the member ``head_of`` picks; the head points at nothing."""
    column = HEAD[what]
    table = column.table
    groups = components(latest(conn, what))
    conn.execute(update(table).values({column.name: None}))
    done: set[str] = set()
    rows = []
    for member, group in groups.items():
        if member in done:
            continue
        done |= group
        head = head_of(conn, group)
        rows += [{"mid": m, "hid": head} for m in group if m != head]
    if rows:
        conn.execute(update(table).where(table.c.id == bindparam("mid")).values({column.name: bindparam("hid")}), rows)


def representative_entity(conn: Connection, group: set[str]) -> str:
    """The member that names a cluster: a gazetteer name first, then the most mentioned, then the id."""
    from .. import ontology  # noqa: PLC0415 - the store does not need the ontology otherwise

    gaz = ontology.gazetteer()
    counted = dict(conn.execute(
        select(mentions.c.entity_id, func.count()).where(mentions.c.entity_id.in_(group)).group_by(mentions.c.entity_id)
    ).all())
    names = dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(group))).all())

    def rank(eid: str) -> tuple:
        entry = gaz.lookup(names.get(eid, ""))
        return (not (entry and entry.name == names.get(eid)), -counted.get(eid, 0), eid)

    return min(group, key=rank)


def first_report(conn: Connection, group: set[str]) -> str:
    """The report of a cluster published first (then by id): who reported it first."""
    rows = conn.execute(
        select(events.c.id, articles.c.published, articles.c.ingested_at)
        .join(articles, articles.c.id == events.c.article_id)
        .where(events.c.id.in_(group))
    ).all()
    # published first; on the same day, the one the store received first
    return min(rows, key=lambda r: (r.published is None, r.published or datetime.min.date(), r.ingested_at, r.id)).id


def canonical_of(conn: Connection, item_id: str, what: str = "entity") -> str:
    """The head of the cluster of an entity (its representative) or of an event report (its first report)."""
    column = HEAD[what]
    found = conn.execute(select(column).where(column.table.c.id == item_id)).scalar()
    return found or item_id


def members(conn: Connection, canonical_id: str, what: str = "entity") -> list[str]:
    """Every entity (or event report) in the cluster this one heads (itself first)."""
    column = HEAD[what]
    others = conn.execute(select(column.table.c.id).where(column == canonical_id)).scalars().all()
    return [canonical_id, *sorted(others)]


def backfill_match_keys(conn: Connection) -> None:
    """Give aliases stored before resolution existed their match keys."""
    rows = conn.execute(
        select(entity_aliases.c.entity_id, entity_aliases.c.alias, entities.c.kind)
        .join(entities, entities.c.id == entity_aliases.c.entity_id)
        .where(entity_aliases.c.match_key.is_(None))
    ).all()
    if rows:
        conn.execute(
            update(entity_aliases)
            .where(entity_aliases.c.entity_id == bindparam("eid"), entity_aliases.c.alias == bindparam("al"))
            .values(match_key=bindparam("mk")),
            [{"eid": r.entity_id, "al": r.alias, "mk": match_key(r.alias, r.kind)} for r in rows],
        )
