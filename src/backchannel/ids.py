"""Deterministic ids: a hash of content parts, never random for a fact."""

import hashlib
import re
import unicodedata


def make_id(prefix: str, *parts: object) -> str:
    """Return ``prefix-<sha1 of parts>`` (first 16 hex digits); the same parts give the same id."""
    h = hashlib.sha1()
    for part in parts:
        h.update(str(part if part is not None else "").encode("utf-8"))
        h.update(b"\x1f")
    return f"{prefix}-{h.hexdigest()[:16]}"


def normalise_text(text: str) -> str:
    """Text as used for the content hash: NFC, unified quotes, collapsed white space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def content_id(text: str) -> str:
    """The id of an article: a hash of its normalised text, so a re-ingest is recognised."""
    return make_id("art", normalise_text(text))


def name_key(name: str) -> str:
    """A lookup key for a name: case, punctuation, quotes and a leading 'the' folded away."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s&]", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "co", "company", "llc", "l l c", "ltd", "limited", "plc",
             "lp", "llp", "na", "the"}
_TITLES = {"mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gen", "general", "adm", "admiral", "president", "secretary"}


def match_key(name: str, kind: str | None = None) -> str:
    """The looser key entity resolution matches on: name_key, then for organisations without
    parenthetical notes, "&", a trailing ", The" and corporate suffixes ("LOCKHEED MARTIN CORP" ->
    "lockheed martin"); for people without titles and middle initials, "QUINN, ANDREW" -> "andrew quinn"."""
    text = re.sub(r"\([^)]*\)", " ", name or "")
    if kind == "Person":
        if text.count(",") == 1 and not re.search(r",\s*(jr|sr|ii|iii)\.?$", text, re.I):
            last, first = text.split(",")
            text = f"{first} {last}"
        words = [w for w in name_key(text).split() if w not in _TITLES and len(w) > 1]
        return " ".join(words)
    text = re.sub(r"\b(?:f\s*k\s*a|formerly(?: known as)?)\b.*$", " ", text, flags=re.I)
    words = name_key(text.replace("&", " and ")).split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)
