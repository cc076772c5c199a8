"""The influence view: one dated timeline of an entity's dealings with government, with its awards.

The entity's circle is the entity and the people who founded, run, own or advise it (relations
founder_of, executive_of, owner_of, advisor_of whose object is the entity). The timeline holds every
event in which a member of the circle deals with the government side: a public body, or a person
holding an office (gazetteer roles, on the event's date) or described as one; contract awards to the
circle; its lobbying and donations. A contact is flagged when it falls within ``window`` days before
an award to the circle by the body contacted (or a body above or below it: Space Systems Command is
part of the Space Force), or by the government that body belongs to.
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import ontology
from ..ids import name_key

CIRCLE_RELATIONS = ("founder_of", "executive_of", "owner_of", "advisor_of")
CONTACT_TYPES = {"CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "THREATEN", "AGREE", "COOPERATE", "REJECT", "CONCEDE",
                 "CONTRACT_BID", "CONTRACT_PROTEST", "LOBBY", "DONATE", "AID", "SANCTION", "APPOINT", "DEPART"}
# Contacts that can be flagged before an award (bids and protests are dealings, not influence).
FLAGGED_TYPES = {"CONSULT", "REQUEST", "SUPPORT", "ACCUSE", "THREATEN", "AGREE", "COOPERATE", "CONCEDE", "LOBBY", "DONATE"}
# How long before taking office an official-to-be counts as the government ("President-elect Trump").
INCOMING = timedelta(days=90)
# Awards only a doubtful report claims are no awards.
DOUBTFUL = {"speculative", "denied"}
# Governments other than the United States federal government, by words of their bodies' names.
FOREIGN_WORDS = ("russia", "roscosmos", "kremlin", "china", "chinese", "european", "italian", "ukrain", "india",
                 "japan", "british", "uk ", "french", "german", "israel", "saudi", "poland", "polish", "brazil")
PUBLIC_KINDS = ("PublicBody",)


def influence(view, name: str, window: int = 180) -> dict:
    """The influence timeline of the entity called ``name`` (see the module docstring)."""
    entity = view.find_entity(name)
    circle = _circle(view, entity)
    ids = {m["id"] for m in circle}
    events = {e["id"]: e for m in circle for e in view.events(entity=m["id"])}
    awards = [e for e in events.values() if e["type"] == "CONTRACT_AWARD" and _ids(e["recipients"]) & ids
              and not e["negated"] and e["modality"] == "actual" and e["sourcing"]["status"] not in DOUBTFUL]
    lines = []
    for e in sorted(events.values(), key=_day_key):
        side = _government_side(e, ids)
        if e["type"] == "CONTRACT_AWARD" and e in awards:
            lines.append({"kind": "award", "date": _iso(_day(e)), "event": e, "flags": []})
        elif e["type"] in CONTACT_TYPES and (side or e["type"] in ("LOBBY", "DONATE")):
            # only a contact with a date of its own is flagged: a later article's passing mention
            # ("it protested that decision") is dated by its publication, not by when it happened
            dated = bool(e.get("start") or e.get("record"))
            flags = _flags(e, side, awards, window) if e["type"] in FLAGGED_TYPES and dated else []
            kind = {"LOBBY": "lobbying", "DONATE": "donation"}.get(e["type"], "contact")
            lines.append({"kind": kind, "date": _iso(_day(e)), "event": e, "flags": flags})
    return {
        "entity": entity,
        "circle": circle,
        "window_days": window,
        "timeline": lines,
        "awards": totals(awards),
        "lobbying": lobbying_totals([e for e in events.values() if e["type"] == "LOBBY"]),
    }


def totals(awards: list[dict]) -> dict:
    """Awards: how many, and the total of the amounts given."""
    amounts = [e["amount"] for e in awards if e.get("amount") is not None]
    return {"count": len(awards), "total": sum(amounts) if amounts else None}


def lobbying_totals(lobbying: list[dict]) -> dict:
    """Lobbying: filings (records) and reports, the total amount, and the bodies lobbied."""
    amounts = [e["amount"] for e in lobbying if e.get("amount") is not None]
    bodies = sorted({r["name"] for e in lobbying for r in e["recipients"]})
    filings = {e["record"] for e in lobbying if e.get("record")}
    return {"filings": len(filings), "reports": len(lobbying), "total": sum(amounts) if amounts else None,
            "bodies": bodies}


# -- the circle and the government side ---------------------------------------------------------


def _circle(view, entity: dict) -> list[dict]:
    members = [entity]
    for rel in view.relations(entity=entity["id"]):
        if rel["type"] in CIRCLE_RELATIONS and rel["object"]["id"] == entity["id"] and rel["subject"]["id"]:
            subject = rel["subject"]
            if subject["id"] not in {m["id"] for m in members}:
                members.append({"id": subject["id"], "name": subject["name"], "kind": subject["kind"], "via": rel["type"]})
    return members


def _ids(refs: list[dict]) -> set[str]:
    return {r["id"] for r in refs if r.get("id")}


def _government_side(event: dict, circle: set[str]) -> list[dict]:
    """The public bodies and office holders the event involves besides the circle."""
    day = _day(event)
    out = []
    for ref in event["actors"] + event["recipients"] + event["others"]:
        if ref.get("id") in circle or not ref.get("id"):
            continue
        if ref["kind"] in PUBLIC_KINDS or (ref["kind"] == "Person" and _office_bodies(ref["name"], day)):
            out.append(ref)
    return out


def _office_bodies(person: str, day: date | None) -> list[str]:
    """The public bodies whose office a person held on that day, or took within ``INCOMING`` days after
    it (any day when it is unknown); the president's office is the White House."""
    gaz = ontology.gazetteer()
    entry = gaz.lookup(person)
    if entry is None:
        return []
    out = []
    for role in entry.roles:
        # an official about to take office (a president-elect) is already the government to lobby
        incoming = day is not None and role.start is not None and timedelta(0) <= role.start - day <= INCOMING
        if day is not None and not role.holds_on(day) and not incoming:
            continue
        body = gaz.lookup(role.of)
        if role.of == "United States":
            out.append("White House")
        elif body is not None and body.kind == "PublicBody":
            out.append(body.name)
    return out


