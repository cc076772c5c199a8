"""Participants: which entities a noun phrase names, for the event rules.

A head that is an entity names it; otherwise its possessor ("the former president's rhetoric"), the
object of "of/from/by" ("the protests of Blue Origin"), the organisation behind a group or a place
("NASA officials", "NASA headquarters"), the name in an apposition ("its chief executive, Dave
Limp"), or a list after "including". An unresolved description is kept with no id.
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import ontology
from ..nlp import names
from ..model import EntityRef
from . import syntax
from .entities import DocEntities, entity_id, nationality_country

LOCATION_HEADS = {"headquarters", "office", "offices", "campus", "facility", "base", "center", "centre", "residence",
                  "estate", "plant", "factory", "site", "home", "club", "resort"}
# People standing for their organisation: "met NASA officials", "Boeing's lobbyists".
GROUP_HEADS = {"officials", "executives", "leaders", "staff", "representatives", "lawyers", "employees", "lobbyists",
               "aides", "negotiators", "delegation", "team", "leadership", "agents", "officers", "investigators",
               "prosecutors", "warplanes", "jets", "forces", "troops", "ships", "aircraft", "soldiers", "drones",
               "members", "unit", "subsidiary", "division", "arm", "senators", "lawmakers",
               "goods", "imports", "exports", "products"}
# A country's trade stands for it: "tariffs on Chinese goods", "levies on U.S. imports".
TRADE_HEADS = {"goods", "imports", "exports", "products"}
TITLE_HEADS = {"executive", "ceo", "chief", "president", "chairman", "chairwoman", "founder", "director", "head",
               "administrator", "secretary", "spokesman", "spokeswoman", "spokesperson"}
# Capitalised titles before a name: "Vice President JD Vance", "Prime Minister Narendra Modi".
TITLE_WORDS = names.TITLE_WORDS | names.PERSON_TITLES | {"prime", "chairman", "executive", "justice"}
OFFICE_NOUNS = {"nomination", "confirmation", "appointment", "resignation", "departure", "firing", "ouster"}
TAKEOVER_NOUNS = {"takeover", "acquisition", "purchase", "merger", "buyout", "investment", "stake"}
DEAL_NOUNS = {"contract", "deal", "agreement", "partnership", "accord"}
EVENT_NOUNS = {"request", "protest", "bid", "offer", "proposal", "appeal", "plea", "lawsuit", "complaint"}
# Prepositions of place: "talks in Beijing" is where, "pressure from Beijing" is who.
PLACE_PREPS = {"in", "at", "to", "near", "outside", "around", "across", "into", "inside", "through", "toward", "towards", "via"}
DESCRIPTION_HEADS = {"leadership", "lawmakers", "officials", "administration", "executives", "republicans", "democrats"}


class ParticipantReader:
    """Entity lookups over one document's parse, shared by the event rules."""

    def __init__(self, table: DocEntities, excluded: set[int]):
        self.table = table
        self.doc = table.doc
        self.excluded = excluded  # tokens of attribution phrases: never participants
        self._visiting: set[int] = set()  # noun phrases being read (a relative clause can lead back)

    def kind_of(self, tok: Token) -> str | None:
        """The kind of the one entity a token stands for (by name, description or pronoun), or None."""
        ent = self.table.entity_at(tok)
        return ent.kind if ent is not None else None

    def refs(self, tokens: list[Token]) -> list[EntityRef]:
        """Entities named by noun-phrase heads: the head's own entity, else its possessor's."""
        out: list[EntityRef] = []
        for tok in tokens:
            for ref in self._np_refs(tok):
                if ref not in out:
                    out.append(ref)
        return out

    def _np_refs(self, tok: Token, depth: int = 0) -> list[EntityRef]:
        if tok.i in self.excluded or depth > 2:
            return []
        tok = syntax.relative_antecedent(tok)
        # a relative clause's subject leads back to the noun it hangs on ("the protests that ..."):
        # never look at a phrase while it is being looked at
        if tok.i in self._visiting:
            return []
        self._visiting.add(tok.i)
        try:
            return self._np_refs_of(tok, depth)
        finally:
            self._visiting.discard(tok.i)

    def _np_refs_of(self, tok: Token, depth: int) -> list[EntityRef]:
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        if tok.dep_ == "appos" and (indefinite or (self.table.entity_at(tok) is None and tok.pos_ == "NOUN")):
            # "Saving Arizona PAC, a super PAC backing Blake Masters", "Nick Clegg, the former deputy prime
            # minister, who is leaving": the description is the name before it
            named = self.table.entity_at(tok.head)
            if named is not None and tok.head.i not in self.excluded:
                return [self.table.ref(named)]
        ent = self.table.entity_at(tok)
        if ent is not None:
            return [self._government(tok, ent)]
        if tok.i in self.table.token_group:  # "the two companies", "they"
            return [self.table.ref(self.table.entities[i]) for i in self.table.token_group[tok.i]]
        for c in tok.children:  # "its chief executive, Dave Limp": the name, not the title's owner
            if c.dep_ == "appos" and self.table.entity_at(c) is not None and c.i not in self.excluded:
                return [self.table.ref(self.table.entity_at(c))]
        if tok.lower_ in TITLE_HEADS:
            return []  # an unresolved title ("its chief executive") is not its organisation
        if tok.lower_ in syntax.PARTITIVES and tok.pos_ in ("ADJ", "NOUN", "PRON", "DET"):  # "most of X's protest"
            # a named whole ("most of Blue Origin's protest"), not one's own ("some of his posts about Trump")
            wholes = [o for o in syntax.prep_objects(tok, ("of",))
                      if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
            found = self.refs(wholes)
            if found:
                return found
        if tok.lemma_.lower() in OFFICE_NOUNS:  # "hailed the Senate's confirmation of Isaacman": Isaacman
            found = self.refs(syntax.prep_objects(tok, ("of",)))
            if found:
                return found
        if tok.lower_ in LOCATION_HEADS | GROUP_HEADS:  # "visited NASA headquarters", "met NASA officials"
            # the compound before the possessive: "Lockheed Martin's Sikorsky unit" is Sikorsky
            # (the model sometimes makes the name before the head an adjective: "Sikorsky" amod "unit")
            named = [c for c in tok.children if c.dep_ == "compound" or (c.dep_ == "amod" and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE")))]
            for c in named + [c for c in tok.children if c.dep_ == "poss"]:
                ent = self.table.entity_at(c)
                trade = tok.lower_ in TRADE_HEADS and ent is not None and ent.kind == "Place"  # "U.S. imports"
                if ent is not None and (ent.kind not in ("Place", "Programme") or trade):  # "SpaceX's Starshield unit": SpaceX
                    return [self.table.ref(ent)]
            if tok.lower_ in GROUP_HEADS:  # "members of the Senate Armed Services Committee"
                found = self.refs(syntax.prep_objects(tok, ("of",)))
                if found:
                    return found
            # "met Chinese officials", "tariffs on Mexican and Canadian goods": the countries
            countries = self.countries_named_by(tok)
            if countries:
                return countries
        # "the former president's campaign rhetoric" -> the president; "the protests of Blue Origin
        # and Dynetics" -> both; "Trump-era policies" -> no
        company_word = tok.pos_ == "NOUN" and set(ontology.descriptors().get(tok.lemma_.lower(), ())) & {"Company", "Organization"}
        deferred = None
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PRON" and tok.lemma_.lower() in TAKEOVER_NOUNS:
                deferred = c  # "its takeover of Aerojet": Aerojet says more than "its"
                continue
            if c.dep_ == "poss":
                found = self._np_refs(c, depth + 1)
                if company_word and any(r.kind == "Person" for r in found):
                    return []  # "his company" unresolved is not him
                if found:
                    return found
        if tok.pos_ == "NOUN" and "Person" not in ontology.descriptors().get(tok.lemma_.lower(), ()):
            # ("a former employee of the Air Force" is a person, not the Air Force)
            found = []
            deal = tok.lemma_.lower() in DEAL_NOUNS
            preps = ("of", "from", "by", "with") if deal else ("of", "from", "by")
            holders = [tok] + ([c for c in tok.children if c.dep_ == "amod"] if deal else [])  # "contracts worth $5 billion with X"
            for obj in syntax.prep_objects_of(holders, preps):
                found.extend(r for r in self._np_refs(obj, depth + 1) if r not in found)
            if tok.lemma_.lower() in EVENT_NOUNS:
                # "a Pentagon request", "the protests that Blue Origin had lodged": who made them
                found += [r for r in self.refs([c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]) if r not in found]
                for relcl in (c for c in tok.children if c.dep_ == "relcl"):
                    subj = [t for s in relcl.children if s.dep_ == "nsubj" for t in syntax.with_conjuncts(s)]
                    found += [r for r in self.refs(subj) if r not in found]
            for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"):  # "sites run by X"
                found.extend(r for r in self.refs(syntax.agents(acl)) if r not in found)
            if found:
                return found
        if deferred is not None:
            found = self._np_refs(deferred, depth + 1)
            if found:
                return found
        if tok.tag_ in ("NNS", "NNPS"):  # "a dozen companies, including SpaceX, OpenAI and Scale AI"; "Democrats, including"
            found = self.refs(syntax.prep_objects(tok, ("including", "like")))
            if found:
                return found
        if tok.lower_ in DESCRIPTION_HEADS or (tok.lemma_ in ontology.descriptors() and tok.pos_ == "NOUN" and tok.tag_ == "NNS"):
            span = self.doc[tok.left_edge.i : tok.i + 1]
            if not any(t.i in self.table.token_entity for t in span):
                return [EntityRef(name=span.text, kind=None, id=None, text=span.text)]
        return []

    def _government(self, tok: Token, ent) -> EntityRef:
        """The entity, or for a capital that acts or is acted on, its country ("urged Washington")."""
        country = ontology.capitals().get(ent.name) if ent.kind == "Place" else None
        where = tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS
        if country is None or where or tok.dep_ in ("compound", "npadvmod"):
            return self.table.ref(ent)
        return EntityRef(name=country, kind="Place", id=entity_id(country), text=tok.text)

    def countries_named_by(self, tok: Token) -> list[EntityRef]:
        """The countries whose nationality words qualify a noun ("Mexican and Canadian goods")."""
        words = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
        words += [w for c in words for w in c.conjuncts if w.ent_type_ == "NORP"]
        out = []
        for word in words:
            country = nationality_country(word)
            ref = EntityRef(name=country, kind="Place", id=entity_id(country), text=word.text) if country else None
            if ref is not None and ref not in out:
                out.append(ref)
        return out

    def _entities_inside(self, tok: Token) -> list[EntityRef]:
        """Entities in compound, possessive or from/by/for positions of a noun phrase ("contracts from NASA")."""
        out = []
        for c in tok.subtree:
            if c == tok or c.i in self.excluded:
                continue
            in_clause = not any(a.dep_ in ("relcl", "acl") for a in c.ancestors if a.i != tok.i and tok in a.ancestors)
            if c.dep_ in ("compound", "poss", "nmod") and c.head == tok or (
                c.dep_ == "pobj" and c.head.lower_ in ("from", "by", "with", "at") and in_clause
            ):
                for conj in syntax.with_conjuncts(c):
                    out.extend(r for r in self.refs([conj]) if r not in out)
        return out

    def _bodies_inside(self, tok: Token) -> list[EntityRef]:
        """Public bodies named in a noun phrase, not in its clauses: 'a bid for the NASA lander contract'."""
        out: list[EntityRef] = []
        stack = [tok]
        while stack:
            node = stack.pop()
            if node.i in self.excluded:
                continue
            ent = self.table.entity_at(node)
            if ent is not None and ent.kind == "PublicBody":
                ref = self.table.ref(ent)
                if ref not in out:
                    out.append(ref)
            stack.extend(c for c in node.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos"))
        return out

    # -- triggers ---------------------------------------------------------------------------

    def _between(self, pobjs: list[Token]) -> list[EntityRef]:
        """Everyone 'between X, Y and Z', even when the parser breaks the list ("SpaceX president
        Gwynne Shotwell, ULA chief executive Tory Bruno and ..."): entities of the first one's kind."""
        refs = self.refs(pobjs)
        if not pobjs or not refs:
            return refs
        kind = refs[0].kind
        for tok in sorted({t for p in pobjs for t in p.subtree}, key=lambda t: t.i):
            ent = self.table.entity_at(tok)
            if ent is not None and ent.kind == kind and tok.i not in self.excluded:
                ref = self.table.ref(ent)
                if ref not in refs:
                    refs.append(ref)
        return refs

    def names_listed_after(self, token: Token, kinds: tuple[str, ...]) -> list[EntityRef]:
        """The names listed right after a word, read off the surface ("awarded SpaceX and L3Harris
        Technologies contracts", "awards SpaceX, ULA and Blue Origin $13.7 billion"), for lists the
        parser breaks; only entities of these kinds, and none unless the list starts at the next word."""
        out: list[EntityRef] = []
        i, doc = token.i + 1, self.doc
        while i < len(doc) and doc[i].sent == token.sent:
            ent = self.table.entity_at(doc[i])
            if ent is None or ent.kind not in kinds or doc[i].i in self.excluded or doc[i].pos_ == "PRON":
                break
            while i < len(doc) and self.table.entity_at(doc[i]) == ent and doc[i].tag_ != "POS":
                i += 1
            if i < len(doc) and doc[i].tag_ == "POS":
                break  # "awarded SpaceX's Starshield unit": a possessor, not a list
            if i < len(doc) and "Person" in ontology.descriptors().get(doc[i].lower_, ()):
                break  # "awarded Boeing engineer Jane Smith a medal": the name qualifies a person
            ref = self.table.ref(ent)
            if ref not in out:
                out.append(ref)
            start = i
            while i < len(doc) and doc[i].lower_ in (",", "and"):
                i += 1
            if i == start:
                break
        return out

    def names_listed_before(self, tokens: list[Token]) -> list[EntityRef]:
        """Names joined to a subject by "and" that the parser hung elsewhere ("after President Donald
        Trump and Vice President JD Vance berated Zelensky": "after" takes Trump as its object)."""
        refs = self.refs(tokens)
        if len(tokens) != 1 or len(refs) != 1:
            return refs
        kind, i = refs[0].kind, tokens[0].left_edge.i
        if i < 2 or self.doc[i - 1].lower_ != "and":
            return refs  # only a list that ends in "and" ("In a letter to Sean Duffy, Representative Don Beyer asked")
        while i >= 2 and self.doc[i - 1].lower_ in ("and", ",") and self.doc[i - 1].sent == tokens[0].sent:
            ent = self.table.entity_at(self.doc[i - 2])
            if ent is None or ent.kind != kind or self.doc[i - 2].i in self.excluded:
                break
            ref = self.table.ref(ent)
            if ref not in refs:
                refs.insert(0, ref)
            i = self.doc[i - 2].left_edge.i
            while i > 0 and self.table.entity_at(self.doc[i - 1]) == ent:
                i -= 1
            while i > 0 and self.doc[i - 1].pos_ == "PROPN" and self.table.entity_at(self.doc[i - 1]) is None \
                    and self.doc[i - 1].lower_ in TITLE_WORDS:
                i -= 1  # "Vice President", "Senator"
        return refs

    def _people_in(self, tokens: list[Token]) -> list[EntityRef]:
        """The people an object names, even a list the parser broke ("OpenAI chief executive Sam Altman,
        SoftBank chief executive Masayoshi Son and Oracle co-founder Larry Ellison")."""
        refs = self.refs(tokens)
        if refs and refs[0].kind == "Person":
            return self._between(tokens)
        return refs

    def _on_behalf(self, verb: Token) -> list[EntityRef]:
        """'lobbied the Pentagon on behalf of Blue Origin': the client acts too."""
        out = []
        for behalf in syntax.prep_objects(verb, ("on",)):
            if behalf.lower_ == "behalf":  # "on behalf of Blue Origin", "on SpaceX's behalf"
                out += self.refs(syntax.prep_objects(behalf, ("of",)) + [c for c in behalf.children if c.dep_ == "poss"])
        return out

    def _companions(self, verb: Token) -> list[EntityRef]:
        """'JD Vance, accompanied by Senator Ted Cruz, is expected to visit': Cruz comes too."""
        out = []
        for subj in syntax.subjects(verb):
            for acl in (c for c in subj.children if c.dep_ == "acl" and c.lemma_ in ("accompany", "join", "flank")):
                out += self.refs(syntax.agents(acl))
        return out

    def _first_actor_inside(self, tok: Token) -> list[EntityRef]:
        """The first entity named in a clause, with those coordinated with it ("if NASA and its
        contractor Boeing could not ...")."""
        for node in sorted(tok.subtree, key=lambda t: t.i):
            if node == tok or node.i in self.excluded:
                continue
            ent = self.table.entity_at(node)
            if ent is not None and ent.kind not in ("Place", "Programme"):
                head = node
                while head.head != head and self.table.entity_at(head.head) == ent:
                    head = head.head
                found = [self.table.ref(ent)]
                found += [r for r in self.refs(syntax.with_conjuncts(head)[1:]) if r not in found and r.kind not in ("Place", "Programme")]
                return found
        return []
