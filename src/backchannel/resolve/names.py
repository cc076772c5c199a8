"""Name keys: organisation and person names folded so that spellings of one actor compare equal.

Pure functions, no I/O. ``org_key`` and ``person_key`` fold away what varies between records and
news ("LOCKHEED MARTIN CORP", "Lockheed Martin Corporation"; "QUINN, ANDREW", "Andrew Quinn") and
keep every word that tells two organisations apart ("Boeing" and "Boeing Capital" keep different
keys). Whether two *different* keys still denote one actor (typos) is decided in ``match``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..ids import name_key

# Legal-form words dropped from the end of an organisation name (after punctuation is folded, so
# "L.L.C." is "llc" and "N.A." is "na"). "Holdings"/"Holding" are dropped too: a holding company and
# the operating company it owns are one actor for influence mapping (they share management and lobby
# under either name), and the gazetteer already lists "Leidos Holdings" and "Aerojet Rocketdyne
# Holdings" as aliases. Words such as "Group", "Associates", "Partners" or "Capital" are kept: they
# are part of what tells organisations apart.
ORG_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company llc ltd limited plc lp llp lllp pllc pc pbc na "
    "gmbh ag sa nv bv holdings holding".split()
)
# Words that carry no identity: never enough on their own to tell two names apart.
STOPWORDS = frozenset("and of the for in on at to a an de".split())

# "(FKA GENCORP INC)", "FKA: ALLIANT ...", "formerly known as ...", "d/b/a ...": what follows is
# another name of the same organisation (a former, trade or new name), not part of this one.
_MARKERS = r"(?:f/?k/?a|a/?k/?a|d/?b/?a|n/?k/?a|formerly known as|formerly|previously known as|now known as)"
_FORMER = re.compile(r"\s*[,;]?\s*\b" + _MARKERS + r"\b.*$", re.I)
_MARKER_START = re.compile(r"^\s*" + _MARKERS + r"\b\s*:?\s*", re.I)
_ON_BEHALF = re.compile(r"^(?P<filer>.*?\S)\s*,?\s*\(?\s*\b(?:on behalf of|o/b/o)\s+(?P<client>[^()]+?)\s*\)?\s*$", re.I)
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # "L.L.C.", "N.A.", "J.D.", "U.S."
_LETTER_DIGIT = re.compile(r"\b([A-Za-z])-(\d)|\b(\d)-([A-Za-z])\b")  # "L-3", "3-D"
_DOMAIN = re.compile(r"\.(?:com|net|org)\b", re.I)  # "Amazon.com" is Amazon


def _fold(text: str) -> str:
    """NFKD without accents, typographic quotes made plain."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _undot(match: re.Match) -> str:
    return match.group(0).replace(".", "") + " "


def _groups(text: str) -> tuple[str, list[str]]:
    """The text outside parentheses, and the contents of each top-level group (an unclosed one runs
    to the end: "L3TECHNOLOGIES(FORMERLY L-3COMMUNICATIONS INC")."""
    outside: list[str] = []
    groups: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            if depth:
                current.append(ch)
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth:
                current.append(ch)
            else:
                groups.append("".join(current))
                current = []
        elif depth:
            current.append(ch)
        else:
            outside.append(ch if ch != ")" else " ")
    if depth:
        groups.append("".join(current))
    return "".join(outside), groups


def drop_notes(name: str) -> str:
    """``name`` without notes in parentheses and other-name clauses ("(FKA ...)", "FKA: ...").

    A name that is nothing but a note keeps the note's words.
    """
    outside, _groups_ = _groups(name)
    text = _FORMER.sub("", " ".join(outside.split())).strip(" ,;:/-")
    return text or " ".join(re.sub(r"[()]", " ", name).split())


def other_names(name: str) -> list[str]:
    """Other names of the same organisation that a note in ``name`` gives.

    "TESLA INC (FORMERLY TESLA MOTORS INC)" -> ["TESLA MOTORS INC"]; "ORBITAL ATK INC FKA: ALLIANT
    TECHSYSTEMS OPERATIONS LLC" -> ["ALLIANT TECHSYSTEMS OPERATIONS LLC"]. Only notes with a marker
    (fka, formerly, aka, dba, nka) count: a bare parenthesis may name a client ("Van Scoyoc
    Associates (United Launch Alliance)"). A note that is only a legal form ("(formerly LLC)") is none.
    """
    outside, groups = _groups(_fold(name))
    found = []
    m = re.search(r"\b" + _MARKERS + r"\b\s*:?\s*(.+)$", outside, re.I)
    if m:
        found.append(m.group(1))
    for group in groups:
        m = _MARKER_START.match(group)
        if m:
            found.append(group[m.end():])
    out = []
    for text in found:
        text = " ".join(re.sub(r"\([^()]*\)", " ", text).split()).strip(" ,;:")
        if text and not all(t in ORG_SUFFIXES for t in org_tokens(text)):
            out.append(text)
    return out


