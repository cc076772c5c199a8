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

from collections.abc import Iterable
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
# Awards only doubtful reports claim are no awards.
DOUBTFUL = {"speculative", "denied"}
# Contacts that are in the timeline when the circle makes them, with or without a government side.
OWN_TYPES = {"LOBBY", "DONATE"}
# Governments other than the United States federal government, by words of their bodies' names.
FOREIGN_WORDS = ("russia", "roscosmos", "kremlin", "china", "chinese", "european", "italian", "ukrain", "india",
                 "japan", "british", "uk ", "french", "german", "israel", "saudi", "poland", "polish", "brazil")
PUBLIC_KINDS = ("PublicBody",)


def influence(view, name: str, window: int = 180) -> dict:
    """The influence timeline of the entity called ``name`` (see the module docstring)."""
    # the known actors imported into this store (offices, parents) count as they do at ingest
    ontology.use_extra_entries(view.kb_entries())
    entity = view.find_entity(name)
    circle = _circle(view, entity)
    ids = {m["id"] for m in circle}
    events = {e["id"]: e for m in circle for e in view.events(entity=m["id"])}
    awards = awards_to(events.values(), ids)
    award_ids = {e["id"] for e in awards}
    lines = []
    for e in sorted(events.values(), key=_day_key):
        if e["id"] in award_ids:
            lines.append({"kind": "award", "date": _iso(_day(e)), "event": e, "flags": []})
            continue
        if e["type"] not in CONTACT_TYPES:
            continue
        contacted = _bodies_contacted(e, ids)
        if not contacted and not (e["type"] in OWN_TYPES and _ids(e["actors"]) & ids):
            continue
        # only a contact with a date of its own is flagged: a later article's passing mention
        # ("it protested that decision") is dated by its publication, not by when it happened
        dated = bool(e.get("start") or e.get("record"))
        flags = _flags(e, contacted, awards, window) if e["type"] in FLAGGED_TYPES and dated else []
        kind = {"LOBBY": "lobbying", "DONATE": "donation"}.get(e["type"], "contact")
        lines.append({"kind": kind, "date": _iso(_day(e)), "event": e, "flags": flags})
    return {
        "entity": entity,
        "circle": circle,
        "window_days": window,
        "timeline": lines,
        "awards": totals(awards),
        "lobbying": lobbying_totals(lobbying_by(events.values(), ids)),
    }


def awards_to(events: Iterable[dict], ids: set[str]) -> list[dict]:
    """The contract awards among ``events`` received by one of ``ids``: neither negated nor only
    planned or hypothetical, and claimed by at least one report that is not speculative or a denial."""
    return [e for e in events if e["type"] == "CONTRACT_AWARD" and _ids(e["recipients"]) & ids
            and not e["negated"] and e["modality"] == "actual" and not _doubtful(e)]


def lobbying_by(events: Iterable[dict], ids: set[str]) -> list[dict]:
    """The lobbying among ``events`` done by one of ``ids`` (as registrant or client), not lobbying of them."""
    return [e for e in events if e["type"] == "LOBBY" and _ids(e["actors"]) & ids]


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
    members, seen = [entity], {entity["id"]}
    for rel in view.relations(entity=entity["id"]):
        subject = rel["subject"]
        if (rel["type"] in CIRCLE_RELATIONS and rel["object"]["id"] == entity["id"]
                and subject["id"] and subject["id"] not in seen):
            seen.add(subject["id"])
            members.append({"id": subject["id"], "name": subject["name"], "kind": subject["kind"], "via": rel["type"]})
    return members


def _ids(refs: list[dict]) -> set[str]:
    return {r["id"] for r in refs if r.get("id")}


def _doubtful(event: dict) -> bool:
    """True when every report of the event is speculative or a denial."""
    statuses = {ev["sourcing"]["status"] for ev in event.get("evidence") or () if ev.get("sourcing")}
    return (statuses or {event["sourcing"]["status"]}) <= DOUBTFUL


def _bodies_contacted(event: dict, circle: set[str]) -> list[str]:
    """The public bodies the event involves besides the circle: a body itself, or the bodies of an
    office holder's offices on the event's day."""
    day = _day(event)
    out = []
    for ref in event["actors"] + event["recipients"] + event["others"]:
        if not ref.get("id") or ref["id"] in circle:
            continue
        if ref["kind"] in PUBLIC_KINDS:
            out.append(ref["name"])
        elif ref["kind"] == "Person":
            out.extend(_office_bodies(ref["name"], day))
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


def _lineage(body: str) -> set[str]:
    """The folded names of a body and the bodies above it in the gazetteer (Space Systems Command, Space Force, ...)."""
    return {name_key(n) for n in (body, *ontology.gazetteer().lineage(body))}


def _foreign(body: str) -> bool:
    low = f"{body.lower()} "
    return any(w in low for w in FOREIGN_WORDS)


def _flags(contact: dict, contacted: list[str], awards: list[dict], window: int) -> list[dict]:
    """The awards this contact with the bodies ``contacted`` came within ``window`` days before, and why it counts."""
    day = _day(contact)
    if day is None or not contacted:
        return []
    reach = [_lineage(b) for b in contacted]
    out = []
    for award in awards:
        when = _day(award)
        if when is None or not (timedelta(0) <= when - day <= timedelta(days=window)):
            continue
        givers = [r["name"] for r in award["actors"]]
        same = any(_lineage(g) & line for g in givers for line in reach)
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
