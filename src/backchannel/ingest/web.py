"""Readers for web formats: an HTML page (via trafilatura) and RSS/Atom feeds (via feedparser)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
import trafilatura

from backchannel.errors import DateError, InputError
from backchannel.model import Article

from .base import Failure, Options, build_article, clean_field
from .dates import parse_date

# Elements after which text continues on a new line, so paragraphs do not run together.
_BLOCKS = frozenset(
    "p div li ul ol br h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure".split()
)
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def read_html(markup: str, path: str, options: Options) -> Article:
    """One web page: main text and metadata (title, date, site name, canonical URL) via trafilatura."""
    # Only dates from markup and URL: extensive search also reads the body and footers, and would
    # date a story by its copyright line. max_date keeps htmldate from accepting future dates.
    date_params = {
        "original_date": True,
        "extensive_search": False,
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }
    try:
        doc = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, date_extraction_params=date_params
        )
    except Exception as exc:  # trafilatura and lxml raise many types on odd markup; one page must not stop a batch
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc}): check it is a saved web page") from None
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page has no main text: save the article page itself, or give its text as a .txt file")

    outlet = doc.sitename
    if outlet and options.defaults.outlet and _is_host_name(outlet, doc):
        outlet = None  # trafilatura's fallback when a page names no site; the user's --outlet is better
    return build_article(
        doc.text,
        options,
        path,
        title=doc.title,
        published=_quiet_date(doc.date),
        outlet=outlet,
        url=doc.url,
    )


def read_feed(markup: str, path: str, options: Options) -> Iterator[Article | Failure]:
    """An RSS or Atom feed: one Article per entry, outlet = feed title, url = entry link.

    Entry text is the full content when present, else the summary, with HTML tags stripped. The date
    is the entry's published (else updated) date as written in the feed, else the default.
    """
    # Hand feedparser bytes in a stream: given a str it may treat it as a URL or a file name and
    # open it. The text is already decoded, so its XML declaration must now say UTF-8.
    data = _XML_ENCODING.sub(r"\1\2utf-8\2", markup, count=1).encode("utf-8")
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser is lenient, but its sanitiser can still raise on odd input
        raise InputError(f"feed could not be parsed ({type(exc).__name__}: {exc}): check it is an RSS or Atom file") from None
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception") or "not well-formed"
            raise InputError(f"not a readable RSS/Atom feed ({problem}): check that the file is a complete feed")
        raise InputError("feed has no entries: nothing to ingest")

    outlet = _detail_text(parsed.feed, "title")
    for number, entry in enumerate(parsed.entries, 1):
        try:
            yield build_article(
                _entry_text(entry),
                options,
                path,
                title=_detail_text(entry, "title"),
                published=_entry_date(entry),
                outlet=outlet,
                url=entry.get("link"),
            )
        except InputError as exc:
            title = clean_field(entry.get("title"))
            named = f" ({title[:60]!r})" if title else ""
            yield Failure(path, f"feed entry {number}{named}: {exc}")


def _is_host_name(name: str, doc) -> bool:
    hosts = {doc.hostname, urlsplit(doc.url or "").hostname}
    hosts |= {host.removeprefix("www.") for host in hosts if host}
    return name.lower().removeprefix("www.") in hosts


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element, tags and scripts removed."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _detail_text(container: dict, key: str) -> str | None:
    value = container.get(key)
    if not value:
        return None
    detail = container.get(f"{key}_detail") or {}
    return html_to_text(value) if "html" in detail.get("type", "") else value


def _entry_text(entry: dict) -> str:
    candidates = [*entry.get("content", []), entry.get("summary_detail") or {"value": entry.get("summary")}]
    for item in candidates:
        value = item.get("value") or ""
        text = value if item.get("type") == "text/plain" else html_to_text(value)
        if text.strip():
            return text
    raise InputError("no text (neither content nor summary): nothing to ingest")


def _entry_date(entry: dict) -> date | None:
    for key in ("published", "updated"):
        # The written date first: feedparser's *_parsed is converted to UTC, which can move a late
        # evening story to the next day.
        written = _quiet_date(entry.get(key))
        if written:
            return written
        struct = entry.get(f"{key}_parsed")
        if struct:
            return date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    return None


def _quiet_date(value: str | None) -> date | None:
    """A metadata date, or None when it is missing or unreadable (the default then applies)."""
    if not value:
        return None
    try:
        return parse_date(value)
    except DateError:
        return None