def split_on_behalf(name: str) -> tuple[str, str | None]:
    """Split "Firm on behalf of Client" into ``("Firm", "Client")``; otherwise ``(name, None)``.

    "Balch & Bingham, LLP on behalf of Blue Origin" -> ("Balch & Bingham, LLP", "Blue Origin");
    "Fidelis Government Relations (On behalf of General Dynamics)" -> ("Fidelis Government
    Relations", "General Dynamics"). A lobbying firm filing for a client is not that client, so the
    filer is what the name denotes.
    """
    m = _ON_BEHALF.match(name.strip())
    if not m:
        return name.strip(), None
    return m.group("filer").strip(" ,;(-"), m.group("client").strip(" ,;)")


def org_tokens(name: str) -> list[str]:
    """The words of ``org_key(name)``."""
    name, _ = split_on_behalf(name)
    text = drop_notes(_fold(name))
    text = _DOMAIN.sub("", text)
    text = _DOTTED.sub(_undot, text)
    text = _LETTER_DIGIT.sub(lambda m: "".join(g for g in m.groups() if g), text)
    text = text.replace("&", " and ")
    text = re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z]{2})", "", text)  # "O'Connor" is one word, "Boeing's" is not
    text = name_key(text)  # case, punctuation, possessive 's, a leading "the"
    # "L3TECHNOLOGIES" -> "l3 technologies": a code glued to a word (never "3m": one letter).
    text = re.sub(r"(\d)([a-z]{3,})\b", r"\1 \2", text)
    tokens = text.replace("_", " ").split()
    # Trailing ", The" and legal forms, in any order ("BOEING COMPANY, THE", "Foo Holdings, Inc.");
    # a dangling "and" is left behind by "J.A. Green and Company". One word always stays.
    while len(tokens) > 1 and (tokens[-1] in ORG_SUFFIXES or tokens[-1] in ("the", "and")):
        tokens.pop()
    return tokens


def org_key(name: str) -> str:
    """A normalised key for an organisation name.

    Folds Unicode, case and punctuation, "&" to "and", dotted abbreviations ("L.L.C." = "LLC"),
    letter-digit hyphens ("L-3" = "L3"), ".com"; drops a leading "The" and a trailing ", The", legal
    forms at the end (Inc, Corp, Co, Company, LLC, Ltd, PLC, LP, LLP, N.A., Holdings ...), notes in
    parentheses and former names ("(FKA GENCORP INC)", "FKA: ..."), and the client of an "on behalf
    of" filing. Distinguishing words stay: ``org_key("Boeing Capital Corp") == "boeing capital"``.
    """
    return " ".join(org_tokens(name))


def acronym(name: str) -> str:
    """Initials of the significant words of an organisation name, upper case.

    "United Launch Alliance" -> "ULA"; "National Aeronautics and Space Administration" -> "NASA".
    Legal forms and words like "and", "of", "the" do not count.
    """
    return "".join(t[0] for t in org_tokens(name) if t not in STOPWORDS).upper()


def is_acronym_form(name: str) -> bool:
    """True when ``name`` is written as an acronym: one word, 3-6 capital letters ("ULA", "N.A.S.A.")."""
    text = drop_notes(_fold(name)).replace(".", "").strip()
    return bool(re.fullmatch(r"[A-Z]{3,6}", text))


# -- people --------------------------------------------------------------------------------------

# Titles dropped from the front of a person's name ("Sen. Ted Cruz", "Lt. Gen. John Smith").
TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sen senator rep representative congressman congresswoman gov "
    "governor gen general adm admiral lt lieutenant col colonel maj major capt captain sgt sergeant cmdr "
    "commander hon honorable rev sir dame amb ambassador president vice secretary judge justice "
    "the former acting".split()
)
# Generational and degree suffixes. "V" is left out: after "Smith, John V" it is an initial.
GENERATIONS = frozenset("jr sr ii iii iv".split())
_DEGREES = frozenset("phd md esq ret usa usn usaf usmc".split())
_PARTICLES = frozenset("van von de der den da di del della la le st du dos".split())


