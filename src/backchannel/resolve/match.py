"""Match a name to the entity it denotes, or to none: an index of known names and their entities.

A name is tried in this order, and the first rule that finds exactly one entity wins:

1. **exact**: the same spelling as a known name or alias, up to case and white space (score 1.0);
2. **key**: the same ``org_key`` / ``person_key``, or the same key with its spaces taken out
   ("SpaceX" = "Space X") (score 0.95);
3. **acronym**: "ULA" and "United Launch Alliance" (at least 3 letters and 3 words) (score 0.9);
4. **fuzzy**: typos, under the two thresholds of ``fuzzy`` (score = the similarity, 0.9 to 0.95);
5. **surname** (people only): "Bezos" or "J. Bezos" when exactly one known person fits (0.8 / 0.85).

A rule that finds two or more entities stops the search: an ambiguous name is left unmatched, never
forced onto one of them. A name that matches nothing returns None. A filing "X on behalf of Y" is
matched as X. When X itself matches nothing, a note "X (formerly Y)" matches X to Y's entity, and a
slash compound ("GenCorp, Inc. / Aerojet Rocketdyne") matches when all its parts match one entity.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .. import ontology
from .fuzzy import FUZZY_THRESHOLD, core, words_agree
from .names import acronym, drop_notes, initials_match, is_acronym_form, org_tokens, other_names
from .names import person_key, person_parts, split_on_behalf

FUZZY_MARGIN = 0.02  # a runner-up this close to the best entity makes the name ambiguous
SCORES = {"exact": 1.0, "key": 0.95, "acronym": 0.9, "initials": 0.85, "surname": 0.8}
ORG_KINDS = frozenset({"Company", "Organization", "PublicBody", "MediaOutlet"})


@dataclass(frozen=True)
class Match:
    """The entity a name resolved to, how sure (0..1) and by which rule."""

    entity_id: str
    score: float
    how: str  # "exact" | "key" | "acronym" | "fuzzy" | "surname"


@dataclass(frozen=True)
class _Name:
    entity_id: str
    text: str
    kind: str | None
    person: bool
    key: str
    core: str  # what fuzzy matching compares: key words without legal forms and stop words
    acronym_form: bool  # written as an acronym: "ULA"
    initials: str  # the acronym of a name of 3+ significant words ("ULA" for United Launch Alliance), else ""


def _exact(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@lru_cache(maxsize=65536)
def _spelling(text: str, person: bool) -> tuple[str, str, bool, str, str]:
    """(key, core, written as an acronym, initials, surname) of one spelling; the same spellings
    are indexed and matched again and again when every new article's entities are linked, so they
    are cached."""
    tokens = person_key(text).split() if person else org_tokens(text)
    words = core(tokens, person)
    initials = acronym(text) if not person and len(words.split()) >= 3 else ""
    surname = person_parts(text).surname if person else ""
    return " ".join(tokens), words, is_acronym_form(text), initials, surname


def kinds_compatible(a: str | None, b: str | None) -> bool:
    """A name of kind ``a`` may denote an entity of kind ``b``; organisation kinds are interchangeable."""
    return a is None or b is None or a == b or (a in ORG_KINDS and b in ORG_KINDS)


def _person(kind: str | None) -> bool:
    return kind == "Person"


class NameIndex:
    """Known names (names and aliases of entities) to match new names against."""

    def __init__(self, entries: Iterable[tuple] = ()):
        """``entries``: (entity_id, name, kind, aliases) tuples, as for ``add``."""
        self._names: list[_Name] = []
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[tuple[bool, str], set[str]] = defaultdict(set)
        self._surnames: dict[str, list[_Name]] = defaultdict(list)
        self._kinds: dict[str, str | None] = {}
        for entry in entries:
            self.add(*entry)

    def __len__(self) -> int:
        return len(self._kinds)

    def add(self, entity_id: str, name: str, kind: str | None = None, aliases: Iterable[str] = ()) -> None:
        """Index ``name`` and ``aliases`` as spellings of ``entity_id``. Adding to a known id adds spellings."""
        kind = self._kinds.setdefault(entity_id, kind)
        person = _person(kind)
        spellings = [name, *aliases]
        if not person:  # "TESLA INC (FORMERLY TESLA MOTORS INC)": the former name is this entity's too
            spellings += [other for text in spellings for other in other_names(text)]
        for text in spellings:
            if not text or not text.strip():
                continue
            key, words, acronym_form, initials, surname = _spelling(text, person)
            entry = _Name(entity_id, text, kind, person, key, words, acronym_form, initials)
            self._names.append(entry)
            self._exact[_exact(text)].add(entity_id)
            self._keys[(person, key)].add(entity_id)
            if not person:
                self._keys[(False, key.replace(" ", ""))].add(entity_id)
            else:
                self._surnames[surname].append(entry)

    def kind(self, entity_id: str) -> str | None:
        """The kind the entity was added with."""
        return self._kinds.get(entity_id)

    def _fits(self, ids: Iterable[str], kind: str | None) -> set[str]:
        return {i for i in ids if kinds_compatible(kind, self._kinds[i])}

    def match(self, name: str, kind: str | None = None) -> Match | None:
        """The entity ``name`` denotes, or None when no known entity (or more than one) fits.

        ``kind`` ("Person", "Company", ...) limits the search to entities of a compatible kind; None
        tries people and organisations alike.
        """
        found = self._fits(self._exact.get(_exact(name), ()), kind)
        if found:
            return Match(next(iter(found)), SCORES["exact"], "exact") if len(found) == 1 else None
        filer, _client = split_on_behalf(name)  # a firm filing for a client is the firm
        whole = self._match_one(filer, kind)
        if whole is not False:
            return whole
        if not _person(kind):
            # "X (formerly Y)": when X is unknown, the entity that was Y is X now.
            found = [m for m in (self.match(other, kind) for other in other_names(filer)) if m]
            if found:
                return self._agree(found)
        # "GenCorp, Inc. / Aerojet Rocketdyne": a compound names one entity when all its parts do.
        parts = [p for p in drop_notes(filer).split("/") if p.strip()]
        if len(parts) < 2 or any(len(p.strip()) < 3 for p in parts):
            return None
        found = [self.match(p, kind) for p in parts]
        return None if None in found else self._agree(found)

    @staticmethod
    def _agree(found: list[Match]) -> Match | None:
        """The weakest of several matches when they all name one entity, else None."""
        return min(found, key=lambda m: m.score) if len({m.entity_id for m in found}) == 1 else None

    def _match_one(self, name: str, kind: str | None) -> Match | None | bool:
        """A match, None when a rule found several entities (ambiguous), False when none found any."""
        found = self._fits(self._exact.get(_exact(name), ()), kind)
        if found:
            return self._one(found, "exact")
        ways = [False, True] if kind is None else [_person(kind)]
        for person in ways:
            key = _spelling(name, person)[0]
            found = self._fits(self._keys.get((person, key), ()), kind)
            if not found and not person:
                found = self._fits(self._keys.get((False, key.replace(" ", "")), ()), kind)
            if found:
                return self._one(found, "key")
        if not _person(kind):
            found = self._fits(self._acronyms(name), kind)
            if found:
                return self._one(found, "acronym")
        fuzzy = self._fuzzy(name, kind, ways)
        if fuzzy is not False:
            return fuzzy
        if kind is None or _person(kind):
            return self._surname(name)
        return False

    def _one(self, ids: set[str], how: str, score: float | None = None) -> Match | None:
        if len(ids) != 1:
            return None
        return Match(next(iter(ids)), SCORES[how] if score is None else score, how)

    def _acronyms(self, name: str) -> set[str]:
        orgs = [n for n in self._names if not n.person]
        if is_acronym_form(name):
            letters = drop_notes(name).replace(".", "").strip().upper()
            return {n.entity_id for n in orgs if n.initials == letters}
        letters = acronym(name)
        if len(letters) < 3:
            return set()
        # A long name matches an entity known by this acronym only if none of that entity's own names
        # expands to it: "SB Strategic Consulting" is not Space Systems Command ("SSC").
        ids = {n.entity_id for n in orgs if n.acronym_form and n.text.replace(".", "").strip().upper() == letters}
        return ids - {n.entity_id for n in orgs if n.initials == letters}

    def _fuzzy(self, name: str, kind: str | None, ways: list[bool]) -> Match | None | bool:
        best: dict[str, float] = {}
        for person in ways:
            query = _spelling(name, person)[1]
            pool = [n for n in self._names if n.person == person and kinds_compatible(kind, n.kind)]
            hits = process.extract(query, [n.core for n in pool], scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_THRESHOLD * 100, limit=None)
            for _text, score, i in hits:
                if words_agree(query, pool[i].core):
                    best[pool[i].entity_id] = max(best.get(pool[i].entity_id, 0.0), score / 100)
        if not best:
            return False
        ranked = sorted(best.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
            return None
        # Never surer than a key match: cores can be equal while keys differ ("Bread for World").
        return Match(ranked[0][0], round(min(ranked[0][1], SCORES["key"]), 4), "fuzzy")

    def _surname(self, name: str) -> Match | None | bool:
        parts = person_parts(name)
        people = self._surnames.get(parts.surname, [])
        if not parts.surname or not people:
            return False
        if not parts.given:  # "Bezos": only when one known person has that surname
            return self._one({n.entity_id for n in people}, "surname")
        if all(parts.initials):  # "J. Bezos": the surname and the initials
            ids = {n.entity_id for n in people if initials_match(name, n.text)}
            return self._one(ids, "surname", SCORES["initials"]) if ids else False
        return False

    def candidates(self, threshold: float = FUZZY_THRESHOLD) -> list[tuple[str, str, float, str]]:
        """Pairs of indexed entities that look like one actor, for a person to review.

        Returns (id_a, id_b, score, reason) with id_a < id_b and score >= ``threshold``, best first:
        the same spelling or key under two ids, an acronym, a fuzzy pair that passes both thresholds,
        or people with the same surname and compatible initials.
        """
        pairs: dict[tuple[str, str], tuple[float, str]] = {}

        def note(a: str, b: str, score: float, reason: str) -> None:
            if a == b or score < threshold or not kinds_compatible(self._kinds[a], self._kinds[b]):
                return
            pair = (min(a, b), max(a, b))
            if pair not in pairs or pairs[pair][0] < score:
                pairs[pair] = (score, reason)

        for label, table in (("same spelling", self._exact), ("same key", self._keys)):
            for key, ids in table.items():
                shown = key[1] if isinstance(key, tuple) else key
                for a in ids:
                    for b in ids:
                        note(a, b, SCORES["exact" if label == "same spelling" else "key"], f"{label} {shown!r}")
        expanded = {(n.entity_id, n.initials) for n in self._names if n.initials}
        for n in self._names:
            letters = n.text.replace(".", "").strip().upper()
            # Only an acronym with no expansion under its own entity: "SSC" of Space Systems Command
            # says nothing about Stennis Space Center.
            if n.acronym_form and not n.person and (n.entity_id, letters) not in expanded:
                for b in self._acronyms(n.text):
                    note(n.entity_id, b, SCORES["acronym"], f"acronym {n.text!r}")
        for person in (False, True):
            pool = [n for n in self._names if n.person == person and n.core]
            if len(pool) < 2:
                continue
            cores = [n.core for n in pool]
            matrix = process.cdist(cores, cores, scorer=fuzz.ratio, score_cutoff=threshold * 100)
            for i, j in zip(*matrix.nonzero()):
                if i < j and words_agree(cores[i], cores[j]):
                    note(pool[i].entity_id, pool[j].entity_id, round(min(float(matrix[i, j]) / 100, SCORES["key"]), 4),
                         f"fuzzy {pool[i].text!r} ~ {pool[j].text!r}")
        for people in self._surnames.values():
            for x in people:
                for y in people:
                    if x.entity_id < y.entity_id and initials_match(x.text, y.text):
                        note(x.entity_id, y.entity_id, SCORES["initials"], f"initials {x.text!r} ~ {y.text!r}")
        return sorted(((a, b, s, r) for (a, b), (s, r) in pairs.items()), key=lambda p: (-p[2], p[0], p[1]))


def gazetteer_index(gazetteer: ontology.Gazetteer | None = None) -> NameIndex:
    """A NameIndex of every gazetteer entry (name and aliases, kind) under its entity id."""
    from ..extract.entities import entity_id  # imports spaCy, so only when a gazetteer index is built

    gaz = gazetteer or ontology.gazetteer()
    return NameIndex((entity_id(e.name), e.name, e.kind, e.aliases) for e in gaz.entries)
