"""Shared pieces of ingest: the result types, the options of one run, and the Article builder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from backchannel.errors import InputError
from backchannel.ids import content_id
from backchannel.model import Article

STDIN = "<stdin>"

# Markup (HTML, feeds) carries far more characters than the text it yields, so a raw HTML or feed
# file may be this many times BACKCHANNEL_MAX_CHARS before it is refused unread.
MARKUP_FACTOR = 10


@dataclass(frozen=True)
class Failure:
    """A file, or one JSON Lines line, that could not be ingested, and why."""

    path: str  # file path, or "<stdin>", with ":LINE" appended for a JSON Lines line
    reason: str  # one clear line: what is wrong and what to do

    def __post_init__(self) -> None:
        # Reasons often embed third-party messages; a CLI prints one line per failure, so fold them.
        object.__setattr__(self, "reason", " ".join(str(self.reason).split()))


@dataclass(frozen=True)
class Defaults:
    """Metadata given by the user, used only where a document has none of its own."""

    published: date | None = None  # --published, used when the document has no date of its own
    outlet: str | None = None  # --outlet, used when the document has none
    url: str | None = None  # --url


@dataclass(frozen=True)
class Options:
    """What every reader needs to know about the run: the user's defaults and the size limit."""

    defaults: Defaults
    limit: int  # largest article text, in characters


def too_large(count: int, limit: int, unit: str = "characters") -> str:
    """The reason for a document over the limit; says which variable to raise."""
    if unit == "characters":
        return f"too large ({count} characters, limit {limit}; set BACKCHANNEL_MAX_CHARS)"
    return f"too large ({count} {unit}, limit {limit} characters; set BACKCHANNEL_MAX_CHARS)"


def clean_field(value: str | None) -> str | None:
    """A one-line metadata value (title, outlet, url) with white space collapsed, or None if blank."""
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def build_article(
    text: str,
    options: Options,
    path: str,
    *,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """Make an Article from extracted text and document metadata, filling gaps from the defaults.

    The text keeps its inner white space as in the source (offsets downstream point into it), only
    leading and trailing white space is stripped. Raises InputError when the text is empty or too large.
    """
    text = text.strip()
    if not text:
        raise InputError("no text: nothing to ingest")
    if len(text) > options.limit:
        raise InputError(too_large(len(text), options.limit))
    defaults = options.defaults
    published = published or defaults.published
    if isinstance(published, datetime):
        published = published.date()
    return Article(
        id=content_id(text),
        text=text,
        title=clean_field(title),
        published=published,
        outlet=clean_field(outlet) or clean_field(defaults.outlet),
        url=clean_field(url) or clean_field(defaults.url),
        path=path,
    )
