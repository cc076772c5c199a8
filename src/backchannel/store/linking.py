"""Linking a newly stored article to what the store already holds, inside the same transaction.

- Copies: an article whose text is near-identical to a stored one (a syndicated wire story under
  another outlet's name) records ``copy_of``; it is one source, not two.
- Entities: an entity this article introduces whose name matches a stored entity's name once
  corporate suffixes, case, punctuation and name order are folded ("LOCKHEED MARTIN CORP",
  "Lockheed Martin Corporation"), or that differs by a typo ("Lockheed Martin Corpororation"), is
  judged the same as it (``auto:key``, ``auto:fuzzy``, ...; the rules of ``resolve.match``).
- Events: a report of the same type whose participants are the same entities after resolution
  and whose time fits is judged the same event as a stored report (``auto:event-match``).

Every link is a judgement (store/clusters.py): reversible with ``backchannel split``.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import numpy as np
from rapidfuzz import fuzz
from sqlalchemy import Connection, func, or_, select, update

from ..ids import match_key
from ..model import Event, Extraction
from ..resolve.match import NameIndex
from . import clusters
from .schema import articles, entities, entity_aliases, event_participants, events

# Near-identical texts: simhashes at most this many bits apart are compared on their words, and
# a copy's text is at least this similar (rapidfuzz ratio) to the original's: a few words changed.
PREFILTER_BITS = 24
COPY_RATIO = 90
# Copies are looked for among articles published this many days either side.
COPY_WINDOW = timedelta(days=7)
# A report without a date of its own happened at most this long before it was published.
UNDATED_REACH = timedelta(days=31)
# An award told again with the same amount is the same award if the reports are this close.
SAME_AWARD_DAYS = 365


def fingerprint(text: str) -> int:
    """A 64-bit simhash of the text's three-word shingles, as a signed integer (fits BIGINT)."""
    words = re.findall(r"\w+", text.lower())
    shingles = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles)
    hashes = np.frombuffer(digests, dtype=">u8").astype(np.uint64)
    ones = ((hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)).sum(axis=0)
    value = sum(1 << bit for bit in range(64) if 2 * int(ones[bit]) > len(shingles))
    return value - (1 << 64) if value >= 1 << 63 else value


