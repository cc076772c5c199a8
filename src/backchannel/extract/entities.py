"""Entities of one document: canonical names, kinds, and which tokens name them.

Short names resolve to the full name the document gives ("Bezos" -> "Jeff Bezos"), then to the
gazetteer's canonical name; acronyms resolve to the organisation whose initials they are.
Descriptions and pronouns are resolved in ``coref``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import ontology
from ..ids import make_id, name_key
from ..model import Entity, EntityMention, EntityRef

LABELS = {"PERSON", "ORG", "GPE", "PRODUCT", "NORP", "FAC", "LAW"}
TITLE_PREFIX = re.compile(
    r"^(?:(?:u\.s\.|us|former|then|acting|interim|president|vice president|senator|sen\.|rep\.|secretary|"
    r"administrator|dr\.|mr\.|mrs\.|ms\.|gen\.|general|ceo|chief executive|founder)\s+)+",
    re.I,
)
PUBLIC_WORDS = re.compile(
    r"\b(department|agency|administration|office|commission|command|force|bureau|congress|senate|house|"
    r"committee|ministry|pentagon|court|council|government|army|navy|air force|marines|guard|authority)\b",
    re.I,
)
COMPANY_WORDS = re.compile(
    r"\b(inc|corp|corporation|co|llc|ltd|plc|technologies|industries|aerospace|systems|holdings|group|"
    r"labs|robotics|space|dynamics|airlines|motors|company)\b\.?$",
    re.I,
)
# A legal form at the end makes a firm whatever its other words: "Flagship Government Relations, Inc."
LEGAL_FORM = re.compile(r"\b(inc|incorporated|corp|corporation|llc|l\.l\.c|ltd|plc|llp|lp|pllc)\b\.?$", re.I)
MEDIA_WORDS = re.compile(r"\b(times|journal|post|news|tribune|herald|gazette|reuters|press|magazine|daily)\b", re.I)
PROGRAMME_WORDS = re.compile(r"\b(program|programme|project|mission|initiative|system)\b$", re.I)


def clean_name(text: str) -> str:
    """An entity name without a leading 'the', titles, possessive or stray punctuation."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip(" ,;:'\"()")
    if text.endswith(".") and not re.search(r"\b\w\.\w\.$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$", text):
        text = text[:-1]
    text = re.sub(r"'s$", "", text).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return text


def guess_kind(label: str, name: str) -> str:
    """The kind of an entity the gazetteer does not know, from its spaCy label and its words."""
    if label == "PERSON":
        return "Person"
    if label in ("GPE", "LOC"):
        return "Place"
    if label in ("PRODUCT", "LAW"):
        return "Programme"  # programmes and bills ("SB 1047") are what acts are about
    if LEGAL_FORM.search(re.sub(r"\s*\([^)]*\)\s*$", "", name.strip())):  # "Ernst & Young LLP (Washington Council)"
        return "Company"
    if PUBLIC_WORDS.search(name):
        return "PublicBody"
    if MEDIA_WORDS.search(name):
        return "MediaOutlet"
    if COMPANY_WORDS.search(name):
        return "Company"
    if PROGRAMME_WORDS.search(name):
        return "Programme"
    return "Organization"


def entity_id(name: str) -> str:
    """The id of an entity: a hash of its folded canonical name, the same in every article."""
    return make_id("ent", name_key(name))


@dataclass
class DocEntities:
    """The entity table of one document, filled by ``find_entities`` and ``coref.resolve``."""

    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    token_entity: dict[int, str] = field(default_factory=dict)  # token index -> entity id
    token_group: dict[int, tuple[str, ...]] = field(default_factory=dict)  # "the two companies" -> ids
    mentions: list[EntityMention] = field(default_factory=list)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)  # entity id -> title words the text gives it

    def add(self, name: str, kind: str, span: Span, how: str) -> str:
        """Record a mention of the entity with this canonical name; return its id."""
        eid = entity_id(name)
        if eid not in self.entities:
            self.entities[eid] = Entity(eid, name, kind)
        elif self.entities[eid].kind == "Organization" and kind not in ("Organization", "Place"):
            self.entities[eid] = Entity(eid, name, kind)
        for tok in span:
            self.token_entity.setdefault(tok.i, eid)
        self.mentions.append(EntityMention(eid, span.text, span.start_char, span.end_char, how))
        if how == "name":
            self.aliases.setdefault(eid, set()).add(clean_name(span.text))
        return eid

    def entity_at(self, token: Token) -> Entity | None:
        """The entity a token belongs to (by name, description or pronoun)."""
        eid = self.token_entity.get(token.i)
        return self.entities.get(eid) if eid else None

    def ref(self, entity: Entity) -> EntityRef:
        return EntityRef(name=entity.name, kind=entity.kind, id=entity.id)

    def finished(self) -> tuple[Entity, ...]:
        """The entities with their aliases and mentions, in order of first mention."""
        by_id: dict[str, list[EntityMention]] = {}
        for m in self.mentions:
            by_id.setdefault(m.entity_id, []).append(m)
        out = []
        for eid, mentions in by_id.items():
            e = self.entities[eid]
            aliases = tuple(sorted(self.aliases.get(eid, set()) | {e.name}))
            out.append(Entity(eid, e.name, e.kind, aliases, tuple(mentions)))
        return tuple(out)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha() and w.lower() not in ("of", "and", "the", "for")]
    return "".join(w[0].upper() for w in words)