@dataclass(frozen=True)
class PersonName:
    """A person's name taken apart: given names (initials marked), surname, generational suffix."""

    given: tuple[str, ...]
    initials: tuple[bool, ...]  # parallel to ``given``: True for an initial ("j", or "jd" from "J.D.")
    surname: str
    generation: str | None = None


# Marks a word that was dotted initials ("J.D." -> "jd" + mark), so it still counts as initials.
_INITIALS = "\x00"


def _person_token(token: str) -> str:
    return re.sub(r"[^\w-]", "", token.replace("'", "").replace(_INITIALS, "")).strip("-_")


def person_parts(name: str) -> PersonName:
    """Take a person's name apart: "QUINN, ANDREW" -> given ("andrew",), surname "quinn".

    Titles in front are dropped (Sen., Gen., Dr., Mr.), a suffix (Jr., III, PhD) is set aside,
    "Surname, Given" is turned round, nicknames in quotes and notes in parentheses are dropped.
    """
    text = _fold(name)
    text = re.sub(r"\"[^\"]*\"|\([^()]*\)", " ", text)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").lower() + _INITIALS + " ", text)
    parts = [p.strip() for p in text.split(",")]
    generation = None
    kept = []
    for i, part in enumerate(parts):
        words = part.split()
        tail = []
        for j, word in enumerate(words):
            folded = _person_token(word).lower()
            if i > 0 or j > 0:  # a name's first word is never a suffix ("Jr" is nobody's name)
                if folded in GENERATIONS:
                    generation = folded
                    continue
                if folded in _DEGREES:
                    continue
            tail.append(word)
        if tail:
            kept.append(tail)
    if len(kept) >= 2:  # "Surname, Given Middle"
        words = kept[1] + [w for rest in kept[2:] for w in rest] + kept[0]
    else:
        words = kept[0] if kept else []
    tokens = [(_person_token(w).lower(), w.endswith(_INITIALS) or len(w.rstrip(".")) == 1) for w in words]
    tokens = [(t, ini or len(t) == 1) for t, ini in tokens if t]
    while len(tokens) > 1 and tokens[0][0] in TITLES:
        tokens.pop(0)
    if not tokens:
        return PersonName((), (), "", generation)
    # Particles belong to the surname: "Ludwig van Beethoven" -> "van beethoven".
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1][0] in _PARTICLES:
        cut -= 1
    surname = " ".join(t for t, _ in tokens[cut:])
    given = tokens[:cut]
    return PersonName(tuple(t for t, _ in given), tuple(i for _, i in given), surname, generation)


def person_key(name: str) -> str:
    """A normalised key for a person's name: given names then surname, lower case.

    "QUINN, ANDREW" -> "andrew quinn"; "Sen. Ted Cruz" -> "ted cruz"; "ROSE, PETER J." -> "peter
    rose". Middle initials are dropped ("Donald J. Trump" = "Donald Trump"), and so is a first
    initial before a full given name ("J. Keith Kennedy" = "Keith Kennedy"); initials alone stay
    ("J. Bezos" -> "j bezos"). Suffixes (Jr., III) are not part of the key; see ``PersonName``.
    """
    p = person_parts(name)
    full = [g for g, ini in zip(p.given, p.initials) if not ini]
    if full:
        given = full
    elif p.given:
        given = ["".join(p.given)]  # "J. D. Vance" -> "jd vance", as "JD Vance"
    else:
        given = []
    return " ".join([*given, p.surname]).strip()


def initials_match(a: str, b: str) -> bool:
    """True when two person names can be the same person by surname and initials.

    ``initials_match("J. Bezos", "Jeff Bezos")`` is True; "J. Bezos" and "Mackenzie Bezos" are not.
    Both names need a given name and the same surname; where one given name is an initial it must be
    the other's first letter, where both are full names they must be equal. Different generational
    suffixes (Jr. and Sr.) never match.
    """
    pa, pb = person_parts(a), person_parts(b)
    if not pa.given or not pb.given or not pa.surname or pa.surname != pb.surname:
        return False
    if pa.generation and pb.generation and pa.generation != pb.generation:
        return False
    if person_key(a) == person_key(b):
        return True
    for (x, xi), (y, yi) in zip(zip(pa.given, pa.initials), zip(pb.given, pb.initials)):
        if xi or yi:
            if x[0] != y[0]:
                return False
        elif x != y:
            return False
    return True
