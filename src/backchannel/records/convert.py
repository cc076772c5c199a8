"""Records into the graph: each public record becomes a small document with events of status ``record``.

A record is stored like an article, so that every fact keeps its provenance: the document's text is
one sentence that states the record ("NASA awarded SPACE EXPLORATION TECHNOLOGIES CORP $2.9 billion
on 2021-04-16 (award ..., definitive contract): ..."), its outlet is the source (USAspending, FPDS,
Senate LDA), its date the record's, its link the record's page. A contract award becomes a
CONTRACT_AWARD (awarding body -> recipient, with amount and record id); a lobbying filing a LOBBY
(registrant and client -> each body lobbied, with amount, issues and period); a recipient's parent
company a subsidiary_of relation. A modification of an award and a report of no lobbying activity
are stored as documents but state no event. Names resolve to the same entities as the news: the gazetteer's
names, aliases and legal names, with the rules of ``resolve.match`` (SPACE EXPLORATION TECHNOLOGIES
CORP is SpaceX); a name that matches nothing keeps its own spelling and becomes a new entity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import __version__, ontology
from ..extract.entities import entity_id, guess_kind
from ..ids import make_id
from ..model import Article, Entity, EntityMention, EntityRef, Event, Evidence, Extraction, Relation, Sourcing, TimeSpan
from ..resolve.match import NameIndex, gazetteer_index
from .model import AWARD, TRANSACTION_LEVEL, Record

EXTRACTOR = f"backchannel-records/{__version__}"
# LDA's spellings of bodies: "Defense, Dept of (DOD)", "Natl Aeronautics & Space Administration (NASA)".
_DEPT_OF = re.compile(r"^(?P<what>.+?),\s*Dept\.? of\b", re.IGNORECASE)
_PAREN = re.compile(r"\(([^)]*)\)?\s*$")


@lru_cache(maxsize=4)
def _index(_version: str) -> tuple[NameIndex, dict]:
    return gazetteer_index(), {entity_id(e.name): e for e in ontology.gazetteer().entries}


def index() -> tuple[NameIndex, dict]:
    """The gazetteer's names as a NameIndex and its entries by entity id, rebuilt when imported known
    actors change."""
    return _index(ontology.extra_version())


def _plain(name: str) -> str:
    """A name with its white space collapsed and the "&amp;" some LDA files leave unescaped made "&"."""
    return " ".join(name.replace("&amp;", "&").split())


def body_spellings(name: str) -> list[str]:
    """The ways an LDA or agency spelling of a public body may be written in the gazetteer."""
    name = _plain(name)
    out = [name]
    paren = _PAREN.search(name)
    bare = _PAREN.sub("", name).strip() if paren else name
    if paren and paren.group(1).strip().lower() not in ("other", ""):
        out.append(paren.group(1).strip())
    dept = _DEPT_OF.match(bare)
    if dept:
        what = dept["what"].strip()
        out += [f"Department of {what}", f"Department of the {what}", f"{what} Department"]
    out.append(re.sub(r"\bNatl\b", "National", bare))
    out.append(bare)
    return list(dict.fromkeys(s for s in out if s))


def resolve(name: str, kind: str, firm: bool = False) -> EntityRef:
    """The entity a record's name denotes: the gazetteer's, or a new one under the name as written.
    ``firm``: the name is a business whatever its words say (a lobbying registrant such as "Fidelis
    Government Relations" is no public body)."""
    # Records repeat the same few names (SENATE in every filing, one agency per file), and matching
    # is the costly part of an import: remember each answer while the gazetteer stays the same.
    return _resolve(name, kind, firm, ontology.extra_version())


@lru_cache(maxsize=16384)
def _resolve(name: str, kind: str, firm: bool, _version: str) -> EntityRef:
    gaz = ontology.gazetteer()
    names, by_id = index()
    spellings = body_spellings(name) if kind == "PublicBody" else [name]
    for spelling in spellings:
        entry = gaz.lookup(spelling)
        if entry is None:
            found = names.match(spelling, kind)
            entry = by_id.get(found.entity_id) if found else None
        if entry is not None:
            return EntityRef(entry.name, entry.kind, entity_id(entry.name), text=name)
    clean = tidy_body(name) if kind == "PublicBody" else _plain(name)
    guessed = kind if kind == "PublicBody" else guess_kind("ORG", clean)
    if firm and guessed == "PublicBody":
        guessed = "Company"
    return EntityRef(clean, guessed, entity_id(clean), text=name)


def tidy_body(name: str) -> str:
    """A body the gazetteer does not know, named as prose would: "Labor, Dept of (DOL)" is
    "Department of Labor", "Natl Guard" "National Guard"."""
    bare = _PAREN.sub("", _plain(name)).strip()
    dept = _DEPT_OF.match(bare)
    if dept:
        bare = f"Department of {dept['what'].strip()}"
    return re.sub(r"\bNatl\b", "National", bare)


class _Doc:
    """The text of a record's document, built piece by piece, with where each name sits in it."""

    def __init__(self):
        self.text = ""
        self.mentions: list[tuple[EntityRef, int, int]] = []

    def add(self, piece: str) -> None:
        self.text += piece

    def name(self, ref: EntityRef) -> None:
        start = len(self.text)
        self.text += ref.text or ref.name
        self.mentions.append((ref, start, len(self.text)))


def _money(amount: float | None) -> str:
    return f"${amount:,.2f}".replace(".00", "") if amount is not None else "an unreported amount"


def to_extraction(record: Record) -> Extraction:
    """The document, entities, event and relations one record states."""
    doc = _Doc()
    if record.kind == AWARD:
        events, relations, time_value, interval = _award(record, doc)
    else:
        events, relations, time_value, interval = _lobbying(record, doc)
    article_id = make_id("rec", record.source, record.record_id)
    article = Article(article_id, doc.text, title=f"{record.source} {record.record_id}", published=record.date,
                      outlet=record.source, url=record.url, path=record.location)
    evidence = Evidence(article_id, doc.text, 0, len(doc.text), 0, len(doc.text), EXTRACTOR)
    time = TimeSpan(record.period or (record.date.isoformat() if record.date else ""), 0, 0, time_value,
                    *interval, "quarter" if record.period_start else "day") if interval[0] else None
    sourcing = Sourcing("record", record.source, None)
    built = []
    if not _is_act(record):
        events = []  # the document is kept for provenance; it states no new award or lobbying
    for type_, actors, recipients, others in events:
        eid = make_id("evt", article_id, type_, record.record_id)
        built.append(Event(eid, type_, None, "record", tuple(actors), tuple(recipients), tuple(others), time, None,
                           False, "actual", sourcing, evidence, amount=record.amount, record=record.record_id,
                           issues=tuple(record.issues) if type_ == "LOBBY" else (),
                           description=record.description))
    rels = [Relation(make_id("rel", article_id, t, s.id, o.id), t, s, o, None, None, sourcing, evidence)
            for t, s, o in relations]
    entities = {}
    for ref, start, end in doc.mentions:
        e = entities.setdefault(ref.id, {"ref": ref, "aliases": set(), "mentions": []})
        e["aliases"].add(ref.text or ref.name)
        e["mentions"].append(EntityMention(ref.id, doc.text[start:end], start, end, "name"))
    ents = tuple(Entity(i, e["ref"].name, e["ref"].kind, tuple(sorted(e["aliases"] | {e["ref"].name})), tuple(e["mentions"]))
                 for i, e in entities.items())
    return Extraction(article=article, entities=ents, events=tuple(built), relations=tuple(rels), times=())


def _is_act(record: Record) -> bool:
    """A modification of an award (more or less money on a contract already awarded) is no new award;
    a lobbying report of no activity (no body lobbied, no amount) is no lobbying."""
    if record.kind == AWARD:
        return record.level != TRANSACTION_LEVEL or record.modification in (None, "", "0")
    return bool(record.bodies_lobbied) or bool(record.amount)


def _award(record: Record, doc: _Doc):
    giver = _awarding(record)
    recipient = resolve(record.recipient, "Company")
    doc.name(giver)
    doc.add(" awarded ")
    doc.name(recipient)
    doc.add(f" {_money(record.amount)}")
    if record.date:
        doc.add(f" on {record.date.isoformat()}")
    details = [x for x in (f"award {record.award_id or record.piid or record.record_id}",
                           f"modification {record.modification}" if record.modification not in (None, "", "0") else None,
                           (record.record_type or "").lower() or None) if x]
    doc.add(f" ({', '.join(details)})")
    relations = []
    if record.recipient_parent:
        parent = resolve(record.recipient_parent, "Company")
        if parent.id != recipient.id:
            doc.add("; the recipient's parent is ")
            doc.name(parent)
            relations.append(("subsidiary_of", recipient, parent))
    if record.description:
        doc.add(f": {record.description}")
    doc.add(".")
    interval = (record.date, record.date)
    return [("CONTRACT_AWARD", [giver], [recipient], [])], relations, record.date.isoformat() if record.date else None, interval


def _awarding(record: Record) -> EntityRef:
    """The sub-agency when the gazetteer knows it (Space Systems Command), else the agency."""
    sub = resolve(record.awarding_sub_body, "PublicBody") if record.awarding_sub_body else None
    if sub is not None and ontology.gazetteer().lookup(sub.name) is not None:
        return sub
    if record.awarding_body:
        return resolve(record.awarding_body, "PublicBody")
    return sub or EntityRef("unknown awarding body", "PublicBody", entity_id("unknown awarding body"))


def _lobbying(record: Record, doc: _Doc):
    registrant = resolve(record.registrant, "Company", firm=True)
    client = resolve(record.client, "Company") if record.client else registrant
    doc.name(registrant)
    if client.id != registrant.id:
        doc.add(" on behalf of ")
        doc.name(client)
    doc.add(" lobbied ")
    bodies = []
    for n, name in enumerate(record.bodies_lobbied):
        if n:
            doc.add(", " if n < len(record.bodies_lobbied) - 1 else " and ")
        ref = resolve(name, "PublicBody")
        doc.name(ref)
        if ref.id not in {b.id for b in bodies}:
            bodies.append(ref)
    if not record.bodies_lobbied:
        doc.add("no body named")
    if record.issues:
        doc.add(f" on {', '.join(i.lower() for i in record.issues)}")
    if record.period:
        doc.add(f" in {record.period}")
    doc.add(f", reporting {_money(record.amount)} ({(record.record_type or 'filing').lower()} {record.record_id})")
    if record.description:
        doc.add(f": {record.description}")
    doc.add(".")
    actors = [registrant] + ([client] if client.id != registrant.id else [])
    start = record.period_start or record.date
    end = record.period_end or record.date
    # TIMEX3 for an LDA period ("2016 Q3" is 2016-Q3, "2007 H1" 2007-H1), else the day.
    value = record.period.replace(" ", "-") if record.period else (start.isoformat() if start else None)
    return [("LOBBY", actors, bodies, [])], [], value, (start, end)
