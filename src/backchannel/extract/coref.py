"""Within-document coreference for descriptions ("the company", "the tech mogul", "the former
president", "Trump's chief of staff") and pronouns (he, his, its).

A reference resolves only when one antecedent is clearly preferred; otherwise it stays unresolved.
Preference: an entity of a compatible kind that is the subject of an earlier clause of the same
sentence, then the subject of the previous sentence, then the most recent compatible mention within
three sentences. Role descriptions look first for a person the document itself gives that title,
then at who held the office on the publication date (gazetteer).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from spacy.tokens import Token

from .. import ontology
from ..ids import name_key
from ..model import Entity, EntityMention
from .entities import DocEntities, entity_id, nationality_country
from .syntax import sentence_index, sentence_start, subjects
from .syntax import with_conjuncts as syntax_conjuncts

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"it", "its", "itself"}
OFFICE_TITLES = {"president", "vice president", "administrator", "secretary", "chief of staff", "senator",
                 "governor", "lawmaker", "official", "minister", "representative"}
ADVERSARIAL = {"deny", "reject", "dismiss", "refuse", "criticize", "criticise", "sue", "protest", "challenge", "fault",
               "accuse", "block", "overturn", "sustain", "uphold", "spurn", "rebuff", "overrule"}
# Singular nouns for a group named together: "the team" after "Sikorsky and its partner Boeing".
COLLECTIVE_NOUNS = {"team", "pair", "duo", "sides", "partners", "consortium"}
# Titles that make a person the head of an organisation ("his company" is the one he leads).
LEADER_TITLES = {"chief executive", "founder", "co-founder", "cofounder", "president", "chairman", "chair",
                 "owner", "executive chairman", "co-chief executive", "chief executive officer", "ceo"}
# Acts only a government body does: the owner of "its award" or "its selection" is a public body.
GOVERNMENT_ACTS = {"award", "selection", "solicitation", "procurement"}
BUSINESS_WORDS = {"mogul", "billionaire", "tycoon", "entrepreneur", "businessman", "businesswoman", "magnate",
                  "investor", "founder", "cofounder", "co-founder", "executive", "ceo"}
ROLE_WORDS = {"president", "administrator", "secretary", "ceo", "chief", "chairman", "director", "head",
              "governor", "senator", "founder"}


def _title_of(token: Token) -> str:
    """The title a description names: 'chief of staff', 'vice president', 'ceo'."""
    title = token.lower_
    if title == "chief":
        nxt = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        if nxt and any(p.lower_ == "staff" for p in nxt[0].children):
            return "chief of staff"
        if any(c.lower_ == "executive" for c in token.children) or token.nbor(1).lower_ == "executive":
            return "chief executive"
    if any(c.lower_ == "vice" for c in token.children if c.dep_ in ("amod", "compound")):
        return "vice president"
    return {"ceo": "chief executive"}.get(title, title)


class Resolver:
    """Resolve descriptions and pronouns of one document into its entity table."""

    def __init__(self, table: DocEntities, published: date | None):
        self.table = table
        self.doc = table.doc
        self.published = published
        self.gaz = ontology.gazetteer()
        self.descriptors = ontology.descriptors()

    # -- candidates -------------------------------------------------------------------------
    def _mentions_before(self, token: Token, sentences: int = 3) -> list[tuple[Token, Entity]]:
        """(token, entity) for entity-name heads before the token, nearest first, within N sentences."""
        lo = sentence_start(self.doc, sentence_index(token) - sentences + 1)
        out = []
        seen_heads = set()
        for i in range(token.i - 1, lo - 1, -1):
            ent = self.table.entity_at(self.doc[i])
            if ent is None:
                continue
            tok = self.doc[i]
            head = tok
            while head.head.i in self.table.token_entity and self.table.token_entity.get(head.head.i) == ent.id and head.head != head:
                head = head.head
            if head.i in seen_heads:
                continue
            seen_heads.add(head.i)
            out.append((head, ent))
        return out

    @staticmethod
    def _clause_if_object(token: Token) -> Token | None:
        """For 'him'/'her' as an object, the verb whose subject it cannot be ('Trump asked him'); for a
        possessive in the object of an adversarial verb, the same ('the GAO denied its protest': not
        the GAO's own protest)."""
        if token.dep_ in ("dobj", "dative", "pobj") and token.lower_ in ("him", "her"):
            head = token.head.head if token.dep_ == "pobj" else token.head
            # "who hosted a fundraiser for him": the verb of the phrase the pronoun is in
            while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("dobj", "pobj", "prep") and head.head != head:
                head = head.head
            return head
        if token.dep_ == "poss" and token.head.dep_ in ("dobj", "pobj"):
            verb = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
            turned_down = verb.lemma_ in ("turn", "throw") and any(c.dep_ == "prt" and c.lower_ in ("down", "out") for c in verb.children)
            if verb.lemma_ in ADVERSARIAL or turned_down:  # "turned down its protest", "threw out its suit"
                return verb
        return None

    def _pick(
        self, token: Token, kinds: tuple[str, ...], exclude_office: bool = False, not_subject_of: Token | None = None,
        fits: tuple[str, ...] = (),
    ) -> Entity | None:
        candidates = [(t, e) for t, e in self._mentions_before(token) if e.kind in kinds]
        fitting = [(t, e) for t, e in candidates if any(w in e.name.lower() for w in fits)]
        candidates = fitting or candidates  # "the watchdog": the GAO, not the Air Force named last
        # "who led NASA's Space Operations Mission Directorate, retired from the agency": NASA, not its unit
        named = {e.name for _, e in candidates}
        whole = [(t, e) for t, e in candidates if not self._unit_of_named(e, named)]
        candidates = whole or candidates
        if not_subject_of is not None:
            # "Musk told him to be quiet, calling him a small man": whoever does the calling, even from
            # the main clause, is not "him"
            # ("David Sacks, a former PayPal executive who hosted a fundraiser for him": the executive is Sacks)
            barred = {self.table.token_entity.get(t.i) for s in subjects(not_subject_of)
                      for t in (s, *([s.head] if s.dep_ == "appos" else []))}
            candidates = [(t, e) for t, e in candidates if e.id not in barred]
        if exclude_office:
            candidates = [(t, e) for t, e in candidates if not self._holds_office(e)]
        if not candidates:
            return None
        sent = token.sent
        # 1. the subject of an earlier clause in this sentence
        for t, e in candidates:
            if t.sent == sent and t.dep_ in ("nsubj", "nsubjpass"):
                return e
        # 1b. an object of an earlier clause in this sentence ("sued NASA in the court, ... the agency's")
        for t, e in candidates:
            if t.sent == sent and t.dep_ in ("dobj", "dative"):
                return e
        # 2. the subject of the previous sentence
        prev = [t for t, e in candidates if t.sent != sent]
        if prev:
            prev_sent = prev[0].sent
            for t, e in candidates:
                if t.sent == prev_sent and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
                    return e
        # 3. for a business description, the most mentioned candidate so far; else the nearest
        if not exclude_office:
            return candidates[0][1]
        counts = Counter(m.entity_id for m in self.table.mentions)
        return max(candidates, key=lambda te: counts[te[1].id])[1]

    def _next_holder(self, title: str, body: str | None) -> list:
        """The first person to take this office after the publication date ("the incoming president")."""
        if body is None and title in ("president", "vice president"):
            body = "United States"
        starts = [
            (r.start, e) for e in self.gaz.entries for r in e.roles
            if r.title == title and r.start and r.start > self.published and (body is None or name_key(r.of) == name_key(body))
        ]
        return [min(starts, key=lambda x: x[0])[1]] if starts else []

    def _unit_of_named(self, entity: Entity, named: set[str]) -> bool:
        """True when the gazetteer makes this entity a unit of another candidate."""
        entry = self.gaz.lookup(entity.name)
        return bool(entry and entry.parent and entry.parent in named)

    def _holds_office(self, entity: Entity) -> bool:
        titles = self.table.titles.get(entity.id, set())
        if titles & {"president", "senator", "secretary", "administrator", "governor"}:
            return True
        entry = self.gaz.lookup(entity.name)
        return bool(entry and any(r.title in OFFICE_TITLES for r in entry.roles))

    # -- resolution -------------------------------------------------------------------------
    def run(self) -> None:
        for token in self.doc:
            if token.i in self.table.token_entity:
                continue
            entity, how = None, None
            low = token.lower_
            if token.pos_ == "PRON" and low in MALE | FEMALE:
                entity, how = self._pick(token, ("Person",), not_subject_of=self._clause_if_object(token)), "pronoun"
            elif token.pos_ == "PRON" and low in NEUTER and self._referential_it(token):
                kinds = ("Company", "Organization", "PublicBody", "Programme")
                if low == "its" and token.head.lemma_.lower() in GOVERNMENT_ACTS:
                    kinds = ("PublicBody",)  # "sued the Pentagon over its award": only a government awards
                entity, how = self._pick(token, kinds, not_subject_of=self._clause_if_object(token)), "pronoun"
            elif self._plural_reference(token):
                continue
            elif token.pos_ in ("NOUN", "PROPN") and self._is_description(token):
                entity, how = self._description(token), "description"
            if entity is not None:
                span = self._np_span(token) if how == "description" else self.doc[token.i : token.i + 1]
                self.table.token_entity[token.i] = entity.id
                self.table.mentions.append(EntityMention(entity.id, span.text, span.start_char, span.end_char, how))

    def _plural_reference(self, token: Token) -> bool:
        """'the two companies', 'both companies', 'they': the group the text has just named together
        ("Blue Origin and Dynetics protested ... The two companies ..."). Returns True when the token is
        such a plural reference, resolved or not."""
        low = token.lower_
        if token.pos_ == "PRON" and low in ("they", "them", "their"):
            kinds, wanted = ("Company", "Organization", "PublicBody", "Person"), None
        elif token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in self.descriptors:
            mods = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "quantmod")}
            if not mods & {"the", "both", "two", "three", "these", "those"}:
                return False
            kinds = self.descriptors[token.lemma_.lower()]
            wanted = 3 if "three" in mods else 2 if mods & {"both", "two"} else None
        elif token.pos_ == "NOUN" and low in COLLECTIVE_NOUNS and any(c.lower_ == "the" for c in token.children):
            # "the team", "the two sides", "the pair": a group named together just before
            kinds = ("Company", "Organization", "PublicBody", "Person")
            wanted = 2 if low in ("pair", "duo", "sides") else None
        else:
            return False
        group = self._latest_group(token, kinds, wanted)
        if not group or (wanted and len(group) != wanted):
            return True  # a plural with no group named together stays unresolved, never one entity
        self.table.token_group[token.i] = tuple(e.id for e in group)
        return True

    def _latest_group(self, token: Token, kinds: tuple[str, ...], wanted: int | None = None) -> list[Entity]:
        """The most recent coordination of two or more entities of these kinds, within two sentences;
        failing that, for "both companies", the last two distinct ones named ("met Boeing chief executive
        Dennis Muilenburg and Lockheed Martin chief executive Marillyn Hewson ... attacking both companies")."""
        seen: list[Entity] = []
        mentions = self._mentions_before(token, sentences=2)
        for head, ent in mentions:
            if ent.kind not in kinds:
                continue
            conj = [t for t in syntax_conjuncts(head)]
            members = []
            for t in conj:
                e = self.table.entity_at(t)
                if e is None:  # "Sikorsky and its partner Boeing": the name in the apposition
                    e = next((self.table.entity_at(c) for c in t.children if c.dep_ == "appos" and self.table.entity_at(c)), None)
                if e is not None and e.kind in kinds and e not in members:
                    members.append(e)
            if len(members) >= 2:
                return members
            if ent not in seen:
                seen.append(ent)
        if wanted and len(seen) == wanted:
            return list(reversed(seen))
        return []

    @staticmethod
    def _referential_it(token: Token) -> bool:
        if token.lower_ == "its":
            return True
        return token.dep_ in ("nsubj", "dobj", "pobj") and token.head.lemma_ not in ("be", "seem", "appear", "take")

    def _is_description(self, token: Token) -> bool:
        if token.lemma_.lower() not in self.descriptors and token.lower_ not in self.descriptors:
            return False
        if token.dep_ in ("compound", "amod"):
            return False
        dets = [c for c in token.children if c.dep_ in ("det", "poss")]
        if not dets:
            return False
        if any(c.dep_ == "det" and c.lower_ not in ("the", "this", "that") for c in dets):
            return False
        # "the company Blue Origin", "the CEO of Blue Origin" name their referent themselves
        if any(c.dep_ in ("appos",) for c in token.children):
            return False
        # "the NASA office", "the Boeing plant": a place or unit of the name inside it, no back-reference
        # (titles are: "the NASA administrator" is who holds the office)
        if "Person" not in self.descriptors.get(token.lemma_.lower(), ()) and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children
        ):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and _title_of(token) != "chief of staff":
            return False
        if token.dep_ == "appos" or (token.dep_ in ("attr",) and token.head.lemma_ == "be"):
            return False
        return True

    def _np_span(self, token: Token):
        lefts = [c for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss", "case")]
        left = min([token.i] + [c.left_edge.i if c.dep_ == "poss" else c.i for c in lefts])  # "Jeff Bezos's ..."
        right = token.i + 1
        if _title_of(token) == "chief of staff":
            right = token.i + 3
        return self.doc[left:right]

    def _description(self, token: Token) -> Entity | None:
        word = token.lemma_.lower() if token.lemma_.lower() in self.descriptors else token.lower_
        kinds = self.descriptors[word]
        poss = [c for c in token.children if c.dep_ == "poss"]
        if "Person" in kinds and word in ROLE_WORDS | {"chief"}:
            return self._role(token, poss[0] if poss else None)
        if poss:
            # "his company", "Jeff Bezos's rocket company": the organisation that person leads
            if set(kinds) & {"Company", "Organization"}:
                return self._led_by(poss[0], token, word)
            return None  # "its rival", "Trump's mogul": not a back-reference
        if "Person" in kinds and self._nationality(token) is not None:
            return None  # "the Dutch prime minister" is someone of that country, not the last person named
        # "Musk met the minister": the object of a verb is not its subject
        clause = token.head if token.dep_ in ("dobj", "dative") else token.head.head if token.dep_ == "pobj" else None
        return self._pick(token, kinds, exclude_office=word in BUSINESS_WORDS, not_subject_of=clause,
                          fits=self._fits(token, word))

    def _led_by(self, possessor: Token, token: Token, word: str) -> Entity | None:
        """The organisation a person founded or heads, from the gazetteer's roles: the one the document
        names, else the one that fits the description ("Jeff Bezos's rocket company"), if one alone does."""
        person = self.table.entity_at(possessor)
        entry = self.gaz.lookup(person.name) if person is not None and person.kind == "Person" else None
        if entry is None:
            return None
        led = [org for org in (self.gaz.lookup(r.of) for r in entry.roles if r.title in LEADER_TITLES) if org is not None]
        named = {name_key(e.name) for e in self.table.entities.values()}
        candidates = [org for org in led if name_key(org.name) in named] or led
        fits = self._fits(token, word)
        candidates = [org for org in candidates if any(w in org.name.lower() for w in fits)] or candidates
        names = {org.name for org in candidates}
        if len(names) != 1:
            return None
        org = candidates[0]
        eid = entity_id(org.name)
        self.table.entities.setdefault(eid, Entity(eid, org.name, org.kind))
        return self.table.entities[eid]

    def _fits(self, token: Token, word: str) -> tuple[str, ...]:
        """Name words a fitting referent has: 'the space agency' -> NASA; 'the watchdog' -> the GAO."""
        table = ontology.descriptor_fits()
        for mod in (c for c in token.children if c.dep_ in ("amod", "compound")):
            phrase = f"{mod.lower_} {word}"
            if phrase in table:
                return table[phrase]
        return table.get(word, ())

    def _nationality(self, token: Token) -> str | None:
        """The country a nationality before a title names ("the Chinese president": China; "South
        Korean President": South Korea); "" for one the gazetteer has no offices of, None for none."""
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        for mod in mods:
            country = nationality_country(mod)
            ent = self.table.entity_at(mod)
            if country is None and ent is not None and ent.kind == "Place":
                country = ent.name
            if country is None and mod.ent_type_ in ("NORP", "GPE"):
                return ""
            if country is not None:
                return country if self.gaz.lookup(country) is not None else ""
        return None

    def _role(self, token: Token, possessor: Token | None) -> Entity | None:
        """'the former president', 'Trump's chief of staff', 'Blue Origin's CEO'."""
        title = _title_of(token)
        owner = self.table.entity_at(possessor) if possessor is not None else None
        if owner is None and possessor is not None and possessor.lower_ not in ("its", "his", "her", "their"):
            return None
        # 1. a person the document itself gives this title
        if owner is None:
            for t, e in self._mentions_before(token, sentences=50):
                if e.kind == "Person" and title.split()[-1] in self.table.titles.get(e.id, set()):
                    return e
        # 2. whoever held the office on the publication date
        if self.published is None:
            return None
        body = owner.name if owner is not None and owner.kind != "Person" else None
        country = self._nationality(token)
        if country == "":
            return None  # "the Dutch prime minister": a country whose offices the gazetteer does not know
        body = body or country
        holders = self.gaz.holders(title, body, self.published)
        if owner is not None and owner.kind == "Person" and not holders:
            holders = self.gaz.holders(title, None, self.published)
        if body is None and owner is None and title in ("president", "vice president"):
            holders = self.gaz.holders(title, "United States", self.published)
        if any(m.lower_ in ("incoming", "elect") for m in token.children):
            holders = self._next_holder(title, body)  # "the incoming president": who takes office next
        if any(m.lower_ == "former" for m in token.children):
            # "the former president": someone who held the office before that day and whom the
            # document names
            named = {e.name for e in self.table.entities.values()}
            former = [
                e for e in self.gaz.entries
                if e.name in named and any(r.title == title and r.end is not None and r.end <= self.published for r in e.roles)
            ]
            if len(former) != 1:
                return None
            holders = former
        if len(holders) > 1 and body is None:
            # "the administrator" in an article about NASA: the holder whose body the article names
            named = {name_key(e.name) for e in self.table.entities.values() if e.kind != "Person"}
            holders = [h for h in holders if any(
                name_key(r.of) in named and r.holds_on(self.published) and title.split()[-1] in r.title for r in h.roles
            )]
        if len(holders) != 1:
            return None
        name = holders[0].name
        eid = entity_id(name)
        if eid not in self.table.entities:
            self.table.entities[eid] = Entity(eid, name, holders[0].kind)
        return self.table.entities[eid]


def resolve(table: DocEntities, published: date | None) -> None:
    """Add description and pronoun mentions to the table."""
    Resolver(table, published).run()
