"""Which reader a document needs: by file extension, else by looking at the content."""

from __future__ import annotations

import json
import os
import re

TEXT = "text"
MARKDOWN = "markdown"
HTML = "html"
JSONL = "jsonl"
FEED = "feed"
JSON = "json"  # a JSON document that is not JSON Lines: refused with advice, never read as prose

EXTENSIONS = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".xml": FEED,
    ".rss": FEED,
    ".atom": FEED,
}

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)\b")
_HTML_START = ("<!doctype html", "<html", "<head", "<body")


def format_for_path(path: str) -> str | None:
    """The format named by the file's extension, or None when it is missing or unknown."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def sniff(text: str) -> str:
    """Guess the format of decoded content: feed, HTML, JSON Lines, JSON, else plain text.

    JSON Lines needs every non-blank line to start with '{', and JSON must parse, so prose that
    merely opens with a brace stays text. An XML prolog is followed to its root element, so XHTML is not taken for a feed.
    """
    head = text[:4096].lstrip().lower()
    if head.startswith("<?xml"):
        if _FEED_ROOT.search(head):
            return FEED
        return HTML if "<html" in head else FEED
    if _FEED_ROOT.match(head):
        return FEED
    if head.startswith(_HTML_START):
        return HTML
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        return JSONL
    if head.startswith(("{", "[")) and _is_json(text):
        return JSON
    return TEXT


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
