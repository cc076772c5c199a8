"""When two different name keys are still one name: typos, under two documented thresholds.

Pure functions on the words of ``names.org_key`` / ``names.person_key``.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from .names import ORG_SUFFIXES, STOPWORDS, org_tokens, person_key

# Fuzzy matching has two thresholds, and both must pass.
#
# 1. Words (TYPO_MIN_LENGTH, ``is_typo``). Every word of one name must be in the other, or be a typo
#    of a word there: the same first letter, at least TYPO_MIN_LENGTH letters, and at most 1 edit (2
#    for words of 8+ letters) by optimal string alignment ("technolgies" ~ "technologies",
#    "corpororation" ~ "corporation"). A word extended at its end is another word unless the ending
#    is a plural ("SpaceX" is not "Space"; "Aeronautic" is "Aeronautics"). Short words and numbers
#    must be equal ("L3" is not "S3"). A word found in only one name blocks the merge: "Boeing" /
#    "Boeing Capital", "Lockheed Martin" / "Lockheed Martin Aeronautics" (a division is its own
#    entity); only legal forms (even mistyped) and "and", "of", "the" may be missing. "dynamics" and
#    "atomics" are 4 edits apart, so General Dynamics is not General Atomics.
# 2. Whole name (FUZZY_THRESHOLD, ``similarity``). The names without legal forms and stop words must
#    be at least this similar by rapidfuzz ``fuzz.ratio`` (order-sensitive, 0..1). This stops names
#    whose every word is a little off. "general dynamics" / "general atomics" is 0.84, so even
#    without threshold 1 they stay apart; "jeff bezoz" / "jeff bezos" is 0.90.
TYPO_MIN_LENGTH = 5
FUZZY_THRESHOLD = 0.90
_LONG_SUFFIXES = tuple(s for s in ORG_SUFFIXES if len(s) >= 7)  # a typo of these is still a legal form


def _is_suffix(word: str) -> bool:
    if word in ORG_SUFFIXES:
        return True
    return len(word) >= 7 and any(is_typo(word, s) for s in _LONG_SUFFIXES)  # "Corpororation"


def core(tokens: list[str], person: bool = False) -> str:
    """What fuzzy matching compares: the key's words without legal forms (even mistyped) and stop words."""
    if person:
        return " ".join(tokens)
    return " ".join(t for t in tokens if t not in STOPWORDS and not _is_suffix(t))


def is_typo(a: str, b: str) -> bool:
    """True when two different words are close enough to be one word mistyped (threshold 1 above)."""
    if a == b:
        return True
    if min(len(a), len(b)) < TYPO_MIN_LENGTH or a[0] != b[0] or any(c.isdigit() for c in a + b):
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] not in ("s", "es"):
        return False  # a word extended at its end is another word ("space" / "spacex"), a plural is not
    return OSA.distance(a, b) <= (2 if min(len(a), len(b)) >= 8 else 1)


def words_agree(a: str, b: str) -> bool:
    """Every word of each core has an equal or mistyped word in the other (threshold 1 above)."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    return all(any(is_typo(x, y) for y in wb) for x in wa) and all(any(is_typo(y, x) for x in wa) for y in wb)


def similarity(a: str, b: str) -> float:
    """Threshold 2: the similarity (0..1, rapidfuzz ``fuzz.ratio``) of two cores."""
    return fuzz.ratio(a, b) / 100


def fuzzy_score(a: str, b: str, person: bool = False) -> float | None:
    """The similarity of two names when both thresholds pass, else None.

    ``fuzzy_score("Lockheed Martin Corpororation", "Lockheed Martin")`` is 1.0;
    ``fuzzy_score("General Dynamics", "General Atomics")`` is None.
    """
    if person:
        ca, cb = core(person_key(a).split(), True), core(person_key(b).split(), True)
    else:
        ca, cb = core(org_tokens(a)), core(org_tokens(b))
    if not words_agree(ca, cb):
        return None
    value = similarity(ca, cb)
    return value if value >= FUZZY_THRESHOLD else None
