"""Likely duplicate entities, scored, for a person to review (``backchannel candidates``).

Pairs of entities that are not yet in one cluster and have no judgement between them, whose
names are close: they share the first word of their match keys (blocking, so the comparison
stays linear in practice) and rapidfuzz scores them at or above a threshold. A pair whose names
differ by a word that is no typo of any word in the other ("Boeing" / "Boeing Capital",
"General Dynamics" / "General Atomics") is left out: that word names another organisation.
"""

from __future__ import annotations

from itertools import combinations

from sqlalchemy import Connection, func, select

from ..ids import match_key
from ..resolve.fuzzy import fuzzy_score
from .schema import entities, entity_aliases, judgements

THRESHOLD = 85  # percent; resolve.fuzzy refuses below its own threshold anyway


def score(a: str, b: str, person: bool = False) -> float:
    """0..1 similarity of two match keys (``resolve.fuzzy``), 0 when a word of one is no word or
    typo of the other ("Boeing" / "Boeing Capital", "General Dynamics" / "General Atomics")."""
    if a == b:
        return 1.0
    return fuzzy_score(a, b, person=person) or 0.0


def candidates(conn: Connection, limit: int | None = 50) -> list[dict]:
    """Scored pairs of distinct clusters that may be one entity, best first."""
    head = func.coalesce(entities.c.canonical_id, entities.c.id)
    rows = conn.execute(
        select(head.label("head"), entities.c.kind, entity_aliases.c.alias)
        .join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
    ).all()
    heads = conn.execute(select(entities.c.id, entities.c.name, entities.c.kind).where(entities.c.canonical_id.is_(None))).all()
    info = {r.id: {"id": r.id, "name": r.name, "kind": r.kind} for r in heads}
    keys: dict[str, set[str]] = {}
    for r in rows:
        k = match_key(r.alias, r.kind)
        if k:
            keys.setdefault(r.head, set()).add(k)
    judged = {tuple(sorted((r.left_id, r.right_id))) for r in conn.execute(
        select(judgements.c.left_id, judgements.c.right_id).where(judgements.c.kind.in_(("same_entity", "not_same_entity")))
    )}
    blocks: dict[tuple[str, str], set[str]] = {}
    for eid, ks in keys.items():
        family = "person" if info.get(eid, {}).get("kind") == "Person" else "org"
        for k in ks:
            blocks.setdefault((family, k.split()[0]), set()).add(eid)
    found: dict[tuple[str, str], tuple[float, str, str]] = {}
    for members in blocks.values():
        for a, b in combinations(sorted(members), 2):
            if (a, b) in judged or a not in info or b not in info:
                continue
            person = info[a]["kind"] == "Person"
            best = max(((score(x, y, person), x, y) for x in keys[a] for y in keys[b]), default=(0.0, "", ""))
            if best[0] * 100 >= THRESHOLD and best[0] > found.get((a, b), (0.0,))[0]:
                found[(a, b)] = best
    out = [
        {"left": info[a], "right": info[b], "score": round(s, 3), "reason": f"'{x}' ~ '{y}'"}
        for (a, b), (s, x, y) in found.items()
    ]
    out.sort(key=lambda c: (-c["score"], c["left"]["name"], c["right"]["name"]))
    return out if limit is None else out[:limit]
