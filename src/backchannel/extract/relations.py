"""Standing relations from appositions, titles, copulas and a few verbs.

"Jeff Bezos, founder of ... Blue Origin"      -> founder_of(Jeff Bezos, Blue Origin)
"SpaceX founder Elon Musk"                     -> founder_of(Elon Musk, SpaceX)
"Dave Limp, the recently appointed CEO of ..." -> executive_of(Dave Limp, Blue Origin)
"a longtime rival of Bezos"                    -> rival_of(Elon Musk, Jeff Bezos)
"SpaceX ... remains a top contractor for NASA" -> contractor_of(SpaceX, NASA)
"Blue Origin, founded by Jeff Bezos"           -> founder_of(Jeff Bezos, Blue Origin)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from spacy.tokens import Span, Token

from .. import ontology
from ..model import EntityRef
from . import syntax
from .entities import DocEntities, entity_id

ORG_PREPS = ("of", "for", "at", "with", "to")
HONORIFICS = {"gen.", "gen", "adm.", "dr.", "sen.", "rep.", "col.", "lt.", "gov.", "mr.", "ms.", "mrs.", "general", "admiral"}
COMPANY_NOUNS = {"company", "firm", "startup", "venture", "business", "outfit", "maker"}
# Verbs that state a relation through a preposition: "the systems it sells to the Pentagon".
PREP_VERBS = {"sell": ("contractor_of", "to"), "supply": ("contractor_of", "to"), "work": ("employee_of", "for"),
              "build": ("contractor_of", "for")}
APPOINT_VERBS = {"appoint", "name", "nominate", "renominate", "hire", "select", "confirm", "tap", "pick", "choose", "elect"}
EXTRA_TITLES = {"partner": "contractor_of"}
# Titles whose relation runs the other way: "ULA, a joint venture of Boeing and Lockheed" -> Boeing owns ULA.
REVERSED_TITLES = {"venture": "owner_of", "joint venture": "owner_of"}


@dataclass
class RawRelation:
    """A relation under construction: type, the two ends and the token that states it."""

    type: str
    subject: EntityRef
    object: EntityRef
    cue: Token
    time_anchor: Token | None = None


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    titles = dict(ontology.relations()["titles"])
    titles.update(EXTRA_TITLES)
    return titles


def title_type(token: Token) -> str | None:
    """The relation type a title noun states ('top contractor' -> contractor_of), or None."""
    titles = _titles()
    words = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and not c.ent_type_] + [token.lower_]
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if phrase in titles:
            return titles[phrase]
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ == "chief" and nxt is not None and nxt.lower_ in ("executive", "operating", "financial"):
        return "executive_of"
    return None


class RelationFinder:
    """Find the standing relations of one document."""

    def __init__(self, table: DocEntities, excluded: set[int], published: date | None = None):
        self.table = table
        self.published = published
        self.doc = table.doc
        self.excluded = excluded
        self.verbs = ontology.relations()["verbs"]
        self.symmetric = {k for k, v in ontology.relations()["types"].items() if v.get("symmetric")}

    def ref_of(self, token: Token) -> EntityRef | None:
        if token.i in self.excluded:
            return None
        token = syntax.relative_antecedent(token)
        ent = self.table.entity_at(token)
        if ent is None and token.dep_ == "appos":  # "Paul Nakasone, a retired general who led the NSA"
            ent = self.table.entity_at(token.head)
        if ent is None:  # "created the company Anduril"
            named = [c for c in token.children if c.dep_ == "appos" and self.table.entity_at(c) is not None]
            ent = self.table.entity_at(named[0]) if named else None
        return self.table.ref(ent) if ent else None

    def org_of_title(self, title: Token) -> list[EntityRef]:
        """The organisations a title belongs to: 'of Blue Origin', "Blue Origin's", 'for NASA'."""
        out = []
        for prep in ORG_PREPS:  # "head of the Personnel Office at the White House": the office
            for obj in syntax.prep_objects(title, (prep,)):
                ref = self.ref_of(obj) or next(iter(self._inside(obj)), None)
                if ref:
                    out.append(ref)
            if out:
                break
        for c in title.children:
            if c.dep_ in ("poss", "compound") and c.i < title.i:  # "Blue Origin's CEO", "a NASA contractor"
                ref = self.ref_of(c)
                if ref:
                    out.append(ref)
        return out

    def _inside(self, tok: Token) -> list[EntityRef]:
        refs = []
        for c in tok.subtree:
            ref = self.ref_of(c)
            if ref and ref not in refs:
                refs.append(ref)
        return refs[:1]

    def find(self) -> list[RawRelation]:
        found: list[RawRelation] = []
        for token in self.doc:
            found.extend(self._appositive(token))
            found.extend(self._copular(token))
            found.extend(self._appointed_as(token))
            found.extend(self._board(token))
            found.extend(self._verbal(token))
        for ent in self.doc.ents:
            found.extend(self._prenominal(ent))
        out, seen = [], set()
        for rel in found:
            if rel.subject.id == rel.object.id or rel.subject.kind == "Place" or rel.object.kind == "Place":
                continue
            if rel.type != "rival_of" and rel.object.kind == "Person":
                continue  # people are not employers here ("rival of Bezos" is the exception)
            key = (rel.type, rel.subject.id, rel.object.id)
            if rel.type in self.symmetric:
                key = (rel.type, *sorted((rel.subject.id or "", rel.object.id or "")))
            if key not in seen:
                seen.add(key)
                out.append(rel)
        return out

    def _appositive(self, token: Token) -> list[RawRelation]:
        # "Jeff Bezos, founder of Blue Origin" and "the CEO of Blue Origin, Dave Limp"
        if token.dep_ != "appos":
            return []
        pairs = [(token.head, token), (token, token.head)]
        # "The chief executive of United Launch Alliance, Tory Bruno": the parser hangs the name on the
        # organisation; the title is the organisation's governor.
        org = token.head
        if org.dep_ == "pobj" and org.head.lower_ in ORG_PREPS and org.head.head.pos_ == "NOUN":
            pairs.append((token, org.head.head))
        out = []
        if token.lemma_.lower() in COMPANY_NOUNS:
            # "xAI, Elon Musk's artificial intelligence company" -> owner_of(Elon Musk, xAI)
            company = self.ref_of(token.head)
            for c in token.children:
                owner = self.ref_of(c) if c.dep_ == "poss" else None
                if company and owner and owner.kind == "Person":
                    out.append(RawRelation("owner_of", owner, company, token))
        for person_tok, title_tok in pairs:
            subject = self.ref_of(person_tok)
            if subject and not self.table.entity_at(title_tok):
                words = [c.lower_ for c in title_tok.lefts if c.dep_ in ("compound", "amod")] + [title_tok.lower_]
                reverse = REVERSED_TITLES.get(" ".join(words[-2:])) or REVERSED_TITLES.get(words[-1])
                if reverse:
                    out.extend(RawRelation(reverse, org, subject, title_tok) for org in self.org_of_title(title_tok))
                    continue
            rtype = title_type(title_tok)
            if subject and rtype and not self.table.entity_at(title_tok):
                orgs = self.org_of_title(title_tok)
                out.extend(RawRelation(rtype, subject, org, title_tok) for org in orgs)
                # "its founder and chief executive, Alexandr Wang": each title, the first one's organisation
                for conj in title_tok.conjuncts:
                    ctype = title_type(conj)
                    if ctype:
                        out.extend(RawRelation(ctype, subject, org, conj) for org in (self.org_of_title(conj) or orgs))
        return out

    def _appointed_as(self, token: Token) -> list[RawRelation]:
        # "appointed Douglas Matty as head of its AI office", "named Kelly Ortberg as its new chief executive"
        if token.lower_ != "as" or token.dep_ != "prep" or token.head.lemma_ not in APPOINT_VERBS | {"serve", "work"}:
            return []
        titles = [p for p in token.children if p.dep_ == "pobj" and title_type(p)]
        # "named X as head of Y" -> X; "X served as director of Y" -> X
        holders = syntax.objects(token.head) if token.head.lemma_ in APPOINT_VERBS else syntax.subjects(token.head)
        people = [self.ref_of(o) for o in holders]
        out = []
        for title in titles:
            for person in filter(None, people):
                if person.kind == "Person":
                    out.extend(RawRelation(title_type(title), person, org, title) for org in self.org_of_title(title))
        return out

    def _board(self, token: Token) -> list[RawRelation]:
        # "appointed Paul Nakasone to its board of directors" -> member_of(Nakasone, OpenAI)
        if token.lower_ != "to":
            return []
        # the parser may hang "to its board" on a clause inside the object: climb to the appointing verb
        verb = next((a for a in [token.head, *token.head.ancestors][:4] if a.lemma_ in APPOINT_VERBS), None)
        if verb is None:
            return []
        boards = [p for p in token.children if p.dep_ == "pobj" and p.lemma_ in ("board", "committee", "council")]
        people = [r for r in (self.ref_of(o) for o in syntax.objects(verb)) if r and r.kind == "Person"]
        out = []
        for board in boards:
            owners = [c for c in board.children if c.dep_ == "poss"] + syntax.prep_objects(board, ("of",))
            for org in filter(None, (self.ref_of(o) for o in owners)):
                out.extend(RawRelation("member_of", person, org, board) for person in people)
        return out

    def _copular(self, token: Token) -> list[RawRelation]:
        # "SpaceX remains a top contractor for NASA", "Limp is the chief executive of Blue Origin"
        if token.dep_ != "attr" or token.head.lemma_ not in ("be", "remain", "become"):
            return []
        rtype = title_type(token)
        if not rtype:
            return []
        out = []
        for subj_tok in syntax.subjects(token.head):
            subject = self.ref_of(subj_tok)
            if subject:
                out.extend(RawRelation(rtype, subject, org, token) for org in self.org_of_title(token))
        return out

    def _verbal(self, token: Token) -> list[RawRelation]:
        # "Bezos founded Blue Origin in 2000"; "Blue Origin, founded by Jeff Bezos"
        if token.pos_ == "VERB" and token.lemma_.lower() in PREP_VERBS and token.dep_ not in ("xcomp",):
            rtype, prep = PREP_VERBS[token.lemma_.lower()]
            return [
                RawRelation(rtype, s, o, token, time_anchor=token)
                for s in filter(None, (self.ref_of(t) for t in syntax.subjects(token)))
                for o in filter(None, (self.ref_of(t) for t in syntax.prep_objects_of([token, *syntax.objects(token)], (prep,))))
            ]
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.verbs:
            return []
        if token.dep_ in ("xcomp", "advcl") or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "to") for c in token.children):
            return []  # "nominated Isaacman to lead NASA" does not make him its head
        rtype = self.verbs[token.lemma_.lower()]
        if syntax.is_passive(token) or (token.dep_ == "acl" and token.tag_ == "VBN"):
            subjects, objects = syntax.agents(token), syntax.passive_subjects(token)
        else:
            subjects, objects = syntax.subjects(token), syntax.objects(token)
            if not objects and token.dep_ == "relcl":
                # "America PAC, the committee he founded": the clause's object is the noun it hangs on
                head = token.head
                objects = [head.head if head.dep_ == "appos" else head]
                subjects = [t for t in token.children if t.dep_ == "nsubj"]
        out = []
        for s in subjects:
            for o in objects:
                # "running Amazon's devices business" -> Amazon
                poss = [c for c in o.children if c.dep_ == "poss"]
                subject, obj = self.ref_of(s), self.ref_of(o) or (self.ref_of(poss[0]) if poss else None)
                if token.lemma_.lower() in ("create", "start", "establish") and (obj is None or obj.kind not in ("Company", "Organization")):
                    continue  # "started the meeting" founds nothing
                if subject and obj:
                    out.append(RawRelation(rtype, subject, obj, token, time_anchor=token))
        return out

    def _prenominal(self, ent: Span) -> list[RawRelation]:
        # "SpaceX founder Elon Musk", "Blue Origin's CEO Dave Limp", "Space Force chief Gen. Chance
        # Saltzman", "Defense Secretary Pete Hegseth" (the body from the office the gazetteer knows)
        if ent.label_ != "PERSON":
            return []
        subject = self.ref_of(ent.root)
        i = ent.start - 1
        title_words = []
        while i >= 0 and len(title_words) < 6:
            tok = self.doc[i]
            if tok.ent_type_ or (tok.pos_ not in ("NOUN", "PROPN", "ADJ") and tok.lower_ != "and"):
                break
            title_words.insert(0, tok)
            i -= 1
        while title_words and title_words[0].lower_ == "and":
            title_words = title_words[1:]
            i += 1
        title_words = [t for t in title_words if t.lower_ not in HONORIFICS]
        if not title_words or subject is None:
            return []
        if i >= 0 and self.doc[i].tag_ == "POS":
            i -= 1
        org = self.ref_of(self.doc[i]) if i >= 0 else None
        titles = _titles()
        out = []
        # "founder and chief executive Peter Beck": each title of the list
        groups, current = [], []
        for t in title_words:
            if t.lower_ == "and":
                groups.append(current)
                current = []
            else:
                current.append(t)
        groups.append(current)
        for words in filter(None, groups):
            for k in range(len(words)):
                phrase = " ".join(t.lower_ for t in words[k:])
                if phrase in titles:
                    office = self._office_body(subject, " ".join(t.lower_ for t in words))
                    body = org
                    if office is not None and (org is None or ontology.gazetteer().lookup(org.name) is None):
                        body = office  # "Defense Secretary": the department, not an organisation called "Defense"
                    if body:
                        out.append(RawRelation(titles[phrase], subject, body, words[-1]))
                    break
        return out

    def _office_body(self, person: EntityRef, title: str) -> EntityRef | None:
        """The body of an office the gazetteer says the person held on the publication date."""
        entry = ontology.gazetteer().lookup(person.name)
        if entry is None or self.published is None:
            return None
        words = set(title.split())
        for role in entry.roles:
            if role.holds_on(self.published) and words & set(role.title.split()):
                body = ontology.gazetteer().lookup(role.of)
                name = body.name if body else role.of
                if body is not None and body.kind == "Place":
                    return None
                return EntityRef(name=name, kind=body.kind if body else None, id=entity_id(name))
        return None


def find_relations(table: DocEntities, excluded: set[int], published: date | None = None) -> list[RawRelation]:
    """All standing relations stated in the document."""
    return RelationFinder(table, excluded, published).find()