def _squash(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _distance(a: int, b: int) -> int:
    return bin((a ^ b) & ((1 << 64) - 1)).count("1")


def link(conn: Connection, extraction: Extraction, new_entity_ids: set[str]) -> None:
    """Record copies, entity and event links for an article just inserted."""
    _mark_copy(conn, extraction)
    refused = clusters.refusals(conn, "entity", new_entity_ids)
    for entity in extraction.entities:
        if entity.id in new_entity_ids:
            _link_entity(conn, entity.id, entity.name, entity.kind, entity.aliases, refused.get(entity.id, set()))
    refused = clusters.refusals(conn, "event", [e.id for e in extraction.events])
    for event in extraction.events:
        _link_event(conn, event, extraction.article.published, refused.get(event.id, set()))


# -- copies ------------------------------------------------------------------------------------


def _mark_copy(conn: Connection, extraction: Extraction) -> None:
    a = extraction.article
    fp = fingerprint(a.text)
    query = select(articles.c.id, articles.c.fingerprint, articles.c.copy_of, articles.c.published).where(
        articles.c.id != a.id, articles.c.fingerprint.is_not(None)
    )
    if a.published is not None:
        query = query.where(articles.c.published.between(a.published - COPY_WINDOW, a.published + COPY_WINDOW))
    else:
        query = query.where(articles.c.published.is_(None))
    close = [r for r in conn.execute(query) if _distance(r.fingerprint, fp) <= PREFILTER_BITS]
    found = []
    if close:  # confirm on the texts themselves: simhash only narrows the search
        query = select(articles.c.id, articles.c.text).where(articles.c.id.in_([r.id for r in close]))
        texts = dict(conn.execute(query).all())
        mine = _squash(a.text)
        found = [r for r in close if fuzz.ratio(_squash(texts[r.id]), mine) >= COPY_RATIO]
    original = None
    if found:
        first = min(found, key=lambda r: (r.published or date.min, r.id))
        original = first.copy_of or first.id
    conn.execute(update(articles).where(articles.c.id == a.id).values(fingerprint=fp, copy_of=original))


# -- entities ----------------------------------------------------------------------------------


def _starts(conn: Connection, column, prefix: str):
    """``column`` starts with ``prefix``. SQLite's LIKE ignores case and so cannot use the index on
    the (lower-case) keys; its case-sensitive GLOB can, which keeps blocking fast in a large store."""
    if conn.dialect.name == "sqlite" and not set(prefix) & set("*?[]"):
        return column.op("GLOB")(prefix + "*")
    return column.like(prefix.replace("%", r"\%").replace("_", r"\_") + "%", escape="\\")


def _link_entity(conn: Connection, entity_id: str, name: str, kind: str | None, aliases: tuple[str, ...],
                 refused: set[str]) -> None:
    """Match a new entity's spellings against stored entities sharing a first key word (blocking),
    with the rules of ``resolve.match``: exact, key, acronym, typo-tolerant fuzzy, surname."""
    spellings = {name, *aliases}
    firsts = {k.split()[0] for k in (match_key(s, kind) for s in spellings) if k}
    if not firsts:
        return
    rows = conn.execute(
        select(entities.c.id, entities.c.name, entities.c.kind, entities.c.canonical_id, entity_aliases.c.alias)
        .join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
        .where(or_(*(_starts(conn, entity_aliases.c.match_key, w) for w in firsts)), entities.c.id != entity_id)
    ).all()
    index = NameIndex()
    for r in rows:
        head = r.canonical_id or r.id
        if head not in refused:
            index.add(head, r.alias, r.kind)
    found = {m.entity_id: m for m in (index.match(s, kind) for s in spellings) if m is not None}
    if len(found) != 1:
        return  # unknown, or ambiguous between two stored actors: a new entity, never a forced merge
    match = next(iter(found.values()))
    clusters.judge(conn, "entity", entity_id, match.entity_id, True, f"auto:{match.how}", match.score,
                   f"'{name}' matches a stored spelling ({match.how})")
    conn.execute(update(entities).where(entities.c.id == entity_id).values(canonical_id=match.entity_id))


# -- events ------------------------------------------------------------------------------------


def _sides(conn: Connection, event_ids: list[str]) -> dict[str, tuple[frozenset, frozenset]]:
    """{event id: (actor cluster ids, recipient cluster ids)}; unresolved participants left out."""
    rows = conn.execute(
        select(event_participants.c.event_id, event_participants.c.role, entities.c.id, entities.c.canonical_id)
        .join(entities, entities.c.id == event_participants.c.entity_id)
        .where(event_participants.c.event_id.in_(event_ids), event_participants.c.role != "other")
    ).all()
    out: dict[str, tuple[set, set]] = {e: (set(), set()) for e in event_ids}
    for r in rows:
        out[r.event_id][0 if r.role == "actor" else 1].add(r.canonical_id or r.id)
    return {e: (frozenset(a), frozenset(b)) for e, (a, b) in out.items()}


def _window(start: date | None, end: date | None, published: date | None) -> tuple[date, date] | None:
    if start or end:
        return (start or end, end or start)
    if published:
        return (published - UNDATED_REACH, published)
    return None


def _same_lineage(conn: Connection, a: frozenset, b: frozenset) -> bool:
    """True when every awarding body on one side is, or is above or below, one on the other side."""
    from .. import ontology  # noqa: PLC0415

    if not a or not b:
        return False
    names = dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(a | b))).all())
    gaz = ontology.gazetteer()
    # each body with the bodies above it (Space Systems Command, Space Force, Department of the Air Force, ...)
    line = {e: {names.get(e, e), *gaz.lineage(names.get(e, ""))} for e in a | b}
    return all(any(names.get(x) in line[y] or names.get(y) in line[x] for y in b) for x in a)


