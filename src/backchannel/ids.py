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



def match_key(name: str, kind: str | None = None) -> str:
    """The looser key entity resolution matches on: ``resolve.names.person_key`` for people,
    ``org_key`` otherwise ("LOCKHEED MARTIN CORP" -> "lockheed martin", "QUINN, ANDREW" -> "andrew quinn")."""
    from .resolve.names import org_key, person_key  # noqa: PLC0415 - resolve imports ids

    return person_key(name) if kind == "Person" else org_key(name)
