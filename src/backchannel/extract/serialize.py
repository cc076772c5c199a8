"""Extraction -> plain dicts, in the same shapes the store's view gives (for `backchannel extract`)."""

from __future__ import annotations

from datetime import date

from ..model import Entity, EntityRef, Event, Evidence, Extraction, Relation, Sourcing, TimeSpan


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def ref_dict(ref: EntityRef) -> dict:
    return {"id": ref.id, "name": ref.name, "kind": ref.kind}


def sourcing_dict(s: Sourcing) -> dict:
    return {"status": s.status, "source": s.source, "cue": s.cue}


def evidence_dict(ev: Evidence, extraction: Extraction) -> dict:
    return {
        "article": ev.article,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
        "extractor": ev.extractor,
        "published": _iso(extraction.article.published),
        "outlet": extraction.article.outlet,
    }


def time_dict(t: TimeSpan) -> dict:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "value": t.value,
        "interval_start": _iso(t.interval_start),
        "interval_end": _iso(t.interval_end),
        "granularity": t.granularity,
    }


def entity_dict(e: Entity) -> dict:
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "aliases": list(e.aliases),
        "mentions": [{"text": m.text, "start": m.start, "end": m.end, "how": m.how} for m in e.mentions],
    }


def event_dict(e: Event, extraction: Extraction) -> dict:
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "trigger": e.trigger,
        "actors": [ref_dict(r) for r in e.actors],
        "recipients": [ref_dict(r) for r in e.recipients],
        "others": [ref_dict(r) for r in e.others],
        "start": _iso(e.time.interval_start) if e.time else None,
        "end": _iso(e.time.interval_end) if e.time else None,
        "time_text": e.time.text if e.time else None,
        "time_value": e.time.value if e.time else None,
        "count": e.count,
        "negated": e.negated,
        "modality": e.modality,
        "amount": e.amount,
        "record": e.record,
        "issues": list(e.issues),
        "description": e.description,
        "sourcing": sourcing_dict(e.sourcing),
        "evidence": [evidence_dict(e.evidence, extraction)],
    }


def relation_dict(r: Relation, extraction: Extraction) -> dict:
    return {
        "id": r.id,
        "type": r.type,
        "subject": ref_dict(r.subject),
        "object": ref_dict(r.object),
        "start": _iso(r.start),
        "end": _iso(r.end),
        "sourcing": sourcing_dict(r.sourcing),
        "evidence": [evidence_dict(r.evidence, extraction)],
    }


def extraction_dict(x: Extraction) -> dict:
    """The whole extraction of one article."""
    a = x.article
    return {
        "article": {"id": a.id, "title": a.title, "published": _iso(a.published), "outlet": a.outlet, "url": a.url, "path": a.path},
        "entities": [entity_dict(e) for e in x.entities],
        "events": [event_dict(e, x) for e in x.events],
        "relations": [relation_dict(r, x) for r in x.relations],
        "times": [time_dict(t) for t in x.times],
    }