def _bodies_of(ref: dict, day: date | None) -> list[str]:
    return [ref["name"]] if ref["kind"] in PUBLIC_KINDS else _office_bodies(ref["name"], day)


def _lineage(body: str) -> set[str]:
    """A body and the bodies above it in the gazetteer (Space Systems Command, Space Force, ...)."""
    gaz = ontology.gazetteer()
    out, entry = {name_key(body)}, gaz.lookup(body)
    seen = 0
    while entry is not None and entry.parent and seen < 8:
        out.add(name_key(entry.parent))
        entry = gaz.lookup(entry.parent)
        seen += 1
    return out


def _foreign(body: str) -> bool:
    low = f"{body.lower()} "
    return any(w in low for w in FOREIGN_WORDS)


def _flags(contact: dict, side: list[dict], awards: list[dict], window: int) -> list[dict]:
    """The awards this contact came within ``window`` days before, and why it counts."""
    day = _day(contact)
    if day is None or not side:
        return []
    contacted = [b for ref in side for b in _bodies_of(ref, day)]
    out = []
    for award in awards:
        when = _day(award)
        if when is None or not (timedelta(0) <= when - day <= timedelta(days=window)):
            continue
        givers = [r["name"] for r in award["actors"]]
        same = any(_lineage(g) & _lineage(b) for g in givers for b in contacted)
        government = not same and any(not _foreign(b) for b in contacted) and any(not _foreign(g) for g in givers)
        if same or government:
            out.append({
                "award": award["id"], "award_date": _iso(when), "days_before": (when - day).days,
                "awarding": givers, "amount": award.get("amount"),
                "why": "the body that awarded it" if same else "the government that awarded it",
            })
    return out


# -- dates --------------------------------------------------------------------------------------


def _day(event: dict) -> date | None:
    """The day an event happened, as best known: the end of its interval, else the day it was reported."""
    value = event.get("end") or event.get("start") or (event.get("evidence") or [{}])[0].get("published")
    return date.fromisoformat(value) if value else None


def _day_key(event: dict) -> tuple:
    d = _day(event)
    return (d is None, d or date.min, event["id"])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