def _same_amount(event: Event, row, published: date | None) -> bool:
    """Two reports of an award to the same parties for the same amount within a year are one award,
    even when the later one does not say when it was made ("gave Blue Origin $2.4 billion")."""
    if event.type != "CONTRACT_AWARD" or not event.amount or not row.amount:
        return False
    close = abs(event.amount - row.amount) <= 0.02 * max(event.amount, row.amount)
    near = published is None or row.published is None or abs((published - row.published).days) <= SAME_AWARD_DAYS
    return close and near


def _link_event(conn: Connection, event: Event, published: date | None, refused: set[str]) -> None:
    """``refused``: the reports (or clusters) a person has judged not this event."""
    mine = _sides(conn, [event.id])[event.id]
    if not (mine[0] | mine[1]):
        return
    member_ids = conn.execute(
        select(entities.c.id).where(
            (entities.c.id.in_(mine[0] | mine[1])) | (entities.c.canonical_id.in_(mine[0] | mine[1]))
        )
    ).scalars().all()
    t = event.time
    query = (
        select(events.c.id, events.c.cluster_id, events.c.negated, events.c.modality, events.c.mode, events.c.start_date,
               events.c.end_date, events.c.sentence, events.c.amount, articles.c.published)
        .join(articles, articles.c.id == events.c.article_id)
        .where(
            events.c.type == event.type,
            events.c.article_id != event.evidence.article,
            events.c.id.in_(select(event_participants.c.event_id).where(event_participants.c.entity_id.in_(member_ids))),
        )
    )
    rows = [r for r in conn.execute(query) if bool(r.negated) == bool(event.negated) and r.modality == event.modality]
    if not rows:
        return
    sides = _sides(conn, [r.id for r in rows])
    here = _window(t.interval_start if t else None, t.interval_end if t else None, published)
    mutual = event.type in ("CONSULT", "COOPERATE", "AGREE") and event.mode != "visit"
    matches = []
    for r in rows:
        theirs = sides[r.id]
        same_sides = theirs == mine or (mutual and (theirs[0] | theirs[1]) == (mine[0] | mine[1]))
        if not same_sides and event.type == "CONTRACT_AWARD" and theirs[1] == mine[1]:
            # the news says Space Systems Command, the record the Department of the Air Force above it;
            # "Blue Origin won seven missions" does not say who awarded them
            same_sides = not theirs[0] or not mine[0] or _same_lineage(conn, theirs[0], mine[0])
        there = _window(r.start_date, r.end_date, r.published)
        overlap = bool(here and there and here[0] <= there[1] and there[0] <= here[1])
        if same_sides and (overlap or _same_amount(event, r, published)):
            matches.append(r)
    # the article already has a report in a cluster only if it judged the two acts distinct
    taken = set(conn.execute(
        select(func.coalesce(events.c.cluster_id, events.c.id)).where(
            events.c.article_id == event.evidence.article, events.c.id != event.id
        )
    ).scalars()) | refused
    matches = [r for r in matches if (r.cluster_id or r.id) not in taken]
    if not matches:
        return
    # a syndicated copy tells it in the same words: the most similar sentence first, then the earliest
    best = min(matches, key=lambda r: (-fuzz.ratio(r.sentence, event.evidence.sentence), r.published or date.min, r.id))
    head = best.cluster_id or best.id
    clusters.judge(conn, "event", event.id, head, True, "auto:event-match", None,
                   "same type, the same participants after resolution, overlapping times")
    # the cluster is named by its first report: this one, if it was published earlier
    group = {head, event.id, *conn.execute(select(events.c.id).where(events.c.cluster_id == head)).scalars()}
    new_head = clusters.first_report(conn, group)
    conn.execute(update(events).where(events.c.id.in_(group)).values(cluster_id=new_head))
    conn.execute(update(events).where(events.c.id == new_head).values(cluster_id=None))
