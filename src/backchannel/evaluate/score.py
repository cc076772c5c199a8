"""Score an extractor against gold passages.

Matching rules:
- Names are compared after folding (case, punctuation, a leading "the", possessive 's). System
  participants that are unresolved descriptions (no entity id) are left out, as the gold leaves out
  participants that are not nameable entities.
- An event matches (strict) when the type is the same and the actor set and the recipient set are
  the same; for a CONSULT that is not a visit, a COOPERATE or an AGREE, the two sides may be swapped
  (a meeting, a partnership or an agreement is mutual).
  Each gold event matches at most one system event, and the reverse (greedy, in text order).
- Type-only: events match by type alone, one to one, within a passage.
- A relation matches on type, subject and object; rival_of in either direction.
- Entities: the sets of canonical names per passage.
- Sourcing, negation, modality, count and time are scored over the strictly matched events:
  status equal; source equal when the gold status is attributed or denied; the resolved interval
  equal (start and end) when the gold gives one.
- ``source_as_actor`` counts system events with a participant that the gold names only as the source
  of a report in that passage ("according to The Wall Street Journal"): it must be 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..ids import name_key
from ..model import Event, Extraction
from .gold import GoldEvent, GoldPassage

SYMMETRIC_RELATIONS = {"rival_of"}


@dataclass
class PRF:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.correct / self.total, 3) if self.total else None}


# Acts between parties where who is named first is a matter of wording ("Boeing and Lockheed teamed
# up", "Boeing teamed up with Lockheed"): the two sides may be swapped, as for a meeting.
MUTUAL_TYPES = {"COOPERATE", "AGREE"}


def _keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name_key(n) for n in names)


def _sides_match(gold: GoldEvent, sys: Event) -> bool:
    # An unresolved description ("Republican leadership") is no entity; the gold leaves such out.
    ga, gr = _keys(gold.actors), _keys(gold.recipients)
    sa, sr = _keys(r.name for r in sys.actors if r.id), _keys(r.name for r in sys.recipients if r.id)
    if (ga, gr) == (sa, sr):
        return True
    mutual = (gold.type == "CONSULT" and gold.mode != "visit") or gold.type in MUTUAL_TYPES
    return mutual and (ga | gr) == (sa | sr) and len(ga | gr) > 1


def _match(gold: list, system: list, same: Callable) -> list[tuple]:
    pairs, used = [], set()
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and same(g, s):
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


@dataclass
class Scorer:
    """Accumulates scores over passages."""

    events: PRF = field(default_factory=PRF)
    events_by_type: dict[str, PRF] = field(default_factory=dict)
    type_only: PRF = field(default_factory=PRF)
    type_only_by_type: dict[str, PRF] = field(default_factory=dict)
    relations: PRF = field(default_factory=PRF)
    entities: PRF = field(default_factory=PRF)
    status: Accuracy = field(default_factory=Accuracy)
    source: Accuracy = field(default_factory=Accuracy)
    time: Accuracy = field(default_factory=Accuracy)
    negation: Accuracy = field(default_factory=Accuracy)
    modality: Accuracy = field(default_factory=Accuracy)
    count: Accuracy = field(default_factory=Accuracy)
    source_as_actor: int = 0
    passages: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, gold: GoldPassage, ext: Extraction) -> None:
        self.passages += 1
        self._events(gold, ext)
        self._relations(gold, ext)
        g_ents = _keys(n for n, _ in gold.entities)
        s_ents = _keys(e.name for e in ext.entities if e.kind != "Place")
        self.entities.add(len(g_ents & s_ents), len(s_ents - g_ents), len(g_ents - s_ents))

    def _events(self, gold: GoldPassage, ext: Extraction) -> None:
        g_events, s_events = list(gold.events), list(ext.events)
        pairs = _match(g_events, s_events, lambda g, s: g.type == s.type and _sides_match(g, s))
        self.events.add(len(pairs), len(s_events) - len(pairs), len(g_events) - len(pairs))
        for t in {e.type for e in g_events} | {e.type for e in s_events}:
            tp = sum(1 for g, _ in pairs if g.type == t)
            self.events_by_type.setdefault(t, PRF()).add(
                tp, sum(1 for s in s_events if s.type == t) - tp, sum(1 for g in g_events if g.type == t) - tp
            )
            g_n, s_n = sum(1 for g in g_events if g.type == t), sum(1 for s in s_events if s.type == t)
            self.type_only_by_type.setdefault(t, PRF()).add(min(g_n, s_n), max(0, s_n - g_n), max(0, g_n - s_n))
            self.type_only.add(min(g_n, s_n), max(0, s_n - g_n), max(0, g_n - s_n))
        for g, s in pairs:
            self.status.add(g.status == s.sourcing.status)
            if g.status in ("attributed", "denied"):
                self.source.add(bool(s.sourcing.source) and name_key(g.source or "") == name_key(s.sourcing.source))
            if g.start is not None:
                self.time.add(s.time is not None and (s.time.interval_start, s.time.interval_end) == (g.start, g.end))
            self.negation.add(g.negated == s.negated)
            self.modality.add(g.modality == s.modality)
            if g.count is not None:
                self.count.add(g.count == s.count)
        sources = _keys(g.source for g in g_events if g.source) - _keys(n for g in g_events for n in (*g.actors, *g.recipients))
        for s in s_events:
            if _keys(r.name for r in (*s.actors, *s.recipients, *s.others)) & sources:
                self.source_as_actor += 1
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g in g_events:
            if id(g) not in matched_g:
                self.errors.append({"passage": gold.id, "kind": "missed", "event": f"{g.type} {list(g.actors)} -> {list(g.recipients)}"})
        for s in s_events:
            if id(s) not in matched_s:
                self.errors.append(
                    {"passage": gold.id, "kind": "spurious",
                     "event": f"{s.type} {[r.name for r in s.actors]} -> {[r.name for r in s.recipients]}"}
                )

    def _relations(self, gold: GoldPassage, ext: Extraction) -> None:
        def key(type_, subj, obj):
            ends = (name_key(subj), name_key(obj))
            return (type_, *sorted(ends)) if type_ in SYMMETRIC_RELATIONS else (type_, *ends)

        g = {key(r.type, r.subject, r.object) for r in gold.relations}
        s = {key(r.type, r.subject.name, r.object.name) for r in ext.relations}
        self.relations.add(len(g & s), len(s - g), len(g - s))

    def as_dict(self) -> dict:
        return {
            "passages": self.passages,
            "events": self.events.as_dict(),
            "events_by_type": {t: p.as_dict() for t, p in sorted(self.events_by_type.items())},
            "events_type_only": self.type_only.as_dict(),
            "events_type_only_by_type": {t: p.as_dict() for t, p in sorted(self.type_only_by_type.items())},
            "relations": self.relations.as_dict(),
            "entities": self.entities.as_dict(),
            "sourcing_status": self.status.as_dict(),
            "sourcing_source": self.source.as_dict(),
            "time": self.time.as_dict(),
            "negation": self.negation.as_dict(),
            "modality": self.modality.as_dict(),
            "count": self.count.as_dict(),
            "source_as_actor": self.source_as_actor,
        }


def score(passages: Iterable[GoldPassage], system: Callable[[GoldPassage], Extraction]) -> tuple[dict, list[dict]]:
    """Run ``system`` on every passage and score it; returns (scores, errors)."""
    scorer = Scorer()
    for passage in passages:
        scorer.add(passage, system(passage))
    return scorer.as_dict(), scorer.errors