def find_entities(doc: Doc) -> DocEntities:
    """Build the document's entity table from doc.ents (as set by the pipeline)."""
    gaz = ontology.gazetteer()
    table = DocEntities(doc)
    ents = [e for e in doc.ents if e.label_ in LABELS]
    full_persons: dict[str, str] = {}  # surname / first name -> canonical full name
    orgs: list[str] = []
    for ent in ents:
        name = TITLE_PREFIX.sub("", clean_name(ent.text))
        if ent.label_ == "PERSON" and len(name.split()) >= 2:
            entry = gaz.lookup(name)
            canonical = ent.ent_id_ or (entry.name if entry else name)
            full_persons.setdefault(name.split()[-1], canonical)
            full_persons.setdefault(name.split()[0], canonical)
        elif ent.label_ == "ORG" and len(name.split()) >= 2:
            orgs.append(ent.ent_id_ or name)
    for ent in ents:
        raw = clean_name(ent.text)
        name = TITLE_PREFIX.sub("", raw) or raw
        if not name or not any(c.isalpha() for c in name):
            continue
        entry = gaz.lookup(ent.ent_id_) if ent.ent_id_ else None
        if ent.label_ == "PERSON" and not entry:
            if len(name.split()) == 1 and name in full_persons:
                entry = gaz.lookup(full_persons[name])
                canonical = full_persons[name]
            else:
                entry = gaz.lookup(name)
                canonical = entry.name if entry and entry.kind == "Person" else name
        elif not entry:
            entry = gaz.lookup(name)
            if entry and ent.label_ == "PERSON" and entry.kind != "Person":
                entry = None
            canonical = entry.name if entry else name
            if not entry and ent.label_ == "ORG":
                canonical = _expand_acronym(name, orgs) or canonical
        else:
            canonical = entry.name
        if entry and entry.kind == "Person" and ent.label_ != "PERSON":
            kind = "Person"
        else:
            kind = entry.kind if entry else guess_kind(ent.label_, canonical)
        if ent.label_ in ("NORP",) and not entry:
            continue  # "Republican", "American": groups of people, not actors we can name
        if kind == "Place" and not entry and len(name) <= 2:
            continue  # "AI" as a GPE is the small model's confusion
        if entry and entry.kind == "PublicBody" and len(ent) == 1 and _named_before(ent):
            continue  # "Blair House", "the Royal Navy": another house or navy than the gazetteer's
        if not entry and ent.label_ == "ORG" and ent.end < len(doc) and doc[ent.end].lower_ in DEPARTMENT_TITLES:
            # "Transportation Secretary Sean Duffy": the department of the title, when the gazetteer has it
            entry = gaz.lookup(f"Department of {name}")
            if entry is None:
                continue
            canonical, kind = entry.name, entry.kind
        span = ent
        if ent[0].lower_ == "the":
            span = ent[1:]
        eid = table.add(canonical, kind, span, "name")
        _note_titles(table, eid, ent)
    _national_governments(doc, table)
    return table


def _national_governments(doc: Doc, table: DocEntities) -> None:
    """'the Italian government', 'the Ukrainian government': a national body the text names by its
    nationality, as the entity 'Italian government' (the gazetteer's name when it knows one)."""
    gaz = ontology.gazetteer()
    for tok in doc:
        if tok.lower_ != "government" or tok.i in table.token_entity:
            continue
        nat = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and c.i == tok.i - 1]
        if not nat or any(c.dep_ == "poss" for c in tok.children):
            continue
        name = f"{nat[0].text} government"
        entry = gaz.lookup(name)
        table.add(entry.name if entry else name, entry.kind if entry else "PublicBody", doc[nat[0].i : tok.i + 1], "name")


DEPARTMENT_TITLES = {"secretary", "minister", "undersecretary"}


def nationality_country(mod: Token) -> str | None:
    """The country a nationality word names, with the words before it ("South Korean": South Korea;
    "Chinese": China), or None."""
    table = ontology.nationalities()
    return table.get(mod.doc[mod.left_edge.i : mod.i + 1].text) or table.get(mod.text)


def _named_before(ent: Span) -> bool:
    """A one-word body name right after a capitalised word of another name ("Blair House", "Royal Navy",
    "Indian Army"), not a title or the start of the sentence."""
    if ent.start == 0:
        return False
    prev = ent.doc[ent.start - 1]
    return (prev.text[:1].isupper() and not prev.is_sent_start and prev.ent_type_ not in ("ORG", "PERSON")
            and prev.lower_ not in ("u.s.", "us", "the", "white", "american", "united", "federal"))


def _expand_acronym(name: str, orgs: list[str]) -> str | None:
    if name.isupper() and 2 <= len(name) <= 6:
        for org in orgs:
            if _initials(org) == name:
                return org
    return None


def _note_titles(table: DocEntities, eid: str, ent: Span) -> None:
    """Remember titles the text gives a person: 'U.S. President Donald Trump', 'Dave Limp, the CEO'."""
    words = []
    i = ent.start - 1
    while i >= 0 and ent.doc[i].pos_ in ("PROPN", "NOUN") and ent.doc[i].ent_type_ in ("", "GPE") and len(words) < 3:
        words.append(ent.doc[i].lower_)
        i -= 1
    for tok in ent.root.children:
        if tok.dep_ == "appos":
            words.append(tok.lower_)
    if ent.root.dep_ == "appos":
        words.append(ent.root.head.lower_)
    if words:
        table.titles.setdefault(eid, set()).update(words)
